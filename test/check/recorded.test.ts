// Records read the way results are published, and compared figure by figure (issue 11).
// The recount is written by hand: T = 47 ballots returned, 50 issued, 50 present, 55
// convened, no void ballot. An: 19 / 2 / 25 (one invalid line) — 40.43%, 4.26%, 53.19%
// (53.1914…%), review. Bình: 40 / 5 / 2 — 85.11%, 10.64%, 4.26%, none.
import { describe, expect, it } from 'vitest';
import { compareRecorded, type Difference } from '../../src/check/compare.js';
import { parseCount, parsePercent, readResultsSheet } from '../../src/check/recorded.js';
import type { CellValue, Sheet } from '../../src/model/grid.js';
import type { BallotTypeResult } from '../../src/rules/evaluate.js';
import { problemMessage } from '../../src/text/messages.js';

const cadre = (key: number, id: string, name: string) => ({ key, id, stt: key, name, position: 'Ủy viên', unit: null, ballotType: 'default', excluded: null, location: {} });
const leader = (c: ReturnType<typeof cadre>, high: number, confidence: number, low: number, percent: Record<'high' | 'confidence' | 'low', number>, band: 'none' | 'review') => ({
  cadre: c, high, confidence, low, valid: high + confidence + low, invalid: 47 - (high + confidence + low), denominator: 47, percent, band, flagged: band !== 'none', notes: [],
  invalidByReason: { 'no-mark': 47 - (high + confidence + low), 'multiple-marks': 0, 'name-crossed-out': 0, 'declared-invalid': 0, 'void-ballot': 0 },
});
const AN = cadre(1, 'A1', 'Nguyễn Văn An');
const BINH = cadre(2, 'B2', 'Trần Thị Bình');
const TYPES = [
  {
    id: 'default', convened: 55, present: 50, issued: 50, returned: 47, ballotsCounted: 47, voidBallots: 0, validBallots: 47,
    quorum: { convened: 55, present: 50, required: 37, met: true }, denominator: { basis: 'returned', value: 47 },
    cadres: [leader(AN, 19, 2, 25, { high: 4043, confidence: 426, low: 5319 }, 'review'), leader(BINH, 40, 5, 2, { high: 8511, confidence: 1064, low: 426 }, 'none')],
  },
] as unknown as BallotTypeResult[];

const sheet = (rows: CellValue[][]): Sheet => ({ file: 'ket-qua.xlsx', name: 'Kết quả', rows: rows.map((cells, i) => ({ row: i + 1, cells })) });
const compare = (rows: CellValue[][]) => {
  const recorded = readResultsSheet(sheet(rows));
  return { problems: recorded.problems, differences: compareRecorded(TYPES, recorded) };
};
const brief = (ds: readonly Difference[]) => ds.map((d) => [d.leader, d.field, d.recorded, d.recount, d.matches?.basis ?? null]);

const ONE_ROW = ['Mã', 'Họ và tên', 'Phát ra', 'Thu về', 'Hợp lệ', 'Không hợp lệ', 'Tín nhiệm cao', 'Tỷ lệ', 'Tín nhiệm', 'Tỷ lệ', 'Tín nhiệm thấp', 'Tỷ lệ', 'Mức'];
const binhRow: CellValue[] = ['B2', 'Trần Thị Bình', 50, 47, 47, 0, 40, '85,11', 5, '10,64', 2, '4,26', '—'];

describe('a record read as results are published', () => {
  it('two header rows, each level merged over Số phiếu / Tỷ lệ %: every figure agrees', () => {
    // A merged cell shows its value in every cell it covers (src/read/xlsx.ts).
    const r = compare([
      ['KẾT QUẢ LẤY PHIẾU TÍN NHIỆM'],
      ['STT', 'Họ và tên', 'Tín nhiệm cao', 'Tín nhiệm cao', 'Tín nhiệm', 'Tín nhiệm', 'Tín nhiệm thấp', 'Tín nhiệm thấp', 'Mức'],
      ['STT', 'Họ và tên', 'Số phiếu', 'Tỷ lệ %', 'Số phiếu', 'Tỷ lệ %', 'Số phiếu', 'Tỷ lệ %', 'Mức'],
      [1, 'Nguyễn Văn An', 19, '40,43%', 2, '4,26%', 25, '53,19%', 'Trên 50% đến dưới 2/3 phiếu tín nhiệm thấp'],
      // Excel's percent-formatted cells hold fractions: 0.8511 is 85.11%.
      [2, 'Trần Thị Bình', 40, 0.8511, 5, 0.1064, 2, 0.0426, '—'],
    ]);
    expect(r.problems).toEqual([]);
    expect(r.differences).toEqual([]);
  });

  it('two header rows without merges (a CSV): the level carries over its Tỷ lệ %', () => {
    const r = compare([
      ['STT', 'Họ và tên', 'Tín nhiệm cao', '', 'Tín nhiệm', '', 'Tín nhiệm thấp', '', 'Mức'],
      ['', '', 'Số phiếu', 'Tỷ lệ %', 'Số phiếu', 'Tỷ lệ %', 'Số phiếu', 'Tỷ lệ %', ''],
      [1, 'Nguyễn Văn An', 19, '40,43', 2, '4,26', 25, '53,3', 'review'],
    ]);
    expect(r.problems).toEqual([]);
    // 53.3 with one decimal: the exact 53.1914…% is 53.2 at that precision.
    expect(brief(r.differences)).toEqual([
      ['Nguyễn Văn An', 'low_pct', '53.3', '53.19', null],
      ['Trần Thị Bình', 'leader', null, 'Trần Thị Bình', null],
    ]);
  });

  it('one header row with a Tỷ lệ after each count and the ballot columns: all compared', () => {
    const r = compare([ONE_ROW, ['A1', 'Nguyễn Văn An', 50, 47, 46, 1, 19, '40,43', 2, '4,26', 25, '53,2', 'review'], binhRow]);
    expect(r.problems).toEqual([]);
    expect(r.differences).toEqual([]);
  });

  it('a share at the precision recorded: 53.2 and 53.19 agree with 53.1914…%, 53.3 and 53.18 do not', () => {
    const low = (v: CellValue) => compare([ONE_ROW, ['A1', 'Nguyễn Văn An', 50, 47, 46, 1, 19, '40,43', 2, '4,26', 25, v, 'review'], binhRow]).differences;
    expect(low('53,2')).toEqual([]);
    expect(low('53.19')).toEqual([]);
    expect(low('53,19%')).toEqual([]);
    expect(low(53.19)).toEqual([]);
    expect(low('53')).toEqual([]);
    expect(brief(low('53,18'))).toEqual([['Nguyễn Văn An', 'low_pct', '53.18', '53.19', null]]);
    // 54 at no decimals is also An's share of his 46 valid lines (54.35…%).
    expect(brief(low('54'))).toEqual([['Nguyễn Văn An', 'low_pct', '54', '53.19', 'leader-valid']]);
  });

  it('a share right on another denominator says which', () => {
    const low = (v: CellValue) => brief(compare([ONE_ROW, ['A1', 'Nguyễn Văn An', 50, 47, 46, 1, 19, '40,43', 2, '4,26', 25, v, 'review'], binhRow]).differences);
    // 25 of 50 issued = 50%; 25 of An's 46 valid lines = 54.347…% → 54.35.
    expect(low('50,00%')).toEqual([['Nguyễn Văn An', 'low_pct', '50.00', '53.19', 'issued']]);
    expect(low('54,35')).toEqual([['Nguyễn Văn An', 'low_pct', '54.35', '53.19', 'leader-valid']]);
  });

  it('empty recorded figures are differences, not agreement', () => {
    const r = compare([ONE_ROW, ['A1', 'Nguyễn Văn An', 50, 47, '', 1, '', '', 19 - 17, '4,26', 25, '53,2', ''], binhRow]);
    expect(brief(r.differences)).toEqual([
      ['Nguyễn Văn An', 'high', null, 19, null],
      ['Nguyễn Văn An', 'high_pct', null, '40.43', null],
      ['Nguyễn Văn An', 'valid', null, 46, null],
      ['Nguyễn Văn An', 'band', null, 'review', null],
    ]);
  });

  it('counts: 9.0 is 9, "9 phiếu" is 9, a word is a clear error about a count', () => {
    expect(parseCount('9.0')).toEqual({ ok: 9 });
    expect(parseCount('9,00')).toEqual({ ok: 9 });
    expect(parseCount('9 phiếu')).toEqual({ ok: 9 });
    expect(parseCount(9)).toEqual({ ok: 9 });
    expect(parseCount('9.000')).toEqual({ bad: 'grouped' });
    expect(parseCount(9.5)).toEqual({ bad: 'count' });
    const r = compare([ONE_ROW, ['A1', 'Nguyễn Văn An', 50, 47, 46, 1, '19 phiếu', '40,43', '2.0', '4,26', 'hai mươi lăm', '53,2', 'review'], binhRow]);
    expect(r.problems.map((p) => [p.code, p.location.columnLetter, p.location.row])).toEqual([['bad-cell', 'K', 2]]);
    const message = problemMessage(r.problems[0]!, 'vi');
    expect(message).toContain("số phiếu ghi nhận 'hai mươi lăm'");
    expect(message).not.toContain('mã hợp lệ');
  });

  it('a column it cannot interpret is reported, never skipped', () => {
    const r = compare([[...ONE_ROW, 'Điểm thi đua'], ['A1', 'Nguyễn Văn An', 50, 47, 46, 1, 19, '40,43', 2, '4,26', 25, '53,2', 'review', 9], [...binhRow, 8]]);
    expect(r.problems.map((p) => [p.code, p.value, p.location.columnLetter])).toEqual([['unknown-record-column', 'Điểm thi đua', 'N']]);
    // A share column with no count before it cannot be placed either.
    const alone = compare([['Mã', 'Họ và tên', 'Tỷ lệ', 'Tín nhiệm thấp'], ['A1', 'Nguyễn Văn An', '53,19', 25]]);
    expect(alone.problems.map((p) => [p.code, p.value])).toEqual([['unknown-record-column', 'Tỷ lệ']]);
  });

  it('an id of one person with the name of another is a difference', () => {
    const r = compare([ONE_ROW, ['A1', 'Trần Thị Bình', 50, 47, 46, 1, 19, '40,43', 2, '4,26', 25, '53,2', 'review'], binhRow]);
    expect(brief(r.differences)).toEqual([['Nguyễn Văn An', 'identity', 'A1 · Trần Thị Bình', 'A1 · Nguyễn Văn An', null]]);
  });

  it('shares: "53,19%" and 53.19 are percents, 0.5319 in a column of fractions is 53.19%', () => {
    expect(parsePercent('53,19%', false)).toEqual({ num: 5319n, scale: 2 });
    expect(parsePercent(53.19, false)).toEqual({ num: 5319n, scale: 2 });
    expect(parsePercent(0.5319, true)).toEqual({ num: 5319n, scale: 2 });
    expect(parsePercent(0.532, true)).toEqual({ num: 532n, scale: 1 });
    // A formula's float is compared at four decimals of a percent.
    expect(parsePercent(25 / 47, true)).toEqual({ num: 531915n, scale: 4 });
    expect(parsePercent('abc', false)).toBeNull();
  });
});
