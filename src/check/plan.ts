// From paths to check jobs: each session once, with every record of it (summaries this tool
// wrote, results files typed at the time; a workbook's own Results sheet is found when read).
import { dirname, isAbsolute, relative, resolve } from 'node:path';
import { shownPath } from './shown-path.js';
import { problem, type Problem } from '../model/problem.js';
import { InputFileError, openInput } from '../read/files.js';
import { ballotSheetType, sheetRole } from '../read/vocabulary.js';
import { discover, type FolderSession, type Refusal } from './discover.js';
import { DEFAULT_LIMITS, type Limits } from '../model/limits.js';
import { sheetNamesHere, type SheetNames } from './pool.js';
import { auditSheetOf, isAuditSheetName, readSummary } from './recorded.js';
import { summaryInputs, type SessionJob } from './session.js';
import { foldCopies, sha256 } from './copies.js';
import { stat } from 'node:fs/promises';
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

const within = (dir: string, path: string) => {
  const r = relative(dir, path);
  return r === '' || (!r.startsWith('..') && !isAbsolute(r));
};

/** An entry that cannot be read, as the problem that says why (paths as the clerk reads them). */
function refusalProblem(r: Refusal, label: (p: string) => string): Problem {
  const file = label(r.file);
  if ('missingRoles' in r) return problem('incomplete-session', 'error', { file }, { missing: r.missingRoles });
  if ('noSession' in r) return problem('no-session', 'error', { file }, {});
  return problem('unreadable-file', 'error', { file }, { reason: r.reason }, r.detail === '' ? undefined : r.detail);
}

/** `sheetNames` reads the workbooks' sheet names: in this thread, or by a pool's workers. */
export async function planJobs(paths: readonly string[], limits: Limits = DEFAULT_LIMITS, sheetNames: (files: readonly string[]) => Promise<SheetNames[]> = sheetNamesHere): Promise<Plan> {
  // Paths in messages and reports as the clerk gave them (src/check/shown-path.ts).
  const label = (p: string) => shownPath(p, paths);
  const { found: all, missing, listed, again, realOf, inside } = await discover(paths);
  // The same file reached by two paths (a link) is one file: keyed by where it really is.
  const key = (files: readonly string[]) => files.map((f) => realOf.get(resolve(f)) ?? resolve(f)).sort().join('\n');
  const problems: Problem[] = missing.map((m) => problem('unreadable-file', 'error', { file: m }, { reason: 'not-found' }));
  // A byte-identical copy of a workbook is not a second session (nor a second place).
  const workbookCopies = await foldCopies(all.flatMap((f) => (f.kind === 'workbook' ? [f.path] : [])));
  const kept = new Set(workbookCopies.kept);
  const found = all.filter((f) => f.kind !== 'workbook' || kept.has(f.path));
  // A folder whose every input is byte-identical to another folder's (a copied folder) is
  // that session again, as a copied workbook is: one session, the copy named (issue 19).
  const folderCopies = await foldFolderCopies(found.flatMap((f) => (f.kind === 'folder' ? [f] : [])));
  // A copy's file stands for its original's: a summary beside a copy (made there, or copied with
  // it) is a record of the original's session, never a session of its own (issue 22, item 10).
  const originalOf = new Map<string, string>();
  for (const [of, copies] of workbookCopies.copies) for (const c of copies) originalOf.set(resolve(c), resolve(of));
  for (const f of found) {
    if (f.kind !== 'folder') continue;
    // Copies are grouped by the hashes of their inputs in this order: file i is file i.
    const mine = folderInputs(f);
    for (const c of folderCopies.get(f.path) ?? []) folderInputs(c).forEach((p, i) => originalOf.set(resolve(p), resolve(mine[i] as string)));
  }
  const sessionKey = (files: readonly string[]) => key(files.map((p) => originalOf.get(resolve(p)) ?? p));
  const copiesOf = (path: string) => {
    const c = workbookCopies.copies.get(path);
    return c === undefined ? [] : [{ of: label(path), copies: c.map(label) }];
  };
  const jobs = new Map<string, SessionJob>();
  const summaries: { job: SessionJob; copies: SessionJob['copies'] }[] = [];
  const covered: string[] = [];
  const refusedJob = (path: string, refusals: readonly Refusal[]): SessionJob => ({ label: label(path), inputs: { files: [] }, resultsFiles: [], summaries: [], missing: [], copies: [], refused: refusals.map((r) => refusalProblem(r, label)) });
  const sessionJob = (path: string): SessionJob => ({ label: label(path), inputs: { files: [label(path)] }, resultsFiles: [], summaries: [], missing: [], copies: copiesOf(path) });
  // Sheet names tell a session from anything else: read for every workbook first, several at a
  // time. null when unreadable (the job says why).
  const workbooks = found.flatMap((f) => (f.kind === 'workbook' ? [f.path] : []));
  const read = await sheetNames(workbooks);
  const namesOf = new Map(workbooks.map((w, i) => [w, read[i] ?? null]));
  // A workbook that is not a session is noted, and does not make its folder hold one.
  const notSession = (path: string) => {
    problems.push(problem('not-a-session', 'info', { file: label(path) }, {}));
    covered.splice(covered.lastIndexOf(path), 1);
  };
  for (const f of found) {
    covered.push(f.path);
    if (f.kind === 'refused') {
      jobs.set(`refused:${f.path}`, refusedJob(f.path, f.refusals));
      continue;
    }
    if (f.kind === 'folder') {
      const copyOf = folderCopies.get(f.path);
      if (copyOf === null) continue;
      // Two identical ballot files in one folder are one file, the copy named.
      const ballots = await foldCopies(f.ballots);
      const copies = [...ballots.copies].map(([of, c]) => ({ of: label(of), copies: c.map(label) }));
      if (copyOf !== undefined) copies.push({ of: label(f.path), copies: copyOf.map((c) => label(c.path)) });
      // Paths relative to where the clerk runs the command read best in messages.
      const inputs = { files: ballots.kept.map(label), roster: label(f.roster), session: label(f.session), ...(f.adjudications === null ? {} : { adjudications: label(f.adjudications) }) };
      // Every record beside a copy is still compared.
      const resultsFiles = [...f.results, ...(copyOf ?? []).flatMap((c) => c.results)].map(label);
      const k = key(ballots.kept);
      // The same folder's files reached by another path are already a job.
      if (!jobs.has(k)) jobs.set(k, { label: label(f.path), inputs, resultsFiles, summaries: [], missing: [], copies });
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
      else notSession(f.path);
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
      const { inputs, missing: absent } = await summaryInputs(f.path, recorded, inside);
      summaries.push({
        job: { label: label(f.path), inputs: inputs ?? { files: [] }, resultsFiles: [], summaries: [recorded], missing: inputs === null && absent.length === 0 ? [label(f.path)] : absent, copies: [] },
        copies: copiesOf(f.path),
      });
      continue;
    }
    const roles = new Set(sheets.map((s) => (s.name === null ? null : sheetRole(s.name))));
    const hasBallots = sheets.some((s) => s.name !== null && ballotSheetType(s.name) !== null);
    if (roles.has('roster') && hasBallots) jobs.set(key([f.path]), sessionJob(f.path));
    else notSession(f.path);
  }
  // A summary is a record of the session it describes, beside the others: every one is compared.
  // A folder lacking a session file but holding a session workbook, or this tool's summary of
  // it (whose job says which inputs are gone, "inputs missing"), is that session's, said once.
  for (const folder of new Set([...summaries.map(({ job }) => job.label), ...[...jobs.values()].filter((j) => j.refused === undefined && /\.xlsx$/i.test(j.label)).map((j) => j.label)].map((l) => dirname(resolve(l))))) {
    const k = `refused:${folder}`;
    if (jobs.get(k)?.refused?.every((p) => p.code === 'incomplete-session') === true) jobs.delete(k);
  }
  for (const { job: s, copies } of summaries) {
    const k = s.inputs.files.length > 0 ? sessionKey(s.inputs.files) : `summary:${s.label}`;
    const session = jobs.get(k);
    // A session is named by its inputs; a summary whose inputs are gone has only its own name.
    if (session === undefined) jobs.set(k, { ...s, label: s.inputs.files.length > 0 ? sessionLabel(s.inputs.files.map((f) => label(resolve(f)))) : s.label, copies });
    else {
      // The committee's decisions the summary was made with (--adjudications, under any name)
      // are part of the session: re-applied when the folder holds no adjudications file.
      const adjudications = session.inputs.adjudications ?? s.inputs.adjudications;
      const inputs = adjudications === undefined ? session.inputs : { ...session.inputs, adjudications };
      jobs.set(k, { ...session, inputs, summaries: [...session.summaries, ...s.summaries], missing: [...session.missing, ...s.missing], copies: [...session.copies, ...copies] });
    }
  }
  // A path given that holds no session at all is said, never a "complete" round of nothing.
  for (const p of paths) {
    const abs = resolve(p);
    if (missing.includes(p) || again.includes(p) || covered.some((c) => within(abs, c) || within(c, abs))) continue;
    jobs.set(`refused:${abs}`, refusedJob(abs, [{ file: abs, noSession: true }]));
  }
  const list = [...jobs.values()].map((j) => ({ ...j, inputs: { ...j.inputs, limits } }));
  // A summary's inputs may lie outside the folders given: they are read too.
  // The summaries compared are read too: no report of the run may replace one.
  const named = list.flatMap((j) => [...j.inputs.files, ...[j.inputs.roster, j.inputs.session, j.inputs.adjudications].filter((x): x is string => x !== undefined), ...j.resultsFiles, ...j.summaries.map((r) => r.file)]);
  return { jobs: list.sort((a, b) => naturalCompare(a.label, b.label)), problems, found: listed, inputs: named };
}

/** A folder session's inputs, in the order its copies are compared by. */
const folderInputs = (f: FolderSession) => [f.roster, f.session, ...f.ballots, ...(f.adjudications === null ? [] : [f.adjudications])];

/** A session found only through its summary, named by its inputs: the ballots file, or their folder. */
const sessionLabel = (files: readonly string[]) => (files.length === 1 ? (files[0] as string) : dirname(files[0] as string));

/**
 * Folder sessions that are byte-for-byte copies of another (the same roster, session,
 * ballots and adjudications): the original (shortest path, then natural order) maps to its
 * copies, each copy to null. Results files are records, not inputs: they may differ. Only
 * folders whose files have the same sizes are hashed; an empty file is never a copy.
 */
async function foldFolderCopies(folders: readonly FolderSession[]): Promise<Map<string, FolderSession[] | null>> {
  const out = new Map<string, FolderSession[] | null>();
  const inputs = folderInputs;
  const bySizes = new Map<string, FolderSession[]>();
  for (const f of folders) {
    const sizes: number[] = [];
    for (const p of inputs(f)) sizes.push((await stat(p).catch(() => null))?.size ?? 0);
    if (sizes.includes(0)) continue;
    const k = sizes.join(' ');
    bySizes.set(k, [...(bySizes.get(k) ?? []), f]);
  }
  for (const same of bySizes.values()) {
    if (same.length < 2) continue;
    const byHash = new Map<string, FolderSession[]>();
    for (const f of same) {
      const hashes: (string | null)[] = [];
      for (const p of inputs(f)) hashes.push(await sha256(p));
      if (hashes.includes(null)) continue;
      const k = hashes.join(' ');
      byHash.set(k, [...(byHash.get(k) ?? []), f]);
    }
    for (const group of byHash.values()) {
      if (group.length < 2) continue;
      const [original, ...rest] = [...group].sort((a, b) => a.path.length - b.path.length || naturalCompare(a.path, b.path)) as [FolderSession, ...FolderSession[]];
      out.set(original.path, rest);
      for (const c of rest) out.set(c.path, null);
    }
  }
  return out;
}
