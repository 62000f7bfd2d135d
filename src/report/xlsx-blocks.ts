// The heading and signature blocks (src/report/document.ts) drawn on a worksheet, and the
// font every printed sheet uses: Times New Roman, as the heading asks (Hướng dẫn 36-HD/VPTW).
import type { CellValue, Row, Workbook, Worksheet } from 'exceljs';
import type { DocumentHeading, SignatureBlock } from './document.js';
import { cellText } from '../model/text-as-data.js';

export const SHEET_FONT = 'Times New Roman';
const THIN = { style: 'thin' as const, color: { argb: 'FF000000' } };

/** Merges `from..to` on one row and writes centred text there. */
function centred(ws: Worksheet, row: number, from: number, to: number, text: string, font: { bold?: boolean; italic?: boolean; size?: number }): void {
  if (to > from) ws.mergeCells(row, from, row, to);
  const c = ws.getCell(row, from);
  c.value = text;
  c.font = { name: SHEET_FONT, size: 12, ...font };
  c.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
}

/**
 * The heading from row `row`: the issuing side over columns `left`, the national heading and
 * the date over columns `right`, then the document type and subject across `1..lastCol`.
 * Returns the first free row.
 */
export function xlsxHeading(ws: Worksheet, row: number, h: DocumentHeading, left: readonly [number, number], right: readonly [number, number], lastCol: number): number {
  const party = h.convention === 'party';
  const leftLines: [string, boolean][] = [[h.parentBody, false], [h.body, true], [h.bodyMark === 'star' ? '*' : '', false], [h.number, false]];
  leftLines.forEach(([text, bold], i) => centred(ws, row + i, left[0], left[1], text, { bold, size: 12 }));
  if (!party) ws.getCell(row + 2, left[0]).border = { top: THIN };
  h.national.forEach((text, i) => {
    centred(ws, row + i, right[0], right[1], text, { bold: true, size: party ? 13 : 12 });
  });
  // The rule under the national heading: a bottom border on its last line.
  const last = row + h.national.length - 1;
  for (let c = right[0]; c <= right[1]; c++) ws.getCell(last, c).border = { bottom: THIN };
  centred(ws, row + h.national.length + (party ? 1 : 0), right[0], right[1], h.placeDate, { italic: true, size: 12 });
  let r = row + leftLines.length + 1;
  centred(ws, r, 1, lastCol, h.type, { bold: true, size: 14 });
  ws.getRow(r).height = 20;
  r++;
  if (h.subject !== null) {
    centred(ws, r, 1, lastCol, h.subject, { bold: true, size: 12 });
    ws.getRow(r).height = 32;
    r++;
  }
  return r;
}

/**
 * The signature block from row `row`: members under `CÁC THÀNH VIÊN` over columns `left`, each
 * with three empty rows to sign in; the head over columns `right`. Returns the first free row.
 */
export function xlsxSignature(ws: Worksheet, row: number, s: SignatureBlock, left: readonly [number, number], right: readonly [number, number]): number {
  const SIGN_ROWS = 4;
  centred(ws, row, right[0], right[1], s.authority, { bold: true });
  centred(ws, row + 1, right[0], right[1], s.title, { bold: true });
  centred(ws, row + 2 + SIGN_ROWS, right[0], right[1], s.head, { bold: true });
  let r = row;
  if (s.members.length > 0) {
    centred(ws, r, left[0], left[1], s.membersTitle, { bold: true });
    r += 2;
    for (const name of s.members) {
      r += SIGN_ROWS;
      centred(ws, r, left[0], left[1], name, { bold: true });
      r++;
    }
  }
  return Math.max(r, row + 3 + SIGN_ROWS);
}

/** Times New Roman on every written cell of every sheet, keeping each cell's own size and weight. */
export function serifEverywhere(wb: Workbook): void {
  wb.eachSheet((ws) => ws.eachRow({ includeEmpty: false }, serifRow));
}

/** Times New Roman on every cell of one written row, as serifEverywhere does for a sheet. */
export function serifRow(row: Row): void {
  row.eachCell({ includeEmpty: true }, (cell) => {
    cell.font = { size: 12, ...cell.font, name: SHEET_FONT };
  });
}

/** Title lines above a sheet's table, each merged across `1..lastCol`; returns the first free row. */
export function xlsxTitle(ws: Worksheet, lines: readonly { text: string; bold?: boolean; size?: number; italic?: boolean }[], lastCol: number): number {
  lines.forEach((l, i) => {
    ws.mergeCells(i + 1, 1, i + 1, lastCol);
    const c = ws.getCell(i + 1, 1);
    c.value = l.text;
    c.font = { name: SHEET_FONT, size: l.size ?? 12, bold: l.bold === true, italic: l.italic === true };
    c.alignment = { horizontal: i === 0 ? 'center' : 'left', vertical: 'middle', wrapText: true };
  });
  return lines.length + 2;
}

/**
 * The date of a check or reconciliation, only when given (TALLY_DATE, dd/mm/yyyy or
 * yyyy-mm-dd): the same inputs give the same workbook, so no wall clock goes in unasked.
 */
export function reportDate(env: Readonly<Record<string, string | undefined>>): string | null {
  const v = env['TALLY_DATE']?.trim();
  if (v === undefined || v === '') return null;
  let m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(v);
  if (m !== null) return `${m[1]}-${m[2]}-${m[3]}`;
  m = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(v);
  return m === null ? null : `${m[3]}-${(m[2] as string).padStart(2, '0')}-${(m[1] as string).padStart(2, '0')}`;
}

/** A cell's value with its text through cellText; null when nothing in it needs to change. */
export function safeValue(v: CellValue): CellValue | null {
  if (typeof v === 'string') return cellText(v) === v ? null : cellText(v);
  if (v === null || typeof v !== 'object' || v instanceof Date) return null;
  if ('richText' in v) {
    const richText = v.richText.map((r) => ({ ...r, text: cellText(r.text) }));
    return richText.every((r, i) => r.text === v.richText[i]?.text) ? null : { ...v, richText };
  }
  if ('hyperlink' in v && typeof v.text === 'string') return cellText(v.text) === v.text ? null : { ...v, text: cellText(v.text) };
  if ('result' in v && typeof v.result === 'string') return cellText(v.result) === v.result ? null : ({ ...v, result: cellText(v.result) } as CellValue);
  return null;
}

/**
 * The bytes of a workbook, every text in its cells first made safe (SPEC §3): what XML cannot
 * hold and bidirectional controls shown as code points, and no cell over Excel's 32,767
 * characters (cut with "… [+N]"). Every workbook the program writes leaves through here.
 */
export async function workbookBytes(wb: Workbook): Promise<Uint8Array> {
  wb.eachSheet((ws) => ws.eachRow({ includeEmpty: false }, safeRow));
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

/** The text of one row's cells made safe, as workbookBytes does; for a row written as a stream. */
export function safeRow(row: Row): void {
  row.eachCell({ includeEmpty: false }, (cell) => {
    // A merged cell's value is its first cell's, made safe there.
    if (cell.master !== cell) return;
    const safe = safeValue(cell.value);
    if (safe !== null) cell.value = safe;
  });
}

/**
 * A workbook written as a stream, for sheets too large to hold as cell objects (a national
 * round): rows are finished as workbookBytes and serifEverywhere finish them — Times New Roman,
 * text made safe — and written in order; the bytes are collected at the end.
 */
export async function streamedWorkbook(): Promise<{ wb: Workbook; bytes: () => Promise<Uint8Array> }> {
  const [{ default: ExcelJS }, { Writable }] = await Promise.all([import('exceljs'), import('node:stream')]);
  const chunks: Buffer[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      chunks.push(chunk);
      done();
    },
  });
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream, useStyles: true, useSharedStrings: false });
  const add = wb.addWorksheet.bind(wb);
  wb.addWorksheet = (name, options) => withPrintOptions(add(name, options));
  return {
    wb,
    bytes: async () => {
      await wb.commit();
      return new Uint8Array(Buffer.concat(chunks));
    },
  };
}

/**
 * Finishes and writes every row of a streamed sheet above row `r`; those rows can no longer
 * change. Yields to the event loop now and then, so the written XML is zipped as it comes
 * rather than piling up.
 */
export async function commitRowsBefore(ws: Worksheet, r: number): Promise<void> {
  let last: Row | null = null;
  ws.eachRow({ includeEmpty: false }, (row) => {
    if (row.number >= r) return;
    serifRow(row);
    safeRow(row);
    last = row;
  });
  if (last !== null) (last as Row).commit();
  await new Promise<void>((resolve) => setImmediate(resolve));
}

/** Writes the rest of a streamed sheet and closes it. */
export async function commitSheet(ws: Worksheet): Promise<void> {
  await commitRowsBefore(ws, Number.POSITIVE_INFINITY);
  (ws as unknown as { commit(): void }).commit();
}

/**
 * The streaming writer leaves out <printOptions> (a sheet centred on the page, as the in-memory
 * writer keeps it): written where the schema puts it, just before the page margins.
 */
function withPrintOptions(ws: Worksheet): Worksheet {
  const writer = ws as unknown as { _writePageMargins(): void; stream: { write(xml: string): void } };
  const margins = writer._writePageMargins.bind(writer);
  writer._writePageMargins = () => {
    const p = ws.pageSetup;
    const on = ([['headings', p.showRowColHeaders], ['gridLines', p.showGridLines], ['horizontalCentered', p.horizontalCentered], ['verticalCentered', p.verticalCentered]] as const).filter(([, v]) => v === true);
    if (on.length > 0) writer.stream.write(`<printOptions${on.map(([k]) => ` ${k}="1"`).join('')}/>`);
    margins();
  };
  return ws;
}
