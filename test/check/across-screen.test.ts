// The across-rounds table on the screen stays readable however many sessions a re-check finds:
// 4 sessions and 200 people at most, and a line saying how many more the workbook and JSON hold.
import { describe, expect, it } from 'vitest';
import { acrossSessions } from '../../src/check/across.js';
import { renderCheckTerminal } from '../../src/check/report.js';
import type { CheckedSession } from '../../src/check/session.js';

/** n sessions of the same round, each voting on the same `people` leaders (ids kept, names alike). */
function sessions(n: number, people: number): CheckedSession[] {
  return Array.from({ length: n }, (_, i) => ({
    label: `don-vi-${i + 1}.xlsx`,
    status: 'no record',
    title: null,
    date: '2023-12-13',
    round: '2023',
    regime: 'party-96',
    record: null,
    records: [],
    differences: [],
    problems: [],
    problemCounts: [],
    leaders: Array.from({ length: people }, (_, k) => ({ id: `CB${k}`, name: `Người thứ ${k}`, ballotType: 'default', low: 1, lowPercent: 1000, band: 'none' as const })),
    places: Array.from({ length: people }, (_, k) => ({ id: `CB${k}`, name: `Người thứ ${k}`, ballotType: 'default' })),
  }));
}

async function screen(n: number, people: number): Promise<string> {
  const list = sessions(n, people);
  const { people: across, problems } = acrossSessions(list);
  return renderCheckTerminal({ sessions: list, people: across, problems }, 'vi', false, false, false);
}

describe('tally check on screen, across rounds', () => {
  it('12 sessions of 3 people: 4 session columns, and the 8 others counted', async () => {
    const text = await screen(12, 3);
    const header = text.split('\n').find((l) => l.includes('Họ và tên')) ?? '';
    // The name column and 4 dates.
    expect(header.split('│').filter((c) => c.trim() !== '')).toHaveLength(5);
    expect(text).toContain('… 8 hội nghị khác không hiện trên màn hình');
  });

  it('a few sessions are shown whole, with no line about more', async () => {
    const text = await screen(3, 2);
    expect(text).not.toContain('không hiện trên màn hình');
  });

  it('250 people in 2 sessions: 200 rows, 50 counted', async () => {
    const text = await screen(2, 250);
    expect(text.split('\n').filter((l) => l.startsWith('│ Người thứ'))).toHaveLength(200);
    expect(text).toContain('… 50 người khác không hiện trên màn hình');
  });
});
