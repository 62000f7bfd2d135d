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
import { MISSING, MULTIPLE_MARKS, NO_MARK, lineCode } from '../model/line-codes.js';
import type { BallotSheet } from '../model/sheet.js';
import type { Roster, RosterIndex } from '../model/roster-index.js';
import { DEFAULT_BALLOT_TYPE } from '../model/types.js';
import { ballotColumn, rosterColumn } from './vocabulary.js';
import { isTick, readVoidCell } from '../model/void-words.js';
import { analyseHeader, headerText, isDigits, levelLabel, type BoxGroup, type HeaderSearch, type LeaderHeader } from './wide-header.js';
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

  const search = analyseHeader(head, roster);
  if (search.kind !== 'found') return withoutHeader(search, head, runs, source, roster, problems);
  const layout = search.layout;
  const headerIndex = layout.index;
  const headerRow = head[headerIndex] as Row;
  // Rows above the header: titles (one warning for them all) and blank rows.
  const above = head.slice(0, headerIndex);
  for (const r of above) nonBallot[isEmptyRow(r) ? 'empty' : 'title']++;
  if (nonBallot.title > 0) {
    const titles = above.filter((r) => !isEmptyRow(r));
    problems.push(problem('non-ballot-row', 'warning', where((titles[0] as Row).row), { kind: 'title', count: titles.length, last: (titles.at(-1) as Row).row }));
  }
  nonBallot.header += layout.rows;

  const { ballotCol, voidCol, typeCol, candidates, unheaded } = layout;
  const headerOf = (col: number) => clean(cellText(headerRow.cells[col] ?? null));

  const voidAt = (voidCol as number | null) ?? -1;

  // The sheet's ballot type: its name ("Phiếu <code>"), else a ballot_type column, else the
  // type whose leaders its headers name. One sheet holds one ballot type.
  const dataHead = head.slice(headerIndex + layout.rows);
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
  const leaderBoxes = leaderCols.map((l) => l.boxes);
  /** Every column a leader's cells take (three for a leader with boxes). */
  const leaderCells = Int32Array.from(leaderCols.flatMap((l) => (l.boxes === null ? [l.col] : [...l.boxes.cols])));
  options.onLeaders?.(leaderCols.map((l, i) => ({ line: leaderLines[i] as number, cadre: l.cadre, header: l.header })));
  const headerWidth = Math.max(headerRow.cells.length, ...leaderCells.map((c) => c + 1));
  const headerFolded = headerRow.cells.map((c) => fold(cellText(c)));
  /** Header texts that are evidence when a row repeats them: not numbers, not the void column's title. */
  const evidenceHeader = headerRow.cells.map((c, col) => col !== voidCol && typeof c === 'string' && !/^\s*\d+\s*$/.test(c) && c.trim() !== '');
  const leaderPositions = new Map(leaderCols.map((l) => [l.col, fold(l.cadre.position)]));
  const keyInfo = new KeyInfo(source);
  const cells = new RowCells(keyInfo);
  const boxTitles = new Map(leaderBoxes.flatMap((b) => (b === null ? [] : b.cols.map((c, k) => [c, fold(b.titles[k] as string)] as const))));
  const rows: RowContext = { cells, keyInfo, ballotCol, ballotHeader: ballotCol === null ? '' : (headerFolded[ballotCol] as string), leaderCells, leaderPositions, boxTitles };
  // Without a ballot column, a ballot is named by file, sheet and row: the numbers it is
  // counted under are this sheet's own, never compared with another file's or sheet's.
  const unnumbered = `${source.file.split(/[\\/]/).at(-1) ?? ''}${source.name === null ? '' : `!${source.name}`}#`;
  const leaders: SheetLeaders = { columns: leaderColumns, lines: leaderLines, boxes: leaderBoxes, headers: leaderCols.map((l) => l.header) };
  const codes = new Uint8Array(cadres.length);
  const raw: CellValue[] = new Array<CellValue>(cadres.length).fill(null);
  const badCells: BadCell[] = [];
  let rowsRead = headerIndex + layout.rows;
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

  for await (const { batch, from } of runs(headerIndex + layout.rows)) {
    for (let i = from; i < batch.size; i++) {
      rowsRead++;
      const rowNumber = batch.rowNumber(i);
      cells.at(batch, i);

      const kind = classifyRow(rows);
      let number: string;
      switch (kind.kind) {
        case 'empty':
          pendingEmpty.push(rowNumber);
          continue;
        case 'set-aside':
          setAside(kind.why, rowNumber, kind.value);
          continue;
        case 'total-or-ballot':
          // A total's label beside ballot codes: two readings, neither taken.
          problems.push(problem('bad-cell', 'error', where(rowNumber, ballotCol as number, headerOf(ballotCol as number)), { hint: kind.hint }, kind.text));
          rowsWithErrors++;
          continue;
        case 'missing-number':
          flushBefore();
          problems.push(problem('missing-ballot-number', 'error', where(rowNumber, ballotCol as number, headerOf(ballotCol as number))));
          rejected++;
          continue;
        case 'bad-number':
          flushBefore();
          problems.push(problem('bad-cell', 'error', where(rowNumber, ballotCol as number, headerOf(ballotCol as number)), { hint: 'ballot-number' }, kind.text));
          rejected++;
          continue;
        case 'untyped':
          pendingUntyped.push({ row: rowNumber, number: kind.number, text: kind.text });
          continue;
        case 'ballot':
          number = kind.number ?? '';
          break;
        default:
          return kind satisfies never;
      }

      // The row as a ballot: each leader's cell decoded, problems held until the row is known
      // to be one (a row repeating the header is not).
      badCells.length = 0;
      decodeLeaders(cells, keyInfo, leaders, codes, badCells);
      if (ballotCol === null && badCells.length > 0) {
        // Without a ballot column, a row that repeats the header (or gives the positions under
        // the names) is recognised by its leader cells: each holds its own column's header.
        if (repeatsHeader(cells, headerFolded, evidenceHeader) || positionsRow(cells, leaderPositions, null) || levelsRow(cells, boxTitles, null)) {
          setAside('header', rowNumber);
          continue;
        }
      }
      flushBefore();
      if (ballotCol === null) number = String(++numbered);
      const ballot = ballotCol === null ? undefined : number;
      const tallyNumber = ballotCol === null ? `${unnumbered}${number}` : number;
      const at = (col?: number, header?: string) => where(rowNumber, col, header, ballot);
      const onBallot = ballot === undefined ? {} : { ballot };

      if (typeCol !== null && !typeReported) {
        const t = clean(cellText(cells.value(typeCol)));
        if (t !== '' && !typeValues.includes(t)) {
          problems.push(problem('mixed-ballot-types', 'error', at(typeCol, headerOf(typeCol)), { types: [...typeValues, t] }));
          typeReported = true;
        }
      }
      let rowOk = badCells.length === 0;
      for (const b of badCells) {
        const header = b.header ?? headerOf(b.col);
        problems.push(problem('bad-cell', 'error', at(b.col, header), { hint: b.hint, ...onBallot, ...(b.suggestion === undefined ? {} : { suggestion: b.suggestion }) }, b.value));
      }
      let voidReason: string | null = null;
      const voidText = voidCol === null ? '' : clean(cellText(cells.value(voidCol)));
      const voidReading = readVoidCell(voidText);
      switch (voidReading.kind) {
        case 'none':
          break;
        case 'refused':
          problems.push(problem('bad-cell', 'error', at(voidAt, headerOf(voidAt)), { hint: `void-${voidReading.why}`, ...onBallot }, voidText));
          rowOk = false;
          break;
        case 'blank':
          // A blank ballot has no mark on any line; marks beside "trắng" contradict it.
          if (codes.some((c) => c !== NO_MARK)) {
            problems.push(problem('bad-cell', 'error', at(voidAt, headerOf(voidAt)), { hint: 'blank-with-marks', ...onBallot }, voidText));
            rowOk = false;
          }
          break;
        case 'void':
          voidReason = voidReading.reason;
          break;
      }
      for (const col of unheaded) {
        if (!cells.blank(col)) {
          problems.push(problem('bad-cell', 'error', at(col), { hint: 'no-header', ...onBallot }, cellText(cells.value(col))));
          rowOk = false;
        }
      }
      for (let col = headerWidth; col < cells.width; col++) {
        if (!cells.blank(col)) {
          problems.push(problem('bad-cell', 'error', at(col), { hint: 'no-header', ...onBallot }, cellText(cells.value(col))));
          rowOk = false;
        }
      }
      if (options.onBallot !== undefined) {
        raw.fill(null);
        for (let l = 0; l < leaderColumns.length; l++) {
          const boxes = leaderBoxes[l] as BoxGroup | null;
          // A leader's boxes stand for one cell: the levels ticked, as their codes.
          raw[leaderLines[l] as number] = boxes === null ? cells.value(leaderColumns[l] as number) : boxesAsCell(cells, boxes);
        }
        options.onBallot({ number, row: rowNumber, cells: raw.slice(), voidText });
      }
      if (!rowOk) {
        rowsWithErrors++;
        tally.reserve(tallyNumber, sheet, rowNumber);
        continue;
      }
      // The tally refuses a number it has seen, in this sheet or another of the type.
      if (tally.addCodes(tallyNumber, voidReason, codes, sheet, rowNumber)) counted++;
      else rejected++;
    }
  }
  addProblems(problems, afterLastBallot(pendingUntyped, pendingEmpty, nonBallot, where));
  return { ballotType, cadres, problems, accounting: account(source, rowsRead, counted, rowsWithErrors, nonBallot, rejected), ballotsSeen: counted + rowsWithErrors };
}

/**
 * The rows after the last ballot: numbered rows never typed are unused; blank rows are
 * trailing. Counted in `nonBallot`, and said in the order of their rows.
 */
function afterLastBallot(pendingUntyped: readonly { row: number; text: string }[], pendingEmpty: readonly number[], nonBallot: Record<NonBallotKind, number>, where: (row: number) => Location): Problem[] {
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
  return tail.sort((a, b) => (a.location.row ?? 0) - (b.location.row ?? 0));
}

/**
 * A sheet whose header cannot be found (SPEC §2.4): the error is about the header — each cell
 * of the row that looks most like one (else the first non-empty row) with the closest roster
 * entries — and no row is read as a ballot.
 */
async function withoutHeader(
  search: Exclude<HeaderSearch, { kind: 'found' }>,
  head: readonly Row[],
  runs: (skip: number) => AsyncGenerator<{ batch: RowBatch; from: number }>,
  source: RowSource,
  roster: Roster,
  problems: Problem[],
): Promise<BallotSheetRead> {
  const where = locator(source);
  const nonBallot = noNonBallot();
  if (search.kind === 'none') problems.push(problem('no-ballots', 'error', where(1), {}));
  else {
    const row = head[search.index] as Row;
    const before = problems.length;
    row.cells.forEach((c, col) => {
      const text = headerText(c);
      if (text === '' || ballotColumn(text) !== null) return;
      const m = roster.all.match(text);
      const loc = where(row.row, col, text);
      if (m.kind === 'ambiguous') problems.push(problem('ambiguous-name', 'error', loc, { candidates: m.candidates.map(describe) }, text));
      else if (m.kind === 'unknown') problems.push(problem('unknown-cadre', 'error', loc, { suggestions: m.suggestions.map(describe) }, text));
    });
    if (problems.length === before) problems.push(problem('missing-column', 'error', where(row.row), { column: 'Số phiếu / họ tên, STT hoặc mã người được lấy phiếu', table: 'ballots' }));
  }
  // Every row accounted for: blank rows set aside, the others not read as ballots.
  let rowsRead = 0;
  let rejected = 0;
  for await (const run of runs(0)) {
    for (let i = run.from; i < run.batch.size; i++) {
      rowsRead++;
      if (isEmptyRow(run.batch.row(i))) nonBallot.empty++;
      else rejected++;
    }
  }
  return { ballotType: DEFAULT_BALLOT_TYPE, cadres: [], problems, accounting: account(source, rowsRead, 0, 0, nonBallot, rejected), ballotsSeen: 0 };
}

/** What a row under the header is, before its cells are decoded. */
type RowKind =
  | { readonly kind: 'empty' }
  | { readonly kind: 'set-aside'; readonly why: NonBallotKind; readonly value?: string }
  | { readonly kind: 'total-or-ballot'; readonly text: string; readonly hint: 'total-or-ballot' | 'label-or-ballot' }
  | { readonly kind: 'missing-number' }
  | { readonly kind: 'bad-number'; readonly text: string }
  /** A template row holding only its number: not typed yet. */
  | { readonly kind: 'untyped'; readonly number: string; readonly text: string }
  /** A ballot, with its number (null without a ballot column: numbered when it is known to be one). */
  | { readonly kind: 'ballot'; readonly number: string | null };

interface RowContext {
  readonly cells: RowCells;
  readonly keyInfo: KeyInfo;
  readonly ballotCol: number | null;
  /** The ballot column's header, folded. */
  readonly ballotHeader: string;
  /** Every column a leader's cells take. */
  readonly leaderCells: Int32Array;
  readonly leaderPositions: ReadonlyMap<number, string>;
  /** Each box's level title, folded, by column (a sheet of three boxes per leader). */
  readonly boxTitles: ReadonlyMap<number, string>;
}

const EMPTY_ROW: RowKind = { kind: 'empty' };
const UNNUMBERED: RowKind = { kind: 'ballot', number: null };

/** The row at `ctx.cells`: blank, set aside on positive evidence, refused, or a ballot. */
function classifyRow(ctx: RowContext): RowKind {
  const { cells, keyInfo, ballotCol } = ctx;
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
  if (nonBlank === 0) return EMPTY_ROW;

  if (ballotCol === null) {
    // Without a ballot column the row's first cell may hold a total row's label.
    const total = footerLabel(cells, firstCol, ctx.leaderCells);
    return total === null ? UNNUMBERED : { kind: 'set-aside', why: 'total', value: total };
  }
  const numberCell = cells.value(ballotCol);
  const numberText = clean(cellText(numberCell));
  if (numberText !== '' && typeof numberCell === 'string' && !isDigits(numberText)) {
    // The ballot column's own header again: two pages pasted together.
    if (fold(numberText) === ctx.ballotHeader) return { kind: 'set-aside', why: 'header', value: numberText };
    const total = footerLabel(cells, ballotCol, ctx.leaderCells);
    if (total !== null) return { kind: 'set-aside', why: 'total', value: total };
    if (ballotCellTotal(numberText) !== null) return { kind: 'total-or-ballot', text: numberText, hint: 'total-or-ballot' };
    // A level's name as a ballot's number ("Tín nhiệm cao" over counts that read as codes): a
    // count row or a ballot, and nothing tells which — said, never counted (SPEC §2.4).
    if (/^\s*\p{L}/u.test(numberText) && levelLabel(numberText) !== null) return { kind: 'total-or-ballot', text: numberText, hint: 'label-or-ballot' };
  }
  if (numberText === '') return positionsRow(cells, ctx.leaderPositions, ballotCol) || levelsRow(cells, ctx.boxTitles, ballotCol) ? { kind: 'set-aside', why: 'header' } : { kind: 'missing-number' };
  if (typeof numberCell === 'number' && !Number.isInteger(numberCell)) return { kind: 'bad-number', text: cellText(numberCell) };
  const number = ballotKey(numberText);
  return nonBlank === 1 ? { kind: 'untyped', number, text: numberText } : { kind: 'ballot', number };
}

/**
 * A total row's label in the cell at `col`, or null (SPEC §2.4): a total's label ("Tổng",
 * "Cộng") with the leader cells empty or counts; or a level's name ("Tín nhiệm cao:") with the
 * leader cells counts of which one at least is a formula or a count no code reads — evidence
 * no typed ballot carries.
 */
function footerLabel(cells: RowCells, col: number, leaderCells: Int32Array): string | null {
  const value = cells.value(col);
  if (typeof value !== 'string') return null;
  const total = ballotCellTotal(value);
  if (total !== null) return countsOnly(cells, leaderCells, col) === null ? null : total;
  // Most first cells are codes: a label starts with a letter.
  const level = /^\s*\p{L}/u.test(value) ? levelLabel(value) : null;
  if (level === null) return null;
  return countsOnly(cells, leaderCells, col) === 'counted' ? level : null;
}

/** What a count typed as text looks like. */
const COUNT = /^[\d\s.,%()]+$/;

/**
 * Whether every leader cell (but `except`) is empty, a count or a formula — what a total row
 * holds: null when not; 'counted' when one at least is a formula or a whole number that no
 * code reads (a count, never a mark); else 'counts'.
 */
function countsOnly(cells: RowCells, leaderCells: Int32Array, except: number): 'counts' | 'counted' | null {
  let evidence = false;
  for (const col of leaderCells) {
    if (col === except || cells.blank(col)) continue;
    const v = cells.value(col);
    if (cells.formula(col) || (typeof v === 'string' && v.startsWith('='))) {
      evidence = true;
      continue;
    }
    if (typeof v === 'number') {
      evidence ||= Number.isInteger(v) && v >= 0 && !decodeCell(v).ok;
      continue;
    }
    if (typeof v !== 'string' || !COUNT.test(v)) return null;
    // "17", "45,5%": no code reads them.
    evidence ||= /\d/.test(v) && !decodeCell(v).ok;
  }
  return evidence ? 'counted' : 'counts';
}

/** The leaders' cells of a sheet: each one's column, line among the type's lines, boxes and header. */
interface SheetLeaders {
  readonly columns: Int32Array;
  readonly lines: Int32Array;
  readonly boxes: readonly (BoxGroup | null)[];
  readonly headers: readonly string[];
}

/** A leader cell that no rule reads, held until its row is known to be a ballot. */
interface BadCell {
  readonly col: number;
  readonly hint: string;
  readonly value: string;
  /** The box's name, for a leader's box ("Nguyễn Văn An / Tín nhiệm thấp"). */
  readonly header?: string;
  readonly suggestion?: string;
}

/**
 * Each leader's cell (or boxes) of the row at `cells` as its line code, into `codes` by line;
 * a cell no rule reads is MISSING and goes to `bad`. Decided once per interned value.
 */
function decodeLeaders(cells: RowCells, keyInfo: KeyInfo, leaders: SheetLeaders, codes: Uint8Array, bad: BadCell[]): void {
  codes.fill(MISSING);
  const { keys, first, width } = cells;
  const known = keyInfo.bits;
  for (let l = 0; l < leaders.columns.length; l++) {
    const boxes = leaders.boxes[l] as BoxGroup | null;
    if (boxes !== null) {
      codes[leaders.lines[l] as number] = readBoxes(cells, boxes, leaders.headers[l] as string, bad);
      continue;
    }
    const col = leaders.columns[l] as number;
    const key = col < width ? (keys[first + col] as number) : EMPTY;
    const bits = key > 0 && key < known.length ? (known[key] as number) : 0;
    let code = key === EMPTY ? NO_MARK : bits !== 0 ? bits & CODE : key > 0 ? keyInfo.code(key) : MISSING;
    if (code === MISSING) {
      const value = cells.value(col);
      const d = decodeCell(value);
      if (d.ok) code = lineCode(d.reading);
      else bad.push({ col, hint: d.hint, value: cellText(value), ...(d.suggestion === undefined ? {} : { suggestion: d.suggestion }) });
    }
    codes[leaders.lines[l] as number] = code;
  }
}

/**
 * A leader's three boxes read as one line (SPEC §2.4): one tick is its box's level, none is
 * no-mark, two or three are multiple-marks; anything else in a box is an error naming the box.
 */
function readBoxes(cells: RowCells, boxes: BoxGroup, header: string, bad: BadCell[]): number {
  let ticks = 0;
  let code: number = NO_MARK;
  let wrong = false;
  for (let k = 0; k < 3; k++) {
    const col = boxes.cols[k] as number;
    if (cells.blank(col)) continue;
    const v = checkbox(cells.value(col));
    // An unticked checkbox says no tick.
    if (v === false) continue;
    if (v === true || (typeof v === 'string' && isTick(v))) {
      ticks++;
      code = boxes.codes[k] as number;
      continue;
    }
    bad.push({ col, hint: 'box', value: cellText(v), header: `${header.replace(/\n/g, ' ')} / ${boxes.titles[k] as string}` });
    wrong = true;
  }
  if (wrong) return MISSING;
  return ticks === 0 ? NO_MARK : ticks === 1 ? code : MULTIPLE_MARKS;
}

/** A checkbox's state, also as a CSV writes it ("TRUE", "FALSE"); any other value as it is. */
function checkbox(v: CellValue): CellValue {
  if (typeof v !== 'string') return v;
  const t = v.trim().toUpperCase();
  return t === 'TRUE' ? true : t === 'FALSE' ? false : v;
}

/** A leader's boxes as the one cell a ballot sheet of codes would have (for comparing entries): the ticked levels' digits. */
function boxesAsCell(cells: RowCells, boxes: BoxGroup): CellValue {
  let out = '';
  for (let k = 0; k < 3; k++) {
    const col = boxes.cols[k] as number;
    if (cells.blank(col)) continue;
    const v = checkbox(cells.value(col));
    if (v === false) continue;
    if (v === true || (typeof v === 'string' && isTick(v))) out += String(boxes.codes[k]);
    else return v;
  }
  return out === '' ? null : out;
}

/** Each headed column matched to one leader of the ballot type; every problem reported. */
interface LeaderColumn {
  readonly col: number;
  readonly cadre: Cadre;
  readonly header: string;
  readonly boxes: BoxGroup | null;
}

function matchLeaders(
  candidates: readonly LeaderHeader[],
  index: RosterIndex,
  roster: Roster,
  ballotType: string,
  at: (col: number, text: string) => Location,
  problems: Problem[],
): LeaderColumn[] {
  const leaderCols: LeaderColumn[] = [];
  for (const { col, header, boxes } of candidates) {
    const m = index.match(header);
    // Said on one line: "Name⏎Position" as "Name / Position".
    const text = header.replace(/\n/g, ' / ');
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
        leaderCols.push({ col, cadre: m.cadre, header: text, boxes });
        break;
      }
      case 'ambiguous':
        problems.push(problem('ambiguous-name', 'error', loc, { candidates: m.candidates.map(describe) }, text));
        break;
      case 'unknown': {
        // A leader of another ballot type on this sheet is a different mistake from a typo.
        const elsewhere = roster.all.match(header);
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

/** The boxes' row of level names again (a second page's header): every non-empty cell is its box's title, and all boxes have one. */
function levelsRow(cells: RowCells, titles: ReadonlyMap<number, string>, ballotCol: number | null): boolean {
  if (titles.size === 0) return false;
  for (let col = 0; col < cells.width; col++) {
    if (col === ballotCol || cells.blank(col)) continue;
    const title = titles.get(col);
    if (title === undefined || fold(cellText(cells.value(col))) !== title) return false;
  }
  for (const col of titles.keys()) if (cells.blank(col)) return false;
  return true;
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

  /** Whether the cell holds a formula (only a spreadsheet's cells can). */
  formula(col: number): boolean {
    return col >= 0 && col < this.width && (this.batch as RowBatch).formula?.(this.i, col) === true;
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
