// Faults while writing reports: a full disk, an unwritable place, a process killed with
// SIGKILL in the middle. No output is ever half-written, and no other output is touched.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
// @ts-expect-error: a plain ES module of the benchmark, without type declarations
import { writeCsvSet } from '../../bench/generate.mjs';
import { disk, writeOutputs, type OutputDisk } from '../../src/cli/output.js';

const ROOT = join(import.meta.dirname, '..', '..');
const BIN = join(ROOT, 'bin', 'tally.js');
const SAMPLE = join(ROOT, 'fixtures', 'hoi-nghi-huyen', 'hoi-nghi-huyen.xlsx');

const temps = (dir: string) => readdirSync(dir).filter((n) => n.endsWith('.tmp'));

describe('writing reports when things go wrong', () => {
  it('a full disk while writing the second of two reports touches neither', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tally-full-'));
    const [a, b] = [join(dir, 'a.json'), join(dir, 'b.csv')];
    writeFileSync(a, 'the report from last week');
    let writes = 0;
    const full: OutputDisk = {
      ...disk,
      async create(path, bytes) {
        if (++writes === 2) throw Object.assign(new Error('no space left on device'), { code: 'ENOSPC' });
        writeFileSync(path, bytes, { flag: 'wx' });
      },
    };
    await expect(writeOutputs([{ path: a, bytes: Buffer.from('new a') }, { path: b, bytes: Buffer.from('new b') }], full)).rejects.toMatchObject({ reason: 'unwritable', detail: 'ENOSPC' });
    expect(readFileSync(a, 'utf8')).toBe('the report from last week');
    expect(existsSync(b)).toBe(false);
    expect(temps(dir)).toEqual([]);
  });

  it.skipIf(process.platform !== 'linux')('an unwritable place fails cleanly, the other report untouched (exit 2)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'tally-unwritable-'));
    const good = join(dir, 'tom-tat.json');
    writeFileSync(good, 'the report from last week');
    // sysfs refuses new files, even to root.
    const r = spawnSync(process.execPath, [BIN, SAMPLE, '-o', good, '-o', '/sys/tom-tat.csv', '--overwrite'], { encoding: 'utf8' });
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('/sys/tom-tat.csv: không ghi được tệp (EACCES)');
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(readFileSync(good, 'utf8')).toBe('the report from last week');
    expect(temps(dir)).toEqual([]);
  });
});

describe('kill -9 while reports are written', () => {
  const dir = mkdtempSync(join(tmpdir(), 'tally-kill-'));
  const data = join(dir, 'lon');
  const args = (out: string) => [BIN, join(data, 'phieu.csv'), '--roster', join(data, 'danh-sach.csv'), '--session', join(data, 'hoi-nghi.csv'), '-o', join(out, 'tom-tat.json'), '-o', join(out, 'tom-tat.html'), '-o', join(out, 'tom-tat.csv')];
  let reference: Map<string, Buffer>;

  beforeAll(async () => {
    // Large enough that the reports take a while to write: every invalid line is listed.
    await writeCsvSet(data, 60_000, 40, 11);
    const whole = join(dir, 'whole');
    mkdirSync(whole);
    const r = spawnSync(process.execPath, args(whole), { encoding: 'utf8' });
    expect(r.status).toBe(0);
    reference = new Map(readdirSync(whole).map((n) => [n, readFileSync(join(whole, n))]));
    expect(reference.size).toBe(3);
  }, 120_000);

  it('leaves each report absent or whole, never in part; the next run clears what was left', async () => {
    let caughtWriting = 0;
    for (let attempt = 0; attempt < 6; attempt++) {
      const out = mkdtempSync(join(dir, 'run-'));
      const child = spawn(process.execPath, args(out), { stdio: 'ignore' });
      // Killed the moment a temp file shows (the reports are being written), or at a random
      // moment on some attempts.
      const deadline = Date.now() + 60_000;
      const randomly = attempt % 3 === 2 ? Date.now() + 200 + attempt * 150 : Infinity;
      await new Promise<void>((done) => {
        const poll = () => {
          const writing = temps(out).length > 0;
          if (writing || Date.now() > randomly || Date.now() > deadline || child.exitCode !== null) {
            if (writing) caughtWriting++;
            child.kill('SIGKILL');
            child.once('exit', () => done());
            if (child.exitCode !== null) done();
            return;
          }
          setImmediate(poll);
        };
        poll();
      });
      for (const name of readdirSync(out).filter((n) => !n.endsWith('.tmp'))) expect(readFileSync(join(out, name)).equals(reference.get(name) as Buffer)).toBe(true);
      // Run again to the end: the reports are whole, and no temp file is left behind.
      const again = spawnSync(process.execPath, args(out), { encoding: 'utf8' });
      expect(again.status).toBe(0);
      expect(temps(out)).toEqual([]);
      for (const [name, bytes] of reference) expect(readFileSync(join(out, name)).equals(bytes)).toBe(true);
    }
    // The test did catch the program in the act at least once.
    expect(caughtWriting).toBeGreaterThan(0);
  }, 300_000);
});
