// The oracle against the worked examples of SPEC §1 (it must be right before it judges).
import { describe, expect, it } from 'vitest';
import { band96, percent, quorumMet } from './oracle.js';
import { encodeCp1258 } from './encode.js';

describe('oracle (SPEC §1 examples)', () => {
  it('bands in exact integers', () => {
    expect([15, 16, 20].map((L) => band96(L, 30))).toEqual(['none', 'review', 'dismissal']);
    expect([20, 21].map((L) => band96(L, 31))).toEqual(['review', 'dismissal']);
    expect(band96(2, 3)).toBe('dismissal');
  });
  it('percentages rounded half up, exactly', () => {
    expect(percent(3, 4000)).toBe(0.08);
    expect([19, 2, 25].map((c) => percent(c, 47))).toEqual([40.43, 4.26, 53.19]);
    expect(band96(25, 47)).toBe('review');
    expect(percent(1, 8)).toBe(12.5);
    expect(percent(1, 3)).toBe(33.33);
    expect(percent(2, 3)).toBe(66.67);
  });
  it('quorum: 3 × present >= 2 × convened', () => {
    expect(quorumMet(45, 30)).toBe(true);
    expect(quorumMet(45, 29)).toBe(false);
  });
  it('Windows-1258 encoder round-trips through the platform decoder', () => {
    const text = 'Nguyễn Văn Hùng, Lê Văn Hưng, Tống Thị Tổng, Đặng Quốc Bảo — tín nhiệm thấp';
    const back = new TextDecoder('windows-1258').decode(encodeCp1258(text)).normalize('NFC');
    expect(back).toBe(text.normalize('NFC').replace('—', '—'));
  });
});
