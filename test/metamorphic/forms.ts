// The equivalent forms of a session (issue 11, item 3): the same ballots written the ways clerks
// write them — CSV and XLSX, every header form, code synonyms, encodings, delimiters, titles,
// totals, repeated headers, merged cells, the long layout, two ballot types, the template — each
// of which must give exactly the oracle's result; and the forms SPEC refuses, each with the
// problem code that names the real cause. Every form is built from the session alone: nothing
// here reads the program's output or imports src/.
import { join } from 'node:path';
import { tally } from '../cli/run.js';
import { csv, encode, type Cell, type Encoding } from './encode.js';
import { Rng } from './prng.js';
import { LEVELS, ballotsOf, leadersOf, numbersCollide, twoTypes, typesOf, type Ballot, type Leader, type Level, type Line, type Session } from './session.js';
import { col, fillTemplate, workbook, type SheetSpec } from './xlsx.js';
import { odsBook, type OdsOptions } from './ods.js';
import { readFileSync } from 'node:fs';
import { BLANK_TEXTS, REFUSED_VOID_TEXTS, VOID_TEXTS } from './void-texts.js';

// ---------------------------------------------------------------------------------------------
// What a form expects.

export interface RowsExpect {
  /** The ballot file's base name, and its sheet (null for CSV). */
  readonly file: string;
  readonly sheet: string | null;
  readonly ballots: number;
  /** Rows the form wrote that are not ballots: titles, headers, blank rows, totals, unused template rows. */
  readonly nonBallot: number;
  /** Exact counts of some kinds, where the kind is beyond doubt (a total row is a total). */
  readonly kinds?: Partial<Record<'title' | 'header' | 'empty' | 'total', number>>;
}

export type Expect =
  | {
      readonly kind: 'ok';
      readonly session?: Session;
      readonly rows?: readonly RowsExpect[];
      /** Problem codes that must not appear at all (a form whose text is the same spelling, not a near one). */
      readonly quiet?: readonly string[];
      /** The session date the tally must report (an Excel date cell). */
      readonly date?: string;
    }
  | { readonly kind: 'quorum'; readonly convened: number; readonly present: number }
  | {
      readonly kind: 'refused';
      /** The problem code that names the real cause (one of these, when SPEC names none). */
      readonly code: string | readonly string[];
      /** Texts one problem of that code must contain in its message (a ballot number, SPEC §2.4). */
      readonly mentions?: readonly string[];
    };

export interface Built {
  readonly files: Record<string, Buffer>;
  readonly args: readonly string[];
  readonly expect: Expect;
  /** A few lines describing the input, for a failure report. */
  readonly sketch: string;
}

export interface Form {
  readonly name: string;
  /** Whether the form applies to this session (e.g. STT headers only when numbers cannot be two people). */
  readonly applies?: (s: Session) => boolean;
  readonly build: (s: Session, rng: Rng, dir: string) => Built | Promise<Built>;
}

// ---------------------------------------------------------------------------------------------
// Text helpers (own, from SPEC: NFC, case folding, diacritics).

export const strip = (s: string) =>
  s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .normalize('NFC');
export const fold = (s: string) => strip(s.normalize('NFC').toLowerCase()).trim();

/** Whether a leader's name typed without diacritics is unique on the roster. */
export const strippedUnique = (s: Session, l: Leader) => s.leaders.filter((o) => fold(o.name) === fold(l.name)).length === 1;
/** The same within the leader's ballot type (where a header is looked up). */
export const strippedUniqueInType = (s: Session, l: Leader) => s.leaders.filter((o) => o.type === l.type && fold(o.name) === fold(l.name)).length === 1;

// ---------------------------------------------------------------------------------------------
// Headers.

export type HeaderKind = 'name' | 'id' | 'stt' | 'dot' | 'dash' | 'paren' | 'posdash' | 'nodiac' | 'upper';

export function header(l: Leader, kind: HeaderKind): string {
  switch (kind) {
    case 'name':
      return l.name;
    case 'id':
      return l.id;
    case 'stt':
      return String(l.stt);
    case 'dot':
      return `${l.stt}. ${l.name}`;
    case 'dash':
      return `${l.stt} - ${l.name}`;
    case 'paren':
      return `${l.name} (${l.position})`;
    case 'posdash':
      return `${l.name} - ${l.position}`;
    case 'nodiac':
      return strip(l.name);
    case 'upper':
      return l.name.toUpperCase();
  }
}

/** The header kinds valid for this leader in this session. */
function headerKinds(s: Session, l: Leader): HeaderKind[] {
  const kinds: HeaderKind[] = ['name', 'dot', 'dash', 'paren', 'posdash', 'upper'];
  if (!numbersCollide(s)) kinds.push('stt');
  if (!numbersCollide(s) && s.idKind !== 'none') kinds.push('id');
  if (strippedUnique(s, l)) kinds.push('nodiac');
  return kinds;
}

// ---------------------------------------------------------------------------------------------
// Cell codes.

export type CodeStyle = 'digits' | 'synonyms' | 'numbers';

const DIGIT: Record<Level, string> = { high: '1', confidence: '2', low: '3' };
const SYNONYMS: Record<Level, readonly string[]> = {
  high: ['1', 'cao', 'tín nhiệm cao', 'tnc', 'h', 'high', 'Cao', 'CAO', 'TNC', 'Tín nhiệm cao', 'TÍN NHIỆM CAO', 'tin nhiem cao', 'H', 'High'],
  confidence: ['2', 'tín nhiệm', 'tn', 'm', 'confidence', 'TN', 'Tín nhiệm', 'Tín Nhiệm', 'tin nhiem', 'M', 'Confidence'],
  low: ['3', 'thấp', 'tín nhiệm thấp', 'tnt', 'l', 'low', 'Thấp', 'THẤP', 'TNT', 'Tín nhiệm thấp', 'thap', 'L', 'Low'],
};
const CROSSED = ['gx', 'gạch tên', 'GX', 'Gạch tên', 'gach ten', 'Gx'];
const DECLARED = ['0', 'khl', 'invalid', 'KHL', 'Khl', 'Invalid'];
export const BLANK_WORDS = BLANK_TEXTS;
const STRAY = ['', '', ' ', '  ', '\u00A0', ' \u00A0', '\u00A0 '];
const SEPARATORS = [',', ';', '|', '+', '/', ' + ', ', '];

const stray = (rng: Rng, s: string) => `${rng.pick(STRAY)}${s}${rng.pick(STRAY)}`;

/** A line typed as a cell. */
export function code(line: Line, style: CodeStyle, rng: Rng): Cell {
  const num = (s: string): Cell => (style === 'numbers' && /^\d+$/.test(s) ? Number(s) : s);
  switch (line.kind) {
    case 'none':
      return style === 'synonyms' && rng.chance(0.2) ? rng.pick([' ', '\u00A0']) : null;
    case 'mark':
      return style === 'synonyms' ? stray(rng, rng.pick(SYNONYMS[line.level])) : num(DIGIT[line.level]);
    case 'multi': {
      if (style !== 'synonyms' || rng.chance(0.3)) return num(line.levels.map((l) => DIGIT[l]).join(''));
      const sep = rng.pick(SEPARATORS);
      const pool = (l: Level) => SYNONYMS[l].filter((x) => !/^\d$/.test(x) || sep.trim() !== '');
      return stray(rng, line.levels.map((l) => rng.pick(pool(l))).join(sep));
    }
    case 'crossed':
      return style === 'synonyms' ? stray(rng, rng.pick(CROSSED)) : 'gx';
    case 'declared':
      return style === 'synonyms' ? stray(rng, rng.pick(DECLARED)) : num('0');
  }
}

/** The void column's cell of a ballot: with synonyms, any text that voids (the reason is the session's marker only). */
export function voidCell(b: Ballot, style: CodeStyle, rng: Rng, texts: readonly string[] = VOID_TEXTS): Cell {
  if (b.void !== null) return style === 'synonyms' ? stray(rng, rng.pick(texts)) : b.void;
  if (b.blank) return style === 'synonyms' ? stray(rng, rng.pick(BLANK_WORDS)) : 'trắng';
  return null;
}

// ---------------------------------------------------------------------------------------------
// The wide table of one ballot type.

export interface WideOptions {
  /** Header kind per leader (by index in the type's roster order). */
  readonly headers?: (l: Leader, i: number) => string | number;
  readonly ballotColumn?: boolean;
  readonly ballotHeader?: string;
  readonly voidHeader?: string;
  /** Ballot numbers: as numbers, as text, or zero-padded text. */
  readonly numbers?: 'number' | 'text' | 'padded';
  readonly codes?: CodeStyle;
  readonly shuffleRows?: boolean;
  readonly shuffleColumns?: boolean;
  /** Empty spacer columns inserted after these leader positions. */
  readonly spacers?: boolean;
  readonly titles?: readonly (readonly Cell[])[];
  /** A total row at the end ('Tổng cộng' with the high counts). */
  readonly total?: boolean;
  /** The header row repeated before a data row (two pages pasted together): a random one, or this index. */
  readonly repeatHeader?: boolean;
  readonly repeatAt?: number;
  /** Void ballots sorted together by reason, their void cells merged vertically (XLSX). */
  readonly mergeVoid?: boolean;
  readonly voidPosition?: 'after-ballot' | 'end' | 'first';
  /** Title rows merged across the table's width (XLSX). */
  readonly mergeTitles?: boolean;
  /** The void texts to write with synonyms (those a legacy code page can hold). */
  readonly voidTexts?: readonly string[];
}

export interface WideTable {
  readonly rows: Cell[][];
  readonly merges: string[];
  readonly nonBallot: number;
  readonly kinds: Partial<Record<'title' | 'header' | 'empty' | 'total', number>>;
  /** The row (1-based) of each ballot, by ballot number. */
  readonly rowOf: Map<number, number>;
  readonly ballots: number;
}

export function wide(s: Session, type: string, rng: Rng, o: WideOptions = {}): WideTable {
  const leaders = leadersOf(s, type);
  let ballots = ballotsOf(s, type);
  if (o.shuffleRows === true) ballots = rng.shuffle(ballots);
  if (o.mergeVoid === true) {
    // Keep the order but bring void ballots of one reason together (a clerk types them last).
    const plain = ballots.filter((b) => b.void === null);
    const voids = ballots.filter((b) => b.void !== null).sort((a, b) => (a.void as string).localeCompare(b.void as string) || a.number - b.number);
    ballots = [...plain, ...voids];
  }
  const codes = o.codes ?? 'digits';
  const ballotColumn = o.ballotColumn ?? true;
  let leaderOrder = leaders.map((_, i) => i);
  if (o.shuffleColumns === true) leaderOrder = rng.shuffle(leaderOrder);
  // Columns: a list of producers.
  type Column = { head: Cell; cell: (b: Ballot) => Cell; kind: 'ballot' | 'void' | 'leader' | 'spacer'; leader?: number };
  const cols: Column[] = [];
  const numberCell = (b: Ballot): Cell => (o.numbers === 'text' ? String(b.number) : o.numbers === 'padded' ? String(b.number).padStart(3, '0') : b.number);
  const ballotCol: Column = { head: o.ballotHeader ?? 'Số phiếu', cell: numberCell, kind: 'ballot' };
  const voidCol: Column = { head: o.voidHeader ?? 'Phiếu không hợp lệ', cell: (b) => voidCell(b, codes, rng, o.voidTexts), kind: 'void' };
  const leaderCols: Column[] = [];
  for (const i of leaderOrder) {
    const l = leaders[i] as Leader;
    leaderCols.push({ head: o.headers?.(l, i) ?? l.name, cell: (b) => code(b.lines[i] as Line, codes, rng), kind: 'leader', leader: i });
    if (o.spacers === true && rng.chance(0.3)) leaderCols.push({ head: null, cell: () => null, kind: 'spacer' });
  }
  const pos = o.voidPosition ?? 'after-ballot';
  if (pos === 'first') cols.push(voidCol);
  if (ballotColumn) cols.push(ballotCol);
  if (pos === 'after-ballot') cols.push(voidCol);
  if (o.spacers === true) cols.push({ head: null, cell: () => null, kind: 'spacer' });
  cols.push(...leaderCols);
  if (pos === 'end') cols.push(voidCol);

  const rows: Cell[][] = [];
  const kinds: Partial<Record<'title' | 'header' | 'empty' | 'total', number>> = { header: 1 };
  let nonBallot = 1;
  for (const t of o.titles ?? []) {
    rows.push([...t]);
    nonBallot++;
    if (t.every((c) => c === null || c === '')) kinds.empty = (kinds.empty ?? 0) + 1;
    else kinds.title = (kinds.title ?? 0) + 1;
  }
  const headerRow = cols.map((c) => c.head);
  rows.push(headerRow);
  const rowOf = new Map<number, number>();
  const repeatAt = o.repeatAt ?? (o.repeatHeader === true && ballots.length >= 2 ? rng.int(1, ballots.length - 1) : -1);
  ballots.forEach((b, k) => {
    if (k === repeatAt) {
      rows.push([...headerRow]);
      nonBallot++;
      kinds.header = (kinds.header ?? 0) + 1;
    }
    rows.push(cols.map((c) => c.cell(b)));
    rowOf.set(b.number, rows.length);
  });
  const merges: string[] = [];
  if (o.mergeTitles === true) {
    (o.titles ?? []).forEach((t, r) => {
      if (t.some((c) => c !== null && c !== '')) merges.push(`A${r + 1}:${col(cols.length - 1)}${r + 1}`);
    });
  }
  if (o.mergeVoid === true) {
    const vc = cols.indexOf(voidCol);
    let start = -1;
    for (let r = 0; r <= rows.length; r++) {
      const v = rows[r]?.[vc] ?? null;
      const prev = start >= 0 ? rows[start]?.[vc] : null;
      if (start >= 0 && (v !== prev || r === rows.length || !isVoidReason(s, v))) {
        if (r - 1 > start) {
          merges.push(`${col(vc)}${start + 1}:${col(vc)}${r}`);
          for (let k = start + 1; k < r; k++) (rows[k] as Cell[])[vc] = null;
        }
        start = -1;
      }
      if (start < 0 && r < rows.length && isVoidReason(s, v) && r > 0) start = r;
    }
  }
  if (o.total === true) {
    // 'Tổng cộng' under the ballot column (or first column), the high count under each leader.
    const first = cols.findIndex((c) => c.kind === 'ballot');
    const totalRow = cols.map((c, i): Cell => {
      if (c.kind === 'leader') return ballotsOf(s, type).filter((b) => b.void === null && !b.blank && (b.lines[c.leader as number] as Line).kind === 'mark' && (b.lines[c.leader as number] as { level: Level }).level === 'high').length;
      return i === (first >= 0 ? first : 0) ? 'Tổng cộng' : null;
    });
    rows.push(totalRow);
    nonBallot++;
    kinds.total = 1;
  }
  return { rows, merges, nonBallot, kinds, rowOf, ballots: ballots.length };
}

const isVoidReason = (s: Session, v: Cell) => typeof v === 'string' && s.ballots.some((b) => b.void === v);

// ---------------------------------------------------------------------------------------------
// Roster and session.

export interface RosterOptions {
  readonly nameFirst?: boolean;
  /** Ids stored as numbers (XLSX) when they are plain numbers without leading zero. */
  readonly numbers?: boolean;
}

/**
 * A roster whose name is split over columns (SPEC §2.2): `Họ đệm` | `Tên` (and its other
 * headers), `Họ` | `Đệm` | `Tên`, or `Họ và tên` merged over two columns, with the parts named
 * in a row below (`merged-sub`, the other headers merged down over both rows) or not.
 */
export type NameSplit = 'ho-dem' | 'ho-va-dem' | 'ho' | 'three' | 'merged' | 'merged-sub';

export function splitRoster(s: Session, split: NameSplit, o: RosterOptions = {}): { rows: Cell[][]; merges: string[] } {
  const rows = rosterRows(s, o);
  const at = (rows[0] as Cell[]).indexOf('Họ và tên');
  const words = (name: string) => name.split(' ');
  const partsOf = (name: string): Cell[] => {
    const w = words(name);
    if (split === 'three') return [w[0] as string, w.slice(1, -1).join(' '), w[w.length - 1] as string];
    return [w.slice(0, -1).join(' '), w[w.length - 1] as string];
  };
  const heads: Record<NameSplit, Cell[]> = { 'ho-dem': ['Họ đệm', 'Tên'], 'ho-va-dem': ['Họ và đệm', 'Tên'], ho: ['Họ', 'Tên'], three: ['Họ', 'Đệm', 'Tên'], merged: ['Họ và tên', null], 'merged-sub': ['Họ và tên', null] };
  const out: Cell[][] = rows.map((r, i) => [...r.slice(0, at), ...(i === 0 ? (heads[split] as Cell[]) : partsOf(r[at] as string)), ...r.slice(at + 1)]);
  const merges: string[] = [];
  if (split === 'merged' || split === 'merged-sub') merges.push(`${col(at)}1:${col(at + 1)}1`);
  if (split === 'merged-sub') {
    const head = out[0] as Cell[];
    out.splice(1, 0, head.map((_, c) => (c === at ? 'Họ đệm' : c === at + 1 ? 'Tên' : null)));
    head.forEach((_, c) => {
      if (c !== at && c !== at + 1) merges.push(`${col(c)}1:${col(c)}2`);
    });
  }
  return { rows: out, merges };
}

export function rosterRows(s: Session, o: RosterOptions = {}): Cell[][] {
  const withId = s.idKind !== 'none';
  const two = twoTypes(s);
  const idCell = (l: Leader): Cell => (o.numbers === true && /^[1-9]\d*$/.test(l.id) ? Number(l.id) : l.id);
  const head: Cell[] = o.nameFirst === true ? ['Họ và tên', 'Chức vụ', 'STT'] : ['STT', 'Họ và tên', 'Chức vụ'];
  if (withId) head.push('Mã');
  if (two) head.push('Loại phiếu');
  const rows: Cell[][] = [head];
  for (const l of s.leaders) {
    const r: Cell[] = o.nameFirst === true ? [l.name, l.position, l.stt] : [l.stt, l.name, l.position];
    if (withId) r.push(idCell(l));
    if (two) r.push(l.type);
    rows.push(r);
  }
  return rows;
}

export interface SessionValues {
  readonly convened: number;
  readonly present: number;
}

export function sessionRows(s: Session, v: SessionValues = s): Cell[][] {
  const two = twoTypes(s);
  const rows: Cell[][] = [two ? ['Mục', 'Giá trị', 'Loại phiếu'] : ['Mục', 'Giá trị']];
  rows.push(['Tên hội nghị', s.title], ['Cơ quan', s.body], ['Ngày', '13/12/2023'], ['Quy định', '96-QĐ/TW']);
  rows.push(['Số người được triệu tập', v.convened], ['Số người có mặt', v.present]);
  for (const t of s.types) {
    rows.push(two ? ['Số phiếu phát ra', t.issued, t.code] : ['Số phiếu phát ra', t.issued]);
    rows.push(two ? ['Số phiếu thu về', t.returned, t.code] : ['Số phiếu thu về', t.returned]);
  }
  return rows;
}

export function sessionJson(s: Session): Buffer {
  const j: Record<string, unknown> = { title: s.title, body: s.body, date: '2023-12-13', regime: 'party-96', convened: s.convened, present: s.present };
  if (twoTypes(s)) j['ballotTypes'] = Object.fromEntries(s.types.map((t) => [t.code, { issued: t.issued, returned: t.returned }]));
  else Object.assign(j, { issued: s.types[0]?.issued, returned: s.types[0]?.returned });
  return Buffer.from(JSON.stringify(j, null, 2));
}

export function sessionFlags(s: Session): string[] {
  const out = ['--convened', String(s.convened), '--present', String(s.present), '--title', s.title];
  for (const t of s.types) {
    const v = (n: number) => (twoTypes(s) ? `${t.code}=${n}` : String(n));
    out.push('--issued', v(t.issued), '--returned', v(t.returned));
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Form builders.

interface CsvOptions {
  readonly delimiter?: ',' | ';' | '\t';
  readonly eol?: '\n' | '\r\n';
  readonly encoding?: Encoding;
  readonly ext?: string;
  /** How session values are given: a CSV, a JSON file, or flags. */
  readonly session?: 'csv' | 'json' | 'flags';
  readonly rosterAsXlsx?: boolean;
  readonly rosterNameFirst?: boolean;
  /** Roster and session given as .ods files. */
  readonly sideOds?: boolean;
  /** The roster's name split over columns. */
  readonly rosterSplit?: NameSplit;
}

const sketchRows = (rows: readonly (readonly Cell[])[], n = 4) =>
  rows
    .slice(0, n)
    .map((r) => r.map((c) => (c === null ? '' : JSON.stringify(c))).join(' | '))
    .join('\n');

export function sideFiles(s: Session, dir: string, files: Record<string, Buffer>, o: CsvOptions = {}): string[] {
  const args: string[] = [];
  if (o.sideOds === true) {
    files['danh-sach.ods'] = odsBook([{ name: 'Danh sách', rows: rosterRows(s, { numbers: true, nameFirst: o.rosterNameFirst ?? false }) }], { runs: true });
    files['hoi-nghi.ods'] = odsBook([{ name: 'Hội nghị', rows: sessionRows(s) }], { runs: true });
    return ['--roster', join(dir, 'danh-sach.ods'), '--session', join(dir, 'hoi-nghi.ods')];
  }
  if (o.rosterAsXlsx === true) {
    files['danh-sach.xlsx'] = workbook([{ name: 'Danh sách', rows: rosterRows(s, { numbers: true, nameFirst: o.rosterNameFirst ?? false }) }], { shared: true });
    args.push('--roster', join(dir, 'danh-sach.xlsx'));
  } else {
    const rows = o.rosterSplit !== undefined ? splitRoster(s, o.rosterSplit).rows : rosterRows(s, { nameFirst: o.rosterNameFirst ?? false });
    files['danh-sach.csv'] = encode(csv(rows), 'utf8-bom');
    args.push('--roster', join(dir, 'danh-sach.csv'));
  }
  const how = o.session ?? 'csv';
  if (how === 'csv') {
    files['hoi-nghi.csv'] = encode(csv(sessionRows(s)), 'utf8-bom');
    args.push('--session', join(dir, 'hoi-nghi.csv'));
  } else if (how === 'json') {
    files['hoi-nghi.json'] = sessionJson(s);
    args.push('--session', join(dir, 'hoi-nghi.json'));
  } else args.push(...sessionFlags(s), '--regime', 'party-96');
  return args;
}

/** One CSV file per ballot type with the wide layout. */
export function csvForm(name: string, wideOpts: (s: Session, rng: Rng) => WideOptions, o: CsvOptions = {}, applies?: (s: Session) => boolean): Form {
  return {
    name,
    ...(applies !== undefined ? { applies } : {}),
    build(s, rng, dir) {
      const files: Record<string, Buffer> = {};
      const args: string[] = [];
      const rows: RowsExpect[] = [];
      let sketch = '';
      for (const type of typesOf(s)) {
        // Windows-1258 holds Vietnamese letters, not a ✓.
        const wo = wideOpts(s, rng);
        const t = wide(s, type, rng, o.encoding === 'cp1258' ? { ...wo, voidTexts: VOID_TEXTS.filter((v) => /^[\p{Script=Latin}\p{M}\s\d.,()-]*$/u.test(v)) } : wo);
        const file = `phieu-${type}.${o.ext ?? 'csv'}`;
        files[file] = encode(csv(t.rows, o.delimiter ?? ',', o.eol ?? '\n'), o.encoding ?? 'utf8');
        args.push(join(dir, file));
        rows.push({ file, sheet: null, ballots: t.ballots, nonBallot: t.nonBallot, kinds: t.kinds });
        if (sketch === '') sketch = `${file}:\n${sketchRows(t.rows)}`;
      }
      args.push(...sideFiles(s, dir, files, o));
      return { files, args, expect: { kind: 'ok', rows }, sketch };
    },
  };
}

interface BookForm {
  readonly shared?: boolean;
  readonly english?: boolean;
  readonly bigPadding?: number;
  readonly merges?: boolean;
  readonly numbers?: 'number' | 'text';
  /** The session's date typed as an Excel date (13/12/2023) in this date system, not as text. */
  readonly dates?: 1900 | 1904;
  /** Written as LibreOffice's OpenDocument .ods instead of XLSX. */
  readonly ods?: OdsOptions;
  /** The roster's name split over columns. */
  readonly rosterSplit?: NameSplit;
}

/** 13/12/2023 as Excel's day number: 45273 days after 1899-12-30, 43811 after 1904-01-01. */
const SERIAL_13_12_2023 = { 1900: 45273, 1904: 43811 } as const;

/** The self-contained workbook: roster, session and one ballot sheet per type. */
export function bookForm(name: string, wideOpts: (s: Session, rng: Rng) => WideOptions, b: BookForm = {}, applies?: (s: Session) => boolean): Form {
  return {
    name,
    ...(applies !== undefined ? { applies } : {}),
    build(s, rng, dir) {
      const sheets: SheetSpec[] = [];
      const rows: RowsExpect[] = [];
      const numbers = b.numbers ?? 'number';
      const book = b.ods !== undefined ? 'hoi-nghi.ods' : 'hoi-nghi.xlsx';
      const roster = b.rosterSplit !== undefined ? splitRoster(s, b.rosterSplit, { numbers: numbers === 'number' }) : { rows: rosterRows(s, { numbers: numbers === 'number' }), merges: [] };
      sheets.push({ name: b.english === true ? 'Roster' : 'Danh sách', rows: roster.rows, merges: roster.merges });
      const sessionSheet = sessionRows(s).map((r) => r.map((c) => (numbers === 'text' && typeof c === 'number' ? String(c) : c)));
      const dateRow = sessionSheet.findIndex((r) => r[0] === 'Ngày');
      if (b.dates !== undefined) (sessionSheet[dateRow] as Cell[])[1] = SERIAL_13_12_2023[b.dates];
      sheets.push({ name: b.english === true ? 'Session' : 'Hội nghị', rows: sessionSheet, ...(b.dates !== undefined ? { dates: [`B${dateRow + 1}`] } : {}) });
      let sketch = '';
      for (const type of typesOf(s)) {
        const base = b.english === true ? 'Ballots' : 'Phiếu';
        const sheet = twoTypes(s) ? `Phiếu ${type}` : base;
        const t = wide(s, type, rng, { codes: numbers === 'number' ? 'numbers' : 'digits', numbers: numbers === 'number' ? 'number' : 'text', ...wideOpts(s, rng) });
        sheets.push({ name: sheet, rows: t.rows, merges: t.merges });
        rows.push({ file: book, sheet, ballots: t.ballots, nonBallot: t.nonBallot, kinds: t.kinds });
        if (sketch === '') sketch = `${book}, sheet ${sheet}${t.merges.length > 0 ? ` (merged ${t.merges.slice(0, 3).join(', ')})` : ''}:\n${sketchRows(t.rows)}`;
      }
      const files = { [book]: b.ods !== undefined ? odsBook(sheets, b.ods) : workbook(sheets, { shared: b.shared ?? true, ...(b.bigPadding !== undefined ? { bigPadding: b.bigPadding } : {}), date1904: b.dates === 1904 }) };
      if (b.dates !== undefined) sketch += `\nsession date: the number ${SERIAL_13_12_2023[b.dates]} in a date style, ${b.dates} date system`;
      if (b.ods !== undefined) sketch += `\n.ods ${JSON.stringify(b.ods)}`;
      if (b.rosterSplit !== undefined) sketch = `roster (${b.rosterSplit}${roster.merges.length > 0 ? `, merged ${roster.merges.join(' ')}` : ''}):\n${sketchRows(roster.rows, 3)}\n${sketch}`;
      return { files, args: [join(dir, book)], expect: { kind: 'ok', rows, date: '2023-12-13' }, sketch };
    },
  };
}

const mixedHeaders = (s: Session, rng: Rng) => (l: Leader) => header(l, rng.pick(headerKinds(s, l)));
const always = (k: HeaderKind) => (_s: Session) => (l: Leader) => header(l, k);
const TITLE_ROWS: Cell[][] = [['ĐẢNG BỘ HUYỆN TÂN LẬP'], ['KẾT QUẢ KIỂM PHIẾU LẤY PHIẾU TÍN NHIỆM, NĂM 2023'], []];
const MERGED_TITLES: Cell[][] = [['KẾT QUẢ KIỂM PHIẾU LẤY PHIẾU TÍN NHIỆM'], ['Hội nghị Ban Chấp hành, ngày 13/12/2023']];

export interface LongOptions {
  readonly cadreFirst?: boolean;
  readonly xlsx?: boolean;
  readonly ods?: boolean;
  readonly synonyms?: boolean;
  readonly cadres: 'name' | 'mixed';
  readonly voidHeader?: string;
  /** A 'Ghi chú' column: empty, or holding a void text on one line (refused: the layout does not read it). */
  readonly notes?: 'empty' | 'text';
  /** One line's void cell holds a text that is no evidence (refused, SPEC §2.4). */
  readonly noEvidence?: boolean;
}

/** The long layout, one CSV/XLSX per type; a ballot's void or blank word on all its lines or on one. */
export function longForm(name: string, mode: 'level' | 'marks', o: LongOptions): Form {
  return {
    name,
    build(s, rng, dir) {
      // Three mark columns cannot say "crossed out" or "declared invalid": the equivalent
      // session reads those lines as unmarked, and the oracle is asked about that session.
      const view: Session =
        mode === 'marks'
          ? { ...s, ballots: s.ballots.map((b) => ({ ...b, lines: b.lines.map((l): Line => (l.kind === 'crossed' || l.kind === 'declared' ? { kind: 'none' } : l)) })) }
          : s;
      const files: Record<string, Buffer> = {};
      const args: string[] = [];
      let sketch = '';
      let refusedBallot: number | null = null;
      for (const type of typesOf(view)) {
        const leaders = leadersOf(view, type);
        const cadreHead = rng.pick(['Cán bộ', 'Họ và tên', 'Người được lấy phiếu']);
        const voidHead = o.voidHeader ?? 'Phiếu không hợp lệ';
        const head: Cell[] = mode === 'level' ? ['Số phiếu', cadreHead, 'Mức', voidHead] : ['Số phiếu', cadreHead, 'Tín nhiệm cao', 'Tín nhiệm', 'Tín nhiệm thấp', voidHead];
        const cadreCell = (l: Leader): Cell => {
          const k = o.cadres === 'name' ? 'name' : rng.pick(headerKinds(view, l).filter((x) => x === 'name' || x === 'id' || x === 'stt' || x === 'nodiac'));
          const h = header(l, k);
          return (o.xlsx === true || o.ods === true) && k === 'stt' ? Number(h) : h;
        };
        const rows: Cell[][] = [];
        for (const b of ballotsOf(view, type)) {
          const word = voidCell(b, o.synonyms === true ? 'synonyms' : 'digits', rng);
          const on = rng.chance(0.5) ? -1 : rng.int(0, leaders.length - 1);
          leaders.forEach((l, i) => {
            const line = b.lines[i] as Line;
            const vc: Cell = on === -1 || on === i ? word : null;
            if (mode === 'level') {
              const lv = b.blank ? null : code(line, o.synonyms === true ? 'synonyms' : 'digits', rng);
              rows.push([b.number, cadreCell(l), lv, vc]);
            } else {
              const marked = (lvl: Level) => !b.blank && ((line.kind === 'mark' && line.level === lvl) || (line.kind === 'multi' && line.levels.includes(lvl)));
              const on = () => rng.pick(['x', 'X', '1', 'true', '0.83', '0,91', '75%', '0.5']);
              const off = () => rng.pick([null, null, '0', '0.05', '0,1', '12%', '0.2']);
              rows.push([b.number, cadreCell(l), marked('high') ? on() : off(), marked('confidence') ? on() : off(), marked('low') ? on() : off(), vc]);
            }
          });
        }
        // Refused forms: one line's void cell, or a notes column, says what the layout cannot take.
        if (o.noEvidence === true && refusedBallot === null) {
          const r = rows[rng.int(0, rows.length - 1)] as Cell[];
          r[r.length - 1] = rng.pick(REFUSED_VOID_TEXTS);
          refusedBallot = r[0] as number;
        }
        if (o.notes !== undefined) {
          head.push('Ghi chú');
          const k = o.notes === 'text' && refusedBallot === null ? rng.int(0, rows.length - 1) : -1;
          rows.forEach((r, i) => r.push(i === k ? rng.pick(VOID_TEXTS) : null));
          if (k >= 0) refusedBallot = (rows[k] as Cell[])[0] as number;
        }
        const shuffled = rng.chance(0.5) ? rng.shuffle(rows) : rows;
        const order = o.cadreFirst === true ? (r: Cell[]) => [r[1] ?? null, r[0] ?? null, ...r.slice(2)] : (r: Cell[]) => r;
        const all = [order(head), ...shuffled.map(order)];
        const file = `phieu-${type}.${o.ods === true ? 'ods' : o.xlsx === true ? 'xlsx' : 'csv'}`;
        files[file] = o.ods === true ? odsBook([{ name: twoTypes(view) ? `Phiếu ${type}` : 'Phiếu', rows: all }], { runs: true }) : o.xlsx === true ? workbook([{ name: twoTypes(view) ? `Phiếu ${type}` : 'Phiếu', rows: all }], { shared: true }) : encode(csv(all), 'utf8-bom');
        args.push(join(dir, file));
        if (sketch === '') sketch = `${file}:\n${sketchRows(all)}`;
      }
      args.push(...sideFiles(view, dir, files));
      const expect: Expect = refusedBallot !== null ? { kind: 'refused', code: 'bad-cell', mentions: [String(refusedBallot)] } : { kind: 'ok', session: view };
      return { files, args, expect, sketch };
    },
  };
}

/** `tally template --roster … --ballots N`, then the Hội nghị and Phiếu sheets filled in. */
export const templateForm: Form = templateWith(null);

/** The template form, with this many numbered rows left unused (null: 0 to 3 at random). */
export function templateWith(unused: number | null): Form {
  return {
  name: 'template-filled',
  async build(s, rng, dir) {
    const files: Record<string, Buffer> = {};
    files['danh-sach.csv'] = encode(csv(rosterRows(s)), 'utf8-bom');
    const { writeFileSync, mkdirSync } = await import('node:fs');
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'danh-sach.csv'), files['danh-sach.csv']);
    const R = Math.max(...s.types.map((t) => t.returned));
    const extra = unused ?? rng.int(0, 3);
    const made = await tally(['template', '--roster', join(dir, 'danh-sach.csv'), '--ballots', String(R + extra), '-o', join(dir, 'mau.xlsx')]);
    if (made.code !== 0) throw new Error(`tally template failed (exit ${made.code}): ${made.stderr.slice(0, 300)}`);
    const sessionValue = (key: string, type: string | null): Cell | undefined => {
      const k = fold(key);
      const t = type === null ? s.types[0] : s.types.find((x) => x.code === type);
      if (t === undefined) return undefined;
      if (k === fold('Tên hội nghị')) return s.title;
      if (k === fold('Số người được triệu tập')) return s.convened;
      if (k === fold('Số người có mặt')) return s.present;
      if (k === fold('Số phiếu phát ra')) return t.issued;
      if (k === fold('Số phiếu thu về')) return t.returned;
      if (k === fold('Ngày')) return '13/12/2023';
      return undefined;
    };
    const sketches: string[] = [];
    const rowsOut: { sheet: string; ballots: number; unused: number }[] = [];
    const bytes = fillTemplate(readFileSync(join(dir, 'mau.xlsx')), {
      session: sessionValue,
      ballots: (sheetType, headers, templateRows) => {
        const rows = new Map<number, Map<number, Cell>>();
        const type = sheetType ?? 'default';
        if (twoTypes(s) !== (sheetType !== null)) throw new Error(`the template's ballot sheets do not follow the roster's ballot types (${typesOf(s).join(', ')}): sheet for ${sheetType ?? 'one type'}`);
        const typed = ballotsOf(s, type);
        if (templateRows < typed.length) throw new Error(`the template has ${templateRows} numbered rows, asked for ${R + extra}`);
        const leaders = leadersOf(s, type);
        const colOf = headers.map((h) => leaders.findIndex((l) => l.name === h));
        const voidCol = headers.findIndex((h) => fold(h) === fold('Phiếu không hợp lệ'));
        if (leaders.some((_, i) => !colOf.includes(i)) || voidCol < 0) throw new Error(`template headers do not name every leader: ${headers.join(' | ')}`);
        // The template numbers its rows 1, 2, …: ballot k goes on row k + 2 whatever its own number.
        typed.forEach((b, k) => {
          const cells = new Map<number, Cell>();
          cells.set(voidCol, voidCell(b, 'digits', rng));
          colOf.forEach((li, c) => {
            if (li >= 0) cells.set(c, code(b.lines[li] as Line, 'numbers', rng));
          });
          rows.set(k + 2, cells);
        });
        const sheet = sheetType === null ? 'Phiếu' : `Phiếu ${sheetType}`;
        rowsOut.push({ sheet, ballots: typed.length, unused: templateRows - typed.length });
        sketches.push(`${sheet}: headers ${headers.join(' | ')}; ${typed.length} of ${templateRows} numbered rows typed`);
        return rows;
      },
    });
    const sketch = `mau.xlsx (tally template --ballots ${R + extra}); ${sketches.join('; ')}`;
    delete files['danh-sach.csv'];
    files['phieu-mau.xlsx'] = bytes;
    return {
      files,
      args: [join(dir, 'phieu-mau.xlsx')],
      expect: { kind: 'ok', rows: rowsOut.map((r) => ({ file: 'phieu-mau.xlsx', sheet: r.sheet, ballots: r.ballots, nonBallot: 1 + r.unused })) },
      sketch,
    };
  },
  };
}

// ---------------------------------------------------------------------------------------------
// One spelling, two tone placements (SPEC §2): Unikey's two settings write "Hòa" or "Hoà".

/** Words whose old and new placements differ: [tone on the first vowel, tone on the second]. */
const TONE_PAIRS: readonly (readonly [string, string])[] = [
  ['Hòa', 'Hoà'], ['Thủy', 'Thuỷ'], ['Khỏe', 'Khoẻ'], ['Thúy', 'Thuý'], ['Hóa', 'Hoá'], ['Tòa', 'Toà'], ['Lũy', 'Luỹ'], ['Xòe', 'Xoè'],
];
/** The same position in the other placement ("Huyện ủy" ↔ "Huyện uỷ"). */
const otherPlacement = (text: string, newToOld: boolean) => (newToOld ? text.replace(/ủy/g, 'uỷ').replace(/Ủy/g, 'Uỷ') : text.replace(/uỷ/g, 'ủy').replace(/Uỷ/g, 'Ủy'));

/**
 * Every leader's name gets a word of TONE_PAIRS before the given name; the roster writes it
 * (and the position) in one placement, the ballot headers in the other. Exact matches: no
 * "typed without diacritics" warning may appear.
 */
export const tonePlacementForm: Form = {
  name: 'csv-tone-placement-old-and-new (Hoà = Hòa, Thuỷ = Thủy, Khoẻ = Khỏe)',
  async build(s, rng, dir) {
    const other = new Map<string, string>();
    const view: Session = {
      ...s,
      leaders: s.leaders.map((l) => {
        const pair = rng.pick(TONE_PAIRS);
        const d = rng.int(0, 1);
        const words = l.name.split(' ');
        const insert = (w: string) => [...words.slice(0, -1), w, words.at(-1)].join(' ');
        const name = insert(pair[d] as string);
        const position = otherPlacement(l.position, d === 1);
        other.set(name, `${insert(pair[1 - d] as string)}\u0000${otherPlacement(position, d === 0)}`);
        return { ...l, name, position };
      }),
    };
    const headers = (l: Leader) => {
      const [name, position] = (other.get(l.name) as string).split('\u0000') as [string, string];
      const k = rng.pick(['name', 'paren', 'dot', 'upper'] as const);
      return header({ ...l, name, position }, k);
    };
    const built = await csvForm('tone', () => ({ headers }), { encoding: 'utf8-bom' }).build(view, rng, dir);
    return { ...built, expect: { ...(built.expect as { kind: 'ok' }), session: view, quiet: ['name-without-diacritics', 'ambiguous-name', 'position-mismatch'] } };
  },
};

// ---------------------------------------------------------------------------------------------
// Session keys as the minutes write them (SPEC §2.3): a bullet or number before, a colon after,
// the long forms "Tổng số …".

const KEY_FORMS: Readonly<Record<string, readonly string[]>> = {
  'Số người được triệu tập': ['Tổng số người được triệu tập', '1. Số người được triệu tập:', '- Tổng số người được triệu tập:', 'a) Số người được triệu tập'],
  'Số người có mặt': ['- Số người có mặt:', '2. Số người có mặt', '• Số người có mặt:', 'b) Số người có mặt:'],
  'Số phiếu phát ra': ['Tổng số phiếu phát ra', '+ Số phiếu phát ra:', '3) Số phiếu phát ra', '- Số phiếu phát ra'],
  'Số phiếu thu về': ['3. Số phiếu thu về', 'Tổng số phiếu thu về', '- Tổng số phiếu thu về:', '4. Số phiếu thu về:'],
  'Ngày': ['- Ngày:', '1. Ngày'],
  'Tên hội nghị': ['- Tên hội nghị:'],
};

export const sessionKeysForm: Form = {
  name: 'csv-session-keys-bulleted-numbered-long-forms',
  async build(s, rng, dir) {
    const built = await csvForm('keys', () => ({}), { session: 'csv' }).build(s, rng, dir);
    const rows = sessionRows(s).map((r) => {
      const forms = KEY_FORMS[r[0] as string];
      return forms === undefined ? r : [rng.pick(forms), ...r.slice(1)];
    });
    const files = { ...built.files, 'hoi-nghi.csv': encode(csv(rows), 'utf8-bom') };
    return { ...built, files, sketch: `hoi-nghi.csv:\n${sketchRows(rows, 10)}` };
  },
};

// ---------------------------------------------------------------------------------------------
// The equivalent forms.

const nameHeaders = () => ({ headers: (l: Leader) => l.name });

export const EQUIVALENT: readonly Form[] = [
  // Header forms, one at a time (codes 1/2/3, everything else plain).
  csvForm('csv-headers-name', nameHeaders),
  csvForm('csv-headers-upper-case-name', (s) => ({ headers: always('upper')(s) })),
  csvForm('csv-headers-id', (s) => ({ headers: always('id')(s) }), {}, (s) => !numbersCollide(s) && s.idKind !== 'none'),
  csvForm('csv-headers-stt', (s) => ({ headers: always('stt')(s) }), {}, (s) => !numbersCollide(s)),
  csvForm('csv-headers-stt-no-ballot-column', (s) => ({ headers: always('stt')(s), ballotColumn: false }), {}, (s) => !numbersCollide(s)),
  csvForm('csv-headers-dot (1. Nguyễn Văn An)', (s) => ({ headers: always('dot')(s) })),
  csvForm('csv-headers-dash (1 - Nguyễn Văn An)', (s) => ({ headers: always('dash')(s) })),
  csvForm('csv-headers-paren-position (Nguyễn Văn An (Bí thư))', (s) => ({ headers: always('paren')(s) })),
  csvForm('csv-headers-dash-position (Nguyễn Văn An - Bí thư)', (s) => ({ headers: always('posdash')(s) })),
  csvForm('csv-headers-no-diacritics-where-unique', (s) => ({ headers: (l: Leader) => header(l, strippedUnique(s, l) ? 'nodiac' : 'name') })),
  csvForm('csv-headers-mixed-id-stt-name', (s, rng) => ({ headers: mixedHeaders(s, rng) })),
  // Codes.
  csvForm('csv-code-synonyms-spaces-nbsp-case', () => ({ codes: 'synonyms' })),
  // Rows and columns.
  csvForm('csv-shuffled-rows', () => ({ shuffleRows: true })),
  csvForm('csv-shuffled-columns-void-moved', (_s, rng) => ({ shuffleColumns: true, voidPosition: rng.pick(['end', 'first'] as const) })),
  csvForm('csv-no-ballot-column', () => ({ ballotColumn: false })),
  csvForm('csv-zero-padded-ballot-numbers', () => ({ numbers: 'padded', ballotHeader: 'Phiếu số' })),
  csvForm('csv-spacer-columns', () => ({ spacers: true })),
  csvForm('csv-title-rows', () => ({ titles: TITLE_ROWS })),
  csvForm('csv-total-row', () => ({ total: true })),
  csvForm('csv-repeated-header', () => ({ repeatHeader: true })),
  // Delimiters, encodings, line ends, extensions.
  csvForm('csv-semicolon', () => ({}), { delimiter: ';' }),
  csvForm('csv-semicolon-title-with-commas', () => ({ titles: [['Đảng bộ huyện Tân Lập, tỉnh Phú Thọ'], ['Kết quả kiểm phiếu, lấy phiếu tín nhiệm, năm 2023']] }), { delimiter: ';' }),
  csvForm('csv-tab-tsv', () => ({}), { delimiter: '\t', ext: 'tsv' }),
  csvForm('csv-utf8-bom-crlf', () => ({}), { encoding: 'utf8-bom', eol: '\r\n' }),
  csvForm('csv-utf16le-bom-tab-txt', () => ({}), { encoding: 'utf16le', eol: '\r\n', ext: 'txt', delimiter: '\t' }),
  csvForm('csv-windows-1258', () => ({}), { encoding: 'cp1258', eol: '\r\n' }),
  // Session and roster given other ways.
  csvForm('csv-session-json', () => ({}), { session: 'json' }),
  csvForm('csv-session-flags', () => ({}), { session: 'flags' }),
  csvForm('csv-roster-xlsx-name-first', () => ({}), { rosterAsXlsx: true, rosterNameFirst: true }),
  // The self-contained workbook.
  bookForm('xlsx-workbook-shared-strings-numbers', nameHeaders, { shared: true, numbers: 'number' }),
  bookForm('xlsx-workbook-inline-strings-numbers-as-text', nameHeaders, { shared: false, numbers: 'text' }),
  bookForm('xlsx-workbook-english-sheet-names', nameHeaders, { english: true }),
  bookForm('xlsx-workbook-stt-headers-as-numbers', (s) => ({ headers: (l: Leader) => l.stt }), {}, (s) => !numbersCollide(s)),
  bookForm('xlsx-workbook-title-total-repeated-header-spacers', () => ({ titles: TITLE_ROWS.slice(0, 2), total: true, repeatHeader: true, spacers: true })),
  bookForm('xlsx-workbook-merged-title-and-void', () => ({ titles: MERGED_TITLES, mergeTitles: true, mergeVoid: true }), { shared: true }),
  bookForm('xlsx-workbook-merged-title-and-void-big-sheet', () => ({ titles: MERGED_TITLES, mergeTitles: true, mergeVoid: true }), { bigPadding: 1_200_000 }),
  // The long layout.
  longForm('long-level-csv', 'level', { cadres: 'name' }),
  longForm('long-level-xlsx-mixed-cadres-synonyms', 'level', { xlsx: true, synonyms: true, cadres: 'mixed' }),
  longForm('long-level-cadre-column-first', 'level', { cadreFirst: true, cadres: 'name' }),
  longForm('long-three-mark-columns', 'marks', { cadres: 'name' }),
  // The void column's words, the same in both layouts (SPEC §2.5): every text that voids, blank words, on any line.
  longForm('long-level-void-words-lý-do-column-empty-notes', 'level', { synonyms: true, cadres: 'name', voidHeader: 'Lý do không hợp lệ', notes: 'empty' }),
  longForm('long-marks-xlsx-void-words', 'marks', { xlsx: true, synonyms: true, cadres: 'mixed' }),
  csvForm('csv-void-words-lý-do-column', () => ({ voidHeader: 'Lý do không hợp lệ', codes: 'synonyms' })),
  // One spelling, written the ways clerks write it.
  tonePlacementForm,
  sessionKeysForm,
  // The template, filled in.
  templateForm,
  // Everything at once.
  csvForm('csv-all-variations-combined', (s, rng) => ({ headers: mixedHeaders(s, rng), codes: 'synonyms', shuffleRows: true, shuffleColumns: true, spacers: true, titles: TITLE_ROWS, total: true, repeatHeader: true, numbers: 'padded' }), { delimiter: ';', encoding: 'cp1258', eol: '\r\n' }),
  bookForm('xlsx-all-variations-combined', (s, rng) => ({ headers: mixedHeaders(s, rng), codes: 'synonyms', shuffleRows: true, shuffleColumns: true, spacers: true, titles: MERGED_TITLES, mergeTitles: true, mergeVoid: true, total: true, repeatHeader: true })),
  // The ballot sheet's forms of issue 20 (defined at the end of this file).
  ...ballotSheetForms(),
  // Issue 20: the session date as an Excel date cell, in each date system.
  bookForm('xlsx-workbook-date-cell-1900-system', nameHeaders, { dates: 1900 }),
  bookForm('xlsx-workbook-date-cell-1904-system (Excel for Mac)', nameHeaders, { dates: 1904 }),
  // Issue 20: LibreOffice's OpenDocument .ods, written as LibreOffice writes it.
  bookForm('ods-workbook', nameHeaders, { ods: {} }),
  bookForm('ods-workbook-runs-of-equal-cells-and-rows', nameHeaders, { ods: { runs: true } }),
  bookForm('ods-workbook-merged-title-and-void', () => ({ titles: MERGED_TITLES, mergeTitles: true, mergeVoid: true }), { ods: { runs: true } }),
  bookForm('ods-workbook-date-cell', nameHeaders, { ods: {}, dates: 1900 }),
  bookForm('ods-workbook-numbers-as-text', nameHeaders, { ods: { runs: true }, numbers: 'text' }),
  bookForm('ods-all-variations-combined', (s, rng) => ({ headers: mixedHeaders(s, rng), codes: 'synonyms', shuffleRows: true, shuffleColumns: true, spacers: true, titles: MERGED_TITLES, mergeTitles: true, mergeVoid: true, total: true, repeatHeader: true }), { ods: { runs: true } }),
  csvForm('csv-ballots-roster-and-session-ods', () => ({}), { sideOds: true }),
  // Issue 20: the roster's name split over columns.
  csvForm('csv-roster-ho-dem-ten', () => ({}), { rosterSplit: 'ho-dem' }),
  csvForm('csv-roster-ho-va-dem-ten', () => ({}), { rosterSplit: 'ho-va-dem' }),
  csvForm('csv-roster-ho-ten', () => ({}), { rosterSplit: 'ho' }),
  csvForm('csv-roster-ho-dem-ten-three-columns', () => ({}), { rosterSplit: 'three' }),
  bookForm('xlsx-roster-ho-va-ten-merged-over-ho-dem-ten', nameHeaders, { rosterSplit: 'merged-sub' }),
  bookForm('xlsx-roster-ho-va-ten-merged-over-two-columns', nameHeaders, { rosterSplit: 'merged' }),
  bookForm('ods-roster-ho-va-ten-merged-over-ho-dem-ten', nameHeaders, { rosterSplit: 'merged-sub', ods: { runs: true } }),
  bookForm('ods-roster-ho-dem-ten', nameHeaders, { rosterSplit: 'ho-dem', ods: {} }),
  longForm('long-level-ods-mixed-cadres-synonyms', 'level', { ods: true, synonyms: true, cadres: 'mixed' }),
  bookForm('ods-workbook-merged-title-and-void-big-content-streamed', () => ({ titles: MERGED_TITLES, mergeTitles: true, mergeVoid: true }), { ods: { runs: true, bigPadding: 1_200_000 } }),
];

// ---------------------------------------------------------------------------------------------
// Forms SPEC refuses. Each names the code of the real cause.

function withSideFiles(s: Session, dir: string, files: Record<string, Buffer>, rosterSession: Session = s): string[] {
  return sideFiles(rosterSession, dir, files);
}

/** A session's first type as a wide CSV, with an edit of the rows; the edit says what is expected. */
function refusedCsv(name: string, edit: (s: Session, t: WideTable, rng: Rng) => { expect: Expect; roster?: Session; row?: number } | null, o: WideOptions | ((s: Session, rng: Rng) => WideOptions) = {}, applies?: (s: Session) => boolean): Form {
  return {
    name,
    ...(applies !== undefined ? { applies } : {}),
    build(s, rng, dir) {
      const files: Record<string, Buffer> = {};
      const args: string[] = [];
      let expect: Expect | null = null;
      let roster = s;
      let sketch = '';
      typesOf(s).forEach((type, k) => {
        const t = wide(s, type, rng, typeof o === 'function' ? o(s, rng) : o);
        if (k === 0) {
          const e = edit(s, t, rng);
          if (e === null) throw new Error('edit not applicable');
          expect = e.expect;
          roster = e.roster ?? s;
          const hr = t.rows.findIndex((r) => r.includes('Phiếu không hợp lệ'));
          const shown = e.row !== undefined && e.row > hr + 1 ? [t.rows[hr] ?? [], ['…'], t.rows[e.row - 1] ?? []] : t.rows.slice(0, hr + 3);
          sketch = `phieu-${type}.csv${e.row !== undefined ? ` (row ${e.row} shown)` : ''}:\n${sketchRows(shown, 6)}`;
        }
        const file = `phieu-${type}.csv`;
        files[file] = encode(csv(t.rows), 'utf8');
        args.push(join(dir, file));
      });
      args.push(...withSideFiles(s, dir, files, roster));
      return { files, args, expect: expect as unknown as Expect, sketch };
    },
  };
}

export const REFUSED: readonly Form[] = [
  longForm('refused-long-no-evidence-in-void-column', 'level', { cadres: 'name', synonyms: true, noEvidence: true }),
  longForm('refused-long-notes-column-holding-a-reason', 'level', { cadres: 'name', notes: 'text' }),
  {
    // A numeric header that is one person's id and another's STT (SPEC §2.4): the roster gets
    // numeric ids that are other people's STT, the header is such a number.
    name: 'refused-ambiguous-numeric-header',
    build(s, rng, dir) {
      const collide = withCollidingIds(s, rng);
      const files: Record<string, Buffer> = {};
      const args: string[] = [];
      let sketch = '';
      for (const type of typesOf(collide)) {
        const t = wide(collide, type, rng, { headers: (l) => l.id });
        files[`phieu-${type}.csv`] = encode(csv(t.rows), 'utf8');
        args.push(join(dir, `phieu-${type}.csv`));
        if (sketch === '') sketch = `roster: ${collide.leaders.slice(0, 3).map((l) => `STT ${l.stt} id ${l.id} ${l.name}`).join('; ')}\nphieu-${type}.csv:\n${sketchRows(t.rows, 2)}`;
      }
      args.push(...sideFiles(collide, dir, files));
      return { files, args, expect: { kind: 'refused', code: 'ambiguous-name' }, sketch };
    },
  },
  {
    name: 'refused-ambiguous-numeric-header-xlsx-text',
    build(s, rng, dir) {
      const collide = withCollidingIds(s, rng);
      const sheets: SheetSpec[] = [
        { name: 'Danh sách', rows: rosterRows(collide, { numbers: true }) },
        { name: 'Hội nghị', rows: sessionRows(collide) },
      ];
      for (const type of typesOf(collide)) {
        const t = wide(collide, type, rng, { headers: (l) => String(l.stt), codes: 'numbers' });
        sheets.push({ name: twoTypes(collide) ? `Phiếu ${type}` : 'Phiếu', rows: t.rows });
      }
      return { files: { 'hoi-nghi.xlsx': workbook(sheets, { shared: true }) }, args: [join(dir, 'hoi-nghi.xlsx')], expect: { kind: 'refused', code: 'ambiguous-name' }, sketch: `roster ids are other leaders' STT; headers are STT typed as text: ${sheets[2]?.rows[0]?.slice(0, 6).join(' | ')}` };
    },
  },
  refusedCsv(
    'refused-no-diacritics-header-of-two-people',
    (s, t) => {
      const a = s.leaders.find((l) => l.type === typesOf(s)[0] && !strippedUniqueInType(s, l));
      if (a === undefined) return null;
      const h = t.rows.findIndex((r) => r.includes(a.name));
      const row = t.rows[h] as Cell[];
      row[row.indexOf(a.name)] = strip(a.name);
      return { expect: { kind: 'refused', code: 'ambiguous-name' } };
    },
    {},
    (s) => s.leaders.some((l) => l.type === typesOf(s)[0] && !strippedUniqueInType(s, l)),
  ),
  refusedCsv('refused-valid-word-in-void-column', (s, t, rng) => {
    const [num, row, r] = pickBallotRow(s, t, rng);
    const vc = (t.rows.find((x) => x.includes('Phiếu không hợp lệ')) as Cell[]).indexOf('Phiếu không hợp lệ');
    row[vc] = rng.pick(REFUSED_VOID_TEXTS);
    return { expect: { kind: 'refused', code: 'bad-cell', mentions: [String(num)] }, row: r };
  }),
  refusedCsv(
    'refused-same-ballot-as-3-and-03',
    (s, t, rng) => {
      const [num, row] = pickBallotRow(s, t, rng);
      // The same ballot typed a second time, its number zero-padded.
      const copy = [...row];
      copy[0] = String(num).padStart(String(num).length + 1 + rng.int(0, 1), '0');
      // Returned stays; the file now has one ballot more than returned, and a duplicate.
      t.rows.push(copy);
      return { expect: { kind: 'refused', code: 'duplicate-ballot', mentions: [String(num)] }, row: t.rows.length };
    },
    { numbers: 'text' },
  ),
  refusedCsv(
    'refused-prenumbered-untyped-row-between-ballots',
    (s, t, rng) => {
      // A numbered row with nothing typed, between typed ballots (a template row skipped).
      const ballots = ballotsOf(s, typesOf(s)[0] as string);
      if (ballots.length < 3) return null;
      const k = rng.int(1, ballots.length - 2);
      const b = ballots[k] as Ballot;
      const r = t.rowOf.get(b.number) as number;
      const row = t.rows[r - 1] as Cell[];
      for (let c = 1; c < row.length; c++) row[c] = null;
      return { row: r, expect: { kind: 'refused', code: ['untyped-ballot', 'empty-ballot', 'empty-row', 'missing-ballot'], mentions: [String(b.number)] } };
    },
    {},
    (s) => ballotsOf(s, typesOf(s)[0] as string).length >= 3,
  ),
  refusedCsv(
    'refused-empty-row-between-unnumbered-ballots',
    (s, t, rng) => {
      const ballots = ballotsOf(s, typesOf(s)[0] as string);
      const k = rng.int(1, ballots.length - 1);
      t.rows.splice(1 + k, 0, t.rows[0]?.map(() => null) ?? []);
      return { expect: { kind: 'refused', code: 'empty-row' } };
    },
    { ballotColumn: false },
    (s) => ballotsOf(s, typesOf(s)[0] as string).length >= 2,
  ),
  refusedCsv(
    'refused-missing-ballot-named',
    (s, t, rng) => {
      const [num, , r] = pickBallotRow(s, t, rng);
      t.rows.splice(r - 1, 1);
      // SPEC §2.4: the missing number is named "when the numbers allow it" (here: 1..R).
      return { expect: { kind: 'refused', code: 'rows-vs-returned', ...(numberedFromOne(s) ? { mentions: [String(num)] } : {}) } };
    },
    {},
  ),
  refusedCsv('refused-repeated-level-11', (s, t, rng) => {
    const [num, row, r] = pickBallotRow(s, t, rng, [0, 1, 3, 10, 11, 30, 33]);
    const lc = row.length - 1;
    row[lc] = rng.pick(['11', '33', '1,1', '30', '10']);
    return { expect: { kind: 'refused', code: 'bad-cell', mentions: [String(num)] }, row: r };
  }),
  {
    name: 'refused-non-integer-number-cell (1,3 typed in a Vietnamese-locale Excel)',
    build(s, rng, dir) {
      const sheets: SheetSpec[] = [
        { name: 'Danh sách', rows: rosterRows(s, { numbers: true }) },
        { name: 'Hội nghị', rows: sessionRows(s) },
      ];
      let num = 0;
      typesOf(s).forEach((type, k) => {
        const t = wide(s, type, rng, { codes: 'numbers' });
        if (k === 0) {
          const [n, row] = pickBallotRow(s, t, rng, [1, 3, 13]);
          num = n;
          row[row.length - 1] = 1.3;
        }
        sheets.push({ name: twoTypes(s) ? `Phiếu ${type}` : 'Phiếu', rows: t.rows });
      });
      return { files: { 'hoi-nghi.xlsx': workbook(sheets, { shared: true }) }, args: [join(dir, 'hoi-nghi.xlsx')], expect: { kind: 'refused', code: 'bad-cell', mentions: [String(num), '13'] }, sketch: `ballot ${num}: last leader cell is the number 1.3` };
    },
  },
  {
    name: 'refused-quorum-not-met',
    build(s, _rng, dir) {
      const convened = Math.floor((3 * s.present) / 2) + 1 + Math.floor(s.present / 4);
      const files: Record<string, Buffer> = {};
      const args: string[] = [];
      for (const type of typesOf(s)) {
        const t = wide(s, type, new Rng(1), {});
        files[`phieu-${type}.csv`] = encode(csv(t.rows), 'utf8');
        args.push(join(dir, `phieu-${type}.csv`));
      }
      files['danh-sach.csv'] = encode(csv(rosterRows(s)), 'utf8');
      files['hoi-nghi.csv'] = encode(csv(sessionRows(s, { convened, present: s.present })), 'utf8');
      args.push('--roster', join(dir, 'danh-sach.csv'), '--session', join(dir, 'hoi-nghi.csv'));
      return { files, args, expect: { kind: 'quorum', convened, present: s.present }, sketch: `convened ${convened}, present ${s.present}` };
    },
  },
];

function pickBallotRow(s: Session, t: WideTable, rng: Rng, avoid: readonly number[] = []): [number, Cell[], number] {
  // A ballot whose number cannot be read by coincidence in the message (e.g. 13 in "gõ '13'").
  const all = ballotsOf(s, typesOf(s)[0] as string);
  const fine = all.filter((b) => !avoid.includes(b.number));
  const b = rng.pick(fine.length > 0 ? fine : all);
  const r = t.rowOf.get(b.number) as number;
  return [b.number, t.rows[r - 1] as Cell[], r];
}

/** Whether the numbers of the first type are 1..R, so that a missing one can be named. */
const numberedFromOne = (s: Session) => ballotsOf(s, typesOf(s)[0] as string).every((b, i) => b.number === i + 1);

/** The session with numeric ids that are other leaders' STT, within each ballot type. */
export function withCollidingIds(s: Session, rng: Rng): Session {
  const ids = new Map<Leader, string>();
  for (const type of typesOf(s)) {
    const mine = leadersOf(s, type);
    let p: Leader[];
    do p = rng.shuffle(mine);
    while (!p.every((v, i) => v !== mine[i]));
    mine.forEach((l, i) => ids.set(l, String((p[i] as Leader).stt)));
  }
  return { ...s, idKind: 'number-colliding', leaders: s.leaders.map((l) => ({ ...l, id: ids.get(l) as string })) };
}

export const ALL_FORMS: readonly Form[] = [...EQUIVALENT, ...REFUSED];

// ---------------------------------------------------------------------------------------------
// The wide ballot sheet in the forms clerks make (issue 20): the name and position in one header
// cell, the hand tally sheet's three boxes per leader, COUNTIF footers with formulas, ballots
// without numbers in two files or sheets, STT as the ballot number.

function ballotSheetForms(): Form[] {
  return [
    csvForm('csv-headers-name-newline-position (Name⏎Position, Alt+Enter)', () => ({ headers: (l: Leader) => `${l.name}\n${l.position}` })),
    csvForm('csv-headers-comma-position (Name, Position)', () => ({ headers: (l: Leader) => `${l.name}, ${l.position}` })),
    bookForm('xlsx-headers-numbered-name-newline-position', () => ({ headers: (l: Leader) => `${l.stt}. ${l.name}\r\n${l.position}` })),
    boxesForm('csv-three-boxes-cao-tn-thap', { levels: ['Cao', 'TN', 'Thấp'] }),
    boxesForm('xlsx-three-boxes-merged-names-levels-1-2-3', { levels: ['1', '2', '3'], xlsx: true }),
    boxesForm('xlsx-three-boxes-merged-long-levels-reordered-stt-column', { levels: ['Tín nhiệm cao', 'Tín nhiệm', 'Tín nhiệm thấp'], xlsx: true, reorder: true, ballotHeader: 'STT' }),
    footerForm('xlsx-countif-footer-level-labels'),
    unnumberedSplitForm('csv-two-files-without-ballot-column', false),
    unnumberedSplitForm('xlsx-sheets-phieu-1-phieu-2-without-ballot-column', true),
    csvForm('csv-stt-as-ballot-column', () => ({ ballotHeader: 'STT' })),
    bookForm('xlsx-phieu-as-ballot-column', () => ({ ballotHeader: 'Phiếu' })),
  ];
}

/** The session as boxes can hold it: a crossed-out name or a "0" has no box, so those lines are unmarked. */
function boxView(s: Session): Session {
  return { ...s, ballots: s.ballots.map((b) => ({ ...b, lines: b.lines.map((l): Line => (l.kind === 'crossed' || l.kind === 'declared' ? { kind: 'none' } : l)) })) };
}

/**
 * The hand tally sheet: each leader's name over three boxes (merged in XLSX, followed by two
 * empty cells in CSV), the level names in a second header row, an x in the chosen box.
 */
function boxesForm(name: string, o: { levels: readonly [string, string, string]; xlsx?: boolean; reorder?: boolean; ballotHeader?: string }): Form {
  return {
    name,
    build(s, rng, dir) {
      const view = boxView(s);
      // The box order on the sheet: as printed, or (reorder) low first.
      const order: readonly Level[] = o.reorder === true ? ['low', 'confidence', 'high'] : LEVELS;
      const title = (l: Level) => o.levels[LEVELS.indexOf(l)] as string;
      const files: Record<string, Buffer> = {};
      const args: string[] = [];
      const rows: RowsExpect[] = [];
      const sheets: SheetSpec[] = [{ name: 'Danh sách', rows: rosterRows(s, { numbers: true }) }, { name: 'Hội nghị', rows: sessionRows(s) }];
      let sketch = '';
      for (const type of typesOf(view)) {
        const leaders = leadersOf(view, type);
        const head: Cell[] = [o.ballotHeader ?? 'Số phiếu', 'Phiếu không hợp lệ'];
        const levels: Cell[] = [null, null];
        const merges: string[] = o.xlsx === true ? ['A1:A2', 'B1:B2'] : [];
        leaders.forEach((l, i) => {
          head.push(l.name, null, null);
          levels.push(...order.map(title));
          if (o.xlsx === true) merges.push(`${col(2 + 3 * i)}1:${col(4 + 3 * i)}1`);
        });
        const body: Cell[][] = ballotsOf(view, type).map((b) => {
          const cells: Cell[] = [b.number, voidCell(b, 'digits', rng)];
          for (const line of b.lines) {
            const ticked = line.kind === 'mark' ? [line.level] : line.kind === 'multi' ? line.levels : [];
            cells.push(...order.map((lv) => (ticked.includes(lv) ? rng.pick(['x', 'X', 'x ', 'v']) : null)));
          }
          return cells;
        });
        const table = [head, levels, ...body];
        const sheet = twoTypes(s) ? `Phiếu ${type}` : 'Phiếu';
        if (o.xlsx === true) {
          sheets.push({ name: sheet, rows: table, merges });
          rows.push({ file: 'hoi-nghi.xlsx', sheet, ballots: body.length, nonBallot: 2, kinds: { header: 2 } });
        } else {
          const file = `phieu-${type}.csv`;
          files[file] = encode(csv(table), 'utf8-bom');
          args.push(join(dir, file));
          rows.push({ file, sheet: null, ballots: body.length, nonBallot: 2, kinds: { header: 2 } });
        }
        if (sketch === '') sketch = `${sheet}:\n${sketchRows(table)}`;
      }
      if (o.xlsx === true) {
        files['hoi-nghi.xlsx'] = workbook(sheets, { shared: true });
        args.push(join(dir, 'hoi-nghi.xlsx'));
      } else args.push(...sideFiles(s, dir, files));
      return { files, args, expect: { kind: 'ok', session: view, rows }, sketch };
    },
  };
}

/**
 * Under the ballots, one row per level labelled with its name ("Tín nhiệm cao:"), each leader's
 * cell a COUNTIF over the column with the value Excel computed.
 */
function footerForm(name: string): Form {
  return {
    name,
    build(s, rng, dir) {
      const sheets: SheetSpec[] = [{ name: 'Danh sách', rows: rosterRows(s, { numbers: true }) }, { name: 'Hội nghị', rows: sessionRows(s) }];
      const rows: RowsExpect[] = [];
      let sketch = '';
      for (const type of typesOf(s)) {
        const t = wide(s, type, rng, { codes: 'numbers' });
        const head = t.rows[0] as Cell[];
        const first = 2;
        const last = t.rows.length;
        const formulas: Record<string, string> = {};
        const labels = rng.pick([
          ['Tín nhiệm cao:', 'Tín nhiệm:', 'Tín nhiệm thấp:'],
          ['Số phiếu tín nhiệm cao', 'Số phiếu tín nhiệm', 'Số phiếu tín nhiệm thấp'],
        ]);
        labels.forEach((label, k) => {
          const r = t.rows.length + 1;
          const row: Cell[] = head.map((h, c) => {
            if (c === 0) return label;
            if (c === 1) return null;
            const letter = col(c);
            formulas[`${letter}${r}`] = `COUNTIF(${letter}${first}:${letter}${last},${k + 1})`;
            // What Excel computes: the cells equal to the number k + 1.
            return t.rows.slice(first - 1, last).filter((x) => x[c] === k + 1).length;
          });
          t.rows.push(row);
        });
        const sheet = twoTypes(s) ? `Phiếu ${type}` : 'Phiếu';
        sheets.push({ name: sheet, rows: t.rows, formulas });
        rows.push({ file: 'hoi-nghi.xlsx', sheet, ballots: t.ballots, nonBallot: t.nonBallot + 3, kinds: { ...t.kinds, total: 3 } });
        if (sketch === '') sketch = `${sheet}, last rows:\n${sketchRows(t.rows.slice(-4))}`;
      }
      return { files: { 'hoi-nghi.xlsx': workbook(sheets, { shared: true }) }, args: [join(dir, 'hoi-nghi.xlsx')], expect: { kind: 'ok', rows }, sketch };
    },
  };
}

/**
 * Each ballot type's ballots typed by two people into two files (or sheets "Phiếu (1)" and
 * "Phiếu (2)" of one workbook, one ballot type only), without a ballot-number column.
 */
function unnumberedSplitForm(name: string, sheets: boolean): Form {
  return {
    name,
    ...(sheets ? { applies: (s: Session) => !twoTypes(s) && ballotsOf(s, typesOf(s)[0] as string).length >= 2 } : { applies: (s: Session) => typesOf(s).every((t) => ballotsOf(s, t).length >= 2) }),
    build(s, rng, dir) {
      const files: Record<string, Buffer> = {};
      const args: string[] = [];
      const rows: RowsExpect[] = [];
      const book: SheetSpec[] = [{ name: 'Danh sách', rows: rosterRows(s, { numbers: true }) }, { name: 'Hội nghị', rows: sessionRows(s) }];
      let sketch = '';
      for (const type of typesOf(s)) {
        const t = wide(s, type, rng, { ballotColumn: false, codes: sheets ? 'numbers' : 'digits' });
        const [head, ...body] = t.rows as [Cell[], ...Cell[][]];
        const cut = rng.int(1, body.length - 1);
        [body.slice(0, cut), body.slice(cut)].forEach((part, k) => {
          const table = [head, ...part];
          if (sheets) {
            const sheet = `Phiếu (${k + 1})`;
            book.push({ name: sheet, rows: table });
            rows.push({ file: 'hoi-nghi.xlsx', sheet, ballots: part.length, nonBallot: 1 });
          } else {
            const file = `phieu-${type}-${k + 1}.csv`;
            files[file] = encode(csv(table), 'utf8');
            args.push(join(dir, file));
            rows.push({ file, sheet: null, ballots: part.length, nonBallot: 1 });
          }
          if (sketch === '') sketch = `${sheets ? 'Phiếu (1)' : `phieu-${type}-1.csv`}:\n${sketchRows(table)}`;
        });
      }
      if (sheets) {
        files['hoi-nghi.xlsx'] = workbook(book, { shared: true });
        args.push(join(dir, 'hoi-nghi.xlsx'));
      } else args.push(...sideFiles(s, dir, files));
      return { files, args, expect: { kind: 'ok', rows }, sketch };
    },
  };
}
