import { describe, expect, it } from 'vitest';
import { countBallots } from '../../src/count/count.js';
import type { Ballot, DenominatorBasis, RegimeId } from '../../src/model/types.js';
import { evaluate, isBlocking, type BallotTypeInput } from '../../src/rules/evaluate.js';
import { REGIMES } from '../../src/rules/regimes.js';
import { ballot, cadre } from '../helpers.js';

function run(
  regime: RegimeId,
  ballots: Ballot[],
  counts: { convened: number; present: number; issued: number; returned: number },
  basis: DenominatorBasis = REGIMES[regime].defaultBasis,
  nCadres = 1,
) {
  const cadres = Array.from({ length: nCadres }, (_, i) => cadre(i, `Người ${i + 1}`));
  const input: BallotTypeInput = {
    id: 'default',
    ...counts,
    cadres,
    count: countBallots('default', cadres.map((c) => c.key), ballots, { strict: false }),
    location: {},
  };
  return evaluate(REGIMES[regime], basis, [input]);
}

const marks = (spec: Record<string, number>): Ballot[] => {
  const out: Ballot[] = [];
  for (const [ch, n] of Object.entries(spec)) for (let i = 0; i < n; i++) out.push(ballot(out.length + 1, ch));
  return out;
};

describe('evaluate', () => {
  it('reproduces the published Vĩnh Phúc 2023 figures (assembly-96, T = 47)', () => {
    const e = run('assembly-96', marks({ h: 19, c: 2, l: 25, '-': 1 }), { convened: 50, present: 47, issued: 47, returned: 47 });
    expect(e.problems).toEqual([]);
    const r = e.ballotTypes[0]?.cadres[0];
    expect(r).toMatchObject({ high: 19, confidence: 2, low: 25, valid: 46, invalid: 1, denominator: 47, band: 'review', flagged: true, notes: [] });
    expect(r?.percent).toEqual({ high: 4043, confidence: 426, low: 5319 });
  });

  it('notes exactly two thirds under party-96 only', () => {
    const ballots = marks({ l: 20, h: 10 });
    const counts = { convened: 30, present: 30, issued: 30, returned: 30 };
    expect(run('party-96', ballots, counts).ballotTypes[0]?.cadres[0]).toMatchObject({ band: 'dismissal', notes: ['exactly-two-thirds'] });
    expect(run('assembly-96', ballots, counts).ballotTypes[0]?.cadres[0]).toMatchObject({ band: 'dismissal', notes: [] });
    expect(run('party-96', marks({ l: 21, h: 9 }), counts).ballotTypes[0]?.cadres[0]).toMatchObject({ band: 'dismissal', notes: [] });
  });

  it('keeps invalid lines and void ballots in the denominator', () => {
    // 16 low of 30 returned is review even though only 20 lines are valid.
    const b = [...marks({ l: 16, h: 4, '-': 9 }), ballot(30, 'h', 'không do Ban kiểm phiếu phát ra')];
    const e = run('party-96', b, { convened: 30, present: 30, issued: 30, returned: 30 });
    expect(e.ballotTypes[0]).toMatchObject({ voidBallots: 1, validBallots: 29, denominator: { basis: 'returned', value: 30 } });
    expect(e.ballotTypes[0]?.cadres[0]).toMatchObject({ valid: 20, invalid: 10, band: 'review', percent: { low: 5333 } });
    expect(e.ballotTypes[0]?.cadres[0]?.invalidByReason).toMatchObject({ 'no-mark': 9, 'void-ballot': 1 });
  });

  it.each([
    ['issued', 40, 'none'], // 20/40 = 50%
    ['present', 39, 'review'], // 20/39
    ['convened', 45, 'none'],
    ['returned', 30, 'dismissal'], // 20/30
  ] as const)('uses the %s basis (T = %i)', (basis, T, band) => {
    const e = run('party-96', marks({ l: 20, h: 10 }), { convened: 45, present: 39, issued: 40, returned: 30 }, basis);
    expect(e.ballotTypes[0]?.denominator).toEqual({ basis, value: T });
    expect(e.ballotTypes[0]?.cadres[0]).toMatchObject({ denominator: T, band });
  });

  it('assembly-85 divides by the total number of deputies', () => {
    const e = run('assembly-85', marks({ l: 20, h: 9 }), { convened: 31, present: 29, issued: 29, returned: 29 });
    expect(e.ballotTypes[0]?.cadres[0]).toMatchObject({ denominator: 31, band: 'review', percent: { low: 6452 } });
  });

  it('under the valid basis gives each leader its own T, and no band when it is zero', () => {
    const e = run('party-96', [ballot(1, 'l-'), ballot(2, 'h-'), ballot(3, 'l-')], { convened: 3, present: 3, issued: 3, returned: 3 }, 'valid', 2);
    const [a, b] = e.ballotTypes[0]?.cadres ?? [];
    expect(e.ballotTypes[0]?.denominator).toEqual({ basis: 'valid', value: null });
    expect(a).toMatchObject({ denominator: 3, band: 'dismissal', percent: { low: 6667 } });
    expect(b).toMatchObject({ denominator: null, percent: null, band: null, flagged: false });
    expect(e.problems.map((p) => [p.code, p.params['scope']])).toEqual([['zero-denominator', 'cadre']]);
    expect(e.problems.some(isBlocking)).toBe(false);
  });

  it('refuses T = 0 as a blocking error', () => {
    const e = run('party-96', [], { convened: 3, present: 3, issued: 0, returned: 0 });
    expect(e.problems.map((p) => p.code)).toEqual(['zero-denominator']);
    expect(e.problems.some(isBlocking)).toBe(true);
  });

  it.each([
    [{ convened: 45, present: 30, issued: 30, returned: 30 }, true],
    [{ convened: 45, present: 29, issued: 29, returned: 29 }, false],
    [{ convened: 31, present: 21, issued: 21, returned: 21 }, true],
    [{ convened: 31, present: 20, issued: 20, returned: 20 }, false],
  ])('quorum %o → met %s; no band without it', (counts, met) => {
    const e = run('party-96', marks({ l: counts.returned }), counts);
    const t = e.ballotTypes[0];
    expect(t?.quorum.met).toBe(met);
    expect(t?.cadres[0]?.band).toBe(met ? 'dismissal' : null);
    expect(t?.cadres[0]?.flagged).toBe(met);
    expect(t?.cadres[0]?.percent?.low).toBe(10000);
    expect(e.problems.map((p) => p.code)).toEqual(met ? [] : ['quorum-not-met']);
    expect(e.problems.some(isBlocking)).toBe(false);
  });

  it('checks returned ≤ issued ≤ present ≤ convened, naming the numbers', () => {
    const e = run('party-96', marks({ h: 5 }), { convened: 4, present: 6, issued: 4, returned: 5 });
    const acc = e.problems.filter((p) => p.code === 'accounting').map((p) => [p.params['smaller'], p.params['larger']]);
    expect(acc).toEqual([
      ['returned', 'issued'],
      ['present', 'convened'],
    ]);
    expect(e.problems.find((p) => p.code === 'accounting')?.params).toMatchObject({ returned: 5, issued: 4 });
  });

  it('requires as many ballots as were returned', () => {
    const e = run('party-96', marks({ h: 9 }), { convened: 10, present: 10, issued: 10, returned: 10 });
    expect(e.problems.map((p) => [p.code, p.params['ballots'], p.params['returned']])).toEqual([['rows-vs-returned', 9, 10]]);
  });
});
