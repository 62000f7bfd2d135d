// An input file that Excel holds open on Windows (EBUSY, or EPERM/EACCES) cannot be read: the
// clerk is told to close it, in words apart from "not found" and from an output refused. Linux
// has no such lock, so reading that one file fails here by a mock of the file system.
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { SAMPLE, tally } from './run.js';

const LOCKED = 'dang-mo-trong-excel';

vi.mock('node:fs/promises', async (original) => {
  const fs = await original<typeof import('node:fs/promises')>();
  const refuse = (code: string) => Promise.reject(Object.assign(new Error(`${code}: resource busy or locked`), { code }));
  const codeOf = (path: unknown) => /dang-mo-trong-excel-(\w+)/.exec(String(path))?.[1];
  return {
    ...fs,
    stat: (async (path: Parameters<typeof fs.stat>[0], ...rest: unknown[]) => (codeOf(path) === undefined ? fs.stat(path, ...(rest as [])) : ({ isFile: () => true, isDirectory: () => false, size: 100 }) as never)) as typeof fs.stat,
    readFile: ((path: Parameters<typeof fs.readFile>[0], ...rest: unknown[]) => {
      const code = codeOf(path);
      return code === undefined ? fs.readFile(path, ...(rest as [])) : refuse(code);
    }) as typeof fs.readFile,
  };
});

describe('an input file open in Excel', () => {
  it.each(['EBUSY', 'EPERM', 'EACCES'])('%s: "close it and run again", exit 2', async (code) => {
    const path = join(SAMPLE, `${LOCKED}-${code}.xlsx`);
    const vi_ = await tally([path]);
    expect(vi_.code).toBe(2);
    expect(vi_.stderr).toBe(`Không mở được tệp ${path}: tệp đang được mở hoặc bị khóa (Excel?), hoặc không có quyền đọc. Hãy đóng tệp rồi chạy lại\n`);
    const en = await tally([path, '--lang', 'en']);
    expect(en.stderr).toBe(`Cannot open ${path}: the file is open or locked (in Excel?), or not readable. Close it and run again\n`);
  });

  it('another read error names its code', async () => {
    const path = join(SAMPLE, `${LOCKED}-EIO.xlsx`);
    const r = await tally([path]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`Không đọc được tệp ${path} (EIO)\n`);
  });
});
