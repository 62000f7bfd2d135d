// Decoding one wide-layout cell into a line reading (SPEC §2.4). Anything not in the
// table is a data-entry error, never a guess.
import type { Level, LineReading } from './types.js';
import { fold } from './fold.js';
import type { CellValue } from './grid.js';

export type CellDecoding =
  | { readonly ok: true; readonly reading: LineReading }
  | { readonly ok: false; readonly hint: 'unknown' | 'repeated-level' | 'mixed-with-zero' | 'decimal-number' | 'formula-no-value'; readonly suggestion?: string };

const LEVEL_CODES: Record<Level, readonly string[]> = {
  high: ['1', 'cao', 'tín nhiệm cao', 'tnc', 'h', 'high'],
  confidence: ['2', 'tín nhiệm', 'tn', 'm', 'confidence'],
  low: ['3', 'thấp', 'tín nhiệm thấp', 'tnt', 'l', 'low'],
};
const CROSSED_OUT = ['gx', 'gạch tên'];
const DECLARED_INVALID = ['0', 'khl', 'invalid'];

const levelByCode = new Map<string, Level>();
for (const [level, codes] of Object.entries(LEVEL_CODES) as [Level, readonly string[]][]) {
  for (const c of codes) levelByCode.set(fold(c), level);
}
const crossedOut = new Set(CROSSED_OUT.map(fold));
const declaredInvalid = new Set(DECLARED_INVALID.map(fold));

const SEPARATORS = /[,;|+/]/;
const DIGIT_RUN = /^[0-9]{2,}$/;

const mark = (level: Level): CellDecoding => ({ ok: true, reading: { kind: 'mark', level } });
const invalid = (reason: 'no-mark' | 'multiple-marks' | 'name-crossed-out' | 'declared-invalid'): CellDecoding => ({
  ok: true,
  reading: { kind: 'invalid', reason },
});
const NO_MARK = invalid('no-mark');

/** Ballot cells repeat a few values many times: each is decoded once. */
const decoded = new Map<string | number, CellDecoding>();
const MAX_CACHED = 10_000;

export function decodeCell(value: CellValue): CellDecoding {
  if (value === null) return NO_MARK;
  if (typeof value === 'number' || typeof value === 'string') {
    const hit = decoded.get(value);
    if (hit !== undefined) return hit;
    const d = decodeUncached(value);
    if (decoded.size < MAX_CACHED) decoded.set(value, d);
    return d;
  }
  return decodeUncached(value);
}

function decodeUncached(value: CellValue): CellDecoding {
  if (value === null) return NO_MARK;
  if (typeof value === 'number') {
    // Excel in a Vietnamese locale turns a typed "1,3" into the number 1.3.
    if (!Number.isInteger(value)) {
      const digits = String(value).replace('.', '');
      // Suggested only when the digits are distinct levels, which is what several marks are.
      const levels = /^[123]+$/.test(digits) && new Set(digits).size === digits.length;
      return { ok: false, hint: 'decimal-number', ...(DIGIT_RUN.test(digits) && levels ? { suggestion: digits } : {}) };
    }
    return decodeText(String(value));
  }
  if (typeof value !== 'string') return { ok: false, hint: 'unknown' };
  return decodeText(value);
}

function decodeText(raw: string): CellDecoding {
  // The XLSX reader shows a formula that has no computed value as its formula text.
  if (raw.startsWith('=')) return { ok: false, hint: 'formula-no-value' };
  const text = fold(raw);
  if (text === '') return invalid('no-mark');
  const level = levelByCode.get(text);
  if (level !== undefined) return mark(level);
  if (crossedOut.has(text)) return invalid('name-crossed-out');
  if (declaredInvalid.has(text)) return invalid('declared-invalid');

  let parts: string[] | null = null;
  if (SEPARATORS.test(text)) parts = text.split(SEPARATORS).map((p) => p.trim());
  else if (DIGIT_RUN.test(text)) parts = [...text];
  if (parts === null) return { ok: false, hint: 'unknown' };

  if (parts.some((p) => declaredInvalid.has(p))) return { ok: false, hint: 'mixed-with-zero' };
  const levels = parts.map((p) => levelByCode.get(p));
  if (levels.some((l) => l === undefined)) return { ok: false, hint: 'unknown' };
  if (new Set(levels).size !== levels.length) return { ok: false, hint: 'repeated-level' };
  return invalid('multiple-marks');
}
