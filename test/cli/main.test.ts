import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { writeFileSync } from 'node:fs';
import { sampleCopy, SAMPLE, setCell, tally } from './run.js';

const json = (stdout: string) => JSON.parse(stdout) as { cadres: unknown[]; ballotTypes: unknown[]; problems: { code: string; severity: string; file: string | null; cell: string | null; row: number | null; column: string | null; value: string | null; message: string }[] };

describe('tally on the sample session (in-process)', () => {
  it('prints the table and the flagged leader, exit 0', async () => {
    // 120 columns: each count beside its percentage (at 80 the percentage goes under it).
    const r = await tally([join(SAMPLE, 'hoi-nghi-huyen.xlsx')], { COLUMNS: '120' });
    expect(r.code).toBe(0);
    // The only thing said on stderr: the title row above the header was set aside.
    expect(r.stderr).toBe(`Lưu ý: tệp ${join(SAMPLE, 'hoi-nghi-huyen.xlsx')}, trang Phiếu, dòng 1: tiêu đề phía trên hàng tiêu đề cột; không tính là phiếu\n`);
    expect(r.stdout).toContain('Đặng Quốc Bảo');
    expect(r.stdout).toContain('23 · 56,10%');
    expect(r.stdout).toContain('Trên 50% đến dưới 2/3 phiếu tín nhiệm thấp');
    expect(r.stdout).toContain('Cấp có thẩm quyền đưa ra khỏi quy hoạch chức vụ cao hơn');
    expect(r.stdout).not.toMatch(/\u001b\[/); // no colour when not a TTY
  });

  it('speaks English with --lang en', async () => {
    const r = await tally([join(SAMPLE, 'hoi-nghi-huyen.xlsx'), '--lang', 'en'], { COLUMNS: '120' });
    expect(r.stdout).toContain('23 · 56.10%');
    expect(r.stdout).toContain('More than 50% and less than 2/3 low-confidence votes');
    expect(r.stdout).toContain('Session checks');
  });

  it('colours only a TTY, and never with NO_COLOR', async () => {
    const { main } = await import('../../src/cli/main.js');
    const run = async (env: Record<string, string>) => {
      let out = '';
      await main([join(SAMPLE, 'hoi-nghi-huyen.xlsx')], { stdout: { write: (s: string) => (out += s), isTTY: true }, stderr: { write: () => 0 }, env });
      return out;
    };
    expect(await run({})).toMatch(/\u001b\[/);
    expect(await run({ NO_COLOR: '1' })).not.toMatch(/\u001b\[/);
  });
});

describe('session values from a JSON file', () => {
  it('give the same document as the same values in the CSV session file', async () => {
    const base = [join(SAMPLE, 'phieu.csv'), '--roster', join(SAMPLE, 'danh-sach.csv'), '--json'];
    const fromJson = await tally([...base, '--session', join(SAMPLE, 'hoi-nghi.json')]);
    const fromCsv = await tally([...base, '--session', join(SAMPLE, 'hoi-nghi.csv')]);
    expect(fromJson.code).toBe(0);
    expect(JSON.parse(fromJson.stdout)).toEqual(JSON.parse(fromCsv.stdout));
  });
});

describe('bad input: exit 1, every problem with file, row, column and value', () => {
  it('an unknown leader header, with the closest roster names', async () => {
    const { args } = sampleCopy({ 'phieu.csv': (t) => t.replace('Đặng Quốc Bảo', 'Đặng Quốc Bào') });
    const r = await tally([...args, '--json']);
    expect(r.code).toBe(1);
    const doc = json(r.stdout);
    expect(doc.cadres).toEqual([]);
    expect(doc.ballotTypes).toEqual([]);
    const p = doc.problems.find((x) => x.code === 'unknown-cadre');
    expect(p).toMatchObject({ severity: 'error', cell: 'I1', row: 1, value: 'Đặng Quốc Bào' });
    expect(p?.message).toContain('Đặng Quốc Bảo');
    // Then the real leader is missing from the ballot.
    expect(doc.problems.find((x) => x.code === 'missing-cadre')?.message).toContain('Đặng Quốc Bảo');
    expect(r.stderr).toContain('ô I1 (Đặng Quốc Bào)');
  });

  it('a missing leader column', async () => {
    const { args } = sampleCopy({
      'phieu.csv': (t) => t.split('\n').map((l) => l.split(',').filter((_, i) => i !== 16).join(',')).join('\n'),
    });
    const r = await tally(args);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/Phan Thị Yến \(Bí thư Huyện đoàn\) có trong danh sách nhưng không có cột trên phiếu/);
  });

  it('bad cells, all reported at once, with a hint for decimals', async () => {
    const { args } = sampleCopy({ 'phieu.csv': (t) => setCell(setCell(setCell(t, 3, 2, 'x'), 10, 5, '11'), 20, 8, '1.3') });
    const r = await tally([...args, '--json']);
    expect(r.code).toBe(1);
    const bad = json(r.stdout).problems.filter((p) => p.code === 'bad-cell');
    expect(bad.map((p) => [p.cell, p.value, p.column])).toEqual([
      ['C3', 'x', 'Nguyễn Văn Hùng'],
      ['F10', '11', 'Phạm Minh Tuấn'],
      ['I20', '1.3', 'Đặng Quốc Bảo'],
    ]);
    expect(r.stderr).toContain('phieu.csv, phiếu số 2, ô C3 (Nguyễn Văn Hùng)');
    expect(r.stderr).toContain("'x' không phải mã hợp lệ");
    expect(r.stderr).toContain("'11' lặp lại cùng một mức");
  });

  it('a value in a column without a header, inside the header or past it, is never skipped', async () => {
    // The header gains a blank column R; row 5 gets a value past it (S5), row 7 one in it (R7).
    const widen = (t: string) =>
      t
        .split('\n')
        .map((l, i) => (l === '' ? l : i === 0 ? `${l},` : i === 4 ? `${l},,x` : i === 6 ? `${l},7` : `${l},`))
        .join('\n');
    const { args } = sampleCopy({ 'phieu.csv': widen });
    const r = await tally([...args, '--json']);
    expect(r.code).toBe(1);
    const bad = json(r.stdout).problems.filter((p) => p.code === 'bad-cell');
    expect(bad.map((p) => [p.cell, p.value])).toEqual([
      ['S5', 'x'],
      ['R7', '7'],
    ]);
    expect(r.stderr).toContain("có giá trị 'x' ở cột không có tiêu đề");
  });

  it('a decimal number typed in Excel suggests the digits run together', async () => {
    const { default: ExcelJS } = await import('exceljs');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(join(SAMPLE, 'hoi-nghi-huyen.xlsx'));
    const sheet = wb.getWorksheet('Phiếu');
    if (sheet === undefined) throw new Error('no Phiếu sheet');
    sheet.getCell('E10').value = 1.3;
    const { dir } = sampleCopy();
    const path = join(dir, 'nhap.xlsx');
    await wb.xlsx.writeFile(path);
    const r = await tally([path]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("trang Phiếu, phiếu số 7, ô E10 (Lê Văn Hưng): số thập phân '1.3'");
    expect(r.stderr).toContain("hãy gõ '13'");
  });

  it('a cell error does not hide the session checks', async () => {
    const { args } = sampleCopy({
      'phieu.csv': (t) => setCell(t, 6, 2, 'x'),
      'hoi-nghi.csv': (t) => t.replace('Số phiếu thu về,41', 'Số phiếu thu về,40').replace('Số người có mặt,42', 'Số người có mặt,29'),
    });
    const r = await tally([...args, '--json']);
    expect(r.code).toBe(1);
    expect(json(r.stdout).problems.map((p) => p.code)).toEqual(['bad-cell', 'accounting', 'rows-vs-returned', 'quorum-not-met']);
  });

  it('rows that do not match the ballots returned', async () => {
    const { args } = sampleCopy({ 'hoi-nghi.csv': (t) => t.replace('Số phiếu thu về,41', 'Số phiếu thu về,40') });
    const r = await tally(args);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('có 41 phiếu trong dữ liệu nhưng số phiếu thu về là 40');
  });

  it('ballot accounting out of order, naming the numbers', async () => {
    const { args } = sampleCopy({ 'hoi-nghi.csv': (t) => t.replace('Số phiếu phát ra,42', 'Số phiếu phát ra,40') });
    const r = await tally([...args, '--lang', 'en']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('ballots returned (41) exceeds ballots issued (40)');
  });

  it('a duplicate ballot number, with both rows', async () => {
    const { args } = sampleCopy({ 'phieu.csv': (t) => setCell(t, 12, 0, '3') });
    const r = await tally(args);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('phieu.csv, phiếu số 3, ô A12: số phiếu 3 trùng với dòng 4');
    // Row 12 held ballot 11: the ballots 1–41 now lack exactly that one.
    expect(r.stderr).toContain('có 40 phiếu trong dữ liệu nhưng số phiếu thu về là 41 — thiếu phiếu số 11');
  });

  it('an excluded roster entry on the ballot', async () => {
    const { args } = sampleCopy({ 'phieu.csv': (t) => t.split('\n').map((l, i) => (l === '' ? l : `${l},${i === 0 ? 'Cao Văn Thành' : ''}`)).join('\n') });
    const r = await tally(args);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('Cao Văn Thành thuộc diện không lấy phiếu (Bổ nhiệm tháng 3/2023) nhưng có trên phiếu');
  });

  it('quorum not met: counts still shown, no band, exit 1', async () => {
    const { args } = sampleCopy({ 'hoi-nghi.csv': (t) => t.replace('Số người được triệu tập,45', 'Số người được triệu tập,64') });
    const r = await tally([...args, '--json']);
    expect(r.code).toBe(1);
    const doc = JSON.parse(r.stdout);
    expect(doc.session.quorum).toEqual({ required: 43, met: false, byAnalogy: false });
    expect(doc.cadres).toHaveLength(15);
    expect(doc.cadres.every((c: { band: unknown; flagged: boolean }) => c.band === null && c.flagged === false)).toBe(true);
    expect(doc.cadres[6].percent.low).toBe(56.1);
    expect(doc.problems.map((p: { code: string }) => p.code)).toEqual(['quorum-not-met']);
    const t = await tally(args);
    expect(t.stdout).toContain('Hội nghị không đủ 2/3 số người được triệu tập có mặt — kết quả không có giá trị');
  });

  it('a missing session value says how to give it', async () => {
    const { args } = sampleCopy({ 'hoi-nghi.csv': (t) => t.replace(/Số phiếu thu về,41\r?\n/, '') });
    const r = await tally(args);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("thiếu 'Số phiếu thu về': thêm dòng 'Số phiếu thu về' vào trang Hội nghị, hoặc dùng --returned N");
    const fixed = await tally([...args, '--returned', '41']);
    expect(fixed.code).toBe(0);
  });

  it('an empty row between unnumbered ballots is an error; trailing ones a warning', async () => {
    const strip = (t: string) => t.split('\n').map((l) => l.replace(/^[^,]*,/, '')).join('\n');
    const mid = sampleCopy({ 'phieu.csv': (t) => strip(t).replace(/\n/, '\n,,,,,,,,,,,,,,,\n') });
    const r = await tally(mid.args);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('dòng 2: dòng trống giữa các phiếu');
    const end = sampleCopy({ 'phieu.csv': (t) => `${strip(t)},,,,\n\n` });
    const e = await tally(end.args);
    expect(e.code).toBe(0);
    expect(e.stderr).toContain('dòng trống cuối trang, bỏ qua');
  });
});

describe('usage errors: exit 2, no stack trace', () => {
  it.each([
    [['--no-such-option', 'x.csv']],
    [[]],
    [['x.csv', '--lang', 'fr']],
    [['x.csv', '--regime', 'qd-97']],
    [['x.csv', '--returned', 'forty']],
  ])('%j', async (args) => {
    const r = await tally(args);
    expect(r.code).toBe(2);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it('a missing file', async () => {
    const r = await tally(['khong-co.xlsx']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('Không tìm thấy tệp: khong-co.xlsx\n');
  });

  it('a CSV with an unclosed quote, with the line', async () => {
    const { args } = sampleCopy({ 'phieu.csv': (t) => `${t}42,"Ghi thêm\n` });
    const r = await tally(args);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/phieu\.csv \(dòng \d+\): tệp CSV hỏng/);
    expect(r.stderr).not.toContain('Lỗi nội bộ');
  });

  it('a quote inside an unquoted field is read as Excel reads it', async () => {
    const { args } = sampleCopy({ 'danh-sach.csv': (t) => t.replace('Bí thư Huyện đoàn', 'Bí thư "Huyện đoàn"') });
    const r = await tally([...args, '--json']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).cadres[14].position).toBe('Bí thư "Huyện đoàn"');
  });

  it('an old binary .xls, with advice', async () => {
    const { dir } = sampleCopy();
    const xls = join(dir, 'cu.xls');
    writeFileSync(xls, Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]));
    const r = await tally([xls]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('lưu lại dạng .xlsx');
  });

  it('another denominator under an assembly regime', async () => {
    const { args } = sampleCopy();
    const r = await tally([...args, '--regime', 'assembly-96', '--denominator', 'issued']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("mẫu số do luật định là số phiếu thu về ('returned')");
    const party = await tally([...args, '--denominator', 'issued', '--json']);
    expect(party.code).toBe(0);
    expect(JSON.parse(party.stdout).ballotTypes[0].denominator).toEqual({ basis: 'issued', value: 42 });
  });

  it('prints help with exit 0', async () => {
    const r = await tally(['--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('--roster');
  });
});
