// Layout help for the workbooks we write (the summary and the re-check): row heights that
// fit wrapped text, which a spreadsheet does not work out itself for a generated file.
import type { Borders, Cell, Fill, Row, Worksheet } from 'exceljs';
import { cutText, xmlText } from '../model/text-as-data.js';

/**
 * Neither Excel nor LibreOffice fits row heights to wrapped text in a generated file, so the
 * height is set from the longest wrapped cell (about 1.15 characters per unit of width).
 */
export function fitHeight(ws: Worksheet, row: Row, wrapColumns: readonly number[]): void {
  let lines = 1;
  for (const col of wrapColumns) {
    const width = ws.getColumn(col).width ?? 10;
    lines = Math.max(lines, wrappedLines(String(row.getCell(col).value ?? ''), Math.max(4, Math.floor(width * 1.15))));
  }
  row.height = 15 * lines;
}

/** Lines the text takes at `perLine` characters a line: its own line breaks, then wrapping. */
function wrappedLines(text: string, perLine: number): number {
  return text.split('\n').reduce((sum, paragraph) => sum + paragraphLines(paragraph, perLine), 0);
}

function paragraphLines(text: string, perLine: number): number {
  let lines = 1;
  let used = 0;
  for (const word of text.split(/\s+/)) {
    if (word === '') continue;
    const need = used === 0 ? word.length : used + 1 + word.length;
    if (need <= perLine) used = need;
    else {
      lines += Math.ceil(Math.max(word.length, 1) / perLine) - (used === 0 ? 1 : 0);
      used = word.length % perLine || perLine;
    }
  }
  return lines;
}

/** The fill and border of a table's header cells and boxes. */
export const HEAD_FILL: Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDEBF7' } };
const THIN = { style: 'thin' as const, color: { argb: 'FF808080' } };
export const BOX: Partial<Borders> = { top: THIN, left: THIN, bottom: THIN, right: THIN };

/** A table's header cell: bold, shaded, boxed, centred and wrapped. */
export function headerCell(c: Cell, text: string): void {
  c.value = text;
  c.font = { bold: true };
  c.fill = HEAD_FILL;
  c.border = BOX;
  c.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
}

/** Boxes the cells of a row from one column to another. */
export function boxRow(row: Row, from: number, to: number): void {
  for (let i = from; i <= to; i++) row.getCell(i).border = BOX;
}

/**
 * A table's two header rows: each single column merged down both rows, and each level's title
 * over its count and percentage columns (the level at `col`, its percentage at `col + 1`).
 */
export function twoRowHeader(ws: Worksheet, h1: number, single: readonly (readonly [number, string])[], levels: readonly (readonly [number, string])[], count: string, percent: string): void {
  const h2 = h1 + 1;
  for (const [col, text] of single) {
    ws.mergeCells(h1, col, h2, col);
    headerCell(ws.getCell(h1, col), text);
  }
  for (const [col, text] of levels) {
    ws.mergeCells(h1, col, h1, col + 1);
    headerCell(ws.getCell(h1, col), text);
    headerCell(ws.getCell(h2, col), count);
    headerCell(ws.getCell(h2, col + 1), percent);
  }
  ws.getRow(h1).height = 30;
}

/** Hundredths of a percent as the fraction Excel shows with a percent format (5319 → 0.5319). */
export const fraction = (hundredths: number) => hundredths / 10000;

/** A4 landscape, one page wide, the header rows repeated, the classification (độ mật) on every page. */
/** Characters of the classification in a page header: Excel holds at most 255 in one, codes and all. */
const HEADER_CHARS = 100;

export function printSetup(ws: Worksheet, titleRows: string | undefined, classification: string | null): void {
  ws.pageSetup = {
    paperSize: 9,
    orientation: 'landscape',
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0,
    horizontalCentered: true,
    margins: { left: 0.5, right: 0.5, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
    ...(titleRows === undefined ? {} : { printTitlesRow: titleRows }),
  };
  // The classification (độ mật) goes on every printed page.
  ws.headerFooter = {
    oddHeader: classification === null ? '' : `&R&"-,Bold"${cutText(xmlText(classification), HEADER_CHARS).replaceAll('&', '&&')}`,
    oddFooter: '&C&P / &N',
  };
}
