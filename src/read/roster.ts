// The roster (SPEC §2.2): who is on which ballot type, in ballot order.
import { hasErrors, problem, type Problem } from '../model/problem.js';
import type { Cadre } from '../model/types.js';
import { clean, fold } from '../model/fold.js';
import { cellText, columnLetter, isEmptyRow, type CellValue, type Row, type Sheet } from '../model/grid.js';
import { ballotCellTotal } from './sheet-read.js';
import { namePart, rosterColumn, type NamePart, type RosterColumn } from './vocabulary.js';
import { DEFAULT_BALLOT_TYPE } from '../model/types.js';


export interface RosterRead {
  readonly cadres: readonly Cadre[];
  readonly problems: readonly Problem[];
}

/** "không", "0", "no", "false" read as "not excluded" to some and as a reason to others. */
const AMBIGUOUS_EXCLUSION = new Set(['khong', '0', 'no', 'false']);

export function readRoster(sheet: Sheet): RosterRead {
  const problems: Problem[] = [];
  const at = (row: number, col: number, header?: string) => ({
    file: sheet.file,
    ...(sheet.name === null ? {} : { sheet: sheet.name }),
    row,
    columnLetter: columnLetter(col),
    ...(header === undefined ? {} : { column: header }),
  });

  const headerIndex = sheet.rows.findIndex((r) => r.cells.some((c) => rosterColumn(cellText(c)) === 'name'));
  const headerRow = sheet.rows[headerIndex];
  if (headerRow === undefined) {
    problems.push(problem('missing-column', 'error', { file: sheet.file, ...(sheet.name === null ? {} : { sheet: sheet.name }) }, { column: 'name / Họ và tên', table: 'roster' }));
    return { cadres: [], problems };
  }
  const columns = new Map<RosterColumn, number>();
  headerRow.cells.forEach((c, i) => {
    const key = rosterColumn(cellText(c));
    if (key !== null && !columns.has(key)) columns.set(key, i);
  });
  if (!columns.has('position')) {
    problems.push(problem('missing-column', 'error', { file: sheet.file, ...(sheet.name === null ? {} : { sheet: sheet.name }), row: headerRow.row }, { column: 'position / Chức vụ', table: 'roster' }));
  }
  const names = nameColumns(headerRow, sheet.rows[headerIndex + 1], sheet.rows.slice(headerIndex + 1));
  if (names.cols[0] !== undefined) columns.set('name', names.cols[0]);
  const headerText = (key: RosterColumn): string => cellText(headerRow.cells[columns.get(key) ?? -1] ?? null);
  const get = (cells: readonly CellValue[], key: RosterColumn): CellValue => {
    const i = columns.get(key);
    return i === undefined ? null : (cells[i] ?? null);
  };

  const cadres: Cadre[] = [];
  const seenId = new Map<string, number>();
  const seenStt = new Map<string, number>();
  for (const row of sheet.rows.slice(headerIndex + 1 + (names.subheader ? 1 : 0))) {
    if (isEmptyRow(row)) continue;
    const parts = names.cols.map((c) => clean(cellText(row.cells[c] ?? null)));
    // A name's cells merged across its parts show the one name in each: it is said once.
    const name = parts.every((p) => p === parts[0]) ? (parts[0] ?? '') : parts.filter((p) => p !== '').join(' ');
    const position = clean(cellText(get(row.cells, 'position')));
    // A total row ("Tổng cộng: 15") under the list: its first cell a total's label, no position.
    const first = row.cells.find((c) => typeof c === 'string' && c.trim() !== '');
    const label = typeof first === 'string' && position === '' ? ballotCellTotal(first) : null;
    if (label !== null) {
      problems.push(problem('non-ballot-row', 'warning', { file: sheet.file, ...(sheet.name === null ? {} : { sheet: sheet.name }), row: row.row }, { kind: 'total' }, label));
      continue;
    }
    const loc = (key: RosterColumn) => at(row.row, columns.get(key) ?? 0, headerText(key));
    if (name === '') problems.push(problem('bad-roster', 'error', loc('name'), { field: 'name' }, ''));
    // Never one part of a name alone: two people would share it.
    else if (!parts.every((p) => p === parts[0])) {
      names.cols.forEach((c, k) => {
        if (parts[k] === '' && names.required[k] === true) problems.push(problem('bad-roster', 'error', at(row.row, c, names.headers[k]), { field: names.headers[k] ?? 'name' }, ''));
      });
    }
    if (position === '' && columns.has('position')) problems.push(problem('bad-roster', 'error', loc('position'), { field: 'position' }, ''));

    // Ids and STT are unique within a ballot type; the same person (same id) may be voted on
    // in two places, one ballot type each.
    const ballotTypeText = clean(cellText(get(row.cells, 'ballot_type')));
    const typeKey = ballotTypeText === '' ? DEFAULT_BALLOT_TYPE : ballotTypeText;
    const id = clean(cellText(get(row.cells, 'id')));
    if (id !== '') {
      const k = `${typeKey}\u0000${id.toLocaleLowerCase('vi')}`;
      const prev = seenId.get(k);
      if (prev !== undefined) problems.push(problem('duplicate-roster-entry', 'error', loc('id'), { field: 'id', otherRow: prev }, id));
      else seenId.set(k, row.row);
    }

    const sttRaw = get(row.cells, 'stt');
    let stt: number | null = null;
    const sttText = clean(cellText(sttRaw));
    if (sttText !== '') {
      if (/^\d+$/.test(sttText)) {
        stt = Number(sttText);
        const prev = seenStt.get(`${typeKey}\u0000${stt}`);
        if (prev !== undefined) problems.push(problem('duplicate-roster-entry', 'error', loc('stt'), { field: 'stt', otherRow: prev }, sttText));
        else seenStt.set(`${typeKey}\u0000${stt}`, row.row);
      } else {
        problems.push(problem('bad-roster', 'error', loc('stt'), { field: 'stt' }, sttText));
      }
    }

    const excludedText = clean(cellText(get(row.cells, 'excluded')));
    if (excludedText !== '' && AMBIGUOUS_EXCLUSION.has(fold(excludedText))) {
      problems.push(problem('bad-roster', 'error', loc('excluded'), { field: 'excluded' }, excludedText));
    }
    const unit = clean(cellText(get(row.cells, 'unit')));
    cadres.push({
      key: cadres.length,
      id: id === '' ? null : id,
      stt,
      name,
      position,
      unit: unit === '' ? null : unit,
      ballotType: typeKey,
      excluded: excludedText === '' ? null : excludedText,
      location: at(row.row, columns.get('name') ?? 0),
    });
  }
  // A roster with nobody to vote on cannot make a session (or a template).
  if (!hasErrors(problems) && !cadres.some((c) => c.excluded === null)) {
    problems.push(problem('empty-roster', 'error', { file: sheet.file, ...(sheet.name === null ? {} : { sheet: sheet.name }) }, {}));
  }
  return { cadres, problems };
}

/** Where a roster's names are: one column, or parts joined in the order a name is said. */
interface NameColumns {
  readonly cols: readonly number[];
  /** Each part's header, and whether a name needs it (a middle name may be empty). */
  readonly headers: readonly string[];
  readonly required: readonly boolean[];
  /** Whether the row under the header names the parts (`Họ đệm` | `Tên` under a merged `Họ và tên`). */
  readonly subheader: boolean;
}

const RANK: Readonly<Record<NamePart, number>> = { surname: 0, family: 0, middle: 1, given: 2 };

/**
 * The name's columns (SPEC §2.2): a whole-name column; or `Họ và tên` merged over two columns
 * (its text in each), with the parts named in the row below or not; or `Họ đệm` / `Họ` (and
 * `Đệm`) beside `Tên`. `Tên` alone is the whole name.
 */
function nameColumns(header: Row, below: Row | undefined, data: readonly Row[]): NameColumns {
  const texts = header.cells.map((c) => cellText(c));
  const byRank = (cols: readonly { col: number; part: NamePart; text: string }[], subheader: boolean): NameColumns => {
    const sorted = [...cols].sort((a, b) => RANK[a.part] - RANK[b.part] || a.col - b.col);
    return { cols: sorted.map((p) => p.col), headers: sorted.map((p) => p.text), required: sorted.map((p) => p.part !== 'middle'), subheader };
  };
  const whole = texts.findIndex((t) => rosterColumn(t) === 'name' && namePart(t) !== 'given');
  if (whole >= 0) {
    let last = whole;
    while (last + 1 < texts.length && fold(texts[last + 1] ?? '') === fold(texts[whole] ?? '')) last++;
    const run = Array.from({ length: last - whole + 1 }, (_, k) => whole + k);
    if (run.length === 1) return { cols: run, headers: [texts[whole] ?? ''], required: [true], subheader: false };
    const subs = run.map((col) => ({ col, text: cellText(below?.cells[col] ?? null), part: namePart(cellText(below?.cells[col] ?? null)) }));
    if (subs.every((p) => p.part !== null) && subs.some((p) => p.part === 'given')) return byRank(subs as { col: number; part: NamePart; text: string }[], true);
    // No parts named: split only if some row holds a second part of its own (a name typed whole
    // in the first cell, or in cells merged across, is one name).
    const split = data.some((r) => run.slice(1).some((c) => {
      const v = clean(cellText(r.cells[c] ?? null));
      return v !== '' && v !== clean(cellText(r.cells[whole] ?? null));
    }));
    return split ? { cols: run, headers: run.map(() => texts[whole] ?? ''), required: run.map(() => true), subheader: false } : { cols: [whole], headers: [texts[whole] ?? ''], required: [true], subheader: false };
  }
  const parts = texts.flatMap((text, col) => {
    const part = namePart(text);
    return part === null ? [] : [{ col, part, text }];
  });
  const given = parts.find((p) => p.part === 'given');
  if (given === undefined) return { cols: [], headers: [], required: [], subheader: false };
  const family = parts.filter((p) => p.part !== 'given');
  return family.length === 0 ? { cols: [given.col], headers: [given.text], required: [true], subheader: false } : byRank([...family, given], false);
}
