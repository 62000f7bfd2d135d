// Layout help for the workbooks we write (the summary and the re-check): row heights that
// fit wrapped text, which a spreadsheet does not work out itself for a generated file.
import type { Row, Worksheet } from 'exceljs';

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
