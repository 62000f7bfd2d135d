// tally.exe started from File Explorer (src/cli/explorer.ts), through main(argv, io) with an
// injected host: no real Windows needed. Double-clicked: a short help and a prompt, the window
// held open; a workbook dropped on it: tallied, the summary and the minutes written beside it
// under free names, the result shown, the same prompt. Typed in cmd (PROMPT set), in a pipe, or
// on Linux: the command line as before.
import { copyFileSync, existsSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import type { Host } from '../../src/cli/explorer.js';
import { SAMPLE } from './run.js';

function host(over: Partial<Host> = {}) {
  const events: string[] = [];
  const h: Host = {
    platform: 'win32',
    console: true,
    waitForEnter: async () => {
      events.push('enter');
    },
    ...over,
  };
  return { h, events };
}

async function start(argv: string[], over: Partial<Host> = {}, env: Record<string, string> = {}) {
  const { h, events } = host(over);
  let stdout = '';
  let stderr = '';
  const code = await main(argv, {
    stdout: { write: (s: string) => ((stdout += s), events.push('out')) },
    stderr: { write: (s: string) => ((stderr += s), events.push('err')) },
    env: { NO_COLOR: '1', ...env },
    host: h,
  });
  return { code, stdout, stderr, events };
}

const sampleDir = () => {
  const dir = mkdtempSync(join(tmpdir(), 'tally-explorer-'));
  copyFileSync(join(SAMPLE, 'hoi-nghi-huyen.xlsx'), join(dir, 'hoi-nghi.xlsx'));
  return dir;
};

describe('double-clicked in Explorer (Windows, a console of its own, no arguments)', () => {
  it('shows a short Vietnamese help and waits for Enter after the last word', async () => {
    const r = await start([]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('kéo tệp Excel đã nhập phiếu (.xlsx) thả vào biểu tượng');
    // A console window is 80 columns or more.
    for (const line of r.stdout.split('\n')) expect(line.length).toBeLessThanOrEqual(79);
    expect(r.stdout).toContain('HUONG-DAN.html');
    expect(r.stdout.trimEnd().split('\n').at(-1)).toBe('Nhấn Enter để đóng cửa sổ.');
    expect(r.events.at(-1)).toBe('enter');
    expect(r.events.filter((e) => e === 'enter')).toHaveLength(1);
    expect(r.stderr).toBe('');
  });

  it('in a command window (cmd sets PROMPT), on Linux, or into a pipe: the usage error as before, no prompt', async () => {
    for (const [over, env] of [[{}, { PROMPT: '$P$G' }], [{ platform: 'linux' as const }, {}], [{ console: false }, {}]] as const) {
      const r = await start([], over, env);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain('Lỗi cách dùng');
      expect(r.events).not.toContain('enter');
    }
  });
});

describe('a workbook dropped on tally.exe', () => {
  it('tallies it, writes the summary and the minutes beside it, shows the result, waits for Enter', async () => {
    const dir = sampleDir();
    const file = join(dir, 'hoi-nghi.xlsx');
    const r = await start([file]);
    expect(r.code).toBe(0);
    // The sample's one flagged leader: 23 low of 41 returned (fixtures/hoi-nghi-huyen).
    expect(r.stdout).toContain('Đặng Quốc Bảo');
    expect(r.stdout).toContain('56,10%');
    expect(r.stderr).toContain(`Đã ghi ${join(dir, 'hoi-nghi-tong-hop.xlsx')}`);
    expect(r.stderr).toContain(`Đã ghi ${join(dir, 'hoi-nghi-bien-ban.docx')}`);
    expect(readFileSync(join(dir, 'hoi-nghi-tong-hop.xlsx')).subarray(0, 2).toString()).toBe('PK');
    expect(readFileSync(join(dir, 'hoi-nghi-bien-ban.docx')).subarray(0, 2).toString()).toBe('PK');
    expect(r.stdout.trimEnd().split('\n').at(-1)).toBe('Nhấn Enter để đóng cửa sổ.');
    expect(r.events.at(-1)).toBe('enter');
  });

  it('never writes over an existing file: the next free name', async () => {
    const dir = sampleDir();
    writeFileSync(join(dir, 'hoi-nghi-tong-hop.xlsx'), 'của người khác');
    writeFileSync(join(dir, 'hoi-nghi-tong-hop-2.xlsx'), 'cũng của người khác');
    const r = await start([join(dir, 'hoi-nghi.xlsx')]);
    expect(r.code).toBe(0);
    expect(readFileSync(join(dir, 'hoi-nghi-tong-hop.xlsx'), 'utf8')).toBe('của người khác');
    expect(readFileSync(join(dir, 'hoi-nghi-tong-hop-2.xlsx'), 'utf8')).toBe('cũng của người khác');
    expect(existsSync(join(dir, 'hoi-nghi-tong-hop-3.xlsx'))).toBe(true);
    expect(existsSync(join(dir, 'hoi-nghi-bien-ban.docx'))).toBe(true);
  });

  it('a workbook with a data error: the error shown, nothing written, still waits for Enter', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tally-explorer-'));
    const file = join(dir, 'phieu.csv');
    copyFileSync(join(SAMPLE, 'phieu.csv'), file);
    const r = await start([file]);
    expect(r.code).not.toBe(0);
    expect(r.stderr).toMatch(/Lỗi/);
    expect(readdirSync(dir)).toEqual(['phieu.csv']);
    expect(r.events.at(-1)).toBe('enter');
  });

  it('a file that cannot be read (not a workbook): the message, then the prompt', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tally-explorer-'));
    const file = join(dir, 'hong.xlsx');
    writeFileSync(file, Buffer.from([0, 1, 2, 3, 0, 0, 0]));
    const r = await start([file]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('hong.xlsx');
    expect(r.events.at(-1)).toBe('enter');
  });

  it('typed in cmd, a relative path, another kind of file, a missing file or two files: the command line as before', async () => {
    const dir = sampleDir();
    const file = join(dir, 'hoi-nghi.xlsx');
    const cases: [string[], Record<string, string>][] = [
      [[file], { PROMPT: '$P$G' }],
      [['hoi-nghi.xlsx'], {}],
      [[join(dir, 'ghi-chu.txt')], {}],
      [[join(dir, 'khong-co.xlsx')], {}],
      [[file, file], {}],
    ];
    writeFileSync(join(dir, 'ghi-chu.txt'), 'x');
    for (const [argv, env] of cases) {
      const r = await start(argv, {}, env);
      expect(r.events, argv.join(' ')).not.toContain('enter');
    }
    expect(readdirSync(dir).sort()).toEqual(['ghi-chu.txt', 'hoi-nghi.xlsx']);
  });
});
