// Adjudications (SPEC §2.5): the counting committee's decision on a line, usually an
// undecided scanned mark. Each names ballot, cadre, decision and who decided.
import { problem, type Problem } from '../model/problem.js';
import type { LineReading, Location } from '../model/types.js';
import { clean, fold } from '../model/fold.js';
import { decodeCell } from '../model/codes.js';
import { cellText, columnLetter, isEmptyRow, type Sheet } from '../model/grid.js';
import { findHeader } from './table.js';
import { longColumn } from './vocabulary.js';

import type { Adjudication } from '../model/adjudication.js';

const NONE = new Set(['none', 'khong danh dau', 'trong']);
const INVALID = new Set(['invalid', 'khong hop le', 'khl', '0']);

export function readAdjudications(sheet: Sheet): { adjudications: Adjudication[]; problems: Problem[] } {
  const problems: Problem[] = [];
  const adjudications: Adjudication[] = [];
  const base = { file: sheet.file, ...(sheet.name === null ? {} : { sheet: sheet.name }) };
  const header = findHeader(sheet, longColumn, ['ballot', 'cadre', 'decision', 'decided_by']);
  if (header === null) {
    problems.push(problem('missing-column', 'error', base, { column: 'ballot, cadre, decision, decided_by', table: 'adjudications' }));
    return { adjudications, problems };
  }
  const at = (row: number, k: 'ballot' | 'cadre' | 'decision' | 'decided_by' | 'ballot_type'): Location => {
    const c = header.columns.get(k);
    return { ...base, row, ...(c === undefined ? {} : { columnLetter: columnLetter(c), column: header.texts[c] ?? '' }) };
  };
  const text = (cells: readonly unknown[], k: 'ballot' | 'cadre' | 'decision' | 'decided_by' | 'ballot_type') => {
    const c = header.columns.get(k);
    return c === undefined ? '' : clean(cellText((cells[c] ?? null) as never));
  };
  for (const row of sheet.rows.slice(header.index + 1)) {
    if (isEmptyRow(row)) continue;
    const decisionText = text(row.cells, 'decision');
    const decidedBy = text(row.cells, 'decided_by');
    const f = fold(decisionText);
    let decision: LineReading | null = null;
    if (NONE.has(f)) decision = { kind: 'invalid', reason: 'no-mark' };
    else if (INVALID.has(f)) decision = { kind: 'invalid', reason: 'declared-invalid' };
    else {
      const d = decodeCell(decisionText);
      if (d.ok && d.reading.kind === 'mark') decision = d.reading;
    }
    let ok = true;
    if (decision === null) {
      problems.push(problem('bad-adjudication', 'error', at(row.row, 'decision'), { hint: 'decision' }, decisionText));
      ok = false;
    }
    if (decidedBy === '') {
      problems.push(problem('bad-adjudication', 'error', at(row.row, 'decided_by'), { hint: 'decided-by' }, ''));
      ok = false;
    }
    const ballot = text(row.cells, 'ballot');
    const cadreText = text(row.cells, 'cadre');
    if (ballot === '' || cadreText === '') {
      problems.push(problem('bad-adjudication', 'error', at(row.row, ballot === '' ? 'ballot' : 'cadre'), { hint: 'missing' }, ''));
      ok = false;
    }
    if (!ok || decision === null) continue;
    const type = text(row.cells, 'ballot_type');
    adjudications.push({ ballot, cadreText, ballotType: type === '' ? null : type, decision, decisionText, decidedBy, location: at(row.row, 'ballot') });
  }
  return { adjudications, problems };
}
