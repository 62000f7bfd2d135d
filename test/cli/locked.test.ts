// A report left open in Excel on Windows: Excel locks the workbook, and opening it for writing or
// replacing it fails with EBUSY or EPERM (EACCES on a network share). Linux has no such lock, so
// the error is injected where the program meets the disk (src/cli/output.ts).
import { existsSync, mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { checkOutputs, disk, writeOutputs, type OutputDisk } from '../../src/cli/output.js';
import { REPORTERS } from '../../src/report/registry.js';
import { SAMPLE, tally } from './run.js';

/** An earlier report this tool wrote (an empty zip, marked as ours), as Excel would hold it open. */
async function lastWeek(out: string): Promise<Buffer> {
  const emptyZip = Buffer.alloc(22);
  emptyZip.writeUInt32LE(0x06054b50, 0);
  await writeOutputs([{ path: out, bytes: emptyZip }]);
  return readFileSync(out);
}

const locked = (code: string) => Object.assign(new Error(`${code}: resource busy or locked, open 'tong-hop.xlsx'`), { code });

afterEach(() => {
  vi.restoreAllMocks();
});

describe('a workbook open in Excel', () => {
  it.each(['EBUSY', 'EPERM', 'EACCES'])('found before anything is written (%s): refused as busy', async (code) => {
    const dir = mkdtempSync(join(tmpdir(), 'tally-locked-'));
    const out = join(dir, 'tong-hop.xlsx');
    await lastWeek(out);
    const excel: OutputDisk = { ...disk, openForWriting: () => Promise.reject(locked(code)) };
    await expect(checkOutputs([out], [], { writes: REPORTERS }, excel)).rejects.toMatchObject({ reason: 'busy', detail: code, path: out });
  });

  it('locked only when replaced: that report and the temp files are left as they were', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tally-locked-'));
    const out = join(dir, 'tong-hop.xlsx');
    const before = await lastWeek(out);
    const excel: OutputDisk = { ...disk, replace: () => Promise.reject(locked('EBUSY')) };
    await expect(writeOutputs([{ path: out, bytes: Buffer.from('new') }], excel)).rejects.toMatchObject({ reason: 'busy', detail: 'EBUSY' });
    expect(readFileSync(out)).toEqual(before);
    expect(readdirSync(dir)).toEqual(['tong-hop.xlsx']);
  });

  it('the clerk is told to close the file and run again, exit 2, nothing written', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tally-locked-'));
    const out = join(dir, 'tong-hop.xlsx');
    const other = join(dir, 'bien-ban.docx');
    const before = await lastWeek(out);
    vi.spyOn(disk, 'openForWriting').mockRejectedValue(locked('EBUSY'));
    const r = await tally([join(SAMPLE, 'hoi-nghi-huyen.xlsx'), '-o', other, '-o', out]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`Lỗi cách dùng: ${out}: Tệp ${out} đang được mở (Excel?). Hãy đóng tệp rồi chạy lại\n`);
    expect(r.stdout).toBe('');
    expect(readFileSync(out)).toEqual(before);
    expect(existsSync(other)).toBe(false);
  });
});
