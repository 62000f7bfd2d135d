// Finding a header row and its columns in a sheet whose columns have fixed names.
import { clean } from '../model/fold.js';
import { cellText, isEmptyRow, type Row, type Sheet } from '../model/grid.js';

const HEADER_SEARCH_ROWS = 30;

export interface Header<K extends string> {
  /** Index into sheet.rows. */
  readonly index: number;
  readonly columns: ReadonlyMap<K, number>;
  readonly texts: readonly string[];
}

/** The first row (among the first few) that has every required column; null if none. */
export function findHeader<K extends string>(sheet: Sheet, lookup: (text: string) => K | null, required: readonly K[]): Header<K> | null {
  return findHeaderIn(sheet.rows, lookup, required);
}

/** The same, over rows at hand (a stream's first rows). */
export function findHeaderIn<K extends string>(all: readonly Row[], lookup: (text: string) => K | null, required: readonly K[]): Header<K> | null {
  const rows = all.slice(0, HEADER_SEARCH_ROWS);
  for (const [index, row] of rows.entries()) {
    if (isEmptyRow(row)) continue;
    const columns = new Map<K, number>();
    const texts = row.cells.map((c) => clean(cellText(c)));
    texts.forEach((t, i) => {
      const k = t === '' ? null : lookup(t);
      if (k !== null && !columns.has(k)) columns.set(k, i);
    });
    if (required.every((k) => columns.has(k))) return { index, columns, texts };
  }
  return null;
}
