// The units expected in the round (`--units FILE`): a CSV or XLSX with a column `unit` or
// `đơn vị` (the first sheet that has one). Rows above the header (a title) are passed over;
// empty cells and total rows are not units.
import { cellText, type Sheet } from '../model/grid.js';
import { clean, fold } from '../model/fold.js';
import { limitValue, type Limits } from '../model/limits.js';
import { InputFileError, openInput } from '../read/files.js';

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

/** Rows a units list may have beside its units: titles, a header, blank and total rows. */
const SLACK_ROWS = 1000;

/**
 * The list, refused past the `units` limit before it can cost memory: its rows are counted
 * as it is read (a list of a million units stops at the limit), then its units.
 */
export async function readUnits(path: string, limits: Limits): Promise<UnitsRead> {
  const past = new InputFileError(path, 'too-large', '', { name: 'units', value: limitValue(limits, 'units'), where: null });
  let f;
  try {
    f = await openInput(path, { ...limits, rows: Math.min(limits.rows, limits.units + SLACK_ROWS) });
  } catch (e) {
    if (e instanceof InputFileError && e.limit?.name === 'rows' && limits.rows > limits.units + SLACK_ROWS) throw past;
    throw e;
  }
  const r = unitsFromSheets(f.sheets);
  if (r.ok && r.units.length > limits.units) throw past;
  return r.ok ? { ...r, sha256: f.sha256 } : r;
}
