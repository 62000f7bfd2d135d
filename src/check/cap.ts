// Bounded output however wrong an archive is (issue 11): a session keeps at most
// SHOWN_PER_KIND problems of each kind, and the exact number of each kind. The cut is made in
// the worker, so thousands of problem objects per session never cross to the main thread.
import type { Problem, ProblemCode, Severity } from '../model/problem.js';

/** Problems of one kind kept per session; the rest are counted. */
export const SHOWN_PER_KIND = 50;

export interface ProblemCount {
  readonly severity: Severity;
  readonly code: ProblemCode;
  /** How many the session had. */
  readonly total: number;
  /** How many of them are listed (at most SHOWN_PER_KIND). */
  readonly listed: number;
}

const kindOf = (p: Problem) => `${p.severity}:${p.code}`;

/** The first SHOWN_PER_KIND of each kind (severity and code), in order, and every kind's count. */
export function capProblems(problems: readonly Problem[], perKind = SHOWN_PER_KIND): { problems: Problem[]; counts: ProblemCount[] } {
  const kept: Problem[] = [];
  const counts = new Map<string, { severity: Severity; code: ProblemCode; total: number; listed: number }>();
  for (const p of problems) {
    const k = kindOf(p);
    const c = counts.get(k) ?? { severity: p.severity, code: p.code, total: 0, listed: 0 };
    c.total++;
    if (c.listed < perKind) {
      c.listed++;
      kept.push(p);
    }
    counts.set(k, c);
  }
  return { problems: kept, counts: [...counts.values()] };
}

/**
 * Differences kept per record of a session (they grow with leaders × fields); each record's exact
 * number is its `differences` count.
 */
export const SHOWN_DIFFERENCES = SHOWN_PER_KIND;

interface WithDifferences {
  readonly records: readonly { readonly label: string; readonly differences: number }[];
  readonly differences: readonly { readonly record: string }[];
}

/** A session's differences in all: its records' exact counts. */
export const differenceTotal = (s: WithDifferences) => s.records.reduce((n, r) => n + r.differences, 0);

/** Differences not listed, per record, for the "… và N sai khác khác" lines. */
export function unlistedDifferences(s: WithDifferences): { record: string; count: number }[] {
  return s.records.map((r) => ({ record: r.label, count: r.differences - s.differences.filter((d) => d.record === r.label).length })).filter((x) => x.count > 0);
}

/** Problems not listed, per kind, for the "… và N lỗi khác cùng loại" lines. */
export function unlisted(counts: readonly ProblemCount[]): ProblemCount[] {
  return counts.filter((c) => c.total > c.listed);
}
