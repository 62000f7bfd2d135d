// What every ballot reader (wide, long, scanner exports) gives back for one sheet or file.
import type { Problem } from '../model/problem.js';
import type { BallotSheet } from '../count/type-tally.js';
import type { Ballot, Cadre, Location } from '../model/types.js';
import { caseFold, clean, fold, hasDiacritics } from '../text/fold.js';
import { columnLetter, type Row } from './grid.js';

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

/** Builds locations in one sheet: row, optional column letter, header text and ballot number. */
export function locator(sheet: { readonly file: string; readonly name: string | null }): (row: number, col?: number, header?: string, ballot?: string) => Location {
  return (row, col, header, ballot) => ({
    file: sheet.file,
    ...(sheet.name === null ? {} : { sheet: sheet.name }),
    row,
    ...(col === undefined ? {} : { columnLetter: columnLetter(col) }),
    ...(header === undefined || header === '' ? {} : { column: header }),
    ...(ballot === undefined ? {} : { ballot }),
  });
}

/**
 * A total row's label (SPEC §2.4): "Tổng", "Cộng", "Tổng cộng", "Tổng số", "Total", alone or
 * followed by a colon or a number — nothing else ("Tổng hợp" is not). Typed with diacritics
 * it must be those words ("Tống" and "Công" are surnames); typed without, it is read folded.
 */
const TOTAL_WORDS = '(tổng cộng|tổng số|tổng|cộng|total|subtotal|sum)';
const TOTAL_TAIL = '\\s*(:?\\s*\\d*|\\d+\\s*:?)\\s*$';
const TOTAL_ROW = new RegExp(`^${TOTAL_WORDS}${TOTAL_TAIL}`, 'u');
const TOTAL_ROW_FOLDED = new RegExp(`^${fold(TOTAL_WORDS)}${TOTAL_TAIL}`, 'u');

/** The label of a total or subtotal row ("Tổng cộng", "Cộng", "Total"), or null. */
export function totalRowLabel(row: Row): string | null {
  const first = row.cells.find((c) => typeof c === 'string' && c.trim() !== '');
  return typeof first === 'string' ? totalLabel(first) : null;
}

/** The label when `text` is a total row's label, or null. */
export function totalLabel(text: string): string | null {
  // Only text that can begin "Tổng", "Cộng", "Total", "Subtotal" or "Sum" is worth folding.
  const c = text.trimStart().charCodeAt(0) | 0x20;
  if (c !== 0x74 && c !== 0x63 && c !== 0x73) return null;
  const matched = hasDiacritics(text) ? TOTAL_ROW.test(caseFold(text)) : TOTAL_ROW_FOLDED.test(fold(text));
  return matched ? clean(text) : null;
}
