import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { SAMPLE, tally } from '../cli/run.js';

const DIR = join(SAMPLE, '..', 'reconcile');
const E1 = join(SAMPLE, 'hoi-nghi-huyen.xlsx');
const E2 = join(DIR, 'nhap-2.csv');
const E3 = join(DIR, 'nhap-3.csv');
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
    const without = JSON.parse((await tally(['reconcile', E1, join(dir, 'ma.csv'), '--json'])).stdout);
    expect(without.missingLeaders).toHaveLength(30);
    const withRoster = await tally(['reconcile', E1, join(dir, 'ma.csv'), '--roster', join(SAMPLE, 'danh-sach.csv'), '--json']);
    expect(withRoster.code).toBe(0);
  });

  it('writes the comparison as XLSX and CSV', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tally-rec-'));
    const r = await tally(['reconcile', E1, E2, E3, '-o', join(dir, 'doi-chieu.xlsx'), '-o', join(dir, 'doi-chieu.csv')]);
    expect(r.code).toBe(1);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(join(dir, 'doi-chieu.xlsx'));
    const rows: unknown[][] = [];
    wb.getWorksheet('Đối chiếu')?.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
    expect(rows[0]).toEqual(['Phiếu số', 'Người được lấy phiếu', 'Lần 1', 'Lần 2', 'Lần 3', 'Đa số', 'Lần nhập khác']);
    expect(rows).toHaveLength(5);
    const csv = readFileSync(join(dir, 'doi-chieu.csv'), 'utf8');
    expect(csv.startsWith('\ufeff')).toBe(true);
    expect(csv).toContain('20,Đỗ Văn Long,');
  });

  it('needs two or three entries', async () => {
    expect((await tally(['reconcile', E1])).code).toBe(2);
    expect((await tally(['reconcile', E1, E2, E3, E1])).code).toBe(2);
  });
});
