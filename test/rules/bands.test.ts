import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Band, RegimeId } from '../../src/model/types.js';
import { REGIME_IDS } from '../../src/model/types.js';
import { bandOf, REGIMES } from '../../src/rules/regimes.js';

// [regime, T, L, band] — each case sits on a boundary of SPEC §1.
const CASES: [RegimeId, number, number, Band][] = [
  // Quy định 96: "trên 50%" strict, "từ 2/3 trở lên" inclusive.
  ['party-96', 30, 15, 'none'], // exactly 50%
  ['party-96', 30, 16, 'review'],
  ['party-96', 30, 19, 'review'],
  ['party-96', 30, 20, 'dismissal'], // exactly 2/3
  ['party-96', 31, 16, 'review'],
  ['party-96', 31, 20, 'review'], // 64.52%
  ['party-96', 31, 21, 'dismissal'],
  ['party-96', 3, 1, 'none'],
  ['party-96', 3, 2, 'dismissal'], // 66.67% shown, exactly 2/3
  ['party-96', 2, 1, 'none'],
  ['party-96', 2, 2, 'dismissal'],
  ['party-96', 1, 0, 'none'],
  ['party-96', 1, 1, 'dismissal'],
  ['party-96', 41, 20, 'none'],
  ['party-96', 41, 21, 'review'],
  ['party-96', 41, 27, 'review'],
  ['party-96', 41, 28, 'dismissal'],
  // Nghị quyết 96/2023: same arithmetic.
  ['assembly-96', 30, 15, 'none'],
  ['assembly-96', 30, 16, 'review'],
  ['assembly-96', 30, 20, 'dismissal'],
  ['assembly-96', 47, 25, 'review'], // Vĩnh Phúc 2023: 53.19%
  ['assembly-85', 30, 20, 'dismissal'],
  ['assembly-85', 31, 20, 'review'],
  // Quy định 262: only "trên 50%".
  ['party-262', 30, 15, 'none'],
  ['party-262', 30, 16, 'review'],
  ['party-262', 30, 20, 'review'],
  ['party-262', 30, 30, 'review'],
  // Nghị quyết 35/2012: "trên 2/3" strict, so exactly 2/3 stays in the lower band.
  ['assembly-35', 30, 15, 'none'],
  ['assembly-35', 30, 16, 'review'],
  ['assembly-35', 30, 20, 'review'],
  ['assembly-35', 30, 21, 'dismissal'],
  ['assembly-35', 3, 2, 'review'],
  ['assembly-35', 3, 3, 'dismissal'],
];

describe('bands in exact integers', () => {
  it.each(CASES)('%s: T=%i, L=%i → %s', (regime, T, L, band) => {
    expect(bandOf(REGIMES[regime], L, T)).toBe(band);
  });

  it('adding a low vote never lowers the band', () => {
    const rank = { none: 0, review: 1, dismissal: 2 } as const;
    fc.assert(
      fc.property(fc.constantFrom(...REGIME_IDS), fc.integer({ min: 1, max: 5000 }), fc.nat(), (id, T, seed) => {
        const L = seed % T;
        return rank[bandOf(REGIMES[id], L + 1, T)] >= rank[bandOf(REGIMES[id], L, T)];
      }),
    );
  });

  it('agrees with the written inequalities of SPEC §1 for every L ≤ T ≤ 200', () => {
    for (let T = 1; T <= 200; T++) {
      for (let L = 0; L <= T; L++) {
        const lower96 = 2 * L > T && 3 * L < 2 * T;
        const upper96 = 3 * L >= 2 * T;
        const expected96: Band = upper96 ? 'dismissal' : lower96 ? 'review' : 'none';
        for (const id of ['party-96', 'assembly-96', 'assembly-85'] as const) expect(bandOf(REGIMES[id], L, T)).toBe(expected96);
        expect(bandOf(REGIMES['party-262'], L, T)).toBe(2 * L > T ? 'review' : 'none');
        const expected35: Band = 3 * L > 2 * T ? 'dismissal' : 2 * L > T && 3 * L <= 2 * T ? 'review' : 'none';
        expect(bandOf(REGIMES['assembly-35'], L, T)).toBe(expected35);
      }
    }
  });
});

describe('regime table', () => {
  it('fixes the basis by law only under the assembly resolutions', () => {
    expect(REGIMES['party-96'].basisFixed).toBe(false);
    expect(REGIMES['party-262'].basisFixed).toBe(false);
    expect(REGIMES['assembly-96']).toMatchObject({ basisFixed: true, defaultBasis: 'returned' });
    expect(REGIMES['assembly-85']).toMatchObject({ basisFixed: true, defaultBasis: 'convened' });
    expect(REGIMES['assembly-35']).toMatchObject({ basisFixed: true, defaultBasis: 'convened' });
  });

  it('carries the prescribed Vietnamese texts', () => {
    expect(REGIMES['party-96'].review.label.vi).toBe('Trên 50% đến dưới 2/3 phiếu tín nhiệm thấp');
    expect(REGIMES['party-96'].dismissal?.label.vi).toBe('Từ 2/3 phiếu tín nhiệm thấp trở lên');
    expect(REGIMES['party-262'].review.label.vi).toBe('Trên 50% phiếu tín nhiệm thấp');
    expect(REGIMES['party-262'].dismissal).toBeNull();
    expect(REGIMES['assembly-35'].review.label.vi).toBe('Trên 50% đến 2/3 phiếu tín nhiệm thấp');
    expect(REGIMES['assembly-35'].dismissal?.label.vi).toBe('Trên 2/3 phiếu tín nhiệm thấp');
    expect(REGIMES['party-96'].dismissal?.action.vi).toMatch(/^Cấp có thẩm quyền thực hiện miễn nhiệm/);
    expect(REGIMES['assembly-85'].review.action.vi).toBe('Có thể xin từ chức.');
  });
});
