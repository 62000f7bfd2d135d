// The roster (SPEC §2.2): who is on which ballot type, in ballot order.
import { hasErrors, problem, type Problem } from '../model/problem.js';
import type { Cadre } from '../model/types.js';
import { clean, fold } from '../model/fold.js';
import { cellText, columnLetter, isEmptyRow, type CellValue, type Sheet } from '../model/grid.js';
import { ballotCellTotal } from './sheet-read.js';
import { rosterColumn, type RosterColumn } from './vocabulary.js';
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
  const headerText = (key: RosterColumn): string => cellText(headerRow.cells[columns.get(key) ?? -1] ?? null);
  const get = (cells: readonly CellValue[], key: RosterColumn): CellValue => {
    const i = columns.get(key);
    return i === undefined ? null : (cells[i] ?? null);
  };

  const cadres: Cadre[] = [];
  const seenId = new Map<string, number>();
  const seenStt = new Map<string, number>();
  for (const row of sheet.rows.slice(headerIndex + 1)) {
    if (isEmptyRow(row)) continue;
    const name = clean(cellText(get(row.cells, 'name')));
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
