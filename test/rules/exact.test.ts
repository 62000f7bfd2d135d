import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { equalsFraction, formatHundredths, hundredthsToNumber, percentHundredths, roundedShare, twoThirdsCeil } from '../../src/model/exact.js';

describe('percentHundredths: 100·count/T in hundredths, rounded half up', () => {
  it.each([
    // Ties: a float computation gets some of these wrong.
    [1, 32, 313], // 3.125% → 3.13%
    [3, 4000, 8], // 0.075% → 0.08% (float: 0.07%)
    [1, 8, 1250], // 12.5% exactly
    [1, 16, 625], // 6.25% exactly
    [1, 160, 63], // 0.625% → 0.63%
    // Published figures (research S23–S26).
    [19, 47, 4043],
    [2, 47, 426],
    [25, 47, 5319],
    [52, 52, 10000],
    [390, 497, 7847],
    [323, 485, 6660],
    // Thirds never tie.
    [1, 3, 3333],
    [2, 3, 6667],
    [0, 5, 0],
  ])('%i of %i → %i', (count, total, expected) => {
    expect(percentHundredths(count, total)).toBe(expected);
  });

  it('is the nearest hundredth, ties going up, for any count and T', () => {
    // Characterisation independent of the formula: r − 1/2 ≤ 10000c/T < r + 1/2.
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1_000_000 }), fc.nat({ max: 2_000_000 }), (t, c) => {
        const r = BigInt(percentHundredths(c, t));
        const x2 = 20000n * BigInt(c);
        const T = BigInt(t);
        return (2n * r - 1n) * T <= x2 && x2 < (2n * r + 1n) * T;
      }),
    );
  });

  it('refuses T = 0 and negative counts', () => {
    expect(() => percentHundredths(1, 0)).toThrow(RangeError);
    expect(() => percentHundredths(-1, 5)).toThrow(RangeError);
  });
});

describe('formatting hundredths', () => {
  it.each([
    [5319, '.', '53.19'],
    [5319, ',', '53,19'],
    [8, '.', '0.08'],
    [10000, ',', '100,00'],
    [1220, '.', '12.20'],
    [0, ',', '0,00'],
  ] as const)('%i with %s → %s', (h, sep, text) => {
    expect(formatHundredths(h, sep)).toBe(text);
  });

  it('gives JSON numbers with at most two decimals', () => {
    expect(JSON.stringify([hundredthsToNumber(5319), hundredthsToNumber(1220), hundredthsToNumber(8), hundredthsToNumber(10000)])).toBe('[53.19,12.2,0.08,100]');
  });
});

describe('two thirds', () => {
  it.each([
    [45, 30],
    [30, 20],
    [31, 21],
    [3, 2],
    [1, 1],
    [0, 0],
    [100, 67],
  ])('quorum of %i convened is %i present', (convened, required) => {
    expect(twoThirdsCeil(convened)).toBe(required);
    // The smallest such number: one fewer fails 3p ≥ 2c.
    if (required > 0) expect(3 * (required - 1) >= 2 * convened).toBe(false);
    expect(3 * required >= 2 * convened).toBe(true);
  });

  it('equalsFraction is exact', () => {
    expect(equalsFraction(20, 30, 2, 3)).toBe(true);
    expect(equalsFraction(2, 3, 2, 3)).toBe(true);
    expect(equalsFraction(21, 31, 2, 3)).toBe(false);
  });
});

describe('roundedShare: the same rounding at the precision a record was written', () => {
  it.each([
    // 25/47 = 53.1914…%: 53.2 at one decimal, 53 at none, 53.19 at two.
    [25, 47, 1, 532n],
    [25, 47, 0, 53n],
    [25, 47, 2, 5319n],
    // 1/32 = 3.125%: half up at two decimals, down at none.
    [1, 32, 2, 313n],
    [1, 32, 0, 3n],
    // 3/4000 = 0.075%.
    [3, 4000, 2, 8n],
    [3, 4000, 3, 75n],
  ])('%i of %i at %i decimals → %s', (count, total, scale, expected) => {
    expect(roundedShare(count, total, scale)).toBe(expected);
  });
});
