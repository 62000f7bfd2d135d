// From paths to check jobs: each session once, with the best record of it (a summary this tool
// wrote, else a results sheet or file typed at the time, else none).
import { relative, resolve } from 'node:path';
import { problem, type Problem } from '../model/problem.js';
import { InputFileError, openInput } from '../read/files.js';
import { ballotSheetType, sheetRole } from '../read/vocabulary.js';
import { discover } from './discover.js';
import { DEFAULT_LIMITS, type Limits } from '../read/limits.js';
import { sheetNamesHere, type SheetNames } from './pool.js';
import { auditSheetOf, isAuditSheetName, readSummary } from './recorded.js';
import { summaryInputs, type SessionJob } from './session.js';

export interface Plan {
  readonly jobs: readonly SessionJob[];
  /** Paths that do not exist, and workbooks that are neither a session nor a summary. */
  readonly problems: readonly Problem[];
}

const label = (p: string) => relative(process.cwd(), p) || p;
const key = (files: readonly string[]) => files.map((f) => resolve(f)).sort().join('\n');

/** `sheetNames` reads the workbooks' sheet names: in this thread, or by a pool's workers. */
export async function planJobs(paths: readonly string[], limits: Limits = DEFAULT_LIMITS, sheetNames: (files: readonly string[]) => Promise<SheetNames[]> = sheetNamesHere): Promise<Plan> {
  const { found, missing } = await discover(paths);
  const problems: Problem[] = missing.map((m) => problem('unreadable-file', 'error', { file: m }, { reason: 'not-found' }));
  const jobs = new Map<string, SessionJob>();
  const summaries: SessionJob[] = [];
  // Sheet names tell a session from anything else: read for every workbook first, several at a
  // time. null when unreadable (the job says why).
  const workbooks = found.flatMap((f) => (f.kind === 'folder' ? [] : [f.path]));
  const read = await sheetNames(workbooks);
  const namesOf = new Map(workbooks.map((w, i) => [w, read[i] ?? null]));
  for (const f of found) {
    if (f.kind === 'folder') {
      // Paths relative to where the clerk runs the command read best in messages.
      const inputs = { files: f.ballots.map(label), roster: label(f.roster), session: label(f.session), ...(f.adjudications === null ? {} : { adjudications: label(f.adjudications) }) };
      jobs.set(key(f.ballots), { label: label(f.path), inputs, resultsFile: f.results === null ? null : label(f.results), summary: null, missing: [] });
      continue;
    }
    // Only a workbook with an audit sheet (a summary this tool wrote) is read whole here;
    // sessions are read by the workers.
    const names = namesOf.get(f.path) ?? null;
    const sessionLike = names === null || (names.some((n) => sheetRole(n) === 'roster') && names.some((n) => ballotSheetType(n) !== null));
    if (names === null || !names.some(isAuditSheetName)) {
      if (sessionLike) jobs.set(key([f.path]), { label: label(f.path), inputs: { files: [label(f.path)] }, resultsFile: null, summary: null, missing: [] });
      else problems.push(problem('not-a-session', 'info', { file: label(f.path) }, {}));
      continue;
    }
    let sheets;
    try {
      sheets = (await openInput(f.path, limits)).sheets;
    } catch (e) {
      if (!(e instanceof InputFileError)) throw e;
      jobs.set(key([f.path]), { label: label(f.path), inputs: { files: [label(f.path)] }, resultsFile: null, summary: null, missing: [] });
      continue;
    }
    if (auditSheetOf(sheets) !== null) {
      // A summary is never a session: it is the record of the session its audit names.
      const recorded = readSummary(f.path, sheets);
      const { inputs, missing: absent } = await summaryInputs(f.path, recorded);
      summaries.push({ label: label(f.path), inputs: inputs ?? { files: [] }, resultsFile: null, summary: recorded, missing: inputs === null && absent.length === 0 ? [f.path] : absent });
      continue;
    }
    const roles = new Set(sheets.map((s) => (s.name === null ? null : sheetRole(s.name))));
    const hasBallots = sheets.some((s) => s.name !== null && ballotSheetType(s.name) !== null);
    if (roles.has('roster') && hasBallots) {
      jobs.set(key([f.path]), { label: label(f.path), inputs: { files: [label(f.path)] }, resultsFile: null, summary: null, missing: [] });
    } else {
      problems.push(problem('not-a-session', 'info', { file: label(f.path) }, {}));
    }
  }
  // A summary takes the place of the session it describes, as its record.
  for (const s of summaries) {
    const k = key(s.inputs.files);
    const session = jobs.get(k);
    if (session !== undefined && s.inputs.files.length > 0) jobs.set(k, { ...session, label: session.label, summary: s.summary, resultsFile: null, missing: s.missing });
    else jobs.set(`summary:${s.label}`, s);
  }
  const all = [...jobs.values()].map((j) => ({ ...j, inputs: { ...j.inputs, limits } }));
  return { jobs: all.sort((a, b) => (a.label < b.label ? -1 : a.label > b.label ? 1 : 0)), problems };
}
