// Ballots in the wide layout (SPEC §2.4): one row per ballot, one column per leader.
import { problem, type Problem } from '../model/problem.js';
import type { Cadre } from '../model/types.js';
import { clean, fold } from '../text/fold.js';
import { decodeCell } from './codes.js';
import { cellText, columnLetter, isEmptyCell, isEmptyRow, type CellValue, type Row } from './grid.js';
import { EMPTY, openRows, type RowBatch, type RowSource } from './source.js';
import { MISSING, NO_MARK, lineCode } from '../model/line-codes.js';
import type { BallotSheet } from '../count/type-tally.js';
import type { Roster } from './match.js';
import { DEFAULT_BALLOT_TYPE } from '../model/types.js';
import { ballotColumn } from './vocabulary.js';
import { decideBallotType } from './ballot-type.js';
import { locator, noNonBallot, totalLabel, type BallotSheetRead, type NonBallotKind, type RowAccounting, type TallyFor } from './sheet-read.js';

/** Rows the header search looks at: titles above a header are a few rows, not pages. */
const HEADER_SEARCH_ROWS = 30;
/** Rows below the header where a merged header's second row may show. */
const HEADER_SPILL = 3;

const AMBIGUOUS_VOID = new Set(['khong', '0', 'no', 'false']);

export async function readWideBallots(source: RowSource, roster: Roster, tallyFor: TallyFor): Promise<BallotSheetRead> {
  const problems: Problem[] = [];
  const where = locator(source);
  const nonBallot = noNonBallot();
  const { head, runs } = await openRows(source, HEADER_SEARCH_ROWS);

  // The header is the row naming the most leaders and fixed columns (the first such row);
  // rows above it are titles.
  const headerScore = (r: Row) =>
    r.cells.filter((c) => {
      const t = cellText(c);
      return t.trim() !== '' && (ballotColumn(t) !== null || roster.all.names(t));
    }).length;
  let headerIndex = -1;
  let best = 0;
  head.forEach((r, i) => {
    const score = headerScore(r);
    if (score > best) [best, headerIndex] = [score, i];
  });
  if (headerIndex < 0) headerIndex = head.findIndex((r) => !isEmptyRow(r));
  const headerRow = head[headerIndex];
  if (headerRow === undefined) {
    problems.push(problem('no-ballots', 'error', where(1)));
    let rowsRead = 0;
    for await (const run of runs(0)) rowsRead += run.batch.size - run.from;
    nonBallot.empty = rowsRead;
    return { ballotType: DEFAULT_BALLOT_TYPE, cadres: [], problems, accounting: account(source, rowsRead, 0, 0, nonBallot, 0), ballotsSeen: 0 };
  }
  for (const r of head.slice(0, headerIndex)) nonBallot[isEmptyRow(r) ? 'empty' : 'title']++;
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

  // The sheet's ballot type: its name ("Phiếu <code>"), else a ballot_type column, else the
  // type whose leaders its headers name. One sheet holds one ballot type.
  // The type column is judged on the rows in the header window; a later row naming another
  // type is reported below.
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
  const leaderCols: { col: number; cadre: Cadre; header: string }[] = [];
  for (const { col, header: text } of candidates) {
    const m = index.match(text);
    const loc = where(headerRow.row, col, text);
    switch (m.kind) {
      case 'exact':
      case 'without-diacritics': {
        if (m.kind === 'without-diacritics') problems.push(problem('name-without-diacritics', 'warning', loc, { name: m.cadre.name }, text));
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
          problems.push(problem('unknown-cadre', 'error', loc, { suggestions: m.suggestions.map(describe) }, text));
        }
        break;
      }
    }
  }
  const cadres = roster.cadres.filter((c) => c.ballotType === ballotType && c.excluded === null);
  const onSheet = new Set(leaderCols.map((l) => l.cadre));
  for (const c of cadres) {
    if (!onSheet.has(c)) problems.push(problem('missing-cadre', 'error', where(headerRow.row), { name: c.name, position: c.position }));
  }

  const tally = tallyFor(ballotType);
  const sheet: BallotSheet = { locate: (row) => where(row, ballotCol ?? undefined) };
  // Each leader column's line among the ballot type's lines; the columns that must stay empty
  // (no header; cells past the header have none either).
  const lineOf = new Map(cadres.map((c, i) => [c.key, i]));
  const leaderColumns = Int32Array.from(leaderCols, (l) => l.col);
  const leaderLines = Int32Array.from(leaderCols, (l) => lineOf.get(l.cadre.key) as number);
  const headerWidth = headerRow.cells.length;
  const headerTexts = headerRow.cells.map((c) => fold(cellText(c)));
  const keyInfo = new KeyInfo(source);
  const cells = new RowCells(keyInfo);
  const codes = new Uint8Array(cadres.length);
  let rowsRead = headerIndex + 1;
  let counted = 0;
  let numbered = 0;
  let rejected = 0;
  let typeReported = false;
  let rowsWithErrors = 0;
  let pendingEmpty: number[] = [];
  for await (const { batch, from } of runs(headerIndex + 1)) {
    for (let i = from; i < batch.size; i++) {
      rowsRead++;
      const rowNumber = batch.rowNumber(i);
      cells.at(batch, i);

      // Blank rows, and the first text cell (a total row's label is there).
      let blank = true;
      let firstText = -1;
      const rowKeys = cells.keys;
      for (let col = 0; col < cells.width; col++) {
        const key = rowKeys[cells.first + col] as number;
        if (key === EMPTY) continue;
        if (key > 0) {
          // What is known of the key, looked up here; keyInfo works it out the first time.
          let bits = key < keyInfo.bits.length ? (keyInfo.bits[key] as number) : 0;
          if (bits === 0) bits = keyInfo.of(key);
          if ((bits & BLANK) !== 0) continue;
          blank = false;
          if ((bits & TEXT) !== 0) {
            firstText = col;
            break;
          }
          continue;
        }
        const v = cells.value(col);
        if (isEmptyCell(v)) continue;
        blank = false;
        if (typeof v === 'string') {
          firstText = col;
          break;
        }
      }
      if (blank) {
        pendingEmpty.push(rowNumber);
        continue;
      }
      // A second header row (a merged header spilling down) repeats the header's texts; it can
      // only be just below the header.
      if (rowNumber - headerRow.row <= HEADER_SPILL) {
        const row = batch.row(i);
        const repeats = row.cells.filter((c, k) => typeof c === 'string' && c !== '' && fold(c) === headerTexts[k]).length;
        if (repeats > 0 && repeats * 2 >= row.cells.filter((c) => !isEmptyCell(c)).length) {
          nonBallot.header++;
          problems.push(problem('non-ballot-row', 'info', where(rowNumber), { kind: 'header' }));
          continue;
        }
      }
      // A total or subtotal row ("Tổng", "Cộng", "Total") is reported, never counted.
      const total = firstText < 0 ? null : totalLabel(cells.value(firstText) as string);
      if (total !== null) {
        nonBallot.total++;
        problems.push(problem('non-ballot-row', 'warning', where(rowNumber), { kind: 'total' }, total));
        continue;
      }
      // Without ballot numbers, a blank row between ballots may be a lost ballot. A run of
      // blank rows is one problem, however long.
      for (const [first, last] of rowRuns(pendingEmpty)) {
        problems.push(problem('empty-row', ballotCol === null ? 'error' : 'warning', where(first), last === first ? {} : { count: last - first + 1, last }));
      }
      if (ballotCol === null) rejected += pendingEmpty.length;
      else nonBallot.empty += pendingEmpty.length;
      pendingEmpty = [];

      let number: string;
      if (ballotCol === null) {
        number = String(++numbered);
      } else {
        const numberCell = cells.value(ballotCol);
        if (isEmptyCell(numberCell)) {
          problems.push(problem('missing-ballot-number', 'error', where(rowNumber, ballotCol, headerOf(ballotCol))));
          rejected++;
          continue;
        } else if (typeof numberCell === 'number' && !Number.isInteger(numberCell)) {
          problems.push(problem('bad-cell', 'error', where(rowNumber, ballotCol, headerOf(ballotCol)), { hint: 'ballot-number' }, cellText(numberCell)));
          rejected++;
          continue;
        }
        number = clean(cellText(numberCell));
      }
      if (typeCol !== null && !typeReported) {
        const t = clean(cellText(cells.value(typeCol)));
        if (t !== '' && !typeValues.includes(t)) {
          problems.push(problem('mixed-ballot-types', 'error', where(rowNumber, typeCol, headerOf(typeCol)), { types: [...typeValues, t] }));
          typeReported = true;
        }
      }

      let rowOk = true;
      let voidReason: string | null = null;
      if (voidCol !== null) {
        const v = clean(cellText(cells.value(voidCol)));
        if (v !== '' && AMBIGUOUS_VOID.has(fold(v))) {
          problems.push(problem('bad-cell', 'error', where(rowNumber, voidCol, headerOf(voidCol)), { hint: 'ambiguous-void', ballot: number }, v));
          rowOk = false;
        } else if (v !== '') voidReason = v;
      }
      for (const col of unheaded) {
        if (!cells.blank(col)) {
          problems.push(problem('bad-cell', 'error', where(rowNumber, col), { hint: 'no-header', ballot: number }, cellText(cells.value(col))));
          rowOk = false;
        }
      }
      for (let col = headerWidth; col < cells.width; col++) {
        if (!cells.blank(col)) {
          problems.push(problem('bad-cell', 'error', where(rowNumber, col), { hint: 'no-header', ballot: number }, cellText(cells.value(col))));
          rowOk = false;
        }
      }
      codes.fill(MISSING);
      const { keys, first, width } = cells;
      const known = keyInfo.bits;
      for (let l = 0; l < leaderColumns.length; l++) {
        const col = leaderColumns[l] as number;
        const key = col < width ? (keys[first + col] as number) : EMPTY;
        // A key's code is looked up here when it is known (keyInfo.code works it out).
        const bits = key > 0 && key < known.length ? (known[key] as number) : 0;
        let code = key === EMPTY ? NO_MARK : bits !== 0 ? bits & CODE : key > 0 ? keyInfo.code(key) : MISSING;
        if (code === MISSING) {
          const value = cells.value(col);
          const d = decodeCell(value);
          if (d.ok) code = lineCode(d.reading);
          else {
            const params = { hint: d.hint, ballot: number, ...(d.suggestion === undefined ? {} : { suggestion: d.suggestion }) };
            problems.push(problem('bad-cell', 'error', where(rowNumber, col, (leaderCols[l] as { header: string }).header), params, cellText(value)));
            rowOk = false;
          }
        }
        codes[leaderLines[l] as number] = code;
      }
      if (!rowOk) {
        rowsWithErrors++;
        continue;
      }
      // The tally refuses a number it has seen, in this sheet or another of the type.
      if (tally.addCodes(number, voidReason, codes, sheet, rowNumber)) counted++;
      else rejected++;
    }
  }
  if (pendingEmpty.length > 0) {
    nonBallot.empty += pendingEmpty.length;
    problems.push(problem('trailing-empty-rows', 'warning', where(pendingEmpty[0] ?? 1), { count: pendingEmpty.length }));
  }
  return { ballotType, cadres, problems, accounting: account(source, rowsRead, counted, rowsWithErrors, nonBallot, rejected), ballotsSeen: counted + rowsWithErrors };
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
    if (col >= this.width) return null;
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
 * is blank, whether it is text (a total row's label is), and its line code when it is a valid
 * ballot mark (MISSING otherwise: the cell is then decoded again for its message).
 */
class KeyInfo {
  /** Each key's bits once worked out (0 before). */
  bits = new Uint8Array(256);

  constructor(private readonly source: RowSource) {}

  blank(key: number): boolean {
    return (this.of(key) & BLANK) !== 0;
  }

  text(key: number): boolean {
    return (this.of(key) & TEXT) !== 0;
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
    const bits = SEEN | (blank ? BLANK : 0) | (typeof v === 'string' && !blank ? TEXT : 0) | (d.ok ? lineCode(d.reading) : MISSING);
    this.bits[key] = bits;
    return bits;
  }
}

const SEEN = 0x80;
const BLANK = 0x40;
const TEXT = 0x20;
const CODE = 0x0f;

function account(source: RowSource, rowsRead: number, ballots: number, rowsWithErrors: number, nonBallot: Record<NonBallotKind, number>, rejected: number): RowAccounting {
  return { file: source.file, sheet: source.name, layout: 'wide', rowsRead, countedRows: ballots, ballots, rowsWithErrors, nonBallot, rejected };
}

function describe(c: Cadre): string {
  return [c.stt === null ? null : `${c.stt}.`, c.name, `(${c.position}${c.id === null ? '' : `, ${c.id}`})`]
    .filter((p) => p !== null)
    .join(' ');
}
