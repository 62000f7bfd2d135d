// A sheet as rows of raw cell values, whatever file it came from.

export type CellValue = string | number | boolean | Date | null;

export interface Row {
  /** 1-based, as a spreadsheet shows it. */
  readonly row: number;
  /** 0-based by column. */
  readonly cells: readonly CellValue[];
}

export interface Sheet {
  readonly file: string;
  /** null for CSV files, which have no sheet names. */
  readonly name: string | null;
  readonly rows: readonly Row[];
}

/** 0 → "A", 25 → "Z", 26 → "AA". */
export function columnLetter(index: number): string {
  let n = index + 1;
  let out = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    out = String.fromCharCode(65 + r) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

export function isEmptyCell(value: CellValue | undefined): boolean {
  return value === null || value === undefined || (typeof value === 'string' && value.trim() === '');
}

export function isEmptyRow(row: Row): boolean {
  return row.cells.every(isEmptyCell);
}

/** A cell as text, for messages and for matching. */
export function cellText(value: CellValue | undefined): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  return String(value);
}
