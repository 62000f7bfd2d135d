// The hostile-file corpus (fixtures/hostile, scripts/hostile.mjs): each file is refused with a
// clear message and exit 2, or read correctly, by the built program in a child process with a
// small heap — never a crash, a hang or a stack trace, and never a secret read from elsewhere.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
// @ts-expect-error: a plain ES module script, without type declarations
import { largeFiles } from '../../scripts/hostile.mjs';

const ROOT = join(import.meta.dirname, '..', '..');
const BIN = join(ROOT, 'bin', 'tally.js');
const HOSTILE = join(ROOT, 'fixtures', 'hostile');
const dir = mkdtempSync(join(tmpdir(), 'tally-hostile-'));
const withSession = (file: string) => [file, '--roster', join(HOSTILE, 'roster.csv'), '--session', join(HOSTILE, 'session.csv')];

function run(args: readonly string[]) {
  // A 256 MB heap: a reader that held a whole large input would run out.
  const r = spawnSync(process.execPath, ['--max-old-space-size=256', BIN, ...args], { encoding: 'utf8', timeout: 120_000, maxBuffer: 64 << 20 });
  return { code: r.status, signal: r.signal, stdout: r.stdout, stderr: r.stderr };
}

beforeAll(() => {
  for (const [name, bytes] of Object.entries(largeFiles() as Record<string, Buffer>)) writeFileSync(join(dir, name), bytes);
  mkdirSync(join(dir, 'a-folder.csv'));
  if (process.platform !== 'win32') spawnSync('mkfifo', [join(dir, 'fifo.csv')]);
}, 60_000);

const CORRUPT = 'tệp .xlsx bị hỏng hoặc không đúng định dạng';

describe('hostile files', () => {
  it.each([
    ['zip-bomb-declared.xlsx', 'vượt giới hạn dung lượng giải nén của một trang 1024 MB; nếu tệp đúng, chạy lại với --limit part-mb='],
    ['zip-bomb-lying.xlsx', CORRUPT],
    ['entity-expansion.xlsx', CORRUPT],
    ['external-entity.xlsx', CORRUPT],
    ['undeclared-entity.xlsx', CORRUPT],
    ['column-past-xfd.xlsx', CORRUPT],
    ['rows-out-of-order.xlsx', CORRUPT],
    ['row-past-excel.xlsx', CORRUPT],
    ['huge-cell.xlsx', 'huge-cell.xlsx (dòng 3): vượt giới hạn độ dài một dòng 4 MB'],
    ['long-cell.xlsx', 'long-cell.xlsx (dòng 3): vượt giới hạn độ dài một ô 32.767 ký tự'],
    ['truncated.xlsx', CORRUPT],
    ['not-a-zip.xlsx', CORRUPT],
    ['unclosed-quote.csv', 'unclosed-quote.csv (dòng 3): tệp CSV hỏng'],
  ])('%s is refused: %s', (name, message) => {
    const r = run(withSession(join(HOSTILE, name)));
    expect(r.signal).toBeNull();
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(message);
    expect(r.stderr).not.toMatch(/\n\s+at |Lỗi nội bộ/);
    // Nothing from outside the file ever shows (external-entity.xlsx names /etc/passwd).
    expect(r.stdout + r.stderr).not.toContain('root:');
  });

  it.each([
    ['unclosed-quote-20mb.csv', 'unclosed-quote-20mb.csv (dòng 2): vượt giới hạn độ dài một dòng 4 MB'],
    ['million-columns.csv', 'million-columns.csv (dòng 2): vượt giới hạn 16.384 cột'],
    ['huge-cell-10mb.csv', 'huge-cell-10mb.csv (dòng 2): vượt giới hạn độ dài một dòng 4 MB'],
    ['long-cell.csv', 'long-cell.csv (dòng 2): vượt giới hạn độ dài một ô 32.767 ký tự'],
    ['nul-bytes.csv', 'nul-bytes.csv: không phải tệp văn bản (CSV) hay sổ Excel'],
    ['control-bytes.csv', 'control-bytes.csv: không phải tệp văn bản (CSV) hay sổ Excel'],
    ['utf16-no-bom.csv', 'utf16-no-bom.csv: không phải tệp văn bản (CSV) hay sổ Excel'],
    ['text-named.xlsx', 'text-named.xlsx: tệp có đuôi .xlsx nhưng không phải sổ Excel mà là văn bản'],
    ['a-folder.csv', 'a-folder.csv: không phải là tệp'],
  ])('%s (made now) is refused: %s', (name, message) => {
    const r = run(withSession(join(dir, name)));
    expect(r.signal).toBeNull();
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(message);
    expect(r.stderr).not.toMatch(/\n\s+at |Lỗi nội bộ/);
  });

  it.skipIf(process.platform === 'win32')('a FIFO is refused without being opened (opening one would wait forever)', () => {
    const r = run(withSession(join(dir, 'fifo.csv')));
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('fifo.csv: không phải là tệp');
  });

  it('reads 100,000 levels of nesting without recursion', () => {
    const r = run(withSession(join(HOSTILE, 'deeply-nested.xlsx')));
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Nguyễn Văn An');
  });

  it("a ballot on Excel's last row: the million blank rows before it are one warning", () => {
    const r = run([...withSession(join(HOSTILE, 'last-row.xlsx')), '--json']);
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout);
    expect(doc.problems.filter((p: { code: string }) => p.code === 'empty-row')).toEqual([
      expect.objectContaining({ code: 'empty-row', severity: 'warning', row: 6, message: '1048570 dòng trống liền nhau giữa các phiếu (đến dòng 1048575); không tính là phiếu' }),
    ]);
    expect(doc.rows[0]).toMatchObject({ rowsRead: 1_048_576, countedRows: 5, nonBallot: { header: 1, empty: 1_048_570 } });
  });

  it('ballots pasted over and over: every repeat is an error, the screen shows the first and counts the rest', () => {
    const screen = run(withSession(join(dir, 'pasted-over.csv')));
    expect(screen.code).toBe(1);
    expect(screen.stderr.split('\n').filter((l) => l.includes('trùng với dòng'))).toHaveLength(50);
    expect(screen.stderr).toContain('… và 99.945 vấn đề cùng loại (duplicate-ballot) nữa, không in ra đây; tất cả có trong --json');
    const all = run([...withSession(join(dir, 'pasted-over.csv')), '--json']);
    expect(JSON.parse(all.stdout).problems.filter((p: { code: string }) => p.code === 'duplicate-ballot')).toHaveLength(99_995);
  });

  it('lets --limit lower or raise a limit, and names a wrong one', () => {
    const lower = run([...withSession(join(dir, 'unclosed-quote-20mb.csv')), '--limit', 'file-mb=1']);
    expect(lower.code).toBe(2);
    expect(lower.stderr).toContain('vượt giới hạn kích thước tệp phiếu 1 MB');
    // Raised, the 10-million-character cell is read, and refused as a ballot mark, cut short.
    const raised = run([...withSession(join(HOSTILE, 'huge-cell.xlsx')), '--limit', 'cell-chars=20000000', '--limit', 'row-mb=64', '--lang', 'en']);
    expect(raised.code).toBe(1);
    expect(raised.stderr).toMatch(/cell C3 \(Trần Thị Bình\): 'x{79}…' is not a valid code/);
    expect(raised.stderr.length).toBeLessThan(5000);
    const wrong = run([...withSession(join(HOSTILE, 'huge-cell.xlsx')), '--limit', 'cells=5']);
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toContain("giá trị 'cells=5' của --limit không hợp lệ");
  });
});
