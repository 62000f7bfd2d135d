// `tally check` on the archive: exactly the planted problems (fixtures/archive, expectations
// from scripts/make_archive.py), the clean rounds, workers, outputs and the other statuses.
import { appendFileSync, cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { tally } from '../cli/run.js';
import { pick } from '../helpers.js';
import { acrossSessions } from '../../src/check/across.js';
import type { Difference } from '../../src/check/compare.js';
import { renderCheckTerminal } from '../../src/check/report.js';
import type { CheckedSession } from '../../src/check/session.js';

const ARCHIVE = join('fixtures', 'archive');
const expected = JSON.parse(readFileSync(join(ARCHIVE, 'expected-check.json'), 'utf8'));

describe('tally check fixtures/archive', () => {
  it('reports exactly the planted problems, exit 1', async () => {
    const r = await tally(['check', ARCHIVE, '--json', '--jobs', '1']);
    expect(r.code).toBe(1);
    const doc = JSON.parse(r.stdout);
    expect(doc.summary).toEqual(expected.summary);
    expect(pick(doc.sessions, expected.sessions)).toEqual(expected.sessions);
    expect(doc.problems).toEqual([]);
    const invalid = doc.sessions.find((s: { status: string }) => s.status === 'invalid');
    expect(invalid.problems.map((p: { code: string; cell: string }) => [p.code, p.cell])).toEqual([['bad-cell', 'B4']]);
  });

  it('follows a leader across the three rounds, in date order', async () => {
    const doc = JSON.parse((await tally(['check', ARCHIVE, '--json', '--jobs', '1'])).stdout);
    const bao = doc.people.find((p: { name: string }) => p.name === expected.trend.name);
    expect(bao.flaggedRounds).toEqual(expected.trend.flaggedRounds);
    expect(bao.sessions.map((s: { round: string; low: number; lowPercent: number; band: string }) => ({ round: s.round, low: s.low, lowPercent: s.lowPercent, band: s.band }))).toEqual(expected.trend.sessions);
  });

  it('gives the same answer with two worker threads', async () => {
    const one = await tally(['check', ARCHIVE, '--json', '--jobs', '1']);
    const two = await tally(['check', ARCHIVE, '--json', '--jobs', '2']);
    expect(two.code).toBe(one.code);
    expect(two.stdout).toBe(one.stdout);
  });

  it('exits 0 on the clean rounds', async () => {
    const r = await tally(['check', join(ARCHIVE, '2023'), join(ARCHIVE, '2024', 'xa-tan-lap.xlsx')]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('2 hội nghị: 2 đúng');
  });

  it('--only-differences leaves the ok sessions out', async () => {
    const r = await tally(['check', ARCHIVE, '--only-differences', '--jobs', '1']);
    expect(r.stdout).not.toContain('hoi-nghi-huyen.xlsx (13/12/2023, đợt 2023): đúng');
    expect(r.stdout).toContain('Dương Văn Khải · tín nhiệm thấp: ghi nhận 15, kiểm lại 18');
  });

  it('writes the re-check workbook: sessions, differences, people across rounds', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tally-check-'));
    const out = join(dir, 'kiem-tra.xlsx');
    expect((await tally(['check', ARCHIVE, '-o', out, '--jobs', '1'])).code).toBe(1);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Kết quả kiểm tra', 'Sai khác', 'Qua các đợt']);
    const diffs: unknown[][] = [];
    wb.getWorksheet('Sai khác')?.eachRow((row, n) => n > 3 && diffs.push((row.values as unknown[]).slice(1)));
    // A title above the table; no date of the check unless TALLY_DATE gives it.
    expect(wb.getWorksheet('Sai khác')?.getRow(1).getCell(1).value).toBe('KIỂM TRA LẠI CÁC HỘI NGHỊ ĐÃ LẤY PHIẾU — Sai khác');
    expect(wb.getWorksheet('Sai khác')?.getRow(3).getCell(1).value).toBe('Hội nghị');
    expect(diffs).toHaveLength(5);
    expect(diffs[0]).toEqual([join(ARCHIVE, '2024', 'huyen'), 'Dương Văn Khải', undefined, 'tín nhiệm thấp', '15', '18', join(ARCHIVE, '2024', 'huyen', 'ket-qua.csv')]);
    // Dates as the clerk writes them; bands as the session's regime draws them.
    const sessions = wb.getWorksheet('Kết quả kiểm tra');
    expect(sessions?.getRow(4).getCell(2).value).toBe('13/12/2023');
    const bao: unknown[][] = [];
    wb.getWorksheet('Qua các đợt')?.eachRow((row) => row.getCell(1).value === 'Đặng Quốc Bảo' && bao.push([row.getCell(3).value, row.getCell(8).value]));
    expect(bao).toEqual([['13/12/2023', '> 1/2'], ['10/12/2024', '> 1/2'], ['09/12/2025', '≥ 2/3']]);
  });
});

describe('progress', () => {
  it('draws a progress bar on a terminal, and none when piped', async () => {
    const { main } = await import('../../src/cli/main.js');
    const run = async (isTTY: boolean) => {
      let err = '';
      await main(['check', ARCHIVE, '--jobs', '1'], { stdout: { write: () => 0 }, stderr: { write: (s: string) => (err += s), isTTY }, env: {} });
      return err;
    };
    expect(await run(true)).toContain('] 5/5\n');
    expect(await run(false)).not.toContain('5/5');
  });
});

describe('other statuses', () => {
  const copy = (from: string) => {
    const dir = mkdtempSync(join(tmpdir(), 'tally-check-'));
    cpSync(from, dir, { recursive: true });
    return relative(process.cwd(), dir) || dir;
  };

  it('a session checked against its own freshly written summary is ok', async () => {
    const dir = copy(join(ARCHIVE, '2024', 'huyen'));
    rmSync(join(dir, 'ket-qua.csv'));
    const written = await tally([join(dir, 'phieu.csv'), '--roster', join(dir, 'danh-sach.csv'), '--session', join(dir, 'hoi-nghi.csv'), '-o', join(dir, 'tong-hop.xlsx')]);
    expect(written.code).toBe(0);
    const r = await tally(['check', dir, '--json']);
    expect(JSON.parse(r.stdout).sessions.map((s: { status: string; record: string }) => [s.status, s.record])).toEqual([['ok', 'summary']]);
    expect(r.code).toBe(0);
  });

  it('a summary whose ballots are gone: inputs missing', async () => {
    const dir = copy(join(ARCHIVE, '2025', 'huyen'));
    rmSync(join(dir, 'phieu.csv'));
    const doc = JSON.parse((await tally(['check', dir, '--json'])).stdout);
    expect(doc.sessions.map((s: { status: string }) => s.status)).toEqual(['inputs missing']);
  });

  it('a session without recorded figures: no record, a failure only with --require-record', async () => {
    const dir = copy(join(ARCHIVE, '2024', 'huyen'));
    rmSync(join(dir, 'ket-qua.csv'));
    const r = await tally(['check', dir, '--json']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).sessions[0].status).toBe('no record');
    expect((await tally(['check', dir, '--require-record'])).code).toBe(1);
  });

  it('a person voted on in three places of one round', async () => {
    const base = mkdtempSync(join(tmpdir(), 'tally-check-'));
    for (const [i, place] of ['a', 'b', 'c'].entries()) {
      cpSync(join(ARCHIVE, '2024', 'huyen'), join(base, place), { recursive: true });
      // Distinct sessions: a byte-identical folder would be one session copied (issue 19).
      appendFileSync(join(base, place, 'hoi-nghi.csv'), '\n'.repeat(i + 1));
    }
    const r = await tally(['check', base, '--json']);
    expect(r.code).toBe(1);
    const doc = JSON.parse(r.stdout);
    expect(doc.problems.filter((p: { code: string }) => p.code === 'too-many-places')).toHaveLength(15);
  });

  it('a broken workbook and one that is no session: the same answer with or without workers', async () => {
    const dir = copy(join(ARCHIVE, '2023'));
    writeFileSync(join(dir, 'hong.xlsx'), 'PK not really a zip');
    const other = new ExcelJS.Workbook();
    other.addWorksheet('Sheet1').addRow(['ghi chú']);
    await other.xlsx.writeFile(join(dir, 'ghi-chu.xlsx'));
    const one = await tally(['check', dir, '--json', '--jobs', '1']);
    const two = await tally(['check', dir, '--json', '--jobs', '2']);
    expect(two.stdout).toBe(one.stdout);
    expect(one.code).toBe(1);
    const doc = JSON.parse(one.stdout);
    const broken = doc.sessions.find((s: { path: string }) => s.path.endsWith('hong.xlsx'));
    expect([broken.status, broken.problems[0].code]).toEqual(['invalid', 'unreadable-file']);
    expect(broken.problems[0].message).toBe('tệp có đuôi .xlsx nhưng không phải sổ Excel mà là văn bản (CSV, hoặc một trang web lưu nhầm đuôi); nếu là CSV, đổi đuôi thành .csv rồi chạy lại');
    expect(doc.sessions.filter((s: { status: string }) => s.status === 'ok')).toHaveLength(1);
    expect(doc.problems.map((p: { code: string; file: string }) => [p.code, p.file.endsWith('ghi-chu.xlsx')])).toEqual([['not-a-session', true]]);
  });

  it('a path that does not exist is a usage error', async () => {
    const r = await tally(['check', 'khong-co-thu-muc']);
    expect(r.code).toBe(2);
  });
});

describe('bands in the re-check', () => {
  const session = (label: string, date: string, regime: 'party-96' | 'assembly-35', low: number, lowPercent: number, band: 'review' | 'dismissal', differences: Difference[] = []): CheckedSession => ({
    label, status: differences.length > 0 ? 'differs' : 'ok', title: null, date, round: date.slice(0, 4), regime, record: 'results', records: [], differences, problems: [], problemCounts: [],
    leaders: [{ id: 'CB01', name: 'Đặng Quốc Bảo', ballotType: 'default', low, lowPercent, band }],
    places: [{ id: 'CB01', name: 'Đặng Quốc Bảo', ballotType: 'default' }],
  });

  it('are drawn from each session’s own regime: "≥ 2/3" under Regulation 96, "> 2/3" under Resolution 35', async () => {
    const sessions = [
      session('a.xlsx', '2023-12-13', 'party-96', 28, 6829, 'dismissal'),
      session('b.xlsx', '2024-12-13', 'assembly-35', 31, 6889, 'dismissal', [{ record: 'b.xlsx', leader: 'Đặng Quốc Bảo', ballotType: 'default', field: 'band', recorded: 'review', recount: 'dismissal' }]),
    ];
    const { people, problems } = acrossSessions(sessions);
    const text = await renderCheckTerminal({ sessions, people, problems }, 'vi', false, false, false);
    expect(text).toContain('Đặng Quốc Bảo · mức: ghi nhận > 1/2, kiểm lại > 2/3');
    expect(text).toContain('68,29% ≥ 2/3');
    expect(text).toContain('68,89% > 2/3');
  });
});
