// From paths to check jobs: each session once, with every record of it (summaries this tool
// wrote, results files typed at the time; a workbook's own Results sheet is found when read).
import { resolve } from 'node:path';
import { shownPath } from './shown-path.js';
import { problem, type Problem } from '../model/problem.js';
import { InputFileError, openInput } from '../read/files.js';
import { ballotSheetType, sheetRole } from '../read/vocabulary.js';
import { discover } from './discover.js';
import { DEFAULT_LIMITS, type Limits } from '../model/limits.js';
import { sheetNamesHere, type SheetNames } from './pool.js';
import { auditSheetOf, isAuditSheetName, readSummary } from './recorded.js';
import { summaryInputs, type SessionJob } from './session.js';
import { foldCopies } from './copies.js';
import { naturalCompare } from './order.js';

export interface Plan {
  readonly jobs: readonly SessionJob[];
  /** Paths that do not exist, and workbooks that are neither a session nor a summary. */
  readonly problems: readonly Problem[];
  /** Every file looked at in the paths given: what no report of the run may replace. */
  readonly found: readonly string[];
  /** The files the sessions are read from, some perhaps outside those paths (named by a summary). */
  readonly inputs: readonly string[];
}

const key = (files: readonly string[]) => files.map((f) => resolve(f)).sort().join('\n');

/** `sheetNames` reads the workbooks' sheet names: in this thread, or by a pool's workers. */
export async function planJobs(paths: readonly string[], limits: Limits = DEFAULT_LIMITS, sheetNames: (files: readonly string[]) => Promise<SheetNames[]> = sheetNamesHere): Promise<Plan> {
  // Paths in messages and reports as the clerk gave them (src/check/shown-path.ts).
  const label = (p: string) => shownPath(p, paths);
  const { found: all, missing, listed } = await discover(paths);
  const problems: Problem[] = missing.map((m) => problem('unreadable-file', 'error', { file: m }, { reason: 'not-found' }));
  // A byte-identical copy of a workbook is not a second session (nor a second place).
  const workbookCopies = await foldCopies(all.flatMap((f) => (f.kind === 'folder' ? [] : [f.path])));
  const kept = new Set(workbookCopies.kept);
  const found = all.filter((f) => f.kind === 'folder' || kept.has(f.path));
  const copiesOf = (path: string) => {
    const c = workbookCopies.copies.get(path);
    return c === undefined ? [] : [{ of: label(path), copies: c.map(label) }];
  };
  const jobs = new Map<string, SessionJob>();
  const summaries: { job: SessionJob; copies: SessionJob['copies'] }[] = [];
  const sessionJob = (path: string): SessionJob => ({ label: label(path), inputs: { files: [label(path)] }, resultsFiles: [], summaries: [], missing: [], copies: copiesOf(path) });
  // Sheet names tell a session from anything else: read for every workbook first, several at a
  // time. null when unreadable (the job says why).
  const workbooks = found.flatMap((f) => (f.kind === 'folder' ? [] : [f.path]));
  const read = await sheetNames(workbooks);
  const namesOf = new Map(workbooks.map((w, i) => [w, read[i] ?? null]));
  for (const f of found) {
    if (f.kind === 'folder') {
      // Two identical ballot files in one folder are one file, the copy named.
      const ballots = await foldCopies(f.ballots);
      const copies = [...ballots.copies].map(([of, c]) => ({ of: label(of), copies: c.map(label) }));
      // Paths relative to where the clerk runs the command read best in messages.
      const inputs = { files: ballots.kept.map(label), roster: label(f.roster), session: label(f.session), ...(f.adjudications === null ? {} : { adjudications: label(f.adjudications) }) };
      jobs.set(key(ballots.kept), { label: label(f.path), inputs, resultsFiles: f.results.map(label), summaries: [], missing: [], copies });
      continue;
    }
    // Only a workbook with an audit sheet (a summary this tool wrote) is read whole here;
    // sessions are read by the workers.
    const names = namesOf.get(f.path) ?? null;
    // A roster with ballots is a session; a roster with session values but no sheet named for
    // ballots is one too, whose re-tally says which sheet is missing (never skipped unheard).
    const sessionLike = names === null || (names.some((n) => sheetRole(n) === 'roster') && names.some((n) => ballotSheetType(n) !== null || sheetRole(n) === 'session'));
    if (names === null || !names.some(isAuditSheetName)) {
      if (sessionLike) jobs.set(key([f.path]), sessionJob(f.path));
      else problems.push(problem('not-a-session', 'info', { file: label(f.path) }, {}));
      continue;
    }
    let sheets;
    try {
      sheets = (await openInput(f.path, limits)).sheets;
    } catch (e) {
      if (!(e instanceof InputFileError)) throw e;
      jobs.set(key([f.path]), sessionJob(f.path));
      continue;
    }
    if (auditSheetOf(sheets) !== null) {
      // A summary is never a session: it is a record of the session its audit names.
      const recorded = readSummary(label(f.path), sheets);
      const { inputs, missing: absent } = await summaryInputs(f.path, recorded);
      summaries.push({
        job: { label: label(f.path), inputs: inputs ?? { files: [] }, resultsFiles: [], summaries: [recorded], missing: inputs === null && absent.length === 0 ? [label(f.path)] : absent, copies: [] },
        copies: copiesOf(f.path),
      });
      continue;
    }
    const roles = new Set(sheets.map((s) => (s.name === null ? null : sheetRole(s.name))));
    const hasBallots = sheets.some((s) => s.name !== null && ballotSheetType(s.name) !== null);
    if (roles.has('roster') && hasBallots) jobs.set(key([f.path]), sessionJob(f.path));
    else problems.push(problem('not-a-session', 'info', { file: label(f.path) }, {}));
  }
  // A summary is a record of the session it describes, beside the others: every one is compared.
  for (const { job: s, copies } of summaries) {
    const k = s.inputs.files.length > 0 ? key(s.inputs.files) : `summary:${s.label}`;
    const session = jobs.get(k);
    if (session === undefined) jobs.set(k, { ...s, copies });
    else jobs.set(k, { ...session, summaries: [...session.summaries, ...s.summaries], missing: [...session.missing, ...s.missing], copies: [...session.copies, ...copies] });
  }
  const list = [...jobs.values()].map((j) => ({ ...j, inputs: { ...j.inputs, limits } }));
  // A summary's inputs may lie outside the folders given: they are read too.
  const named = list.flatMap((j) => [...j.inputs.files, ...[j.inputs.roster, j.inputs.session, j.inputs.adjudications].filter((x): x is string => x !== undefined), ...j.resultsFiles]);
  return { jobs: list.sort((a, b) => naturalCompare(a.label, b.label)), problems, found: listed, inputs: named };
}
