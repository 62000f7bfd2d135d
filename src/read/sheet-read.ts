// Helpers every ballot reader shares: locations in a sheet, total rows' labels.
import type { Location } from '../model/types.js';
import { caseFold, clean, fold, hasDiacritics } from '../model/fold.js';
import { columnLetter, type Row } from '../model/grid.js';

/** Builds locations in one sheet: row, optional column letter, header text and ballot number. */
export function locator(sheet: { readonly file: string; readonly name: string | null }): (row: number, col?: number, header?: string, ballot?: string) => Location {
  return (row, col, header, ballot) => ({
    file: sheet.file,
    ...(sheet.name === null ? {} : { sheet: sheet.name }),
    row,
    ...(col === undefined ? {} : { columnLetter: columnLetter(col) }),
    ...(header === undefined || header === '' ? {} : { column: header }),
    ...(ballot === undefined ? {} : { ballot }),
  });
}

/**
 * A total row's label (SPEC §2.4): "Tổng", "Cộng", "Tổng cộng", "Tổng số", "Total", alone or
 * followed by a colon or a number — nothing else ("Tổng hợp" is not). Typed with diacritics
 * it must be those words ("Tống" and "Công" are surnames); typed without, it is read folded.
 */
const TOTAL_WORDS = '(tổng cộng|tổng số|tổng|cộng|total|subtotal|sum)';
const TOTAL_TAIL = '\\s*(:?\\s*\\d*|\\d+\\s*:?)\\s*$';
const TOTAL_ROW = new RegExp(`^${TOTAL_WORDS}${TOTAL_TAIL}`, 'u');
const TOTAL_ROW_FOLDED = new RegExp(`^${fold(TOTAL_WORDS)}${TOTAL_TAIL}`, 'u');

/** The label of a total or subtotal row ("Tổng cộng", "Cộng", "Total"), or null. */
export function totalRowLabel(row: Row): string | null {
  const first = row.cells.find((c) => typeof c === 'string' && c.trim() !== '');
  return typeof first === 'string' ? totalLabel(first) : null;
}

/** The label when `text` is a total row's label, or null. */
export function totalLabel(text: string): string | null {
  // Only text that can begin "Tổng", "Cộng", "Total", "Subtotal" or "Sum" is worth folding.
  const c = text.trimStart().charCodeAt(0) | 0x20;
  if (c !== 0x74 && c !== 0x63 && c !== 0x73) return null;
  const matched = hasDiacritics(text) ? TOTAL_ROW.test(caseFold(text)) : TOTAL_ROW_FOLDED.test(fold(text));
  return matched ? clean(text) : null;
}
