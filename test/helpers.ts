// Small builders for tests: cadres and ballots from compact literals.
import type { Ballot, Cadre, Level, LineReading } from '../src/model/types.js';

export function cadre(key: number, name: string, extra: Partial<Cadre> = {}): Cadre {
  return { key, id: null, stt: key + 1, name, position: 'Cán bộ', unit: null, ballotType: 'default', excluded: null, location: {}, ...extra };
}

const CODE: Record<string, LineReading> = {
  h: { kind: 'mark', level: 'high' },
  c: { kind: 'mark', level: 'confidence' },
  l: { kind: 'mark', level: 'low' },
  '-': { kind: 'invalid', reason: 'no-mark' },
  m: { kind: 'invalid', reason: 'multiple-marks' },
  x: { kind: 'invalid', reason: 'name-crossed-out' },
  '0': { kind: 'invalid', reason: 'declared-invalid' },
};

/** One ballot from a string, one character per cadre key 0, 1, …: h c l - m x 0. */
export function ballot(number: string | number, marks: string, voidReason: string | null = null): Ballot {
  const lines = [...marks].map((ch) => {
    const r = CODE[ch];
    if (r === undefined) throw new Error(`bad mark ${ch}`);
    return r;
  });
  return { ballotType: 'default', number: String(number), voidReason, lines, location: { row: Number(number) + 1 } };
}

/** `n` ballots all marking `level` for one cadre. */
export function repeat(n: number, level: Level | '-', start = 1): Ballot[] {
  const ch = level === 'high' ? 'h' : level === 'confidence' ? 'c' : level === 'low' ? 'l' : '-';
  return Array.from({ length: n }, (_, i) => ballot(start + i, ch));
}

/** The actual document cut down to the keys the expected one states (golden comparisons). */
export function pick(actual: unknown, expected: unknown): unknown {
  if (Array.isArray(expected) && Array.isArray(actual)) {
    return expected.length === actual.length ? actual.map((a, i) => pick(a, expected[i])) : actual;
  }
  if (expected !== null && typeof expected === 'object' && actual !== null && typeof actual === 'object') {
    return Object.fromEntries(Object.keys(expected).map((k) => [k, pick((actual as Record<string, unknown>)[k], (expected as Record<string, unknown>)[k])]));
  }
  return actual;
}
