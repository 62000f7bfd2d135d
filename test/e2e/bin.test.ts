// The built binary, run as a clerk would, on the bundled sample session. `npm test` builds first.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { pick } from '../helpers.js';

const ROOT = join(import.meta.dirname, '..', '..');
const SAMPLE = join(ROOT, 'fixtures', 'hoi-nghi-huyen');
const BIN = join(ROOT, 'bin', 'tally.js');

function run(args: string[], env: Record<string, string> = {}) {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', ...env } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const xlsxArgs = [join('fixtures', 'hoi-nghi-huyen', 'hoi-nghi-huyen.xlsx')];
const csvArgs = ['phieu.csv', '--roster', 'danh-sach.csv', '--session', 'hoi-nghi.csv'].map((f) => (f.startsWith('--') ? f : join('fixtures', 'hoi-nghi-huyen', f)));

describe('bin/tally.js on the sample session', () => {
  const expected = JSON.parse(readFileSync(join(SAMPLE, 'expected.json'), 'utf8'));

  it('the workbook gives the independently computed result', () => {
    const r = run([...xlsxArgs, '--json']);
    // The sheet's title row is set aside, and said so.
    expect(r.stderr).toBe(`Lưu ý: tệp ${xlsxArgs[0]}, trang Phiếu, dòng 1: tiêu đề phía trên hàng tiêu đề cột; không tính là phiếu\n`);
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout);
    expect(Object.keys(doc).slice(0, 4)).toEqual(['session', 'ballotTypes', 'cadres', 'problems']);
    expect(pick(doc, expected)).toEqual(expected);
    expect(doc.problems.map((p: { code: string; row: number }) => [p.code, p.row])).toEqual([['non-ballot-row', 1]]);
    expect(doc.cadres).toHaveLength(expected.cadres.length);
  });

  it('the CSV files of the same session give identical JSON', () => {
    const a = JSON.parse(run([...xlsxArgs, '--json']).stdout);
    const b = JSON.parse(run([...csvArgs, '--json']).stdout);
    // Only the row accounting differs: it names the files read; and the workbook's title row.
    delete a.rows;
    delete b.rows;
    a.problems = a.problems.filter((p: { code: string }) => p.code !== 'non-ballot-row');
    expect(b).toEqual(a);
  });

  it('every row of every input is accounted for', () => {
    const doc = JSON.parse(run([...xlsxArgs, '--json']).stdout);
    for (const r of doc.rows) {
      const non = Object.values(r.nonBallot as Record<string, number>).reduce((a, b) => a + b, 0);
      expect(r.rowsRead).toBe(r.countedRows + r.rowsWithErrors + non + r.rejected);
    }
    // The workbook: title, blank, header, 41 ballots.
    expect(doc.rows).toEqual([
      { file: xlsxArgs[0], sheet: 'Phiếu', layout: 'wide', rowsRead: 44, countedRows: 41, ballots: 41, rowsWithErrors: 0, nonBallot: { title: 1, header: 1, empty: 1, total: 0, unused: 0 }, rejected: 0 },
    ]);
  });

  it('prints the Vietnamese table with the flag and the action', () => {
    // 120 columns: the whole row on one line (at 80, the default off a terminal, it takes two).
    const r = run(xlsxArgs, { COLUMNS: '120' });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Mẫu số: số phiếu thu về = 41');
    expect(r.stdout).toMatch(/│\s+7 │ Đặng Quốc Bảo\s+│.*│\s+23 · 56,10% │\s+> 1\/2\s+│/);
    expect(r.stdout).toContain('Có mặt 42/45 người được triệu tập — đủ 2/3 (cần ít nhất 30)');
    expect(r.stdout).toContain('Người có phiếu tín nhiệm thấp vượt ngưỡng (1)');
    expect(r.stdout).toContain('→ Cấp có thẩm quyền đưa ra khỏi quy hoạch chức vụ cao hơn;');
  });

  it('a wrong option exits 2 without a stack trace', () => {
    const r = run([...xlsxArgs, '--bogus']);
    expect(r.code).toBe(2);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it('a mistyped option exits 2 and suggests the right one, in Vietnamese or in English', () => {
    const vi = run(['--ouput', 'x.xlsx']);
    expect(vi.code).toBe(2);
    expect(vi.stderr).toBe('Lỗi cách dùng: không có tùy chọn --ouput; có phải ý bạn là --output? (xem --help)\n');
    const en = run(['--ouput', 'x.xlsx', '--lang', 'en']);
    expect(en.code).toBe(2);
    expect(en.stderr).toBe('Usage error: unknown option --ouput; did you mean --output? (see --help)\n');
  });

  it('fits 80 columns off a terminal', () => {
    const r = run(xlsxArgs, { COLUMNS: '' });
    expect(r.code).toBe(0);
    for (const line of r.stdout.split('\n')) expect([...line].length).toBeLessThanOrEqual(80);
    expect(r.stdout).toMatch(/│\s+7 │ Đặng Quốc Bảo\s+│.*│\s+23 │\s+> 1\/2\s+│/);
  });

  it('bad data exits 1 and writes nothing but the diagnosis', () => {
    const r = run(['phieu.csv'].map((f) => join('fixtures', 'hoi-nghi-huyen', f)));
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("không tìm thấy trang 'Danh sách / Roster'; hoặc dùng --roster tệp");
  });
});
