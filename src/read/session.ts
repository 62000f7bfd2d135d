// Session values (SPEC §2.3): key/value rows from a sheet or CSV, a JSON object, or flags.
import { problem, type Problem } from '../model/problem.js';
import type { Location } from '../model/types.js';
import { clean } from '../text/fold.js';
import { cellText, columnLetter, isEmptyCell, isEmptyRow, type CellValue, type Sheet } from './grid.js';
import { sessionKey, type SessionKey } from './vocabulary.js';

export interface SessionEntry {
  readonly value: CellValue;
  readonly location: Location;
}
export type SessionEntries = Partial<Record<SessionKey, SessionEntry>>;

export interface SessionRead {
  readonly entries: SessionEntries;
  readonly problems: readonly Problem[];
}

export function readSessionSheet(sheet: Sheet): SessionRead {
  const entries: SessionEntries = {};
  const problems: Problem[] = [];
  let firstContentRow = true;
  for (const row of sheet.rows) {
    if (isEmptyRow(row)) continue;
    const keyText = clean(cellText(row.cells[0] ?? null));
    const key = sessionKey(keyText);
    const loc = (col: number): Location => ({
      file: sheet.file,
      ...(sheet.name === null ? {} : { sheet: sheet.name }),
      row: row.row,
      columnLetter: columnLetter(col),
      ...(keyText === '' ? {} : { column: keyText }),
    });
    if (key === null) {
      // A first row such as "Mục | Giá trị" is a header; anything else unknown is reported.
      if (!firstContentRow) problems.push(problem('unknown-session-key', 'warning', loc(0), {}, keyText));
      firstContentRow = false;
      continue;
    }
    firstContentRow = false;
    const value = row.cells[1] ?? null;
    if (isEmptyCell(value)) continue;
    if (entries[key] !== undefined) {
      problems.push(problem('bad-session-value', 'error', loc(1), { key, hint: 'repeated', otherRow: entries[key].location.row ?? 0 }, cellText(value)));
      continue;
    }
    entries[key] = { value, location: loc(1) };
  }
  return { entries, problems };
}

export function readSessionJson(file: string, json: unknown): SessionRead {
  const entries: SessionEntries = {};
  const problems: Problem[] = [];
  if (json === null || typeof json !== 'object' || Array.isArray(json)) {
    problems.push(problem('bad-session-value', 'error', { file }, { key: '{}', hint: 'json-object' }));
    return { entries, problems };
  }
  for (const [k, v] of Object.entries(json as Record<string, unknown>)) {
    const loc: Location = { file, column: k };
    if (k === 'ballotTypes') continue; // several ballot types: read with the per-type values
    const key = sessionKey(k.replace(/([a-z])([A-Z])/g, '$1_$2'));
    if (key === null) {
      problems.push(problem('unknown-session-key', 'warning', loc, {}, k));
      continue;
    }
    if (v === null || v === undefined || v === '') continue;
    if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') entries[key] = { value: v, location: loc };
    else problems.push(problem('bad-session-value', 'error', loc, { key, hint: 'json-scalar' }, JSON.stringify(v)));
  }
  return { entries, problems };
}
