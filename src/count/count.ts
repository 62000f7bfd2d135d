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
  readonly location: Location;
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

const zeroReasons = (): Record<InvalidReason, number> =>
  Object.fromEntries(INVALID_REASONS.map((r) => [r, 0])) as Record<InvalidReason, number>;

/** Counts ballots one at a time, so a large file never has to be held. */
export class Counter {
  private readonly perCadre: Map<number, CadreCount>;
  private readonly voided: VoidBallot[] = [];
  private readonly invalidLines: InvalidLine[] = [];
  private n = 0;

  constructor(
    private readonly ballotType: string,
    private readonly cadreKeys: readonly number[],
    private readonly options: CountOptions,
  ) {
    this.perCadre = new Map(cadreKeys.map((k) => [k, { high: 0, confidence: 0, low: 0, invalidByReason: zeroReasons() }]));
  }

  add(ballot: Ballot): void {
    this.n++;
    let voided: VoidBallot | null = ballot.voidReason === null ? null : { ballot: ballot.number, reason: ballot.voidReason, location: ballot.location };
    if (voided === null && this.options.strict) {
      for (const key of this.cadreKeys) {
        const r = ballot.lines.get(key);
        if (r !== undefined && r.kind === 'undecided') throw new Error(`undecided line reached counting on ballot ${ballot.number}`);
        if (r !== undefined && r.kind === 'invalid') {
          voided = { ballot: ballot.number, reason: r.reason, strictCause: { cadreKey: key, reason: r.reason }, location: ballot.location };
          break;
        }
      }
    }
    if (voided !== null) {
      this.voided.push(voided);
      for (const c of this.perCadre.values()) c.invalidByReason['void-ballot']++;
      return;
    }
    for (const [key, c] of this.perCadre) {
      const r = ballot.lines.get(key);
      // A missing reading is a reader bug, not a blank: readers give every cadre a reading.
      if (r === undefined) throw new Error(`ballot ${ballot.number} has no reading for cadre ${key}`);
      // Undecided lines block the result before counting (tally.ts); reaching here is a bug.
      if (r.kind === 'undecided') throw new Error(`undecided line reached counting on ballot ${ballot.number}`);
      if (r.kind === 'mark') c[r.level]++;
      else {
        c.invalidByReason[r.reason]++;
        this.invalidLines.push({ ballot: ballot.number, cadreKey: key, reason: r.reason, location: ballot.location });
      }
    }
  }

  result(): BallotTypeCount {
    return { ballotType: this.ballotType, ballots: this.n, perCadre: this.perCadre, voidBallots: this.voided, invalidLines: this.invalidLines };
  }
}

export function countBallots(ballotType: string, cadreKeys: readonly number[], ballots: Iterable<Ballot>, options: CountOptions): BallotTypeCount {
  const counter = new Counter(ballotType, cadreKeys, options);
  for (const b of ballots) counter.add(b);
  return counter.result();
}
