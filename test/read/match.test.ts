import { describe, expect, it } from 'vitest';
import { RosterIndex } from '../../src/model/roster-index.js';
import { cadre } from '../helpers.js';

const roster = new RosterIndex([
  cadre(0, 'Lê Văn Hùng', { id: 'HU01', stt: 1 }),
  cadre(1, 'Lê Văn Hưng', { id: 'HU02', stt: 2 }),
  cadre(2, 'Nguyễn Thị Mai', { id: 'HU03', stt: 3 }),
  cadre(3, 'Trần Quốc Toản', { id: null, stt: 4 }),
]);
const keyOf = (h: string) => {
  const m = roster.match(h);
  return m.kind === 'exact' || m.kind === 'without-diacritics' ? `${m.kind}:${m.cadre.key}` : m.kind;
};

describe('matching ballot headers to the roster', () => {
  it.each([
    ['Lê Văn Hùng', 'exact:0'],
    ['Lê Văn Hưng', 'exact:1'],
    ['  lê  văn   hưng ', 'exact:1'],
    ['LÊ VĂN HÙNG', 'exact:0'],
    ['HU03', 'exact:2'],
    ['hu03', 'exact:2'],
    ['4', 'exact:3'],
    ['Nguyen Thi Mai', 'without-diacritics:2'],
    ['Tran Quoc Toan', 'without-diacritics:3'],
    // Two people fold to the same name: never guessed.
    ['Le Van Hung', 'ambiguous'],
    // A name with some diacritics must match exactly.
    ['Lê Văn Hung', 'unknown'],
    ['Phạm Văn Đồng', 'unknown'],
  ])('%s → %s', (header, expected) => {
    expect(keyOf(header)).toBe(expected);
  });

  it('matches NFD-typed names (decomposed diacritics) as NFC', () => {
    expect(keyOf('Lê Văn Hưng'.normalize('NFD'))).toBe('exact:1');
  });

  it('suggests the closest roster entries for an unknown header', () => {
    const m = roster.match('Nguyễn Thi Mai');
    expect(m.kind).toBe('unknown');
    if (m.kind === 'unknown') expect(m.suggestions.map((c) => c.name)[0]).toBe('Nguyễn Thị Mai');
    const far = roster.match('Hoàng Minh Chính Trực');
    if (far.kind === 'unknown') expect(far.suggestions).toEqual([]);
  });

  it('reports both candidates when one header fits two people', () => {
    const m = roster.match('Le Van Hung');
    expect(m.kind === 'ambiguous' && m.candidates.map((c) => c.name).sort()).toEqual(['Lê Văn Hùng', 'Lê Văn Hưng']);
  });
});
