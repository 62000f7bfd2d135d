// One session, from gathered inputs to results: normalise + validate → count → rules.
// Pure: the files were read before, the reports are written after.
import { countBallots } from './count/count.js';
import { problem, type Problem } from './model/problem.js';
import { inputDigest } from './model/digest.js';
import { resolveSession, resolveTypeCounts, type Session, type SessionFlags, type TypeCounts } from './model/session.js';
import type { SessionEntries } from './read/session.js';
import type { Ballot, Cadre, DenominatorBasis } from './model/types.js';
import type { GatheredInputs } from './read/inputs.js';
import { Roster } from './read/match.js';
import { readRoster } from './read/roster.js';
import { readWideBallots } from './read/wide.js';
import { isLongLayout, readLongBallots } from './read/long.js';
import { omrLayout, readOmrExport } from './read/omr.js';
import { applyAdjudications, readAdjudications, undecidedProblems, type AppliedAdjudication } from './read/adjudications.js';
import type { BallotSheetRead, RowAccounting } from './read/sheet-read.js';
import { evaluate, isBlocking, sessionChecks, type BallotTypeInput, type BallotTypeResult } from './rules/evaluate.js';
import { REGIMES, type Regime } from './rules/regimes.js';

export interface TallyOutcome {
  readonly session: Session;
  readonly regime: Regime;
  readonly basis: DenominatorBasis;
  readonly cadres: readonly Cadre[];
  /** null when a data error leaves no result (SPEC §3 "On exit 1" (a)). */
  readonly ballotTypes: readonly BallotTypeResult[] | null;
  readonly rows: readonly RowAccounting[];
  readonly files: GatheredInputs['files'];
  readonly problems: readonly Problem[];
  /** A Results sheet found beside the ballots (figures recorded at the time). */
  readonly resultsSheet: GatheredInputs['resultsSheet'];
  /** The counting committee's decisions, as applied. */
  readonly adjudications: readonly AppliedAdjudication[];
  /** SHA-256 of the normalised inputs (see model/digest.ts). */
  readonly inputDigest: string;
}

export function tallySession(inputs: GatheredInputs, flags: SessionFlags, typedFlags: ReadonlyMap<string, SessionEntries> = new Map()): TallyOutcome {
  const problems: Problem[] = [...inputs.problems];
  const roster = inputs.rosterSheet === null ? { cadres: [], problems: [] } : readRoster(inputs.rosterSheet);
  problems.push(...roster.problems);
  const index = new Roster(roster.cadres);
  const { session, problems: sessionProblems } = resolveSession(inputs.sessionEntries, flags);
  problems.push(...sessionProblems);

  const read = inputs.ballotSheets.map((s) => {
    const omr = omrLayout(s);
    if (omr !== null) return readOmrExport(s, index, session.omrLetters, omr);
    return isLongLayout(s) ? readLongBallots(s, index, session.thresholds) : readWideBallots(s, index);
  });
  for (const s of read) problems.push(...s.problems);
  problems.push(...crossSheetDuplicates(read));
  // The counting committee's decisions replace line readings; undecided lines left block the result.
  let sheets = read;
  let adjudications: AppliedAdjudication[] = [];
  if (inputs.adjudicationSheet !== null) {
    const { adjudications: list, problems: adjProblems } = readAdjudications(inputs.adjudicationSheet);
    problems.push(...adjProblems);
    const applied = applyAdjudications(read, list, index);
    problems.push(...applied.problems);
    sheets = applied.sheets;
    adjudications = applied.applied;
  }
  const nameOf = new Map(roster.cadres.map((c) => [c.key, c.name]));
  problems.push(...undecidedProblems(sheets, (k) => nameOf.get(k) ?? ''));
  const regime = REGIMES[session.regime];
  const basis = session.denominator ?? regime.defaultBasis;
  if (regime.basisFixed && basis !== regime.defaultBasis) {
    problems.push(problem('denominator-fixed', 'error', {}, { regime: regime.id, basis, fixed: regime.defaultBasis }));
  }

  // Ballot types: those with leaders to vote on; each needs its ballots.
  const typeIds = [...new Set(roster.cadres.filter((c) => c.excluded === null).map((c) => c.ballotType))];
  for (const id of typeIds) {
    if (inputs.rosterSheet !== null && !sheets.some((s) => s.ballotType === id)) {
      problems.push(problem('missing-sheet', 'error', { file: inputs.files[0]?.path ?? '' }, { sheet: `Phiếu ${id}` }));
    }
  }
  const rows = sheets.map((s) => s.accounting);
  const allBallots = read.flatMap((s) => s.ballots);
  const base = { session, regime, basis, cadres: roster.cadres, rows, files: inputs.files, resultsSheet: inputs.resultsSheet, adjudications, inputDigest: inputDigest(roster.cadres, session, allBallots, adjudications.map((a) => [a.ballotType, a.ballot, a.cadre.name, JSON.stringify(a.decision), a.decidedBy])) };
  const { counts, problems: countProblems } = resolveTypeCounts(session, typeIds, mergeTyped(inputs.sessionPerType, typedFlags, problems));
  problems.push(...countProblems);
  const locationOf = (id: string) => {
    const first = sheets.find((s) => s.ballotType === id);
    return first === undefined ? {} : { file: first.accounting.file, ...(first.accounting.sheet === null ? {} : { sheet: first.accounting.sheet }) };
  };
  if (problems.some(isBlocking) || counts.size < typeIds.length) {
    // No result, but each type's own numbers are still checked so every problem shows now.
    for (const [id, c] of counts) {
      const seen = sheets.filter((s) => s.ballotType === id).reduce((n, s) => n + s.ballotsSeen, 0);
      problems.push(...sessionChecks(regime, { id, ...c, location: locationOf(id) }, seen));
    }
    return { ...base, ballotTypes: null, problems };
  }

  const types: BallotTypeInput[] = typeIds.map((id) => {
    const ofType = sheets.filter((s) => s.ballotType === id);
    const cadres = roster.cadres.filter((c) => c.ballotType === id && c.excluded === null);
    const ballots: Ballot[] = ofType.flatMap((s) => s.ballots);
    const count = countBallots(id, cadres.map((c) => c.key), ballots, { strict: session.strict });
    return { id, ...(counts.get(id) as TypeCounts), cadres, count, location: locationOf(id) };
  });
  const evaluation = evaluate(regime, basis, types);
  problems.push(...evaluation.problems);
  const blocked = problems.some(isBlocking);
  return { ...base, ballotTypes: blocked ? null : evaluation.ballotTypes, problems };
}

/** The same ballot number in two files or sheets of one ballot type. */
function crossSheetDuplicates(sheets: readonly BallotSheetRead[]): Problem[] {
  const out: Problem[] = [];
  const seen = new Map<string, Ballot>();
  for (const s of sheets) {
    for (const b of s.ballots) {
      const key = `${b.ballotType}\u0000${b.number}`;
      const other = seen.get(key);
      if (other === undefined) seen.set(key, b);
      else if (other.location.file !== b.location.file || other.location.sheet !== b.location.sheet) {
        out.push(problem('duplicate-ballot', 'error', b.location, { ballot: b.number, otherFile: other.location.file ?? '', otherRow: other.location.row ?? 0 }, b.number));
      }
    }
  }
  return out;
}


/** Per-type values from the session file, with command-line values replacing them (reported). */
function mergeTyped(
  fromFile: ReadonlyMap<string, SessionEntries>,
  fromFlags: ReadonlyMap<string, SessionEntries>,
  problems: Problem[],
): Map<string, SessionEntries> {
  const out = new Map<string, SessionEntries>([...fromFile].map(([t, e]) => [t, { ...e }]));
  for (const [type, flagEntries] of fromFlags) {
    const key = [...out.keys()].find((t) => t.toLocaleLowerCase('vi') === type.toLocaleLowerCase('vi')) ?? type;
    const target = out.get(key) ?? {};
    for (const [k, e] of Object.entries(flagEntries) as [keyof SessionEntries, NonNullable<SessionEntries[keyof SessionEntries]>][]) {
      const before = target[k];
      if (before !== undefined && String(before.value) !== String(e.value)) {
        problems.push(problem('session-override', 'info', before.location, { key: `${k} (${type})`, from: String(before.value), to: String(e.value) }));
      }
      target[k] = e;
    }
    out.set(key, target);
  }
  return out;
}
