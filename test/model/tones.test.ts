// Old and new tone placement are one spelling (SPEC §2, issue 20 finding 12): Unikey writes
// "Hoà" or "Hòa" by a setting; names, headers, keys, codes and units compare in one placement.
// Expected spellings by hand.
import { describe, expect, it } from 'vitest';
import { canonicalTones, caseFold, fold } from '../../src/model/fold.js';
import { sessionKey } from '../../src/read/vocabulary.js';

describe('tone placement', () => {
  it('an open syllable ending oa, oe or uy carries its tone on the first vowel', () => {
    const cases: [string, string][] = [
      ['hoà', 'hòa'], ['Hoà', 'Hòa'], ['HOÀ', 'HÒA'], ['thuỷ', 'thủy'], ['Thuỷ', 'Thủy'], ['khoẻ', 'khỏe'], ['Khoẻ', 'Khỏe'], ['Thuý', 'Thúy'],
      ['hoạ', 'họa'], ['toà án', 'tòa án'], ['Huyện uỷ', 'Huyện ủy'], ['Uỷ ban', 'Ủy ban'], ['Nguyễn Thị Thuý Hoà', 'Nguyễn Thị Thúy Hòa'], ['loè loẹt', 'lòe loẹt'],
    ];
    for (const [old, now] of cases) expect([old, canonicalTones(old)]).toEqual([old, now]);
  });

  it('a syllable with one placement is left as written', () => {
    for (const t of ['hòa', 'quý', 'Quỳnh', 'quỹ', 'hoàng', 'Hoàng', 'thuyền', 'khuya', 'hoặc', 'ngoài', 'Thủy', 'mùa', 'của', 'thuế', 'An', '']) expect(canonicalTones(t)).toBe(t);
  });

  it('names compare as one spelling, case-folded; keys and headers already fold both alike', () => {
    expect(caseFold('Nguyễn Thị Hoà')).toBe(caseFold('Nguyễn Thị Hòa'));
    expect(caseFold('TRẦN THUỶ')).toBe(caseFold('Trần Thủy'));
    expect(caseFold('Lê Khoẻ')).toBe(caseFold('lê khỏe'));
    // Different names stay different.
    expect(caseFold('Hòa')).not.toBe(caseFold('Hóa'));
    expect(fold('Uỷ viên')).toBe(fold('Ủy viên'));
  });

  it('a session key in either placement is the same key', () => {
    expect(sessionKey('Cấp uỷ')).toBe('body');
    expect(sessionKey('Cấp ủy')).toBe('body');
  });
});
