// One session of `tally check`: re-tallied with its own regime and options, compared with
// what was recorded at the time. Jobs and results are plain data (they cross worker threads).
import type { Status } from '../model/check.js';
import { access } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { shownPath } from './shown-path.js';
import { addProblems, bySeverity, hasErrors, problem, type Problem } from '../model/problem.js';
import { COUNT_KEYS, typedCountEntries, type SessionFlags } from '../validate/session.js';
import type { Band, RegimeId } from '../model/types.js';
import { InputFileError, openInput } from '../read/files.js';
import { readSessionInputs, type InputPaths } from '../read/inputs.js';
import { isBlocking } from '../rules/evaluate.js';
import { tallySession, type TallyOutcome } from '../tally.js';
import { capProblems, SHOWN_DIFFERENCES, type ProblemCount } from './cap.js';
import { compareRecorded, type Difference } from './compare.js';
import { readResultsSheet, type Recorded } from './recorded.js';
import { sessionDetail, type SessionDetail } from './detail.js';


export interface SessionJob {
  /** The path shown to the clerk. */
  readonly label: string;
  readonly inputs: InputPaths;
  /** Results files of a folder session: each one is a record. */
  readonly resultsFiles: readonly string[];
  /** Summaries this tool wrote of this session, already read: each one is a record. */
  readonly summaries: readonly Recorded[];
  /** Inputs a summary names that are not there. */
  readonly missing: readonly string[];
  /** Byte-identical copies of the session's files (same SHA-256), checked once as this session. */
  readonly copies: readonly { readonly of: string; readonly copies: readonly string[] }[];
  /** The round summary wants the session's full figures (see detail.ts). */
  readonly detail?: boolean;
  /** Why this entry cannot be read at all, found while looking for sessions: it is invalid. */
  readonly refused?: readonly Problem[];
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

/** A person named on one of the session's ballot types. */
export interface Place {
  readonly id: string | null;
  readonly name: string;
  readonly ballotType: string;
}

/** One record of a session and what comparing it gave. */
export interface RecordChecked {
  readonly source: 'results' | 'summary';
  readonly label: string;
  /** Command-line options the session was re-tallied with for this record (a summary's). */
  readonly options: readonly string[];
  readonly status: 'ok' | 'differs' | 'inputs changed' | 'invalid';
  readonly differences: number;
}

export interface CheckedSession {
  readonly label: string;
  readonly status: Status;
  readonly title: string | null;
  readonly date: string | null;
  readonly round: string | null;
  readonly regime: RegimeId | null;
  /** The kind of the first record compared (see `records` for every one). */
  readonly record: 'results' | 'summary' | null;
  readonly records: readonly RecordChecked[];
  readonly differences: readonly Difference[];
  /** At most SHOWN_PER_KIND of each kind; `problemCounts` has every kind's total. */
  readonly problems: readonly Problem[];
  readonly problemCounts: readonly ProblemCount[];
  readonly leaders: readonly LeaderPoint[];
  /**
   * Everyone the session's roster puts on a ballot, whether or not the session re-tallies: the
   * two-places rule counts every session that names the person (SPEC §4), valid or not.
   */
  readonly places: readonly Place[];
  /** The session's full figures, when the job asked for them and the inputs could be read. */
  readonly detail?: SessionDetail;
}

/** A file that cannot be read, with the limit it is past when that is why. */
function fileProblem(e: InputFileError): Problem {
  return problem('unreadable-file', 'error', { file: e.path }, { reason: e.reason, ...(e.limit === undefined ? {} : { limit: e.limit.name, value: e.limit.value }) });
}

/** Flags as the clerk typed them: "--denominator issued", "--strict", "--issued A=42". */
export function flagsText(flags: SessionFlags, typedCounts: Recorded['typedCounts'] = {}): string[] {
  // Session keys are spelled as their options are ("mark_threshold" → "--mark-threshold").
  const option = (k: string) => `--${k.replaceAll('_', '-')}`;
  return [...Object.entries(flags).map(([k, v]) => (v === true ? option(k) : `${option(k)} ${String(v)}`)), ...COUNT_KEYS.flatMap((k) => (typedCounts[k] ?? []).map((v) => `--${k} ${v}`))];
}

export async function checkSession(job: SessionJob): Promise<CheckedSession> {
  const empty = { title: null, date: null, round: null, regime: null, records: [], differences: [], leaders: [], places: [] };
  const copies: Problem[] = job.copies.map((c) => problem('duplicate-file', 'info', { file: c.of }, { copies: c.copies }));
  const done = (s: Omit<CheckedSession, 'problems' | 'problemCounts'>, problems: readonly Problem[]): CheckedSession => {
    // Errors first, then warnings, then notes, each in the order found (as tally lists them).
    const capped = capProblems([...copies, ...problems].sort(bySeverity));
    return { ...s, problems: capped.problems, problemCounts: capped.counts };
  };
  const firstKind: CheckedSession['record'] = job.summaries.length > 0 ? 'summary' : job.resultsFiles.length > 0 ? 'results' : null;
  if (job.refused !== undefined && job.refused.length > 0) return done({ ...empty, label: job.label, status: 'invalid', record: firstKind }, job.refused);
  if (job.missing.length > 0) {
    return done({ ...empty, label: job.label, status: 'inputs missing', record: firstKind }, job.missing.map((m) => problem('unreadable-file', 'error', { file: m }, { reason: 'not-found' })));
  }
  // The session's own options: those of its summary when it has one (SPEC §4), else its files'.
  const own: Pick<Recorded, 'flags' | 'typedCounts'> = job.summaries[0] ?? { flags: {}, typedCounts: {} };
  const tallies = new Map<string, Promise<TallyOutcome>>();
  const tallyWith = ({ flags, typedCounts }: Pick<Recorded, 'flags' | 'typedCounts'>) => {
    const k = JSON.stringify([flags, typedCounts]);
    let t = tallies.get(k);
    if (t === undefined) tallies.set(k, (t = readSessionInputs(job.inputs).then((inputs) => tallySession(inputs, flags, typedCountEntries(typedCounts)))));
    return t;
  };
  let outcome: TallyOutcome;
  try {
    outcome = await tallyWith(own);
  } catch (e) {
    if (!(e instanceof InputFileError)) throw e;
    return done({ ...empty, label: job.label, status: 'invalid', record: firstKind }, [fileProblem(e)]);
  }
  const { session } = outcome;
  const valid = outcome.ballotTypes !== null && !hasErrors(outcome.problems);
  const detail = job.detail === true ? { detail: sessionDetail(outcome, valid) } : {};
  const places = outcome.cadres.filter((c) => c.excluded === null).map((c) => ({ id: c.id, name: c.name, ballotType: c.ballotType }));
  const base = { label: job.label, title: session.title, date: session.date, round: session.round, regime: session.regime, places, ...detail };
  if (!valid || outcome.ballotTypes === null) {
    // With what the readers set aside too (SPEC §2.4: every row set aside is said).
    return done({ ...base, status: 'invalid', record: firstKind, records: [], differences: [], leaders: [] }, outcome.problems);
  }
  const leaders = outcome.ballotTypes.flatMap((t) =>
    t.cadres.map((c) => ({ id: c.cadre.id, name: c.cadre.name, ballotType: t.id, low: c.low, lowPercent: c.percent?.low ?? null, band: c.band })),
  );
  // Every record, each compared: the workbook's Results sheet, results files, summaries.
  const records: Recorded[] = [];
  if (outcome.resultsSheet !== null) records.push(readResultsSheet(outcome.resultsSheet));
  // The re-tally's warnings and notes (rows set aside, names matched without diacritics…), as
  // `tally` says them: a valid session has no errors.
  const problems: Problem[] = [...outcome.problems];
  for (const file of job.resultsFiles) {
    try {
      const f = await openInput(file, job.inputs.limits);
      if (f.sheets[0] !== undefined) records.push(readResultsSheet(f.sheets[0]));
    } catch (e) {
      if (!(e instanceof InputFileError)) throw e;
      problems.push(fileProblem(e));
    }
  }
  records.push(...job.summaries);
  if (records.length === 0) {
    return done({ ...base, status: hasErrors(problems) ? 'invalid' : 'no record', record: null, records: [], differences: [], leaders }, problems);
  }
  const differences: Difference[] = [];
  const checked: RecordChecked[] = [];
  for (const r of records) {
    const errors = r.problems.filter(isBlocking);
    addProblems(problems, r.problems);
    const o = r.source === 'summary' ? await tallyWith(r).catch(() => null) : outcome;
    const types = o?.ballotTypes ?? null;
    const found = types === null ? [] : compareRecorded(types, r);
    // Bounded like the problems: the first of each record, its exact count in `checked`.
    for (const d of found.slice(0, SHOWN_DIFFERENCES)) differences.push(d);
    if (types === null && o !== null) addProblems(problems, o.problems.filter((p) => p.severity === 'error'));
    const changed = o !== null && r.digest !== null && r.digest !== o.inputDigest;
    const status: RecordChecked['status'] = errors.length > 0 || types === null ? 'invalid' : changed ? 'inputs changed' : found.length > 0 ? 'differs' : 'ok';
    checked.push({ source: r.source, label: r.label, options: flagsText(r.flags, r.typedCounts), status, differences: found.length });
  }
  const worst = (['invalid', 'inputs changed', 'differs'] as const).find((s) => checked.some((c) => c.status === s)) ?? 'ok';
  const status: Status = problems.some((p) => p.severity === 'error') ? 'invalid' : worst;
  return done({ ...base, status, record: records[0]?.source ?? null, records: checked, differences, leaders }, problems);
}

/**
 * The inputs a summary's audit sheet names, found beside the summary: by the path as written
 * (relative to the summary's folder), else by the file name alone.
 */
export async function summaryInputs(summaryPath: string, recorded: Recorded, inside: (path: string) => Promise<boolean> = async () => true): Promise<{ inputs: InputPaths | null; missing: string[] }> {
  const folder = dirname(summaryPath);
  const found: { path: string; role: string }[] = [];
  const missing: string[] = [];
  for (const i of recorded.inputs) {
    const candidates = [resolve(folder, i.path), join(folder, basename(i.path.replaceAll('\\', '/')))];
    let hit: string | null = null;
    for (const c of candidates) {
      // A named input outside the folders given is not read (a summary may name any path).
      if ((await access(c).then(() => true, () => false)) && (await inside(c))) {
        hit = c;
        break;
      }
    }
    if (hit === null) missing.push(i.path);
    else found.push({ path: shownPath(hit), role: i.role });
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
