// The expected result of a session, computed from SPEC §1 alone with exact integer (BigInt)
// arithmetic. It imports nothing from src/: it shares no code with the program it judges.
import type { Ballot, Level, Session } from './session.js';

export type Reason = 'no-mark' | 'multiple-marks' | 'name-crossed-out' | 'declared-invalid' | 'void-ballot';
export const REASONS: readonly Reason[] = ['no-mark', 'multiple-marks', 'name-crossed-out', 'declared-invalid', 'void-ballot'];
export type Band = 'none' | 'review' | 'dismissal';

export interface ExpectedCadre {
  readonly name: string;
  readonly stt: number;
  readonly ballotType: string;
  readonly high: number;
  readonly confidence: number;
  readonly low: number;
  readonly valid: number;
  readonly invalid: number;
  readonly invalidByReason: Record<Reason, number>;
  readonly denominator: number;
  readonly percent: Record<Level, number>;
  /** null when the quorum is not met (SPEC §3, "On exit 1" (b)). */
  readonly band: Band | null;
  readonly flagged: boolean;
  readonly exactlyTwoThirds: boolean;
}

export interface ExpectedType {
  readonly id: string;
  readonly issued: number;
  readonly returned: number;
  readonly voidBallots: number;
  readonly validBallots: number;
  readonly denominator: { readonly basis: 'returned'; readonly value: number };
}

export interface Expected {
  readonly cadres: readonly ExpectedCadre[];
  readonly ballotTypes: readonly ExpectedType[];
  readonly quorumMet: boolean;
}

/** 100 × count / T rounded half up to two decimals, exactly: the hundredths as an integer / 100. */
export function percent(count: number, T: number): number {
  if (T <= 0) throw new Error('T = 0');
  const n = BigInt(count) * 10000n;
  const t = BigInt(T);
  let q = n / t;
  const r = n % t;
  if (2n * r >= t) q += 1n;
  // q is an integer number of hundredths; q / 100 is the double nearest to the decimal.
  return Number(q) / 100;
}

/** Regulation 96 bands (party-96): review when 2L > T and 3L < 2T; dismissal when 3L >= 2T. */
export function band96(L: number, T: number): Band {
  const l = BigInt(L);
  const t = BigInt(T);
  if (3n * l >= 2n * t) return 'dismissal';
  if (2n * l > t) return 'review';
  return 'none';
}

export const quorumMet = (convened: number, present: number): boolean => 3n * BigInt(present) >= 2n * BigInt(convened);

/** The reason a line is invalid, or its level when it is valid. */
function readLine(b: Ballot, i: number): Level | Reason {
  if (b.void !== null) return 'void-ballot';
  if (b.blank) return 'no-mark';
  const line = b.lines[i];
  if (line === undefined) throw new Error(`ballot ${b.number} has no line ${i}`);
  switch (line.kind) {
    case 'mark':
      return line.level;
    case 'none':
      return 'no-mark';
    case 'multi':
      return 'multiple-marks';
    case 'crossed':
      return 'name-crossed-out';
    case 'declared':
      return 'declared-invalid';
  }
}

export function oracle(s: Session, opts: { convened?: number; present?: number } = {}): Expected {
  const convened = opts.convened ?? s.convened;
  const present = opts.present ?? s.present;
  const met = quorumMet(convened, present);
  const cadres: ExpectedCadre[] = [];
  const ballotTypes: ExpectedType[] = [];
  for (const t of s.types) {
    const ballots = s.ballots.filter((b) => b.type === t.code);
    const T = ballots.length;
    if (T !== t.returned) throw new Error(`generator: ${T} ballots of type ${t.code} but returned = ${t.returned}`);
    const voidBallots = ballots.filter((b) => b.void !== null).length;
    ballotTypes.push({ id: t.code, issued: t.issued, returned: t.returned, voidBallots, validBallots: T - voidBallots, denominator: { basis: 'returned', value: T } });
  }
  // Leaders in roster order (SPEC §2.2: "In output, leaders appear in roster order").
  for (const leader of s.leaders) {
    const ballots = s.ballots.filter((b) => b.type === leader.type);
    const index = s.leaders.filter((l) => l.type === leader.type).indexOf(leader);
    const T = ballots.length;
    const n = { high: 0, confidence: 0, low: 0 };
    const invalidByReason: Record<Reason, number> = { 'no-mark': 0, 'multiple-marks': 0, 'name-crossed-out': 0, 'declared-invalid': 0, 'void-ballot': 0 };
    for (const b of ballots) {
      const r = readLine(b, index);
      if (r === 'high' || r === 'confidence' || r === 'low') n[r]++;
      else invalidByReason[r]++;
    }
    const valid = n.high + n.confidence + n.low;
    const band = band96(n.low, T);
    cadres.push({
      name: leader.name,
      stt: leader.stt,
      ballotType: leader.type,
      ...n,
      valid,
      invalid: T - valid,
      invalidByReason,
      denominator: T,
      percent: { high: percent(n.high, T), confidence: percent(n.confidence, T), low: percent(n.low, T) },
      band: met ? band : null,
      flagged: met && band !== 'none',
      exactlyTwoThirds: 3 * n.low === 2 * T,
    });
  }
  return { cadres, ballotTypes, quorumMet: met };
}
