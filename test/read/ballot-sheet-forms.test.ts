// The wide ballot sheet in the forms clerks make (issue 20, SPEC §2.4): headers with the
// position, headers nobody can read, two files or sheets without ballot numbers, the hand
// tally sheet's three boxes per leader, COUNTIF footers, STT as the ballot number. Expected
// counts are worked out by hand from the four ballots below.
import { describe, expect, it } from 'vitest';
import type { Cell } from '../metamorphic/encode.js';
import { workbook, type SheetSpec } from '../metamorphic/xlsx.js';
import { ANH, BALLOTS, BINH, CUONG, EXPECTED, counts, errors, run, text, withHeaders } from './sheet-forms.js';

describe('headers with the position (SPEC §2.4)', () => {
  it('a name that is one leader with a position that is exactly another\'s is ambiguous-name naming both, in every form', async () => {
    for (const h of [`${ANH} (Bí thư Huyện ủy)`, `${ANH} - Bí thư Huyện ủy`, `${ANH}, Bí thư Huyện ủy`, `${ANH}\nBí thư Huyện ủy`, `1. ${ANH} (Bí thư Huyện ủy)`]) {
      const r = await run({ 'phieu.csv': text(withHeaders([h, BINH, CUONG])) });
      expect(r.code, h).toBe(1);
      const p = r.doc.problems.find((x) => x.code === 'ambiguous-name');
      expect(p?.message, h).toContain(ANH);
      expect(p?.message, h).toContain(BINH);
      expect(p?.cell, h).toBe('B1');
    }
  });

  it("'Name⏎Position' (Alt+Enter, as printed) and 'Name, Position' headers are read", async () => {
    for (const headers of [
      [`${ANH}\nPhó Bí thư Huyện ủy`, `${BINH}\r\nBí thư Huyện ủy`, `${CUONG}\nChủ tịch UBND huyện`],
      [`${ANH}, Phó Bí thư Huyện ủy`, `${BINH}, Bí thư Huyện ủy`, `${CUONG}, Chủ tịch UBND huyện`],
      [`1. ${ANH}\nPhó Bí thư`, `2. ${BINH}\nBí thư`, `3. ${CUONG}\nChủ tịch`],
    ]) {
      const r = await run({ 'phieu.csv': text(withHeaders(headers)) });
      expect(errors(r.doc), headers[0] as string).toEqual([]);
      expect(counts(r.doc)).toEqual(EXPECTED);
    }
  });

  it('a position under the name that differs from the roster is a warning, not a guess', async () => {
    const r = await run({ 'phieu.csv': text(withHeaders([`${ANH}\nTrưởng ban Tuyên giáo`, BINH, CUONG])) });
    expect(r.code).toBe(0);
    expect(r.doc.problems.some((p) => p.code === 'position-mismatch' && p.cell === 'B1')).toBe(true);
  });
});

describe('a header nobody can read (SPEC §2.4)', () => {
  it('given names only: the error names each header cell with the closest roster entries, and no ballot row is taken for the header', async () => {
    // Ballot 2 holds "2" in the number cell (Bình's STT) and codes 1, 1, 2: it must not be the header.
    const r = await run({ 'phieu.csv': text([['Số phiếu', 'Phiếu không hợp lệ', 'Anh', 'Bình', 'Cường'], ...BALLOTS.map((b, i) => [i + 2, null, ...b])]) });
    expect(r.code).toBe(1);
    const named = r.doc.problems.filter((p) => p.code === 'unknown-cadre');
    expect(named.map((p) => [p.row, p.value])).toEqual([
      [1, 'Anh'],
      [1, 'Bình'],
      [1, 'Cường'],
    ]);
    expect(named[0]?.message).toContain(ANH);
    expect(named[1]?.message).toContain(BINH);
    expect(named[2]?.message).toContain(CUONG);
    // Nothing read as a title, nor ballot numbers read as marks.
    expect(r.doc.problems.filter((p) => p.code === 'non-ballot-row' || p.code === 'bad-cell')).toEqual([]);
  });

  it('a CSV that lost its diacritics where two leaders fold alike: the header is named, never a ballot row', async () => {
    const r = await run({ 'phieu.csv': text([['Phieu so', 'Nguyen Van A', 'Tran Thi B', 'Le Van C'], ...BALLOTS.map((b, i) => [i + 2, ...b])]) });
    expect(r.code).toBe(1);
    const named = r.doc.problems.filter((p) => p.code === 'unknown-cadre' || p.code === 'ambiguous-name');
    expect(named.map((p) => p.row)).toEqual([1, 1, 1]);
  });
});

describe('ballots without a ballot-number column in two files or two sheets (SPEC §2.4)', () => {
  const half = (from: number, to: number): Cell[][] => [[ANH, BINH, CUONG], ...BALLOTS.slice(from, to).map((b) => [...b])];

  it('two CSV files: each numbered by its rows, no duplicate across files, no missing numbers named', async () => {
    const r = await run({ 'phieu-1.csv': text(half(0, 2)), 'phieu-2.csv': text(half(2, 4)) });
    expect(errors(r.doc)).toEqual([]);
    expect(counts(r.doc)).toEqual(EXPECTED);
  });

  it('sheets Phiếu (1) and Phiếu (2) of one workbook', async () => {
    const book = workbook([
      { name: 'Phiếu (1)', rows: half(0, 2) },
      { name: 'Phiếu (2)', rows: half(2, 4) },
    ]);
    const r = await run({ 'phieu.xlsx': book });
    expect(errors(r.doc)).toEqual([]);
    expect(counts(r.doc)).toEqual(EXPECTED);
  });

  it('a cell error names file, sheet and row, not a number nobody typed', async () => {
    const rows = half(2, 4);
    (rows[2] as Cell[])[1] = 7;
    const r = await run({ 'phieu-1.csv': text(half(0, 2)), 'phieu-2.csv': text(rows) });
    const p = r.doc.problems.find((x) => x.code === 'bad-cell');
    expect([p?.row, p?.cell, p?.ballot]).toEqual([3, 'B3', null]);
    expect(p?.file).toContain('phieu-2.csv');
  });
});

describe('the hand tally sheet: three boxes per leader (SPEC §2.4)', () => {
  const LEVELS: Record<string, readonly [string, string, string]> = {
    long: ['Tín nhiệm cao', 'Tín nhiệm', 'Tín nhiệm thấp'],
    short: ['Cao', 'TN', 'Thấp'],
    digits: ['1', '2', '3'],
  };
  const tick = (code: number | number[]): Cell[] => [1, 2, 3].map((l) => ((Array.isArray(code) ? code : [code]).includes(l) ? 'x' : null));
  function sheet(levels: readonly string[], merged: boolean, ballots: (number | number[])[][] = BALLOTS): SheetSpec {
    const names = [ANH, BINH, CUONG].flatMap((n) => (merged ? [n, null, null] : [n, null, null]));
    const rows: Cell[][] = [['Số phiếu', ...names], [null, ...levels, ...levels, ...levels], ...ballots.map((b, i) => [i + 1, ...b.flatMap(tick)])];
    return { name: 'Phiếu', rows, merges: merged ? ['B1:D1', 'E1:G1', 'H1:J1', 'A1:A2'] : [] };
  }

  it('a tick in the chosen box reads as that level, with each form of level names, CSV and merged XLSX', async () => {
    for (const [kind, levels] of Object.entries(LEVELS)) {
      const r1 = await run({ 'phieu.csv': text(sheet(levels, false).rows as Cell[][]) });
      expect(errors(r1.doc), kind).toEqual([]);
      expect(counts(r1.doc), kind).toEqual(EXPECTED);
      expect(r1.doc.rows[0]?.nonBallot['header'], kind).toBe(2);
      const r2 = await run({ 'phieu.xlsx': workbook([sheet(levels, true)]) });
      expect(errors(r2.doc), kind).toEqual([]);
      expect(counts(r2.doc), kind).toEqual(EXPECTED);
    }
  });

  it('no tick is no-mark; two or three ticks are multiple-marks', async () => {
    const ballots = [[[], 2, 3], [[1, 3], 1, 2], [3, [1, 2, 3], 1], [1, 2, 2]];
    const r = await run({ 'phieu.csv': text(sheet(LEVELS['short'] as readonly string[], false, ballots).rows as Cell[][]) });
    expect(errors(r.doc)).toEqual([]);
    expect(counts(r.doc)).toEqual([
      [1, 0, 1],
      [1, 2, 0],
      [1, 2, 1],
    ]);
    const reasons = (i: number) => Object.fromEntries(Object.entries(r.doc.cadres[i]?.invalidByReason ?? {}).filter(([, n]) => n > 0));
    expect(reasons(0)).toEqual({ 'no-mark': 1, 'multiple-marks': 1 });
    expect(reasons(1)).toEqual({ 'multiple-marks': 1 });
  });

  it('anything else in a box is an error naming the ballot and the box', async () => {
    const rows = sheet(LEVELS['long'] as readonly string[], false).rows as Cell[][];
    (rows[4] as Cell[])[6] = '1'; // ballot 3, Bình's "Tín nhiệm thấp" box (G5)
    const r = await run({ 'phieu.csv': text(rows) });
    expect(r.code).toBe(1);
    const p = r.doc.problems.find((x) => x.code === 'bad-cell');
    expect([p?.ballot, p?.cell, p?.value]).toEqual(['3', 'G5', '1']);
    expect(p?.column).toBe(`${BINH} / Tín nhiệm thấp`);
  });
});

describe('a COUNTIF footer under the ballots (SPEC §2.4)', () => {
  it('rows labelled with a level whose leader cells are formulas are totals, set aside with a warning', async () => {
    const rows: Cell[][] = withHeaders([ANH, BINH, CUONG]);
    const formulas: Record<string, string> = {};
    ['Tín nhiệm cao:', 'Tín nhiệm:', 'Tín nhiệm thấp:'].forEach((label, k) => {
      const r = rows.length + 1;
      rows.push([label, ...EXPECTED.map((e) => e[k] as number)]);
      ['B', 'C', 'D'].forEach((c) => (formulas[`${c}${r}`] = `COUNTIF(${c}2:${c}5,${k + 1})`));
    });
    const r = await run({ 'phieu.xlsx': workbook([{ name: 'Phiếu', rows, formulas }]) });
    expect(errors(r.doc)).toEqual([]);
    expect(counts(r.doc)).toEqual(EXPECTED);
    expect(r.doc.rows[0]?.nonBallot['total']).toBe(3);
    expect(r.doc.problems.filter((p) => p.code === 'non-ballot-row').map((p) => p.row)).toEqual([6, 7, 8]);
  });

  it('a level label over plain codes is not a total: the row stays a ballot (and its number is not a number)', async () => {
    const rows: Cell[][] = [...withHeaders([ANH, BINH, CUONG]), ['Tín nhiệm cao:', 1, 2, 3]];
    const r = await run({ 'phieu.csv': text(rows) });
    expect(r.code).toBe(1);
    expect(r.doc.rows[0]?.nonBallot['total'] ?? 0).toBe(0);
  });

  it('counts no code reads, under a level label, are a total in a CSV too', async () => {
    const rows: Cell[][] = [...withHeaders([ANH, BINH, CUONG]), ['Số phiếu tín nhiệm cao', 17, 5, 4]];
    const r = await run({ 'phieu.csv': text(rows) });
    expect(errors(r.doc)).toEqual([]);
    expect(r.doc.rows[0]?.nonBallot['total']).toBe(1);
  });
});

describe('STT as the ballot number (SPEC §2.4)', () => {
  it("an 'STT' or 'Phiếu' column of distinct whole numbers is the ballot number", async () => {
    for (const h of ['STT', 'Phiếu']) {
      const rows = withHeaders([ANH, BINH, CUONG]);
      (rows[0] as Cell[])[0] = h;
      const r = await run({ 'phieu.csv': text(rows) });
      expect(errors(r.doc), h).toEqual([]);
      expect(counts(r.doc), h).toEqual(EXPECTED);
    }
  });

  it('an STT column whose numbers repeat is not taken for ballot numbers', async () => {
    const rows = withHeaders([ANH, BINH, CUONG]);
    (rows[0] as Cell[])[0] = 'STT';
    (rows[2] as Cell[])[0] = 1;
    const r = await run({ 'phieu.csv': text(rows) });
    expect(r.code).toBe(1);
    expect(r.doc.problems.some((p) => p.code === 'unknown-cadre' && p.value === 'STT')).toBe(true);
  });
});
