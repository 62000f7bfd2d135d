// Writes the workbook fixtures of fixtures/corpus/ (see each README) from declared content.
// Uses exceljs only, none of tally's code. Run: node scripts/make-corpus-workbooks.mjs
import { copyFileSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import { parse } from 'csv-parse/sync';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const sample = join(root, 'fixtures', 'hoi-nghi-huyen');
const corpus = join(root, 'fixtures', 'corpus');
const csv = (name) => parse(readFileSync(join(sample, name)), { bom: true, relax_column_count: true });
const asNumber = (v) => (/^\d+$/.test(v) ? Number(v) : v);
const FIXED = new Date(Date.UTC(2023, 11, 13));
const SAMPLE_EXPECTED = '../../hoi-nghi-huyen/expected.json';

function folder(name, readme, cases) {
  const d = join(corpus, name);
  rmSync(d, { recursive: true, force: true });
  mkdirSync(d, { recursive: true });
  writeFileSync(join(d, 'README.md'), `${readme.trim()}\n`);
  writeFileSync(join(d, 'cases.json'), `${JSON.stringify(cases, null, 2)}\n`);
  return d;
}

function workbook() {
  const wb = new ExcelJS.Workbook();
  wb.created = FIXED;
  wb.modified = FIXED;
  return wb;
}

// --- A clerk's messy workbook ------------------------------------------------------------------
async function messy() {
  const d = folder(
    'messy-workbook',
    `
# A clerk's messy workbook

The sample session as a hand-made workbook: titles above the tables, a two-row header on the
ballot sheet ("Số phiếu" and "Phiếu không hợp lệ" merged down two rows, "Họ và tên người
được lấy phiếu" merged across the leaders), an empty spacer column between two leaders,
ballot numbers as formulas with their computed values, some codes typed as text, some with
non-breaking or stray spaces, STT and counts stored as text, a blank row between ballots 20
and 21, and a "Tổng cộng" row at the bottom. The result is the sample's. Rows of the ballot
sheet, worked out by hand: 2 titles (row 1, row 3) + 1 blank (row 2) + 1 header (row 4) +
41 ballots + 1 blank (row 25) + 1 total (row 47) = 47 rows read.
`,
    [{ args: ['so-tay.xlsx'], exit: 0, expected: 'expected.json' }],
  );
  const wb = workbook();
  const roster = wb.addWorksheet('Danh sách');
  roster.addRow(['DANH SÁCH CÁN BỘ ĐƯỢC LẤY PHIẾU TÍN NHIỆM']);
  roster.addRow([]);
  csv('danh-sach.csv').forEach((row, i) => {
    // STT as text, and a name with a non-breaking space and a trailing space.
    roster.addRow(row.map((v, j) => (i === 2 && j === 2 ? v.replace(' ', '\u00a0') + ' ' : v)));
  });
  const session = wb.addWorksheet('Hội nghị');
  session.addRow(['THÔNG TIN HỘI NGHỊ']);
  for (const [k, v] of csv('hoi-nghi.csv')) {
    if (k === 'Số người có mặt') session.addRow([]);
    session.addRow([k, k === 'Ngày' ? FIXED : v]);
  }
  const ballots = wb.addWorksheet('Phiếu');
  const rows = csv('phieu.csv');
  const names = rows[0].slice(2);
  const spacer = 5; // an empty column after the fifth leader
  const layout = (cells) => [...cells.slice(0, 2 + spacer), null, ...cells.slice(2 + spacer)];
  const width = names.length + 3;
  ballots.addRow(['BẢNG NHẬP PHIẾU TÍN NHIỆM']);
  ballots.mergeCells(1, 1, 1, width);
  ballots.addRow([]);
  ballots.addRow(['Số phiếu', 'Phiếu không hợp lệ', 'Họ và tên người được lấy phiếu']);
  ballots.addRow(layout([null, null, ...names]));
  ballots.mergeCells(3, 1, 4, 1);
  ballots.mergeCells(3, 2, 4, 2);
  ballots.mergeCells(3, 3, 3, width);
  rows.slice(1).forEach((r, i) => {
    if (i === 20) ballots.addRow([]);
    const n = Number(r[0]);
    const codes = r.slice(2).map((v, j) => {
      if (v === '') return null;
      if ((i + j) % 7 === 0) return v; // typed as text
      if ((i + j) % 11 === 0) return ` ${v}\u00a0`; // stray and non-breaking spaces
      return asNumber(v);
    });
    const number = i > 0 ? { formula: `A${ballots.rowCount}+1`, result: n } : n;
    ballots.addRow(layout([number, r[1] === '' ? null : r[1], ...codes]));
  });
  const last = ballots.rowCount;
  const totals = names.map(() => ({ formula: `COUNTA(C5:C${last})`, result: 41 }));
  ballots.addRow(layout(['Tổng cộng', null, ...totals]));
  await wb.xlsx.writeFile(join(d, 'so-tay.xlsx'));
  const expected = JSON.parse(readFileSync(join(sample, 'expected.json'), 'utf8'));
  expected.problems = [{ code: 'empty-row', severity: 'warning', row: 25 }, { code: 'non-ballot-row', severity: 'warning', row: 47, value: 'Tổng cộng' }];
  expected.rows = [{ sheet: 'Phiếu', rowsRead: 47, countedRows: 41, ballots: 41, rowsWithErrors: 0, nonBallot: { title: 2, header: 1, empty: 2, total: 1 }, rejected: 0 }];
  writeFileSync(join(d, 'expected.json'), `${JSON.stringify(expected, null, 2)}\n`);
}

// --- A formula that was never computed ----------------------------------------------------------
async function formulaWithoutValue() {
  const d = folder(
    'formula-no-value',
    `
# A formula without a computed value

The sample workbook with cell E10 (Lê Văn Hưng, ballot 7) holding a formula that no program
computed (a file written by a tool, never opened in Excel): refused with the cell, never read
as a blank.
`,
    [{ args: ['cong-thuc.xlsx'], exit: 1, expected: 'expected.json' }],
  );
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(join(sample, 'hoi-nghi-huyen.xlsx'));
  wb.getWorksheet('Phiếu').getCell('E10').value = { formula: 'IF(1>0,1,2)' };
  await wb.xlsx.writeFile(join(d, 'cong-thuc.xlsx'));
  writeFileSync(join(d, 'expected.json'), `${JSON.stringify({ cadres: [], problems: [{ code: 'bad-cell', sheet: 'Phiếu', cell: 'E10', value: '=IF(1>0,1,2)' }] }, null, 2)}\n`);
}

// --- A workbook saved under a .csv name -----------------------------------------------------------
function xlsxAsCsv() {
  const d = folder(
    'xlsx-named-csv',
    `
# A workbook saved under a .csv name

The sample workbook renamed to \`hoi-nghi-huyen.csv\`: recognised by its content (a zip
container) and read as a workbook. The result is the sample's.
`,
    [{ args: ['hoi-nghi-huyen.csv'], exit: 0, expected: SAMPLE_EXPECTED }],
  );
  copyFileSync(join(sample, 'hoi-nghi-huyen.xlsx'), join(d, 'hoi-nghi-huyen.csv'));
}

// --- Two ballot types, one person voted on in both ---------------------------------------------
async function severalTypes() {
  const d = folder(
    'several-ballot-types',
    `
# Two ballot types in one session

Ballot type A (the party committee, 10 convened, 9 present, 9 ballots) votes on Nguyễn Văn An
and Trần Thị Bình; ballot type B (the People's Council's standing members, 6 convened, 5
present, 5 ballots) votes on Trần Thị Bình (same id T02: two places) and Lê Văn Cường. Each
type has its sheet ("Phiếu A", "Phiếu B") and its counts in the session sheet's third column.
Worked by hand:

| type, leader | high | conf. | low | T | percentages | band |
|---|---|---|---|---|---|---|
| A, Nguyễn Văn An | 6 | 2 | 1 | 9 | 66.67 / 22.22 / 11.11 | none |
| A, Trần Thị Bình | 3 | 1 | 5 | 9 | 33.33 / 11.11 / 55.56 | review (10 > 9, 15 < 18) |
| B, Trần Thị Bình | 4 | 1 | 0 | 5 | 80.00 / 20.00 / 0.00 | none |
| B, Lê Văn Cường | 1 | 1 | 3 | 5 | 20.00 / 20.00 / 60.00 | review (6 > 5, 9 < 10) |

Quorum A 9/10 (required 7), B 5/6 (required 4). The two results for Trần Thị Bình are shown
separately, never added. \`hoi-nghi-thieu.csv\` gives no ballots issued for B: refused, saying
how to give it per type. \`phieu-a.csv\` and \`phieu-b.csv\` hold the same ballots as two files
whose \`Loại phiếu\` column names their type (roster and session from the workbook).
`,
    [
      { args: ['nhieu-loai-phieu.xlsx'], exit: 0, expected: 'expected.json' },
      { args: ['nhieu-loai-phieu.xlsx', '--session', 'hoi-nghi-thieu.csv'], exit: 1, expected: 'expected-missing.json' },
      { args: ['phieu-a.csv', 'phieu-b.csv', '--roster', 'nhieu-loai-phieu.xlsx', '--session', 'nhieu-loai-phieu.xlsx'], exit: 0, expected: 'expected.json' },
    ],
  );
  const wb = workbook();
  const roster = wb.addWorksheet('Danh sách');
  [['STT', 'Mã', 'Họ và tên', 'Chức vụ', 'Loại phiếu'], [1, 'T01', 'Nguyễn Văn An', 'Bí thư Đảng ủy', 'A'], [2, 'T02', 'Trần Thị Bình', 'Phó Bí thư Đảng ủy', 'A'],
    [1, 'T02', 'Trần Thị Bình', 'Chủ tịch HĐND', 'B'], [2, 'T03', 'Lê Văn Cường', 'Phó Chủ tịch HĐND', 'B']].forEach((r) => roster.addRow(r));
  const session = wb.addWorksheet('Hội nghị');
  const sessionRows = [['Mục', 'Giá trị', 'Loại phiếu'], ['Tên hội nghị', 'Hội nghị lấy phiếu tín nhiệm xã Hòa Bình'], ['Ngày', '05/12/2023'],
    ['Số người được triệu tập', 10], ['Số người có mặt', 9], ['Số phiếu phát ra', 9, 'A'], ['Số phiếu thu về', 9, 'A'],
    ['Số người được triệu tập', 6, 'B'], ['Số người có mặt', 5, 'B'], ['Số phiếu phát ra', 5, 'B'], ['Số phiếu thu về', 5, 'B']];
  sessionRows.forEach((r) => session.addRow(r));
  const a = wb.addWorksheet('Phiếu A');
  [['Số phiếu', 'Nguyễn Văn An', 'Trần Thị Bình'], [1, 1, 3], [2, 1, 3], [3, 1, 3], [4, 1, 3], [5, 1, 3], [6, 1, 1], [7, 2, 1], [8, 2, 1], [9, 3, 2]].forEach((r) => a.addRow(r));
  const b = wb.addWorksheet('Phiếu B');
  [['Số phiếu', 'Trần Thị Bình', 'Lê Văn Cường'], [1, 1, 3], [2, 1, 3], [3, 1, 3], [4, 1, 1], [5, 2, 2]].forEach((r) => b.addRow(r));
  await wb.xlsx.writeFile(join(d, 'nhieu-loai-phieu.xlsx'));
  const toCsv = (rows, type) => `${rows.map((r, i) => [...r, i === 0 ? 'Loại phiếu' : type].join(',')).join('\r\n')}\r\n`;
  writeFileSync(join(d, 'phieu-a.csv'), toCsv([['Số phiếu', 'Nguyễn Văn An', 'Trần Thị Bình'], [1, 1, 3], [2, 1, 3], [3, 1, 3], [4, 1, 3], [5, 1, 3], [6, 1, 1], [7, 2, 1], [8, 2, 1], [9, 3, 2]], 'A'));
  writeFileSync(join(d, 'phieu-b.csv'), toCsv([['Số phiếu', 'Trần Thị Bình', 'Lê Văn Cường'], [1, 1, 3], [2, 1, 3], [3, 1, 3], [4, 1, 1], [5, 2, 2]], 'B'));
  const missing = sessionRows.filter((r) => !(r[0] === 'Số phiếu phát ra' && r[2] === 'B'));
  writeFileSync(join(d, 'hoi-nghi-thieu.csv'), `${missing.map((r) => r.join(',')).join('\r\n')}\r\n`);
  const cadre = (id, name, type, high, confidence, low, T, pct, band) => ({
    id, name, ballotType: type, high, confidence, low, valid: high + confidence + low, invalid: T - high - confidence - low, denominator: T,
    percent: { high: pct[0], confidence: pct[1], low: pct[2] }, band, flagged: band !== 'none',
  });
  writeFileSync(join(d, 'expected.json'), `${JSON.stringify({
    ballotTypes: [
      { id: 'A', convened: 10, present: 9, issued: 9, returned: 9, denominator: { basis: 'returned', value: 9 } },
      { id: 'B', convened: 6, present: 5, issued: 5, returned: 5, denominator: { basis: 'returned', value: 5 } },
    ],
    cadres: [
      cadre('T01', 'Nguyễn Văn An', 'A', 6, 2, 1, 9, [66.67, 22.22, 11.11], 'none'),
      cadre('T02', 'Trần Thị Bình', 'A', 3, 1, 5, 9, [33.33, 11.11, 55.56], 'review'),
      cadre('T02', 'Trần Thị Bình', 'B', 4, 1, 0, 5, [80, 20, 0], 'none'),
      cadre('T03', 'Lê Văn Cường', 'B', 1, 1, 3, 5, [20, 20, 60], 'review'),
    ],
    problems: [],
  }, null, 2)}\n`);
  writeFileSync(join(d, 'expected-missing.json'), `${JSON.stringify({ cadres: [], problems: [{ code: 'missing-session-value' }] }, null, 2)}\n`);
}

await messy();
await formulaWithoutValue();
xlsxAsCsv();
await severalTypes();
