// check and summary say what the readers set aside, as tally does (SPEC §2.4: every row set
// aside is a warning with its row). Hunted 2026-11-29: a valid session's warnings were dropped.
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { sampleCopy, tally } from '../cli/run.js';

// The sample's 41 ballots are rows 2–42 of phieu.csv; below them, typed by hand here, an empty
// row (43) and the clerk's note (44): neither is a ballot, and both must be said.
const NOTE = 'Người nhập: Nguyễn Thị Hòa';
const withNote = () => sampleCopy({ 'phieu.csv': (t) => `${t.replace(/\n$/, '')}\n\n${NOTE}\n` });
type JsonProblem = { severity: string; code: string; row: number | null };
const setAside = (ps: JsonProblem[]) => ps.filter((p) => p.severity !== 'error').map((p) => [p.code, p.row]);

describe('rows set aside in a re-checked session', () => {
  it('tally itself warns about rows 43 and 44', async () => {
    const { args } = withNote();
    const r = await tally([...args, '--json']);
    expect(r.code).toBe(0);
    const problems = JSON.parse(r.stdout).problems;
    expect(setAside(problems)).toEqual(expect.arrayContaining([['trailing-empty-rows', 43], ['non-ballot-row', 44]]));
    // The note is quoted as typed, not called a ballot numbered in advance.
    expect(problems.find((p: { row: number }) => p.row === 44).message).toBe(`dòng chỉ ghi '${NOTE}' ở cột số phiếu, sau phiếu cuối cùng (ghi chú?); không tính là phiếu`);
  });

  it('tally check lists the same warnings under the session, which stays valid', async () => {
    const { dir } = withNote();
    const r = await tally(['check', dir, '--json']);
    const s = JSON.parse(r.stdout).sessions[0];
    expect(s.status).toBe('no record');
    expect(setAside(s.problems)).toEqual(expect.arrayContaining([['trailing-empty-rows', 43], ['non-ballot-row', 44]]));
    const screen = await tally(['check', dir]);
    expect(screen.stdout).toContain('dòng 44');
    expect(screen.stdout).toContain('dòng 43');
  });

  it('tally summary carries them for the unit: the first ones in JSON with the total, the first on screen', async () => {
    const { dir } = withNote();
    const doc = JSON.parse((await tally(['summary', dir, '--json'])).stdout);
    const unit = doc.units[0];
    expect(unit.problems.length).toBeGreaterThanOrEqual(2);
    expect(unit.problemTotal).toBeGreaterThanOrEqual(unit.problems.length);
    expect(setAside(unit.problems)).toEqual(expect.arrayContaining([['trailing-empty-rows', 43], ['non-ballot-row', 44]]));
    const screen = await tally(['summary', dir]);
    expect(screen.stdout).toMatch(new RegExp(`${unit.problemTotal} điều cần xem khi đọc lại hồ sơ, đầu tiên: tệp .*phieu\.csv`));
  });
});

describe('a workbook whose ballot sheet is not found', () => {
  it('says so once, naming the sheets it has, with no internal word', async () => {
    const { dir, args } = sampleCopy();
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('Sheet1').addRows([['Số phiếu', 'Nguyễn Văn Hùng'], [1, 1]]);
    wb.addWorksheet('Sheet2');
    await wb.xlsx.writeFile(join(dir, 'so.xlsx'));
    const r = await tally([join(dir, 'so.xlsx'), ...args.slice(1), '--json']);
    expect(r.code).toBe(1);
    const sheets = JSON.parse(r.stdout).problems.filter((p: { code: string }) => p.code === 'missing-sheet');
    expect(sheets.map((p: { message: string }) => p.message)).toEqual(["không tìm thấy trang 'Phiếu / Ballots' (sổ có các trang: Sheet1; Sheet2)"]);
  });
});

describe('rows under the last ballot', () => {
  it('numbers written in advance and a note are each said for what they are', async () => {
    // Rows 43–45: ballots 42, "Phiếu 43" and "P-044/2023" numbered in advance; row 46 a note.
    const { args } = sampleCopy({ 'phieu.csv': (t) => `${t.replace(/\n$/, '')}\n42\nPhiếu 43\nP-044/2023\n${NOTE}\n` });
    const r = await tally([...args, '--json']);
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout);
    const below = doc.problems.filter((p: { code: string }) => p.code === 'non-ballot-row').map((p: { row: number; message: string }) => [p.row, p.message]);
    expect(below).toEqual([
      [43, '3 dòng (đến dòng 45): các phiếu số 42–P-044/2023 đánh số sẵn nhưng chưa nhập, sau phiếu cuối cùng; không tính là phiếu'],
      [46, `dòng chỉ ghi '${NOTE}' ở cột số phiếu, sau phiếu cuối cùng (ghi chú?); không tính là phiếu`],
    ]);
  });
});

describe('a session workbook whose ballot sheet is misnamed', () => {
  it('is re-checked and found invalid, naming its sheets, not skipped as "not a session"', async () => {
    const { dir } = sampleCopy();
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('Danh sách').addRows([['STT', 'Họ và tên', 'Chức vụ'], [1, 'Nguyễn Văn Hùng', 'Bí thư']]);
    wb.addWorksheet('Hội nghị').addRows([['Mục', 'Giá trị'], ['Số phiếu thu về', 1]]);
    wb.addWorksheet('Phieu-BCH').addRows([['Số phiếu', 'Nguyễn Văn Hùng'], [1, 1]]);
    await wb.xlsx.writeFile(join(dir, 'so.xlsx'));
    const r = await tally(['check', join(dir, 'so.xlsx'), '--json']);
    expect(r.code).toBe(1);
    const s = JSON.parse(r.stdout).sessions[0];
    expect(s.status).toBe('invalid');
    expect(s.problems.map((p: { message: string }) => p.message)).toContain("không tìm thấy trang 'Phiếu / Ballots' (sổ có các trang: Danh sách; Hội nghị; Phieu-BCH)");
  });
});

describe('a ballot number on two sheets of one workbook', () => {
  it('names the other sheet and its row', async () => {
    const { dir, args } = sampleCopy();
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('Phiếu').addRows([['Số phiếu', 'Nguyễn Văn Hùng'], [1, 1], [2, 1]]);
    wb.addWorksheet('Phiếu (2)').addRows([['Số phiếu', 'Nguyễn Văn Hùng'], [2, 3]]);
    await wb.xlsx.writeFile(join(dir, 'hai-trang.xlsx'));
    const r = await tally([join(dir, 'hai-trang.xlsx'), ...args.slice(1), '--json']);
    const dup = JSON.parse(r.stdout).problems.filter((p: { code: string }) => p.code === 'duplicate-ballot');
    expect(dup.map((p: { sheet: string; row: number; message: string }) => [p.sheet, p.row, p.message])).toEqual([['Phiếu (2)', 2, 'số phiếu 2 trùng với trang Phiếu, dòng 3']]);
  });
});
