// Issue 20 (reading, second pass): workbooks in Excel for Mac's 1904 date system, LibreOffice's
// OpenDocument .ods, and rosters whose name is split over two columns. Workbooks are written by
// hand with the metamorphic suite's writers (no code of src/), and the expected figures are the
// bundled sample's expected.json, computed by hand.
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { SAMPLE, tally } from '../cli/run.js';
import { pick } from '../helpers.js';
import { needs } from '../programs.js';
import type { Cell } from '../metamorphic/encode.js';
import { workbook, type SheetSpec } from '../metamorphic/xlsx.js';
import { odsBook, zipOf } from '../metamorphic/ods.js';

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

/** An .ods whose content.xml holds these tables (each "<table:table …>…</table:table>"). */
function handOds(tables: readonly string[]): Buffer {
  const content = `<?xml version="1.0" encoding="UTF-8"?><office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"><office:body><office:spreadsheet>${tables.join('')}</office:spreadsheet></office:body></office:document-content>`;
  return zipOf([
    { name: 'mimetype', data: Buffer.from('application/vnd.oasis.opendocument.spreadsheet'), store: true },
    { name: 'content.xml', data: Buffer.from(content, 'utf8') },
    { name: 'META-INF/manifest.xml', data: Buffer.from('<?xml version="1.0" encoding="UTF-8"?><manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0"/>') },
  ]);
}

const s = (t: string) => `<table:table-cell office:value-type="string"><text:p>${t}</text:p></table:table-cell>`;
const f = (n: number) => `<table:table-cell office:value-type="float" office:value="${n}"><text:p>${n}</text:p></table:table-cell>`;
const row = (...cells: string[]) => `<table:table-row>${cells.join('')}</table:table-row>`;
const table = (name: string, ...rows: string[]) => `<table:table table:name="${name}">${rows.join('')}</table:table>`;

/** The sample's roster and session, and a ballot sheet of these rows (header first). */
function sampleWith(ballotRows: readonly string[]): Buffer {
  const sheet = (name: string, rows: Cell[][]) => table(name, ...rows.map((r) => row(...r.map((c) => (c === null ? '<table:table-cell/>' : typeof c === 'number' ? f(c) : s(c))))));
  const [roster, session, ballots] = sampleSheets() as [SheetSpec, SheetSpec, SheetSpec];
  const head = row(...(ballots.rows[0] as Cell[]).map((c) => s(String(c))));
  return handOds([sheet(roster.name, roster.rows as Cell[][]), sheet(session.name, session.rows as Cell[][]), table('Phiếu', head, ...ballotRows)]);
}

describe('.ods repeated rows and cells', () => {
  const ballots = () => rowsOf('phieu.csv').slice(1);
  const ballotRow = (r: Cell[]) => row(...r.map((c) => (c === null ? '<table:table-cell/>' : typeof c === 'number' ? f(c) : s(c))));

  it('a last row repeated 1,048,000 times (as LibreOffice writes it) is not read as rows, and costs nothing', async () => {
    const d = dir();
    const file = join(d, 'hoi-nghi.ods');
    const tail = '<table:table-row table:number-rows-repeated="1048000"><table:table-cell table:number-columns-repeated="16384"/></table:table-row>';
    writeFileSync(file, sampleWith([...ballots().map(ballotRow), tail]));
    const before = process.memoryUsage().heapUsed;
    const started = Date.now();
    const r = await tally([file, '--json']);
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout) as { rows: { rowsRead: number; ballots: number }[] };
    expect(pick(doc, expected)).toEqual(expected);
    // 41 ballots and the header: the repeated empty rows are neither rows nor memory.
    expect(doc.rows[0]?.rowsRead).toBe(42);
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(process.memoryUsage().heapUsed - before).toBeLessThan(64 * 1024 * 1024);
  });

  it('a row of values repeated is that many rows, each a ballot', async () => {
    const d = dir();
    const file = join(d, 'hoi-nghi.ods');
    const rows = ballots();
    const body = rows.map(ballotRow);
    writeFileSync(file, sampleWith(body));
    expect(pick(JSON.parse((await tally([file, '--json'])).stdout), expected)).toEqual(expected);
    // The same sheet with its first ballot's row written twice as one repeated row, numbered the same:
    // the second copy is a duplicate ballot number, which only a real second row can be.
    const first = body[0] as string;
    writeFileSync(file, sampleWith([first.replace('<table:table-row>', '<table:table-row table:number-rows-repeated="2">'), ...body.slice(1)]));
    const r = await tally([file, '--json']);
    expect(r.code).toBe(1);
    const doc = JSON.parse(r.stdout) as { problems: { code: string; row: number | null; ballot: string | number | null }[] };
    expect(doc.problems.some((p) => p.code === 'duplicate-ballot' && String(p.ballot) === '1' && p.row === 3)).toBe(true);
  });

  it('a row of 16,384 values repeated 1,048,000 times is refused past the size limit, not held', async () => {
    const d = dir();
    const file = join(d, 'hoi-nghi.ods');
    const bomb = `<table:table-row table:number-rows-repeated="1048000"><table:table-cell office:value-type="float" office:value="1" table:number-columns-repeated="16384"><text:p>1</text:p></table:table-cell></table:table-row>`;
    writeFileSync(file, sampleWith([bomb]));
    const started = Date.now();
    const r = await tally([file, '--json', '--limit', 'part-mb=64']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/hoi-nghi\.ods.*part-mb/);
    expect(Date.now() - started).toBeLessThan(20_000);
  });
});

/** LibreOffice's own conversion of a file to .ods, with a fresh profile. */
function libreOfficeOds(file: string, outDir: string): string {
  execFileSync('soffice', [`-env:UserInstallation=${pathToFileURL(join(outDir, 'lo-profile')).href}`, '--headless', '--convert-to', 'ods', '--outdir', outDir, file], { timeout: 120_000, stdio: 'ignore' });
  return join(outDir, basename(file).replace(/\.\w+$/, '.ods'));
}

/** A JSON document with its file paths dropped, for comparing two runs on two files. */
const withoutFiles = (doc: string) => JSON.parse(doc, (k, v: unknown) => (k === 'file' ? undefined : v)) as unknown;

describe('.ods written by LibreOffice itself', () => {
  needs('soffice')(
    'the bundled sample converted by `soffice --convert-to ods` tallies exactly as the xlsx',
    async () => {
      const d = dir();
      const xlsx = join(SAMPLE, 'hoi-nghi-huyen.xlsx');
      const ods = libreOfficeOds(xlsx, d);
      const fromXlsx = await tally([xlsx, '--json']);
      const fromOds = await tally([ods, '--json']);
      expect(fromOds.code).toBe(0);
      expect(fromXlsx.code).toBe(0);
      expect(withoutFiles(fromOds.stdout)).toEqual(withoutFiles(fromXlsx.stdout));
      expect(pick(JSON.parse(fromOds.stdout), expected)).toEqual(expected);
      // `tally check` finds it as a session workbook in a folder, as it would an .xlsx.
      const round = join(d, 'dot');
      mkdirSync(round);
      copyFileSync(ods, join(round, 'hoi-nghi-huyen.ods'));
      const check = await tally(['check', round, '--json']);
      expect(check.stdout).toContain('hoi-nghi-huyen.ods');
      expect(check.code).toBe(0);
    },
    150_000,
  );

  needs('soffice')(
    'a 1904 workbook converted by LibreOffice keeps its date',
    async () => {
      const d = dir();
      const xlsx = join(d, 'mac.xlsx');
      writeFileSync(xlsx, workbook(withDateCell(sampleSheets(), 43811), { shared: true, date1904: true }));
      const ods = libreOfficeOds(xlsx, d);
      const r = await tally([ods, '--json']);
      expect(r.code).toBe(0);
      expect(pick(JSON.parse(r.stdout), expected)).toEqual(expected);
    },
    150_000,
  );
});
