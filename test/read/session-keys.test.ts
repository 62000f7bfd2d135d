// Session keys as the minutes write them (SPEC §2.3, issue 20 finding 13): a list bullet or
// numbering before the key, a colon after it, and the long forms "Tổng số …" are the same keys.
import { describe, expect, it } from 'vitest';
import { readSessionSheet } from '../../src/read/session.js';
import { sessionKey } from '../../src/read/vocabulary.js';
import type { Sheet } from '../../src/model/grid.js';

describe('session keys as written in minutes', () => {
  it.each([
    ['- Số người có mặt:', 'present'],
    ['• Số người có mặt', 'present'],
    ['3. Số phiếu thu về', 'returned'],
    ['3) Số phiếu thu về:', 'returned'],
    ['(4) Số phiếu phát ra', 'issued'],
    ['b) Số phiếu phát ra', 'issued'],
    ['IV. Số phiếu phát ra', 'issued'],
    ['Tổng số phiếu thu về', 'returned'],
    ['- Tổng số phiếu thu về:', 'returned'],
    ['Tổng số người được triệu tập', 'convened'],
    ['1. Tổng số người được triệu tập:', 'convened'],
    ['Tổng số phiếu phát ra', 'issued'],
    ['+ Ngày:', 'date'],
    // Own-made probe: forms clerks write that no list held, found reported missing.
    ['1.1. Số người có mặt', 'present'],
    ['*) Số phiếu thu về', 'returned'],
    ['Số phiếu thu về (phiếu)', 'returned'],
    ['Ngày (dd/mm/yyyy)', 'date'],
    ['Số đại biểu có mặt', 'present'],
    ['Số đại biểu được triệu tập', 'convened'],
    ['Ngày lấy phiếu', 'date'],
    ['– Số phiếu phát ra :', 'issued'],
  ])("'%s' is the key %s", (text, key) => {
    expect(sessionKey(text)).toBe(key);
  });

  it('a text that only looks like a key is not one', () => {
    for (const t of ['- ', '3.', 'Tổng', 'Tổng cộng', 'Số phiếu hợp lệ', '12. Ghi chú']) expect(sessionKey(t)).toBeNull();
  });

  it('a session sheet of minutes-style keys gives every required value, with no missing key', () => {
    const rows = [
      ['BIÊN BẢN KIỂM PHIẾU'],
      ['1. Tổng số người được triệu tập:', 31],
      ['- Số người có mặt:', 29],
      ['2. Số phiếu phát ra', 29],
      ['3. Số phiếu thu về', 28],
    ];
    const sheet: Sheet = { file: 'hoi-nghi.csv', name: null, rows: rows.map((cells, i) => ({ row: i + 1, cells })) };
    const r = readSessionSheet(sheet);
    expect(r.problems).toEqual([]);
    expect(Object.fromEntries(Object.entries(r.entries).map(([k, v]) => [k, v?.value]))).toEqual({ convened: 31, present: 29, issued: 29, returned: 28 });
  });
});
