// `tally reconcile`: ballots typed two or three times independently, compared by meaning
// (1 and "cao" agree) for each ballot number and leader. Pure once the entries are read.
import { basename } from 'node:path';
import { problem, type Problem, type ProblemCode } from '../model/problem.js';
import { DEFAULT_BALLOT_TYPE, type Cadre, type Level, type LineReading } from '../model/types.js';
import { decodeCell } from '../model/codes.js';
import { cellText } from '../model/grid.js';
import { Roster } from '../model/roster-index.js';
import { peek, type RowSource } from '../read/source.js';
import { findHeaderIn } from '../read/table.js';
import { ballotColumn, ballotSheetType } from '../read/vocabulary.js';
import { readWideBallots } from '../read/wide.js';
import { readVoidCell } from '../model/void-words.js';
import { sheetLayout } from '../read/inputs.js';
import { caseFold, clean, fold } from '../model/fold.js';

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
  /** Ballots by typedKey(type, number): ballot numbers start again in each ballot type. */
  readonly ballots: ReadonlyMap<string, ReadonlyMap<string, EntryCell>>;
}

const VOID = '\u0000void';

/** A ballot's key in an entry: its number (already compared as numbers) within its ballot type. */
const typedKey = (type: string, number: string) => (type === DEFAULT_BALLOT_TYPE ? number : `${type}\u0000${number}`);
const splitKey = (key: string): { type: string; number: string } => {
  const at = key.indexOf('\u0000');
  return at < 0 ? { type: DEFAULT_BALLOT_TYPE, number: key } : { type: key.slice(0, at), number: key.slice(at + 1) };
};

/**
 * One entry: every ballot sheet of a workbook (each with its ballot type, as `tally` reads
 * them) or a CSV, read by the same wide reader as `tally` (SPEC §2.4: the same bytes read the
 * same way in every command). Leaders are keyed by roster entry; without a roster, by the header
 * text of the row that holds the ballot column. Cell errors are not errors here: what a typist
 * typed is compared as typed. A sheet in the long layout or a scanner's export is refused:
 * entries typed twice by hand are wide sheets, and reading the others as wide would misread them.
 */
export async function readEntry(sources: readonly RowSource[], roster: Roster | null): Promise<{ entry: Entry; problems: Problem[] }> {
  const problems: Problem[] = [];
  const leaders = new Map<string, string>();
  const ballots = new Map<string, Map<string, EntryCell>>();
  const rows = new Map<string, { readonly row: number; readonly sheet: string | null }>();
  for (const source of sources) await readSheet(source, roster, { leaders, ballots, rows, problems });
  return { entry: { file: sources[0]?.file ?? '', leaders, ballots }, problems };
}

interface Into {
  readonly leaders: Map<string, string>;
  readonly ballots: Map<string, Map<string, EntryCell>>;
  /** Where each ballot was read, by typedKey: a number read twice is an error. */
  readonly rows: Map<string, { readonly row: number; readonly sheet: string | null }>;
  readonly problems: Problem[];
}

async function readSheet(source: RowSource, roster: Roster | null, { leaders, ballots, rows, problems }: Into): Promise<void> {
  const { head, source: whole } = await peek(source, 30);
  const at = { file: source.file, ...(source.name === null ? {} : { sheet: source.name }) };
  const layout = sheetLayout(head);
  if (layout !== 'wide') {
    problems.push(problem('layout-not-compared', 'error', at, { layout: layout === 'long' ? 'long' : 'scanner' }));
    return;
  }
  let index = roster;
  if (index === null) {
    // Without a roster, every headed column beside the fixed ones is somebody.
    const found = findHeaderIn(head, ballotColumn, ['ballot']);
    if (found === null) {
      problems.push(problem('missing-column', 'error', at, { column: 'Số phiếu / ballot', table: 'ballots' }));
      return;
    }
    // A header over two rows (the ballot column merged down): the names are on its last row.
    let header = found;
    for (;;) {
      const next = findHeaderIn(head.slice(header.index + 1, header.index + 2), ballotColumn, ['ballot']);
      if (next === null || next.columns.get('ballot') !== header.columns.get('ballot')) break;
      header = { ...next, index: header.index + 1 };
    }
    const fixed = [...header.columns.values()];
    const names = header.texts.filter((t, col) => t !== '' && !fixed.includes(col));
    // The sheet's own ballot type, as its name says ("Phiếu BCH", "Phiếu bch"), so the reader
    // finds its leaders; "Phiếu (2)" continues "Phiếu".
    const named = source.name === null ? null : (ballotSheetType(source.name)?.ballotType ?? null);
    const ballotType = named === null || /^\(?\d+\)?$/.test(named.trim()) ? DEFAULT_BALLOT_TYPE : named.normalize('NFC').toLocaleUpperCase('vi-VN');
    index = new Roster([...new Set(names)].map((name, key) => ({ key, id: null, stt: null, name, position: '', unit: null, ballotType, excluded: null, location: { file: source.file } })));
  }
  let lines: { key: string; line: number }[] = [];
  let type = DEFAULT_BALLOT_TYPE;
  const accept = () => true;
  const read = await readWideBallots(
    whole,
    index,
    (ballotType) => {
      type = ballotType;
      return { add: accept, addCodes: accept, reserve: accept };
    },
    {
      onLeaders: (found) => {
        // Entries are aligned by roster entry, or without a roster by the header text itself.
        const keyOf = (c: Cadre) => (roster === null ? caseFold(c.name) : `#${c.key}`);
        lines = found.map((l) => ({ key: keyOf(l.cadre), line: l.line }));
        for (const l of found) leaders.set(keyOf(l.cadre), l.cadre.name);
        leaders.set(VOID, 'Phiếu không hợp lệ');
      },
      onBallot: (b) => {
        const key = typedKey(type, b.number);
        const before = rows.get(key);
        if (before !== undefined) {
          const otherSheet = before.sheet !== null && before.sheet !== source.name ? { otherSheet: before.sheet } : {};
          problems.push(problem('duplicate-ballot', 'error', { ...at, row: b.row, ballot: b.number }, { ballot: b.number, otherRow: before.row, ...otherSheet }, b.number));
          return;
        }
        rows.set(key, { row: b.row, sheet: source.name });
        const cells = new Map<string, EntryCell>();
        for (const { key: leader, line } of lines) {
          const value = b.cells[line] ?? null;
          const d = decodeCell(value);
          cells.set(leader, { raw: cellText(value), meaning: meaningOf(d.ok ? d.reading : null, clean(cellText(value))) });
        }
        const v = readVoidCell(b.voidText);
        // Void is void whatever reason each typist wrote; a word nobody can read is compared as typed.
        cells.set(VOID, { raw: b.voidText, meaning: v.kind === 'none' ? '' : v.kind === 'blank' ? 'blank' : v.kind === 'void' ? 'void' : `?${caseFold(b.voidText)}` });
        ballots.set(key, cells);
      },
    },
  );
  // What a typist typed is compared, not refused: cell errors and missing columns show as differences.
  for (const p of read.problems) if (!COMPARED.has(p.code)) problems.push(p);
}

/** Reader problems that reconcile shows as differences instead. */
const COMPARED = new Set<ProblemCode>(['bad-cell', 'missing-cadre', 'untyped-ballot']);

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
  /** The ballot's type, when it is not the session's only one ("Phiếu BCH"). */
  readonly ballotType?: string;
  readonly leader: string;
  /** Raw values per entry (null where the entry lacks the column). */
  readonly values: readonly (string | null)[];
  /** With three entries: the value most entries agree on, and which entry disagrees. */
  readonly majority: string | null;
  readonly disagreeing: readonly number[];
}

export interface MissingBallot {
  readonly ballot: string;
  readonly ballotType?: string;
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
/** Ballots in order: the default type first, then each type by name; by number within a type. */
const byTypeAndNumber = (a: string, b: string) => {
  const [x, y] = [splitKey(a), splitKey(b)];
  if (x.type !== y.type) return x.type === DEFAULT_BALLOT_TYPE ? -1 : y.type === DEFAULT_BALLOT_TYPE ? 1 : x.type < y.type ? -1 : 1;
  return byNumber(x.number, y.number);
};
/** A ballot as reports name it: its number, and its type when it has one. */
const ballotOf = (key: string) => {
  const { type, number } = splitKey(key);
  return type === DEFAULT_BALLOT_TYPE ? { ballot: number } : { ballot: number, ballotType: type };
};

/**
 * The entries with ballot types kept only where they tell ballots apart: when the entries name
 * two types or more. A CSV (no type) against a workbook whose one sheet is "Phiếu BCH", or a
 * roster of one type, compare by number alone.
 */
function byTypeWhereNeeded(entries: readonly Entry[]): readonly Entry[] {
  const typesOf = (e: Entry) => new Set([...e.ballots.keys()].map((k) => splitKey(k).type));
  const named = new Set(entries.flatMap((e) => [...typesOf(e)]).filter((t) => t !== DEFAULT_BALLOT_TYPE));
  // An entry with two kinds of sheet ("Phiếu" and "Phiếu BCH") keeps them apart: its numbers may repeat.
  if (named.size >= 2 || entries.some((e) => typesOf(e).size >= 2)) return entries;
  return entries.map((e) => ({ ...e, ballots: new Map([...e.ballots].map(([k, v]) => [splitKey(k).number, v])) }));
}

export function reconcile(given: readonly Entry[]): Reconciliation {
  const entries = byTypeWhereNeeded(given);
  const differences: CellDifference[] = [];
  const missing: MissingBallot[] = [];
  const leaderKeys: string[] = [];
  const names = new Map<string, string>();
  for (const e of entries) for (const [k, n] of e.leaders) if (!names.has(k)) [names.set(k, n), leaderKeys.push(k)];
  const missingLeaders = leaderKeys
    .map((k) => ({ leader: names.get(k) ?? k, missingIn: entries.flatMap((e, i) => (e.leaders.has(k) ? [] : [i + 1])) }))
    .filter((m) => m.missingIn.length > 0);
  const numbers = [...new Set(entries.flatMap((e) => [...e.ballots.keys()]))].sort(byTypeAndNumber);
  for (const n of numbers) {
    const rows = entries.map((e) => e.ballots.get(n));
    const presentIn = rows.flatMap((r, i) => (r === undefined ? [] : [i + 1]));
    if (presentIn.length < entries.length) missing.push({ ...ballotOf(n), presentIn, missingIn: rows.flatMap((r, i) => (r === undefined ? [i + 1] : [])) });
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
        ...ballotOf(n),
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
