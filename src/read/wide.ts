// Ballots in the wide layout (SPEC §2.4): one row per ballot, one column per leader.
import { problem, type Problem } from '../model/problem.js';
import type { Cadre, LineReading } from '../model/types.js';
import { clean, fold } from '../text/fold.js';
import { decodeCell } from './codes.js';
import { cellText, columnLetter, isEmptyCell, isEmptyRow, type Row } from './grid.js';
import { take, type RowSource } from './source.js';
import type { Roster } from './match.js';
import { DEFAULT_BALLOT_TYPE } from './roster.js';
import { ballotColumn } from './vocabulary.js';
import { decideBallotType } from './ballot-type.js';
import { locator, noNonBallot, totalRowLabel, type BallotSheetRead, type NonBallotKind, type RowAccounting, type TallyFor } from './sheet-read.js';

/** Rows the header search looks at: titles above a header are a few rows, not pages. */
const HEADER_SEARCH_ROWS = 30;
/** Rows below the header where a merged header's second row may show. */
const HEADER_SPILL = 3;

const AMBIGUOUS_VOID = new Set(['khong', '0', 'no', 'false']);

export async function readWideBallots(source: RowSource, roster: Roster, tallyFor: TallyFor): Promise<BallotSheetRead> {
  const problems: Problem[] = [];
  const where = locator(source);
  const nonBallot = noNonBallot();
  const it = source.rows()[Symbol.asyncIterator]();
  const { head } = await take(it, HEADER_SEARCH_ROWS);
  let rowsRead = head.length;

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
    for (let r = await it.next(); r.done !== true; r = await it.next()) rowsRead++;
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

  // The rows: those left in the header window, then the rest of the stream.
  async function* dataRows() {
    yield* dataHead;
    for (let r = await it.next(); r.done !== true; r = await it.next()) {
      rowsRead++;
      yield r.value;
    }
  }
  const tally = tallyFor(ballotType);
  // Each leader column's place among the ballot type's lines.
  const lineOf = new Map(cadres.map((c, i) => [c.key, i]));
  const columns = leaderCols.map((l) => ({ ...l, line: lineOf.get(l.cadre.key) as number }));
  let counted = 0;
  let numbered = 0;
  let rejected = 0;
  let typeReported = false;
  let rowsWithErrors = 0;
  let pendingEmpty: Row[] = [];
  const headerTexts = headerRow.cells.map((c) => fold(cellText(c)));
  for await (const row of dataRows()) {
    const numberCell = ballotCol === null ? null : (row.cells[ballotCol] ?? null);
    if (isEmptyRow(row)) {
      pendingEmpty.push(row);
      continue;
    }
    // A second header row (a merged header spilling down) repeats the header's texts; it can
    // only be just below the header.
    const repeats = row.row - headerRow.row <= HEADER_SPILL ? row.cells.filter((c, i) => typeof c === 'string' && c !== '' && fold(c) === headerTexts[i]).length : 0;
    if (repeats > 0 && repeats * 2 >= row.cells.filter((c) => !isEmptyCell(c)).length) {
      nonBallot.header++;
      problems.push(problem('non-ballot-row', 'info', where(row.row), { kind: 'header' }));
      continue;
    }
    // A total or subtotal row ("Tổng", "Cộng", "Total") is reported, never counted.
    const total = totalRowLabel(row);
    if (total !== null) {
      nonBallot.total++;
      problems.push(problem('non-ballot-row', 'warning', where(row.row), { kind: 'total' }, total));
      continue;
    }
    if (ballotCol === null) {
      // Without ballot numbers, a blank row between ballots may be a lost ballot.
      for (const e of pendingEmpty) {
        problems.push(problem('empty-row', 'error', where(e.row)));
        rejected++;
      }
    } else {
      nonBallot.empty += pendingEmpty.length;
      for (const e of pendingEmpty) problems.push(problem('empty-row', 'warning', where(e.row)));
    }
    pendingEmpty = [];

    let number: string;
    if (ballotCol === null) {
      number = String(++numbered);
    } else if (isEmptyCell(numberCell)) {
      problems.push(problem('missing-ballot-number', 'error', where(row.row, ballotCol, headerOf(ballotCol))));
      rejected++;
      continue;
    } else if (typeof numberCell === 'number' && !Number.isInteger(numberCell)) {
      problems.push(problem('bad-cell', 'error', where(row.row, ballotCol, headerOf(ballotCol)), { hint: 'ballot-number' }, cellText(numberCell)));
      rejected++;
      continue;
    } else {
      number = clean(cellText(numberCell));
    }
    if (typeCol !== null && !typeReported) {
      const t = clean(cellText(row.cells[typeCol] ?? null));
      if (t !== '' && !typeValues.includes(t)) {
        problems.push(problem('mixed-ballot-types', 'error', where(row.row, typeCol, headerOf(typeCol)), { types: [...typeValues, t] }));
        typeReported = true;
      }
    }

    let rowOk = true;
    let voidReason: string | null = null;
    if (voidCol !== null) {
      const v = clean(cellText(row.cells[voidCol] ?? null));
      if (v !== '' && AMBIGUOUS_VOID.has(fold(v))) {
        problems.push(problem('bad-cell', 'error', where(row.row, voidCol, headerOf(voidCol)), { hint: 'ambiguous-void', ballot: number }, v));
        rowOk = false;
      } else if (v !== '') voidReason = v;
    }
    for (const col of unheaded) {
      if (!isEmptyCell(row.cells[col])) {
        problems.push(problem('bad-cell', 'error', where(row.row, col), { hint: 'no-header', ballot: number }, cellText(row.cells[col] ?? null)));
        rowOk = false;
      }
    }
    const lines: (LineReading | undefined)[] = new Array(cadres.length);
    for (const l of columns) {
      const value = row.cells[l.col] ?? null;
      const d = decodeCell(value);
      if (d.ok) {
        lines[l.line] = d.reading;
      } else {
        const params = { hint: d.hint, ballot: number, ...(d.suggestion === undefined ? {} : { suggestion: d.suggestion }) };
        problems.push(problem('bad-cell', 'error', where(row.row, l.col, l.header), params, cellText(value)));
        rowOk = false;
      }
    }
    if (!rowOk) {
      rowsWithErrors++;
      continue;
    }
    // The tally refuses a number it has seen, in this sheet or another of the type.
    if (tally.add({ ballotType, number, voidReason, lines, location: where(row.row, ballotCol ?? undefined) })) counted++;
    else rejected++;
  }
  if (pendingEmpty.length > 0) {
    nonBallot.empty += pendingEmpty.length;
    problems.push(problem('trailing-empty-rows', 'warning', where(pendingEmpty[0]?.row ?? 1), { count: pendingEmpty.length }));
  }
  return { ballotType, cadres, problems, accounting: account(source, rowsRead, counted, rowsWithErrors, nonBallot, rejected), ballotsSeen: counted + rowsWithErrors };
}

function account(source: RowSource, rowsRead: number, ballots: number, rowsWithErrors: number, nonBallot: Record<NonBallotKind, number>, rejected: number): RowAccounting {
  return { file: source.file, sheet: source.name, layout: 'wide', rowsRead, countedRows: ballots, ballots, rowsWithErrors, nonBallot, rejected };
}

function describe(c: Cadre): string {
  return [c.stt === null ? null : `${c.stt}.`, c.name, `(${c.position}${c.id === null ? '' : `, ${c.id}`})`]
    .filter((p) => p !== null)
    .join(' ');
}
