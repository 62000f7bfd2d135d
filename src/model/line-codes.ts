// Ballot lines as one byte each, for the paths every line goes through (counting, the input
// digest): the readings of types.ts as small integers. The values are part of the digest
// format, so they never change.
import type { InvalidReason, Level, LineReading } from './types.js';

/** A line that was not read: its column or line was missing (already reported). */
export const MISSING = 0;
export const HIGH = 1;
export const CONFIDENCE = 2;
export const LOW = 3;
export const NO_MARK = 4;
export const MULTIPLE_MARKS = 5;
export const NAME_CROSSED_OUT = 6;
export const DECLARED_INVALID = 7;
/** A scanned mark between the thresholds; its fill values travel beside the codes. */
export const UNDECIDED = 8;
export const LINE_CODE_COUNT = 9;

export type LineInvalidReason = Exclude<InvalidReason, 'void-ballot'>;

const LEVEL_OF: readonly (Level | null)[] = [null, 'high', 'confidence', 'low', null, null, null, null, null];
const REASON_OF: readonly (LineInvalidReason | null)[] = [null, null, null, null, 'no-mark', 'multiple-marks', 'name-crossed-out', 'declared-invalid', null];
const READINGS: readonly (LineReading | null)[] = LEVEL_OF.map((level, code) => {
  if (level !== null) return { kind: 'mark', level };
  const reason = REASON_OF[code];
  return reason === null || reason === undefined ? null : { kind: 'invalid', reason };
});

export function lineCode(r: LineReading | undefined): number {
  if (r === undefined) return MISSING;
  if (r.kind === 'undecided') return UNDECIDED;
  if (r.kind === 'mark') return r.level === 'high' ? HIGH : r.level === 'confidence' ? CONFIDENCE : LOW;
  switch (r.reason) {
    case 'no-mark':
      return NO_MARK;
    case 'multiple-marks':
      return MULTIPLE_MARKS;
    case 'name-crossed-out':
      return NAME_CROSSED_OUT;
    case 'declared-invalid':
      return DECLARED_INVALID;
  }
}

/** The reading a code stands for; null for MISSING and UNDECIDED, which carry no reading. */
export function readingOf(code: number): LineReading | null {
  return READINGS[code] ?? null;
}

/** The invalid reason of an invalid line's code, else null. */
export function invalidReasonOf(code: number): LineInvalidReason | null {
  return REASON_OF[code] ?? null;
}

