// Builds fixtures/archive/ (see scripts/make_archive.py, which it runs first): the 2023
// workbook with its Kết quả sheet, the 2024 commune workbook, and the 2025 summary written by
// tally itself — after which that session's ballots are edited, as if someone changed them.
// Run: npm run build && node scripts/make-archive-workbooks.mjs
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const archive = join(root, 'fixtures', 'archive');
execFileSync('python3', [join(root, 'scripts', 'make_archive.py')], { stdio: 'inherit' });
const BAND_VI = { none: 'Không', review: 'Trên 50% đến dưới 2/3 phiếu tín nhiệm thấp', dismissal: 'Từ 2/3 phiếu tín nhiệm thấp trở lên' };
const FIXED = new Date(Date.UTC(2023, 11, 13));

// 2023: the sample workbook, with the figures recorded at the time.
{
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(join(root, 'fixtures', 'hoi-nghi-huyen', 'hoi-nghi-huyen.xlsx'));
  const expected = JSON.parse(readFileSync(join(root, 'fixtures', 'hoi-nghi-huyen', 'expected.json'), 'utf8'));
  const ws = wb.addWorksheet('Kết quả');
  ws.addRow(['Mã', 'Họ và tên', 'Tín nhiệm cao', 'Tín nhiệm', 'Tín nhiệm thấp', '% tín nhiệm cao', '% tín nhiệm', '% tín nhiệm thấp', 'Mức']);
  for (const c of expected.cadres) {
    const row = ws.addRow([c.id, c.name, c.high, c.confidence, c.low, c.percent.high / 100, c.percent.confidence / 100, c.percent.low / 100, BAND_VI[c.band]]);
    for (const i of [6, 7, 8]) row.getCell(i).numFmt = '0.00%';
  }
  wb.created = FIXED;
  wb.modified = FIXED;
  await wb.xlsx.writeFile(join(archive, '2023', 'hoi-nghi-huyen.xlsx'));
}

// 2024: the commune session of fixtures/corpus/formscanner, typed as a workbook.
{
  const corpus = join(root, 'fixtures', 'corpus');
  const letters = { A: '1', B: '2', C: '3' };
  const csv = (p, sep = ',') => readFileSync(p, 'utf8').trim().split(/\r?\n/).map((l) => l.split(sep));
  const wb = new ExcelJS.Workbook();
  const roster = wb.addWorksheet('Danh sách');
  csv(join(corpus, 'omrchecker', 'danh-sach.csv')).forEach((r) => roster.addRow(r));
  const session = wb.addWorksheet('Hội nghị');
  csv(join(corpus, 'omrchecker', 'hoi-nghi.csv')).forEach((r) => session.addRow(r[0] === 'Ngày' ? [r[0], '20/11/2024'] : [r[0], /^\d+$/.test(r[1]) ? Number(r[1]) : r[1]]));
  const ballots = wb.addWorksheet('Phiếu');
  const sheets = csv(join(corpus, 'formscanner', 'ket-qua.csv'), ';');
  ballots.addRow(['Số phiếu', 'Võ Thị Sáu', 'Lâm Văn Bền', 'Kim Thị Đào', 'Đinh Công Tráng']);
  sheets.slice(1).forEach((r, i) => ballots.addRow([i + 1, ...r.slice(1).map((a) => (a === '' ? null : a.split('|').map((x) => letters[x]).join('')))]));
  const expected = JSON.parse(readFileSync(join(corpus, 'formscanner', 'expected.json'), 'utf8'));
  const results = wb.addWorksheet('Kết quả');
  results.addRow(['STT', 'Họ và tên', 'Tín nhiệm cao', 'Tín nhiệm', 'Tín nhiệm thấp']);
  expected.cadres.forEach((c, i) => results.addRow([i + 1, c.name, c.high, c.confidence, c.low]));
  wb.created = FIXED;
  wb.modified = FIXED;
  await wb.xlsx.writeFile(join(archive, '2024', 'xa-tan-lap.xlsx'));
}

// 2025: tally writes the summary; afterwards one ballot cell is changed.
{
  const dir = join(archive, '2025', 'huyen');
  execFileSync(process.execPath, [join(root, 'bin', 'tally.js'), 'phieu.csv', '--roster', 'danh-sach.csv', '--session', 'hoi-nghi.csv', '-o', 'tong-hop.xlsx'], { cwd: dir, stdio: 'ignore' });
  const lines = readFileSync(join(dir, 'phieu.csv'), 'utf8').split('\r\n');
  const col = lines[0].split(',').indexOf('Bùi Thị Thu Hà');
  const i = lines.findIndex((l, k) => k > 0 && l.split(',')[col] === '1');
  const cells = lines[i].split(',');
  cells[col] = '3';
  lines[i] = cells.join(',');
  writeFileSync(join(dir, 'phieu.csv'), lines.join('\r\n'));
  console.log(`edited ballot ${cells[0]} of 2025/huyen after the summary`);
}
