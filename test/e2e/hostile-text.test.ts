// Text from the inputs is data, never markup or control (SPEC §3; issue 19, findings 7 and 8).
// A hostile session — names, positions, session values and cells holding escape sequences that
// rewrite the screen, CR, BEL, every C0 control, U+FFFE, U+FFFF, lone surrogates, bidirectional
// overrides and isolates, a value of a million characters — goes through every output of
// `tally`, `check`, `summary`, `reconcile` and `template`. Every screen is free of raw controls,
// every XML part of every workbook and document is well-formed (test/xml-check.ts, written apart
// from the program), no cell passes Excel's 32,767 characters, the HTML holds no raw bidi
// control, what was replaced is visible, and the JSON keeps every character.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { tally } from '../cli/run.js';
import { needs } from '../programs.js';
import { xmlProblems, xmlUnescape } from '../xml-check.js';
import { zipEntries } from '../zip.js';

const ESC = '\u001b';
/** The demonstration of issue 19: erase the line, go back to its start and up one, write "Hợp lệ". */
const REWRITE = `${ESC}[2K\r${ESC}[1AHợp lệ`;
/** An operating-system command (set the window title), ended by BEL. */
const OSC = `${ESC}]0;owned\u0007`;
const RLO = '\u202e';
const LRI = '\u2066';
const C0 = Array.from({ length: 32 }, (_, i) => String.fromCharCode(i)).join('');
const HUGE = 1_000_000;

const LEADERS = [
  { id: 'A1', name: `Nguyễn Văn An${REWRITE}`, position: `Bí thư${OSC}`, low: 7 },
  // The override of finding 8: without care, "31/60" after this name reads "06/13".
  { id: 'A2', name: `${RLO}Trần Thị Bình`, position: 'Phó Bí thư\ufffe\uffff', low: 31 },
  { id: 'A3', name: `${LRI}Lê Văn Cường\ud800`, position: `Chủ tịch\u0007\r\u0008${ESC}[8m`, low: 3 },
];
const BALLOTS = 60;

/** Raw on a screen: every C0 control but the line feed, DEL, C1, the line separators, bidi controls, lone surrogates. */
const RAW_ON_SCREEN = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u2028\u2029\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
const BIDI = /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/;

const csvCell = (v: string | number) => `"${String(v).replaceAll('"', '""')}"`;

/**
 * One unit's session: the roster in UTF-16 with BOM (it can carry a lone surrogate), the session
 * values in JSON (every C0 control, a lone surrogate, a million characters), the ballots in
 * UTF-8 with one ballot voided for a reason holding an escape sequence. `badCell` puts an
 * escape sequence in a ballot cell: a data error, so the session has no result.
 */
function writeSession(dir: string, body: string, badCell = false): void {
  mkdirSync(dir, { recursive: true });
  const roster = ['STT,Mã,Họ và tên,Chức vụ', ...LEADERS.map((l, i) => [i + 1, l.id, l.name, l.position].map(csvCell).join(','))].join('\r\n');
  writeFileSync(join(dir, 'danh-sach.csv'), Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(`${roster}\r\n`, 'utf16le')]));
  const session = {
    title: `Hội nghị ${C0} \ud800 ${RLO}9/12`,
    body,
    place: `Tân Lập${'x'.repeat(HUGE)}`,
    date: '13/12/2023',
    convened: BALLOTS,
    present: BALLOTS,
    issued: BALLOTS,
    returned: BALLOTS,
    countingCommittee: `Hòa${ESC}[8m; Vinh${RLO}; Thảo\uffff`,
    classification: `Mật${RLO}${ESC}c`,
  };
  writeFileSync(join(dir, 'hoi-nghi.json'), JSON.stringify(session));
  // Ballot b marks leader l low while b ≤ l.low, high after; the last ballot is void.
  const rows = Array.from({ length: BALLOTS }, (_, i) => {
    const b = i + 1;
    const marks = LEADERS.map((l) => (b <= l.low ? '3' : '1'));
    if (badCell && b === 5) marks[0] = csvCell(`${ESC}[2K\rHợp lệ`);
    return [b, b === BALLOTS ? csvCell(`Ghi thêm tên${ESC}[2K`) : '', ...marks].join(',');
  });
  writeFileSync(join(dir, 'phieu.csv'), [`Số phiếu,Phiếu không hợp lệ,${LEADERS.map((l) => l.id).join(',')}`, ...rows].join('\n') + '\n');
}

/**
 * A value of a million characters is past the cell limit every reader applies (SPEC §2
 * Limits): raised here, so that the writers meet it and must bound it themselves.
 */
const BIG = ['--limit', `cell-chars=${2 * HUGE}`];
const sessionArgs = (dir: string) => [join(dir, 'phieu.csv'), '--roster', join(dir, 'danh-sach.csv'), '--session', join(dir, 'hoi-nghi.json'), ...BIG];

/** What a screen would obey in `text`, shown with its position; empty when nothing. */
function rawControls(text: string): string[] {
  const out: string[] = [];
  const re = new RegExp(RAW_ON_SCREEN.source, 'g');
  for (const m of text.matchAll(re)) out.push(`U+${(m[0].codePointAt(0) ?? 0).toString(16)} at ${m.index}: …${JSON.stringify(text.slice(Math.max(0, m.index - 20), m.index + 5))}`);
  return out.slice(0, 5);
}

/** Every XML part of an OOXML file (XLSX, DOCX) that is not well-formed, with why. */
function badParts(bytes: Uint8Array): string[] {
  return [...zipEntries(bytes)].filter(([name]) => /\.(xml|rels)$/.test(name)).flatMap(([name, data]) => xmlProblems(data).slice(0, 3).map((p) => `${name}: ${p}`));
}

/** The texts of a workbook's cells as the file holds them: shared strings and inline strings, each whole. */
function cellTexts(bytes: Uint8Array): string[] {
  const parts = zipEntries(bytes);
  const texts: string[] = [];
  for (const [name, data] of parts) {
    if (name !== 'xl/sharedStrings.xml' && !/^xl\/worksheets\/sheet\d+\.xml$/.test(name)) continue;
    const xml = data.toString('utf8');
    for (const si of xml.matchAll(name.endsWith('sharedStrings.xml') ? /<si>([\s\S]*?)<\/si>/g : /<is>([\s\S]*?)<\/is>/g)) {
      texts.push([...(si[1] ?? '').matchAll(/<t(?:\s[^>]*)?>([^<]*)<\/t>/g)].map((t) => xmlUnescape(t[1] ?? '')).join(''));
    }
  }
  return texts;
}

/** The longest cell of a workbook as exceljs reads it back (which it must be able to). */
async function longestCellRead(bytes: Uint8Array): Promise<number> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  let longest = 0;
  wb.eachSheet((ws) => ws.eachRow((row) => row.eachCell((c) => void (longest = Math.max(longest, c.text.length)))));
  return longest;
}

/** Checks one workbook: well-formed, no cell over Excel's limit, readable by exceljs. */
async function expectSafeWorkbook(path: string): Promise<string> {
  const bytes = readFileSync(path);
  expect(badParts(bytes), path).toEqual([]);
  const texts = cellTexts(bytes);
  expect(Math.max(...texts.map((t) => t.length)), path).toBeLessThanOrEqual(32_767);
  expect(await longestCellRead(bytes), path).toBeLessThanOrEqual(32_767);
  return texts.join('\n');
}

/** Checks one document: every part well-formed; returns the body's text. */
function expectSafeDocument(path: string): string {
  const bytes = readFileSync(path);
  expect(badParts(bytes), path).toEqual([]);
  const xml = zipEntries(bytes).get('word/document.xml')?.toString('utf8') ?? '';
  return [...xml.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((m) => xmlUnescape(m[1] ?? '')).join('');
}

/** An HTML report: no raw bidi control, no C0 control but tab and line feed, no lone surrogate. */
function expectSafeHtml(path: string): string {
  const html = readFileSync(path, 'utf8');
  expect(BIDI.test(html), path).toBe(false);
  expect(/[\u0000-\u0008\u000b-\u001f\ufffe\uffff]|[\ud800-\udfff]/.test(html), path).toBe(false);
  return html;
}

/** LibreOffice turns the file into a PDF in bounded time (execFileSync throws on its timeout). */
function convertsToPdf(file: string, dir: string): void {
  const profile = pathToFileURL(join(dir, `lo-${basename(file)}`)).href;
  execFileSync('soffice', [`-env:UserInstallation=${profile}`, '--headless', '--convert-to', 'pdf', '--outdir', join(dir, 'pdf'), file], { timeout: 120_000, stdio: 'ignore' });
  expect(readFileSync(join(dir, 'pdf', basename(file).replace(/\.\w+$/, '.pdf'))).subarray(0, 5).toString()).toBe('%PDF-');
}

const root = mkdtempSync(join(tmpdir(), 'tally-hostile-text-'));
const unit = join(root, 'dot', 'don-vi-1');
const out = (name: string) => join(root, name);

describe('the well-formedness check of the tests', () => {
  const bytes = (s: string) => new TextEncoder().encode(s);
  it('accepts well-formed XML and finds each kind of fault', () => {
    expect(xmlProblems(bytes('<?xml version="1.0"?><a x="1" y=\'&amp;\'><b/>t&#x9;&lt;</a>'))).toEqual([]);
    expect(xmlProblems(bytes('<a>\ufffe</a>'))).toHaveLength(1);
    expect(xmlProblems(bytes('<a>\u001b</a>'))).toHaveLength(1);
    expect(xmlProblems(bytes('<a>&#x1b;</a>'))).toHaveLength(1);
    expect(xmlProblems(bytes('<a>&nbsp;</a>'))).toHaveLength(1);
    expect(xmlProblems(bytes('<a><b></a>'))).not.toEqual([]);
    expect(xmlProblems(bytes('<a x="1" x="2"/>'))).toHaveLength(1);
    expect(xmlProblems(new Uint8Array([0x3c, 0x61, 0x3e, 0xed, 0xa0, 0x80, 0x3c, 0x2f, 0x61, 0x3e]))).toEqual(['not UTF-8']);
  });
});

describe('tally on a hostile session', () => {
  let r: Awaited<ReturnType<typeof tally>>;
  beforeAll(async () => {
    writeSession(unit, `Đảng ủy ${ESC}[31mđỏ${RLO} \ud800`);
    r = await tally([...sessionArgs(unit), '-o', out('t.xlsx'), '-o', out('t.docx'), '-o', out('t.html'), '-o', out('t.csv'), '-o', out('t.json')]);
  }, 60_000);

  it('counts it, and the screen shows every control as its code point, none raw', () => {
    expect(r.code).toBe(0);
    expect(rawControls(r.stdout)).toEqual([]);
    expect(rawControls(r.stderr)).toEqual([]);
    expect(r.stdout).toContain(`Nguyễn Văn An[U+001B][2K`);
    expect(r.stdout).toContain(`[U+202E]Trần Thị Bình`);
  });

  it('the JSON keeps every character, with no raw bidi control in its text', () => {
    const text = readFileSync(out('t.json'), 'utf8');
    expect(BIDI.test(text)).toBe(false);
    const doc = JSON.parse(text);
    for (const kept of [ESC, '\u0000', '\u0007', '\ud800', RLO]) expect(doc.session.title).toContain(kept);
    expect(doc.session.place).toHaveLength('Tân Lập'.length + HUGE);
    // As read: the roster reader makes a CR a space, its UTF-16 decoder a lone surrogate U+FFFD.
    expect(doc.cadres.map((c: { name: string }) => c.name)).toEqual(LEADERS.map((l) => l.name.replace('\r', ' ').replace(/\ud800$/, '\ufffd')));
  });

  it('the workbook is well-formed, no cell over 32,767, the million characters cut visibly', async () => {
    const texts = await expectSafeWorkbook(out('t.xlsx'));
    expect(texts).toContain('[U+202E]Trần Thị Bình');
    expect(texts).toContain('Phó Bí thư[U+FFFE][U+FFFF]');
    // The place cut: its first characters kept, and the mark says how many were left out — of
    // the place alone (the audit sheet), or of the place and the date after it (the heading).
    const cut = cellTexts(readFileSync(out('t.xlsx')))
      .map((t) => /^Tân Lập(x+)… \[\+(\d+)\]$/.exec(t))
      .flatMap((m) => (m === null ? [] : [{ kept: m[1]?.length ?? 0, left: Number(m[2]) }]));
    expect(cut.length).toBeGreaterThan(0);
    for (const c of cut) expect(c.kept).toBeGreaterThan(32_700);
    expect(cut.some((c) => c.kept + c.left === HUGE)).toBe(true);
  });

  it('the minutes are well-formed, every replaced character visible, the million characters cut', () => {
    const text = expectSafeDocument(out('t.docx'));
    expect(text).toContain('[U+202E]Trần Thị Bình');
    expect(text).toContain('[U+FFFE][U+FFFF]');
    expect(text).toContain('[U+001B][2K');
    expect(text.length).toBeLessThan(60_000);
    const m = /Tân Lập(x+)… \[\+(\d+)\]/.exec(text);
    expect(m?.[1]?.length).toBe(1_981);
    expect((m?.[1]?.length ?? 0) + Number(m?.[2])).toBe(HUGE);
  });

  it('the HTML has every text escaped, no raw bidi control, the figures after the name left alone', () => {
    const html = expectSafeHtml(out('t.html'));
    expect(html).toContain('[U+202E]Trần Thị Bình');
    expect(html).not.toContain(`${ESC}`);
  });

  it('the CSV keeps the names as typed (it is data, not a page)', () => {
    const csv = readFileSync(out('t.csv'), 'utf8');
    expect(csv).toContain(`${RLO}Trần Thị Bình`);
  });

  needs('soffice')(
    'LibreOffice converts the minutes and the workbook to PDF in bounded time',
    () => {
      convertsToPdf(out('t.docx'), root);
      convertsToPdf(out('t.xlsx'), root);
    },
    300_000,
  );
});

describe('a message that quotes input text', () => {
  it('a bad cell with an escape sequence is shown with its code points on stderr', async () => {
    const dir = join(root, 'bad-cell');
    writeSession(dir, 'Đảng ủy', true);
    const r = await tally(sessionArgs(dir));
    expect(r.code).toBe(1);
    expect(rawControls(r.stderr)).toEqual([]);
    expect(rawControls(r.stdout)).toEqual([]);
    expect(r.stderr).toContain('[U+001B][2K[U+000D]Hợp lệ');
  });

  it('a file name holding an escape sequence is shown with its code points', async () => {
    const r = await tally([join(root, `mất${ESC}[2K\r.csv`)]);
    expect(r.code).toBe(2);
    expect(rawControls(r.stderr)).toEqual([]);
    expect(r.stderr).toContain('mất[U+001B][2K[U+000D].csv');
  });
});

describe('a usage error that quotes what was typed', () => {
  it('shows the controls of a value as code points', async () => {
    const r = await tally([...sessionArgs(unit), '--convened', `${ESC}[2K5`]);
    expect(r.code).toBe(2);
    expect(rawControls(r.stderr)).toEqual([]);
    expect(r.stderr).toContain('[U+001B][2K5');
  });
});

describe('check, summary, reconcile and template on hostile input', () => {
  beforeAll(() => {
    // A second unit, whose ballots hold a bad cell: invalid, shown with its problem.
    writeSession(join(root, 'dot', 'don-vi-2'), `Đảng ủy ${REWRITE}`, true);
  });

  it('check: the screen, the JSON and the workbook', async () => {
    const screen = await tally(['check', join(root, 'dot'), '-o', out('c.xlsx'), ...BIG]);
    expect(rawControls(screen.stdout)).toEqual([]);
    expect(rawControls(screen.stderr)).toEqual([]);
    expect(screen.stdout).toContain('[U+001B][2K[U+000D]Hợp lệ');
    const json = await tally(['check', join(root, 'dot'), '--json', ...BIG]);
    expect(BIDI.test(json.stdout)).toBe(false);
    expect(rawControls(json.stderr)).toEqual([]);
    expect(JSON.parse(json.stdout).sessions).toHaveLength(2);
    await expectSafeWorkbook(out('c.xlsx'));
  }, 60_000);

  it('check: a record tally wrote of the session names the same leaders, controls and all', async () => {
    const dir = join(root, 'recorded', 'don-vi-1');
    writeSession(dir, 'Đảng ủy');
    expect((await tally([...sessionArgs(dir), '-o', join(dir, 'ket-qua.xlsx')])).code).toBe(0);
    const doc = JSON.parse((await tally(['check', join(root, 'recorded'), '--json', ...BIG])).stdout);
    const differences: { field: string; leader: string }[] = doc.sessions[0].differences;
    // The record holds "[U+202E]Trần Thị Bình"; the recount's name is the same person.
    expect(differences.filter((d) => d.field === 'leader' && /Nguyễn Văn An|Trần Thị Bình|Lê Văn Cường/.test(d.leader))).toEqual([]);
    expect(differences.filter((d) => /Nguyễn Văn An|Trần Thị Bình|Lê Văn Cường/.test(d.leader))).toEqual([]);
  }, 60_000);

  it('summary: the screen, the workbook, the report and the HTML', async () => {
    const r = await tally(['summary', join(root, 'dot'), '-o', out('s.xlsx'), '-o', out('s.docx'), '-o', out('s.html'), ...BIG]);
    expect(rawControls(r.stdout)).toEqual([]);
    expect(rawControls(r.stderr)).toEqual([]);
    // The invalid unit's line cannot be rewritten to read "Hợp lệ": its controls are shown
    // (the session reader made the CR of its name a space).
    expect(r.stdout).toContain('2. Đảng ủy [U+001B][2K [U+001B][1AHợp lệ (13/12/2023) — Không hợp lệ');
    await expectSafeWorkbook(out('s.xlsx'));
    expect(expectSafeDocument(out('s.docx'))).toContain('[U+202E]Trần Thị Bình');
    expectSafeHtml(out('s.html'));
    const json = await tally(['summary', join(root, 'dot'), '--json', ...BIG]);
    expect(BIDI.test(json.stdout)).toBe(false);
    expect(rawControls(json.stderr)).toEqual([]);
  }, 60_000);

  needs('soffice')(
    'summary: LibreOffice converts its report and workbook to PDF in bounded time',
    () => {
      convertsToPdf(out('s.docx'), root);
      convertsToPdf(out('s.xlsx'), root);
    },
    300_000,
  );

  it('reconcile: the screen, the JSON, the workbook and the CSV', async () => {
    const entries = [join(root, 'dot', 'don-vi-1', 'phieu.csv'), join(root, 'dot', 'don-vi-2', 'phieu.csv')];
    const r = await tally(['reconcile', ...entries, '--roster', join(unit, 'danh-sach.csv'), '-o', out('r.xlsx'), '-o', out('r.csv')]);
    expect(rawControls(r.stdout)).toEqual([]);
    expect(rawControls(r.stderr)).toEqual([]);
    expect(r.stdout).toContain('[U+001B][2K[U+000D]Hợp lệ');
    const texts = await expectSafeWorkbook(out('r.xlsx'));
    expect(texts).toContain('[U+001B][2K[U+000D]Hợp lệ');
    const json = await tally(['reconcile', ...entries, '--roster', join(unit, 'danh-sach.csv'), '--json']);
    expect(BIDI.test(json.stdout)).toBe(false);
    // The CSV keeps the cell as typed.
    expect(readFileSync(out('r.csv'), 'utf8')).toContain(`${ESC}[2K\rHợp lệ`);
  }, 60_000);

  it('template: the workbook made from a hostile roster is well-formed', async () => {
    const r = await tally(['template', '--roster', join(unit, 'danh-sach.csv'), '-o', out('m.xlsx')]);
    expect(r.code).toBe(0);
    expect(rawControls(r.stderr)).toEqual([]);
    const texts = await expectSafeWorkbook(out('m.xlsx'));
    expect(texts).toContain('[U+202E]Trần Thị Bình');
  });
});
