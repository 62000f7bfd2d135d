// Builds fixtures/hoi-nghi-huyen/hoi-nghi-huyen.xlsx from the CSV files beside it, shaped
// as a clerk's workbook: a title row above the ballot table, codes typed as numbers, the
// date as a real date cell. Uses exceljs only, none of tally's code.
// Run: node scripts/make-sample-workbook.mjs
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';
import ExcelJS from 'exceljs';
import { parse } from 'csv-parse/sync';

const dir = join(dirname(fileURLToPath(import.meta.url)), '..', 'fixtures', 'hoi-nghi-huyen');
const csv = (name) => parse(readFileSync(join(dir, name)), { bom: true, relax_column_count: true });
const asNumber = (v) => (/^\d+$/.test(v) ? Number(v) : v);

const wb = new ExcelJS.Workbook();
wb.creator = 'tally sample';
wb.created = new Date(Date.UTC(2023, 11, 13));
wb.modified = wb.created;

const roster = wb.addWorksheet('Danh sách');
for (const row of csv('danh-sach.csv')) roster.addRow(row.map(asNumber));
roster.columns = [{ width: 6 }, { width: 8 }, { width: 24 }, { width: 42 }, { width: 24 }];

const session = wb.addWorksheet('Hội nghị');
for (const [key, value] of csv('hoi-nghi.csv')) {
  if (key === 'Ngày') session.addRow([key, new Date(Date.UTC(2023, 11, 13))]).getCell(2).numFmt = 'dd/mm/yyyy';
  else session.addRow([key, asNumber(value)]);
}
session.columns = [{ width: 28 }, { width: 70 }];

const ballots = wb.addWorksheet('Phiếu');
const rows = csv('phieu.csv');
ballots.addRow(['PHIẾU TÍN NHIỆM — BẢNG NHẬP LIỆU (mỗi dòng một phiếu; 1 = tín nhiệm cao, 2 = tín nhiệm, 3 = tín nhiệm thấp)']);
ballots.mergeCells(1, 1, 1, rows[0].length);
ballots.addRow([]);
ballots.addRow(rows[0]);
for (const row of rows.slice(1)) ballots.addRow(row.map((v, i) => (i === 1 ? v : asNumber(v))).map((v) => (v === '' ? null : v)));
ballots.getRow(3).font = { bold: true };
ballots.views = [{ state: 'frozen', ySplit: 3, xSplit: 2 }];

await wb.xlsx.writeFile(join(dir, 'hoi-nghi-huyen.xlsx'));

