// The four report files on the sample session: written, read back cell by cell, deterministic.
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync, copyFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { parse } from 'csv-parse/sync';
import { beforeAll, describe, expect, it } from 'vitest';
import { SAMPLE, sampleCopy, tally } from '../cli/run.js';
import { zipEntries } from '../zip.js';

const WORKBOOK = join(SAMPLE, 'hoi-nghi-huyen.xlsx');
const expected = JSON.parse(readFileSync(join(SAMPLE, 'expected.json'), 'utf8')) as {
  cadres: { stt: number; name: string; position: string; high: number; confidence: number; low: number; valid: number; invalid: number; percent: { high: number; confidence: number; low: number }; band: string; flagged: boolean }[];
};

function freshDir(): string {
  return mkdtempSync(join(tmpdir(), 'tally-out-'));
}

async function writeAll(dir: string, extra: string[] = []) {
  const files = ['tong-hop.xlsx', 'tong-hop.csv', 'tong-hop.json', 'tong-hop.html'].map((f) => join(dir, f));
  const r = await tally([WORKBOOK, ...files.flatMap((f) => ['-o', f]), ...extra]);
  return { r, files };
}

describe('-o on the sample session', () => {
  let dir: string;
  let files: string[];
  let stdout: string;
  beforeAll(async () => {
    dir = freshDir();
    const w = await writeAll(dir);
    expect(w.r.code).toBe(0);
    files = w.files;
    stdout = w.r.stdout;
  });

  it('writes all four files and leaves no temporary file behind', () => {
    for (const f of files) expect(existsSync(f)).toBe(true);
    expect(readdirSync(dir).sort()).toEqual(['tong-hop.csv', 'tong-hop.html', 'tong-hop.json', 'tong-hop.xlsx']);
    expect(stdout).toContain('Đặng Quốc Bảo');
  });

  it('the XLSX summary holds numbers as numbers and percentages as percent-formatted numbers', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(files[0] as string);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Tổng hợp', 'Cần xem xét', 'Không hợp lệ', 'Kiểm tra']);
    const ws = wb.getWorksheet('Tổng hợp') as ExcelJS.Worksheet;
    // Find the data rows by the STT column.
    const rows: ExcelJS.Row[] = [];
    ws.eachRow((row) => {
      if (typeof row.getCell(1).value === 'number') rows.push(row);
    });
    expect(rows).toHaveLength(expected.cadres.length);
    rows.forEach((row, i) => {
      const e = expected.cadres[i];
      if (e === undefined) throw new Error('row without expectation');
      expect(row.getCell(1).value).toBe(e.stt);
      expect(row.getCell(2).value).toBe(e.name);
      expect(row.getCell(3).value).toBe(e.position);
      // One ballot type: no ballot-type column, so valid is column D.
      expect([4, 5, 6, 8, 10].map((c) => row.getCell(c).value)).toEqual([e.valid, e.invalid, e.high, e.confidence, e.low]);
      for (const [col, level] of [[7, 'high'], [9, 'confidence'], [11, 'low']] as const) {
        expect(row.getCell(col).numFmt).toBe('0.00%');
        expect(row.getCell(col).value).toBeCloseTo(e.percent[level] / 100, 10);
      }
      const fill = row.getCell(2).fill as ExcelJS.FillPattern | undefined;
      expect(fill?.fgColor?.argb === 'FFFCE4D6').toBe(e.flagged);
    });
    const flagged = rows[6] as ExcelJS.Row;
    expect(flagged.getCell(12).value).toBe('Trên 50% đến dưới 2/3 phiếu tín nhiệm thấp');
    expect(String(flagged.getCell(13).value)).toMatch(/^Cấp có thẩm quyền đưa ra khỏi quy hoạch chức vụ cao hơn/);
    // No band is a dash: "Không" would read as "no confidence".
    expect(rows[0]?.getCell(12).value).toBe('—');
    // Title block, print set-up, frozen panes.
    const texts: string[] = [];
    ws.eachRow((row) => row.eachCell((c) => texts.push(String(c.value))));
    for (const t of ['HUYỆN ỦY TÂN LẬP', 'KẾT QUẢ LẤY PHIẾU TÍN NHIỆM', 'Quy định 96-QĐ/TW (2023)', 'số phiếu thu về = 41', 'Tân Lập, ngày 13 tháng 12 năm 2023', 'ĐẢNG CỘNG SẢN VIỆT NAM', 'Số     -BB/BKP', 'T/M BAN KIỂM PHIẾU', 'TRƯỞNG BAN', 'CÁC THÀNH VIÊN', 'Nguyễn Thị Hòa', 'Lê Quang Vinh', 'Phạm Thị Thảo']) {
      expect(texts).toContain(t);
    }
    expect(texts.some((t) => t.startsWith('42/45 người được triệu tập (cần ít nhất 30)'))).toBe(true);
    expect(texts).toContain('Phát ra 42, thu về 41, hợp lệ 40, không hợp lệ cả phiếu 1');
    expect(ws.pageSetup).toMatchObject({ paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 });
    expect(ws.pageSetup.printTitlesRow).toMatch(/^\$?\d+:\$?\d+$/);
    expect(ws.views[0]).toMatchObject({ state: 'frozen', xSplit: 2 });
    // No hidden column: nothing holds the internal type name.
    for (let c = 1; c <= 13; c++) expect(ws.getColumn(c).hidden).toBe(false);
    expect(texts).not.toContain('default');
    for (const sheet of wb.worksheets) sheet.eachRow((row) => row.eachCell((c) => expect(c.font?.name, `${sheet.name}!${c.address}`).toBe('Times New Roman')));
  });

  it('the XLSX lists flagged leaders, invalid ballots and lines, and an audit with the input hash', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(files[0] as string);
    const values = (name: string) => {
      const out: unknown[][] = [];
      (wb.getWorksheet(name) as ExcelJS.Worksheet).eachRow((row) => out.push((row.values as unknown[]).slice(1)));
      return out;
    };
    const flagged = values('Cần xem xét').filter((r) => typeof r[0] === 'number');
    expect(flagged).toHaveLength(1);
    expect(flagged[0]?.slice(0, 2)).toEqual([7, 'Đặng Quốc Bảo']);
    expect(flagged[0]?.[3]).toBe(23);
    const invalid = values('Không hợp lệ').filter((r) => typeof r[0] === 'number').map((r) => [null, ...r]);
    // Void ballot 17, then the seven invalid lines of scripts/sample_session.py in ballot order.
    expect(invalid.map((r) => [r[1], r[2]])).toEqual([
      [17, 'Ghi thêm tên người vào phiếu'],
      [5, 'Lý Thị Ngọc'],
      [8, 'Vũ Đức Thắng'],
      [12, 'Đặng Quốc Bảo'],
      [22, 'Phạm Minh Tuấn'],
      [26, 'Nguyễn Văn Hùng'],
      [30, 'Mai Xuân Trường'],
      [33, 'Đỗ Văn Long'],
    ]);
    expect(invalid.find((r) => r[1] === 12)?.[3]).toBe('Gạch tên');
    const audit = values('Kiểm tra').flat().map(String);
    expect(audit).toContain('tally 0.1.0');
    const sha = createHash('sha256').update(readFileSync(WORKBOOK)).digest('hex');
    expect(audit).toContain(sha);
    // The audit sheet is in words, and hidden: printing the workbook leaves it out.
    expect(audit).toContain('Quy định áp dụng');
    expect(audit).toContain('Quy định 96-QĐ/TW (2023)');
    expect(audit).not.toContain('party-96');
    expect(audit).not.toContain('false');
    expect(audit).not.toContain('default');
    expect(wb.getWorksheet('Kiểm tra')?.state).toBe('hidden');
    expect(wb.getWorksheet('Tổng hợp')?.state).toBe('visible');
    expect(audit.some((v) => /^[0-9a-f]{64}$/.test(v) && v !== sha)).toBe(true); // the normalised-input digest
  });

  it('the CSV has a BOM, stable columns and the same figures', () => {
    const bytes = readFileSync(files[1] as string);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const all = parse(bytes, { bom: true, columns: true }) as Record<string, string>[];
    // The last row is the generator line: how a later run knows this tool wrote the file.
    expect(all.at(-1)?.['ballot_type']).toMatch(/^# tally sha256:[0-9a-f]{64}$/);
    const rows = all.slice(0, -1);
    expect(Object.keys(rows[0] ?? {})).toEqual([
      'ballot_type', 'stt', 'id', 'name', 'position', 'unit', 'valid', 'invalid', 'high', 'high_pct', 'confidence', 'confidence_pct', 'low', 'low_pct',
      'denominator_basis', 'denominator', 'band', 'flagged', 'notes', 'action',
    ]);
    expect(rows.map((r) => [r['name'], Number(r['low']), r['low_pct'], r['band']])).toEqual(
      expected.cadres.map((c) => [c.name, c.low, c.percent.low.toFixed(2), c.band]),
    );
  });

  it('the JSON file is the --json document, with its generator line', async () => {
    const r = await tally([WORKBOOK, '--json']);
    const text = readFileSync(files[2] as string, 'utf8');
    expect(text.split('\n')[1]).toMatch(/^ {2}"generator": "tally sha256:[0-9a-f]{64}",$/);
    expect(text.replace(/\n {2}"generator": [^\n]*/, '')).toBe(r.stdout);
  });

  it('the HTML is self-contained and carries the names, figures, flag and signatures', () => {
    const html = readFileSync(files[3] as string, 'utf8');
    expect(html).not.toMatch(/<link\b|<script\b|<img\b|url\(|https?:\/\//i);
    expect(html).toContain('<html lang="vi">');
    expect(html).toContain('Đặng Quốc Bảo');
    expect(html).toContain('56,10%');
    expect(html).toMatch(/<tr class="flagged">[^]*?Đặng Quốc Bảo/);
    expect((html.match(/<tr class="flagged">/g) ?? []).length).toBe(1);
    expect(html).toContain('class="threshold" style="left:calc(100% * 1 / 2)"');
    expect(html).toContain('class="threshold" style="left:calc(100% * 2 / 3)"');
    expect(html).toContain('T/M BAN KIỂM PHIẾU');
    expect(html).toContain('Tân Lập, ngày 13 tháng 12 năm 2023');
    expect(html).toContain('ĐẢNG CỘNG SẢN VIỆT NAM');
    // The low share first: it starts every bar, where the ½ and ⅔ marks measure it.
    expect(html).toMatch(/<div class="bar"><span class="low" style="flex:23 0 0"><\/span><span class="confidence" style="flex:10 0 0"><\/span><span class="high" style="flex:6 0 0">/);
    expect(html).toContain('@page { size: A4 landscape; margin: 0; }');
  });

  it('re-running gives byte-identical JSON, CSV and HTML, and an XLSX with identical content', async () => {
    const again = freshDir();
    const w = await writeAll(again);
    expect(w.r.code).toBe(0);
    for (const i of [1, 2, 3]) expect(readFileSync(w.files[i] as string)).toEqual(readFileSync(files[i] as string));
    const a = zipEntries(readFileSync(files[0] as string));
    const b = zipEntries(readFileSync(w.files[0] as string));
    expect([...b.keys()].sort()).toEqual([...a.keys()].sort());
    for (const [name, content] of a) expect(b.get(name)?.equals(content), name).toBe(true);
    expect(a.get('docProps/core.xml')?.toString()).toContain('2023-12-13T00:00:00Z');
  });

  it('writes English reports with --lang en', async () => {
    const d = freshDir();
    const r = await tally([WORKBOOK, '--lang', 'en', '-o', join(d, 's.xlsx'), '-o', join(d, 's.html')]);
    expect(r.code).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(join(d, 's.xlsx'));
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Summary', 'Flagged', 'Invalid', 'Audit']);
    expect(readFileSync(join(d, 's.html'), 'utf8')).toContain('56.10%');
  });
});

describe('the exactly-two-thirds note', () => {
  it('marks the leader at exactly 2/3 and prints the note, in the workbook and the page', async () => {
    const scenario = join(SAMPLE, '..', 'scenarios', 'ranh-gioi-t30');
    const d = freshDir();
    const r = await tally([join(scenario, 'phieu.csv'), '--roster', join(scenario, 'danh-sach.csv'), '--session', join(scenario, 'hoi-nghi.csv'), '-o', join(d, 'a.xlsx'), '-o', join(d, 'a.html')]);
    expect(r.code).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(join(d, 'a.xlsx'));
    const texts: string[] = [];
    wb.getWorksheet('Tổng hợp')?.eachRow((row) => row.eachCell((c) => texts.push(String(c.value))));
    expect(texts).toContain('Từ 2/3 phiếu tín nhiệm thấp trở lên (*)');
    expect(texts.filter((t) => t.endsWith('(*)'))).toHaveLength(1);
    expect(texts.some((t) => t.startsWith("(*) Đúng 2/3: thuộc mức 'từ 2/3 trở lên' theo Quy định 96"))).toBe(true);
    const html = readFileSync(join(d, 'a.html'), 'utf8');
    expect(html).toContain('Từ 2/3 phiếu tín nhiệm thấp trở lên (*)');
    expect(html).toContain('Quy định 41-QĐ/TW (2021) ghi &#39;trên 2/3&#39;');
  });
});

describe('safe writing', () => {
  it('refuses to overwrite an input, touching nothing', async () => {
    const { dir, args } = sampleCopy();
    const roster = join(dir, 'danh-sach.csv');
    const before = readFileSync(roster);
    const out = join(dir, 'ok.xlsx');
    const r = await tally([...args, '-o', out, '-o', roster.replace('danh-sach', 'DANH-SACH').replace(/DANH-SACH/, process.platform === 'linux' ? 'danh-sach' : 'DANH-SACH')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('đây là một tệp đầu vào; không ghi đè');
    expect(readFileSync(roster)).toEqual(before);
    expect(existsSync(out)).toBe(false);
  });

  it('creates no missing folder', async () => {
    const dir = freshDir();
    const r = await tally([WORKBOOK, '-o', join(dir, 'khong-co', 'tong-hop.xlsx')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('không tồn tại; hãy tạo thư mục trước');
    expect(readdirSync(dir)).toEqual([]);
  });

  it('refuses an unknown format, and the same output twice', async () => {
    const dir = freshDir();
    expect((await tally([WORKBOOK, '-o', join(dir, 'a.pdf')])).code).toBe(2);
    expect((await tally([WORKBOOK, '-o', join(dir, 'a.csv'), '-o', join(dir, 'a.csv')])).code).toBe(2);
    expect(readdirSync(dir)).toEqual([]);
  });

  it('writes nothing when the data has errors', async () => {
    const { dir, args } = sampleCopy({ 'phieu.csv': (t) => t.replace('\n5,,', '\n5,,x') });
    const out = join(dir, 'tong-hop.xlsx');
    const r = await tally([...args, '-o', out]);
    expect(r.code).toBe(1);
    expect(existsSync(out)).toBe(false);
  });

  it('writes the reports, headed as without effect, when only the quorum fails', async () => {
    const { dir, args } = sampleCopy({ 'hoi-nghi.csv': (t) => t.replace('Số người được triệu tập,45', 'Số người được triệu tập,64') });
    const r = await tally([...args, '-o', join(dir, 'a.html'), '-o', join(dir, 'a.xlsx')]);
    expect(r.code).toBe(1);
    expect(readFileSync(join(dir, 'a.html'), 'utf8')).toContain('kết quả không có giá trị');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(join(dir, 'a.xlsx'));
    const texts: string[] = [];
    wb.getWorksheet('Tổng hợp')?.eachRow((row) => row.eachCell((c) => texts.push(String(c.value))));
    expect(texts).toContain('Hội nghị không đủ 2/3 số người được triệu tập có mặt — kết quả không có giá trị');
  });

  it('never lets a text cell become a formula', async () => {
    const { dir, args } = sampleCopy({ 'danh-sach.csv': (t) => t.replace('Bí thư Huyện đoàn', '"=HYPERLINK(""http://x"",""Bí thư"")"').replace('Trưởng Công an huyện', '@SUM(1)') });
    const r = await tally([...args, '-o', join(dir, 'a.csv'), '-o', join(dir, 'a.xlsx')]);
    expect(r.code).toBe(0);
    const csv = readFileSync(join(dir, 'a.csv'), 'utf8');
    expect(csv).toContain(`"'=HYPERLINK(""http://x"",""Bí thư"")"`);
    expect(csv).toContain(",'@SUM(1),");
    const sheet = zipEntries(readFileSync(join(dir, 'a.xlsx'))).get('xl/worksheets/sheet1.xml')?.toString() ?? '';
    expect(sheet).not.toContain('<f>');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(join(dir, 'a.xlsx'));
    const cells: ExcelJS.Cell[] = [];
    wb.getWorksheet('Tổng hợp')?.eachRow((row) => row.eachCell((c) => cells.push(c)));
    const hostile = cells.find((c) => String(c.value).startsWith('=HYPERLINK'));
    expect(hostile?.type).toBe(ExcelJS.ValueType.String);
  });
});

describe('tally template', () => {
  it('gives a workbook that, typed in with the sample ballots, tallies to the expected result', async () => {
    const dir = freshDir();
    const out = join(dir, 'mau.xlsx');
    const t = await tally(['template', '-o', out, '--roster', join(SAMPLE, 'danh-sach.csv'), '--ballots', '41']);
    expect(t.code).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Hướng dẫn', 'Danh sách', 'Hội nghị', 'Phiếu']);
    // Type the session values and the ballots in, as a clerk would.
    const session = wb.getWorksheet('Hội nghị') as ExcelJS.Worksheet;
    const values = Object.fromEntries((parse(readFileSync(join(SAMPLE, 'hoi-nghi.csv')), { bom: true }) as string[][]).slice(1).map(([k, v]) => [k, v]));
    session.eachRow((row) => {
      const key = String(row.getCell(1).value);
      const v = values[key];
      if (v !== undefined) row.getCell(2).value = /^\d+$/.test(v) ? Number(v) : v;
    });
    const ballots = wb.getWorksheet('Phiếu') as ExcelJS.Worksheet;
    const typed = parse(readFileSync(join(SAMPLE, 'phieu.csv')), { bom: true }) as string[][];
    expect((ballots.getRow(1).values as unknown[]).slice(1)).toEqual(typed[0]);
    typed.slice(1).forEach((cells, i) => {
      const row = ballots.getRow(i + 2);
      expect(row.getCell(1).value).toBe(i + 1);
      cells.slice(1).forEach((v, j) => {
        if (v !== '') row.getCell(j + 2).value = /^\d+$/.test(v) ? Number(v) : v;
      });
    });
    const filled = join(dir, 'da-nhap.xlsx');
    await wb.xlsx.writeFile(filled);
    const r = await tally([filled, '--json']);
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout);
    const exp = JSON.parse(readFileSync(join(SAMPLE, 'expected.json'), 'utf8'));
    expect(doc.cadres.map((c: { name: string; high: number; confidence: number; low: number; band: string }) => [c.name, c.high, c.confidence, c.low, c.band])).toEqual(
      exp.cadres.map((c: { name: string; high: number; confidence: number; low: number; band: string }) => [c.name, c.high, c.confidence, c.low, c.band]),
    );
  });

  it('limits ballot cells to the allowed codes and freezes the header', async () => {
    const dir = freshDir();
    const out = join(dir, 'mau.xlsx');
    expect((await tally(['template', '-o', out, '--roster', join(SAMPLE, 'danh-sach.csv')])).code).toBe(0);
    const sheet = zipEntries(readFileSync(out)).get('xl/worksheets/sheet4.xml')?.toString() ?? '';
    expect(sheet).toMatch(/<dataValidation type="list"[^>]*sqref="C2:Q1000"><formula1>&quot;1,2,3,12,13,23,123,gx,0&quot;<\/formula1>/);
    expect(sheet).toContain('state="frozen"');
    const help = zipEntries(readFileSync(out)).get('xl/sharedStrings.xml')?.toString() ?? '';
    expect(help).toContain('HƯỚNG DẪN NHẬP PHIẾU TÍN NHIỆM');
  });

  it('never overwrites an existing file', async () => {
    const dir = freshDir();
    const out = join(dir, 'mau.xlsx');
    writeFileSync(out, 'đã nhập');
    const r = await tally(['template', '-o', out]);
    expect(r.code).toBe(2);
    expect(readFileSync(out, 'utf8')).toBe('đã nhập');
  });

  it('without a roster, header formulas follow the roster sheet', async () => {
    const dir = freshDir();
    const out = join(dir, 'trong.xlsx');
    copyFileSync(WORKBOOK, join(dir, 'unrelated.xlsx'));
    expect((await tally(['template', '-o', out])).code).toBe(0);
    const sheet = zipEntries(readFileSync(out)).get('xl/worksheets/sheet4.xml')?.toString() ?? '';
    // Column C is the first person on Danh sách with a name (C) and no reason under Không lấy phiếu
    // (G); computed by Excel or LibreOffice in test/report/template-guide.test.ts.
    const c1 = /<c r="C1"[^>]*>(<f[^>]*>[^<]*<\/f>)/.exec(sheet)?.[1] ?? '';
    expect(c1).toContain('t="array"');
    expect(c1).toContain('&apos;Danh sách&apos;!$C$2:$C$1001');
    expect(c1).toContain('&apos;Danh sách&apos;!$G$2:$G$1001');
    expect(c1).toContain(',1)),&quot;&quot;)</f>');
  });
});
