// Session values (SPEC §2.3): key/value rows from a sheet or CSV, a JSON object, or flags.
import * as z from 'zod/mini';
import { problem, type Problem } from '../model/problem.js';
import type { Location } from '../model/types.js';
import { clean, fold } from '../model/fold.js';
import { cellText, columnLetter, isEmptyCell, isEmptyRow, type Sheet } from '../model/grid.js';
import { ballotColumn, sessionKey } from './vocabulary.js';
import type { SessionEntries, SessionEntry, SessionKey, SessionRead } from '../model/session-keys.js';


function setTyped(perType: Map<string, SessionEntries>, type: string, key: SessionKey, entry: SessionEntry): SessionEntry | undefined {
  const m = perType.get(type) ?? {};
  perType.set(type, m);
  const prev = m[key];
  if (prev === undefined) m[key] = entry;
  return prev;
}

/**
 * Key/value rows. A third column gives a ballot type's own values only when it is one
 * (SPEC §2.4): its header says so (`loại phiếu`, `ballot_type`), or its values are the
 * roster's ballot types. Any other third column (units, notes) is left aside with a note.
 */
export function readSessionSheet(sheet: Sheet, ballotTypes: readonly string[] = []): SessionRead {
  const entries: SessionEntries = {};
  const perType = new Map<string, SessionEntries>();
  const problems: Problem[] = [];
  const typeColumn = isTypeColumn(sheet, ballotTypes);
  // Rows before the first known key are titles and the header ("Mục | Giá trị").
  let seenKey = false;
  let noted = false;
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
      if (seenKey) problems.push(problem('unknown-session-key', 'warning', loc(0), {}, keyText));
      continue;
    }
    seenKey = true;
    const value = row.cells[1] ?? null;
    if (isEmptyCell(value)) continue;
    const third = clean(cellText(row.cells[2] ?? null));
    if (!typeColumn && third !== '' && !noted) {
      problems.push(problem('ignored-column', 'info', loc(2), { table: 'session' }, third));
      noted = true;
    }
    const type = typeColumn ? third : '';
    const prev = type === '' ? entries[key] : setTyped(perType, type, key, { value, location: loc(1) });
    if (prev !== undefined) {
      problems.push(problem('bad-session-value', 'error', loc(1), { key, hint: 'repeated', otherRow: prev.location.row ?? 0 }, cellText(value)));
      continue;
    }
    if (type === '') entries[key] = { value, location: loc(1) };
  }
  return { entries, perType, problems };
}

/** Whether the session sheet's third column holds ballot types. */
function isTypeColumn(sheet: Sheet, ballotTypes: readonly string[]): boolean {
  const keyed = sheet.rows.filter((r) => sessionKey(clean(cellText(r.cells[0] ?? null))) !== null);
  const firstKeyed = keyed[0]?.row ?? Infinity;
  // A header above the keys naming the column.
  for (const r of sheet.rows) {
    if (r.row >= firstKeyed) break;
    const t = clean(cellText(r.cells[2] ?? null));
    if (t !== '' && ballotColumn(t) === 'ballot_type') return true;
  }
  const values = keyed.map((r) => clean(cellText(r.cells[2] ?? null))).filter((v) => v !== '');
  if (values.length === 0) return false;
  const types = new Set(ballotTypes.map(fold));
  return values.every((v) => types.has(fold(v)));
}

/**
 * The JSON session file's shape (SPEC §2.3): one object of scalar values by key, and
 * "ballotTypes" holding such an object per ballot type. Checked with zod at the boundary; the
 * keys are then matched with their aliases like the rows of a session sheet.
 */
function jsonSchemas() {
  const values = z.record(z.string(), z.unknown());
  return { scalar: z.union([z.string(), z.number(), z.boolean(), z.null()]), session: z.looseObject({ ballotTypes: z.optional(z.record(z.string(), values)) }) };
}

export function readSessionJson(file: string, json: unknown): SessionRead {
  const entries: SessionEntries = {};
  const perType = new Map<string, SessionEntries>();
  const problems: Problem[] = [];
  const { scalar: JsonScalar, session: JsonSession } = jsonSchemas();
  // A list or a lone value is not a session: said of the file, not of a key it has not got.
  if (json === null || typeof json !== 'object' || Array.isArray(json)) {
    problems.push(problem('unreadable-file', 'error', { file }, { reason: 'json-shape' }));
    return { entries, perType, problems };
  }
  const shape = JsonSession.safeParse(json);
  if (!shape.success) {
    // What is wrong, where: the whole file, or the ballotTypes object, or one type's values.
    for (const issue of shape.error.issues) {
      const column = issue.path.map(String).join('.');
      problems.push(problem('bad-session-value', 'error', column === '' ? { file } : { file, column }, { key: column === '' ? '{}' : 'ballotTypes', hint: 'json-object' }));
    }
    return { entries, perType, problems };
  }
  const readObject = (obj: Readonly<Record<string, unknown>>, into: SessionEntries, path: string) => {
    for (const [k, v] of Object.entries(obj)) {
      const loc: Location = { file, column: `${path}${k}` };
      if (k === 'ballotTypes' && path === '') continue;
      const key = sessionKey(k.replace(/([a-z])([A-Z])/g, '$1_$2'));
      if (key === null) {
        problems.push(problem('unknown-session-key', 'warning', loc, {}, k));
        continue;
      }
      const scalar = JsonScalar.safeParse(v);
      if (!scalar.success) problems.push(problem('bad-session-value', 'error', loc, { key, hint: 'json-scalar' }, JSON.stringify(v)));
      else if (scalar.data !== null && scalar.data !== '') into[key] = { value: scalar.data, location: loc };
    }
  };
  readObject(shape.data, entries, '');
  for (const [type, values] of Object.entries(shape.data.ballotTypes ?? {})) {
    const into: SessionEntries = {};
    readObject(values, into, `ballotTypes.${type}.`);
    perType.set(type.normalize('NFC'), into);
  }
  return { entries, perType, problems };
}
