// Adjudications (SPEC §2.5): the counting committee's decision on a line, usually an
// undecided scanned mark. Each names ballot, cadre, decision and who decided.
import * as z from 'zod/mini';
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

/** A decision as a line reading: a level, none (no mark) or invalid; null when it is none of these. */
function decisionOf(text: string): LineReading | null {
  const f = fold(text);
  if (NONE.has(f)) return { kind: 'invalid', reason: 'no-mark' };
  if (INVALID.has(f)) return { kind: 'invalid', reason: 'declared-invalid' };
  const d = decodeCell(text);
  return d.ok && d.reading.kind === 'mark' ? d.reading : null;
}

/** One row of an adjudications file, checked at the boundary: every field but the ballot type is required. Made on first use. */
let adjudicationRow: ReturnType<typeof makeAdjudicationRow> | null = null;
function makeAdjudicationRow() {
  const required = z.string().check(z.minLength(1));
  return z.object({
    ballot: required,
    cadre: required,
    decision: z.string().check(z.refine((t) => decisionOf(t) !== null)),
    decided_by: required,
    ballot_type: z.string(),
  });
}

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
    const fields = { ballot: text(row.cells, 'ballot'), cadre: text(row.cells, 'cadre'), decision: text(row.cells, 'decision'), decided_by: text(row.cells, 'decided_by'), ballot_type: text(row.cells, 'ballot_type') };
    const r = (adjudicationRow ??= makeAdjudicationRow()).safeParse(fields);
    if (!r.success) {
      // Each field at fault, in the file's words: the decision, who decided, or a missing ballot or leader.
      for (const issue of r.error.issues) {
        const field = issue.path[0] as keyof typeof fields;
        const hint = field === 'decision' ? 'decision' : field === 'decided_by' ? 'decided-by' : 'missing';
        problems.push(problem('bad-adjudication', 'error', at(row.row, field), { hint }, fields[field]));
      }
      continue;
    }
    const { ballot, cadre, decision, decided_by: decidedBy, ballot_type: type } = r.data;
    adjudications.push({ ballot, cadreText: cadre, ballotType: type === '' ? null : type, decision: decisionOf(decision) as LineReading, decisionText: decision, decidedBy, location: at(row.row, 'ballot') });
  }
  return { adjudications, problems };
}
