// What the clerk reads when a file or a command is not right (issue 19): a missing input, a
// command mistyped, help asked the Windows way, a path cut at its spaces, and paths shown as the
// clerk knows them — in Vietnamese and in English.
import { copyFileSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SAMPLE, tally } from './run.js';

const WORKBOOK = join(SAMPLE, 'hoi-nghi-huyen.xlsx');
const freshDir = () => mkdtempSync(join(tmpdir(), 'tally-messages-'));

describe('a missing input file', () => {
  it.each([
    ['vi', 'Không tìm thấy tệp: khong-co.xlsx\n'],
    ['en', 'File not found: khong-co.xlsx\n'],
  ])('%s: said as missing, not as a usage mistake', async (lang, said) => {
    const r = await tally(['khong-co.xlsx', '--lang', lang]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(said);
  });

  it('a missing --roster, and a missing path given to check', async () => {
    const roster = await tally([WORKBOOK, '--roster', 'khong-co.csv']);
    expect(roster.code).toBe(2);
    expect(roster.stderr).toBe('Không tìm thấy tệp: khong-co.csv\n');
    const check = await tally(['check', 'luu-tru-khong-co', '--lang', 'en']);
    expect(check.code).toBe(2);
    expect(check.stderr).toBe('File not found: luu-tru-khong-co\n');
  });
});

describe('a path cut at its spaces (not put in quotes)', () => {
  const dir = freshDir();
  const folder = join(dir, 'Văn A', 'Hồ sơ');
  mkdirSync(folder, { recursive: true });
  copyFileSync(WORKBOOK, join(folder, 'phieu.xlsx'));
  const cut = join(dir, 'Văn A', 'Hồ sơ', 'phieu.xlsx').split(' ');

  it.each([
    ['vi', 'Đường dẫn có dấu cách phải đặt trong ngoặc kép'],
    ['en', 'A path with spaces must be put in double quotes'],
  ])('%s: names the whole path, quoted', async (lang, hint) => {
    const r = await tally([...cut, '--lang', lang]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`${lang === 'vi' ? 'Không tìm thấy tệp' : 'File not found'}: ${cut[0]}\n  ${hint}: "${join(folder, 'phieu.xlsx')}"\n`);
  });

  it('for check too', async () => {
    const r = await tally(['check', ...cut]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`Đường dẫn có dấu cách phải đặt trong ngoặc kép: "${join(folder, 'phieu.xlsx')}"`);
  });

  it('a cut path whose whole does not exist either: the general advice', async () => {
    const r = await tally([join(dir, 'Văn'), 'B', 'phieu.xlsx']);
    expect(r.stderr).toBe(`Không tìm thấy tệp: ${join(dir, 'Văn')}\n  Nếu đường dẫn có dấu cách, hãy đặt cả đường dẫn trong ngoặc kép ("...")\n`);
  });

  it('no advice for a plain missing file', async () => {
    expect((await tally(['khong-co.xlsx', 'nua.xlsx'])).stderr).toBe('Không tìm thấy tệp: khong-co.xlsx\n');
  });
});

describe('a mistyped command', () => {
  it.each([
    ['chek', 'vi', "Lỗi cách dùng: không có lệnh 'chek'; có phải ý bạn là check? (xem --help)\n"],
    ['sumary', 'vi', "Lỗi cách dùng: không có lệnh 'sumary'; có phải ý bạn là summary? (xem --help)\n"],
    ['tempalte', 'en', "Usage error: no command 'tempalte'; did you mean template? (see --help)\n"],
    ['reconcle', 'en', "Usage error: no command 'reconcle'; did you mean reconcile? (see --help)\n"],
  ])('%s (%s)', async (word, lang, said) => {
    const r = await tally([word, 'luu-tru', '--lang', lang]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(said);
  });

  it('a word far from every command is a file name', async () => {
    expect((await tally(['phieu'])).stderr).toBe('Không tìm thấy tệp: phieu\n');
  });
});

describe('help asked the Windows way', () => {
  it.each([['/?'], ['-?']])('tally %s', async (flag) => {
    const r = await tally([flag]);
    const help = await tally(['--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(help.stdout);
    expect(r.stdout).toContain('--overwrite');
  });

  it('tally check /? in English', async () => {
    const r = await tally(['check', '/?', '--lang', 'en']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Usage: tally check');
  });
});

describe('check shows paths as the clerk knows them', () => {
  it('a folder outside the current one by its whole path, never climbing with ..', async () => {
    const dir = freshDir();
    const book = join(dir, 'xa.xlsx');
    copyFileSync(WORKBOOK, book);
    expect(relative(process.cwd(), book).startsWith('..')).toBe(true);
    const r = await tally(['check', dir, '--jobs', '1']);
    expect(r.stdout).toContain(`• ${book} (13/12/2023`);
    expect(r.stdout).not.toContain('..');
  });

  it('a file under the current folder, relative to it', async () => {
    const r = await tally(['check', relative(process.cwd(), WORKBOOK), '--jobs', '1']);
    expect(r.stdout).toContain(`• ${relative(process.cwd(), WORKBOOK)} (13/12/2023`);
  });
});

describe('a file named like a command is still a file', () => {
  it('a workbook called "chek" in the current folder is tallied, not taken for check', async () => {
    // The current folder is the repository's: write the file there only for this test.
    const name = `chek-${process.pid}`;
    writeFileSync(name, 'x');
    try {
      const r = await tally([name]);
      expect(r.stderr).not.toContain('có phải ý bạn là');
    } finally {
      (await import('node:fs')).rmSync(name);
    }
  });
});
