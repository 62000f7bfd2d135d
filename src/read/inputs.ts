// Gathering a session's inputs from files: which sheet is the roster, the session values
// and the ballots. The only part of reading that decides by file and sheet names.
import { addProblems, problem, type Problem } from '../model/problem.js';
import type { BallotReader, SessionInputs } from '../model/inputs.js';
import { readAdjudications } from './adjudications.js';
import { isLongLayout, readLongBallots } from './long.js';
import { omrLayout, readOmrExport } from './omr.js';
import { readRoster } from './roster.js';
import { readSessionSheet } from './session.js';
import { peek } from './source.js';
import { readWideBallots } from './wide.js';
import type { Row, Sheet } from '../model/grid.js';
import type { RowSource } from './source.js';
import { openBallotInput, openInput, type OpenedFile } from './files.js';
import { readSessionJson } from './session.js';
import type { SessionRead } from '../model/session-keys.js';
import type { Layout } from '../model/sheet.js';
import { sheetRole } from './vocabulary.js';
import { DEFAULT_LIMITS, type Limits } from '../model/limits.js';

export interface InputPaths {
  readonly files: readonly string[];
  readonly roster?: string;
  readonly session?: string;
  readonly adjudications?: string;
  /** What the readers accept at most (limits.ts); the defaults when not given. */
  readonly limits?: Limits;
}

export interface GatheredInputs {
  readonly files: readonly { readonly path: string; readonly sha256: string; readonly role: string }[];
  readonly rosterSheet: Sheet | null;
  /**
   * The session values: a sheet (read once the roster's ballot types are known, which tell
   * whether a third column holds ballot types), values already read (JSON), or none.
   */
  readonly session: { readonly sheet: Sheet } | { readonly read: SessionRead } | null;
  readonly ballotSources: readonly RowSource[];
  readonly adjudicationSheet: Sheet | null;
  /** A Results / Kết quả sheet in a workbook: figures recorded at the time (tally check). */
  readonly resultsSheet: Sheet | null;
  readonly problems: readonly Problem[];
}

/** Reads every file; throws InputFileError (a usage error) when a file cannot be read at all. */
export async function gatherInputs(paths: InputPaths): Promise<GatheredInputs> {
  const limits = paths.limits ?? DEFAULT_LIMITS;
  const problems: Problem[] = [];
  const files: { path: string; sha256: string; role: string }[] = [];
  const seen = new Map<string, string>();
  /**
   * Records the file; false when the same ballots were already given (the copy is then not
   * read). One workbook may well serve as roster and session too: only ballots count twice.
   */
  const track = (f: OpenedFile, role: string): boolean => {
    files.push({ path: f.path, sha256: f.sha256, role });
    if (role !== 'ballots') return true;
    const other = seen.get(f.sha256);
    if (other !== undefined) {
      problems.push(problem('duplicate-file', 'error', { file: f.path }, { otherFile: other }));
      return false;
    }
    seen.set(f.sha256, f.path);
    return true;
  };

  const opened: OpenedFile[] = [];
  // Ballot sources in the order the files were given: a CSV's stream, a workbook's sheets.
  const order: (RowSource | OpenedFile)[] = [];
  for (const path of paths.files) {
    const f = await openBallotInput(path, limits);
    if (!track(f, 'ballots')) continue;
    if (f.stream !== undefined) order.push(f.stream);
    else {
      opened.push(f);
      order.push(f);
    }
  }

  let rosterSheet: Sheet | null = null;
  let sessionSheet: Sheet | null = null;
  let resultsSheet: Sheet | null = null;
  const ballotsOf = new Map<OpenedFile, readonly RowSource[]>();
  for (const f of opened) {
    const roles = f.sheets.map((s) => ({ sheet: s, role: s.name === null ? null : sheetRole(s.name) }));
    for (const { sheet, role } of roles) {
      if (role === 'roster' && paths.roster === undefined) rosterSheet ??= sheet;
      else if (role === 'session' && paths.session === undefined) sessionSheet ??= sheet;
      else if (role === 'results') resultsSheet ??= sheet;
    }
    const sources = 'sources' in f ? (f as { sources: readonly RowSource[] }).sources : [];
    // Which sheets there are, so the clerk sees which one to rename.
    if (sources.length === 0) problems.push(problem('missing-sheet', 'error', { file: f.path }, { sheet: 'Phiếu / Ballots', found: f.sheets.flatMap((s) => (s.name === null ? [] : [s.name])) }));
    ballotsOf.set(f, sources);
  }

  if (paths.roster !== undefined) {
    const f = await openInput(paths.roster, limits);
    track(f, 'roster');
    rosterSheet = f.sheets.find((s) => s.name !== null && sheetRole(s.name) === 'roster') ?? f.sheets[0] ?? null;
  }
  if (rosterSheet === null) problems.push(problem('missing-sheet', 'error', { file: paths.files[0] ?? '' }, { sheet: 'Danh sách / Roster', flag: '--roster' }));

  let session: GatheredInputs['session'] = sessionSheet === null ? null : { sheet: sessionSheet };
  if (paths.session !== undefined) {
    const f = await openInput(paths.session, limits);
    track(f, 'session');
    const sheet = f.sheets.find((s) => s.name !== null && sheetRole(s.name) === 'session') ?? f.sheets[0];
    if (f.kind === 'json') session = { read: readSessionJson(f.path, f.json) };
    else if (sheet === undefined) {
      problems.push(problem('missing-sheet', 'error', { file: f.path }, { sheet: 'Hội nghị / Session' }));
      session = null;
    } else session = { sheet };
  }
  let adjudicationSheet: Sheet | null = null;
  if (paths.adjudications !== undefined) {
    const f = await openInput(paths.adjudications, limits);
    track(f, 'adjudications');
    adjudicationSheet = f.sheets[0] ?? null;
  }
  return { files, rosterSheet, session, ballotSources: order.flatMap((o) => ('batches' in o ? [o] : (ballotsOf.get(o) ?? []))), adjudicationSheet, resultsSheet, problems };
}

/**
 * A ballot sheet's layout, told by its first rows, each by its whole signature (SPEC §2.4): an
 * OMRChecker export by its columns; the long layout by its ballot, leader and level (or mark)
 * columns — before FormScanner, so a scanner's long output numbering ballots by image file
 * stays the long layout; else a wide sheet.
 */
export function sheetLayout(head: readonly Row[]): Layout {
  const long = isLongLayout(head);
  const scanner = omrLayout(head);
  if (scanner === 'omrchecker' || (scanner !== null && !long)) return scanner;
  return long ? 'long' : 'wide';
}

/** Rows looked at to tell a sheet's layout (the readers' header window). */
const LAYOUT_ROWS = 30;

/**
 * A session's inputs read: the roster, the session values (a sheet's third column judged
 * against the roster's ballot types), the adjudications, and each ballot source with its
 * layout told by its first rows (SPEC §2.4), the scanner exports by their own signatures.
 */
export async function readSessionInputs(paths: InputPaths): Promise<SessionInputs> {
  const g = await gatherInputs(paths);
  const problems: Problem[] = [...g.problems];
  const roster = g.rosterSheet === null ? { cadres: [], problems: [] } : readRoster(g.rosterSheet);
  addProblems(problems, roster.problems);
  const types = [...new Set(roster.cadres.map((c) => c.ballotType))];
  const session: SessionRead = g.session === null ? { entries: {}, perType: new Map(), problems: [] } : 'sheet' in g.session ? readSessionSheet(g.session.sheet, types) : g.session.read;
  addProblems(problems, session.problems);
  const decisions = g.adjudicationSheet === null ? { adjudications: [], problems: [] } : readAdjudications(g.adjudicationSheet);
  addProblems(problems, decisions.problems);
  const ballots: BallotReader[] = [];
  for (const input of g.ballotSources) {
    const { head, source } = await peek(input, LAYOUT_ROWS);
    const layout = sheetLayout(head);
    ballots.push(
      layout === 'long'
        ? (c, tallyFor) => readLongBallots(source, c.roster, c.thresholds, tallyFor)
        : layout === 'wide'
          ? (c, tallyFor) => readWideBallots(source, c.roster, tallyFor)
          : (c, tallyFor) => readOmrExport(source, c.roster, c.omrLetters, layout, tallyFor),
    );
  }
  return { files: g.files, problems, cadres: roster.cadres, rosterGiven: g.rosterSheet !== null, session, adjudications: decisions.adjudications, ballots, resultsSheet: g.resultsSheet };
}
