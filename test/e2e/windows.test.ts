// What a Windows office PC brings that can be checked on Linux too: folders and files named with
// spaces and Vietnamese letters, files saved with CRLF line ends, and a console that must show
// Vietnamese. (A workbook left open in Excel: test/cli/locked.test.ts. The Windows build itself
// runs under wine in .ci/run.)
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..', '..');
const SAMPLE = join(ROOT, 'fixtures', 'hoi-nghi-huyen');
const BIN = join(ROOT, 'bin', 'tally.js');

function run(args: string[], cwd: string) {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** The result without the row accounting, which names the files read. */
const result = (json: string) => {
  const doc = JSON.parse(json);
  delete doc.rows;
  doc.problems = doc.problems.filter((p: { code: string }) => p.code !== 'non-ballot-row');
  return doc;
};

describe('a session in "Hội nghị 2023/Phiếu bầu", files named in Vietnamese, saved with CRLF', () => {
  const top = mkdtempSync(join(tmpdir(), 'tally-win-'));
  const round = join(top, 'Hội nghị 2023');
  const folder = join(round, 'Phiếu bầu');
  mkdirSync(folder, { recursive: true });
  copyFileSync(join(SAMPLE, 'hoi-nghi-huyen.xlsx'), join(folder, 'Hội nghị huyện.xlsx'));
  const crlf = (from: string, to: string) => writeFileSync(join(folder, to), readFileSync(join(SAMPLE, from), 'utf8').replace(/\r?\n/g, '\r\n'));
  crlf('phieu.csv', 'Phiếu bầu.csv');
  crlf('danh-sach.csv', 'Danh sách.csv');
  crlf('hoi-nghi.csv', 'Hội nghị.csv');
  const reference = result(run([join(SAMPLE, 'hoi-nghi-huyen.xlsx'), '--json'], ROOT).stdout);

  it('the workbook, by a relative path with spaces, gives the sample result and writes reports named in Vietnamese', () => {
    const r = run([join('Phiếu bầu', 'Hội nghị huyện.xlsx'), '--json', '-o', join('Phiếu bầu', 'tổng hợp.xlsx'), '-o', join('Phiếu bầu', 'biên bản.docx')], round);
    expect(r.code).toBe(0);
    expect(result(r.stdout)).toEqual(reference);
    expect(r.stderr).toContain(`Đã ghi ${join('Phiếu bầu', 'tổng hợp.xlsx')}`);
    expect(existsSync(join(folder, 'tổng hợp.xlsx'))).toBe(true);
    expect(existsSync(join(folder, 'biên bản.docx'))).toBe(true);
  });

  it('the three CSV files with CRLF line ends give the same result', () => {
    const r = run([join(folder, 'Phiếu bầu.csv'), '--roster', join(folder, 'Danh sách.csv'), '--session', join(folder, 'Hội nghị.csv'), '--json'], top);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(result(r.stdout)).toEqual(reference);
  });

  it('tally check finds the round in the folder and its summary agrees', () => {
    const r = run(['check', 'Hội nghị 2023', '--jobs', '2'], top);
    expect(r.stdout).toContain(`✓ Hội nghị 2023/Phiếu bầu/Hội nghị huyện.xlsx (13/12/2023, đợt 2023): đúng`);
    expect(r.stdout).toContain('Đối chiếu với: Hội nghị 2023/Phiếu bầu/tổng hợp.xlsx: đúng');
  });

  it('what reaches the console is NFC text with no replacement character', () => {
    const r = run([join('Phiếu bầu', 'Hội nghị huyện.xlsx')], round);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Đặng Quốc Bảo');
    expect(r.stdout).toBe(r.stdout.normalize('NFC'));
    expect(r.stdout).not.toContain('\uFFFD');
  });
});
