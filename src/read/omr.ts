// Answer-sheet exports of OMR tools (SPEC §2.5): one row per scanned sheet, named by its
// image file; one column per question (leader); answers are letters mapped to levels.
//   OMRChecker: file_id, input_path, output_path, score, q1, q2, …; several marks run
//   together ("AB"); Manual/ErrorFiles.csv lists sheets it could not read.
//   FormScanner: "File name"; "Group.Question" …, semicolon-separated; several marks "A|B".
import { basename } from 'node:path';
import { problem, type Problem } from '../model/problem.js';
import type { Cadre, Level, LineReading } from '../model/types.js';
import { clean, fold } from '../model/fold.js';
import { decideBallotType } from './ballot-type.js';
import { cellText, isEmptyCell, isEmptyRow, type CellValue, type Row } from '../model/grid.js';
import { BlankRows } from './blank-rows.js';
import { rowsOf, type RowSource } from './source.js';
import type { Roster } from '../model/roster-index.js';
import { locator } from './sheet-read.js';
import { noNonBallot, type BallotSheetRead, type Layout, type TallyFor } from '../model/sheet.js';

const OMRCHECKER_META = new Set(['file_id', 'input_path', 'output_path', 'score']);
/** The columns every OMRChecker results file has. */
const OMRCHECKER_SIGNATURE = ['file_id', 'input_path', 'score'];
/** The scanned images FormScanner names in its first column. */
const IMAGE_FILE = /\.(jpe?g|png|tiff?|bmp|gif)$/i;

/**
 * A scanner export, recognised only by its own signature (SPEC §2.4), never by the shape of
 * leader headers ("1. Nguyễn Văn An" is a wide-layout header): OMRChecker by its file_id,
 * input_path and score columns; FormScanner by a first column of image file names.
 */
export function omrLayout(head: readonly Row[]): Layout | null {
  const header = head[0]?.cells.map((c) => fold(clean(cellText(c)))) ?? [];
  if (OMRCHECKER_SIGNATURE.every((h) => header.includes(h))) return 'omrchecker';
  const firsts = head.slice(1).filter((r) => !isEmptyRow(r)).map((r) => clean(cellText(r.cells[0] ?? null)));
  if (firsts.length > 0 && firsts.every((f) => IMAGE_FILE.test(f))) return 'formscanner';
  return null;
}

/** "Nhóm 1.q3" → "3"; "q12" → "12"; other question names as they are. */
function questionKey(header: string, layout: Layout): string {
  const name = layout === 'formscanner' ? (header.split('.').at(-1) ?? header) : header;
  const q = /^q(\d+)$/i.exec(name.trim());
  return q === null ? name.trim() : String(Number(q[1]));
}

export async function readOmrExport(source: RowSource, roster: Roster, letters: ReadonlyMap<string, Level>, layout: Layout, tallyFor: TallyFor): Promise<BallotSheetRead> {
  const problems: Problem[] = [];
  const nonBallot = noNonBallot();
  const where = locator(source);
  const it = rowsOf(source);
  const first = await it.next();
  let rowsRead = first.done === true ? 0 : 1;
  const headerCells = first.done === true ? [] : first.value.cells.map((c) => clean(cellText(c)));
  nonBallot.header++;
  const idCol = layout === 'omrchecker' ? headerCells.findIndex((h) => fold(h) === 'file_id') : 0;
  const questions = headerCells
    .map((header, col) => ({ header, col, key: questionKey(header, layout) }))
    .filter((q) => q.col !== idCol && q.header !== '' && !(layout === 'omrchecker' && OMRCHECKER_META.has(fold(q.header))));
  // OMRChecker's ErrorFiles.csv: sheets it could not read at all.
  const errorFile = layout === 'omrchecker' && /errorfiles/i.test(basename(source.file));

  const ballotType = decideBallotType(roster, { sheetName: source.name, columnValues: null, leaderTexts: questions.map((q) => q.key), location: where(1) }, problems);
  const index = roster.forType(ballotType);
  const leaderCols: { col: number; cadre: Cadre; header: string }[] = [];
  for (const q of questions) {
    const m = index.match(q.key);
    if (m.kind === 'exact' || m.kind === 'without-diacritics') {
      if (m.cadre.excluded !== null) problems.push(problem('excluded-on-ballot', 'error', where(1, q.col, q.header), { name: m.cadre.name, reason: m.cadre.excluded }, q.header));
      else leaderCols.push({ col: q.col, cadre: m.cadre, header: q.header });
    } else {
      problems.push(problem('unknown-cadre', 'error', where(1, q.col, q.header), { suggestions: m.kind === 'unknown' ? m.suggestions.map((c) => c.name) : [] }, q.header));
    }
  }
  const cadres = roster.cadres.filter((c) => c.ballotType === ballotType && c.excluded === null);
  for (const c of cadres) {
    if (!leaderCols.some((l) => l.cadre === c)) problems.push(problem('missing-cadre', 'error', where(1), { name: c.name, position: c.position }));
  }

  const tally = tallyFor(ballotType);
  const columns = leaderCols.map((l) => ({ ...l, line: cadres.indexOf(l.cadre) }));
  let counted = 0;
  let rowsWithErrors = 0;
  let rejected = 0;
  const blanks = new BlankRows(problems, (row) => where(row));
  for (let next = await it.next(); next.done !== true; next = await it.next()) {
    const row = next.value;
    rowsRead++;
    if (isEmptyRow(row)) {
      blanks.add(row.row);
      continue;
    }
    blanks.flush();
    const idCell = row.cells[idCol] ?? null;
    if (isEmptyCell(idCell)) {
      problems.push(problem('missing-ballot-number', 'error', where(row.row, idCol, headerCells[idCol])));
      rejected++;
      continue;
    }
    const number = clean(cellText(idCell));
    if (errorFile) {
      problems.push(problem('scanner-error', 'error', where(row.row, idCol, headerCells[idCol]), { ballot: number }, number));
      rowsWithErrors++;
      continue;
    }
    let ok = true;
    let allThree = 0;
    const lines: (LineReading | undefined)[] = new Array(cadres.length);
    for (const l of columns) {
      const value = row.cells[l.col] ?? null;
      const r = readAnswer(value, letters);
      if (!r.ok) {
        const known = [...letters].map(([letter, level]) => `${letter}=${level}`).join(', ');
        problems.push(problem('bad-cell', 'error', where(row.row, l.col, l.header), { hint: r.hint, ballot: number, letters: known, letter: r.letters.join(', ') }, cellText(value)));
        ok = false;
        continue;
      }
      if (r.allThree) allThree++;
      lines[l.line] = r.reading;
    }
    if (!ok) {
      rowsWithErrors++;
      continue;
    }
    if (leaderCols.length > 1 && allThree === leaderCols.length) problems.push(problem('implausible-ballot', 'warning', where(row.row, idCol), { ballot: number }));
    if (tally.add({ ballotType, number, voidReason: null, lines, location: where(row.row, idCol, headerCells[idCol]) })) counted++;
    else rejected++;
  }
  blanks.flush(true);
  nonBallot.empty += blanks.count;
  return {
    ballotType,
    cadres,
    problems,
    ballotsSeen: counted + rowsWithErrors,
    accounting: { file: source.file, sheet: source.name, layout, rowsRead, countedRows: counted, ballots: counted, rowsWithErrors, nonBallot, rejected },
  };
}

type Answer =
  | { readonly ok: true; readonly reading: LineReading; readonly allThree: boolean }
  | { readonly ok: false; readonly hint: 'omr-letter' | 'omr-repeated'; readonly letters: readonly string[] };

/**
 * "A" → a level; "" → no mark; several letters run together ("AB", OMRChecker) or joined by
 * "|" ("A|B", FormScanner), in either tool's export, → several marks (SPEC §2.5). A letter not
 * in the --omr-letters map, or a letter given twice, is an error naming it: never guessed.
 */
export function readAnswer(value: CellValue, letters: ReadonlyMap<string, Level>): Answer {
  const text = clean(cellText(value)).toUpperCase();
  if (text === '') return { ok: true, reading: { kind: 'invalid', reason: 'no-mark' }, allThree: false };
  const parts = [...text.replace(/[|\s]/g, '')];
  const unknown = [...new Set(parts.filter((p) => !letters.has(p)))];
  // "A|" or "|": a separator with no letter on one side is not an answer either.
  if (unknown.length > 0 || parts.length === 0 || /^\||\|$|\|\s*\|/.test(text)) return { ok: false, hint: 'omr-letter', letters: unknown };
  const repeated = parts.filter((p, i) => parts.indexOf(p) !== i);
  if (repeated.length > 0) return { ok: false, hint: 'omr-repeated', letters: [...new Set(repeated)] };
  const levels = parts.map((p) => letters.get(p) as Level);
  if (levels.length === 1) return { ok: true, reading: { kind: 'mark', level: levels[0] as Level }, allThree: false };
  return { ok: true, reading: { kind: 'invalid', reason: 'multiple-marks' }, allThree: levels.length === 3 };
}
