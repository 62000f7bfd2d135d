// Issue 20 (reading, second pass): workbooks in Excel for Mac's 1904 date system, LibreOffice's
// OpenDocument .ods, and rosters whose name is split over two columns. Workbooks are written by
// hand with the metamorphic suite's writers (no code of src/), and the expected figures are the
// bundled sample's expected.json, computed by hand.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { SAMPLE, tally } from '../cli/run.js';
import { pick } from '../helpers.js';
import type { Cell } from '../metamorphic/encode.js';
import { workbook, type SheetSpec } from '../metamorphic/xlsx.js';
import { odsBook } from '../metamorphic/ods.js';

const expected = JSON.parse(readFileSync(join(SAMPLE, 'expected.json'), 'utf8')) as { session: unknown; ballotTypes: unknown; cadres: unknown };

const dir = () => mkdtempSync(join(tmpdir(), 'tally-formats-'));

/** A CSV of the sample as rows: whole numbers as numbers, as a clerk's workbook holds them. */
function rowsOf(file: string): Cell[][] {
  const records = parse(readFileSync(join(SAMPLE, file), 'utf8').replace(/^\ufeff/, ''), { relaxColumnCount: true }) as string[][];
  return records.map((r) => r.map((v): Cell => (v === '' ? null : /^\d+$/.test(v) ? Number(v) : v)));
}

/** The sample session as the three sheets of one workbook. */
export function sampleSheets(): SheetSpec[] {
  return [
    { name: 'Danh sách', rows: rowsOf('danh-sach.csv') },
    { name: 'Hội nghị', rows: rowsOf('hoi-nghi.csv') },
    { name: 'Phiếu', rows: rowsOf('phieu.csv') },
  ];
}

/** The session sheet with its date (13/12/2023) as an Excel day number in a date style. */
function withDateCell(sheets: SheetSpec[], serial: number): SheetSpec[] {
  return sheets.map((s) => {
    if (s.name !== 'Hội nghị') return s;
    const at = s.rows.findIndex((r) => r[0] === 'Ngày');
    return { ...s, rows: s.rows.map((r, i) => (i === at ? [r[0] ?? null, serial] : r)), dates: [`B${at + 1}`] };
  });
}

describe('the 1904 date system (Excel for Mac)', () => {
  // 13/12/2023 is day 43811 after 1904-01-01, and day 45273 after 1899-12-30 (1900 system).
  it.each([
    ['1904', 43811, true],
    ['1900', 45273, false],
  ] as const)('a %s workbook whose session date is a date cell gives 13/12/2023 in the JSON and the minutes', async (_name, serial, date1904) => {
    const d = dir();
    const file = join(d, 'hoi-nghi.xlsx');
    writeFileSync(file, workbook(withDateCell(sampleSheets(), serial), { shared: true, date1904 }));
    const html = join(d, 'bien-ban.html');
    const r = await tally([file, '--json', '-o', html]);
    expect(r.stderr).not.toMatch(/lỗi|error/i);
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout) as typeof expected;
    expect(pick(doc, expected)).toEqual(expected);
    expect(readFileSync(html, 'utf8')).toContain('Tân Lập, ngày 13 tháng 12 năm 2023');
  });

  it('a 1904 workbook with the date typed as text reads it as typed', async () => {
    const d = dir();
    const file = join(d, 'hoi-nghi.xlsx');
    writeFileSync(file, workbook(sampleSheets(), { shared: true, date1904: true }));
    const r = await tally([file, '--json']);
    expect(r.code).toBe(0);
    expect(pick(JSON.parse(r.stdout), { session: { date: 0, round: 0 } })).toEqual({ session: { date: '2023-12-13', round: '2023' } });
  });
});

describe('which number formats show a date', () => {
  it.each([
    ['dd/mm/yyyy', true],
    ['[$-42A]dd/mm/yyyy', true],
    ['mmm-yy', true],
    ['d" tháng "m" năm "yyyy', true],
    ['h:mm', false],
    ['[h]:mm:ss', false],
    ['0.00%', false],
    ['#,##0 "ngày"', false],
    ['General', false],
    ['@', false],
  ] as const)('%s → %s', async (code, date) => {
    const { isDateFormat } = await import('../../src/read/xlsx.js');
    expect(isDateFormat(code)).toBe(date);
  });
});

describe('OpenDocument spreadsheets (.ods)', () => {
  it.each([
    ['plain', {}],
    ['runs of equal cells and rows written once', { runs: true }],
  ] as const)('the sample as an .ods workbook (%s) tallies exactly as expected.json', async (_name, o) => {
    const d = dir();
    const file = join(d, 'hoi-nghi.ods');
    writeFileSync(file, odsBook(sampleSheets(), o));
    const r = await tally([file, '--json']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(pick(JSON.parse(r.stdout), expected)).toEqual(expected);
  });
});
