// Counting: ballots in, per-leader counts out. Pure; touches no file, clock or randomness.
import { INVALID_REASONS, type Ballot, type InvalidReason, type Location } from '../model/types.js';

export interface CadreCount {
  high: number;
  confidence: number;
  low: number;
  invalidByReason: Record<InvalidReason, number>;
}

export interface InvalidLine {
  readonly ballot: string;
  readonly cadreKey: number;
  readonly reason: InvalidReason;
}

export interface VoidBallot {
  readonly ballot: string;
  /** The reason written on the ballot, or the line defect that voided it under --strict. */
  readonly reason: string;
  readonly strictCause?: { readonly cadreKey: number; readonly reason: Exclude<InvalidReason, 'void-ballot'> };
  readonly location: Location;
}

export interface BallotTypeCount {
  readonly ballotType: string;
  readonly ballots: number;
  readonly perCadre: ReadonlyMap<number, CadreCount>;
  readonly voidBallots: readonly VoidBallot[];
  /** Invalid lines on ballots that are not void as a whole. */
  readonly invalidLines: readonly InvalidLine[];
}

export interface CountOptions {
  /** Quy định 262's literal reading: any defective line voids the whole ballot. */
  readonly strict: boolean;
}

/** Counts ballots one at a time, so a large file never has to be held. */
export class Counter {
  private readonly high: Int32Array;
  private readonly confidence: Int32Array;
  private readonly low: Int32Array;
  private readonly reasons: Record<InvalidReason, Int32Array>;
  private readonly voided: VoidBallot[] = [];
  private readonly invalidLines: InvalidLine[] = [];
  private n = 0;

  /** `cadreKeys` in the order of the ballots' lines. */
  constructor(
    private readonly ballotType: string,
    private readonly cadreKeys: readonly number[],
    private readonly options: CountOptions,
  ) {
    const k = cadreKeys.length;
    [this.high, this.confidence, this.low] = [new Int32Array(k), new Int32Array(k), new Int32Array(k)];
    this.reasons = Object.fromEntries(INVALID_REASONS.map((r) => [r, new Int32Array(k)])) as Record<InvalidReason, Int32Array>;
  }

  add(ballot: Ballot): void {
    this.n++;
    const lines = ballot.lines;
    const k = this.cadreKeys.length;
    let voided: VoidBallot | null = ballot.voidReason === null ? null : { ballot: ballot.number, reason: ballot.voidReason, location: ballot.location };
    if (voided === null && this.options.strict) {
      for (let i = 0; i < k; i++) {
        const r = lines[i];
        if (r !== undefined && r.kind === 'invalid') {
          voided = { ballot: ballot.number, reason: r.reason, strictCause: { cadreKey: this.cadreKeys[i] as number, reason: r.reason }, location: ballot.location };
          break;
        }
      }
    }
    if (voided !== null) {
      this.voided.push(voided);
      const v = this.reasons['void-ballot'];
      for (let i = 0; i < k; i++) bump(v, i);
      return;
    }
    for (let i = 0; i < k; i++) {
      const r = lines[i];
      // Readers give every leader a reading, and undecided lines are stopped before counting
      // (count/type-tally.ts): reaching either here is a bug.
      if (r === undefined || r.kind === 'undecided') throw new Error(`ballot ${ballot.number}: no countable reading for line ${i}`);
      if (r.kind === 'mark') bump(this[r.level], i);
      else {
        bump(this.reasons[r.reason], i);
        this.invalidLines.push({ ballot: ballot.number, cadreKey: this.cadreKeys[i] as number, reason: r.reason });
      }
    }
  }

  result(): BallotTypeCount {
    const perCadre = new Map<number, CadreCount>(
      this.cadreKeys.map((key, i) => [
        key,
        {
          high: this.high[i] as number,
          confidence: this.confidence[i] as number,
          low: this.low[i] as number,
          invalidByReason: Object.fromEntries(INVALID_REASONS.map((r) => [r, this.reasons[r][i] as number])) as Record<InvalidReason, number>,
        },
      ]),
    );
    return { ballotType: this.ballotType, ballots: this.n, perCadre, voidBallots: this.voided, invalidLines: this.invalidLines };
  }
}

const bump = (a: Int32Array, i: number) => {
  a[i] = (a[i] as number) + 1;
};

export function countBallots(ballotType: string, cadreKeys: readonly number[], ballots: Iterable<Ballot>, options: CountOptions): BallotTypeCount {
  const counter = new Counter(ballotType, cadreKeys, options);
  for (const b of ballots) counter.add(b);
  return counter.result();
}
