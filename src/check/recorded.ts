// The figures recorded at the time of a session: a Results / Kết quả sheet or results file
// typed then, or a summary workbook this tool wrote (with its audit sheet).
import { problem, type Problem } from '../model/problem.js';
import type { Band, Level, Location } from '../model/types.js';
import { cellText, isEmptyCell, isEmptyRow, type CellValue, type Sheet } from '../read/grid.js';
import { findHeader } from '../read/table.js';
import { parseDecimal } from '../rules/decimal.js';
import { LABELS } from '../text/labels.js';
import { clean, fold } from '../text/fold.js';

export interface RecordedLeader {
  readonly id: string | null;
  readonly stt: number | null;
  readonly name: string | null;
  readonly ballotType: string | null;
  readonly counts: Partial<Record<Level, number>>;
  /** Hundredths of a percent. */
  readonly percent: Partial<Record<Level, number>>;
  readonly band: Band | null;
  readonly location: Location;
}

export interface Recorded {
  readonly source: 'results' | 'summary';
  readonly file: string;
  readonly leaders: readonly RecordedLeader[];
  /** A summary's digest of the normalised inputs and the inputs it names. */
  readonly digest: string | null;
  readonly inputs: readonly { readonly path: string; readonly role: string; readonly sha256: string }[];
  readonly problems: readonly Problem[];
}

type ResultColumn = 'id' | 'stt' | 'name' | 'ballot_type' | Level | 'high_pct' | 'confidence_pct' | 'low_pct' | 'band';

const ALIASES: Record<ResultColumn, readonly string[]> = {
  id: ['id', 'mã', 'mã cán bộ'],
  stt: ['stt', 'số thứ tự'],
  name: ['name', 'họ và tên', 'họ tên'],
  ballot_type: ['ballot_type', 'loại phiếu'],
  high: ['high', 'tín nhiệm cao', 'số phiếu tín nhiệm cao'],
  confidence: ['confidence', 'tín nhiệm', 'số phiếu tín nhiệm'],
  low: ['low', 'tín nhiệm thấp', 'số phiếu tín nhiệm thấp'],
  high_pct: ['high_pct', 'high %', '% tín nhiệm cao', 'tỷ lệ tín nhiệm cao', 'tỉ lệ tín nhiệm cao'],
  confidence_pct: ['confidence_pct', 'confidence %', '% tín nhiệm', 'tỷ lệ tín nhiệm', 'tỉ lệ tín nhiệm'],
  low_pct: ['low_pct', 'low %', '% tín nhiệm thấp', 'tỷ lệ tín nhiệm thấp', 'tỉ lệ tín nhiệm thấp'],
  band: ['band', 'mức', 'kết quả'],
};
const columnIndex = new Map<string, ResultColumn>();
for (const [k, list] of Object.entries(ALIASES) as [ResultColumn, readonly string[]][]) for (const a of list) columnIndex.set(fold(a), k);
const resultColumn = (t: string): ResultColumn | null => columnIndex.get(fold(t)) ?? null;

/** Band as recorded: a code, or the regulation's wording in Vietnamese or English. */
export function parseBand(value: CellValue): Band | null | undefined {
  const t = fold(cellText(value));
  if (t === '' ) return undefined;
  if (/^(none|khong|-|—|–)$/.test(t)) return 'none';
  if (/review|tren 50|qua nua|more than 50|> ?1\/2/.test(t)) return 'review';
  if (/dismissal|2\/3/.test(t)) return 'dismissal';
  return null;
}

/** A recorded percentage in hundredths: 53.19, "53,19%", or Excel's 0.5319 in a percent cell. */
export function parsePercent(value: CellValue): number | null | undefined {
  if (isEmptyCell(value)) return undefined;
  let text = typeof value === 'number' ? String(value) : clean(cellText(value));
  const asFraction = typeof value === 'number' && value <= 1 && !/%$/.test(text);
  text = text.replace(/%$/, '').trim();
  const d = parseDecimal(text);
  if (d === null) return null;
  // To hundredths of a percent, rounded half up (an Excel float may carry noise digits).
  const shift = (asFraction ? 4 : 2) - d.scale;
  const scaled = shift >= 0 ? d.num * 10n ** BigInt(shift) : (d.num * 2n + 10n ** BigInt(-shift)) / (2n * 10n ** BigInt(-shift));
  return Number(scaled);
}

function count(value: CellValue): number | null | undefined {
  if (isEmptyCell(value)) return undefined;
  const d = parseDecimal(cellText(value));
  return d !== null && d.scale === 0 ? Number(d.num) : null;
}

export function readResultsSheet(sheet: Sheet): Recorded {
  const problems: Problem[] = [];
  const base = { file: sheet.file, ...(sheet.name === null ? {} : { sheet: sheet.name }) };
  const header = findHeader(sheet, resultColumn, ['low']);
  const leaders: RecordedLeader[] = [];
  if (header === null) {
    problems.push(problem('missing-column', 'error', base, { column: 'Tín nhiệm thấp / low', table: 'results' }));
    return { source: 'results', file: sheet.file, leaders, digest: null, inputs: [], problems };
  }
  const cell = (cells: readonly CellValue[], k: ResultColumn) => {
    const i = header.columns.get(k);
    return i === undefined ? null : (cells[i] ?? null);
  };
  for (const row of sheet.rows.slice(header.index + 1)) {
    if (isEmptyRow(row)) continue;
    const location: Location = { ...base, row: row.row };
    const counts: Partial<Record<Level, number>> = {};
    const percent: Partial<Record<Level, number>> = {};
    for (const level of ['high', 'confidence', 'low'] as const) {
      const c = count(cell(row.cells, level));
      if (c === null) problems.push(problem('bad-cell', 'error', location, { hint: 'count' }, cellText(cell(row.cells, level))));
      else if (c !== undefined) counts[level] = c;
      const p = parsePercent(cell(row.cells, `${level}_pct`));
      if (p === null) problems.push(problem('bad-cell', 'error', location, { hint: 'percent' }, cellText(cell(row.cells, `${level}_pct`))));
      else if (p !== undefined) percent[level] = p;
    }
    const band = parseBand(cell(row.cells, 'band'));
    if (band === null) problems.push(problem('bad-cell', 'error', location, { hint: 'band' }, cellText(cell(row.cells, 'band'))));
    const text = (k: ResultColumn) => {
      const t = clean(cellText(cell(row.cells, k)));
      return t === '' ? null : t;
    };
    const sttText = text('stt');
    leaders.push({ id: text('id'), stt: sttText !== null && /^\d+$/.test(sttText) ? Number(sttText) : null, name: text('name'), ballotType: text('ballot_type'), counts, percent, band: band ?? null, location });
  }
  return { source: 'results', file: sheet.file, leaders, digest: null, inputs: [], problems };
}

/** The audit sheet of a summary this tool wrote, in either language. */
/** The name of the audit sheet of a summary this tool writes, in either language. */
export const isAuditSheetName = (name: string) => name === LABELS.vi.sheets.audit || name === LABELS.en.sheets.audit;

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

export function readSummary(file: string, sheets: readonly Sheet[]): Recorded {
  const problems: Problem[] = [];
  const audit = auditSheetOf(sheets) as Sheet;
  const summary = sheets.find((s) => s.name === LABELS.vi.sheets.summary || s.name === LABELS.en.sheets.summary);
  const leaders: RecordedLeader[] = [];
  // Our own layout (src/report/xlsx.ts): A STT, B name, D type, G/I/K counts, H/J/L shares, M band.
  for (const row of summary?.rows ?? []) {
    const [stt, name] = row.cells;
    if (typeof stt !== 'number' || typeof name !== 'string') continue;
    const c = (i: number) => row.cells[i] ?? null;
    const pct = (i: number) => parsePercent(c(i)) ?? undefined;
    const counts = { high: Number(c(6)), confidence: Number(c(8)), low: Number(c(10)) };
    const percent: Partial<Record<Level, number>> = {};
    for (const [level, i] of [['high', 7], ['confidence', 9], ['low', 11]] as const) {
      const p = pct(i);
      if (typeof p === 'number') percent[level] = p;
    }
    const band = parseBand(String(c(12) ?? '').replace(/\s*\(\*\)$/, ''));
    leaders.push({ id: null, stt, name, ballotType: clean(cellText(c(3))) || null, counts, percent, band: band ?? null, location: { file, sheet: summary?.name ?? '', row: row.row } });
  }
  let digest: string | null = null;
  const inputs: { path: string; role: string; sha256: string }[] = [];
  const roleOf = new Map([...Object.entries(LABELS.vi.audit.roles), ...Object.entries(LABELS.en.audit.roles)].map(([k, v]) => [v, k]));
  for (const row of audit.rows) {
    const [a, b, c] = row.cells.map((x) => clean(cellText(x ?? null)));
    if (a === LABELS.vi.audit.digest || a === LABELS.en.audit.digest) digest = b ?? null;
    if (a && b && c && /^[0-9a-f]{64}$/.test(c) && roleOf.has(b)) inputs.push({ path: a, role: roleOf.get(b) as string, sha256: c });
  }
  if (digest === null) problems.push(problem('missing-column', 'error', { file }, { column: LABELS.vi.audit.digest, table: 'audit' }));
  return { source: 'summary', file, leaders, digest, inputs, problems };
}
