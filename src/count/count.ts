// Counting: ballots in, per-leader counts out. Pure; touches no file, clock or randomness.
import { CONFIDENCE, DECLARED_INVALID, HIGH, LINE_CODE_COUNT, LOW, MISSING, MULTIPLE_MARKS, NAME_CROSSED_OUT, NO_MARK, UNDECIDED, invalidReasonOf, lineCode, type LineInvalidReason } from '../model/line-codes.js';
import { IntList } from '../model/int-list.js';
import { type Ballot, type InvalidReason, type Location } from '../model/types.js';

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
  readonly strictCause?: { readonly cadreKey: number; readonly reason: LineInvalidReason };
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

/** Where in the counts a void ballot's lines go (the codes use 0 to 8). */
const VOIDED = LINE_CODE_COUNT;

/**
 * Counts ballots one at a time, so a large file never has to be held. Lines arrive as codes
 * (model/line-codes.ts), one per leader in the ballot type's order.
 */
export class Counter {
  /** counts[code * k + line]. */
  private readonly counts: Int32Array;
  private readonly voided: VoidBallot[] = [];
  /**
   * Invalid lines, kept compact (a large file has hundreds of thousands): per line the slot
   * of its ballot's number and the leader's line × 8 + the reason's code; made into objects
   * only when a report lists them.
   */
  private readonly lineData = new IntList(1024);
  private readonly lineBallots: string[] = [];
  private n = 0;

  /** `cadreKeys` in the order of the ballots' lines. */
  constructor(
    private readonly ballotType: string,
    private readonly cadreKeys: readonly number[],
    private readonly options: CountOptions,
  ) {
    this.counts = new Int32Array((VOIDED + 1) * cadreKeys.length);
  }

  add(ballot: Ballot): void {
    this.addCodes(ballot.number, ballot.voidReason, Uint8Array.from(ballot.lines, lineCode), { locate: () => ballot.location }, 0);
  }

  /** One ballot, at `row` of `sheet` (asked only when the ballot is void). `codes` is not kept. */
  addCodes(number: string, voidReason: string | null, codes: Uint8Array, sheet: { locate(row: number): Location }, row: number): void {
    const k = this.cadreKeys.length;
    // Readers give every leader a reading, and undecided lines are stopped before counting
    // (count/type-tally.ts): reaching either here is a bug.
    if (codes.length !== k || !countable(codes)) throw new Error(`ballot ${number}: a line with no countable reading`);
    this.n++;
    const counts = this.counts;
    let voided: VoidBallot | null = voidReason === null ? null : { ballot: number, reason: voidReason, location: sheet.locate(row) };
    if (voided === null && this.options.strict) {
      for (let i = 0; i < k; i++) {
        const reason = invalidReasonOf(codes[i] as number);
        if (reason !== null) {
          voided = { ballot: number, reason, strictCause: { cadreKey: this.cadreKeys[i] as number, reason }, location: sheet.locate(row) };
          break;
        }
      }
    }
    if (voided !== null) {
      this.voided.push(voided);
      for (let i = 0; i < k; i++) bump(counts, VOIDED * k + i);
      return;
    }
    let slot = -1;
    for (let i = 0; i < k; i++) {
      const c = codes[i] as number;
      const at = c * k + i;
      counts[at] = (counts[at] as number) + 1;
      if (c > LOW) {
        if (slot < 0) slot = this.lineBallots.push(number) - 1;
        this.lineData.push(slot);
        this.lineData.push(i * 8 + c);
      }
    }
  }

  result(): BallotTypeCount {
    const k = this.cadreKeys.length;
    const at = (code: number, i: number) => this.counts[code * k + i] as number;
    const perCadre = new Map<number, CadreCount>(
      this.cadreKeys.map((key, i) => [
        key,
        {
          high: at(HIGH, i),
          confidence: at(CONFIDENCE, i),
          low: at(LOW, i),
          invalidByReason: {
            'no-mark': at(NO_MARK, i),
            'multiple-marks': at(MULTIPLE_MARKS, i),
            'name-crossed-out': at(NAME_CROSSED_OUT, i),
            'declared-invalid': at(DECLARED_INVALID, i),
            'void-ballot': at(VOIDED, i),
          },
        },
      ]),
    );
    const { lineData, lineBallots, cadreKeys } = this;
    let lines: InvalidLine[] | null = null;
    return {
      ballotType: this.ballotType,
      ballots: this.n,
      perCadre,
      voidBallots: this.voided,
      get invalidLines(): readonly InvalidLine[] {
        if (lines === null) {
          lines = [];
          for (let j = 0; j < lineData.length; j += 2) {
            const v = lineData.data[j + 1] as number;
            lines.push({ ballot: lineBallots[lineData.data[j] as number] as string, cadreKey: cadreKeys[v >> 3] as number, reason: invalidReasonOf(v & 7) as LineInvalidReason });
          }
        }
        return lines;
      },
    };
  }
}

/** Whether every line has a reading that counts: none missing, none undecided. */
export function countable(codes: Uint8Array): boolean {
  for (let i = 0; i < codes.length; i++) {
    const c = codes[i] as number;
    if (c === MISSING || c >= UNDECIDED) return false;
  }
  return true;
}

const bump = (a: Int32Array, i: number) => {
  a[i] = (a[i] as number) + 1;
};

export function countBallots(ballotType: string, cadreKeys: readonly number[], ballots: Iterable<Ballot>, options: CountOptions): BallotTypeCount {
  const counter = new Counter(ballotType, cadreKeys, options);
  for (const b of ballots) counter.add(b);
  return counter.result();
}
