// Ballot sheets as clerks make them beyond the generated forms (issue 20): each case is a sheet
// a clerk could plausibly hand in, with what SPEC §2.4 says it must give — the four ballots'
// hand-worked counts, or an error naming the right place.
import { describe, expect, it } from 'vitest';
import type { Cell } from '../metamorphic/encode.js';
import { workbook } from '../metamorphic/xlsx.js';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { tally } from '../cli/run.js';
import { ANH, BALLOTS, BINH, CUONG, EXPECTED, counts, errors, run, text, withHeaders, type Doc } from './sheet-forms.js';

const NAMES = [ANH, BINH, CUONG];
const tick = (code: number): Cell[] => [1, 2, 3].map((l) => (l === code ? 'x' : null));
/** A three-box sheet: the given first column title, names over three boxes, Cao / TN / Thấp. */
const boxes = (first: string, ballots: number[][] = BALLOTS): Cell[][] => [
  [first, ...NAMES.flatMap((n) => [n, null, null])],
  [null, ...NAMES.flatMap(() => ['Cao', 'TN', 'Thấp'])],
  ...ballots.map((b, i) => [i + 1, ...b.flatMap(tick)]),
];

describe('headers clerks type', () => {
  it.each([
    ['numbering and position in brackets', (n: string, i: number) => `${i + 1}. ${n} (${['Phó Bí thư', 'Bí thư', 'Chủ tịch'][i]})`],
    ['number on one line, name on the next', (n: string, i: number) => `${i + 1}\n${n}`],
    ['"Đ/c" before the name, position under it', (n: string, i: number) => `Đ/c ${n}\n${['Phó Bí thư Huyện ủy', 'Bí thư Huyện ủy', 'Chủ tịch UBND huyện'][i]}`],
    ['position in brackets under the name', (n: string, i: number) => `${n}\n(${['Phó Bí thư Huyện ủy', 'Bí thư Huyện ủy', 'Chủ tịch UBND huyện'][i]})`],
    ['upper case name over position', (n: string, i: number) => `${n.toUpperCase()}\n${['Phó Bí thư Huyện ủy', 'Bí thư Huyện ủy', 'Chủ tịch UBND huyện'][i]}`],
    ['name broken over two lines', (n: string) => n.replace(/ (\S+)$/, '\n$1')],
  ])('%s', async (_name, header) => {
    const r = await run({ 'phieu.csv': text(withHeaders(NAMES.map(header))) });
    expect(errors(r.doc)).toEqual([]);
    expect(counts(r.doc)).toEqual(EXPECTED);
    expect(r.doc.problems.filter((p) => p.code === 'position-mismatch')).toEqual([]);
  });

  it("a number on one line and another leader's name on the next is ambiguous, never read by the number", async () => {
    const r = await run({ 'phieu.csv': text(withHeaders([`2\n${ANH}`, `1\n${BINH}`, `3\n${CUONG}`])) });
    expect(r.code).toBe(1);
    expect(r.doc.problems.filter((p) => p.code === 'ambiguous-name').map((p) => p.cell)).toEqual(['B1', 'C1']);
  });

  it('two names in one header cell (comma, dash or two lines) are ambiguous-name naming both', async () => {
    for (const h of [`${ANH}, ${BINH}`, `${ANH} - ${BINH}`, `${ANH}\n${BINH}`, `${ANH} (${BINH})`]) {
      const r = await run({ 'phieu.csv': text(withHeaders([h, BINH, CUONG])) });
      expect(r.code, h).toBe(1);
      const p = r.doc.problems.find((x) => x.code === 'ambiguous-name');
      expect([p?.cell, p?.message.includes(ANH) && p?.message.includes(BINH)], h).toEqual(['B1', true]);
    }
  });

  it('a two-cell heading above a header of STT numbers (no ballot column) is a title, not the header', async () => {
    const rows: Cell[][] = [['ĐẢNG BỘ HUYỆN TÂN LẬP', null, 'ĐẢNG CỘNG SẢN VIỆT NAM'], [1, 2, 3], ...BALLOTS.map((b) => [...b])];
    // Ballot rows are 1 2 3 … too: the first row of STT numbers is the header.
    const r = await run({ 'phieu.csv': text(rows) });
    expect(errors(r.doc)).toEqual([]);
    expect(counts(r.doc)).toEqual(EXPECTED);
    expect(r.doc.rows[0]?.nonBallot['title']).toBe(1);
  });

  it('a ballot and an STT column side by side: STT is refused, naming the column', async () => {
    const rows: Cell[][] = [['STT', 'Số phiếu', ...NAMES], ...BALLOTS.map((b, i) => [i + 1, 100 + i, ...b])];
    const r = await run({ 'phieu.csv': text(rows) });
    expect(r.code).toBe(1);
    expect(r.doc.problems.find((p) => p.code === 'unknown-cadre')?.cell).toBe('A1');
  });
});

describe('the hand tally sheet as clerks make it', () => {
  it('STT merged down over both header rows, names merged over their boxes', async () => {
    const rows = boxes('STT');
    const merges = ['A1:A2', 'B1:D1', 'E1:G1', 'H1:J1'];
    const r = await run({ 'phieu.xlsx': workbook([{ name: 'Phiếu', rows, merges }]) });
    expect(errors(r.doc)).toEqual([]);
    expect(counts(r.doc)).toEqual(EXPECTED);
  });

  it('the ballot column titled in the second header row, under an empty cell', async () => {
    const rows = boxes('Số phiếu');
    (rows[0] as Cell[])[0] = null;
    (rows[1] as Cell[])[0] = 'STT';
    const r = await run({ 'phieu.csv': text(rows) });
    expect(errors(r.doc)).toEqual([]);
    expect(counts(r.doc)).toEqual(EXPECTED);
  });

  it('the name typed in each of its three header cells (copied, not merged)', async () => {
    const rows = boxes('Số phiếu');
    rows[0] = ['Số phiếu', ...NAMES.flatMap((n) => [n, n, n])];
    const r = await run({ 'phieu.csv': text(rows) });
    expect(errors(r.doc)).toEqual([]);
    expect(counts(r.doc)).toEqual(EXPECTED);
  });

  it('checkbox cells as a CSV writes them: TRUE is a tick, FALSE an empty box', async () => {
    const rows = boxes('Số phiếu').map((r, k) => (k < 2 ? r : r.map((c, i) => (i === 0 ? c : c === 'x' ? 'TRUE' : 'FALSE'))));
    const r = await run({ 'phieu.csv': text(rows) });
    expect(errors(r.doc)).toEqual([]);
    expect(counts(r.doc)).toEqual(EXPECTED);
  });

  it('a "Cộng" row under the ballots counting each box is a total', async () => {
    const rows = boxes('Số phiếu');
    rows.push(['Cộng', 3, 0, 1, 1, 3, 0, 1, 2, 1]);
    const r = await run({ 'phieu.csv': text(rows) });
    expect(errors(r.doc)).toEqual([]);
    expect(counts(r.doc)).toEqual(EXPECTED);
    expect(r.doc.rows[0]?.nonBallot['total']).toBe(1);
  });

  it('a level-labelled COUNTIF row per box level is a total', async () => {
    const rows = boxes('Số phiếu');
    const formulas: Record<string, string> = {};
    const r0 = rows.length + 1;
    rows.push(['Số phiếu đánh dấu', 3, 0, 1, 1, 3, 0, 1, 2, 1]);
    'BCDEFGHIJ'.split('').forEach((c) => (formulas[`${c}${r0}`] = `COUNTIF(${c}3:${c}6,"x")`));
    const r = await run({ 'phieu.xlsx': workbook([{ name: 'Phiếu', rows, formulas }]) });
    // "Số phiếu đánh dấu" names no level: not a label SPEC knows; the row is not a ballot either.
    expect(r.code).toBe(1);
    expect(r.doc.problems.some((p) => p.row === r0)).toBe(true);
  });

  it('a tick in the level row position of a ballot row without number is refused (missing number)', async () => {
    const rows = boxes('Số phiếu');
    (rows[3] as Cell[])[0] = null;
    const r = await run({ 'phieu.csv': text(rows) });
    expect(r.code).toBe(1);
    expect(r.doc.problems.find((p) => p.code === 'missing-ballot-number')?.row).toBe(4);
  });

  it('"1" typed in a box instead of x is an error naming ballot and box', async () => {
    const rows = boxes('Số phiếu');
    (rows[2] as Cell[])[1] = 1;
    const r = await run({ 'phieu.csv': text(rows) });
    expect(r.code).toBe(1);
    const p = r.doc.problems.find((x) => x.code === 'bad-cell');
    expect([p?.ballot, p?.cell, p?.column]).toEqual(['1', 'B3', `${ANH} / Cao`]);
  });
});

describe('footers clerks write', () => {
  it('a SUM footer labelled "Tổng cộng"', async () => {
    const rows = withHeaders(NAMES);
    rows.push(['Tổng cộng', 6, 7, 8]);
    const r = await run({ 'phieu.xlsx': workbook([{ name: 'Phiếu', rows, formulas: { B6: 'SUM(B2:B5)', C6: 'SUM(C2:C5)', D6: 'SUM(D2:D5)' } }]) });
    expect(errors(r.doc)).toEqual([]);
    expect(r.doc.rows[0]?.nonBallot['total']).toBe(1);
  });

  it('percentages under a level label are a total', async () => {
    const rows = withHeaders(NAMES);
    rows.push(['Tỷ lệ tín nhiệm cao', '75%', '25%', '25%']);
    rows.push(['Tín nhiệm cao (%)', '75,0%', '25,0%', '25,0%']);
    const r = await run({ 'phieu.csv': text(rows) });
    expect(errors(r.doc)).toEqual([]);
    expect(counts(r.doc)).toEqual(EXPECTED);
    expect(r.doc.rows[0]?.nonBallot['total']).toBe(2);
  });

  it('a footer whose formulas Excel never computed (no cached value) is a total, not an error', async () => {
    const rows = withHeaders(NAMES);
    rows.push(['Tín nhiệm cao:', '=COUNTIF(B2:B5,1)', '=COUNTIF(C2:C5,1)', '=COUNTIF(D2:D5,1)']);
    const r = await run({ 'phieu.csv': text(rows) });
    expect(errors(r.doc)).toEqual([]);
    expect(r.doc.rows[0]?.nonBallot['total']).toBe(1);
  });

  it('a footer in the first column of a sheet without ballot numbers', async () => {
    const rows: Cell[][] = [['Phiếu không hợp lệ', ...NAMES], ...BALLOTS.map((b) => [null, ...b]), ['Tín nhiệm cao:', 3, 1, 1]];
    const formulas = { B6: 'COUNTIF(B2:B5,1)', C6: 'COUNTIF(C2:C5,1)', D6: 'COUNTIF(D2:D5,1)' };
    const r = await run({ 'phieu.xlsx': workbook([{ name: 'Phiếu', rows, formulas }]) });
    expect(errors(r.doc)).toEqual([]);
    expect(counts(r.doc)).toEqual(EXPECTED);
  });
});

describe('two sheets or files as clerks split them', () => {
  it('Phiếu (1) numbered 1–2 and Phiếu (2) numbered 3–4', async () => {
    const book = workbook([
      { name: 'Phiếu (1)', rows: withHeaders(NAMES).slice(0, 3) },
      { name: 'Phiếu (2)', rows: [withHeaders(NAMES)[0] as Cell[], ...withHeaders(NAMES).slice(3)] },
    ]);
    const r = await run({ 'phieu.xlsx': book });
    expect(errors(r.doc)).toEqual([]);
    expect(counts(r.doc)).toEqual(EXPECTED);
  });

  it('Phiếu (1) and Phiếu (2) both numbered from 1: the repeated numbers are duplicates naming the other sheet', async () => {
    const first = withHeaders(NAMES).slice(0, 3);
    const second = [first[0] as Cell[], ...withHeaders(NAMES).slice(3).map((r, i) => [i + 1, ...r.slice(1)])];
    const r = await run({ 'phieu.xlsx': workbook([{ name: 'Phiếu (1)', rows: first }, { name: 'Phiếu (2)', rows: second }]) });
    expect(r.code).toBe(1);
    const dup = r.doc.problems.filter((p) => p.code === 'duplicate-ballot');
    expect(dup.map((p) => p.ballot)).toEqual(['1', '2']);
    expect(dup[0]?.message).toContain('Phiếu (1)');
  });

  it('one sheet numbered, the other not: both read, nothing compared across them', async () => {
    const book = workbook([
      { name: 'Phiếu (1)', rows: withHeaders(NAMES).slice(0, 3) },
      { name: 'Phiếu (2)', rows: [NAMES, ...BALLOTS.slice(2).map((b) => [...b])] },
    ]);
    const r = await run({ 'phieu.xlsx': book });
    expect(errors(r.doc)).toEqual([]);
    expect(counts(r.doc)).toEqual(EXPECTED);
  });

  it('a blank row between unnumbered ballots of the second file is an error naming that file and row', async () => {
    const r = await run({ 'a.csv': text([NAMES, ...BALLOTS.slice(0, 2).map((b) => [...b])]), 'b.csv': text([NAMES, [...(BALLOTS[2] as number[])], [], [...(BALLOTS[3] as number[])]]) });
    expect(r.code).toBe(1);
    const p = r.doc.problems.find((x) => x.code === 'empty-row');
    expect([p?.file?.endsWith('b.csv'), p?.row]).toEqual([true, 3]);
  });
});

describe('a hand tally sheet of two pages pasted together', () => {
  it('both header rows repeated: set aside as headers, the ballots under them read', async () => {
    const rows = boxes('Số phiếu');
    rows.splice(4, 0, [...(rows[0] as Cell[])], [...(rows[1] as Cell[])]);
    const r = await run({ 'phieu.csv': text(rows) });
    expect(errors(r.doc)).toEqual([]);
    expect(counts(r.doc)).toEqual(EXPECTED);
    expect(r.doc.rows[0]?.nonBallot['header']).toBe(4);
  });

  it('without a ballot column, the repeated level row is a header too', async () => {
    const rows = boxes('Số phiếu').map((r) => r.slice(1));
    rows.splice(4, 0, [...(rows[0] as Cell[])], [...(rows[1] as Cell[])]);
    const r = await run({ 'phieu.csv': text(rows) });
    expect(errors(r.doc)).toEqual([]);
    expect(counts(r.doc)).toEqual(EXPECTED);
    expect(r.doc.rows[0]?.nonBallot['header']).toBe(4);
  });
});

describe('pages of two ballot types', () => {
  it("'Phiếu A (2)' is the second page of type A; 'Phiếu (2)' takes the type its leaders give", async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tally-types-'));
    const roster: Cell[][] = [['STT', 'Họ và tên', 'Chức vụ', 'Loại phiếu'], [1, ANH, 'Phó Bí thư Huyện ủy', 'A'], [2, BINH, 'Bí thư Huyện ủy', 'A'], [3, CUONG, 'Chủ tịch UBND huyện', 'B']];
    const sessionRows: Cell[][] = [['Mục', 'Giá trị', 'Loại phiếu'], ['Tên hội nghị', 'Thử', null], ['Ngày', '13/12/2023', null], ['Quy định', '96-QĐ/TW', null], ['Số người được triệu tập', 4, null], ['Số người có mặt', 4, null], ['Số phiếu phát ra', 4, 'A'], ['Số phiếu thu về', 4, 'A'], ['Số phiếu phát ra', 4, 'B'], ['Số phiếu thu về', 4, 'B']];
    const a = (from: number, to: number): Cell[][] => [['Số phiếu', ANH, BINH], ...BALLOTS.slice(from, to).map((b, i) => [from + i + 1, b[0] as number, b[1] as number])];
    const b = (from: number, to: number): Cell[][] => [['Số phiếu', CUONG], ...BALLOTS.slice(from, to).map((x, i) => [from + i + 1, x[2] as number])];
    const book = workbook([
      { name: 'Danh sách', rows: roster },
      { name: 'Hội nghị', rows: sessionRows },
      { name: 'Phiếu A', rows: a(0, 2) },
      { name: 'Phiếu A (2)', rows: a(2, 4) },
      { name: 'Phiếu B', rows: b(0, 3) },
      { name: 'Phiếu (2)', rows: b(3, 4) },
    ]);
    writeFileSync(join(dir, 'hoi-nghi.xlsx'), book);
    const r = await tally([join(dir, 'hoi-nghi.xlsx'), '--json']);
    const doc = JSON.parse(r.stdout) as Doc;
    expect(errors(doc)).toEqual([]);
    expect(counts(doc)).toEqual(EXPECTED);
  });
});

