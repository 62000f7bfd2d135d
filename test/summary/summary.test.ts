// `tally summary` (issue 14): a round of a dozen units — one session that does not re-tally,
// one unit missing from the files, leaders above the thresholds — checked cell by cell in the
// workbook, as printed text in the report (LibreOffice → PDF → text), in the JSON and by exit
// code. Every expected figure is worked out here from the counts (test/summary/build.ts).
import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { tally } from '../cli/run.js';
import { band96, hundredths, viPercent, writeUnit, type LeaderSpec, type UnitSpec } from './build.js';

const PLACES = ['An Bình', 'Tân Lập', 'Hòa Bình', 'Phú Thọ', 'Đồng Tâm', 'Quyết Thắng', 'Thanh Xuân', 'Minh Khai', 'Hợp Thành', 'Yên Lạc', 'Kim Sơn', 'Bình Minh'];
const FAMILY = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Vũ', 'Đặng', 'Bùi', 'Đỗ', 'Ngô', 'Dương', 'Lý'];

/** Three leaders a unit, quiet results, then the ones that matter set by hand. */
function units(): UnitSpec[] {
  return PLACES.map((place, i) => {
    const n = 30;
    const leaders: LeaderSpec[] = [
      { name: `${FAMILY[i]} Văn Bí ${i + 1}`, position: 'Bí thư', high: 24, confidence: 4, low: 2 },
      { name: `${FAMILY[i]} Thị Phó ${i + 1}`, position: 'Phó Bí thư', high: 20, confidence: 6, low: 3 },
      { name: `${FAMILY[i]} Văn Ủy ${i + 1}`, position: 'Chủ tịch UBND', high: 18, confidence: 8, low: 4 },
    ];
    return { folder: `don-vi-${i + 1}`, body: `Đảng ủy xã ${place}`, date: `${String(10 + (i % 5)).padStart(2, '0')}/12/2023`, convened: n + 2, present: n, returned: n, leaders };
  });
}

const ROUND = units();
// Unit 3: 16 of 30 low → more than a half, under two thirds.
(ROUND[2] as { leaders: LeaderSpec[] }).leaders[1] = { name: 'Trần Thị Bình', position: 'Phó Bí thư', high: 8, confidence: 6, low: 16 };
// Unit 5: exactly two thirds, 20 of 30 → two thirds or more (and the exactly-two-thirds note).
(ROUND[4] as { leaders: LeaderSpec[] }).leaders[0] = { name: 'Lê Văn Cường', position: 'Bí thư', high: 6, confidence: 4, low: 20 };
// Unit 7: 21 of 31.
ROUND[6] = { ...(ROUND[6] as UnitSpec), convened: 33, present: 31, returned: 31, leaders: [{ name: 'Phạm Văn Dũng', position: 'Chủ tịch UBND', high: 5, confidence: 5, low: 21 }, { name: 'Thanh Văn Hai', position: 'Bí thư', high: 25, confidence: 5, low: 1 }, { name: 'Thanh Thị Ba', position: 'Ủy viên', high: 30, confidence: 1, low: 0 }] };
// Unit 9: 22 of 40 — more low votes than unit 3's 16, a lower share than unit 7's.
ROUND[8] = { ...(ROUND[8] as UnitSpec), convened: 45, present: 41, issued: 41, returned: 40, leaders: [{ name: 'Đỗ Thị Hà', position: 'Phó Chủ tịch UBND', high: 10, confidence: 8, low: 22 }, { name: 'Hợp Văn Một', position: 'Bí thư', high: 35, confidence: 4, low: 1 }, { name: 'Hợp Văn Hai', position: 'Ủy viên', high: 30, confidence: 8, low: 2 }] };
// Unit 10: exactly a half, 15 of 30 → no band.
(ROUND[9] as { leaders: LeaderSpec[] }).leaders[2] = { name: 'Vũ Văn Khoa', position: 'Chủ tịch UBND', high: 10, confidence: 5, low: 15 };
// Unit 6 has a bad cell: its session does not re-tally. Unit 12 has no session at all.
ROUND[5] = { ...(ROUND[5] as UnitSpec), badCell: true };
const PRESENT = ROUND.slice(0, 11);
const VALID = PRESENT.filter((u) => u.badCell !== true);

/** The units list as a clerk types it: a title row, one name without diacritics, a total row. */
const UNITS_CSV = ['Danh sách đơn vị lấy phiếu năm 2023', 'STT,Đơn vị', ...ROUND.map((u, i) => `${i + 1},${i === 1 ? 'dang uy xa TAN LAP' : u.body}`), ',Tổng cộng 12 đơn vị'].join('\n');

const root = mkdtempSync(join(tmpdir(), 'tally-summary-'));
const sessions = join(root, 'dot-2023');
for (const u of PRESENT) writeUnit(sessions, u);
writeFileSync(join(root, 'don-vi.csv'), UNITS_CSV);
const out = (name: string) => join(root, name);
const expectedFlagged = [
  { name: 'Phạm Văn Dũng', unit: 'Đảng ủy xã Thanh Xuân', low: 21, t: 31 },
  { name: 'Lê Văn Cường', unit: 'Đảng ủy xã Đồng Tâm', low: 20, t: 30 },
  { name: 'Đỗ Thị Hà', unit: 'Đảng ủy xã Hợp Thành', low: 22, t: 40 },
  { name: 'Trần Thị Bình', unit: 'Đảng ủy xã Hòa Bình', low: 16, t: 30 },
];

let run: Awaited<ReturnType<typeof tally>>;
let doc: any;
beforeAll(async () => {
  run = await tally(['summary', sessions, '--units', join(root, 'don-vi.csv'), '-o', out('tong-hop.xlsx'), '-o', out('bao-cao.docx'), '-o', out('bao-cao.html'), '-o', out('tong-hop.json'), '--jobs', '2', '--body', 'Ban Tổ chức Huyện ủy', '--parent-body', 'Đảng bộ tỉnh Thái Nguyên', '--place', 'Định Hóa', '--date', '20/12/2023', '--signer', 'Nguyễn Văn Trưởng']);
  doc = JSON.parse(readFileSync(out('tong-hop.json'), 'utf8'));
}, 60_000);

describe('a round with an invalid session and a missing unit', () => {
  it('exits 1 and still writes every report, headed with what is incomplete', () => {
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('Báo cáo chưa đầy đủ: 1 hội nghị không hợp lệ (Đảng ủy xã Quyết Thắng); 1 đơn vị chưa có kết quả (Đảng ủy xã Bình Minh).');
    for (const f of ['tong-hop.xlsx', 'bao-cao.docx', 'bao-cao.html', 'tong-hop.json']) expect(run.stderr).toContain(`Đã ghi ${out(f)}`);
  });

  it('JSON: totals, units, every leader, the flagged by exact share', () => {
    const leaders = VALID.flatMap((u) => u.leaders.map((l) => ({ u, l, band: band96(l.low, u.returned) })));
    expect(doc.round.complete).toBe(false);
    expect(doc.round.totals).toEqual({
      unitsExpected: 12, units: 10, sessions: 11, validSessions: 10, invalidSessions: 1, missingUnits: 1, unexpectedUnits: 0,
      leaders: leaders.length,
      none: leaders.filter((x) => x.band === 'none').length,
      review: leaders.filter((x) => x.band === 'review').length,
      dismissal: leaders.filter((x) => x.band === 'dismissal').length,
      flagged: 4,
    });
    expect(doc.round.totals.review).toBe(2);
    expect(doc.round.totals.dismissal).toBe(2);
    expect(doc.missingUnits).toEqual(['Đảng ủy xã Bình Minh']);
    // Sessions in the order of the list; the unit typed without diacritics matched.
    expect(doc.units.map((u: any) => u.unit)).toEqual(PRESENT.map((u) => u.body));
    expect(doc.units.every((u: any) => u.expected === true)).toBe(true);
    const bad = doc.units[5];
    expect(bad.status).toBe('invalid');
    expect(bad.problems[0].code).toBe('bad-cell');
    expect(bad.leaders).toBe(0);
    for (const [i, u] of PRESENT.entries()) {
      if (u.badCell === true) continue;
      const d = doc.units[i];
      expect(d.ballotTypes).toEqual([{ id: 'default', convened: u.convened, present: u.present, quorum: { required: Math.ceil((2 * u.convened) / 3), met: true }, issued: u.issued ?? u.returned, returned: u.returned, validBallots: u.returned, voidBallots: 0, denominator: { basis: 'returned', value: u.returned } }]);
      expect(d.bands).toEqual({ none: u.leaders.filter((l) => band96(l.low, u.returned) === 'none').length, review: u.leaders.filter((l) => band96(l.low, u.returned) === 'review').length, dismissal: u.leaders.filter((l) => band96(l.low, u.returned) === 'dismissal').length });
    }
    expect(doc.leaders).toHaveLength(leaders.length);
    doc.leaders.forEach((j: any, k: number) => {
      const { u, l, band } = leaders[k] as (typeof leaders)[number];
      expect([j.unit, j.stt, j.name, j.position, j.high, j.confidence, j.low, j.band]).toEqual([u.body, u.leaders.indexOf(l) + 1, l.name, l.position, l.high, l.confidence, l.low, band]);
      expect(j.percent).toEqual({ high: hundredths(l.high, u.returned) / 100, confidence: hundredths(l.confidence, u.returned) / 100, low: hundredths(l.low, u.returned) / 100 });
    });
    expect(doc.flagged.map((f: any) => [f.name, f.unit, f.low, f.denominator])).toEqual(expectedFlagged.map((f) => [f.name, f.unit, f.low, f.t]));
    expect(doc.flagged[1].notes).toEqual(['exactly-two-thirds']);
    expect(doc.flagged[0].action).toMatch(/^Cấp có thẩm quyền thực hiện miễn nhiệm/);
    expect(doc.flagged[3].action).toMatch(/^Cấp có thẩm quyền đưa ra khỏi quy hoạch/);
  });

  it('JSON on stdout is the same document as the .json file, less the file\'s generator line', async () => {
    const r = await tally(['summary', sessions, '--units', join(root, 'don-vi.csv'), '--json', '--jobs', '1', '--date', '20/12/2023']);
    expect(r.code).toBe(1);
    const { generator, ...rest } = doc as { generator: string };
    expect(generator).toMatch(/^tally sha256:[0-9a-f]{64}$/);
    expect(JSON.parse(r.stdout)).toEqual(rest);
  });

  it('XLSX: the round sheet cell by cell', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out('tong-hop.xlsx'));
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Tổng hợp đợt', 'Từng người', 'Vượt ngưỡng', 'Kiểm tra đợt']);
    const ws = wb.getWorksheet('Tổng hợp đợt') as ExcelJS.Worksheet;
    const texts: string[] = [];
    ws.eachRow((row) => row.eachCell((c) => texts.push(String(c.value))));
    for (const t of ['ĐẢNG BỘ TỈNH THÁI NGUYÊN', 'BAN TỔ CHỨC HUYỆN ỦY', 'ĐẢNG CỘNG SẢN VIỆT NAM', 'Định Hóa, ngày 20 tháng 12 năm 2023', 'BÁO CÁO KẾT QUẢ LẤY PHIẾU TÍN NHIỆM', 'T/M BAN TỔ CHỨC', 'TRƯỞNG BAN', 'Nguyễn Văn Trưởng', 'Số     -BC/BTC']) expect(texts).toContain(t);
    expect(texts.find((t) => t.startsWith('Báo cáo chưa đầy đủ'))).toBeDefined();
    // The totals: label, then the number as a number.
    const total = (label: string) => {
      let v: unknown;
      ws.eachRow((row) => row.eachCell((c) => { if (c.value === label) v = row.getCell(11).value; }));
      return v;
    };
    expect(total('Số đơn vị phải lấy phiếu')).toBe(12);
    expect(total('Số hội nghị')).toBe(11);
    expect(total('Từ 2/3 phiếu tín nhiệm thấp trở lên')).toBe(2);
    // The per-unit table: the header's second row, then one row per session, then the missing unit.
    let head = 0;
    ws.eachRow((row, n) => { if (row.getCell(7).value === 'Phát ra') head = n; });
    expect(head).toBeGreaterThan(0);
    for (const [i, u] of PRESENT.entries()) {
      const row = ws.getRow(head + 1 + i);
      expect(row.getCell(1).value).toBe(i + 1);
      expect(row.getCell(2).value).toBe(u.body);
      const [d, m, y] = u.date.split('/');
      expect((row.getCell(3).value as Date).toISOString().slice(0, 10)).toBe(`${y}-${m}-${d}`);
      expect(row.getCell(3).numFmt).toBe('dd/mm/yyyy');
      if (u.badCell === true) {
        expect(row.getCell(7).value).toBeNull();
        expect(String(row.getCell(14).value)).toMatch(/^Không hợp lệ: /);
        continue;
      }
      const bands = u.leaders.map((l) => band96(l.low, u.returned));
      expect([4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14].map((c) => row.getCell(c).value)).toEqual([
        u.convened, u.present, 'Đủ', u.issued ?? u.returned, u.returned, u.returned, 0, u.leaders.length, bands.filter((b) => b === 'review').length, bands.filter((b) => b === 'dismissal').length, 'Hợp lệ',
      ]);
    }
    const missing = ws.getRow(head + 1 + PRESENT.length);
    expect([missing.getCell(1).value, missing.getCell(2).value]).toEqual([12, 'Đảng ủy xã Bình Minh']);
    expect(String(missing.getCell(14).value)).toMatch(/^Chưa có kết quả/);
    expect(ws.pageSetup.orientation).toBe('landscape');
    expect(ws.pageSetup.fitToWidth).toBe(1);
    expect(ws.views[0]?.state).toBe('frozen');
    expect(ws.getCell(2, 1).font?.name).toBe('Times New Roman');
  });

  it('XLSX: every leader, the flagged leaders, the hidden audit sheet', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out('tong-hop.xlsx'));
    const people = wb.getWorksheet('Từng người') as ExcelJS.Worksheet;
    let r = 6;
    for (const u of VALID) {
      for (const [k, l] of u.leaders.entries()) {
        const row = people.getRow(r++);
        const band = band96(l.low, u.returned);
        expect([1, 2, 3, 4, 5, 7, 9].map((c) => row.getCell(c).value)).toEqual([u.body, k + 1, l.name, l.position, l.high, l.confidence, l.low]);
        for (const [c, n] of [[6, l.high], [8, l.confidence], [10, l.low]] as const) {
          expect(row.getCell(c).value).toBe(hundredths(n, u.returned) / 10000);
          expect(row.getCell(c).numFmt).toBe('0.00%');
        }
        const label = { none: '—', review: 'Trên 50% đến dưới 2/3 phiếu tín nhiệm thấp', dismissal: 'Từ 2/3 phiếu tín nhiệm thấp trở lên' }[band];
        expect(row.getCell(11).value).toBe(l.low * 3 === u.returned * 2 ? `${label} (*)` : label);
      }
    }
    expect(people.getRow(r).getCell(1).value).toBeNull();
    const flagged = wb.getWorksheet('Vượt ngưỡng') as ExcelJS.Worksheet;
    let f = 5;
    expectedFlagged.forEach((x, i) => {
      const row = flagged.getRow(f++);
      expect([1, 2, 3, 5, 6, 7].map((c) => row.getCell(c).value)).toEqual([i + 1, x.unit, x.name, x.low, x.t, hundredths(x.low, x.t) / 10000]);
      expect(String(row.getCell(9).value)).toMatch(/^Cấp có thẩm quyền/);
      if (x.low * 3 === x.t * 2) expect(String(flagged.getRow(f++).getCell(3).value)).toMatch(/^\(\*\) Đúng 2\/3/);
    });
    const audit = wb.getWorksheet('Kiểm tra đợt') as ExcelJS.Worksheet;
    expect(audit.state).toBe('hidden');
    const hashes = new Map<string, string>();
    audit.eachRow((row) => { if (typeof row.getCell(4).value === 'string') hashes.set(String(row.getCell(2).value), String(row.getCell(4).value)); });
    for (const u of PRESENT) {
      for (const name of ['phieu.csv', 'danh-sach.csv', 'hoi-nghi.csv']) {
        const path = [...hashes.keys()].find((p) => p.endsWith(join(u.folder, name)));
        expect(path, `${u.folder}/${name}`).toBeDefined();
        expect(hashes.get(path as string)).toBe(createHash('sha256').update(readFileSync(join(sessions, u.folder, name))).digest('hex'));
      }
    }
    expect(hashes.get(join(root, 'don-vi.csv'))).toBe(createHash('sha256').update(readFileSync(join(root, 'don-vi.csv'))).digest('hex'));
  });

  it('DOCX: the report as LibreOffice prints it', () => {
    const dir = mkdtempSync(join(tmpdir(), 'tally-summary-pdf-'));
    execFileSync('soffice', [`-env:UserInstallation=${pathToFileURL(join(dir, 'profile')).href}`, '--headless', '--convert-to', 'pdf', '--outdir', dir, out('bao-cao.docx')], { timeout: 120_000, stdio: 'ignore' });
    const text = execFileSync('pdftotext', [join(dir, 'bao-cao.pdf'), '-'], { encoding: 'utf8' }).normalize('NFC').replace(/\s+/g, ' ');
    for (const t of ['ĐẢNG CỘNG SẢN VIỆT NAM', 'BAN TỔ CHỨC HUYỆN ỦY', 'Định Hóa, ngày 20 tháng 12 năm 2023', 'BÁO CÁO KẾT QUẢ LẤY PHIẾU TÍN NHIỆM', 'Báo cáo chưa đầy đủ', 'I. TỔNG HỢP CHUNG', 'II. KẾT QUẢ THEO ĐƠN VỊ', 'T/M BAN TỔ CHỨC', 'TRƯỞNG BAN', 'Nguyễn Văn Trưởng', 'Đảng ủy xã Bình Minh', 'Cấp có thẩm quyền thực hiện miễn nhiệm']) expect(text).toContain(t);
    // The flagged leaders in order of their low share, each with its share.
    const at = expectedFlagged.map((f) => text.indexOf(f.name));
    expect(at.every((i) => i > 0)).toBe(true);
    expect([...at].sort((a, b) => a - b)).toEqual(at);
    for (const f of expectedFlagged) expect(text).toContain(viPercent(f.low, f.t));
    // No English word on the printed page.
    for (const w of ['default', 'returned', 'party-96', 'false', 'null']) expect(text).not.toContain(w);
    rmSync(dir, { recursive: true, force: true });
  }, 150_000);
});

describe('complete rounds and the two-places rule', () => {
  it('a complete round exits 0 (flagged leaders are a result, not a failure)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tally-summary-ok-'));
    for (const u of VALID) writeUnit(dir, u);
    const r = await tally(['summary', dir, '--json', '--jobs', '1']);
    expect(r.code).toBe(0);
    const d = JSON.parse(r.stdout);
    expect(d.round.complete).toBe(true);
    expect(d.round.incomplete).toBeNull();
    expect(d.flagged).toHaveLength(4);
    expect((await tally(['summary', dir, '--jobs', '1'])).stdout).toContain('Đủ kết quả của mọi đơn vị.');
  });

  it('a unit not on the list is listed as unexpected', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tally-summary-unexp-'));
    for (const u of VALID.slice(0, 3)) writeUnit(dir, u);
    writeFileSync(join(dir, 'don-vi.csv'), ['Đơn vị', ...VALID.slice(0, 2).map((u) => u.body)].join('\n'));
    const r = await tally(['summary', dir, '--units', join(dir, 'don-vi.csv'), '--json', '--jobs', '1']);
    const d = JSON.parse(r.stdout);
    expect(d.round.totals.unexpectedUnits).toBe(1);
    expect(d.units[2].expected).toBe(false);
    expect(d.units[2].statusText).toBe('Hợp lệ (ngoài danh sách)');
    // Unexpected is reported, not a failure.
    expect(r.code).toBe(0);
  });

  it('a byte-identical copy of a session workbook is one session', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tally-summary-copy-'));
    copyFileSync(join('fixtures', 'hoi-nghi-huyen', 'hoi-nghi-huyen.xlsx'), join(dir, 'hoi-nghi-huyen.xlsx'));
    copyFileSync(join('fixtures', 'hoi-nghi-huyen', 'hoi-nghi-huyen.xlsx'), join(dir, 'hoi-nghi-huyen - Copy.xlsx'));
    const d = JSON.parse((await tally(['summary', dir, '--json', '--jobs', '1'])).stdout);
    expect(d.round.totals.sessions).toBe(1);
    expect(d.round.totals.validSessions).toBe(1);
  });

  it('a person voted on in three sessions of the round breaks the two-places rule: exit 1', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tally-summary-places-'));
    const person = { name: 'Nguyễn Văn Ba Nơi', position: 'Ủy viên', id: 'CB-001', high: 20, confidence: 5, low: 5 };
    for (const u of VALID.slice(0, 3)) writeUnit(dir, { ...u, leaders: [...u.leaders.map((l, i) => ({ ...l, id: `${u.folder}-${i}` })), person] });
    const r = await tally(['summary', dir, '--json', '--jobs', '2', '-o', join(dir, 'bao-cao.html')]);
    expect(r.code).toBe(1);
    const d = JSON.parse(r.stdout);
    expect(d.problems.filter((p: any) => p.code === 'too-many-places')).toHaveLength(1);
    expect(d.round.incomplete).toBe('Báo cáo chưa đầy đủ: 1 người được lấy phiếu quá 2 nơi (Nguyễn Văn Ba Nơi).');
    // Once per session.
    expect(d.leaders.filter((l: any) => l.name === person.name)).toHaveLength(3);
    expect(readFileSync(join(dir, 'bao-cao.html'), 'utf8')).toContain('Báo cáo chưa đầy đủ: 1 người được lấy phiếu quá 2 nơi');
  });

  // Issue 22, item 3: a place is a place whether or not its session re-tallies (SPEC §4).
  for (const [what, spoil] of [
    ['a bad cell', (u: UnitSpec): UnitSpec => ({ ...u, badCell: true })],
    ['a missed quorum', (u: UnitSpec): UnitSpec => ({ ...u, convened: 60 })],
  ] as const) {
    it(`the two-places breach is found when one of the three places has ${what} (summary and check)`, async () => {
      const dir = mkdtempSync(join(tmpdir(), 'tally-summary-places-bad-'));
      const person = { name: 'Nguyễn Văn Ba Nơi', position: 'Ủy viên', id: 'CB-001', high: 20, confidence: 5, low: 5 };
      VALID.slice(0, 3).forEach((u, k) => {
        const unit = { ...u, leaders: [...u.leaders.map((l, i) => ({ ...l, id: `${u.folder}-${i}` })), person] };
        writeUnit(dir, k === 1 ? spoil(unit) : unit);
      });
      for (const command of ['summary', 'check']) {
        const r = await tally([command, dir, '--json', '--jobs', '1']);
        expect(r.code).toBe(1);
        const breaches = JSON.parse(r.stdout).problems.filter((p: any) => p.code === 'too-many-places');
        expect(breaches, command).toHaveLength(1);
        expect(breaches[0].message).toContain('Nguyễn Văn Ba Nơi');
        // The round names places by unit (SPEC §4); check names sessions by their inputs.
        const places = VALID.slice(0, 3).map((u) => (command === 'summary' ? u.body : join(dir, u.folder)));
        for (const p of places) expect(breaches[0].message, command).toContain(p);
      }
    });
  }

  it('two places of which one is invalid are no breach', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tally-summary-places-two-'));
    const person = { name: 'Nguyễn Văn Hai Nơi', position: 'Ủy viên', id: 'CB-002', high: 20, confidence: 5, low: 5 };
    VALID.slice(0, 2).forEach((u, k) => {
      const unit = { ...u, leaders: [...u.leaders.map((l, i) => ({ ...l, id: `${u.folder}-${i}` })), person] };
      writeUnit(dir, k === 1 ? { ...unit, badCell: true } : unit);
    });
    const d = JSON.parse((await tally(['summary', dir, '--json', '--jobs', '1'])).stdout);
    expect(d.problems.filter((p: any) => p.code === 'too-many-places')).toHaveLength(0);
  });

  it('People’s Council sessions: the State layout and its signature', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tally-summary-state-'));
    for (const u of VALID.slice(0, 2)) writeUnit(dir, u);
    for (const u of VALID.slice(0, 2)) {
      const f = join(dir, u.folder, 'hoi-nghi.csv');
      writeFileSync(f, `${readFileSync(f, 'utf8')}Quy định,assembly-96\n`);
    }
    const r = await tally(['summary', dir, '-o', join(dir, 'x.html'), '--jobs', '1', '--lang', 'en', '--json']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).round.convention).toBe('state');
    const html = readFileSync(join(dir, 'x.html'), 'utf8');
    expect(html).toContain('SOCIALIST REPUBLIC OF VIETNAM');
    expect(html).toContain('FOR THE PEOPLE’S COUNCIL STANDING BODY');
  });

  it('refuses an output format it does not write, and a units list without a unit column', async () => {
    expect((await tally(['summary', sessions, '-o', join(root, 'x.csv')])).code).toBe(2);
    writeFileSync(join(root, 'bad-units.csv'), 'Tên,Ghi chú\nA,B\n');
    const r = await tally(['summary', sessions, '--units', join(root, 'bad-units.csv')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('không tìm thấy cột "đơn vị"');
  });
});
