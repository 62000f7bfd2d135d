// The figures recorded at the time of a session: a Results / Kết quả sheet or results file
// typed then, or a summary workbook this tool wrote (with its audit sheet). Records are read
// the way results are published (SPEC §4): one header row, or two (each level's name merged
// over `Số phiếu` / `Tỷ lệ %`), a `Tỷ lệ` column after each count, optional `Phát ra` /
// `Thu về` / `Hợp lệ` / `Không hợp lệ`, rows by id, STT or name. Every column is interpreted
// or reported; an empty recorded figure is kept as empty, never as agreement.
import { problem, type Problem } from '../model/problem.js';
import { COUNT_KEYS, TYPED_COUNT, type CountKey, type SessionFlags } from '../validate/session.js';
import type { Band, Level, Location } from '../model/types.js';
import { cellText, columnLetter, isEmptyCell, isEmptyRow, type CellValue, type Row, type Sheet } from '../model/grid.js';
import { ballotCellTotal } from '../read/sheet-read.js';
import type { Decimal } from '../model/decimal.js';
import { LABELS } from '../text/labels.js';
import { REGIME_LIST, REGIMES, thresholdMark, type BandRule } from '../rules/regimes.js';
import type { Lang } from '../text/lang.js';
import { clean, fold } from '../model/fold.js';

import type { CountField } from '../model/check.js';
export const COUNT_FIELDS: readonly CountField[] = ['high', 'confidence', 'low', 'valid', 'invalid', 'issued', 'returned'];
const LEVELS: readonly Level[] = ['high', 'confidence', 'low'];

/** A recorded cell that is there but empty: a difference, never agreement. */
export type Empty = 'empty';

export interface RecordedLeader {
  readonly id: string | null;
  readonly stt: number | null;
  readonly name: string | null;
  readonly ballotType: string | null;
  /** Only the columns the record has; a bad value is a problem and is left out. */
  readonly counts: Partial<Record<CountField, number | Empty>>;
  /** In percent units at the precision recorded: 53.2 is { num: 532n, scale: 1 }. */
  readonly percent: Partial<Record<Level, Decimal | Empty>>;
  /** undefined when the record has no band column. */
  readonly band?: Band | Empty;
  readonly location: Location;
}

export interface Recorded {
  readonly source: 'results' | 'summary';
  /** The record as the clerk knows it: a file, or a workbook's sheet ("a.xlsx › Kết quả"). */
  readonly label: string;
  readonly file: string;
  readonly leaders: readonly RecordedLeader[];
  /** A summary's digest of the normalised inputs and the inputs it names. */
  readonly digest: string | null;
  readonly inputs: readonly { readonly path: string; readonly role: string; readonly sha256: string }[];
  /** A summary's options given on the command line, to re-tally with (SPEC §4). */
  readonly flags: SessionFlags;
  /** Its counts given on the command line for one ballot type each ("A=42" of `--issued A=42`). */
  readonly typedCounts: Readonly<Partial<Record<CountKey, readonly string[]>>>;
  readonly problems: readonly Problem[];
}

// ---------------------------------------------------------------------------------------------
// Header: what each column holds.

type Meaning =
  | { readonly kind: 'id' | 'stt' | 'name' | 'ballot_type' | 'band' | 'ignored' }
  | { readonly kind: 'count'; readonly field: CountField }
  | { readonly kind: 'percent'; readonly level: Level }
  /** `Tỷ lệ` alone: the share of the count column before it. */
  | { readonly kind: 'percent-of-previous' };

const EXACT: Record<string, Meaning> = {};
const exact = (m: Meaning, ...names: string[]) => names.forEach((n) => (EXACT[n] = m));
exact({ kind: 'id' }, 'id', 'ma', 'ma can bo', 'ma so');
exact({ kind: 'stt' }, 'stt', 'so thu tu', 'tt');
exact({ kind: 'name' }, 'name', 'ho va ten', 'ho ten', 'ten', 'ho va ten nguoi duoc lay phieu');
exact({ kind: 'ballot_type' }, 'ballot type', 'loai phieu');
exact({ kind: 'band' }, 'band', 'muc', 'ket qua', 'muc tin nhiem thap', 'muc vuot nguong');
// Columns a published table carries that are not figures: read, and not compared.
exact({ kind: 'ignored' }, 'position', 'chuc vu', 'ghi chu', 'notes', 'note', 'don vi', 'unit');

const LEVEL_WORDS: Record<string, Level> = { 'tin nhiem cao': 'high', high: 'high', 'tin nhiem': 'confidence', confidence: 'confidence', 'tin nhiem thap': 'low', low: 'low' };
const ACCOUNTING_WORDS: Record<string, CountField> = { 'phat ra': 'issued', issued: 'issued', 'thu ve': 'returned', returned: 'returned', 'hop le': 'valid', valid: 'valid', 'khong hop le': 'invalid', invalid: 'invalid' };
const PERCENT_MARK = /(^| )(ty le|ti le|%|pct|percent|share)(?= |$)/g;
const COUNT_MARK = /(^| )(so phieu|so luong|sl|phieu|count|votes)(?= |$)/g;

/** A header text in its matching form: folded, `_` and brackets as spaces, `%` a word. */
const words = (text: string) => fold(text).replace(/[_()[\]:.]/g, ' ').replace(/%/g, ' % ').replace(/\s+/g, ' ').trim();

/** What a header label means; null when it cannot be interpreted. */
function meaningOf(label: string): Meaning | null {
  const t = words(label);
  if (t === '') return null;
  const known = EXACT[t];
  if (known !== undefined) return known;
  const percent = t.match(PERCENT_MARK) !== null;
  const rest = t.replace(PERCENT_MARK, ' ').replace(COUNT_MARK, ' ').replace(/\s+/g, ' ').trim();
  const level = LEVEL_WORDS[rest];
  if (level !== undefined) return percent ? { kind: 'percent', level } : { kind: 'count', field: level };
  const accounting = ACCOUNTING_WORDS[rest];
  if (accounting !== undefined && !percent) return { kind: 'count', field: accounting };
  if (rest === '' && percent) return { kind: 'percent-of-previous' };
  return null;
}

/**
 * A cell of a second header row: a part of a label ("Số phiếu", "Tỷ lệ %", a level's name),
 * or the cell above repeated (a header merged down over both rows, such as STT).
 */
function isHeaderPart(value: CellValue | undefined, above: CellValue | undefined): boolean {
  if (isEmptyCell(value)) return true;
  if (typeof value === 'string' && typeof above === 'string' && fold(value) === fold(above)) return true;
  if (typeof value !== 'string') return false;
  const t = words(value);
  if (/\d/.test(t)) return false;
  const rest = t.replace(PERCENT_MARK, ' ').replace(COUNT_MARK, ' ').trim();
  return rest === '' || LEVEL_WORDS[rest] !== undefined || ACCOUNTING_WORDS[rest] !== undefined;
}

interface Header {
  /** Index into sheet.rows of the last header row. */
  readonly last: number;
  readonly columns: readonly { readonly index: number; readonly label: string; readonly meaning: Meaning | null }[];
}

/** Labels of one header row, or of two combined (top over bottom; a merged top is repeated). */
function labels(top: readonly CellValue[], bottom: readonly CellValue[] | null): string[] {
  const width = Math.max(top.length, bottom?.length ?? 0);
  const out: string[] = [];
  let group = '';
  for (let i = 0; i < width; i++) {
    const a = clean(cellText(top[i] ?? null));
    const b = bottom === null ? '' : clean(cellText(bottom[i] ?? null));
    // A top cell spans the parts under it: read from a merge, or carried from the left in a
    // file without merges (CSV), while parts follow.
    if (a !== '') group = a;
    else if (b === '') group = '';
    const over = a !== '' ? a : group;
    out.push(b === '' ? over : over === '' || fold(over) === fold(b) ? b : `${over} ${b}`);
  }
  return out;
}

function interpret(texts: readonly string[]): Header['columns'] {
  const columns: { index: number; label: string; meaning: Meaning | null }[] = [];
  texts.forEach((label, index) => {
    let meaning = meaningOf(label);
    if (meaning?.kind === 'percent-of-previous') {
      const before = columns[columns.length - 1]?.meaning;
      meaning = before?.kind === 'count' && (LEVELS as readonly string[]).includes(before.field) ? { kind: 'percent', level: before.field as Level } : null;
    }
    columns.push({ index, label, meaning });
  });
  return columns;
}

const HEADER_ROWS = 30;
const isFigure = (m: Meaning | null) => m !== null && (m.kind === 'percent' || (m.kind === 'count' && (LEVELS as readonly string[]).includes(m.field)));
const isIdentity = (m: Meaning | null) => m !== null && (m.kind === 'id' || m.kind === 'stt' || m.kind === 'name');

/** The first row (or pair of rows) among the first 30 naming a leader column and a level figure. */
function findHeader(rows: readonly Row[]): Header | null {
  const head = rows.slice(0, HEADER_ROWS);
  for (let i = 0; i < head.length; i++) {
    const row = head[i] as Row;
    if (isEmptyRow(row)) continue;
    const next = head[i + 1];
    const two = next !== undefined && !isEmptyRow(next) && next.cells.every((v, k) => isHeaderPart(v, row.cells[k]));
    const tries: [number, Header['columns']][] = two ? [[i + 1, interpret(labels(row.cells, next.cells))]] : [];
    tries.push([i, interpret(labels(row.cells, null))]);
    for (const [last, columns] of tries) {
      if (columns.some((c) => isFigure(c.meaning)) && columns.some((c) => isIdentity(c.meaning))) return { last, columns };
    }
  }
  return null;
}

// ---------------------------------------------------------------------------------------------
// Values.

/** A band's words in matching form: folded, spaces collapsed, the "low-confidence votes" words left out. */
const bandKey = (text: string) =>
  fold(text)
    .replace(/\s*\(\*\)$/, '')
    .replace(/\b(phieu tin nhiem thap|low-confidence votes)\b/g, ' ')
    .replace(/\s+/g, ' ')
    .replace(/^[\s.]+|[\s.]+$/g, '');

/**
 * Every way a record writes a band, read from the regimes' entries: each band's words in full and
 * in a column header, in both languages, and its threshold mark; the codes; "—" for none. A
 * wording two regimes give to different bands would be ambiguous (test/rules/registry.test.ts).
 */
export const BAND_WORDS: ReadonlyMap<string, Band> = (() => {
  const words = new Map<string, Band>();
  for (const w of ['none', 'khong', '-', '—', '–', '0']) words.set(w, 'none');
  words.set('review', 'review');
  words.set('dismissal', 'dismissal');
  for (const r of REGIME_LIST) {
    for (const [band, rule] of [['review', r.review], ['dismissal', r.dismissal]] as const) {
      if (rule === null) continue;
      for (const text of [rule.label.vi, rule.label.en, rule.short.vi, rule.short.en, thresholdMark(rule)]) if (!words.has(bandKey(text))) words.set(bandKey(text), band);
    }
  }
  return words;
})();

/** A few of the words a band may be recorded in, for the message about one that is not. */
export function bandExamples(lang: Lang): string {
  return [...new Set(REGIME_LIST.flatMap((r) => [r.review, r.dismissal]).filter((b): b is BandRule => b !== null).map((b) => b.label[lang]))].join('; ');
}

/** Band as recorded: a code, any regime's wording of a band, or its mark ("> 1/2", "≥ 2/3"). */
export function parseBand(value: CellValue): Band | null | undefined {
  const t = bandKey(cellText(value));
  if (t === '') return undefined;
  return BAND_WORDS.get(t) ?? null;
}

/** Shares are compared at most at four decimals of a percent: more is a formula's float. */
const MAX_SCALE = 4;

function roundTo(d: Decimal, scale: number): Decimal {
  if (d.scale <= scale) return d;
  const f = 10n ** BigInt(d.scale - scale);
  return { num: (d.num * 2n + f) / (2n * f), scale };
}

/** A number as a decimal, as written: 0.5319 → {5319, 4}. */
function numberDecimal(v: number): Decimal | null {
  if (!Number.isFinite(v) || v < 0) return null;
  const text = v.toFixed(12).replace(/\.?0+$/, '');
  const [whole, frac = ''] = text.split('.');
  return { num: BigInt(`${whole}${frac}`), scale: frac.length };
}

/**
 * A recorded share in percent units, at the precision recorded. `53,19%` and `53.19` are 53.19
 * (two decimals); `53.2` has one. A number without `%` in a column whose numbers are all at
 * most 1 is a fraction, as Excel stores a percent-formatted cell (0.5319 is 53.19%, two decimals).
 */
export function parsePercent(value: CellValue, fractions: boolean): Decimal | null | undefined {
  if (isEmptyCell(value)) return undefined;
  let d: Decimal | null;
  let fraction = fractions;
  if (typeof value === 'number') d = numberDecimal(value);
  else {
    const text = clean(cellText(value));
    const m = /^(\d+)(?:[.,](\d+))?\s*(%)?$/.exec(text);
    if (m === null) return null;
    if (m[3] !== undefined) fraction = false;
    d = { num: BigInt(`${m[1]}${m[2] ?? ''}`), scale: (m[2] ?? '').length };
  }
  if (d === null) return null;
  if (fraction) d = d.scale >= 2 ? { num: d.num, scale: d.scale - 2 } : { num: d.num * 10n ** BigInt(2 - d.scale), scale: 0 };
  return roundTo(d, MAX_SCALE);
}

/** Whether a share column holds fractions: every number in it without `%` is at most 1. */
function holdsFractions(values: readonly CellValue[]): boolean {
  return values.every((v) => {
    if (isEmptyCell(v)) return true;
    if (typeof v === 'number') return v <= 1;
    const m = /^(\d+(?:[.,]\d+)?)\s*(%)?$/.exec(clean(cellText(v)));
    return m === null || m[2] !== undefined || Number((m[1] as string).replace(',', '.')) <= 1;
  });
}

/**
 * A recorded count: 9, `9.0` (a whole number written with decimals), or `9 phiếu` (the unit
 * is accepted). `9.000` is refused: it may be nine or nine thousand.
 */
export function parseCount(value: CellValue): { ok: number } | { bad: 'count' | 'grouped' } | undefined {
  if (isEmptyCell(value)) return undefined;
  if (typeof value === 'number') return Number.isSafeInteger(value) && value >= 0 ? { ok: value } : { bad: 'count' };
  const t = fold(cellText(value)).replace(/\s*phieu$/, '').trim();
  if (/^\d+$/.test(t)) return { ok: Number(t) };
  if (/^\d{1,3}([.,]\d{3})+$/.test(t)) return { bad: 'grouped' };
  if (/^\d+[.,]0+$/.test(t)) return { ok: Number(t.replace(/[.,]0+$/, '')) };
  return { bad: 'count' };
}

// ---------------------------------------------------------------------------------------------
// Reading.

export function readResultsSheet(sheet: Sheet): Recorded {
  const problems: Problem[] = [];
  const base = { file: sheet.file, ...(sheet.name === null ? {} : { sheet: sheet.name }) };
  const label = sheet.name === null ? sheet.file : `${sheet.file} › ${sheet.name}`;
  const empty = { source: 'results' as const, label, file: sheet.file, digest: null, inputs: [], flags: {}, typedCounts: {} };
  const header = findHeader(sheet.rows);
  if (header === null) {
    problems.push(problem('missing-column', 'error', base, { column: 'Tín nhiệm thấp / low', table: 'results' }));
    return { ...empty, leaders: [], problems };
  }
  const body = sheet.rows.slice(header.last + 1).filter((r) => !isEmptyRow(r));
  const headerRow = (sheet.rows[header.last] as Row).row;
  // Every column is interpreted or reported; a column with values and no header too.
  const width = Math.max(header.columns.length, ...body.map((r) => r.cells.length));
  const used = new Map<string, number>();
  for (let i = 0; i < width; i++) {
    const c = header.columns[i];
    const values = body.map((r) => r.cells[i] ?? null).filter((v) => !isEmptyCell(v));
    if (c === undefined || c.label === '') {
      if (values.length > 0) problems.push(problem('bad-cell', 'error', { ...base, row: headerRow, columnLetter: columnLetter(i) }, { hint: 'no-header' }, cellText(values[0] ?? null)));
      continue;
    }
    if (c.meaning === null) {
      problems.push(problem('unknown-record-column', 'error', { ...base, row: headerRow, columnLetter: columnLetter(i) }, {}, c.label));
      continue;
    }
    const key = c.meaning.kind === 'count' ? `count:${c.meaning.field}` : c.meaning.kind === 'percent' ? `percent:${c.meaning.level}` : c.meaning.kind;
    if (c.meaning.kind !== 'ignored' && used.has(key)) {
      problems.push(problem('unknown-record-column', 'error', { ...base, row: headerRow, columnLetter: columnLetter(i) }, { twice: columnLetter(used.get(key) as number) }, c.label));
      continue;
    }
    used.set(key, i);
  }
  const at = (key: string) => used.get(key);
  const fractions = new Map(LEVELS.map((l) => [l, holdsFractions(body.map((r) => r.cells[at(`percent:${l}`) ?? -1] ?? null))]));
  const leaders: RecordedLeader[] = [];
  for (const row of body) {
    if (isTotalRow(row)) {
      problems.push(problem('non-ballot-row', 'warning', { ...base, row: row.row }, { kind: 'total' }, clean(cellText(row.cells.find((c) => typeof c === 'string' && c.trim() !== '') ?? null))));
      continue;
    }
    const cell = (key: string): CellValue => {
      const i = at(key);
      return i === undefined ? null : (row.cells[i] ?? null);
    };
    const where = (key: string): Location => ({ ...base, row: row.row, columnLetter: columnLetter(at(key) ?? 0) });
    const counts: Partial<Record<CountField, number | Empty>> = {};
    for (const f of COUNT_FIELDS) {
      if (at(`count:${f}`) === undefined) continue;
      const c = parseCount(cell(`count:${f}`));
      if (c === undefined) counts[f] = 'empty';
      else if ('ok' in c) counts[f] = c.ok;
      else problems.push(problem('bad-cell', 'error', where(`count:${f}`), { hint: c.bad === 'grouped' ? 'recorded-count-grouped' : 'recorded-count' }, cellText(cell(`count:${f}`))));
    }
    const percent: Partial<Record<Level, Decimal | Empty>> = {};
    for (const l of LEVELS) {
      if (at(`percent:${l}`) === undefined) continue;
      const p = parsePercent(cell(`percent:${l}`), fractions.get(l) === true);
      if (p === undefined) percent[l] = 'empty';
      else if (p === null) problems.push(problem('bad-cell', 'error', where(`percent:${l}`), { hint: 'recorded-percent' }, cellText(cell(`percent:${l}`))));
      else percent[l] = p;
    }
    let band: Band | Empty | undefined;
    if (at('band') !== undefined) {
      const b = parseBand(cell('band'));
      if (b === null) problems.push(problem('bad-cell', 'error', where('band'), { hint: 'recorded-band', examples: bandExamples('vi') }, cellText(cell('band'))));
      else band = b ?? 'empty';
    }
    const text = (k: string) => {
      const t = clean(cellText(cell(k)));
      return t === '' ? null : t;
    };
    const sttText = text('stt');
    leaders.push({
      id: text('id'), stt: sttText !== null && /^\d+$/.test(sttText) ? Number(sttText) : null, name: text('name'), ballotType: text('ballot_type'),
      counts, percent, ...(band === undefined ? {} : { band }), location: { ...base, row: row.row },
    });
  }
  return { ...empty, leaders, problems };
}

/** The name of the audit sheet of a summary this tool writes, in either language. */
export const isAuditSheetName = (name: string) => name === LABELS.vi.sheets.audit || name === LABELS.en.sheets.audit;

/** The audit sheet of a summary this tool wrote, in either language. */
export function auditSheetOf(sheets: readonly Sheet[]): Sheet | null {
  return (
    sheets.find(
      (s) =>
        s.name !== null &&
        isAuditSheetName(s.name) &&
        s.rows.some((r) => typeof r.cells[1] === 'string' && /^tally \d/.test(r.cells[1])),
    ) ?? null
  );
}

/** Options a summary's audit sheet records as given on the command line, as flags again. */
const FLAG_OPTIONS = new Set(['regime', 'denominator', 'strict', 'title', 'body', 'place', 'date', 'round', 'convened', 'present', 'issued', 'returned', 'mark_threshold', 'blank_threshold', 'omr_letters']);

export function readSummary(file: string, sheets: readonly Sheet[]): Recorded {
  const problems: Problem[] = [];
  const audit = auditSheetOf(sheets) as Sheet;
  const summary = sheets.find((s) => s.name === LABELS.vi.sheets.summary || s.name === LABELS.en.sheets.summary);
  const leaders: RecordedLeader[] = [];
  // Our own layout (src/report/xlsx.ts): A STT, B name, C position, D type (only with several
  // ballot types since 0.1; always in older summaries), then valid, invalid, the three counts
  // each followed by its share (a fraction in a percent-formatted cell), and the band.
  const typeHeaders = new Set<string>([LABELS.vi.col.ballotType, LABELS.en.col.ballotType]);
  const sttHeaders = new Set<string>([LABELS.vi.col.stt, LABELS.en.col.stt]);
  const header = summary?.rows.find((r) => typeof r.cells[0] === 'string' && sttHeaders.has(clean(r.cells[0])));
  const typeColumn = header === undefined || typeHeaders.has(clean(cellText(header.cells[3] ?? null)));
  const off = typeColumn ? 0 : -1;
  const bandHeaders = new Set<string>([LABELS.vi.col.band, LABELS.en.col.band]);
  const bandColumn = header !== undefined && bandHeaders.has(clean(cellText(header.cells[12 + off] ?? null)));
  for (const row of summary?.rows ?? []) {
    const [stt, name] = row.cells;
    if (typeof stt !== 'number' || typeof name !== 'string') continue;
    const c = (i: number) => (i === 3 && !typeColumn ? null : (row.cells[i < 4 ? i : i + off] ?? null));
    const counts: Partial<Record<CountField, number | Empty>> = {};
    for (const [f, i] of [['valid', 4], ['invalid', 5], ['high', 6], ['confidence', 8], ['low', 10]] as const) {
      const n = parseCount(c(i));
      counts[f] = n === undefined ? 'empty' : 'ok' in n ? n.ok : 'empty';
    }
    const percent: Partial<Record<Level, Decimal | Empty>> = {};
    for (const [level, i] of [['high', 7], ['confidence', 9], ['low', 11]] as const) {
      const p = parsePercent(c(i), true);
      if (p !== undefined && p !== null) percent[level] = p;
    }
    // A band this reader does not know is a problem, never left out: left out, it would not be compared.
    const band = parseBand(c(12));
    const location = { file, sheet: summary?.name ?? '', row: row.row };
    if (band === null) problems.push(problem('bad-cell', 'error', { ...location, column: columnLetter(12 + off) }, { hint: 'recorded-band', examples: bandExamples('vi') }, cellText(c(12))));
    const recordedBand = bandColumn ? { band: band === undefined || band === null ? ('empty' as const) : band } : {};
    leaders.push({ id: null, stt, name, ballotType: clean(cellText(c(3))) || null, counts, percent, ...recordedBand, location });
  }
  let digest: string | null = null;
  const inputs: { path: string; role: string; sha256: string }[] = [];
  const flags: Record<string, string | boolean> = {};
  const typedCounts: Partial<Record<CountKey, string[]>> = {};
  // Roles in words, or as the keys older summaries wrote when a role had no words (adjudications).
  const roleOf = new Map([...Object.entries(LABELS.vi.audit.roles), ...Object.entries(LABELS.en.audit.roles)].flatMap(([k, v]) => [[v, k], [k, k]]));
  const fromFlag = new Set<string>([LABELS.vi.audit.origins.flag, LABELS.en.audit.origins.flag]);
  const optionKeys = new Map<string, string>([...Object.entries(LABELS.vi.audit.optionNames), ...Object.entries(LABELS.en.audit.optionNames)].map(([k, v]) => [v, k]));
  const optionValues = new Map<string, string>();
  for (const lang of ['vi', 'en'] as const) {
    for (const regime of Object.values(REGIMES)) optionValues.set(`regime\u0000${regime.instrument[lang]}`, regime.id);
    for (const [basis, words] of Object.entries(LABELS[lang].basis)) optionValues.set(`denominator\u0000${words}`, basis);
  }
  for (const row of audit.rows) {
    const [a, b, c] = row.cells.map((x) => clean(cellText(x ?? null)));
    if (a === LABELS.vi.audit.digest || a === LABELS.en.audit.digest) digest = b ?? null;
    if (a && b && c && /^[0-9a-f]{64}$/.test(c) && roleOf.has(b)) inputs.push({ path: a, role: roleOf.get(b) as string, sha256: c });
    // An option row: name, value, where it came from. Names and values are in words since the
    // audit sheet was put in the report's language; older summaries hold the keys and codes.
    const key = a === undefined ? undefined : (optionKeys.get(a) ?? a);
    if (key && b && c && fromFlag.has(c) && FLAG_OPTIONS.has(key)) {
      if (key === 'strict') {
        if (b === 'true' || b === LABELS.vi.audit.yes || b === LABELS.en.audit.yes) flags[key] = true;
      } else if ((COUNT_KEYS as readonly string[]).includes(key) && TYPED_COUNT.test(b)) (typedCounts[key as CountKey] ??= []).push(b);
      else flags[key] = optionValues.get(`${key}\u0000${b}`) ?? b;
    }
  }
  if (digest === null) problems.push(problem('missing-column', 'error', { file }, { column: LABELS.vi.audit.digest, table: 'audit' }));
  return { source: 'summary', label: file, file, leaders, digest, inputs, flags: flags as SessionFlags, typedCounts, problems };
}

/** A total row under the table ("Tổng cộng", "Cộng"): its words a total's label, and no name beside it. */
function isTotalRow(row: Row): boolean {
  const words = row.cells.filter((c): c is string => typeof c === 'string' && /\p{L}/u.test(c));
  return words.length > 0 && words.every((w) => ballotCellTotal(w) !== null);
}
