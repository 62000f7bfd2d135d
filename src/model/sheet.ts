// What every ballot reader (wide, long, scanner exports) gives back for one sheet or file, and
// where it hands each ballot: the contract between reading and counting.
import type { Problem } from './problem.js';
import type { Ballot, Cadre, Location } from './types.js';

/** One sheet or file of ballots: a ballot's location is its row there. */
export interface BallotSheet {
  locate(row: number): Location;
}

/**
 * Why a row is not a ballot. Every such row is reported, never silently dropped. `unused`:
 * rows the template numbered that hold nothing but their number, after the last ballot typed.
 */
export type NonBallotKind = 'title' | 'header' | 'empty' | 'total' | 'unused';
export const NON_BALLOT_KINDS = ['title', 'header', 'empty', 'total', 'unused'] as const satisfies readonly NonBallotKind[];

export type Layout = 'wide' | 'long' | 'omrchecker' | 'formscanner';

/**
 * Nothing lost: rowsRead = countedRows + rowsWithErrors + every non-ballot row + rejected.
 * A counted row is a ballot in the wide layouts and one ballot line in the long layout.
 */
export interface RowAccounting {
  readonly file: string;
  readonly sheet: string | null;
  readonly layout: Layout;
  readonly rowsRead: number;
  readonly countedRows: number;
  /** Distinct ballots counted. */
  readonly ballots: number;
  /** Ballot rows with a cell error: not counted, and they stop the result. */
  readonly rowsWithErrors: number;
  readonly nonBallot: Readonly<Record<NonBallotKind, number>>;
  /** Rows that are neither: no ballot number, a repeated number, a blank between ballots. */
  readonly rejected: number;
}

/** Where a reader hands each ballot: its type's tally; false means the number was seen before. */
export type TallyFor = (ballotType: string) => {
  add(ballot: Ballot): boolean;
  /** A ballot as line codes (model/line-codes.ts), one per leader in roster order. */
  addCodes(number: string, voidReason: string | null, codes: Uint8Array, sheet: BallotSheet, row: number): boolean;
  /** A ballot in the input that cannot be counted (a cell error): its number is taken all the same. */
  reserve(number: string, sheet: BallotSheet, row: number): boolean;
};

/** What a reader reports about one sheet or file once all its rows are read. */
export interface BallotSheetRead {
  readonly ballotType: string;
  readonly cadres: readonly Cadre[];
  readonly problems: readonly Problem[];
  readonly accounting: RowAccounting;
  /** Ballots in the input, counted or not: what "rows vs returned" compares when errors stop the count. */
  readonly ballotsSeen: number;
}

/** All rows reported as not ballots, whatever the reason. */
export function nonBallotRows(r: RowAccounting): number {
  return Object.values(r.nonBallot).reduce((a, b) => a + b, 0);
}

export const noNonBallot = (): Record<NonBallotKind, number> => ({ title: 0, header: 0, empty: 0, total: 0, unused: 0 });
