// XLSX workbooks through exceljs, imported only when a workbook is read.
import type { CellValue, Row, Sheet } from './grid.js';

export async function readXlsx(file: string, bytes: Uint8Array): Promise<Sheet[]> {
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as never);
  const sheets: Sheet[] = [];
  workbook.eachSheet((worksheet) => {
    const rows: Row[] = [];
    worksheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
      const cells: CellValue[] = [];
      row.eachCell({ includeEmpty: false }, (cell, colNumber) => {
        cells[colNumber - 1] = toCellValue(cell.value);
      });
      for (let i = 0; i < cells.length; i++) if (cells[i] === undefined) cells[i] = null;
      // Rows are kept contiguous from 1, so blank rows are seen and accounted for.
      while (rows.length < rowNumber - 1) rows.push({ row: rows.length + 1, cells: [] });
      rows.push({ row: rowNumber, cells });
    });
    sheets.push({ file, name: worksheet.name.normalize('NFC'), rows });
  });
  return sheets;
}

/** exceljs cell values to plain values: formulas give their cached result, rich text its text. */
function toCellValue(value: unknown): CellValue {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string') return value.normalize('NFC');
  if (typeof value === 'number' || typeof value === 'boolean' || value instanceof Date) return value;
  if (typeof value === 'object') {
    const v = value as Record<string, unknown>;
    if ('formula' in v || 'sharedFormula' in v) {
      // No cached result (a file written by a program that does not compute): show the
      // formula itself, which no rule accepts, so the cell is reported rather than guessed.
      if (v['result'] === undefined) return `=${String(v['formula'] ?? v['sharedFormula'])}`;
      return toCellValue(v['result']);
    }
    if (Array.isArray(v['richText'])) {
      return (v['richText'] as { text?: string }[]).map((r) => r.text ?? '').join('').normalize('NFC');
    }
    if (typeof v['text'] === 'string') return v['text'].normalize('NFC');
    if (typeof v['error'] === 'string') return v['error'];
  }
  return String(value);
}
