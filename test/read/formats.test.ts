// Issue 20 (reading, second pass): workbooks in Excel for Mac's 1904 date system, LibreOffice's
// OpenDocument .ods, and rosters whose name is split over two columns. Workbooks are written by
// hand with the metamorphic suite's writers (no code of src/), and the expected figures are the
// bundled sample's expected.json, computed by hand.
import { execFileSync } from 'node:child_process';
import { copyFileSync, cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join, relative, resolve } from 'node:path';
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
function libreOfficeOds(file: string, outDir: string, profile = join(outDir, 'lo-profile')): string {
  execFileSync('soffice', [`-env:UserInstallation=${pathToFileURL(profile).href}`, '--headless', '--convert-to', 'ods', '--outdir', outDir, file], { timeout: 120_000, stdio: 'ignore' });
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
    '`tally check` over the archive with its workbooks converted to .ods says what it says of the .xlsx (recorded results, percentages)',
    async () => {
      const d = dir();
      const original = resolve('fixtures', 'archive');
      const copy = join(d, 'archive');
      cpSync(original, copy, { recursive: true });
      for (const f of ['2023/hoi-nghi-huyen.xlsx', '2024/xa-tan-lap.xlsx']) {
        libreOfficeOds(join(copy, f), dirname(join(copy, f)), join(d, 'lo-profile'));
        rmSync(join(copy, f));
      }
      const said = async (root: string) => {
        const r = await tally(['check', root, '--json']);
        // Paths are said relative to where the clerk is.
        return { code: r.code, doc: JSON.parse(r.stdout.replaceAll(root, 'ARCHIVE').replaceAll(relative(process.cwd(), root), 'ARCHIVE').replace(/\.(ods|xlsx)\b/g, '.workbook')) as unknown };
      };
      const fromOds = await said(copy);
      expect(fromOds).toEqual(await said(original));
      expect(JSON.stringify(fromOds.doc)).toContain('hoi-nghi-huyen.workbook › Kết quả');
    },
    150_000,
  );

  needs('soffice')(
    '`tally reconcile` and `tally summary` take the converted sample as they take the .xlsx',
    async () => {
      const d = dir();
      const [xlsxDir, odsDir] = [join(d, 'xlsx'), join(d, 'ods')];
      mkdirSync(xlsxDir);
      mkdirSync(odsDir);
      copyFileSync(join(SAMPLE, 'hoi-nghi-huyen.xlsx'), join(xlsxDir, 'hoi-nghi-huyen.xlsx'));
      libreOfficeOds(join(xlsxDir, 'hoi-nghi-huyen.xlsx'), odsDir, join(d, 'lo-profile'));
      // Two files: their names and fingerprints differ, nothing else.
      const same = (out: string, root: string) => JSON.parse(out.replaceAll(relative(process.cwd(), root), 'DIR').replaceAll(root, 'DIR').replace(/hoi-nghi-huyen\.(ods|xlsx)/g, 'hoi-nghi-huyen.workbook'), (k, v: unknown) => (k === 'sha256' ? undefined : v)) as unknown;
      const second = resolve('fixtures', 'reconcile', 'nhap-2.csv');
      const rx = await tally(['reconcile', join(xlsxDir, 'hoi-nghi-huyen.xlsx'), second, '--json']);
      const ro = await tally(['reconcile', join(odsDir, 'hoi-nghi-huyen.ods'), second, '--json']);
      expect(ro.code).toBe(rx.code);
      expect(same(ro.stdout, odsDir)).toEqual(same(rx.stdout, xlsxDir));
      const sx = await tally(['summary', xlsxDir, '--json', '--jobs', '1', '--date', '20/12/2023']);
      const so = await tally(['summary', odsDir, '--json', '--jobs', '1', '--date', '20/12/2023']);
      expect(so.code).toBe(sx.code);
      expect(so.stdout).toContain('hoi-nghi-huyen.ods');
      expect(same(so.stdout, odsDir)).toEqual(same(sx.stdout, xlsxDir));
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

describe('.ods forms of our own making', () => {
  /** The sample's ballot rows as ODS rows, with `edit` applied to each row's cells' XML. */
  const ballotXml = (edit: (cells: string[], r: number) => string[] = (c) => c) =>
    rowsOf('phieu.csv')
      .slice(1)
      .map((r, i) => row(...edit(r.map((c) => (c === null ? '<table:table-cell/>' : typeof c === 'number' ? f(c) : s(c))), i)));
  const run = async (bytes: Buffer, name = 'hoi-nghi.ods') => {
    const d = dir();
    const file = join(d, name);
    writeFileSync(file, bytes);
    const r = await tally([file, '--json']);
    return { ...r, doc: r.stdout === '' ? null : (JSON.parse(r.stdout) as { problems: { code: string; message: string }[]; rows: { rowsRead: number; nonBallot: Record<string, number> }[] }) };
  };
  const tallies = async (bytes: Buffer, name?: string) => {
    const r = await run(bytes, name);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(pick(r.doc, expected)).toEqual(expected);
    return r;
  };

  it('marks with styles, spans, links and comments in their cells read as the mark', async () => {
    await tallies(
      sampleWith(
        ballotXml((cells, r) =>
          cells.map((c, k) => {
            if (k < 2 || !c.includes('<text:p>')) return c;
            const v = /<text:p>([^<]*)<\/text:p>/.exec(c)?.[1] ?? '';
            const dress = [`<text:p><text:span text:style-name="T1">${v}</text:span></text:p>`, `<office:annotation><dc:creator xmlns:dc="http://purl.org/dc/elements/1.1/">Thư ký</dc:creator><text:p>đã soát 3 lần</text:p></office:annotation><text:p>${v}</text:p>`, `<text:p><text:a xlink:href="#A1" xmlns:xlink="http://www.w3.org/1999/xlink">${v}</text:a></text:p>`];
            return (r + k) % 4 === 3 ? c : c.replace(/<text:p>[^<]*<\/text:p>/, dress[(r + k) % 3] as string);
          }),
        ),
      ),
    );
  });

  it('formulas read as their cached values; a formula with none is refused as a formula', async () => {
    // Each mark "1" is the value of =3-2, as a sheet filled by formulas holds it.
    await tallies(sampleWith(ballotXml((cells) => cells.map((c) => c.replace('office:value-type="float" office:value="1"', 'table:formula="of:=3-2" office:value-type="float" office:value="1"')))));
    const r = await run(sampleWith(ballotXml((cells, i) => cells.map((c, k) => (i === 4 && k === 2 ? '<table:table-cell table:formula="of:=[.C2]"/>' : c)))));
    expect(r.code).toBe(1);
    expect(r.doc?.problems.some((p) => p.code === 'bad-cell' && p.message.includes('=[.C2]'))).toBe(true);
  });

  it('the header row in <table:table-header-rows> and ballots in row groups are rows like any other', async () => {
    const [roster, session, ballots] = sampleSheets() as [SheetSpec, SheetSpec, SheetSpec];
    const sheet = (name: string, rows: Cell[][]) => table(name, ...rows.map((r) => row(...r.map((c) => (c === null ? '<table:table-cell/>' : typeof c === 'number' ? f(c) : s(c))))));
    const head = row(...(ballots.rows[0] as Cell[]).map((c) => s(String(c))));
    const body = ballotXml();
    await tallies(handOds([sheet(roster.name, roster.rows as Cell[][]), sheet(session.name, session.rows as Cell[][]), table('Phiếu', `<table:table-header-rows>${head}</table:table-header-rows>`, `<table:table-row-group>${body.slice(0, 20).join('')}</table:table-row-group>`, ...body.slice(20))]));
  });

  it('a hidden sheet and an empty sheet beside the three are left alone, as in an .xlsx', async () => {
    const sheets = sampleSheets();
    await tallies(odsBook([...sheets, { name: 'Ghi chú', rows: [['Bản nháp, không in']] }, { name: 'Sheet5', rows: [] }], { hidden: ['Ghi chú'] }));
  });

  it('a header typed on two lines (two paragraphs) reads as in an .xlsx (a line break)', async () => {
    const sheets = sampleSheets();
    const xlsx = await tally([(() => {
      const d = dir();
      const file = join(d, 'a.xlsx');
      const ballots = sheets[2] as SheetSpec;
      writeFileSync(file, workbook([sheets[0] as SheetSpec, sheets[1] as SheetSpec, { ...ballots, rows: [['Số phiếu', 'Phiếu không\nhợp lệ', ...(ballots.rows[0] as Cell[]).slice(2)], ...ballots.rows.slice(1)] }], { shared: true }));
      return file;
    })(), '--json']);
    const ballots = sheets[2] as SheetSpec;
    const r = await run(odsBook([sheets[0] as SheetSpec, sheets[1] as SheetSpec, { ...ballots, rows: [['Số phiếu', 'Phiếu không\nhợp lệ', ...(ballots.rows[0] as Cell[]).slice(2)], ...ballots.rows.slice(1)] }]));
    expect(withoutFiles(r.stdout)).toEqual(withoutFiles(xlsx.stdout));
  });

  it('names with spaces said by <text:s/> and a tab read with those spaces, then cleaned as any text', async () => {
    const [roster, session, ballots] = sampleSheets() as [SheetSpec, SheetSpec, SheetSpec];
    const spaced = (t: string) => `<table:table-cell office:value-type="string"><text:p><text:s/>${t.replace(' ', ' <text:s text:c="2"/>')}<text:tab/></text:p></table:table-cell>`;
    const sheet = (name: string, rows: Cell[][], cell: (c: Cell, k: number) => string) => table(name, ...rows.map((r) => row(...r.map(cell))));
    const plain = (c: Cell) => (c === null ? '<table:table-cell/>' : typeof c === 'number' ? f(c) : s(c));
    // " Nguyễn   Văn Hùng\t": spaces around and between words are cleaned as in any typed text.
    await tallies(handOds([sheet(roster.name, roster.rows as Cell[][], (c, k) => (k === 2 && typeof c === 'string' && c !== 'Họ và tên' ? spaced(c) : plain(c))), sheet(session.name, session.rows as Cell[][], plain), sheet('Phiếu', ballots.rows as Cell[][], plain)]));
  });

  it('an .ods saved under an .xlsx name, and an .xlsx under an .ods name, are read by their contents', async () => {
    await tallies(odsBook(sampleSheets()), 'hoi-nghi.xlsx');
    await tallies(workbook(sampleSheets(), { shared: true }), 'hoi-nghi.ods');
  });

  it('a damaged .ods, and text under an .ods name, are said to be so in the clerk’s words', async () => {
    const good = odsBook(sampleSheets());
    const cut = await run(good.subarray(0, good.length - 40));
    expect(cut.code).toBe(2);
    expect(cut.stderr).toContain('tệp .ods bị hỏng');
    const text = await run(Buffer.from('STT,Họ và tên\n1,Nguyễn Văn An\n'));
    expect(text.code).toBe(2);
    expect(text.stderr).toContain('tệp có đuôi .ods nhưng không phải bảng tính');
  });

  it('covered cells holding text of their own (LibreOffice keeps it when asked) keep it, as merged cells do in an .xlsx', async () => {
    // The void reason "Rách" merged down over ballots 1-2 as spans: the covered cell under it
    // keeps its own "Rách" (same), so both ballots are void — read as the merged XLSX reads.
    const body = ballotXml((cells, i) => cells.map((c, k) => (k !== 1 ? c : i === 0 ? '<table:table-cell office:value-type="string" table:number-rows-spanned="2"><text:p>Rách</text:p></table:table-cell>' : i === 1 ? '<table:covered-table-cell office:value-type="string"><text:p>Rách</text:p></table:covered-table-cell>' : c)));
    const r = await run(sampleWith(body));
    const xl = (() => {
      const sheets = sampleSheets();
      const ballots = sheets[2] as SheetSpec;
      const rows = ballots.rows.map((r, i) => (i === 1 || i === 2 ? [r[0] ?? null, 'Rách', ...r.slice(2)] : r));
      return workbook([sheets[0] as SheetSpec, sheets[1] as SheetSpec, { ...ballots, rows, merges: ['B2:B3'] }], { shared: true });
    })();
    const d = dir();
    writeFileSync(join(d, 'x.xlsx'), xl);
    const x = await tally([join(d, 'x.xlsx'), '--json']);
    expect(withoutFiles(r.stdout)).toEqual(withoutFiles(x.stdout));
  });
});

describe('.ods rows that cannot be read for sure', () => {
  it('an element other than a cell among a row’s cells is refused (every cell after it would move)', async () => {
    const d = dir();
    const file = join(d, 'hoi-nghi.ods');
    const rows = rowsOf('phieu.csv').slice(1).map((r, i) => row(...r.map((c, k) => (i === 3 && k === 1 ? '<table:table-covered-cell/>' : c === null ? '<table:table-cell/>' : typeof c === 'number' ? f(c) : s(c)))));
    writeFileSync(file, sampleWith(rows));
    const r = await tally([file, '--json']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('tệp .ods bị hỏng');
  });
});
