// One session of `tally check`: re-tallied with its own regime and options, compared with
// what was recorded at the time. Jobs and results are plain data (they cross worker threads).
import { access } from 'node:fs/promises';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { hasErrors, type Problem } from '../model/problem.js';
import type { Band, RegimeId } from '../model/types.js';
import { InputFileError, openInput } from '../read/files.js';
import { gatherInputs, type InputPaths } from '../read/inputs.js';
import { isBlocking } from '../rules/evaluate.js';
import { tallySession } from '../tally.js';
import { compareRecorded, type Difference } from './compare.js';
import { readResultsSheet, type Recorded } from './recorded.js';

export type Status = 'ok' | 'differs' | 'inputs changed' | 'inputs missing' | 'no record' | 'invalid';

export interface SessionJob {
  /** The path shown to the clerk. */
  readonly label: string;
  readonly inputs: InputPaths;
  /** A results file of a folder session. */
  readonly resultsFile: string | null;
  /** A summary this tool wrote, already read. */
  readonly summary: Recorded | null;
  /** Inputs a summary names that are not there. */
  readonly missing: readonly string[];
}

export interface LeaderPoint {
  readonly id: string | null;
  readonly name: string;
  readonly ballotType: string;
  readonly low: number;
  /** Hundredths of a percent, or null when there is no share. */
  readonly lowPercent: number | null;
  readonly band: Band | null;
}

export interface CheckedSession {
  readonly label: string;
  readonly status: Status;
  readonly title: string | null;
  readonly date: string | null;
  readonly round: string | null;
  readonly regime: RegimeId | null;
  readonly record: 'results' | 'summary' | null;
  readonly differences: readonly Difference[];
  readonly problems: readonly Problem[];
  readonly leaders: readonly LeaderPoint[];
}

export async function checkSession(job: SessionJob): Promise<CheckedSession> {
  const empty = { title: null, date: null, round: null, regime: null, differences: [], leaders: [] };
  const record: CheckedSession['record'] = job.summary !== null ? 'summary' : job.resultsFile !== null ? 'results' : null;
  if (job.missing.length > 0) {
    return { ...empty, label: job.label, status: 'inputs missing', record, problems: job.missing.map((m) => ({ code: 'unreadable-file', severity: 'error', location: { file: m }, params: { reason: 'not-found' } })) };
  }
  let outcome;
  try {
    outcome = await tallySession(await gatherInputs(job.inputs), {});
  } catch (e) {
    if (!(e instanceof InputFileError)) throw e;
    return { ...empty, label: job.label, status: 'invalid', record, problems: [{ code: 'unreadable-file', severity: 'error', location: { file: e.path }, params: { reason: e.reason } }] };
  }
  const { session } = outcome;
  const base = { label: job.label, title: session.title, date: session.date, round: session.round, regime: session.regime, record };
  if (outcome.ballotTypes === null || hasErrors(outcome.problems)) {
    return { ...base, status: 'invalid', differences: [], leaders: [], problems: outcome.problems.filter((p) => p.severity === 'error') };
  }
  const leaders = outcome.ballotTypes.flatMap((t) =>
    t.cadres.map((c) => ({ id: c.cadre.id, name: c.cadre.name, ballotType: t.id, low: c.low, lowPercent: c.percent?.low ?? null, band: c.band })),
  );
  let recorded: Recorded | null = job.summary;
  if (recorded === null && job.resultsFile !== null) {
    const f = await openInput(job.resultsFile, job.inputs.limits);
    recorded = f.sheets[0] === undefined ? null : readResultsSheet(f.sheets[0]);
  }
  if (recorded === null && outcome.resultsSheet !== null) recorded = readResultsSheet(outcome.resultsSheet);
  if (recorded === null) return { ...base, status: 'no record', differences: [], leaders, problems: [] };
  const recordProblems = recorded.problems.filter(isBlocking);
  if (recordProblems.length > 0) return { ...base, record: recorded.source, status: 'invalid', differences: [], leaders, problems: recordProblems };
  const differences = compareRecorded(outcome.ballotTypes, recorded);
  const changed = recorded.digest !== null && recorded.digest !== outcome.inputDigest;
  const status: Status = changed ? 'inputs changed' : differences.length > 0 ? 'differs' : 'ok';
  return { ...base, record: recorded.source, status, differences, leaders, problems: [] };
}

/**
 * The inputs a summary's audit sheet names, found beside the summary: by the path as written
 * (relative to the summary's folder), else by the file name alone.
 */
export async function summaryInputs(summaryPath: string, recorded: Recorded): Promise<{ inputs: InputPaths | null; missing: string[] }> {
  const folder = dirname(summaryPath);
  const found: { path: string; role: string }[] = [];
  const missing: string[] = [];
  for (const i of recorded.inputs) {
    const candidates = [resolve(folder, i.path), join(folder, basename(i.path.replaceAll('\\', '/')))];
    let hit: string | null = null;
    for (const c of candidates) {
      if (await access(c).then(() => true, () => false)) {
        hit = c;
        break;
      }
    }
    if (hit === null) missing.push(i.path);
    else found.push({ path: relative(process.cwd(), hit) || hit, role: i.role });
  }
  const files = found.filter((f) => f.role === 'ballots').map((f) => f.path);
  if (files.length === 0) return { inputs: null, missing };
  const one = (role: string) => found.find((f) => f.role === role)?.path;
  const roster = one('roster');
  const session = one('session');
  const adjudications = one('adjudications');
  return {
    inputs: { files, ...(roster === undefined ? {} : { roster }), ...(session === undefined ? {} : { session }), ...(adjudications === undefined ? {} : { adjudications }) },
    missing,
  };
}
