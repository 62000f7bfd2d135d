// Issue 19: every entry `check` and `summary` meet is accounted for, by name, and bad input is
// bounded. Each hostile archive below is run through the built program in a child process with
// a small heap (as test/hostile does): its exit code and message, never a crash, a hang, a
// dropped unit or a file read from outside the folders given.
import { spawnSync, type SpawnSyncOptions } from 'node:child_process';
import { chmodSync, cpSync, mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { sha256 } from '../../src/check/copies.js';
import { zipEntries } from '../zip.js';

const ROOT = join(import.meta.dirname, '..', '..');
const BIN = join(ROOT, 'bin', 'tally.js');
const posix = process.platform !== 'win32';

function run(cwd: string, args: readonly string[], extra: SpawnSyncOptions = {}) {
  // A 256 MB heap: a report or reader that held a row per unit in a heavy form would run out.
  const r = spawnSync(process.execPath, ['--max-old-space-size=256', BIN, ...args], { cwd, encoding: 'utf8', timeout: 120_000, maxBuffer: 64 << 20, ...extra });
  const out = { code: r.status, signal: r.signal, stdout: String(r.stdout), stderr: String(r.stderr) };
  // Whatever the input: no stack trace, no internal error, not killed by the time limit.
  expect(out.signal).toBeNull();
  expect(out.stdout + out.stderr).not.toMatch(/\n\s+at |Lỗi nội bộ|Internal error|Maximum call stack/);
  return out;
}

// A session where Nguyễn Văn An has 3 low votes of 5 (60%, above one half): flagged.
const ROSTER = 'STT,Họ và tên,Chức vụ\n1,Nguyễn Văn An,Bí thư\n2,Trần Thị Bình,Phó Bí thư\n3,Lê Văn Cường,Chủ tịch\n';
const SESSION = 'Tên hội nghị,Hội nghị thử\nNgày,01/11/2026\nSố người được triệu tập,5\nSố người có mặt,5\nSố phiếu phát ra,5\nSố phiếu thu về,5\n';
const BALLOTS = 'Số phiếu,Nguyễn Văn An,Trần Thị Bình,Lê Văn Cường\n1,1,2,1\n2,1,1,3\n3,3,3,1\n4,3,3,1\n5,3,2,2\n';

function session(dir: string, files: { roster?: string | null; session?: string | null; ballots?: string | null } = {}): string {
  mkdirSync(dir, { recursive: true });
  if (files.roster !== null) writeFileSync(join(dir, 'danh-sach.csv'), files.roster ?? ROSTER);
  if (files.session !== null) writeFileSync(join(dir, 'hoi-nghi.csv'), files.session ?? SESSION);
  if (files.ballots !== null) writeFileSync(join(dir, 'phieu.csv'), files.ballots ?? BALLOTS);
  return dir;
}

const temp = () => mkdtempSync(join(tmpdir(), 'tally-entries-'));
const json = (text: string) => JSON.parse(text) as { sessions: { path: string; status: string; problems: { code: string; message: string; file?: string }[] }[] };
const summaryJson = (text: string) => JSON.parse(text) as { round: { complete: boolean; totals: { sessions: number } }; units: { unit: string; status: string }[]; flagged: { name: string }[] };

describe('a folder that looks like a session but lacks a file', () => {
  it('lacking its ballots: listed as invalid, naming what is missing; exit 1', () => {
    const dir = temp();
    session(join(dir, 'xa-a'), { ballots: null });
    const r = run(dir, ['check', '.']);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('✗ xa-a: không hợp lệ');
    expect(r.stdout).toContain('tệp xa-a: thư mục có tệp của một hội nghị nhưng thiếu tệp phiếu (ballots*.* hoặc phieu*.*): không kiểm lại được');
    expect(r.stdout).not.toContain('Đủ kết quả');
  });

  it('lacking its roster and session file, in English', () => {
    const dir = temp();
    session(join(dir, 'xa-b'), { roster: null, session: null });
    const r = run(dir, ['check', '.', '--lang', 'en']);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('file xa-b: the folder holds a session\'s files but lacks the roster (roster.* or danh-sach.*) and the session file (session.* or hoi-nghi.*): it cannot be re-checked');
  });

  it('summary: the unit is invalid and the round incomplete, the good unit still summed', () => {
    const dir = temp();
    session(join(dir, 'xa-a'), { ballots: null });
    session(join(dir, 'xa-c'));
    const r = run(dir, ['summary', '.', '--json']);
    expect(r.code).toBe(1);
    const doc = summaryJson(r.stdout);
    expect(doc.round.complete).toBe(false);
    expect(doc.units.map((u) => [u.unit, u.status])).toEqual([
      ['xa-a', 'invalid'],
      ['xa-c', 'valid'],
    ]);
  });

  it('a roster beside a session workbook named like a ballot file: the workbook is the session', () => {
    const dir = temp();
    mkdirSync(join(dir, 'xa-e'));
    writeFileSync(join(dir, 'xa-e', 'danh-sach.csv'), ROSTER);
    cpSync(join(ROOT, 'fixtures', 'hoi-nghi-huyen', 'hoi-nghi-huyen.xlsx'), join(dir, 'xa-e', 'phieu-2024.xlsx'));
    const r = run(dir, ['check', '.', '--json']);
    expect(json(r.stdout).sessions.map((s) => s.path)).toEqual(['xa-e/phieu-2024.xlsx']);
  });

  it.runIf(posix)('holding a FIFO in place of its ballots: that file named, never opened', () => {
    const dir = temp();
    session(join(dir, 'xa-d'), { ballots: null });
    expect(spawnSync('mkfifo', [join(dir, 'xa-d', 'phieu.csv')]).status).toBe(0);
    for (const command of ['check', 'summary']) {
      const r = run(dir, [command, '.']);
      expect(r.code).toBe(1);
      expect(r.stdout).toContain('không phải là tệp');
    }
    expect(run(dir, ['check', '.']).stdout).toContain('tệp xa-d/phieu.csv: không phải là tệp (mà là thư mục, thiết bị hay đường ống); không mở');
  });
});

describe('a path with no session', () => {
  it('an empty folder is said, with exit 1, not a complete round', () => {
    const dir = temp();
    mkdirSync(join(dir, 'rong'));
    const check = run(dir, ['check', 'rong']);
    expect(check.code).toBe(1);
    expect(check.stdout).toContain('tệp rong: không tìm thấy hội nghị nào ở đây');
    const summary = run(dir, ['summary', 'rong']);
    expect(summary.code).toBe(1);
    expect(summary.stdout).toContain('Báo cáo chưa đầy đủ: 1 hội nghị không hợp lệ (rong)');
  });

  it('a folder holding only a workbook that is not a session holds no session', async () => {
    const dir = temp();
    mkdirSync(join(dir, 'ghi-chu'));
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('Sheet1').addRow(['ghi chú']);
    await wb.xlsx.writeFile(join(dir, 'ghi-chu', 'ghi-chu.xlsx'));
    const r = run(dir, ['check', 'ghi-chu']);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('tệp ghi-chu: không tìm thấy hội nghị nào ở đây');
  });

  it('a folder holding sessions and a lone list of leaders is not flagged for having none of its own', () => {
    const dir = temp();
    session(join(dir, 'dot', 'xa-a'));
    writeFileSync(join(dir, 'dot', 'danh-sach.csv'), ROSTER);
    const r = run(dir, ['check', 'dot', '--json']);
    expect(r.code).toBe(0);
    expect(json(r.stdout).sessions.map((s) => s.status)).toEqual(['no record']);
  });
});

describe('empty files', () => {
  it('four 0-byte unit workbooks are four empty inputs, not three copies of one', () => {
    const dir = temp();
    for (const u of ['xa-1', 'xa-2', 'xa-3', 'xa-4']) writeFileSync(join(dir, `${u}.xlsx`), '');
    const r = run(dir, ['check', '.', '--json']);
    expect(r.code).toBe(1);
    const doc = json(r.stdout);
    expect(doc.sessions.map((s) => [s.path, s.status])).toEqual(['xa-1', 'xa-2', 'xa-3', 'xa-4'].map((u) => [`${u}.xlsx`, 'invalid']));
    for (const s of doc.sessions) {
      expect(s.problems.map((p) => p.message)).toEqual(['tệp rỗng (0 byte): không có dữ liệu; kiểm tra lại tệp gốc']);
    }
  });
});

describe('the same session reached twice, and copies', () => {
  it.runIf(posix)('a folder link and the same path given twice: one session, its flagged leader once', () => {
    const dir = temp();
    session(join(dir, 'dot', 'xa-a'));
    symlinkSync(join(dir, 'dot', 'xa-a'), join(dir, 'dot', 'xa-a-link'));
    symlinkSync(join(dir, 'dot'), join(dir, 'dot-link'));
    const check = run(dir, ['check', 'dot', 'dot-link', 'dot', '--json']);
    expect(check.code).toBe(0);
    expect(json(check.stdout).sessions.map((s) => s.path)).toEqual(['dot/xa-a']);
    const summary = run(dir, ['summary', 'dot-link', 'dot', '--json']);
    const doc = summaryJson(summary.stdout);
    expect(doc.round.totals.sessions).toBe(1);
    expect(doc.flagged.map((l) => l.name)).toEqual(['Nguyễn Văn An']);
  });

  it('a copied folder (distinct files, the same bytes) is the same session, the copy named', () => {
    const dir = temp();
    session(join(dir, 'xa-a'));
    cpSync(join(dir, 'xa-a'), join(dir, 'xa-a - Copy'), { recursive: true });
    const check = run(dir, ['check', '.', '--json']);
    expect(check.code).toBe(0);
    const [only, ...others] = json(check.stdout).sessions;
    expect(others).toEqual([]);
    expect(only?.path).toBe('xa-a');
    expect(only?.problems.map((p) => p.message)).toEqual(['có bản sao giống hệt (cùng SHA-256), kiểm tra một lần như cùng một hội nghị: xa-a - Copy']);
    const summary = summaryJson(run(dir, ['summary', '.', '--json']).stdout);
    expect(summary.flagged.map((l) => l.name)).toEqual(['Nguyễn Văn An']);
  });

  it('two folders whose ballots differ by one mark are two sessions', () => {
    const dir = temp();
    session(join(dir, 'xa-a'));
    session(join(dir, 'xa-b'), { ballots: BALLOTS.replace('5,3,2,2', '5,3,2,1') });
    const doc = json(run(dir, ['check', '.', '--json']).stdout);
    expect(doc.sessions.map((s) => s.path)).toEqual(['xa-a', 'xa-b']);
  });
});

describe.runIf(posix)('links leaving the folders given', () => {
  it('a phieu.csv linked to a file outside is refused, and nothing of it reaches a report', () => {
    const outside = temp();
    const secret = join(outside, 'secret.csv');
    writeFileSync(secret, 'BÍ-MẬT-KHÔNG-ĐƯỢC-ĐỌC,1,2\n');
    const dir = temp();
    session(join(dir, 'xa-a'), { ballots: null });
    symlinkSync(secret, join(dir, 'xa-a', 'phieu.csv'));
    const check = run(dir, ['check', '.']);
    expect(check.code).toBe(1);
    expect(check.stdout).toContain('tệp xa-a/phieu.csv: là liên kết (shortcut) trỏ ra ngoài các thư mục đã chỉ định; không đọc');
    const summary = run(dir, ['summary', '.', '--json', '-o', 'bao-cao.docx', '-o', 'tong-hop.xlsx']);
    expect(summary.code).toBe(1);
    const written = [summary.stdout, summary.stderr];
    for (const file of ['bao-cao.docx', 'tong-hop.xlsx']) for (const data of zipEntries(readFileSync(join(dir, file))).values()) written.push(data.toString('utf8'));
    expect(written.join('\n')).toContain('xa-a');
    expect(written.join('\n')).not.toContain('BÍ-MẬT');
  });

  it("a summary's audit naming inputs outside the folders given: not read (inputs missing), read once their folder is given", () => {
    const dir = temp();
    const out = session(join(dir, 'ngoai'));
    mkdirSync(join(dir, 'luu'));
    // Absolute paths, as the audit sheet records them when the clerk typed them so.
    const made = run(dir, [join(out, 'phieu.csv'), '--roster', join(out, 'danh-sach.csv'), '--session', join(out, 'hoi-nghi.csv'), '-o', join('luu', 'tong-hop.xlsx')]);
    expect(made.code).toBe(0);
    const alone = json(run(dir, ['check', 'luu', '--json']).stdout);
    expect(alone.sessions.map((s) => [s.path, s.status])).toEqual([['luu/tong-hop.xlsx', 'inputs missing']]);
    const both = json(run(dir, ['check', 'luu', 'ngoai', '--json']).stdout);
    expect(both.sessions.map((s) => [s.path, s.status])).toEqual([['ngoai', 'ok']]);
  });

  it('a link to a device is refused without being read', () => {
    const dir = temp();
    session(join(dir, 'xa-a'), { ballots: null });
    symlinkSync('/dev/zero', join(dir, 'xa-a', 'phieu.csv'));
    const r = run(dir, ['summary', '.']);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('Không hợp lệ: là liên kết (shortcut) trỏ ra ngoài các thư mục đã chỉ định');
  });

  it('a device given as a path is not a file: said, and the run goes on', () => {
    const dir = temp();
    session(join(dir, 'xa-a'));
    const r = run(dir, ['summary', 'xa-a', '/dev/zero', '--json']);
    expect(r.code).toBe(1);
    expect(summaryJson(r.stdout).units.map((u) => u.status)).toEqual(['invalid', 'valid']);
  });
});

describe('hashing is bounded', () => {
  it.runIf(posix)('a device is never hashed (it would be read for ever)', async () => {
    expect(await sha256('/dev/zero')).toBeNull();
  });

  it('a file past the byte cap is not hashed; a small one is, as an independent digest says', async () => {
    const dir = temp();
    writeFileSync(join(dir, 'a.csv'), 'abc');
    // SHA-256("abc"), FIPS 180-2 appendix B.1.
    expect(await sha256(join(dir, 'a.csv'))).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    expect(await sha256(join(dir, 'a.csv'), 2)).toBeNull();
  });
});

describe.runIf(posix)('an unreadable folder', () => {
  it('is named with its reason; the other sessions are still checked', () => {
    const dir = temp();
    session(join(dir, 'dot', 'xa-a'));
    session(join(dir, 'dot', 'xa-b'));
    chmodSync(dir, 0o755);
    for (const d of ['dot', 'dot/xa-a']) chmodSync(join(dir, d), 0o755);
    chmodSync(join(dir, 'dot', 'xa-b'), 0o000);
    // Root reads any folder: the program then runs as nobody, as a clerk without the right would.
    const asNobody = process.getuid?.() === 0 ? { uid: 65534, gid: 65534 } : {};
    const r = run(dir, ['check', 'dot', '--json'], asNobody);
    chmodSync(join(dir, 'dot', 'xa-b'), 0o755);
    expect(r.code).toBe(1);
    const doc = json(r.stdout);
    expect(doc.sessions.map((s) => [s.path, s.status])).toEqual([
      ['dot/xa-a', 'no record'],
      ['dot/xa-b', 'invalid'],
    ]);
    expect(doc.sessions[1]?.problems.map((p) => p.message)).toEqual(['không có quyền đọc; nhờ người quản trị máy cấp quyền, hoặc chép sang thư mục khác rồi chạy lại']);
  });
});

describe('session JSON files', () => {
  it('100,000 levels of nesting: refused before parsing, naming the file', () => {
    const dir = temp();
    session(join(dir, 'xa-a'), { session: null });
    writeFileSync(join(dir, 'xa-a', 'hoi-nghi.json'), `{"title":${'['.repeat(100_000)}${']'.repeat(100_000)}}`);
    for (const command of ['check', 'summary']) expect(run(dir, [command, '.']).code).toBe(1);
    expect(run(dir, ['check', '.']).stdout).toContain('tệp xa-a/hoi-nghi.json: tệp JSON lồng quá sâu (quá 16 tầng)');
  });

  it('a top-level array: the file must be one object', () => {
    const dir = temp();
    session(join(dir, 'xa-a'), { session: null });
    writeFileSync(join(dir, 'xa-a', 'hoi-nghi.json'), '[1, 2]');
    const r = run(dir, ['check', '.']);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('tệp xa-a/hoi-nghi.json: tệp JSON của hội nghị phải là một đối tượng');
    expect(r.stdout).not.toContain('undefined');
  });

  it('a value longer than a cell may be: the limit named, with the option that raises it', () => {
    const dir = temp();
    session(join(dir, 'xa-a'), { session: null });
    writeFileSync(join(dir, 'xa-a', 'hoi-nghi.json'), JSON.stringify({ title: 'x'.repeat(100_000), convened: 5, present: 5, issued: 5, returned: 5 }));
    const r = run(dir, ['check', '.']);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('tệp xa-a/hoi-nghi.json: vượt giới hạn độ dài một ô 32.767 ký tự; nếu tệp đúng, chạy lại với --limit cell-chars=');
    expect(run(dir, ['check', '.', '--limit', 'cell-chars=200000']).code).toBe(0);
  });
});

describe('units lists and the DOCX stay within memory', () => {
  it('a 29 MB units list (inside the 64 MB file limit) is refused at the units limit, not read into the heap', () => {
    const dir = temp();
    session(join(dir, 'xa-a'));
    const names = Array.from({ length: 1_050_000 }, (_, i) => `Đảng bộ xã số ${i + 1}`);
    writeFileSync(join(dir, 'don-vi.csv'), `Đơn vị\n${names.join('\n')}\n`);
    expect(readFileSync(join(dir, 'don-vi.csv')).length).toBeGreaterThan(29e6);
    const r = run(dir, ['summary', 'xa-a', '--units', 'don-vi.csv', '-o', 'bao-cao.docx']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('don-vi.csv: vượt giới hạn 10.000 đơn vị trong danh sách đơn vị; nếu tệp đúng, chạy lại với --limit units=');
  });

  it('10,000 units (the limit) make a DOCX within a 256 MB heap, every unit in it', () => {
    const dir = temp();
    session(join(dir, 'xa-a'));
    const names = Array.from({ length: 10_000 }, (_, i) => `Đảng bộ xã số ${i + 1}`);
    writeFileSync(join(dir, 'don-vi.csv'), `Đơn vị\n${names.join('\n')}\n`);
    const r = run(dir, ['summary', 'xa-a', '--units', 'don-vi.csv', '-o', 'bao-cao.docx']);
    // Every listed unit is missing (the one session is not on the list): incomplete, exit 1.
    expect(r.code).toBe(1);
    const xml = zipEntries(readFileSync(join(dir, 'bao-cao.docx'))).get('word/document.xml')?.toString('utf8') ?? '';
    // Each unit once in the per-unit table and once in the list of what is missing.
    for (const n of [1, 5_000, 10_000]) expect(xml.split(`>Đảng bộ xã số ${n}<`)).toHaveLength(2);
    expect(xml.split('>- Đảng bộ xã số 10000: chưa có kết quả<')).toHaveLength(2);
  }, 180_000);
});
