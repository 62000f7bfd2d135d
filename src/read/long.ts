// Ballots in the long layout (SPEC §2.5, scanner output): one row per ballot line — ballot,
// cadre, and a level code or three mark columns. Every (ballot, leader) pair exactly once.
import { ballotKey } from '../model/ballot-number.js';
import { problem, type Problem } from '../model/problem.js';
import type { Cadre, Level, LineReading, Location } from '../model/types.js';
import { clean } from '../model/fold.js';
import { decideBallotType } from './ballot-type.js';
import { decodeCell } from '../model/codes.js';
import { cellText, isEmptyCell, isEmptyRow, type CellValue, type Row } from '../model/grid.js';
import { BlankRows } from './blank-rows.js';
import { readMarks } from './marks.js';
import type { Thresholds } from '../model/thresholds.js';
import type { CadreMatch, Roster } from '../model/roster-index.js';
import { locator } from './sheet-read.js';
import { noNonBallot, type BallotSheetRead, type TallyFor } from '../model/sheet.js';
import { findHeaderIn } from './table.js';
import { ballotCellTotal } from './sheet-read.js';
import { rowsOf, take, type RowSource } from './source.js';
import { longColumn, type LongColumn } from './vocabulary.js';
import { readVoidCell } from '../model/void-words.js';

const HEADER_ROWS = 30;


/** The cells of a total row: empty, or a count. */
const isCount = (v: CellValue): boolean => isEmptyCell(v) || /^\d+$/.test(clean(cellText(v)));

/** The ballot-number cell's text when it is a total label; never a leader's name ("Tống", "Công"). */
export function totalLabelIn(ballotCell: CellValue): string | null {
  return typeof ballotCell === 'string' ? ballotCellTotal(ballotCell) : null;
}

/**
 * A long-layout sheet, judged on its first rows by its whole signature (SPEC §2.5): a ballot
 * column, a leader column, and a level column or the three mark columns. A ballot column and a
 * "Họ và tên" title over a wide sheet's names are not one.
 */
export function isLongLayout(head: readonly Row[]): boolean {
  return findHeaderIn(head, longColumn, ['ballot', 'cadre', 'level']) !== null || findHeaderIn(head, longColumn, ['ballot', 'cadre', 'high', 'confidence', 'low']) !== null;
}

interface PendingBallot {
  readonly number: string;
  readonly lines: Map<number, LineReading>;
  readonly rows: Map<number, number>;
  readonly where: Map<number, Location>;
  readonly allThree: Set<number>;
  voidReason: string | null;
  /** Where its void column first said "trắng" (a blank ballot), with the text. */
  blank: { readonly text: string; readonly location: Location } | null;
  readonly location: Location;
  /** Lines whose leader could not be told (unknown or ambiguous name, already an error). */
  unnamed: number;
  /** Whom those lines could be: the ambiguous name's candidates, the unknown name's suggestions. */
  readonly maybe: Set<number>;
}

export async function readLongBallots(source: RowSource, roster: Roster, thresholds: Thresholds, tallyFor: TallyFor): Promise<BallotSheetRead> {
  const problems: Problem[] = [];
  const nonBallot = noNonBallot();
  const where = locator(source);
  const it = rowsOf(source);
  const { head } = await take(it, HEADER_ROWS);
  let rowsRead = head.length;
  const header = findHeaderIn(head, longColumn, ['ballot', 'cadre']);
  if (header === null) throw new Error('readLongBallots on a sheet without a long-layout header');
  const col = (k: LongColumn) => header.columns.get(k);
  const marksMode = col('high') !== undefined && col('confidence') !== undefined && col('low') !== undefined;
  if (!marksMode && col('level') === undefined) {
    problems.push(problem('missing-column', 'error', where(header.index + 1), { column: 'level / Mức, or Tín nhiệm cao + Tín nhiệm + Tín nhiệm thấp', table: 'ballots' }));
  }
  // Every row set aside is said out loud: titles one by one, blank rows as runs.
  const blanks = new BlankRows(problems, where);
  for (const r of head.slice(0, header.index)) {
    if (isEmptyRow(r)) blanks.add(r.row);
    else {
      blanks.flush();
      nonBallot.title++;
      problems.push(problem('non-ballot-row', 'warning', where(r.row), { kind: 'title' }, clean(cellText(r.cells.find((c) => !isEmptyCell(c)) ?? null))));
    }
  }
  blanks.flush();
  nonBallot.header++;
  // The ballot type is judged on the rows in the header window.
  const dataHead = head.slice(header.index + 1);
  async function* dataRows() {
    yield* dataHead;
    for (let r = await it.next(); r.done !== true; r = await it.next()) {
      rowsRead++;
      yield r.value;
    }
  }
  const get = (cells: readonly CellValue[], k: LongColumn): CellValue => {
    const i = col(k);
    return i === undefined ? null : (cells[i] ?? null);
  };
  const headerText = (k: LongColumn) => header.texts[col(k) ?? -1] ?? '';
  const markColumns = (['level', 'high', 'confidence', 'low'] as const).filter((k) => col(k) !== undefined);
  const loc = (row: number, k: LongColumn) => where(row, col(k), headerText(k));
  // Every column accounted for (SPEC §2.5): one the layout does not read must be empty.
  const known = new Set(['ballot', 'cadre', 'ballot_type', 'void', ...markColumns].map((k) => col(k as LongColumn)));

  const cadreTexts = [...new Set(dataHead.map((r) => clean(cellText(get(r.cells, 'cadre')))).filter((t) => t !== ''))];
  const typeCol = col('ballot_type');
  const ballotType = decideBallotType(
    roster,
    {
      sheetName: source.name,
      columnValues:
        typeCol === undefined
          ? null
          : { values: [...new Set(dataHead.map((r) => clean(cellText(get(r.cells, 'ballot_type')))).filter((v) => v !== ''))], location: loc(header.index + 1, 'ballot_type') },
      leaderTexts: cadreTexts,
      location: where(header.index + 1),
    },
    problems,
  );
  const index = roster.forType(ballotType);
  const matches = new Map<string, CadreMatch>();
  const matchOf = (t: string) => {
    let m = matches.get(t);
    if (m === undefined) matches.set(t, (m = index.match(t)));
    return m;
  };
  const reported = new Set<string>();
  /** Names that could not be told, each with the ballots whose line it is. */
  const unresolved = new Map<string, string[]>();
  const cadres = roster.cadres.filter((c) => c.ballotType === ballotType && c.excluded === null);
  const tally = tallyFor(ballotType);

  // A ballot goes to the tally once every leader's line is in; its number is then remembered,
  // so a later line for it is a repeated line, not a new ballot.
  const pending = new Map<string, PendingBallot>();
  const done = new Map<string, number>();
  let countedRows = 0;
  let rowsWithErrors = 0;
  let rejected = 0;
  let ballots = 0;
  const finish = (b: PendingBallot) => {
    // A blank ballot has no mark on any line, and is not also void (SPEC §2.4).
    if (b.blank !== null) {
      const marked = [...b.lines.values()].some((r) => r.kind !== 'invalid' || r.reason !== 'no-mark');
      if (marked || b.voidReason !== null) {
        problems.push(problem('bad-cell', 'error', b.blank.location, { hint: marked ? 'blank-with-marks' : 'blank-and-void', ballot: b.number }, b.blank.text));
        countedRows -= b.lines.size;
        rowsWithErrors += b.lines.size;
        return;
      }
    }
    if (b.lines.size > 1 && b.allThree.size === b.lines.size) problems.push(problem('implausible-ballot', 'warning', b.location, { ballot: b.number }));
    const complete = cadres.every((c) => b.lines.has(c.key));
    const lines = cadres.map((c) => b.lines.get(c.key));
    if (complete && tally.add({ ballotType, number: b.number, voidReason: b.voidReason, lines, location: b.location, lineLocations: b.where })) ballots++;
  };
  for await (const row of dataRows()) {
    if (isEmptyRow(row)) {
      blanks.add(row.row);
      continue;
    }
    blanks.flush();
    const numberCell = get(row.cells, 'ballot');
    // A total row is known by its ballot-number cell, with counts (or nothing) where the marks
    // go; a label over marks is a mistyped number, not a reason to drop the row. A row naming a
    // leader is a total only where it cannot be that leader's line: a count that is no level
    // code under Mức (4, 40; 12 is a code, several marks), a count above 1 under the mark columns. A level code, or only 0
    // and 1 under the mark columns, reads both ways, and that is an error naming both (SPEC §2.4).
    const total = totalLabelIn(numberCell);
    if (total !== null) {
      const marks = markColumns.map((k) => get(row.cells, k));
      const named = !isEmptyCell(get(row.cells, 'cadre'));
      const onlyACount =
        col('level') === undefined
          ? marks.some((v) => Number(clean(cellText(v))) > 1)
          : !isEmptyCell(get(row.cells, 'level')) && !decodeCell(get(row.cells, 'level')).ok;
      if (marks.every(isCount) && (!named || onlyACount)) {
        nonBallot.total++;
        problems.push(problem('non-ballot-row', 'warning', where(row.row), { kind: 'total' }, total));
      } else {
        problems.push(problem('bad-cell', 'error', loc(row.row, 'ballot'), { hint: 'total-label' }, total));
        rejected++;
      }
      continue;
    }
    if (isEmptyCell(numberCell) || (typeof numberCell === 'number' && !Number.isInteger(numberCell))) {
      problems.push(isEmptyCell(numberCell) ? problem('missing-ballot-number', 'error', loc(row.row, 'ballot')) : problem('bad-cell', 'error', loc(row.row, 'ballot'), { hint: 'ballot-number' }, cellText(numberCell)));
      rejected++;
      continue;
    }
    // Compared as numbers (SPEC §2.4): 3, 03 and 3.0 are one ballot.
    const number = ballotKey(clean(cellText(numberCell)));
    const cadreText = clean(cellText(get(row.cells, 'cadre')));
    let ok = true;
    let unnamedHere: number[] = [];

    // The leader.
    const m = cadreText === '' ? { kind: 'unknown' as const, suggestions: [] } : matchOf(cadreText);
    let cadre: Cadre | null = null;
    if (m.kind === 'exact' || m.kind === 'without-diacritics') {
      cadre = m.cadre;
      if (m.kind === 'without-diacritics' && !reported.has(cadreText)) problems.push(problem('name-without-diacritics', 'warning', loc(row.row, 'cadre'), { name: m.cadre.name }, cadreText));
      if (m.cadre.excluded !== null) {
        if (!reported.has(cadreText)) problems.push(problem('excluded-on-ballot', 'error', loc(row.row, 'cadre'), { name: m.cadre.name, reason: m.cadre.excluded }, cadreText));
        ok = false;
      }
    } else {
      // Each unknown or ambiguous name is reported once, at its first row, with every ballot
      // whose line it is (filled in as they come).
      let on = unresolved.get(cadreText);
      if (on === undefined) {
        unresolved.set(cadreText, (on = []));
        problems.push(
          m.kind === 'ambiguous'
            ? problem('ambiguous-name', 'error', loc(row.row, 'cadre'), { candidates: m.candidates.map((c) => c.name), ballots: on }, cadreText)
            : problem('unknown-cadre', 'error', loc(row.row, 'cadre'), { suggestions: m.suggestions.map((c) => c.name), ballots: on }, cadreText),
        );
      }
      if (on.at(-1) !== number) on.push(number);
      unnamedHere = (m.kind === 'ambiguous' ? m.candidates : m.suggestions).map((c) => c.key);
      ok = false;
    }
    reported.add(cadreText);

    // The reading.
    let reading: LineReading | null = null;
    let allThree = false;
    if (marksMode) {
      const cells = { high: get(row.cells, 'high'), confidence: get(row.cells, 'confidence'), low: get(row.cells, 'low') };
      const r = readMarks(cells, thresholds);
      if (r.ok) [reading, allThree] = [r.reading, r.allThree];
      else {
        for (const level of r.bad) problems.push(problem('bad-cell', 'error', loc(row.row, level as Level), { hint: 'mark', ballot: number }, cellText(cells[level])));
        ok = false;
      }
    } else if (col('level') !== undefined) {
      const value = get(row.cells, 'level');
      const d = decodeCell(value);
      if (d.ok) [reading, allThree] = [d.reading, /^123$|^(1|2|3)\D+(1|2|3)\D+(1|2|3)$/.test(cellText(value))];
      else {
        problems.push(problem('bad-cell', 'error', loc(row.row, 'level'), { hint: d.hint, ballot: number, ...(d.suggestion === undefined ? {} : { suggestion: d.suggestion }) }, cellText(value)));
        ok = false;
      }
    }

    const finished = done.get(number);
    if (finished !== undefined) {
      problems.push(problem('duplicate-line', 'error', loc(row.row, 'cadre'), { ballot: number, name: cadre?.name ?? cadreText, otherRow: finished }, cadreText));
      rowsWithErrors++;
      continue;
    }
    const ballot =
      pending.get(number) ??
      (() => {
        const b: PendingBallot = { number, lines: new Map(), rows: new Map(), where: new Map(), allThree: new Set(), voidReason: null, blank: null, location: loc(row.row, 'ballot'), unnamed: 0, maybe: new Set() };
        pending.set(number, b);
        return b;
      })();
    // The void column reads as in the wide layout, on whichever line of the ballot it is written.
    const voidText = clean(cellText(get(row.cells, 'void')));
    const voidReading = readVoidCell(voidText);
    if (voidReading.kind === 'refused') {
      problems.push(problem('bad-cell', 'error', where(row.row, col('void'), headerText('void'), number), { hint: `void-${voidReading.why}`, ballot: number }, voidText));
      ok = false;
    } else if (voidReading.kind === 'void') ballot.voidReason ??= voidReading.reason;
    else if (voidReading.kind === 'blank') ballot.blank ??= { text: voidText, location: where(row.row, col('void'), headerText('void'), number) };
    for (let i = 0; i < row.cells.length; i++) {
      const v = row.cells[i] ?? null;
      if (known.has(i) || isEmptyCell(v)) continue;
      const head = header.texts[i] ?? '';
      problems.push(problem('bad-cell', 'error', where(row.row, i, head, number), { hint: head === '' ? 'no-header' : 'unknown-column', ballot: number }, cellText(v)));
      ok = false;
    }
    if (cadre === null) {
      ballot.unnamed++;
      for (const k of unnamedHere) ballot.maybe.add(k);
    }
    else {
      const prevRow = ballot.rows.get(cadre.key);
      if (prevRow !== undefined) {
        problems.push(problem('duplicate-line', 'error', loc(row.row, 'cadre'), { ballot: number, name: cadre.name, otherRow: prevRow }, cadreText));
        ok = false;
      } else ballot.rows.set(cadre.key, row.row);
    }
    if (!ok || cadre === null || reading === null) {
      rowsWithErrors++;
      continue;
    }
    ballot.lines.set(cadre.key, reading);
    ballot.where.set(cadre.key, where(row.row, col(marksMode ? 'high' : 'level'), headerText(marksMode ? 'high' : 'level')));
    if (allThree) ballot.allThree.add(cadre.key);
    countedRows++;
    if (ballot.rows.size === cadres.length) {
      finish(ballot);
      pending.delete(number);
      done.set(number, ballot.location.row ?? 0);
    }
  }

  blanks.flush(true);
  nonBallot.empty += blanks.count;
  // Every leader of the type once on every ballot: a missing line is never taken as blank.
  // A ballot whose missing leaders are each one its lines with an unreadable name could be
  // lacks nothing else: that name's error names the ballot, and a missing-line on every ballot
  // would only hide it. Any other missing leader is said.
  for (const b of pending.values()) {
    const missing = cadres.filter((c) => !b.rows.has(c.key));
    const explained = missing.length <= b.unnamed && missing.every((c) => b.maybe.has(c.key));
    if (!explained) for (const c of missing) problems.push(problem('missing-line', 'error', b.location, { ballot: b.number, name: c.name }));
    finish(b);
  }
  return {
    ballotType,
    cadres,
    problems,
    ballotsSeen: pending.size + done.size,
    accounting: {
      file: source.file,
      sheet: source.name,
      layout: 'long',
      rowsRead,
      countedRows,
      ballots,
      rowsWithErrors,
      nonBallot,
      rejected,
    },
  };
}
