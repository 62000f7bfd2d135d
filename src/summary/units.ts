// The units expected in the round (`--units FILE`): a CSV or XLSX with a column `unit` or
// `đơn vị` (the first sheet that has one). Rows above the header (a title) are passed over;
// empty cells and total rows are not units.
import { cellText, type Sheet } from '../model/grid.js';
import { clean, fold } from '../model/fold.js';
import type { Limits } from '../model/limits.js';
import { openInput } from '../read/files.js';

const HEADER = /^(unit|units|don vi|ten don vi|don vi lay phieu)$/;
const TOTAL = /^(tong|tong cong|cong|total)\b/;

export type UnitsRead = { ok: true; units: string[]; sha256: string } | { ok: false; reason: 'no-column' | 'empty' };

export function unitsFromSheets(sheets: readonly Sheet[]): { ok: true; units: string[] } | { ok: false; reason: 'no-column' | 'empty' } {
  for (const sheet of sheets) {
    for (const [i, row] of sheet.rows.slice(0, 20).entries()) {
      const col = row.cells.findIndex((c) => HEADER.test(fold(cellText(c))));
      if (col < 0) continue;
      const units = sheet.rows
        .slice(i + 1)
        .map((r) => clean(cellText(r.cells[col])))
        .filter((u) => u !== '' && !TOTAL.test(fold(u)));
      return units.length === 0 ? { ok: false, reason: 'empty' } : { ok: true, units };
    }
  }
  return { ok: false, reason: 'no-column' };
}

export async function readUnits(path: string, limits: Limits): Promise<UnitsRead> {
  const f = await openInput(path, limits);
  const r = unitsFromSheets(f.sheets);
  return r.ok ? { ...r, sha256: f.sha256 } : r;
}
