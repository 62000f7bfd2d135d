// HUONG-DAN §5 followed literally: the empty template (`tally template`, no roster), the clerk
// fills Danh sách — one person with a reason under "Không lấy phiếu" — Hội nghị and the ballots,
// Excel computes the ballot sheet's header formulas on saving (here LibreOffice re-saves it, as
// a clerk's Excel would), and the workbook tallies. The excluded person is not on the paper
// ballot, so the template's headers must not name them (else `excluded-on-ballot`).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect } from 'vitest';
import { needs } from '../programs.js';
import { tally } from '../cli/run.js';
import { fillSheet, fillTemplate, type Cell } from '../metamorphic/xlsx.js';

const rows = (table: readonly (readonly Cell[])[], first: number) => new Map(table.map((cells, i) => [first + i, new Map(cells.map((v, c) => [c, v] as const))]));

// Danh sách as typed: STT, Mã, Họ và tên, Chức vụ, Đơn vị, Loại phiếu, Không lấy phiếu.
const ROSTER: Cell[][] = [
  [1, null, 'Nguyễn Văn An', 'Bí thư', null, null, null],
  [2, null, 'Trần Thị Bình', 'Phó Bí thư', null, null, null],
  [3, null, 'Lê Văn Cường', 'Ủy viên Ban Thường vụ', null, null, 'Đã có thông báo nghỉ hưu'],
  [4, null, 'Phạm Thị Dung', 'Chủ nhiệm Ủy ban Kiểm tra', null, null, null],
  [5, null, 'Hoàng Văn Em', 'Trưởng Ban Tổ chức', null, null, null],
];
// The paper ballot lists the four people voted on, in the roster's order without Lê Văn Cường.
const ON_BALLOT = ['Nguyễn Văn An', 'Trần Thị Bình', 'Phạm Thị Dung', 'Hoàng Văn Em'];
const BALLOTS: number[][] = [
  [1, 1, 2, 3],
  [1, 2, 2, 3],
  [1, 1, 3, 3],
  [2, 1, 1, 3],
  [1, 3, 2, 2],
  [1, 1, 1, 3],
];
const SESSION: Record<string, Cell> = {
  'Tên hội nghị': 'Hội nghị Ban Chấp hành',
  'Số người được triệu tập': 7,
  'Số người có mặt': 6,
  'Số phiếu phát ra': 6,
  'Số phiếu thu về': 6,
};
// Counted by hand from BALLOTS (high, confidence, low), each over 6 ballots returned.
const EXPECTED = [
  { name: 'Nguyễn Văn An', high: 5, confidence: 1, low: 0, band: 'none' },
  { name: 'Trần Thị Bình', high: 4, confidence: 1, low: 1, band: 'none' },
  { name: 'Phạm Thị Dung', high: 2, confidence: 3, low: 1, band: 'none' },
  { name: 'Hoàng Văn Em', high: 0, confidence: 1, low: 5, band: 'dismissal' },
];

describe('HUONG-DAN §5 from the empty template', () => {
  needs('soffice')('a person excluded on Danh sách is left off the ballot sheet, and the workbook tallies', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tally-guide5-'));
    const empty = join(dir, 'hoi-nghi-2024.xlsx');
    expect((await tally(['template', '-o', empty])).code).toBe(0);

    let bytes = fillSheet(readFileSync(empty), 'Danh sách', rows(ROSTER, 2));
    bytes = fillTemplate(bytes, {
      session: (key) => SESSION[key],
      // The clerk types each paper ballot under the names Excel shows, left to right from column C.
      ballots: () => rows(BALLOTS.map((marks, i) => [i + 1, null, ...marks]), 2),
    });
    const typed = join(dir, 'typed.xlsx');
    writeFileSync(typed, bytes);
    execFileSync('soffice', [`-env:UserInstallation=${pathToFileURL(join(dir, 'profile')).href}`, '--headless', '--convert-to', 'xlsx:Calc MS Excel 2007 XML', '--outdir', join(dir, 'out'), typed], { timeout: 120_000, stdio: 'ignore' });
    const saved = join(dir, 'out', 'typed.xlsx');

    const r = await tally([saved, '--json']);
    expect(r.stderr).not.toContain('Lỗi');
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout) as { cadres: { name: string; high: number; confidence: number; low: number; band: string }[]; ballotTypes: { returned: number; validBallots: number }[] };
    expect(doc.cadres.map((c) => ({ name: c.name, high: c.high, confidence: c.confidence, low: c.low, band: c.band }))).toEqual(EXPECTED);
    expect(doc.cadres.map((c) => c.name)).toEqual(ON_BALLOT);
    expect(doc.ballotTypes[0]).toMatchObject({ returned: 6, validBallots: 6 });
  }, 150_000);
});
