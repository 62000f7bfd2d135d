import { createHash } from 'node:crypto';
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { comparable, meaningOf } from '../../src/reconcile/reconcile.js';
import { SAMPLE, setCell, tally } from '../cli/run.js';

const DIR = join(SAMPLE, '..', 'reconcile');
const E1 = join(SAMPLE, 'hoi-nghi-huyen.xlsx');
const E2 = join(DIR, 'nhap-2.csv');
const E3 = join(DIR, 'nhap-3.csv');
const sha256 = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');
const expected = (n: number) => JSON.parse(readFileSync(join(DIR, `expected-${n}.json`), 'utf8'));

describe('tally reconcile', () => {
  it('finds exactly the planted differences between two entries', async () => {
    const r = await tally(['reconcile', E1, E2, '--json']);
    expect(r.code).toBe(1);
    const doc = JSON.parse(r.stdout);
    expect({ differences: doc.differences, missing: doc.missing, missingLeaders: doc.missingLeaders }).toEqual(expected(2));
  });

  it('with three entries, shows the majority and the entry that disagrees', async () => {
    const r = await tally(['reconcile', E1, E2, E3, '--json']);
    expect(r.code).toBe(1);
    const doc = JSON.parse(r.stdout);
    expect({ differences: doc.differences, missing: doc.missing, missingLeaders: doc.missingLeaders }).toEqual(expected(3));
  });

  it('identical entries agree, exit 0', async () => {
    const r = await tally(['reconcile', E1, join(SAMPLE, 'phieu.csv')]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Các lần nhập khớp nhau hoàn toàn.');
  });

  it('aligns id headers with name headers through --roster', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tally-rec-'));
    const roster = readFileSync(join(SAMPLE, 'danh-sach.csv'), 'utf8').replace(/^\ufeff/, '').split(/\r?\n/).slice(1).filter((l) => l !== '');
    const ids = new Map(roster.map((l) => [l.split(',')[2]?.replace(/"/g, ''), l.split(',')[1]]));
    const lines = readFileSync(join(SAMPLE, 'phieu.csv'), 'utf8').replace(/^\ufeff/, '').split('\r\n');
    lines[0] = (lines[0] ?? '').split(',').map((h) => ids.get(h) ?? h).join(',');
    writeFileSync(join(dir, 'ma.csv'), lines.join('\r\n'));
    // Two CSVs: nothing tells an id from a name without a roster.
    const without = JSON.parse((await tally(['reconcile', join(SAMPLE, 'phieu.csv'), join(dir, 'ma.csv'), '--json'])).stdout);
    expect(without.missingLeaders).toHaveLength(30);
    const withRoster = await tally(['reconcile', join(SAMPLE, 'phieu.csv'), join(dir, 'ma.csv'), '--roster', join(SAMPLE, 'danh-sach.csv'), '--json']);
    expect(withRoster.code).toBe(0);
    // A self-contained workbook brings its own Danh sách: it aligns the other entry's headers.
    const own = await tally(['reconcile', E1, join(dir, 'ma.csv'), '--json']);
    expect(own.code).toBe(0);
  });

  it('writes the comparison as XLSX and CSV', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tally-rec-'));
    const r = await tally(['reconcile', E1, E2, E3, '-o', join(dir, 'doi-chieu.xlsx'), '-o', join(dir, 'doi-chieu.csv')]);
    expect(r.code).toBe(1);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(join(dir, 'doi-chieu.xlsx'));
    const rows: unknown[][] = [];
    const sheet = wb.getWorksheet('Đối chiếu');
    // The title block says which file is which entry; the table starts two rows below it.
    expect([1, 2, 3, 4].map((n) => sheet?.getRow(n).getCell(1).value)).toEqual(['ĐỐI CHIẾU CÁC LẦN NHẬP PHIẾU', 'Lần nhập 1: hoi-nghi-huyen.xlsx', 'Lần nhập 2: nhap-2.csv', 'Lần nhập 3: nhap-3.csv']);
    sheet?.eachRow((row, n) => n > 6 && rows.push((row.values as unknown[]).slice(1)));
    expect(rows[0]).toEqual(['Phiếu số', 'Người được lấy phiếu', 'Lần nhập 1: hoi-nghi-huyen.xlsx', 'Lần nhập 2: nhap-2.csv', 'Lần nhập 3: nhap-3.csv', 'Đa số', 'Lần nhập khác']);
    expect(rows).toHaveLength(5);
    // Which file is which entry, with the digest of its bytes.
    const files: unknown[][] = [];
    wb.getWorksheet('Các lần nhập')?.eachRow((row) => files.push((row.values as unknown[]).slice(1)));
    expect(files).toEqual([
      ['Lần nhập', 'Tệp', 'Đường dẫn', 'SHA-256'],
      ['Lần nhập 1', 'hoi-nghi-huyen.xlsx', E1, sha256(E1)],
      ['Lần nhập 2', 'nhap-2.csv', E2, sha256(E2)],
      ['Lần nhập 3', 'nhap-3.csv', E3, sha256(E3)],
    ]);
    const csv = readFileSync(join(dir, 'doi-chieu.csv'), 'utf8');
    expect(csv.startsWith('\ufeff')).toBe(true);
    expect(csv.split('\r\n')[0]).toBe('\ufeffPhiếu số,Người được lấy phiếu,Lần nhập 1: hoi-nghi-huyen.xlsx,Lần nhập 2: nhap-2.csv,Lần nhập 3: nhap-3.csv,Đa số,Lần nhập khác');
    expect(csv).toContain('20,Đỗ Văn Long,');
  });

  it('names which file is which entry on the terminal and in JSON', async () => {
    const vi = await tally(['reconcile', E1, E2]);
    expect(vi.stdout).toContain('  Lần nhập 1: hoi-nghi-huyen.xlsx\n  Lần nhập 2: nhap-2.csv\n');
    expect(vi.stdout).toContain("Lần nhập 1 '");
    const en = await tally(['reconcile', E1, E2, '--lang', 'en']);
    expect(en.stdout).toContain('  Entry 1: hoi-nghi-huyen.xlsx\n  Entry 2: nhap-2.csv\n');
    const doc = JSON.parse((await tally(['reconcile', E1, E2, '--json'])).stdout);
    expect(doc.entries).toEqual([
      { entry: 1, name: 'hoi-nghi-huyen.xlsx', path: E1, sha256: sha256(E1) },
      { entry: 2, name: 'nhap-2.csv', path: E2, sha256: sha256(E2) },
    ]);
  });

  it('two entries of the same name in different folders are named by their paths', async () => {
    const [a, b] = [mkdtempSync(join(tmpdir(), 'tally-rec-')), mkdtempSync(join(tmpdir(), 'tally-rec-'))];
    copyFileSync(E2, join(a, 'phieu.csv'));
    copyFileSync(E3, join(b, 'phieu.csv'));
    const doc = JSON.parse((await tally(['reconcile', join(a, 'phieu.csv'), join(b, 'phieu.csv'), '--json'])).stdout);
    expect(doc.entries.map((e: { name: string }) => e.name)).toEqual([join(a, 'phieu.csv'), join(b, 'phieu.csv')]);
  });

  // Issue 22, item 9 (SPEC §4): only the same path is a usage error; identical contents are two
  // entries that agree entirely, compared with a warning.
  it('refuses the same file given twice, also under another name of the same path', async () => {
    const same = await tally(['reconcile', E2, E2]);
    expect(same.code).toBe(2);
    expect(same.stdout).toBe('');
    expect(same.stderr).toContain(`${E2} được đưa hai lần`);
    const dotted = join(E2, '..', '.', basename(E2));
    const again = await tally(['reconcile', E2, dotted, '--lang', 'en']);
    expect(again.code).toBe(2);
    expect(again.stderr).toContain('is given twice');
  });

  it('compares a byte-identical copy like any entry: they agree, with a warning to make sure they were typed independently', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tally-rec-'));
    copyFileSync(E2, join(dir, 'ban-sao.csv'));
    const two = await tally(['reconcile', E2, join(dir, 'ban-sao.csv')]);
    expect(two.code).toBe(0);
    expect(two.stdout).toContain('Các lần nhập khớp nhau hoàn toàn.');
    expect(two.stderr).toContain(`tệp này giống hệt tệp ${E2} (cùng SHA-256)`);
    expect(two.stderr).toContain('nhập độc lập');
    // With a third entry, the copy and its original are the majority where the first differs.
    const three = await tally(['reconcile', E1, E2, join(dir, 'ban-sao.csv'), '--json', '--lang', 'en']);
    expect(three.code).toBe(1);
    expect(three.stderr).toContain(`this file is identical to ${E2} (same SHA-256)`);
    const doc = JSON.parse(three.stdout);
    expect(doc.differences.length).toBeGreaterThan(0);
    expect(JSON.parse((await tally(['reconcile', E1, E2, '--json'])).stdout).differences.length).toBe(doc.differences.length);
  });

  it('several marks are compared mark by mark: 12 and 123 differ, 13, 31 and 1,3 agree', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tally-rec-'));
    const sample = readFileSync(join(SAMPLE, 'phieu.csv'), 'utf8').replace(/\r\n/g, '\n');
    // Ballot 1 (row 2): Nguyễn Văn Hùng (column C) and Trần Thị Mai (column D).
    const entry = (name: string, hung: string, mai: string) => {
      writeFileSync(join(dir, name), setCell(setCell(sample, 2, 2, hung), 2, 3, mai));
      return join(dir, name);
    };
    const [a, b, c] = [entry('a.csv', '12', '13'), entry('b.csv', '123', '31'), entry('c.csv', '1+2', '1,3')];
    const two = await tally(['reconcile', a, b, '--json']);
    expect(two.code).toBe(1);
    expect(JSON.parse(two.stdout).differences).toEqual([{ ballot: '1', leader: 'Nguyễn Văn Hùng', values: ['12', '123'], majority: null, disagreeing: [] }]);
    const three = JSON.parse((await tally(['reconcile', a, b, c, '--json'])).stdout);
    expect(three.differences).toEqual([{ ballot: '1', leader: 'Nguyễn Văn Hùng', values: ['12', '123', '1+2'], majority: '12', disagreeing: [2] }]);
  });

  it('the meaning of a line, as entries are compared', () => {
    const several = { kind: 'invalid', reason: 'multiple-marks' } as const;
    expect(meaningOf({ kind: 'mark', level: 'high' }, 'cao')).toBe('high');
    expect(meaningOf(several, '123')).toBe('multiple-marks:1,2,3');
    expect(meaningOf(several, 'thấp / cao')).toBe('multiple-marks:1,3');
    expect(meaningOf(several, 'AB', ['confidence', 'high'])).toBe('multiple-marks:1,2');
    expect(meaningOf({ kind: 'invalid', reason: 'no-mark' }, '')).toBe('no-mark');
    expect(meaningOf(null, 'Xyz')).toBe('?xyz');
    expect(comparable({ raw: '13', meaning: 'multiple-marks' })).toBe(comparable({ raw: '3;1', meaning: 'multiple-marks' }));
    expect(comparable({ raw: '12', meaning: 'multiple-marks' })).not.toBe(comparable({ raw: '123', meaning: 'multiple-marks' }));
  });

  it('needs two or three entries', async () => {
    expect((await tally(['reconcile', E1])).code).toBe(2);
    expect((await tally(['reconcile', E1, E2, E3, E1])).code).toBe(2);
  });
});

describe('tally reconcile reads entries as tally does (one reader per layout)', () => {
  const MESSY = join(SAMPLE, '..', 'corpus', 'messy-workbook', 'so-tay.xlsx');
  const CSV = join(SAMPLE, 'phieu.csv');

  it('a workbook with titles, a two-row header, a blank row and a total row agrees with the plain CSV of the same ballots', async () => {
    // so-tay.xlsx holds the sample's 41 ballots (its README); nothing else in it is a ballot.
    for (const extra of [[], ['--roster', join(SAMPLE, 'danh-sach.csv')]]) {
      const r = await tally(['reconcile', MESSY, CSV, ...extra, '--json']);
      expect(r.code).toBe(0);
      const doc = JSON.parse(r.stdout);
      expect([doc.differences, doc.missing, doc.missingLeaders]).toEqual([[], [], []]);
    }
  });

  it('a total row or a repeated header in one entry is set aside there, not compared as a ballot', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tally-rec-'));
    const text = readFileSync(CSV, 'utf8').replace(/^\ufeff/, '').replace(/\r\n$/, '');
    const lines = text.split('\r\n');
    // The header again after ballot 20 (two pages pasted), and a total row at the end.
    const pasted = [...lines.slice(0, 21), lines[0], ...lines.slice(21), `Tổng cộng,,${Array(15).fill('41').join(',')}`];
    writeFileSync(join(dir, 'dan-trang.csv'), pasted.join('\r\n'));
    const r = await tally(['reconcile', CSV, join(dir, 'dan-trang.csv'), '--json']);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain("dòng 22: hàng tiêu đề cột lặp lại ('Số phiếu')");
    expect(r.stderr).toContain("dòng 44: dòng tổng cộng 'Tổng cộng'");
  });

  it('ballot numbers compare as numbers: 07 in one entry is ballot 7 of the other', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tally-rec-'));
    const padded = readFileSync(CSV, 'utf8').replace(/\r\n7,/, '\r\n07,');
    writeFileSync(join(dir, 'dem-0.csv'), padded);
    const r = await tally(['reconcile', CSV, join(dir, 'dem-0.csv'), '--json']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).missing).toEqual([]);
  });

  it('a ballot typed twice names the row it repeats', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tally-rec-'));
    // Row 12 holds ballot 11; typing 3 there repeats ballot 3 of row 4.
    writeFileSync(join(dir, 'trung.csv'), setCell(readFileSync(CSV, 'utf8').replace(/\r\n/g, '\n'), 12, 0, '3'));
    const r = await tally(['reconcile', CSV, join(dir, 'trung.csv')]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('phiếu số 3, dòng 12: số phiếu 3 trùng với dòng 4');
  });
});

// Entries as workbooks of several ballot sheets (hunted 2026-11-29: only the first sheet was
// compared, and the rest "agreed"), and layouts reconcile does not read.
describe('tally reconcile over every ballot sheet', () => {
  const people = ['Nguyễn Văn An', 'Trần Thị Bình', 'Lê Văn Cường'];
  const sheetRows = (first: number, codes: string[][]) => [['Số phiếu', ...people], ...codes.map((c, i) => [String(first + i), ...c])];
  async function workbook(path: string, sheets: Record<string, string[][]>) {
    const wb = new ExcelJS.Workbook();
    for (const [name, rows] of Object.entries(sheets)) wb.addWorksheet(name).addRows(rows);
    await wb.xlsx.writeFile(path);
  }
  const dir = mkdtempSync(join(tmpdir(), 'tally-rec-sheets-'));
  writeFileSync(join(dir, 'danh-sach.csv'), ['STT,Họ và tên,Chức vụ', ...people.map((p, i) => `${i + 1},${p},Ủy viên`)].join('\n'));

  it('compares the second sheet of ballots too: the three changed cells there, and nothing else', async () => {
    const a = [['1', '2', '3'], ['1', '1', '1'], ['2', '2', '2']];
    await workbook(join(dir, 'a.xlsx'), { Phiếu: sheetRows(1, a), 'Phiếu (2)': sheetRows(4, a) });
    // Entry 2: ballot 5 typed 3 3 3 on the second sheet (the first sheet as in entry 1).
    await workbook(join(dir, 'b.xlsx'), { Phiếu: sheetRows(1, a), 'Phiếu (2)': sheetRows(4, [a[0] as string[], ['3', '3', '3'], a[2] as string[]]) });
    const r = await tally(['reconcile', join(dir, 'a.xlsx'), join(dir, 'b.xlsx'), '--roster', join(dir, 'danh-sach.csv'), '--json']);
    expect(r.code).toBe(1);
    const doc = JSON.parse(r.stdout);
    expect(doc.differences.map((d: { ballot: string; leader: string; values: string[] }) => [d.ballot, d.leader, d.values])).toEqual(people.map((p) => ['5', p, ['1', '3']]));
    expect(doc.missing).toEqual([]);
  });

  it('keeps ballot types apart: ballot 1 of BCH against ballot 1 of BCH, not of BTV', async () => {
    writeFileSync(join(dir, 'hai-loai.csv'), ['STT,Họ và tên,Chức vụ,Loại phiếu', ...people.map((p, i) => `${i + 1},${p},Ủy viên,${i === 0 ? 'BTV' : 'BCH'}`)].join('\n'));
    const btv = [['Số phiếu', people[0] as string], ['1', '1'], ['2', '2']];
    const bch = (second: string) => [['Số phiếu', people[1] as string, people[2] as string], ['1', second, '1'], ['2', '3', '3'], ['3', '1', '2']];
    await workbook(join(dir, 'c.xlsx'), { 'Phiếu BTV': btv, 'Phiếu BCH': bch('1') });
    // Entry 2: Trần Thị Bình on BCH ballot 1 typed 2, and BCH ballot 3 left out.
    await workbook(join(dir, 'd.xlsx'), { 'Phiếu BTV': btv, 'Phiếu BCH': bch('2').slice(0, 3) });
    const r = await tally(['reconcile', join(dir, 'c.xlsx'), join(dir, 'd.xlsx'), '--roster', join(dir, 'hai-loai.csv'), '--json']);
    expect(r.code).toBe(1);
    const doc = JSON.parse(r.stdout);
    expect(doc.differences.map((d: { ballot: string; ballotType?: string; leader: string; values: string[] }) => [d.ballot, d.ballotType, d.leader, d.values])).toEqual([['1', 'BCH', 'Trần Thị Bình', ['1', '2']]]);
    expect(doc.missing).toEqual([{ ballot: '3', ballotType: 'BCH', presentIn: [1], missingIn: [2] }]);
    const screen = await tally(['reconcile', join(dir, 'c.xlsx'), join(dir, 'd.xlsx'), '--roster', join(dir, 'hai-loai.csv')]);
    expect(screen.stdout).toContain("Phiếu 1 (BCH) · Trần Thị Bình: Lần nhập 1 '1', Lần nhập 2 '2'");
    expect(screen.stdout).toContain('Phiếu 3 (BCH): có ở lần nhập 1, thiếu ở lần nhập 2');
  });

  // From review: without --roster, types came from sheet names as written.
  it('without a roster: a CSV and a workbook whose one sheet is "Phiếu BCH" compare by number; "Phiếu bch" is BCH', async () => {
    const a = [['1', '2', '3'], ['1', '1', '1']];
    writeFileSync(join(dir, 'e.csv'), sheetRows(1, a).map((r) => r.join(',')).join('\n'));
    await workbook(join(dir, 'f.xlsx'), { 'Phiếu BCH': sheetRows(1, a) });
    await workbook(join(dir, 'g.xlsx'), { 'Phiếu bch': sheetRows(1, [a[0] as string[], ['1', '1', '2']]) });
    const same = await tally(['reconcile', join(dir, 'e.csv'), join(dir, 'f.xlsx')]);
    expect(same.code).toBe(0);
    const doc = JSON.parse((await tally(['reconcile', join(dir, 'f.xlsx'), join(dir, 'g.xlsx'), '--json'])).stdout);
    expect(doc.differences.map((d: { ballot: string; ballotType?: string; leader: string }) => [d.ballot, d.ballotType, d.leader])).toEqual([['2', undefined, people[2]]]);
    expect(doc.missing).toEqual([]);
  });

  it('without a roster: "Phiếu (2)" continues "Phiếu", so a number on both is one ballot typed twice', async () => {
    const a = [['1', '2', '3'], ['1', '1', '1']];
    await workbook(join(dir, 'h.xlsx'), { Phiếu: sheetRows(1, a), 'Phiếu (2)': sheetRows(2, a) });
    await workbook(join(dir, 'i.xlsx'), { Phiếu: sheetRows(1, [...a, ['2', '2', '2']]) });
    const r = await tally(['reconcile', join(dir, 'h.xlsx'), join(dir, 'i.xlsx')]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("trang Phiếu (2), phiếu số 2, dòng 2: số phiếu 2 trùng với trang Phiếu, dòng 3");
  });

  it('refuses a long-layout entry instead of reading it as a wide sheet', async () => {
    const long = (third: string) => ['Số phiếu,Cán bộ,Mức', ...people.flatMap((p, i) => ['1', '2'].map((b) => `${b},${p},${b === '2' && i === 2 ? third : '1'}`))].join('\n');
    writeFileSync(join(dir, 'doc-1.csv'), long('3'));
    writeFileSync(join(dir, 'doc-2.csv'), long('1'));
    const r = await tally(['reconcile', join(dir, 'doc-1.csv'), join(dir, 'doc-2.csv'), '--roster', join(dir, 'danh-sach.csv')]);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain(`${join(dir, 'doc-1.csv')}: phiếu ở đây theo dạng dọc`);
    expect(r.stderr).toContain(`${join(dir, 'doc-2.csv')}: phiếu ở đây theo dạng dọc`);
    // tally itself reads the same file as the long layout it is.
    writeFileSync(join(dir, 'hoi-nghi.csv'), 'Mục,Giá trị\nSố người được triệu tập,3\nSố người có mặt,3\nSố phiếu phát ra,2\nSố phiếu thu về,2\n');
    const one = await tally([join(dir, 'doc-1.csv'), '--roster', join(dir, 'danh-sach.csv'), '--session', join(dir, 'hoi-nghi.csv'), '--json']);
    expect(JSON.parse(one.stdout).cadres.map((c: { low: number }) => c.low)).toEqual([0, 0, 1]);
  });
});
