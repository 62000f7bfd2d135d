// SPEC §3 "-o FILE": an existing file is replaced only when this tool wrote it (and nobody has
// changed it since), or with --overwrite; an input is never replaced, even with --overwrite; and
// `check` and `summary` never write over a file they read. For every command and every format.
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { SAMPLE, tally } from './run.js';

const WORKBOOK = join(SAMPLE, 'hoi-nghi-huyen.xlsx');
const ENTRY_2 = join(SAMPLE, '..', 'reconcile', 'nhap-2.csv');

const freshDir = () => mkdtempSync(join(tmpdir(), 'tally-overwrite-'));

/** Each command that writes, with the formats it writes; `variant` makes other bytes of the same report. */
const COMMANDS: readonly { name: string; formats: readonly string[]; run: (out: string) => string[]; variant: string[] }[] = [
  { name: 'tally', formats: ['xlsx', 'csv', 'json', 'html', 'htm', 'docx'], run: (out) => [WORKBOOK, '-o', out], variant: ['--lang', 'en'] },
  { name: 'check', formats: ['xlsx', 'json'], run: (out) => ['check', WORKBOOK, '--jobs', '1', '-o', out], variant: ['--lang', 'en'] },
  { name: 'summary', formats: ['xlsx', 'docx', 'html', 'json'], run: (out) => ['summary', WORKBOOK, '--jobs', '1', '-o', out], variant: ['--lang', 'en'] },
  { name: 'reconcile', formats: ['xlsx', 'csv'], run: (out) => ['reconcile', WORKBOOK, ENTRY_2, '-o', out], variant: ['--lang', 'en'] },
  { name: 'template', formats: ['xlsx'], run: (out) => ['template', '-o', out], variant: ['--ballots', '3'] },
  { name: 'ballot-form', formats: ['pdf'], run: (out) => ['ballot-form', WORKBOOK, '-o', out], variant: ['--copies', '2'] },
];

const CASES = COMMANDS.flatMap((c) => c.formats.map((f) => [c.name, f] as const));

/** A file the clerk made: for a workbook, a workbook of typed ballots; else text of another program. */
function foreign(path: string, format: string): Buffer {
  if (format === 'xlsx') copyFileSync(WORKBOOK, path);
  else writeFileSync(path, format === 'json' ? '{\n  "ghi chú": "của văn phòng"\n}\n' : format === 'csv' ? '\ufeffSTT,Họ và tên\r\n1,Nguyễn Văn A\r\n' : 'Ghi chú của văn phòng\n');
  return readFileSync(path);
}

/**
 * The file as another program would leave it after a change: a zip rebuilt with one part changed
 * and its archive comment kept (so only the digest can tell); text with one byte changed mid-file.
 */
async function edited(path: string, format: string): Promise<Buffer> {
  const bytes = readFileSync(path);
  if (format === 'xlsx' || format === 'docx') {
    const zip = await JSZip.loadAsync(bytes);
    const comment = bytes.toString('latin1', bytes.length - 77);
    expect(comment).toMatch(/^tally sha256:[0-9a-f]{64}$/);
    const part = Object.keys(zip.files).find((n) => n.endsWith('.xml') && !zip.files[n]?.dir) as string;
    zip.file(part, `${await zip.file(part)?.async('string')} `);
    writeFileSync(path, await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', comment }));
  } else {
    const at = Math.floor(bytes.length / 2);
    bytes[at] = bytes[at] === 0x31 ? 0x32 : 0x31;
    writeFileSync(path, bytes);
  }
  return readFileSync(path);
}

describe.each(CASES)('%s -o *.%s', (command, format) => {
  const spec = COMMANDS.find((c) => c.name === command) as (typeof COMMANDS)[number];

  it('refuses a file it did not write, replaces it with --overwrite, then replaces its own, never an edited one', async () => {
    const dir = freshDir();
    const out = join(dir, `bao-cao.${format}`);

    // Not ours: refused, exit 2, the file byte for byte as it was, nothing else in the folder.
    const mine = foreign(out, format);
    const refused = await tally(spec.run(out));
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain(`Không ghi đè tệp ${out}: tệp đã có và không phải báo cáo do tally ghi ra`);
    expect(refused.stderr).toContain('chọn tên khác cho -o, hoặc thêm --overwrite');
    expect(refused.stdout).toBe('');
    expect(readFileSync(out)).toEqual(mine);
    expect(readdirSync(dir)).toEqual([`bao-cao.${format}`]);

    // --overwrite: the clerk's own decision.
    const forced = await tally([...spec.run(out), ...spec.variant, '--overwrite']);
    expect(forced.code).not.toBe(2);
    const first = readFileSync(out);
    expect(first).not.toEqual(mine);

    // Ours and unchanged: replaced without being asked (the variant's bytes give way to these).
    const again = await tally(spec.run(out));
    expect(again.code).not.toBe(2);
    const second = readFileSync(out);
    expect(second).not.toEqual(first);

    // Ours but changed since (typed into, edited, saved by another program): refused again.
    const changed = await edited(out, format);
    const after = await tally(spec.run(out));
    expect(after.code).toBe(2);
    expect(after.stderr).toContain(`Không ghi đè tệp ${out}`);
    expect(readFileSync(out)).toEqual(changed);
  });
});

describe('an input is never overwritten, even with --overwrite', () => {
  const refusedInput = async (args: string[], path: string) => {
    const before = readFileSync(path);
    const r = await tally([...args, '--overwrite']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`${path}: đây là một tệp đầu vào; không ghi đè, kể cả với --overwrite`);
    expect(readFileSync(path)).toEqual(before);
  };

  it('tally: the ballots workbook, and a roster given by --roster', async () => {
    const dir = freshDir();
    const book = join(dir, 'phieu.xlsx');
    copyFileSync(WORKBOOK, book);
    await refusedInput([book, '-o', book], book);
    for (const name of ['phieu.csv', 'danh-sach.csv', 'hoi-nghi.csv']) copyFileSync(join(SAMPLE, name), join(dir, name));
    const args = [join(dir, 'phieu.csv'), '--roster', join(dir, 'danh-sach.csv'), '--session', join(dir, 'hoi-nghi.csv')];
    await refusedInput([...args, '-o', join(dir, 'danh-sach.csv')], join(dir, 'danh-sach.csv'));
    // The same file by another spelling of its path.
    await refusedInput([...args, '-o', join(dir, '.', 'sub', '..', 'phieu.csv')], join(dir, '.', 'sub', '..', 'phieu.csv'));
  });

  it('reconcile: an entry', async () => {
    const dir = freshDir();
    const entry = join(dir, 'nhap-2.csv');
    copyFileSync(ENTRY_2, entry);
    await refusedInput(['reconcile', WORKBOOK, entry, '-o', entry], entry);
  });

  it('template: the roster it is made from', async () => {
    const dir = freshDir();
    const roster = join(dir, 'danh-sach.xlsx');
    copyFileSync(WORKBOOK, roster);
    await refusedInput(['template', '--roster', roster, '-o', roster], roster);
  });
});

describe('check and summary never write over what they read', () => {
  /** An archive: a session folder with a results file, a session workbook, and a summary tally wrote. */
  async function archive(): Promise<string> {
    const root = freshDir();
    const folder = join(root, '2024', 'huyen');
    mkdirSync(folder, { recursive: true });
    for (const name of ['phieu.csv', 'danh-sach.csv', 'hoi-nghi.csv', 'hoi-nghi.json']) copyFileSync(join(SAMPLE, name), join(folder, name));
    copyFileSync(WORKBOOK, join(root, '2024', 'xa.xlsx'));
    const made = await tally([join(folder, 'phieu.csv'), '--roster', join(folder, 'danh-sach.csv'), '--session', join(folder, 'hoi-nghi.csv'), '-o', join(folder, 'tong-hop.xlsx'), '-o', join(folder, 'ket-qua.csv')]);
    expect(made.code).toBe(0);
    return root;
  }

  const sessionsFound = async (root: string) => (JSON.parse((await tally(['check', root, '--jobs', '1', '--json'])).stdout) as { sessions: unknown[] }).sessions.length;

  it.each([
    ['check', 'huyen/tong-hop.xlsx'],
    ['check', 'xa.xlsx'],
    ['check', 'huyen/hoi-nghi.json'],
    ['summary', 'huyen/tong-hop.xlsx'],
    ['summary', 'huyen/hoi-nghi.json'],
    ['summary', 'xa.xlsx'],
  ])('%s -o %s (a file it read), even with --overwrite: exit 2, nothing touched', async (command, name) => {
    const root = await archive();
    const sessions = await sessionsFound(root);
    expect(sessions).toBe(2);
    const out = join(root, '2024', name);
    const before = readFileSync(out);
    const r = await tally([command, root, '--jobs', '1', '-o', out, '--overwrite']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`Lỗi cách dùng: ${out}: tệp này nằm trong thư mục lệnh đang đọc nên là một tệp đầu vào; không ghi đè, kể cả với --overwrite — hãy ghi báo cáo ra ngoài thư mục đó hoặc chọn tên khác cho -o\n`);
    expect(readFileSync(out)).toEqual(before);
    // The next check still finds every session.
    expect(await sessionsFound(root)).toBe(sessions);
  });

  it.each([['check'], ['summary']])('%s -o a workbook given to it, even with --overwrite: an input', async (command) => {
    const root = await archive();
    const book = join(root, '2024', 'xa.xlsx');
    const before = readFileSync(book);
    const r = await tally([command, book, '--jobs', '1', '-o', book, '--overwrite']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`${book}: đây là một tệp đầu vào; không ghi đè, kể cả với --overwrite`);
    expect(readFileSync(book)).toEqual(before);
  });

  it('a new report inside a folder read is written, is not read as a session by that run, and the same command again replaces it', async () => {
    const root = await archive();
    const out = join(root, '2024', 'kiem-tra.xlsx');
    const first = await tally(['check', root, '--jobs', '1', '--json', '-o', out]);
    expect(first.code).not.toBe(2);
    expect((JSON.parse(first.stdout) as { sessions: unknown[] }).sessions).toHaveLength(2);
    // Next run: the report is a file of the folder read, but read as nothing (a check report is
    // no session and no record) and still tally's own, unchanged: replaced, the same answer.
    const second = await tally(['check', root, '--jobs', '1', '--json', '-o', out]);
    expect(second.code).toBe(first.code);
    expect((JSON.parse(second.stdout) as { sessions: unknown[] }).sessions).toHaveLength(2);
    expect(second.stderr).toContain(`Đã ghi ${out}`);
    // Edited by someone since, it is refused: it may hold their notes.
    const changed = await edited(out, 'xlsx');
    const third = await tally(['check', root, '--jobs', '1', '-o', out]);
    expect(third.code).toBe(2);
    expect(third.stderr).toContain(`Không ghi đè tệp ${out}`);
    expect(readFileSync(out)).toEqual(changed);
  });

  it('a report beside the folders read replaces the one it wrote before', async () => {
    const root = await archive();
    const out = join(root, 'tong-hop-dot.xlsx');
    expect((await tally(['summary', join(root, '2024'), '--jobs', '1', '-o', out])).code).not.toBe(2);
    const again = await tally(['summary', join(root, '2024'), '--jobs', '1', '-o', out]);
    expect(again.code).not.toBe(2);
    expect(again.stderr).toContain(`Đã ghi ${out}`);
  });
});

describe('in English', () => {
  it('an existing file refused, and an input', async () => {
    const dir = freshDir();
    const out = join(dir, 'phieu.xlsx');
    copyFileSync(WORKBOOK, out);
    const r = await tally([WORKBOOK, '--lang', 'en', '-o', out]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`Not overwriting ${out}: the file exists and is not a report written by tally (it may hold typed ballots, a roster, or a report edited since). Choose another name for -o, or add --overwrite if you are sure it should be replaced\n`);
    const input = await tally([out, '--lang', 'en', '-o', out, '--overwrite']);
    expect(input.stderr).toBe(`Usage error: ${out}: this is an input file; it is never overwritten, even with --overwrite — choose another name for -o\n`);
  });
});

describe('a file that appears while the reports are made', () => {
  it('is not replaced: the write stops, nothing touched, no temp file left', async () => {
    const { writeOutputs } = await import('../../src/cli/output.js');
    const dir = freshDir();
    const out = join(dir, 'tong-hop.json');
    const other = join(dir, 'tong-hop.html');
    // checkOutputs found neither; then the clerk saved a file under one of the names.
    writeFileSync(out, '{\n  "ghi chú": "vừa lưu"\n}\n');
    const before = readFileSync(out);
    await expect(writeOutputs([{ path: other, bytes: Buffer.from('<p>') }, { path: out, bytes: Buffer.from('{\n  "a": 1\n}\n') }])).rejects.toMatchObject({ reason: 'exists', path: out });
    expect(readFileSync(out)).toEqual(before);
    expect(readdirSync(dir)).toEqual(['tong-hop.json']);
  });
});
