// One session, from inputs already read to results: validate → count → rules. Pure but for
// the ballots, which stream in through the readers the inputs hold; no file is opened here.
import { TypeTally } from './count/type-tally.js';
import { addProblems, problem, type Problem } from './model/problem.js';
import { inputDigest } from './validate/digest.js';
import type { AppliedAdjudication } from './model/adjudication.js';
import type { Sheet } from './model/grid.js';
import type { InputFile, SessionInputs } from './model/inputs.js';
import { Roster } from './model/roster-index.js';
import type { SessionEntries } from './model/session-keys.js';
import type { BallotSheetRead, RowAccounting } from './model/sheet.js';
import { DEFAULT_BALLOT_TYPE, type Cadre, type DenominatorBasis } from './model/types.js';
import { evaluate, isBlocking, quorumOf, sessionChecks, type BallotTypeInput, type BallotTypeResult, type Quorum } from './rules/evaluate.js';
import { REGIMES, type Regime } from './rules/regimes.js';
import { unmatchedAdjudications } from './validate/adjudications.js';
import { rosterPlaces } from './validate/roster.js';
import { resolveSession, resolveTypeCounts, type Session, type SessionFlags, type TypeCounts } from './validate/session.js';

export interface TallyOutcome {
  readonly session: Session;
  readonly regime: Regime;
  readonly basis: DenominatorBasis;
  readonly cadres: readonly Cadre[];
  /** null when a data error leaves no result (SPEC §3 "On exit 1" (a)). */
  readonly ballotTypes: readonly BallotTypeResult[] | null;
  readonly rows: readonly RowAccounting[];
  readonly files: readonly InputFile[];
  readonly problems: readonly Problem[];
  /** A Results sheet found beside the ballots (figures recorded at the time). */
  readonly resultsSheet: Sheet | null;
  /** The counting committee's decisions, as applied. */
  readonly adjudications: readonly AppliedAdjudication[];
  /** SHA-256 of the normalised inputs (see validate/digest.ts). */
  readonly inputDigest: string;
  /** The session's quorum (Quy định 96, Điều 3), when both counts are known. */
  readonly quorum: Quorum | null;
}

export async function tallySession(inputs: SessionInputs, flags: SessionFlags, typedFlags: ReadonlyMap<string, SessionEntries> = new Map()): Promise<TallyOutcome> {
  const problems: Problem[] = [...inputs.problems];
  const roster = { cadres: inputs.cadres };
  addProblems(problems, rosterPlaces(roster.cadres));
  const index = new Roster(roster.cadres);
  const sessionRead = inputs.session;
  const { session, problems: sessionProblems } = resolveSession(sessionRead.entries, flags);
  addProblems(problems, sessionProblems);
  const decisions = { adjudications: inputs.adjudications };
  const regime = REGIMES[session.regime];
  const basis = session.denominator ?? regime.defaultBasis;
  if (regime.basisFixed && basis !== regime.defaultBasis) {
    problems.push(problem('denominator-fixed', 'error', {}, { regime: regime.id, basis, fixed: regime.defaultBasis }));
  }

  // One tally per ballot type; every ballot goes through its type's tally as it is read.
  const tallies = new Map<string, TypeTally>();
  const tallyFor = (type: string): TypeTally => {
    let t = tallies.get(type);
    if (t === undefined) {
      const cadres = roster.cadres.filter((c) => c.ballotType === type && c.excluded === null);
      t = new TypeTally(type, cadres, session.strict, decisions.adjudications, index.forType(type));
      tallies.set(type, t);
    }
    return t;
  };
  // Each ballot sheet or file is read once, row by row, by the reader of its layout.
  const sheets: BallotSheetRead[] = [];
  const context = { roster: index, thresholds: session.thresholds, omrLetters: session.omrLetters };
  for (const read of inputs.ballots) {
    const sheet = await read(context, tallyFor);
    sheets.push(sheet);
    addProblems(problems, sheet.problems);
  }
  for (const t of tallies.values()) addProblems(problems, t.problems);
  // Listed in the order of the adjudications file, as the committee recorded them.
  const order = new Map(decisions.adjudications.map((a, i) => [a, i]));
  const adjudications = [...tallies.values()].flatMap((t) => t.applied).sort((a, b) => (order.get(a.source) ?? 0) - (order.get(b.source) ?? 0));
  const repeats = new Map([...tallies.values()].flatMap((t) => [...t.repeats]));
  addProblems(problems, unmatchedAdjudications(decisions.adjudications, adjudications, repeats));

  // Ballot types: those with leaders to vote on; each needs its ballots.
  const typeIds = [...new Set(roster.cadres.filter((c) => c.excluded === null).map((c) => c.ballotType))];
  // With no ballot sheet at all, the reader has said so already.
  for (const id of sheets.length === 0 ? [] : typeIds) {
    if (inputs.rosterGiven && !sheets.some((s) => s.ballotType === id)) {
      problems.push(problem('missing-sheet', 'error', { file: inputs.files[0]?.path ?? '' }, { sheet: id === DEFAULT_BALLOT_TYPE ? 'Phiếu / Ballots' : `Phiếu ${id}` }));
    }
  }
  const rows = sheets.map((s) => s.accounting);
  const digest = inputDigest(
    roster.cadres,
    session,
    [...tallies.values()].map((t) => [t.ballotType, t.digest()] as const),
    adjudications.map((a) => [a.ballotType, a.ballot, a.cadre.name, JSON.stringify(a.decision), a.decidedBy]),
  );
  const { convened, present } = session.counts;
  const quorum = convened !== null && present !== null ? quorumOf(convened, present) : null;
  const base = { session, regime, basis, cadres: roster.cadres, rows, files: inputs.files, resultsSheet: inputs.resultsSheet, adjudications, inputDigest: digest, quorum };
  const { counts, problems: countProblems } = resolveTypeCounts(session, typeIds, mergeTyped(sessionRead.perType, typedFlags, problems));
  addProblems(problems, countProblems);
  const locationOf = (id: string) => {
    const first = sheets.find((s) => s.ballotType === id);
    return first === undefined ? {} : { file: first.accounting.file, ...(first.accounting.sheet === null ? {} : { sheet: first.accounting.sheet }) };
  };
  if (problems.some(isBlocking) || counts.size < typeIds.length) {
    // No result, but each type's own numbers are still checked so every problem shows now.
    for (const [id, c] of counts) {
      const seen = sheets.filter((s) => s.ballotType === id).reduce((n, s) => n + s.ballotsSeen, 0);
      addProblems(problems, sessionChecks(regime, { id, ...c, location: locationOf(id), numbers: tallies.get(id)?.wholeNumbers() ?? null }, seen));
    }
    return { ...base, ballotTypes: null, problems };
  }

  const types: BallotTypeInput[] = typeIds.map((id) => {
    const t = tallyFor(id);
    return { id, ...(counts.get(id) as TypeCounts), cadres: t.cadres, count: t.result(), location: locationOf(id), numbers: t.wholeNumbers() };
  });
  const evaluation = evaluate(regime, basis, types);
  addProblems(problems, evaluation.problems);
  const blocked = problems.some(isBlocking);
  return { ...base, ballotTypes: blocked ? null : evaluation.ballotTypes, problems };
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
