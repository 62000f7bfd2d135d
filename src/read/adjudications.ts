// Adjudications (SPEC §2.5): the counting committee's decision on a line, usually an
// undecided scanned mark. Each names ballot, cadre, decision and who decided.
import { problem, type Problem } from '../model/problem.js';
import type { Ballot, Cadre, LineReading, Location } from '../model/types.js';
import { clean, fold } from '../text/fold.js';
import { decodeCell } from './codes.js';
import { cellText, columnLetter, isEmptyRow, type Sheet } from './grid.js';
import type { Roster } from './match.js';
import type { BallotSheetRead } from './sheet-read.js';
import { findHeader } from './table.js';
import { longColumn } from './vocabulary.js';

export interface Adjudication {
  readonly ballot: string;
  readonly cadreText: string;
  readonly ballotType: string | null;
  readonly decision: LineReading;
  readonly decisionText: string;
  readonly decidedBy: string;
  readonly location: Location;
}

export interface AppliedAdjudication {
  readonly ballotType: string;
  readonly ballot: string;
  readonly cadre: Cadre;
  readonly before: LineReading;
  readonly decision: LineReading;
  readonly decidedBy: string;
}

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

/** Each decision replaces its line's reading; a decision that matches no line is an error. */
export function applyAdjudications(
  sheets: readonly BallotSheetRead[],
  adjudications: readonly Adjudication[],
  roster: Roster,
): { sheets: BallotSheetRead[]; applied: AppliedAdjudication[]; problems: Problem[] } {
  const problems: Problem[] = [];
  const applied: AppliedAdjudication[] = [];
  const replaced = new Map<Ballot, Map<number, LineReading>>();
  for (const a of adjudications) {
    const found: { ballot: Ballot; cadre: Cadre }[] = [];
    for (const s of sheets) {
      if (a.ballotType !== null && fold(a.ballotType) !== fold(s.ballotType)) continue;
      const m = roster.forType(s.ballotType).match(a.cadreText);
      if (m.kind !== 'exact' && m.kind !== 'without-diacritics') continue;
      for (const b of s.ballots) if (b.number === a.ballot && b.lines.has(m.cadre.key)) found.push({ ballot: b, cadre: m.cadre });
    }
    const hit = found[0];
    if (hit === undefined || found.length > 1) {
      problems.push(problem(found.length > 1 ? 'bad-adjudication' : 'adjudication-unmatched', 'error', a.location, { hint: 'ambiguous-ballot', ballot: a.ballot, cadre: a.cadreText }));
      continue;
    }
    const lines = replaced.get(hit.ballot) ?? new Map(hit.ballot.lines);
    replaced.set(hit.ballot, lines);
    applied.push({ ballotType: hit.ballot.ballotType, ballot: a.ballot, cadre: hit.cadre, before: lines.get(hit.cadre.key) as LineReading, decision: a.decision, decidedBy: a.decidedBy });
    lines.set(hit.cadre.key, a.decision);
  }
  const out = sheets.map((s) => ({ ...s, ballots: s.ballots.map((b) => {
    const lines = replaced.get(b);
    return lines === undefined ? b : { ...b, lines };
  }) }));
  return { sheets: out, applied, problems };
}

/** Lines still undecided after adjudication: each blocks the result, listed with its fills. */
export function undecidedProblems(sheets: readonly BallotSheetRead[], cadreName: (key: number) => string): Problem[] {
  const out: Problem[] = [];
  // Only scanned marks can be undecided; other layouts need no look.
  for (const s of sheets.filter((x) => x.accounting.layout === 'long')) {
    for (const b of s.ballots) {
      for (const [key, r] of b.lines) {
        if (r.kind === 'undecided') out.push(problem('undecided-mark', 'error', b.lineLocations?.get(key) ?? b.location, { ballot: b.number, name: cadreName(key), fills: [...r.fills] }));
      }
    }
  }
  return out;
}
