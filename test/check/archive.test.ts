// `tally check` over awkward archives (issue 11): every session wrong, copies of a workbook,
// names that sort as numbers, a person in many places, a session with several records.
import { appendFileSync, copyFileSync, cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tally } from '../cli/run.js';

const ARCHIVE = join('fixtures', 'archive');
const temp = () => relative(process.cwd(), mkdtempSync(join(tmpdir(), 'tally-check-'))) || '.';

/** A session whose every ballot cell is a bad code: ballots × leaders problems of one kind. */
function wrongSession(folder: string, ballots: number, leaders: number): void {
  mkdirSync(folder, { recursive: true });
  const names = Array.from({ length: leaders }, (_, i) => `Người ${i + 1}`);
  writeFileSync(join(folder, 'danh-sach.csv'), ['STT,Họ và tên,Chức vụ', ...names.map((n, i) => `${i + 1},${n},Ủy viên`)].join('\n'));
  // Each session its own title: byte-identical folders would be one session copied (issue 19).
  writeFileSync(join(folder, 'hoi-nghi.csv'), `Mục,Giá trị\nTên hội nghị,${folder.split(/[\\/]/).pop()}\nNgày,10/12/2024\nĐợt,2024\nSố người được triệu tập,${ballots}\nSố người có mặt,${ballots}\nSố phiếu phát ra,${ballots}\nSố phiếu thu về,${ballots}\n`);
  const row = names.map(() => 'z').join(',');
  writeFileSync(join(folder, 'phieu.csv'), [`Số phiếu,${names.join(',')}`, ...Array.from({ length: ballots }, (_, b) => `${b + 1},${row}`)].join('\n'));
}

describe('an archive where every session is wrong', () => {
  const SESSIONS = 20;
  const BALLOTS = 300;
  const LEADERS = 30;
  const dir = temp();
  for (let s = 1; s <= SESSIONS; s++) wrongSession(join(dir, `don-vi-${s}`), BALLOTS, LEADERS);
  const rest = BALLOTS * LEADERS - 50;

  it('prints at most 50 problems of a kind per session and counts the rest', async () => {
    const r = await tally(['check', dir, '--jobs', '2']);
    expect(r.code).toBe(1);
    // 9,000 bad cells a session printed whole were about 2.6 MB each; 50 of them and a count
    // are a few kilobytes.
    expect(Buffer.byteLength(r.stdout)).toBeLessThan(SESSIONS * 8_000);
    const more = r.stdout.split('\n').filter((l) => l.trim() === `… và ${rest.toLocaleString('vi-VN')} lỗi khác cùng loại (bad-cell)`);
    expect(more).toHaveLength(SESSIONS);
    expect(rest.toLocaleString('vi-VN')).toBe('8.950');
  });

  it('--json lists the same 50 per kind with each kind’s exact count', async () => {
    const doc = JSON.parse((await tally(['check', dir, '--json', '--jobs', '2'])).stdout);
    expect(doc.sessions).toHaveLength(SESSIONS);
    for (const s of doc.sessions) {
      expect(s.problems.filter((p: { code: string }) => p.code === 'bad-cell')).toHaveLength(50);
      expect(s.problemCounts).toEqual([{ severity: 'error', code: 'bad-cell', total: BALLOTS * LEADERS, listed: 50 }]);
    }
  });

  it('lists sessions in natural order: 2 before 10', async () => {
    const doc = JSON.parse((await tally(['check', dir, '--json', '--jobs', '1'])).stdout);
    expect(doc.sessions.map((s: { path: string }) => Number(s.path.replace(/.*don-vi-/, '')))).toEqual(Array.from({ length: SESSIONS }, (_, i) => i + 1));
  });
});

describe('copies and places', () => {
  it('a byte-identical copy of a workbook is the same session, named once', async () => {
    const dir = temp();
    copyFileSync(join(ARCHIVE, '2023', 'hoi-nghi-huyen.xlsx'), join(dir, 'hoi-nghi-huyen.xlsx'));
    copyFileSync(join(ARCHIVE, '2023', 'hoi-nghi-huyen.xlsx'), join(dir, 'hoi-nghi-huyen - Copy.xlsx'));
    copyFileSync(join(ARCHIVE, '2023', 'hoi-nghi-huyen.xlsx'), join(dir, 'Copy of hoi-nghi-huyen.xlsx'));
    const r = await tally(['check', dir, '--json']);
    const doc = JSON.parse(r.stdout);
    expect(doc.sessions.map((s: { path: string; status: string }) => [s.path, s.status])).toEqual([[join(dir, 'hoi-nghi-huyen.xlsx'), 'ok']]);
    expect(doc.sessions[0].problems.map((p: { code: string; copies?: string[]; row: number | null }) => [p.code, p.copies ?? p.row])).toEqual([
      // The sample's title above its header, said as tally says it (warnings before notes).
      ['non-ballot-row', 1],
      ['duplicate-file', [join(dir, 'Copy of hoi-nghi-huyen.xlsx'), join(dir, 'hoi-nghi-huyen - Copy.xlsx')]],
    ]);
    // Not a second place for anyone.
    expect(doc.problems).toEqual([]);
    expect(r.code).toBe(0);
    const text = (await tally(['check', dir])).stdout;
    expect(text).toContain('có bản sao giống hệt (cùng SHA-256)');
  });

  it('a person in eight places: the message names five and counts the rest, the JSON has all', async () => {
    const dir = temp();
    const places = [1, 2, 3, 4, 5, 6, 7, 10];
    for (const p of places) {
      cpSync(join(ARCHIVE, '2024', 'huyen'), join(dir, `don-vi-${p}`), { recursive: true });
      // Distinct sessions: a byte-identical folder would be one session copied (issue 19).
      appendFileSync(join(dir, `don-vi-${p}`, 'hoi-nghi.csv'), '\n'.repeat(p));
    }
    const doc = JSON.parse((await tally(['check', dir, '--json'])).stdout);
    const hung = doc.problems.find((p: { code: string; message: string }) => p.code === 'too-many-places' && p.message.startsWith('Nguyễn Văn Hùng'));
    expect(hung.places).toEqual(places.map((p) => join(dir, `don-vi-${p}`)));
    expect(hung.message).toContain(`ở 8 nơi trong đợt 2024 (${places.slice(0, 5).map((p) => join(dir, `don-vi-${p}`)).join('; ')}; và 3 nơi khác)`);
  });
});

describe('every record of a session', () => {
  it('a results file and a summary made with --denominator issued: each compared, the summary with its option', async () => {
    const dir = temp();
    cpSync(join(ARCHIVE, '2024', 'huyen'), dir, { recursive: true });
    const made = await tally([join(dir, 'phieu.csv'), '--roster', join(dir, 'danh-sach.csv'), '--session', join(dir, 'hoi-nghi.csv'), '--denominator', 'issued', '-o', join(dir, 'tong-hop.xlsx')]);
    expect(made.code).toBe(0);
    const r = await tally(['check', dir, '--json']);
    const [s] = JSON.parse(r.stdout).sessions;
    expect(s.records.map((x: { path: string; options: string[]; status: string }) => [x.path, x.options, x.status])).toEqual([
      [join(dir, 'ket-qua.csv'), [], 'differs'],
      [join(dir, 'tong-hop.xlsx'), ['--denominator issued'], 'ok'],
    ]);
    expect(s.status).toBe('differs');
    // ket-qua.csv's shares were computed on the 40 ballots returned; on the 41 issued,
    // Nguyễn Văn Hùng's 2 low votes are 4.878…% → 4.88%.
    const hung = s.differences.find((d: { leader: string; field: string }) => d.leader === 'Nguyễn Văn Hùng' && d.field === 'low_pct');
    expect(hung).toEqual({ record: join(dir, 'ket-qua.csv'), leader: 'Nguyễn Văn Hùng', ballotType: 'default', field: 'low_pct', recorded: 5, recount: 4.88, matches: { basis: 'returned', value: 40 } });
    const text = (await tally(['check', dir])).stdout;
    expect(text).toContain('Nguyễn Văn Hùng · tỷ lệ tín nhiệm thấp: ghi nhận 5,00%, kiểm lại 4,88% — khớp nếu tính trên số phiếu thu về (40)');
    expect(text).toContain(`tong-hop.xlsx (--denominator issued): đúng`);
  });

  it('a summary alone, made with --strict and --denominator, is re-tallied with both', async () => {
    const dir = temp();
    cpSync(join(ARCHIVE, '2024', 'huyen'), dir, { recursive: true });
    rmSync(join(dir, 'ket-qua.csv'));
    await tally([join(dir, 'phieu.csv'), '--roster', join(dir, 'danh-sach.csv'), '--session', join(dir, 'hoi-nghi.csv'), '--strict', '--denominator', 'issued', '-o', join(dir, 'tong-hop.xlsx')]);
    const r = await tally(['check', dir, '--json']);
    expect(JSON.parse(r.stdout).sessions.map((s: { status: string; records: { options: string[] }[] }) => [s.status, s.records[0]?.options])).toEqual([['ok', ['--denominator issued', '--strict']]]);
    expect(r.code).toBe(0);
  });
});

describe('a Results sheet published with two header rows', () => {
  /** The 2023 workbook with its Kết quả sheet retyped: each level merged over Số phiếu / Tỷ lệ %. */
  async function retyped(change: (rows: unknown[][]) => void): Promise<string> {
    const { default: ExcelJS } = await import('exceljs');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(join(ARCHIVE, '2023', 'hoi-nghi-huyen.xlsx'));
    const old = wb.getWorksheet('Kết quả');
    const rows: unknown[][] = [];
    // Mã, name, high, confidence, low, their shares (fractions in percent cells), band.
    old?.eachRow((row, n) => n > 1 && rows.push((row.values as unknown[]).slice(1)));
    wb.removeWorksheet(old?.id ?? 0);
    change(rows);
    const ws = wb.addWorksheet('Kết quả');
    ws.addRow(['Mã', 'Họ và tên', 'Tín nhiệm cao', null, 'Tín nhiệm', null, 'Tín nhiệm thấp', null, 'Mức']);
    ws.addRow([null, null, 'Số phiếu', 'Tỷ lệ %', 'Số phiếu', 'Tỷ lệ %', 'Số phiếu', 'Tỷ lệ %', null]);
    for (const range of ['A1:A2', 'B1:B2', 'C1:D1', 'E1:F1', 'G1:H1', 'I1:I2']) ws.mergeCells(range);
    for (const [id, name, high, confidence, low, hp, cp, lp, band] of rows) {
      const row = ws.addRow([id, name, high, hp, confidence, cp, low, lp, band]);
      for (const c of [4, 6, 8]) row.getCell(c).numFmt = '0.00%';
    }
    const dir = temp();
    const path = join(dir, 'hoi-nghi-huyen.xlsx');
    await wb.xlsx.writeFile(path);
    return path;
  }

  it('agrees figure by figure, and a mistyped share differs', async () => {
    const same = await tally(['check', await retyped(() => {}), '--json']);
    expect(JSON.parse(same.stdout).sessions.map((s: { status: string }) => s.status)).toEqual(['ok']);
    // Nguyễn Văn Hùng: 1 low vote of 41 returned is 2.439…% → 2.44%; typed 2.45%.
    const typo = await tally(['check', await retyped((rows) => ((rows[0] as unknown[])[7] = 0.0245)), '--json']);
    const [s] = JSON.parse(typo.stdout).sessions;
    expect(s.status).toBe('differs');
    expect(s.differences.map((d: { leader: string; field: string; recorded: number; recount: number }) => [d.leader, d.field, d.recorded, d.recount])).toEqual([['Nguyễn Văn Hùng', 'low_pct', 2.45, 2.44]]);
  });
});

it('a copy of the ballot file inside a session folder is read once, the copy named', async () => {
  const dir = temp();
  cpSync(join(ARCHIVE, '2024', 'huyen'), dir, { recursive: true });
  copyFileSync(join(dir, 'phieu.csv'), join(dir, 'phieu - Copy.csv'));
  const [s] = JSON.parse((await tally(['check', dir, '--json'])).stdout).sessions;
  expect(s.status).toBe('differs');
  expect(s.problems.map((p: { code: string; copies: string[] }) => [p.code, p.copies])).toEqual([['duplicate-file', [join(dir, 'phieu - Copy.csv')]]]);
});
