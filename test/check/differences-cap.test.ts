// Issue 22, item 11: check's lists of differences are bounded per record like its problems
// (src/check/cap.ts), the exact numbers kept in the JSON and the workbook.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { tally } from '../cli/run.js';

// 60 leaders, 10 ballots each marking every leader "1": each has 10 high. The results file
// recorded 11 high for every one, and nothing else that could differ: 60 differences exactly.
const LEADERS = 60;
const LISTED = 50;

function archive(): string {
  const dir = mkdtempSync(join(tmpdir(), 'tally-diff-cap-'));
  const names = Array.from({ length: LEADERS }, (_, i) => `Người Thứ ${i + 1}`);
  writeFileSync(join(dir, 'danh-sach.csv'), ['STT,Họ và tên,Chức vụ', ...names.map((n, i) => `${i + 1},${n},Ủy viên`)].join('\n') + '\n');
  writeFileSync(join(dir, 'hoi-nghi.csv'), 'Cơ quan,Đảng ủy xã An Bình\nNgày,10/12/2023\nSố người được triệu tập,12\nSố người có mặt,10\nSố phiếu phát ra,10\nSố phiếu thu về,10\n');
  writeFileSync(join(dir, 'phieu.csv'), [`Số phiếu,${names.join(',')}`, ...Array.from({ length: 10 }, (_, b) => [b + 1, ...names.map(() => '1')].join(','))].join('\n') + '\n');
  writeFileSync(join(dir, 'ket-qua.csv'), ['STT,Họ và tên,Tín nhiệm cao,Tín nhiệm,Tín nhiệm thấp', ...names.map((n, i) => `${i + 1},${n},11,0,0`)].join('\n') + '\n');
  return dir;
}

describe('check: differences bounded per record, exact counts kept', () => {
  const dir = archive();

  it('JSON lists the first 50 with the exact total', async () => {
    const r = await tally(['check', dir, '--json']);
    expect(r.code).toBe(1);
    const [s] = JSON.parse(r.stdout).sessions;
    expect(s.status).toBe('differs');
    expect(s.records.map((x: { differences: number }) => x.differences)).toEqual([LEADERS]);
    expect(s.differencesTotal).toBe(LEADERS);
    expect(s.differences).toHaveLength(LISTED);
    expect(s.differences.map((d: { leader: string; field: string; recorded: number; recount: number }) => [d.field, d.recorded, d.recount])).toEqual(Array(LISTED).fill(['high', 11, 10]));
  });

  it('the screen says how many more', async () => {
    const r = await tally(['check', dir]);
    expect(r.stdout).toContain(`… và ${LEADERS - LISTED} sai khác khác`);
    expect(r.stdout.split('\n').filter((l) => l.includes('ghi nhận 11, kiểm lại 10'))).toHaveLength(LISTED);
    const en = await tally(['check', dir, '--lang', 'en']);
    expect(en.stdout).toContain(`… and ${LEADERS - LISTED} more difference(s)`);
  });

  it('the workbook lists the same 50 and a line for the rest', async () => {
    const out = join(mkdtempSync(join(tmpdir(), 'tally-diff-cap-out-')), 'kiem-tra.xlsx');
    await tally(['check', dir, '-o', out]);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    const ws = wb.getWorksheet('Sai khác');
    expect(ws).toBeDefined();
    const leaders: string[] = [];
    ws?.eachRow((row) => leaders.push(String(row.getCell(2).value ?? '')));
    expect(leaders.filter((l) => l.startsWith('Người Thứ '))).toHaveLength(LISTED);
    expect(leaders).toContain(`… và ${LEADERS - LISTED} sai khác khác`);
  });
});
