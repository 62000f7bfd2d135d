import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { countBallots } from '../../src/count/count.js';
import { ballot } from '../helpers.js';

describe('countBallots', () => {
  it('counts levels and each kind of invalid line', () => {
    const r = countBallots('default', [0, 1], [ballot(1, 'hl'), ballot(2, 'c-'), ballot(3, 'mx'), ballot(4, '0h')], { strict: false });
    expect(r.ballots).toBe(4);
    expect(r.perCadre.get(0)).toEqual({
      high: 1,
      confidence: 1,
      low: 0,
      invalidByReason: { 'no-mark': 0, 'multiple-marks': 1, 'name-crossed-out': 0, 'declared-invalid': 1, 'void-ballot': 0 },
    });
    expect(r.perCadre.get(1)).toEqual({
      high: 1,
      confidence: 0,
      low: 1,
      invalidByReason: { 'no-mark': 1, 'multiple-marks': 0, 'name-crossed-out': 1, 'declared-invalid': 0, 'void-ballot': 0 },
    });
    expect(r.invalidLines.map((l) => [l.ballot, l.cadreKey, l.reason])).toEqual([
      ['2', 1, 'no-mark'],
      ['3', 0, 'multiple-marks'],
      ['3', 1, 'name-crossed-out'],
      ['4', 0, 'declared-invalid'],
    ]);
  });

  it('makes every line of a void ballot invalid, whatever is marked on it', () => {
    const r = countBallots('default', [0, 1], [ballot(1, 'hh'), ballot(2, 'll', 'Ghi thêm tên')], { strict: false });
    expect(r.voidBallots).toEqual([{ ballot: '2', reason: 'Ghi thêm tên', location: { row: 3 } }]);
    for (const key of [0, 1]) {
      expect(r.perCadre.get(key)).toMatchObject({ high: 1, low: 0 });
      expect(r.perCadre.get(key)?.invalidByReason['void-ballot']).toBe(1);
    }
    expect(r.invalidLines).toEqual([]);
  });

  it('under --strict voids the whole ballot on any defective line', () => {
    const r = countBallots('default', [0, 1, 2], [ballot(1, 'hcl'), ballot(2, 'h-l'), ballot(3, 'hhx')], { strict: true });
    expect(r.voidBallots.map((v) => [v.ballot, v.reason, v.strictCause?.cadreKey])).toEqual([
      ['2', 'no-mark', 1],
      ['3', 'name-crossed-out', 2],
    ]);
    expect(r.perCadre.get(0)).toMatchObject({ high: 1, invalidByReason: { 'void-ballot': 2 } });
    expect(r.perCadre.get(2)).toMatchObject({ low: 1, invalidByReason: { 'void-ballot': 2, 'name-crossed-out': 0 } });
  });

  it('keeps high + confidence + low + invalid = ballots for every leader, in any order', () => {
    const mark = fc.constantFrom('h', 'c', 'l', '-', 'm', 'x', '0');
    const ballots = fc.array(fc.tuple(fc.array(mark, { minLength: 3, maxLength: 3 }), fc.boolean()), { maxLength: 60 });
    fc.assert(
      fc.property(ballots, fc.boolean(), (rows, strict) => {
        const list = rows.map(([m, v], i) => ballot(i + 1, m.join(''), v ? 'void' : null));
        const a = countBallots('default', [0, 1, 2], list, { strict });
        const b = countBallots('default', [0, 1, 2], [...list].reverse(), { strict });
        for (const key of [0, 1, 2]) {
          const c = a.perCadre.get(key);
          if (c === undefined) return false;
          const invalid = Object.values(c.invalidByReason).reduce((s, n) => s + n, 0);
          if (c.high + c.confidence + c.low + invalid !== list.length) return false;
          expect(b.perCadre.get(key)).toEqual(c);
        }
        return true;
      }),
    );
  });
});
