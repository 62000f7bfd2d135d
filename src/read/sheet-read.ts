// Helpers every ballot reader shares: locations in a sheet, total rows' labels.
import type { Location } from '../model/types.js';
import { caseFold, clean, fold, hasDiacritics } from '../model/fold.js';
import { columnLetter } from '../model/grid.js';

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
 * A total row's label in a ballot-number cell, where no ballot number reads so: a first word
 * "Tổng", "Cộng", "Total", "Subtotal" or "Sum" with anything after it ("Cộng trang 1", "Tổng số
 * phiếu: 41"). Typed with diacritics it must be those words ("Tống", "Công" are names).
 */
const CELL_TOTAL = /^(tổng|cộng|total|subtotal|sum)(?=$|[\s:.,\d])/u;
const CELL_TOTAL_FOLDED = /^(tong|cong|total|subtotal|sum)(?=$|[\s:.,\d])/u;

export function ballotCellTotal(text: string): string | null {
  const c = text.trimStart().charCodeAt(0) | 0x20;
  if (c !== 0x74 && c !== 0x63 && c !== 0x73) return null;
  const matched = hasDiacritics(text) ? CELL_TOTAL.test(caseFold(text)) : CELL_TOTAL_FOLDED.test(fold(text));
  return matched ? clean(text) : null;
}
