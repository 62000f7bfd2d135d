// The long layout (SPEC §2.5) under the reading rules of §2.4: a total row is known by its
// ballot-number cell only, ballot numbers compare as numbers, every row set aside is said.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import type { Row } from '../../src/model/grid.js';
import { omrLayout } from '../../src/read/omr.js';
import { tally } from '../cli/run.js';

const ROSTER = ['STT,Họ và tên,Chức vụ', '1,Tống Văn Sơn,Bí thư', '2,Công Thị Hà,Phó Bí thư', '3,Nguyễn Văn An,Ủy viên'].join('\n');
const SESSION = ['Mục,Giá trị', 'Ngày,13/12/2023', 'Số người được triệu tập,5', 'Số người có mặt,5', 'Số phiếu phát ra,4', 'Số phiếu thu về,4'].join('\n');

/**
 * Four ballots, one line per row, the leader's column first: ballot 3 typed 03, 3 and 3.0.
 * Worked by hand, T = 4: each leader 2 high, 1 confidence, 1 low (50%, 25%, 25%), band none.
 *   Tống Văn Sơn: 1, 3, 1, 2 · Công Thị Hà: 1, 2, 3, 1 · Nguyễn Văn An: 2, 1, 1, 3
 */
const BALLOTS = [
  'Kết quả quét phiếu,,', // row 1: title
  ',,', // row 2: blank
  'Cán bộ,Số phiếu,Mức', // row 3: header
  'Tống Văn Sơn,1,1',
  'Công Thị Hà,1,1',
  'Nguyễn Văn An,1,2',
  'Tống Văn Sơn,2,3',
  'Công Thị Hà,2,2',
  'Nguyễn Văn An,2,1', // row 9
  ',,', // row 10: blank
  'Tống Văn Sơn,03,1',
  'Công Thị Hà,3,3',
  'Nguyễn Văn An,3.0,1',
  'Tống Văn Sơn,4,2',
  'Công Thị Hà,4,1',
  'Nguyễn Văn An,4,3', // row 16
  ',Tổng cộng:,12', // row 17: total
];

function session(ballots: string) {
  const dir = mkdtempSync(join(tmpdir(), 'tally-long-'));
  writeFileSync(join(dir, 'danh-sach.csv'), ROSTER);
  writeFileSync(join(dir, 'hoi-nghi.csv'), SESSION);
  writeFileSync(join(dir, 'quet.csv'), ballots);
  return { dir, args: ['--roster', join(dir, 'danh-sach.csv'), '--session', join(dir, 'hoi-nghi.csv'), '--json'] };
}

const EACH = { high: 2, confidence: 1, low: 1, valid: 4, invalid: 0, percent: { high: 50, confidence: 25, low: 25 }, band: 'none' };

describe('long layout', () => {
  it('leaders named Tống and Công are ballot lines; 03, 3 and 3.0 are one ballot; titles, blanks and totals are warnings with their rows', async () => {
    const { dir, args } = session(BALLOTS.join('\n'));
    const r = await tally([join(dir, 'quet.csv'), ...args]);
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout);
    expect(doc.cadres.map((c: { name: string }) => c.name)).toEqual(['Tống Văn Sơn', 'Công Thị Hà', 'Nguyễn Văn An']);
    for (const c of doc.cadres) expect(c).toMatchObject(EACH);
    expect(doc.problems.map((p: { code: string; row: number }) => [p.code, p.row])).toEqual([
      ['non-ballot-row', 1],
      ['empty-row', 2],
      ['empty-row', 10],
      ['non-ballot-row', 17],
    ]);
    expect(doc.problems.every((p: { severity: string }) => p.severity === 'warning')).toBe(true);
    expect(doc.rows).toEqual([
      expect.objectContaining({ rowsRead: 17, countedRows: 12, ballots: 4, rowsWithErrors: 0, rejected: 0, nonBallot: { title: 1, header: 1, empty: 2, total: 1, unused: 0 } }),
    ]);
  });

  it('in a workbook, numbers stored as numbers and names as text: a name is never read as a total label', async () => {
    const { dir, args } = session('');
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Phiếu');
    ws.addRow(['Số phiếu', 'Cán bộ', 'Mức']);
    const lines: [number, string, number][] = [
      [1, 'Tống Văn Sơn', 1], [1, 'Công Thị Hà', 1], [1, 'Nguyễn Văn An', 2],
      [2, 'Tống Văn Sơn', 3], [2, 'Công Thị Hà', 2], [2, 'Nguyễn Văn An', 1],
      [3, 'Tống Văn Sơn', 1], [3, 'Công Thị Hà', 3], [3, 'Nguyễn Văn An', 1],
      [4, 'Tống Văn Sơn', 2], [4, 'Công Thị Hà', 1], [4, 'Nguyễn Văn An', 3],
    ];
    for (const l of lines) ws.addRow(l);
    ws.addRow(['Cộng', 'Tống Văn Sơn', 4]);
    await wb.xlsx.writeFile(join(dir, 'quet.xlsx'));
    const r = await tally([join(dir, 'quet.xlsx'), ...args]);
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout);
    for (const c of doc.cadres) expect(c).toMatchObject(EACH);
    expect(doc.problems).toEqual([expect.objectContaining({ code: 'non-ballot-row', severity: 'warning', row: 14, value: 'Cộng' })]);
  });

  it('a total label over marks is an error on that row, never a silent drop', async () => {
    const lines = [...BALLOTS.slice(0, -1), 'Nguyễn Văn An,Tổng,cao'];
    const { dir, args } = session(lines.join('\n'));
    const r = await tally([join(dir, 'quet.csv'), ...args]);
    expect(r.code).toBe(1);
    const doc = JSON.parse(r.stdout);
    expect(doc.problems.filter((p: { severity: string }) => p.severity === 'error')).toEqual([expect.objectContaining({ code: 'bad-cell', cell: 'B17', value: 'Tổng' })]);
    expect(doc.rows[0]).toMatchObject({ rowsRead: 17, countedRows: 12, rejected: 1 });
  });

  // Hunted 2026-11-29: a total label on a row naming a leader was set aside whenever its cells
  // could be counts — but a level code (3) or a mark (1/0) is just as much that leader's line.
  it.each([
    ['a level code under Mức', 'Nguyễn Văn An,Tổng,3'],
    ['a level code beside a leader named Tống', 'Tống Văn Sơn,Tổng: 7,1'],
  ])('a total label over %s is an error naming both readings', async (_what, line) => {
    const { dir, args } = session([...BALLOTS.slice(0, -1), line].join('\n'));
    const r = await tally([join(dir, 'quet.csv'), ...args]);
    expect(r.code).toBe(1);
    const doc = JSON.parse(r.stdout);
    const errors = doc.problems.filter((p: { severity: string }) => p.severity === 'error');
    expect(errors).toEqual([expect.objectContaining({ code: 'bad-cell', cell: 'B17' })]);
    expect(errors[0].message).toContain('dòng phiếu');
    expect(errors[0].message).toContain('dòng tổng');
  });

  const MARKS = ['Số phiếu,Cán bộ,Cao,Tín nhiệm,Thấp', '1,Tống Văn Sơn,1,0,0', '1,Công Thị Hà,0,1,0', '1,Nguyễn Văn An,0,0,1'];
  it.each([
    ['only 0 and 1 under the mark columns', 'Tổng,Nguyễn Văn An,1,0,0', 1],
    ['counts above 1, a leader named', 'Tổng,Nguyễn Văn An,2,0,1', 0],
    ['counts, no leader', 'Tổng cộng,,1,1,1', 0],
  ])('mark columns: a total label with %s', async (_what, line, errorsExpected) => {
    const session1 = SESSION.replace('Số phiếu phát ra,4', 'Số phiếu phát ra,1').replace('Số phiếu thu về,4', 'Số phiếu thu về,1');
    const { dir, args } = session([...MARKS, line].join('\n'));
    writeFileSync(join(dir, 'hoi-nghi.csv'), session1);
    const doc = JSON.parse((await tally([join(dir, 'quet.csv'), ...args])).stdout);
    const mine = doc.problems.filter((p: { row: number }) => p.row === 5);
    expect(mine.map((p: { severity: string; code: string }) => [p.severity, p.code])).toEqual(errorsExpected === 1 ? [['error', 'bad-cell']] : [['warning', 'non-ballot-row']]);
  });

  it('a leader cell that matches two people is one error per text, not a missing line on every ballot', async () => {
    // Each roster number is one person's STT and another's id: "1" is Tống Văn Sơn (STT) or Công Thị Hà (id).
    const lines = ['Số phiếu,Cán bộ,Mức', ...[1, 2, 3, 4].flatMap((b) => ['1', '2', '3'].map((who) => `${b},${who},1`))];
    const { dir, args } = session(lines.join('\n'));
    writeFileSync(join(dir, 'danh-sach.csv'), ['STT,Mã,Họ và tên,Chức vụ', '1,3,Tống Văn Sơn,Bí thư', '2,1,Công Thị Hà,Phó Bí thư', '3,2,Nguyễn Văn An,Ủy viên'].join('\n'));
    const r = await tally([join(dir, 'quet.csv'), ...args]);
    expect(r.code).toBe(1);
    const errors = JSON.parse(r.stdout).problems.filter((p: { severity: string }) => p.severity === 'error');
    expect(errors.map((p: { code: string; value: string }) => [p.code, p.value])).toEqual([
      ['ambiguous-name', '1'],
      ['ambiguous-name', '2'],
      ['ambiguous-name', '3'],
    ]);
  });

  it('a name that cannot be told names every ballot it leaves incomplete; a line it cannot be stays missing', async () => {
    // Ballots 2 and 3: Công Thị Hà's line typed with an empty leader cell. Ballot 4: a line for
    // somebody not on the roster, and Nguyễn Văn An's line left out.
    const lines = BALLOTS.slice(0, -1).map((l) => (/^Công Thị Hà,(2|3),/.test(l) ? l.replace('Công Thị Hà', '') : l)).filter((l) => l !== 'Nguyễn Văn An,4,3');
    lines.push('Trương Văn Lạ,4,1');
    const { dir, args } = session(lines.join('\n'));
    const doc = JSON.parse((await tally([join(dir, 'quet.csv'), ...args])).stdout);
    const errors = doc.problems.filter((p: { severity: string }) => p.severity === 'error').map((p: { code: string; message: string }) => [p.code, p.message]);
    expect(errors).toEqual([
      ['unknown-cadre', 'ô tên người để trống — dòng của 2 phiếu, số 2; 3'],
      ['unknown-cadre', expect.stringMatching(/^'Trương Văn Lạ' không khớp ai trong danh sách(; có phải: [^?]+\?)? — dòng của phiếu số 4$/)],
      // An empty cell could be anybody's line: ballots 2 and 3 say whose is missing.
      ['missing-line', 'phiếu 2 thiếu dòng của Công Thị Hà; không coi là để trống'],
      ['missing-line', 'phiếu 3 thiếu dòng của Công Thị Hà; không coi là để trống'],
      // Trương Văn Lạ is nobody on the roster: Nguyễn Văn An's line is still missing.
      ['missing-line', 'phiếu 4 thiếu dòng của Nguyễn Văn An; không coi là để trống'],
    ]);
  });

  it('a line typed 3 after ballot 03 is complete is a repeated line', async () => {
    const lines = [...BALLOTS.slice(0, -1), 'Công Thị Hà,3,1'];
    const { dir, args } = session(lines.join('\n'));
    const r = await tally([join(dir, 'quet.csv'), ...args]);
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stdout).problems).toContainEqual(expect.objectContaining({ code: 'duplicate-line', row: 17 }));
  });
});

describe('which layout: each by its own signature (SPEC §2.4)', () => {
  const rows = (...lines: string[][]): Row[] => lines.map((cells, i) => ({ row: i + 1, cells }));
  it('a wide header like "1. Nguyễn Văn An" is not a FormScanner export', () => {
    expect(omrLayout(rows(['Số phiếu', '1. Nguyễn Văn An', '2. Trần Thị Bình'], ['1', '1', '2']))).toBeNull();
    expect(omrLayout(rows(['STT', 'Nhóm.1', 'Nhóm.2'], ['1', 'A', 'B']))).toBeNull();
  });
  it('FormScanner by a first column of image file names', () => {
    expect(omrLayout(rows(['File name', 'Phiếu.1', 'Phiếu.2'], ['phieu_001.jpg', 'A', 'B'], [], ['scan/phieu_002.TIFF', 'B', '']))).toBe('formscanner');
    expect(omrLayout(rows(['File name', 'Phiếu.1'], ['phieu_001.jpg', 'A'], ['tong', '']))).toBeNull();
    expect(omrLayout(rows(['File name', 'Phiếu.1']))).toBeNull();
  });
  it('OMRChecker by its file_id, input_path and score columns', () => {
    expect(omrLayout(rows(['file_id', 'input_path', 'output_path', 'score', 'q1'], ['a.jpg', 'in/a.jpg', 'out/a.jpg', '0', 'A']))).toBe('omrchecker');
    expect(omrLayout(rows(['file_id', 'input_path', 'q1'], ['1', 'x', 'A']))).toBeNull();
  });

  it('a wide sheet headed "1. Tống Văn Sơn" goes to the wide reader, not the scanner reader', async () => {
    const { dir, args } = session('');
    const wide = ['Số phiếu,1. Tống Văn Sơn,2. Công Thị Hà,3. Nguyễn Văn An', '1,1,1,2', '2,3,2,1', '3,1,3,1', '4,2,1,3'];
    writeFileSync(join(dir, 'phieu.csv'), wide.join('\n'));
    const doc = JSON.parse((await tally([join(dir, 'phieu.csv'), ...args])).stdout);
    // How the wide reader matches such headers is its own business (test/read/match.test.ts).
    expect(doc.rows[0].layout).toBe('wide');
    expect(doc.problems.filter((p: { message: string }) => p.message.includes('--omr-letters'))).toEqual([]);
  });

  it('long scanner output numbering ballots by image file stays the long layout', async () => {
    const lines = BALLOTS.slice(2, -1).map((l, i) => (i === 0 ? l : l.replace(/,(0?3|3\.0|\d),/, (_m, n: string) => `,phieu_00${Number(n)}.jpg,`)));
    const { dir, args } = session(lines.join('\n'));
    const r = await tally([join(dir, 'quet.csv'), ...args]);
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout);
    expect(doc.rows[0]).toMatchObject({ layout: 'long', ballots: 4 });
    for (const c of doc.cadres) expect(c).toMatchObject(EACH);
  });
});
