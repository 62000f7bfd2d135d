// Ballots in the wide layout (SPEC §2.4): one row per ballot, one column per leader.
//
// The reading rules: a row is a ballot unless there is positive evidence that it is not —
// evidence no ballot can carry. Every row set aside is reported with its reason, and every
// error about a ballot names its number. `tally`, `check` and `reconcile` all read through here.
import { addProblems, problem, type Problem } from '../model/problem.js';
import type { Cadre, Location } from '../model/types.js';
import { ballotKey } from '../model/ballot-number.js';
import { clean, fold } from '../model/fold.js';
import { decodeCell } from '../model/codes.js';
import { cellText, columnLetter, isEmptyCell, isEmptyRow, type CellValue, type Row } from '../model/grid.js';
import { EMPTY, openRows, type RowBatch, type RowSource } from './source.js';
import { MISSING, NO_MARK, lineCode } from '../model/line-codes.js';
import type { BallotSheet } from '../model/sheet.js';
import type { Roster, RosterIndex } from '../model/roster-index.js';
import { DEFAULT_BALLOT_TYPE } from '../model/types.js';
import { ballotColumn, rosterColumn } from './vocabulary.js';
import { readVoidCell } from '../model/void-words.js';
import { decideBallotType } from './ballot-type.js';
import { ballotCellTotal, locator } from './sheet-read.js';
import { noNonBallot, type BallotSheetRead, type NonBallotKind, type RowAccounting, type TallyFor } from '../model/sheet.js';

/** Rows the header search looks at: titles above a header are a few rows, not pages. */
const HEADER_SEARCH_ROWS = 30;

/** One ballot row as typed, for a caller that compares entries (tally reconcile). */
export interface WideBallotCells {
  readonly number: string;
  readonly row: number;
  /** The cell of each of the ballot type's leaders, in roster order (null: no column). */
  readonly cells: readonly CellValue[];
  /** The void column's text ('' when empty or absent). */
  readonly voidText: string;
}

export interface WideOptions {
  /** Called once the header is read, with the leaders that have a column (their line: roster order within the type). */
  readonly onLeaders?: (leaders: readonly { readonly line: number; readonly cadre: Cadre; readonly header: string }[]) => void;
  /** Called with every row read as a ballot, counted or not. */
  readonly onBallot?: (ballot: WideBallotCells) => void;
}

export async function readWideBallots(source: RowSource, roster: Roster, tallyFor: TallyFor, options: WideOptions = {}): Promise<BallotSheetRead> {
  const problems: Problem[] = [];
  const where = locator(source);
  const nonBallot = noNonBallot();
  const { head, runs } = await openRows(source, HEADER_SEARCH_ROWS);

  const headerIndex = findHeaderRow(head, roster);
  const headerRow = head[headerIndex];
  if (headerRow === undefined) {
    const any = head.some((r) => !isEmptyRow(r));
    problems.push(problem(any ? 'missing-column' : 'no-ballots', 'error', where(head.find((r) => !isEmptyRow(r))?.row ?? 1), any ? { column: 'Số phiếu / họ tên, STT hoặc mã người được lấy phiếu', table: 'ballots' } : {}));
    let rowsRead = 0;
    for await (const run of runs(0)) rowsRead += run.batch.size - run.from;
    nonBallot.empty = rowsRead;
    return { ballotType: DEFAULT_BALLOT_TYPE, cadres: [], problems, accounting: account(source, rowsRead, 0, 0, nonBallot, 0), ballotsSeen: 0 };
  }
  // Rows above the header: titles (one warning for them all) and blank rows.
  const above = head.slice(0, headerIndex);
  for (const r of above) nonBallot[isEmptyRow(r) ? 'empty' : 'title']++;
  if (nonBallot.title > 0) {
    const titles = above.filter((r) => !isEmptyRow(r));
    problems.push(problem('non-ballot-row', 'warning', where((titles[0] as Row).row), { kind: 'title', count: titles.length, last: (titles.at(-1) as Row).row }));
  }
  nonBallot.header++;

  // Classify the fixed columns; every other headed column is a leader.
  let ballotCol: number | null = null;
  let voidCol: number | null = null;
  let typeCol: number | null = null;
  const candidates: { col: number; header: string }[] = [];
  const unheaded: number[] = [];
  const headerOf = (col: number) => clean(cellText(headerRow.cells[col] ?? null));
  headerRow.cells.forEach((c, col) => {
    const text = clean(cellText(c));
    if (text === '') return unheaded.push(col);
    const fixed = ballotColumn(text);
    if (fixed === 'ballot' && ballotCol === null) return (ballotCol = col);
    if (fixed === 'void' && voidCol === null) return (voidCol = col);
    if (fixed === 'ballot_type' && typeCol === null) return (typeCol = col);
    return candidates.push({ col, header: text });
  });

  const voidAt = (voidCol as number | null) ?? -1;

  // The sheet's ballot type: its name ("Phiếu <code>"), else a ballot_type column, else the
  // type whose leaders its headers name. One sheet holds one ballot type.
  const dataHead = head.slice(headerIndex + 1);
  const typeValues = typeCol === null ? [] : [...new Set(dataHead.map((r) => clean(cellText(r.cells[typeCol as number] ?? null))).filter((v) => v !== ''))];
  const ballotType = decideBallotType(
    roster,
    {
      sheetName: source.name,
      columnValues: typeCol === null ? null : { values: typeValues, location: where(headerRow.row, typeCol, headerOf(typeCol)) },
      leaderTexts: candidates.map((c) => c.header),
      location: where(headerRow.row),
    },
    problems,
  );

  const index = roster.forType(ballotType);
  const leaderCols = matchLeaders(candidates, index, roster, ballotType, (col, text) => where(headerRow.row, col, text), problems);
  const cadres = roster.cadres.filter((c) => c.ballotType === ballotType && c.excluded === null);
  const onSheet = new Set(leaderCols.map((l) => l.cadre));
  for (const c of cadres) {
    if (!onSheet.has(c)) problems.push(problem('missing-cadre', 'error', where(headerRow.row), { name: c.name, position: c.position }));
  }

  const tally = tallyFor(ballotType);
  const sheet: BallotSheet = { locate: (row) => where(row, ballotCol ?? undefined) };
  // Each leader column's line among the ballot type's lines.
  const lineOf = new Map(cadres.map((c, i) => [c.key, i]));
  const leaderColumns = Int32Array.from(leaderCols, (l) => l.col);
  const leaderLines = Int32Array.from(leaderCols, (l) => lineOf.get(l.cadre.key) as number);
  options.onLeaders?.(leaderCols.map((l, i) => ({ line: leaderLines[i] as number, cadre: l.cadre, header: l.header })));
  const headerWidth = headerRow.cells.length;
  const headerFolded = headerRow.cells.map((c) => fold(cellText(c)));
  /** Header texts that are evidence when a row repeats them: not numbers, not the void column's title. */
  const evidenceHeader = headerRow.cells.map((c, col) => col !== voidCol && typeof c === 'string' && !/^\s*\d+\s*$/.test(c) && c.trim() !== '');
  const leaderPositions = new Map(leaderCols.map((l) => [l.col, fold(l.cadre.position)]));
  const ballotHeader = ballotCol === null ? '' : (headerFolded[ballotCol] as string);
  const keyInfo = new KeyInfo(source);
  const cells = new RowCells(keyInfo);
  const codes = new Uint8Array(cadres.length);
  const raw: CellValue[] = new Array<CellValue>(cadres.length).fill(null);
  const badCells: { col: number; hint: string; value: string; suggestion?: string }[] = [];
  let rowsRead = headerIndex + 1;
  let counted = 0;
  let numbered = 0;
  let rejected = 0;
  let typeReported = false;
  let rowsWithErrors = 0;
  // Rows whose fate depends on what follows them: blank rows, and template rows holding only
  // their number (an error between typed ballots, unused after the last one).
  let pendingEmpty: number[] = [];
  let pendingUntyped: { row: number; number: string; text: string }[] = [];

  const setAside = (kind: NonBallotKind, rowNumber: number, value?: string) => {
    nonBallot[kind]++;
    // Blank rows just before a repeated header or a total row belong to it (a page break).
    nonBallot.empty += pendingEmpty.length;
    if (pendingEmpty.length > 0) problems.push(problem('non-ballot-row', 'warning', where(pendingEmpty[0] as number), { kind: 'empty', count: pendingEmpty.length, last: pendingEmpty.at(-1) as number }));
    pendingEmpty = [];
    problems.push(problem('non-ballot-row', 'warning', where(rowNumber), { kind }, value));
  };
  const flushBefore = () => {
    // Without ballot numbers, a blank row between ballots may be a lost ballot. A run of
    // blank rows is one problem, however long.
    for (const [first, last] of rowRuns(pendingEmpty)) {
      problems.push(problem('empty-row', ballotCol === null ? 'error' : 'warning', where(first), last === first ? {} : { count: last - first + 1, last }));
    }
    if (ballotCol === null) rejected += pendingEmpty.length;
    else nonBallot.empty += pendingEmpty.length;
    pendingEmpty = [];
    for (const u of pendingUntyped) {
      // Named as typed ("Thêm", "p7"); the tally keeps the number as it compares them.
      problems.push(problem('untyped-ballot', 'error', where(u.row, ballotCol ?? undefined, ballotCol === null ? undefined : headerOf(ballotCol), u.text), { ballot: u.text }));
      rowsWithErrors++;
      tally.reserve(u.number, sheet, u.row);
    }
    pendingUntyped = [];
  };

  for await (const { batch, from } of runs(headerIndex + 1)) {
    for (let i = from; i < batch.size; i++) {
      rowsRead++;
      const rowNumber = batch.rowNumber(i);
      cells.at(batch, i);

      // What the row holds: how many cells are not blank, and the first that is not.
      let nonBlank = 0;
      let firstCol = -1;
      const rowKeys = cells.keys;
      for (let col = 0; col < cells.width; col++) {
        const key = rowKeys[cells.first + col] as number;
        if (key === EMPTY) continue;
        if (key > 0) {
          let bits = key < keyInfo.bits.length ? (keyInfo.bits[key] as number) : 0;
          if (bits === 0) bits = keyInfo.of(key);
          if ((bits & BLANK) !== 0) continue;
        } else if (isEmptyCell(cells.value(col))) continue;
        if (firstCol < 0) firstCol = col;
        nonBlank++;
      }
      if (nonBlank === 0) {
        pendingEmpty.push(rowNumber);
        continue;
      }

      let number: string;
      if (ballotCol === null) {
        // Without a ballot column the row's first cell may hold a total row's label.
        const label = cellLabel(cells.value(firstCol));
        if (label !== null && countsOnly(cells, leaderColumns, firstCol)) {
          setAside('total', rowNumber, label);
          continue;
        }
        number = String(numbered + 1);
      } else {
        const numberCell = cells.value(ballotCol);
        const numberText = clean(cellText(numberCell));
        if (numberText !== '' && typeof numberCell === 'string' && !isDigits(numberText)) {
          // The ballot column's own header again: two pages pasted together.
          if (fold(numberText) === ballotHeader) {
            setAside('header', rowNumber, numberText);
            continue;
          }
          const label = ballotCellTotal(numberText);
          if (label !== null) {
            if (countsOnly(cells, leaderColumns, -1)) {
              setAside('total', rowNumber, label);
              continue;
            }
            // A total's label beside ballot codes: two readings, neither taken.
            problems.push(problem('bad-cell', 'error', where(rowNumber, ballotCol, headerOf(ballotCol)), { hint: 'total-or-ballot' }, numberText));
            rowsWithErrors++;
            continue;
          }
        }
        if (numberText === '') {
          if (positionsRow(cells, leaderPositions, ballotCol)) {
            setAside('header', rowNumber);
            continue;
          }
          flushBefore();
          problems.push(problem('missing-ballot-number', 'error', where(rowNumber, ballotCol, headerOf(ballotCol))));
          rejected++;
          continue;
        }
        if (typeof numberCell === 'number' && !Number.isInteger(numberCell)) {
          flushBefore();
          problems.push(problem('bad-cell', 'error', where(rowNumber, ballotCol, headerOf(ballotCol)), { hint: 'ballot-number' }, cellText(numberCell)));
          rejected++;
          continue;
        }
        number = ballotKey(numberText);
        // A template row holding only its number is not typed yet.
        if (nonBlank === 1) {
          pendingUntyped.push({ row: rowNumber, number, text: numberText });
          continue;
        }
      }

      // The row as a ballot: each leader's cell decoded, problems held until the row is known
      // to be one (a row repeating the header is not).
      badCells.length = 0;
      codes.fill(MISSING);
      const { keys, first, width } = cells;
      const known = keyInfo.bits;
      for (let l = 0; l < leaderColumns.length; l++) {
        const col = leaderColumns[l] as number;
        const key = col < width ? (keys[first + col] as number) : EMPTY;
        const bits = key > 0 && key < known.length ? (known[key] as number) : 0;
        let code = key === EMPTY ? NO_MARK : bits !== 0 ? bits & CODE : key > 0 ? keyInfo.code(key) : MISSING;
        if (code === MISSING) {
          const value = cells.value(col);
          const d = decodeCell(value);
          if (d.ok) code = lineCode(d.reading);
          else badCells.push({ col, hint: d.hint, value: cellText(value), ...(d.suggestion === undefined ? {} : { suggestion: d.suggestion }) });
        }
        codes[leaderLines[l] as number] = code;
      }
      if (ballotCol === null && badCells.length > 0) {
        // Without a ballot column, a row that repeats the header (or gives the positions under
        // the names) is recognised by its leader cells: each holds its own column's header.
        if (repeatsHeader(cells, headerFolded, evidenceHeader) || positionsRow(cells, leaderPositions, null)) {
          setAside('header', rowNumber);
          continue;
        }
      }
      flushBefore();
      if (ballotCol === null) number = String(++numbered);
      const at = (col?: number, header?: string) => where(rowNumber, col, header, number);

      if (typeCol !== null && !typeReported) {
        const t = clean(cellText(cells.value(typeCol)));
        if (t !== '' && !typeValues.includes(t)) {
          problems.push(problem('mixed-ballot-types', 'error', at(typeCol, headerOf(typeCol)), { types: [...typeValues, t] }));
          typeReported = true;
        }
      }
      let rowOk = badCells.length === 0;
      for (const b of badCells) {
        const header = headerOf(b.col);
        problems.push(problem('bad-cell', 'error', at(b.col, header), { hint: b.hint, ballot: number, ...(b.suggestion === undefined ? {} : { suggestion: b.suggestion }) }, b.value));
      }
      let voidReason: string | null = null;
      const voidText = voidCol === null ? '' : clean(cellText(cells.value(voidCol)));
      const voidReading = readVoidCell(voidText);
      switch (voidReading.kind) {
        case 'none':
          break;
        case 'refused':
          problems.push(problem('bad-cell', 'error', at(voidAt, headerOf(voidAt)), { hint: `void-${voidReading.why}`, ballot: number }, voidText));
          rowOk = false;
          break;
        case 'blank':
          // A blank ballot has no mark on any line; marks beside "trắng" contradict it.
          if (codes.some((c) => c !== NO_MARK)) {
            problems.push(problem('bad-cell', 'error', at(voidAt, headerOf(voidAt)), { hint: 'blank-with-marks', ballot: number }, voidText));
            rowOk = false;
          }
          break;
        case 'void':
          voidReason = voidReading.reason;
          break;
      }
      for (const col of unheaded) {
        if (!cells.blank(col)) {
          problems.push(problem('bad-cell', 'error', at(col), { hint: 'no-header', ballot: number }, cellText(cells.value(col))));
          rowOk = false;
        }
      }
      for (let col = headerWidth; col < cells.width; col++) {
        if (!cells.blank(col)) {
          problems.push(problem('bad-cell', 'error', at(col), { hint: 'no-header', ballot: number }, cellText(cells.value(col))));
          rowOk = false;
        }
      }
      if (options.onBallot !== undefined) {
        raw.fill(null);
        for (let l = 0; l < leaderColumns.length; l++) raw[leaderLines[l] as number] = cells.value(leaderColumns[l] as number);
        options.onBallot({ number, row: rowNumber, cells: raw.slice(), voidText });
      }
      if (!rowOk) {
        rowsWithErrors++;
        tally.reserve(number, sheet, rowNumber);
        continue;
      }
      // The tally refuses a number it has seen, in this sheet or another of the type.
      if (tally.addCodes(number, voidReason, codes, sheet, rowNumber)) counted++;
      else rejected++;
    }
  }
  // After the last ballot: numbered rows never typed are unused; blank rows are trailing. Said
  // in the order of their rows.
  const tail: Problem[] = [];
  if (pendingUntyped.length > 0) {
    nonBallot.unused += pendingUntyped.length;
    // Numbers written in advance are unused ballots; a line of words under the table
    // ("Người nhập: Nguyễn Thị Hòa") is a note, said as typed, each where it is.
    const numbered = pendingUntyped.filter((u) => ballotNumberLike(u.text));
    const first = numbered[0];
    const last = numbered.at(-1);
    if (first !== undefined && last !== undefined) tail.push(problem('non-ballot-row', 'warning', where(first.row), { kind: 'unused', count: numbered.length, last: last.row, from: first.text, to: last.text }));
    for (const u of pendingUntyped) if (!ballotNumberLike(u.text)) tail.push(problem('non-ballot-row', 'warning', where(u.row), { kind: 'unused', note: u.text }));
  }
  if (pendingEmpty.length > 0) {
    nonBallot.empty += pendingEmpty.length;
    tail.push(problem('trailing-empty-rows', 'warning', where(pendingEmpty[0] ?? 1), { count: pendingEmpty.length }));
  }
  addProblems(problems, tail.sort((a, b) => (a.location.row ?? 0) - (b.location.row ?? 0)));
  return { ballotType, cadres, problems, accounting: account(source, rowsRead, counted, rowsWithErrors, nonBallot, rejected), ballotsSeen: counted + rowsWithErrors };
}

/**
 * The header: the first row, among the first few, in which most non-empty cells name roster
 * leaders or fixed columns. A plain code (1, 2, 3) that is also somebody's STT or id counts
 * for neither reading, so a ballot row is never taken for the header. When no row qualifies,
 * the first row that can only be a header: one of distinct numbers that all name somebody (STT
 * headers), or one of at least two distinct texts that are not codes (a header whose names the
 * roster does not know — each is then reported with the closest names). -1 when there is none.
 */
export function findHeaderRow(head: readonly Row[], roster: Roster): number {
  let fallback = -1;
  for (let i = 0; i < head.length; i++) {
    let named = 0;
    let neutral = 0;
    const texts = new Set<string>();
    const values: string[] = [];
    for (const c of (head[i] as Row).cells) {
      const text = clean(cellText(c));
      if (text === '') continue;
      values.push(text);
      if (ballotColumn(text) !== null) named++;
      else if (roster.all.names(text)) {
        if (isPlainCode(text)) neutral++;
        else named++;
      }
      if (!isDigits(text) && !decodeCell(text).ok) texts.add(fold(text));
    }
    if (values.length === 0) continue;
    if (named > 0 && named * 2 > values.length - neutral) return i;
    if (fallback >= 0) continue;
    const numbersOnly = neutral > 0 && named + neutral === values.length && new Set(values).size === values.length;
    if (numbersOnly || texts.size >= 2) fallback = i;
  }
  return fallback;
}

/** Digits that are a valid ballot code (1, 2, 3, 0, 13, 123): they could be a mark. */
function isPlainCode(text: string): boolean {
  if (!isDigits(text)) return false;
  const d = decodeCell(text);
  return d.ok;
}

function isDigits(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x30 || c > 0x39) return false;
  }
  return text.length > 0;
}

/** Each headed column matched to one leader of the ballot type; every problem reported. */
function matchLeaders(
  candidates: readonly { col: number; header: string }[],
  index: RosterIndex,
  roster: Roster,
  ballotType: string,
  at: (col: number, text: string) => Location,
  problems: Problem[],
): { col: number; cadre: Cadre; header: string }[] {
  const leaderCols: { col: number; cadre: Cadre; header: string }[] = [];
  for (const { col, header: text } of candidates) {
    const m = index.match(text);
    const loc = at(col, text);
    switch (m.kind) {
      case 'exact':
      case 'without-diacritics': {
        if (m.kind === 'without-diacritics') problems.push(problem('name-without-diacritics', 'warning', loc, { name: m.cadre.name }, text));
        if (m.otherPosition !== undefined) problems.push(problem('position-mismatch', 'warning', loc, { name: m.cadre.name, position: m.cadre.position, written: m.otherPosition }, text));
        if (m.cadre.excluded !== null) {
          problems.push(problem('excluded-on-ballot', 'error', loc, { name: m.cadre.name, reason: m.cadre.excluded }, text));
          break;
        }
        const dup = leaderCols.find((l) => l.cadre === m.cadre);
        if (dup !== undefined) {
          problems.push(problem('duplicate-cadre-column', 'error', loc, { name: m.cadre.name, otherColumn: columnLetter(dup.col) }, text));
          break;
        }
        leaderCols.push({ col, cadre: m.cadre, header: text });
        break;
      }
      case 'ambiguous':
        problems.push(problem('ambiguous-name', 'error', loc, { candidates: m.candidates.map(describe) }, text));
        break;
      case 'unknown': {
        // A leader of another ballot type on this sheet is a different mistake from a typo.
        const elsewhere = roster.all.match(text);
        if (elsewhere.kind === 'exact' || elsewhere.kind === 'without-diacritics') {
          problems.push(problem('mixed-ballot-types', 'error', loc, { types: [elsewhere.cadre.ballotType, ballotType] }, text));
        } else {
          // A roster's own column (STT, Họ và tên, Đơn vị) or a notes column on the ballot sheet.
          const column = rosterColumn(text);
          const notHere = column === 'stt' ? 'stt' : column !== null || NOTES.has(fold(text)) ? 'other' : null;
          problems.push(problem('unknown-cadre', 'error', loc, { suggestions: notHere === null ? m.suggestions.map(describe) : [], ...(notHere === null ? {} : { notHere }) }, text));
        }
        break;
      }
    }
  }
  return leaderCols;
}

/** Columns of notes a clerk may keep beside the ballots: not leaders. */
const NOTES = new Set(['ghi chu', 'chu thich', 'note', 'notes', 'nhan xet']);

/** A total row's label in a cell, or null. */
function cellLabel(value: CellValue): string | null {
  return typeof value === 'string' ? ballotCellTotal(value) : null;
}

const COUNT = /^[\d\s.,%()]+$/;

/** Whether every leader cell (but `except`) is empty or a count: what a total row holds. */
function countsOnly(cells: RowCells, leaderColumns: Int32Array, except: number): boolean {
  for (const col of leaderColumns) {
    if (col === except || cells.blank(col)) continue;
    const v = cells.value(col);
    if (typeof v === 'number') continue;
    if (typeof v !== 'string' || !COUNT.test(v)) return false;
  }
  return true;
}

/** Every non-empty cell holds its own column's header text, and one of those headers is evidence (a name, not a number). */
function repeatsHeader(cells: RowCells, headerFolded: readonly string[], evidence: readonly boolean[]): boolean {
  let any = false;
  for (let col = 0; col < cells.width; col++) {
    if (cells.blank(col)) continue;
    if (fold(cellText(cells.value(col))) !== headerFolded[col]) return false;
    any ||= evidence[col] === true;
  }
  return any;
}

/** A second header row giving each leader's position: every non-empty cell is its leader's roster position. */
function positionsRow(cells: RowCells, positions: ReadonlyMap<number, string>, ballotCol: number | null): boolean {
  let any = false;
  for (let col = 0; col < cells.width; col++) {
    if (col === ballotCol || cells.blank(col)) continue;
    const position = positions.get(col);
    const v = cells.value(col);
    if (position === undefined || typeof v !== 'string' || fold(v) !== position) return false;
    any = true;
  }
  return any;
}

/** Runs of consecutive row numbers, as [first, last]. */
function* rowRuns(rows: readonly number[]): Generator<[number, number]> {
  let i = 0;
  while (i < rows.length) {
    const first = rows[i] as number;
    let last = first;
    while (rows[i + 1] === last + 1) last = rows[++i] as number;
    yield [first, last];
    i++;
  }
}

/** One row of a batch: its cells' keys, and the cells without a key read at most once. */
class RowCells {
  private batch: RowBatch | null = null;
  private i = 0;
  keys: Int32Array = new Int32Array(0);
  first = 0;
  width = 0;
  private readonly values: CellValue[] = [];
  private readonly known: number[] = [];
  private generation = 0;

  constructor(private readonly info: KeyInfo) {}

  at(batch: RowBatch, i: number): void {
    this.batch = batch;
    this.keys = batch.keys;
    this.i = i;
    this.first = batch.start(i);
    this.width = batch.start(i + 1) - this.first;
    this.generation++;
  }

  key(col: number): number {
    return col < this.width ? (this.keys[this.first + col] as number) : EMPTY;
  }

  value(col: number): CellValue {
    if (col < 0 || col >= this.width) return null;
    if (this.known[col] !== this.generation) {
      this.values[col] = (this.batch as RowBatch).cell(this.i, col);
      this.known[col] = this.generation;
    }
    return this.values[col] as CellValue;
  }

  blank(col: number): boolean {
    const key = this.key(col);
    if (key === EMPTY) return true;
    return key > 0 ? this.info.blank(key) : isEmptyCell(this.value(col));
  }
}

/**
 * What the wide layout needs to know of an interned value, worked out once per key: whether it
 * is blank, and its line code when it is a valid ballot mark (MISSING otherwise: the cell is
 * then decoded again for its message).
 */
class KeyInfo {
  /** Each key's bits once worked out (0 before). */
  bits = new Uint8Array(256);

  constructor(private readonly source: RowSource) {}

  blank(key: number): boolean {
    return (this.of(key) & BLANK) !== 0;
  }

  code(key: number): number {
    return this.of(key) & CODE;
  }

  of(key: number): number {
    const known = key < this.bits.length ? (this.bits[key] as number) : 0;
    if (known !== 0) return known;
    if (key >= this.bits.length) {
      const next = new Uint8Array(Math.max(key + 1, this.bits.length * 2));
      next.set(this.bits);
      this.bits = next;
    }
    const v = this.source.value(key);
    const blank = isEmptyCell(v);
    const d = decodeCell(v);
    const bits = SEEN | (blank ? BLANK : 0) | (d.ok ? lineCode(d.reading) : MISSING);
    this.bits[key] = bits;
    return bits;
  }
}

const SEEN = 0x80;
const BLANK = 0x40;
const CODE = 0x0f;

function account(source: RowSource, rowsRead: number, ballots: number, rowsWithErrors: number, nonBallot: Record<NonBallotKind, number>, rejected: number): RowAccounting {
  return { file: source.file, sheet: source.name, layout: 'wide', rowsRead, countedRows: ballots, ballots, rowsWithErrors, nonBallot, rejected };
}

function describe(c: Cadre): string {
  return [c.stt === null ? null : `${c.stt}.`, c.name, `(${c.position}${c.id === null ? '' : `, ${c.id}`})`]
    .filter((p) => p !== null)
    .join(' ');
}

/**
 * Whether a ballot-number cell reads as a number a clerk writes in advance — it has a digit and
 * at most one word of letters (12, 012, 12A, A 12, P-003/2023, Phiếu 3, 001-BCH) — rather than
 * words: a note under the table ("Người nhập: Nguyễn Thị Hòa", "Tổ 2 nhập").
 */
function ballotNumberLike(text: string): boolean {
  return /\d/.test(text) && (text.match(/\p{L}{2,}/gu) ?? []).length <= 1;
}
