// Blank rows in a ballot sheet read row by row: set aside, counted, and each run said out loud
// (SPEC §2.4: every row set aside is a warning with its row number and reason).
import { problem, type Problem } from '../model/problem.js';
import type { Location } from '../model/types.js';

export class BlankRows {
  private rows: number[] = [];
  /** Blank rows set aside so far. */
  count = 0;

  constructor(
    private readonly problems: Problem[],
    private readonly where: (row: number) => Location,
  ) {}

  add(row: number): void {
    this.rows.push(row);
  }

  /** Reports the blank rows since the last non-blank one: a run is one warning. */
  flush(trailing = false): void {
    const rows = this.rows;
    this.count += rows.length;
    this.rows = [];
    if (rows.length === 0) return;
    if (trailing) {
      this.problems.push(problem('trailing-empty-rows', 'warning', this.where(rows[0] as number), { count: rows.length }));
      return;
    }
    for (let i = 0; i < rows.length; i++) {
      const first = rows[i] as number;
      let last = first;
      while (rows[i + 1] === last + 1) last = rows[++i] as number;
      this.problems.push(problem('empty-row', 'warning', this.where(first), last === first ? {} : { count: last - first + 1, last }));
    }
  }
}
