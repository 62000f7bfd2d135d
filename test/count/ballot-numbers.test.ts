import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BallotNumbers } from '../../src/count/ballot-numbers.js';

describe('BallotNumbers', () => {
  it('refuses a number seen before with its first place, whatever the number looks like', () => {
    const numbers = fc.oneof(fc.nat({ max: 3000 }).map(String), fc.constantFrom('0', '00', '01', '1', '1048575', '1048576', '9999999', '12345678', 'A-1', ' 1', '1.0', ''));
    const place = fc.oneof(fc.nat({ max: 0x7fffffff }), fc.record({ row: fc.nat() }));
    fc.assert(
      fc.property(fc.array(fc.tuple(numbers, place), { maxLength: 60 }), (seq) => {
        const seen = new BallotNumbers<{ row: number }>();
        const reference = new Map<string, unknown>();
        for (const [n, p] of seq) {
          const got = seen.remember(n, p);
          expect(got).toEqual(reference.get(n));
          if (!reference.has(n)) reference.set(n, p);
          expect(seen.size).toBe(reference.size);
        }
      }),
    );
  });
});
