// Applying the regime's rules to the counts: denominators, percentages, bands, quorum and
// ballot accounting (SPEC §1). Pure.
import type { BallotTypeCount, CadreCount } from '../count/count.js';
import { addProblems, problem, type Problem } from '../model/problem.js';
import type { Band, Cadre, DenominatorBasis, InvalidReason, Level, Location } from '../model/types.js';
import { equalsFraction, percentHundredths, twoThirdsCeil } from '../model/exact.js';
import { bandOf, type Regime } from './regimes.js';

export interface BallotTypeInput {
  readonly id: string;
  readonly convened: number;
  readonly present: number;
  readonly issued: number;
  readonly returned: number;
  /** The leaders on this ballot type, in roster order. */
  readonly cadres: readonly Cadre[];
  readonly count: BallotTypeCount;
  /** Where the session values came from, for messages. */
  readonly location: Location;
  /** The ballot numbers in the input when all are whole numbers (ascending), to name the missing or extra ones. */
  readonly numbers?: readonly number[] | null;
}

export interface Quorum {
  readonly convened: number;
  readonly present: number;
  /** Smallest number present that meets the quorum. */
  readonly required: number;
  readonly met: boolean;
}

export type Note = 'exactly-two-thirds';

export interface CadreResult {
  readonly cadre: Cadre;
  readonly high: number;
  readonly confidence: number;
  readonly low: number;
  readonly valid: number;
  readonly invalid: number;
  readonly invalidByReason: Readonly<Record<InvalidReason, number>>;
  /** T for this leader; null only under the `valid` basis when the leader has no valid line. */
  readonly denominator: number | null;
  /** Hundredths of a percent (5319 = 53.19%), exact and rounded half up. */
  readonly percent: Readonly<Record<Level, number>> | null;
  /** null when the quorum is not met or T is zero. */
  readonly band: Band | null;
  readonly flagged: boolean;
  readonly notes: readonly Note[];
}

export interface BallotTypeResult {
  readonly id: string;
  readonly convened: number;
  readonly present: number;
  readonly issued: number;
  readonly returned: number;
  readonly ballotsCounted: number;
  readonly voidBallots: number;
  readonly validBallots: number;
  readonly quorum: Quorum;
  readonly denominator: { readonly basis: DenominatorBasis; readonly value: number | null };
  readonly count: BallotTypeCount;
  readonly cadres: readonly CadreResult[];
}

export interface Evaluation {
  readonly ballotTypes: readonly BallotTypeResult[];
  readonly problems: readonly Problem[];
}

export function quorumOf(convened: number, present: number): Quorum {
  // Quy định 96, Điều 3: "ít nhất 2/3 số người được triệu tập có mặt".
  return { convened, present, required: twoThirdsCeil(convened), met: 3 * present >= 2 * convened };
}

export function evaluate(regime: Regime, basis: DenominatorBasis, types: readonly BallotTypeInput[]): Evaluation {
  const problems: Problem[] = [];
  const ballotTypes = types.map((t) => evaluateType(regime, basis, t, problems));
  return { ballotTypes, problems };
}

/**
 * The checks on a ballot type's numbers that need no count: accounting (returned ≤ issued ≤
 * present ≤ convened), ballots in the input = returned, and the quorum. They run even when
 * a data error stops the result, so every problem is reported at once.
 */
export function sessionChecks(
  regime: Regime,
  t: Pick<BallotTypeInput, 'id' | 'convened' | 'present' | 'issued' | 'returned' | 'location' | 'numbers'>,
  ballots: number,
): Problem[] {
  const problems: Problem[] = [];
  const params = { ballotType: t.id, convened: t.convened, present: t.present, issued: t.issued, returned: t.returned };
  // Returned ≤ issued ≤ present ≤ convened: each link of the chain, the smaller side first.
  const chain: ['returned' | 'issued' | 'present', number, 'issued' | 'present' | 'convened', number][] = [
    ['returned', t.returned, 'issued', t.issued],
    ['issued', t.issued, 'present', t.present],
    ['present', t.present, 'convened', t.convened],
  ];
  for (const [a, av, b, bv] of chain) {
    if (av > bv) problems.push(problem('accounting', 'error', t.location, { ...params, smaller: a, larger: b }));
  }
  if (ballots !== t.returned) {
    problems.push(problem('rows-vs-returned', 'error', t.location, { ...params, ballots, ...namedBallots(t.numbers ?? null, ballots, t.returned) }));
  }
  const quorum = quorumOf(t.convened, t.present);
  if (!quorum.met) {
    problems.push(problem('quorum-not-met', 'error', t.location, { ...params, required: quorum.required, byAnalogy: regime.quorumByAnalogy ? 1 : 0 }));
  }

  return problems;
}

/** Ballots numbered at most this many are named one by one in rows-vs-returned. */
const NAMED = 20;

/**
 * Which ballot numbers are missing or extra, when the numbers allow it: all whole numbers, and
 * exactly as many missing from 1…returned (or beyond returned) as the counts differ by.
 */
function namedBallots(numbers: readonly number[] | null, ballots: number, returned: number): { missing?: string[]; extra?: string[]; more?: number } {
  if (numbers === null || numbers.length !== ballots) return {};
  const named = (list: number[]) => ({ list: list.slice(0, NAMED).map(String), more: Math.max(0, list.length - NAMED) });
  if (ballots < returned) {
    if (numbers.some((n) => n < 1 || n > returned)) return {};
    const seen = new Set(numbers);
    const missing: number[] = [];
    for (let n = 1; n <= returned; n++) if (!seen.has(n)) missing.push(n);
    if (missing.length !== returned - ballots) return {};
    const { list, more } = named(missing);
    return { missing: list, ...(more > 0 ? { more } : {}) };
  }
  const extra = numbers.filter((n) => n < 1 || n > returned);
  if (extra.length !== ballots - returned) return {};
  const { list, more } = named(extra);
  return { extra: list, ...(more > 0 ? { more } : {}) };
}

function evaluateType(regime: Regime, basis: DenominatorBasis, t: BallotTypeInput, problems: Problem[]): BallotTypeResult {
  const quorum = quorumOf(t.convened, t.present);
  addProblems(problems, sessionChecks(regime, t, t.count.ballots));
  const params = { ballotType: t.id, convened: t.convened, present: t.present, issued: t.issued, returned: t.returned };

  const fixedT = basis === 'valid' ? null : t[basis];
  if (fixedT === 0) problems.push(problem('zero-denominator', 'error', t.location, { ...params, basis, scope: 'ballot-type' }));

  const cadres = t.cadres.map((cadre): CadreResult => {
    const c: CadreCount = t.count.perCadre.get(cadre.key) ?? { high: 0, confidence: 0, low: 0, invalidByReason: { 'no-mark': 0, 'multiple-marks': 0, 'name-crossed-out': 0, 'declared-invalid': 0, 'void-ballot': 0 } };
    const valid = c.high + c.confidence + c.low;
    const T = fixedT ?? valid;
    if (basis === 'valid' && T === 0) {
      problems.push(problem('zero-denominator', 'error', cadre.location, { ballotType: t.id, basis, scope: 'cadre', name: cadre.name }));
    }
    const ok = T > 0;
    const band = ok && quorum.met ? bandOf(regime, c.low, T) : null;
    const notes: Note[] = [];
    // Quy định 96 Điều 11 khoản 3 puts exactly 2/3 in the upper band; Quy định 41 says "trên 2/3".
    // The fraction is the entry's upper threshold, never retyped here. No band, no note: a
    // session without its quorum has no result to qualify (SPEC §3).
    const upper = regime.dismissal?.threshold;
    if (band !== null && regime.exactlyTwoThirdsNote && upper !== undefined && equalsFraction(c.low, T, upper.num, upper.den)) notes.push('exactly-two-thirds');
    return {
      cadre,
      high: c.high,
      confidence: c.confidence,
      low: c.low,
      valid,
      invalid: t.count.ballots - valid,
      invalidByReason: { ...c.invalidByReason },
      denominator: ok ? T : null,
      percent: ok ? { high: percentHundredths(c.high, T), confidence: percentHundredths(c.confidence, T), low: percentHundredths(c.low, T) } : null,
      band,
      flagged: band === 'review' || band === 'dismissal',
      notes,
    };
  });

  const voidBallots = t.count.voidBallots.length;
  return {
    id: t.id,
    convened: t.convened,
    present: t.present,
    issued: t.issued,
    returned: t.returned,
    ballotsCounted: t.count.ballots,
    voidBallots,
    validBallots: t.returned - voidBallots,
    quorum,
    denominator: { basis, value: fixedT },
    count: t.count,
    cadres,
  };
}

/** Errors that leave no result at all (SPEC §3 "On exit 1" (a)); the rest still report counts. */
export function isBlocking(p: Problem): boolean {
  if (p.severity !== 'error') return false;
  if (p.code === 'quorum-not-met') return false;
  if (p.code === 'zero-denominator' && p.params['scope'] === 'cadre') return false;
  return true;
}
