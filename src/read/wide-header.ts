// The header of a wide ballot sheet (SPEC §2.4): which row it is, what each column holds — the
// ballot number, the void column, the ballot type, one leader, or one of a leader's three
// boxes (the hand tally sheet) — and how many rows it takes.
import { clean, fold } from '../model/fold.js';
import { decodeCell } from '../model/codes.js';
import { cellText, isEmptyCell, type CellValue, type Row } from '../model/grid.js';
import { lineCode } from '../model/line-codes.js';
import { ballotKey } from '../model/ballot-number.js';
import type { Roster } from '../model/roster-index.js';
import { ballotColumn, rosterColumn } from './vocabulary.js';
import { ballotCellTotal } from './sheet-read.js';

/** A leader's three boxes: their columns, the line code each box stands for, and the level's title. */
export interface BoxGroup {
  readonly cols: readonly [number, number, number];
  readonly codes: readonly [number, number, number];
  readonly titles: readonly [string, string, string];
}

/** A headed column that is not a fixed one: a leader, perhaps over three boxes. */
export interface LeaderHeader {
  readonly col: number;
  readonly header: string;
  readonly boxes: BoxGroup | null;
}

export interface HeaderLayout {
  /** The header row's index among the rows searched. */
  readonly index: number;
  /** Rows the header takes: 1, or 2 with the boxes' row of level names. */
  readonly rows: number;
  readonly ballotCol: number | null;
  readonly voidCol: number | null;
  readonly typeCol: number | null;
  readonly candidates: readonly LeaderHeader[];
  /** Columns with no header (and not a leader's box). */
  readonly unheaded: readonly number[];
}

export type HeaderSearch =
  | { readonly kind: 'found'; readonly layout: HeaderLayout }
  /** No row qualifies; `index` is the row to name (the first that looks like a header, else the first non-empty one). */
  | { readonly kind: 'unreadable'; readonly index: number }
  | { readonly kind: 'none' };

/**
 * A header cell's text: cleaned line by line, its line breaks kept ("Name⏎Position", typed
 * with Alt+Enter as printed on the ballot).
 */
export function headerText(value: CellValue | undefined): string {
  const text = cellText(value);
  if (!/[\r\n]/.test(text)) return clean(text);
  return text
    .split(/\r\n|\r|\n/)
    .map(clean)
    .filter((l) => l !== '')
    .join('\n');
}

export function analyseHeader(head: readonly Row[], roster: Roster): HeaderSearch {
  const found = findHeaderRow(head, roster);
  if (found === null) {
    const first = head.findIndex((r) => r.cells.some((c) => !isEmptyCell(c)));
    return first < 0 ? { kind: 'none' } : { kind: 'unreadable', index: first };
  }
  if (!found.qualified) return { kind: 'unreadable', index: found.index };
  return { kind: 'found', layout: columns(head, found.index, roster) };
}

/**
 * The header: the first row, among the first few, in which most non-empty cells name roster
 * leaders or fixed columns. A plain code (1, 2, 3) that is also somebody's STT or id counts
 * for neither reading, and once a row of texts over all its columns has been seen (a header
 * the roster does not know), a row that names people by numbers only is a ballot, never the
 * header. Else the first row of distinct numbers that all name somebody (a header of STT).
 * Else the first row of at least two texts that are not codes, unqualified: a header nobody
 * can read, named in the error.
 */
export function findHeaderRow(head: readonly Row[], roster: Roster): { index: number; qualified: boolean } | null {
  /** The first row of texts (a header the roster does not know, or a title), and its columns. */
  let texts: { index: number; cols: ReadonlySet<number> } | null = null;
  let numbers: number | null = null;
  // A row naming people by numbers only is a ballot when a row of texts over all its columns
  // came first (a title over a few columns is not a header).
  const afterTexts = (row: Row) => texts !== null && row.cells.every((c, col) => headerText(c) === '' || (texts as { cols: ReadonlySet<number> }).cols.has(col));
  for (let i = 0; i < head.length; i++) {
    let named = 0;
    let namedText = 0;
    let neutral = 0;
    const words = new Set<string>();
    const values: string[] = [];
    for (const c of (head[i] as Row).cells) {
      const text = headerText(c);
      if (text === '') continue;
      values.push(text);
      if (ballotColumn(text) !== null) {
        named++;
        namedText++;
      } else if (roster.all.names(text)) {
        if (isPlainCode(text)) neutral++;
        else {
          named++;
          if (!isDigits(text)) namedText++;
        }
      }
      if (!isDigits(text) && !decodeCell(text).ok) words.add(fold(text));
    }
    if (values.length === 0) continue;
    if (named > 0 && named * 2 > values.length - neutral && (namedText > 0 || !afterTexts(head[i] as Row))) return { index: i, qualified: true };
    const numbersOnly = neutral > 0 && named + neutral === values.length && new Set(values).size === values.length;
    if (numbersOnly && numbers === null && !afterTexts(head[i] as Row)) numbers = i;
    else if (words.size >= 2 && texts === null) texts = { index: i, cols: new Set((head[i] as Row).cells.flatMap((c, col) => (headerText(c) === '' ? [] : [col]))) };
  }
  if (numbers !== null) return { index: numbers, qualified: true };
  return texts === null ? null : { index: texts.index, qualified: false };
}

/** The columns of the header row at `index`, and the level row under it when leaders have three boxes. */
function columns(head: readonly Row[], index: number, roster: Roster): HeaderLayout {
  const headerRow = head[index] as Row;
  const texts: string[] = headerRow.cells.map(headerText);
  const groups = boxGroups(texts, head[index + 1]);
  const inBox = new Set<number>();
  for (const g of groups.values()) for (const c of g.cols.slice(1)) inBox.add(c);
  const rows = groups.size > 0 ? 2 : 1;
  if (rows === 2) {
    // A column titled in the second row only.
    const below = (head[index + 1] as Row).cells.map(headerText);
    below.forEach((t, col) => {
      if (t !== '' && (texts[col] ?? '') === '' && !inBox.has(col) && !groups.has(col)) texts[col] = t;
    });
  }

  let ballotCol: number | null = null;
  let voidCol: number | null = null;
  let typeCol: number | null = null;
  const candidates: LeaderHeader[] = [];
  const unheaded: number[] = [];
  texts.forEach((text, col) => {
    if (inBox.has(col)) return;
    if (text === '') return unheaded.push(col);
    const fixed = ballotColumn(text);
    if (fixed === 'ballot' && ballotCol === null) return (ballotCol = col);
    if (fixed === 'void' && voidCol === null) return (voidCol = col);
    if (fixed === 'ballot_type' && typeCol === null) return (typeCol = col);
    return candidates.push({ col, header: text, boxes: groups.get(col) ?? null });
  });
  // "STT" or "Phiếu" holding distinct whole numbers is the ballot number (a person's STT is
  // a roster column, never a ballot sheet's, so the column cannot be a leader's).
  if (ballotCol === null) {
    const data = head.slice(index + rows);
    const k = candidates.findIndex((c) => c.boxes === null && numberingHeader(c.header) && distinctWholeNumbers(data, c.col, c.header, roster));
    if (k >= 0) {
      ballotCol = (candidates[k] as LeaderHeader).col;
      candidates.splice(k, 1);
    }
  }
  return { index, rows, ballotCol, voidCol, typeCol, candidates, unheaded };
}

/** A header that may title a column of ballot numbers: "STT", "Số thứ tự", "TT", "Phiếu". */
function numberingHeader(text: string): boolean {
  return rosterColumn(text) === 'stt' || fold(text).replace(/\s*:\s*$/, '') === 'phieu';
}

/**
 * Whether the column's cells under the header are distinct whole numbers — leaving aside a
 * total's or a level's label and the header repeated — with at least one number.
 */
function distinctWholeNumbers(rows: readonly Row[], col: number, header: string, roster: Roster): boolean {
  const seen = new Set<string>();
  for (const r of rows) {
    const v = r.cells[col] ?? null;
    if (isEmptyCell(v)) continue;
    const text = clean(cellText(v));
    if (typeof v === 'number' ? !Number.isInteger(v) || v < 0 : !isDigits(text)) {
      if (typeof v === 'string' && (ballotCellTotal(text) !== null || levelLabel(text) !== null || fold(text) === fold(header)) && !roster.all.names(text)) continue;
      return false;
    }
    const key = ballotKey(text);
    if (seen.has(key)) return false;
    seen.add(key);
  }
  return seen.size > 0;
}

/**
 * Leaders with three boxes (SPEC §2.4): a name over three columns — merged (every cell then
 * shows it) or followed by two empty header cells — with, in the row under the header, the
 * three levels' names under them (Tín nhiệm cao / Tín nhiệm / Tín nhiệm thấp, Cao / TN /
 * Thấp, 1 / 2 / 3). That row holds nothing else but a title merged down, or the title of a
 * column the first row leaves empty ("STT" under an empty cell).
 * By the name's column; empty when the sheet has no such row.
 */
function boxGroups(texts: readonly string[], levels: Row | undefined): Map<number, BoxGroup> {
  const groups = new Map<number, BoxGroup>();
  if (levels === undefined) return groups;
  const below = levels.cells.map(headerText);
  const levelAt = (col: number): number | null => {
    const text = below[col] ?? '';
    if (text === '') return null;
    const d = decodeCell(text);
    return d.ok && d.reading.kind === 'mark' ? lineCode(d.reading) : null;
  };
  for (let col = 0; col < texts.length; col++) {
    const name = texts[col] ?? '';
    if (name === '' || ballotColumn(name) !== null) continue;
    const rest = [texts[col + 1] ?? '', texts[col + 2] ?? ''];
    if (!rest.every((t) => t === '' || t === name)) continue;
    const codes = [levelAt(col), levelAt(col + 1), levelAt(col + 2)];
    if (codes.some((c) => c === null) || new Set(codes).size !== 3) continue;
    groups.set(col, { cols: [col, col + 1, col + 2], codes: codes as [number, number, number], titles: [below[col], below[col + 1], below[col + 2]] as [string, string, string] });
    col += 2;
  }
  if (groups.size === 0) return groups;
  // Anything else in the row of level names: it is not one.
  const boxes = new Set([...groups.values()].flatMap((g) => [...g.cols]));
  const ok = below.every((t, col) => t === '' || boxes.has(col) || t === (texts[col] ?? '') || (texts[col] ?? '') === '');
  return ok ? groups : new Map();
}

/**
 * A level's name used as a row's label under the ballots ("Tín nhiệm cao:", "Số phiếu tín
 * nhiệm thấp", "Tổng số phiếu tín nhiệm: 12"): the label, or null.
 */
export function levelLabel(text: string): string | null {
  const f = fold(text);
  return LEVEL_LABEL.test(f) ? clean(text) : null;
}
const LEVEL_LABEL = /^(?:(?:tong )?so (?:phieu|nguoi)(?: dat)? |t[yi] le (?:phieu )?)?(?:muc )?(?:tin nhiem(?: cao| thap)?|cao|thap)(?:\s*\(%\))?(?:\s*[:.]?\s*\d*\s*(?:phieu|%)?)?$/u;

/** Digits that are a valid ballot code (1, 2, 3, 0, 13, 123): they could be a mark. */
function isPlainCode(text: string): boolean {
  if (!isDigits(text)) return false;
  const d = decodeCell(text);
  return d.ok;
}

export function isDigits(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x30 || c > 0x39) return false;
  }
  return text.length > 0;
}
