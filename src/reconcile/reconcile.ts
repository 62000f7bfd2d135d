// `tally reconcile`: ballots typed two or three times independently, compared by meaning
// (1 and "cao" agree) for each ballot number and leader. Pure once the entries are read.
import { basename } from 'node:path';
import { problem, type Problem } from '../model/problem.js';
import type { Level, LineReading } from '../model/types.js';
import { decodeCell } from '../read/codes.js';
import { cellText, isEmptyCell, isEmptyRow, type Sheet } from '../read/grid.js';
import type { RosterIndex } from '../read/match.js';
import { findHeader } from '../read/table.js';
import { ballotColumn } from '../read/vocabulary.js';
import { caseFold, clean, fold } from '../text/fold.js';

export interface EntryCell {
  readonly raw: string;
  /** What the cell means: a level, an invalid reason, "void: <reason>", or the raw text of a bad cell. */
  readonly meaning: string;
}

export interface Entry {
  readonly file: string;
  /** SHA-256 of the file's bytes, when known: reports name each entry by file and digest. */
  readonly sha256?: string;
  /** Leader key → display name, in column order. */
  readonly leaders: ReadonlyMap<string, string>;
  readonly ballots: ReadonlyMap<string, ReadonlyMap<string, EntryCell>>;
}

const VOID = '\u0000void';

/** One entry: a wide ballots sheet; leaders keyed by roster entry, or by header text without a roster. */
export function readEntry(sheet: Sheet, roster: RosterIndex | null): { entry: Entry; problems: Problem[] } {
  const problems: Problem[] = [];
  const header = findHeader(sheet, ballotColumn, ['ballot']);
  const leaders = new Map<string, string>();
  const ballots = new Map<string, Map<string, EntryCell>>();
  const entry = { file: sheet.file, leaders, ballots };
  if (header === null) {
    problems.push(problem('missing-column', 'error', { file: sheet.file }, { column: 'Số phiếu / ballot', table: 'ballots' }));
    return { entry, problems };
  }
  const ballotCol = header.columns.get('ballot') as number;
  const voidCol = header.columns.get('void');
  const cols: { col: number; key: string }[] = [];
  header.texts.forEach((text, col) => {
    if (col === ballotCol || col === voidCol || text === '') return;
    let key = caseFold(text);
    let name = text;
    if (roster !== null) {
      const m = roster.match(text);
      if (m.kind === 'exact' || m.kind === 'without-diacritics') [key, name] = [`#${m.cadre.key}`, m.cadre.name];
      else problems.push(problem(m.kind === 'ambiguous' ? 'ambiguous-name' : 'unknown-cadre', 'warning', { file: sheet.file, row: header.index + 1 }, { suggestions: [], candidates: [] }, text));
    }
    leaders.set(key, name);
    cols.push({ col, key });
  });
  if (voidCol !== undefined) leaders.set(VOID, header.texts[voidCol] ?? '');
  for (const row of sheet.rows.slice(header.index + 1)) {
    if (isEmptyRow(row) || isEmptyCell(row.cells[ballotCol])) continue;
    const number = clean(cellText(row.cells[ballotCol] ?? null));
    const cells = new Map<string, EntryCell>();
    for (const { col, key } of cols) {
      const value = row.cells[col] ?? null;
      const d = decodeCell(value);
      const meaning = !d.ok ? `?${clean(cellText(value))}` : d.reading.kind === 'mark' ? d.reading.level : d.reading.kind === 'invalid' ? d.reading.reason : 'undecided';
      cells.set(key, { raw: cellText(value), meaning });
    }
    if (voidCol !== undefined) {
      const v = clean(cellText(row.cells[voidCol] ?? null));
      cells.set(VOID, { raw: v, meaning: v === '' ? '' : `void:${caseFold(v)}` });
    }
    if (ballots.has(number)) problems.push(problem('duplicate-ballot', 'error', { file: sheet.file, row: row.row }, { ballot: number, otherRow: 0 }, number));
    else ballots.set(number, cells);
  }
  return { entry, problems };
}

const LEVEL_NUMBER: Readonly<Record<Level, number>> = { high: 1, confidence: 2, low: 3 };

/**
 * What a line says, as entries are compared (SPEC §4: `1` and `cao` agree): a level, an
 * invalid reason, "undecided", or "?" and the normalised text of a cell that does not decode.
 * Several marks list which (`multiple-marks:1,3`): typists who read 12 and 123 on the same
 * paper disagree although both lines are invalid. `marks` are the levels marked, when the
 * reader knows them; else they are taken from the raw text.
 */
export function meaningOf(reading: LineReading | null, raw: string, marks?: readonly Level[]): string {
  if (reading === null) return `?${caseFold(raw)}`;
  switch (reading.kind) {
    case 'mark':
      return reading.level;
    case 'undecided':
      return 'undecided';
    case 'invalid': {
      if (reading.reason !== 'multiple-marks') return reading.reason;
      const levels = marks ?? marksIn(raw);
      if (levels === null) return `multiple-marks:?${caseFold(raw)}`;
      return `multiple-marks:${[...new Set(levels.map((l) => LEVEL_NUMBER[l]))].sort((a, b) => a - b).join(',')}`;
    }
  }
}

/** The levels in a several-marks cell ("13", "1,3", "cao+thấp"), or null when they cannot be told. */
function marksIn(raw: string): Level[] | null {
  const text = fold(raw);
  const parts = /[,;|+/]/.test(text) ? text.split(/[,;|+/]/).map((p) => p.trim()) : /^\d{2,}$/.test(text) ? [...text] : null;
  if (parts === null) return null;
  const levels: Level[] = [];
  for (const p of parts) {
    const d = decodeCell(p);
    if (!d.ok || d.reading.kind !== 'mark') return null;
    levels.push(d.reading.level);
  }
  return levels;
}

/** The key two entries' cells are compared by: the meaning, with several marks told apart. */
export function comparable(cell: EntryCell): string {
  if (cell.meaning === 'multiple-marks') return meaningOf({ kind: 'invalid', reason: 'multiple-marks' }, cell.raw);
  if (cell.meaning.startsWith('?')) return `?${caseFold(cell.meaning.slice(1))}`;
  return cell.meaning;
}

/** Which file is which entry: numbered from 1 in the order given. */
export interface EntrySource {
  readonly entry: number;
  /** The file's name, or its path as given when two entries share a name. */
  readonly name: string;
  readonly path: string;
  readonly sha256: string | null;
}

export interface CellDifference {
  readonly ballot: string;
  readonly leader: string;
  /** Raw values per entry (null where the entry lacks the column). */
  readonly values: readonly (string | null)[];
  /** With three entries: the value most entries agree on, and which entry disagrees. */
  readonly majority: string | null;
  readonly disagreeing: readonly number[];
}

export interface MissingBallot {
  readonly ballot: string;
  readonly presentIn: readonly number[];
  readonly missingIn: readonly number[];
}

export interface Reconciliation {
  readonly entries: readonly EntrySource[];
  readonly differences: readonly CellDifference[];
  readonly missing: readonly MissingBallot[];
  /** Leader columns some entries lack. */
  readonly missingLeaders: readonly { readonly leader: string; readonly missingIn: readonly number[] }[];
}

const byNumber = (a: string, b: string) => {
  const [x, y] = [Number(a), Number(b)];
  return Number.isInteger(x) && Number.isInteger(y) ? x - y : a < b ? -1 : a > b ? 1 : 0;
};

export function reconcile(entries: readonly Entry[]): Reconciliation {
  const differences: CellDifference[] = [];
  const missing: MissingBallot[] = [];
  const leaderKeys: string[] = [];
  const names = new Map<string, string>();
  for (const e of entries) for (const [k, n] of e.leaders) if (!names.has(k)) [names.set(k, n), leaderKeys.push(k)];
  const missingLeaders = leaderKeys
    .map((k) => ({ leader: names.get(k) ?? k, missingIn: entries.flatMap((e, i) => (e.leaders.has(k) ? [] : [i + 1])) }))
    .filter((m) => m.missingIn.length > 0);
  const numbers = [...new Set(entries.flatMap((e) => [...e.ballots.keys()]))].sort(byNumber);
  for (const n of numbers) {
    const rows = entries.map((e) => e.ballots.get(n));
    const presentIn = rows.flatMap((r, i) => (r === undefined ? [] : [i + 1]));
    if (presentIn.length < entries.length) missing.push({ ballot: n, presentIn, missingIn: rows.flatMap((r, i) => (r === undefined ? [i + 1] : [])) });
    const present = rows.filter((r): r is ReadonlyMap<string, EntryCell> => r !== undefined);
    if (present.length < 2) continue;
    for (const k of leaderKeys) {
      const cells = rows.map((r) => r?.get(k));
      const keys = cells.map((c) => (c === undefined ? undefined : comparable(c)));
      const meanings = keys.filter((m): m is string => m !== undefined);
      if (new Set(meanings).size <= 1) continue;
      const counts = new Map<string, number>();
      for (const m of meanings) counts.set(m, (counts.get(m) ?? 0) + 1);
      const [top, topCount] = [...counts].sort((a, b) => b[1] - a[1])[0] as [string, number];
      const majority = entries.length === 3 && topCount >= 2 ? top : null;
      const majorityRaw = majority === null ? null : (cells[keys.indexOf(majority)]?.raw ?? null);
      differences.push({
        ballot: n,
        leader: names.get(k) ?? k,
        values: cells.map((c) => (c === undefined ? null : c.raw)),
        majority: majorityRaw,
        disagreeing: majority === null ? [] : keys.flatMap((m, i) => (m !== undefined && m !== majority ? [i + 1] : [])),
      });
    }
  }
  return { entries: entrySources(entries), differences, missing, missingLeaders };
}

/** Each entry by its file name, or by its path where two entries share a name. */
function entrySources(entries: readonly Entry[]): EntrySource[] {
  const names = entries.map((e) => basename(e.file));
  return entries.map((e, i) => ({
    entry: i + 1,
    name: names.filter((n) => n === names[i]).length > 1 ? e.file : (names[i] as string),
    path: e.file,
    sha256: e.sha256 ?? null,
  }));
}
