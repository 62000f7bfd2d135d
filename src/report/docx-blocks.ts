// The heading and signature blocks drawn in Word (the `docx` package), and the page every
// document for the committee shares: A4, Times New Roman, the margins of Hướng dẫn 36-HD/VPTW
// and Nghị định 30/2020. The docx module is passed in: it is loaded only to write a .docx.
import type * as Docx from 'docx';
import type { DocumentHeading, SignatureBlock } from './document.js';
import { xmlText } from '../model/text-as-data.js';

export type DocxModule = typeof Docx;

export const FONT = 'Times New Roman';
/** Half-points, as Word counts font sizes. */
export const PT = (points: number) => points * 2;
/** Millimetres to twips (twentieths of a point). */
export const MM = (mm: number) => Math.round((mm * 1440) / 25.4);

/** A4 portrait; 20 mm top and bottom, 30 mm left, 15 mm right (Hướng dẫn 36, Nghị định 30). */
export const PAGE = { width: MM(210), height: MM(297), top: MM(20), bottom: MM(20), left: MM(30), right: MM(15) };
export const TEXT_WIDTH = PAGE.width - PAGE.left - PAGE.right;

export interface RunStyle {
  readonly bold?: boolean;
  readonly italics?: boolean;
  readonly size?: number;
}

export function para(
  d: DocxModule,
  text: string,
  style: RunStyle & { align?: 'left' | 'center' | 'right' | 'both'; before?: number; after?: number; indent?: number; keepNext?: boolean } = {},
): Docx.Paragraph {
  const align = { left: d.AlignmentType.LEFT, center: d.AlignmentType.CENTER, right: d.AlignmentType.RIGHT, both: d.AlignmentType.JUSTIFIED }[style.align ?? 'left'];
  return new d.Paragraph({
    alignment: align,
    spacing: { before: style.before ?? 0, after: style.after ?? 0 },
    ...(style.indent === undefined ? {} : { indent: { firstLine: style.indent } }),
    ...(style.keepNext === true ? { keepNext: true } : {}),
    children: [run(d, text, style)],
  });
}

/** A run of text; what XML cannot hold and bidirectional controls are shown as code points (SPEC §3). */
export function run(d: DocxModule, text: string, style: RunStyle = {}): Docx.TextRun {
  return new d.TextRun({ text: xmlText(text), font: FONT, ...(style.bold ? { bold: true } : {}), ...(style.italics ? { italics: true } : {}), ...(style.size === undefined ? {} : { size: PT(style.size) }) });
}

const NO_BORDERS = (d: DocxModule) => ({
  top: { style: d.BorderStyle.NONE, size: 0, color: 'FFFFFF' },
  bottom: { style: d.BorderStyle.NONE, size: 0, color: 'FFFFFF' },
  left: { style: d.BorderStyle.NONE, size: 0, color: 'FFFFFF' },
  right: { style: d.BorderStyle.NONE, size: 0, color: 'FFFFFF' },
  insideHorizontal: { style: d.BorderStyle.NONE, size: 0, color: 'FFFFFF' },
  insideVertical: { style: d.BorderStyle.NONE, size: 0, color: 'FFFFFF' },
});

/** A table without borders, for laying blocks side by side. */
export function layoutTable(d: DocxModule, widths: readonly number[], cells: readonly (readonly Docx.Paragraph[])[]): Docx.Table {
  return new d.Table({
    width: { size: widths.reduce((a, b) => a + b, 0), type: d.WidthType.DXA },
    columnWidths: [...widths],
    layout: d.TableLayoutType.FIXED,
    borders: NO_BORDERS(d),
    rows: [
      new d.TableRow({
        cantSplit: true,
        children: cells.map((children, i) => new d.TableCell({ width: { size: widths[i] ?? 0, type: d.WidthType.DXA }, borders: NO_BORDERS(d), children: [...children] })),
      }),
    ],
  });
}

/**
 * Estimated width in twips of bold capitals in Times New Roman: what a rule "as long as the
 * text" needs, since Word draws a paragraph's border across the whole paragraph.
 */
function boldCapsWidth(text: string, points: number): number {
  let em = 0;
  for (const ch of text) em += ch === ' ' ? 0.25 : /[A-ZÀ-Ỹ]/u.test(ch.normalize('NFD').charAt(0)) ? 0.72 : 0.5;
  return Math.round(em * points * 20);
}

/** A paragraph with a rule under it about as long as its text, centred in a cell `cellWidth` wide. */
function ruled(d: DocxModule, text: string, points: number, cellWidth: number, style: RunStyle): Docx.Paragraph {
  const side = Math.max(0, Math.round((cellWidth - boldCapsWidth(text, points)) / 2) - MM(2));
  return new d.Paragraph({
    alignment: d.AlignmentType.CENTER,
    indent: { left: side, right: side },
    border: { bottom: { style: d.BorderStyle.SINGLE, size: 6, color: '000000', space: 1 } },
    children: [run(d, text, { ...style, size: points })],
  });
}

/** A short centred rule on a line of its own (under the issuing body in State documents). */
function shortRule(d: DocxModule, cellWidth: number, length: number): Docx.Paragraph {
  const side = Math.round((cellWidth - length) / 2);
  return new d.Paragraph({ indent: { left: side, right: side }, spacing: { after: 0 }, border: { top: { style: d.BorderStyle.SINGLE, size: 6, color: '000000', space: 1 } }, children: [] });
}

/** The heading block: issuing side on the left, national heading and date on the right, then the document type and subject. */
export function docxHeading(d: DocxModule, h: DocumentHeading, width = TEXT_WIDTH): (Docx.Paragraph | Docx.Table)[] {
  const party = h.convention === 'party';
  const left = Math.round(width * (party ? 0.5 : 0.42));
  const right = width - left;
  const leftCell: Docx.Paragraph[] = [
    para(d, h.parentBody, { align: 'center', size: party ? 14 : 13 }),
    para(d, h.body, { align: 'center', bold: true, size: party ? 14 : 13 }),
    h.bodyMark === 'star' ? para(d, '*', { align: 'center', size: 14 }) : shortRule(d, left, MM(25)),
    para(d, h.number, { align: 'center', size: 14, before: h.bodyMark === 'star' ? 0 : 120 }),
  ];
  const national = h.national.map((line, i) =>
    i === h.national.length - 1
      ? ruled(d, line, party ? 15 : 13, right, { bold: true })
      : para(d, line, { align: 'center', bold: true, size: party ? 15 : 12 }),
  );
  const rightCell = [...national, para(d, h.placeDate, { align: 'center', italics: true, size: 14, before: 160 })];
  const out: (Docx.Paragraph | Docx.Table)[] = [layoutTable(d, [left, right], [leftCell, rightCell])];
  out.push(para(d, h.type, { align: 'center', bold: true, size: 16, before: 360, keepNext: true }));
  if (h.subject !== null) out.push(para(d, h.subject, { align: 'center', bold: true, size: 14, after: 240, keepNext: true }));
  return out;
}

/** The signature block: every member but the head on the left, each with room to sign; the head on the right. */
export function docxSignature(d: DocxModule, s: SignatureBlock, width = TEXT_WIDTH): Docx.Table {
  const half = Math.round(width / 2);
  // About 25 mm to sign in: a signature, and a seal where there is one.
  const space = () => new d.Paragraph({ spacing: { before: MM(22) }, children: [] });
  const leftCell: Docx.Paragraph[] =
    s.members.length === 0
      ? [para(d, '')]
      : [para(d, s.membersTitle, { align: 'center', bold: true, size: 14 }), para(d, '', { size: 14 }), ...s.members.flatMap((name) => [space(), para(d, name, { align: 'center', bold: true, size: 14, after: 120 })])];
  const rightCell = [para(d, s.authority, { align: 'center', bold: true, size: 14 }), para(d, s.title, { align: 'center', bold: true, size: 14 }), space(), para(d, s.head, { align: 'center', bold: true, size: 14 })];
  return layoutTable(d, [half, width - half], [leftCell, rightCell]);
}

/**
 * Headers: the classification (độ mật) on every page when given; page numbers from page 2,
 * centred at the top (Hướng dẫn 36).
 */
export function docxHeaders(d: DocxModule, classification: string | null): { first: Docx.Header; default: Docx.Header } {
  const mark = () => (classification === null ? [] : [para(d, classification, { align: 'right', bold: true, size: 14 })]);
  return {
    first: new d.Header({ children: mark().length > 0 ? mark() : [para(d, '')] }),
    default: new d.Header({
      children: [new d.Paragraph({ alignment: d.AlignmentType.CENTER, children: [new d.TextRun({ font: FONT, size: PT(14), children: [d.PageNumber.CURRENT] })] }), ...mark()],
    }),
  };
}
