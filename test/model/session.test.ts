import { describe, expect, it } from 'vitest';
import { parseDate, parseRegime, resolveSession, resolveTypeCounts } from '../../src/validate/session.js';
import type { SessionEntries } from '../../src/model/session-keys.js';

const entries = (o: Record<string, string | number>): SessionEntries =>
  Object.fromEntries(Object.entries(o).map(([k, v], i) => [k, { value: v, location: { file: 's.csv', row: i + 1, columnLetter: 'B' } }]));

describe('session values', () => {
  it.each([
    ['13/12/2023', '2023-12-13'],
    ['1/2/2023', '2023-02-01'],
    ['2023-12-13', '2023-12-13'],
    [45273, '2023-12-13'],
    ['31/02/2023', null],
    ['12/13/2023', null],
    ['hôm nay', null],
  ] as const)('date %s → %s', (v, iso) => {
    expect(parseDate(v)).toBe(iso);
  });

  it('reads an Excel date cell', () => {
    expect(parseDate(new Date(Date.UTC(2023, 11, 13)))).toBe('2023-12-13');
  });

  it.each([
    ['party-96', 'party-96'],
    ['96-QĐ/TW', 'party-96'],
    ['Quy định 96-QĐ/TW', 'party-96'],
    ['262-QĐ/TW', 'party-262'],
    ['NQ 96/2023', 'assembly-96'],
    ['nq 85/2014', 'assembly-85'],
    ['NQ 35/2012', 'assembly-35'],
    ['assembly-35', 'assembly-35'],
    ['QĐ 97', null],
  ])('regime %s → %s', (text, id) => {
    expect(parseRegime(text)).toBe(id);
  });

  it('resolves counts, round from the date, and the default regime', () => {
    const { session, problems } = resolveSession(entries({ date: '13/12/2023', convened: 45, present: '42', issued: 42, returned: 41 }), {});
    expect(problems).toEqual([]);
    expect(session).toMatchObject({ date: '2023-12-13', round: '2023', regime: 'party-96', counts: { convened: 45, present: 42, issued: 42, returned: 41 } });
    expect(session.origins.regime).toBe('default');
  });

  it('says which required value is missing', () => {
    const { session } = resolveSession(entries({ convened: 45, present: 42 }), {});
    const { counts, problems } = resolveTypeCounts(session, ['default'], new Map());
    expect(counts.size).toBe(0);
    expect(problems.map((p) => [p.code, p.params['key'], p.params['ballotType']])).toEqual([
      ['missing-session-value', 'issued', undefined],
      ['missing-session-value', 'returned', undefined],
    ]);
  });

  it('with several ballot types takes issued and returned per type, convened and present from the session', () => {
    const { session } = resolveSession(entries({ convened: 45, present: 42 }), {});
    const perType = new Map([
      ['A', entries({ issued: 42, returned: 41 })],
      ['B', entries({ convened: 12, present: 11, issued: 11, returned: 11 })],
    ]);
    const { counts, problems } = resolveTypeCounts(session, ['A', 'B'], perType);
    expect(problems).toEqual([]);
    expect(counts.get('A')).toEqual({ convened: 45, present: 42, issued: 42, returned: 41 });
    expect(counts.get('B')).toEqual({ convened: 12, present: 11, issued: 11, returned: 11 });
  });

  it('refuses a shared issued/returned when there are several ballot types', () => {
    const { session } = resolveSession(entries({ convened: 45, present: 42, issued: 42, returned: 41 }), {});
    const { counts, problems } = resolveTypeCounts(session, ['A', 'B'], new Map([['A', entries({ issued: 30, returned: 30 })]]));
    expect(counts.has('A')).toBe(true);
    expect(counts.has('B')).toBe(false);
    expect(problems.map((p) => [p.code, p.params['key'], p.params['ballotType'], p.params['given']])).toEqual([
      ['missing-session-value', 'issued', 'B', 1],
      ['missing-session-value', 'returned', 'B', 1],
    ]);
  });

  it('lets flags override the file and reports each override', () => {
    const { session, problems } = resolveSession(entries({ convened: 45, present: 42, issued: 42, returned: 41 }), { returned: '40', regime: 'NQ 96/2023' });
    expect(session.counts.returned).toBe(40);
    expect(session.regime).toBe('assembly-96');
    expect(session.origins).toMatchObject({ returned: 'flag', regime: 'flag', convened: 'session' });
    expect(problems.map((p) => [p.code, p.params['from'], p.params['to']])).toEqual([['session-override', '41', '40']]);
  });

  it('refuses values that are not counts, with where they are', () => {
    const { problems } = resolveSession(entries({ convened: 'bốn lăm', present: -1, issued: 4.5, returned: 41 }), {});
    expect(problems.map((p) => [p.code, p.params['key'], p.value, p.location.row])).toEqual([
      ['bad-session-value', 'convened', 'bốn lăm', 1],
      ['bad-session-value', 'present', '-1', 2],
      ['bad-session-value', 'issued', '4.5', 3],
    ]);
  });
});
