import type { Location } from './types.js';

/**
 * The closed list of problem codes. Detection produces codes and parameters; the wording
 * lives in the message catalog (src/text/messages.ts).
 */
export const PROBLEM_CODES = [
  'unknown-cadre',
  'missing-cadre',
  'ambiguous-name',
  'name-without-diacritics',
  'excluded-on-ballot',
  'duplicate-cadre-column',
  'mixed-ballot-types',
  'unknown-ballot-type',
  'bad-cell',
  'bad-roster',
  'duplicate-roster-entry',
  'missing-column',
  'duplicate-ballot',
  'missing-ballot-number',
  'empty-row',
  'non-ballot-row',
  'trailing-empty-rows',
  'rows-vs-returned',
  'accounting',
  'quorum-not-met',
  'missing-session-value',
  'bad-session-value',
  'unknown-session-key',
  'session-override',
  'zero-denominator',
  'denominator-fixed',
  'undecided-mark',
  'implausible-ballot',
  'scanner-error',
  'adjudication-unmatched',
  'bad-adjudication',
  'adjudicated',
  'missing-line',
  'duplicate-line',
  'too-many-places',
  'missing-sheet',
  'empty-roster',
  'no-ballots',
  'unreadable-file',
  'duplicate-file',
  'not-a-session',
  'matched-by-name',
  'untyped-ballot',
  'position-mismatch',
  'ignored-column',
  'unknown-record-column',
] as const;
export type ProblemCode = (typeof PROBLEM_CODES)[number];

export type Severity = 'error' | 'warning' | 'info';

export type ParamValue = string | number | readonly string[];

export interface Problem {
  readonly code: ProblemCode;
  readonly severity: Severity;
  readonly location: Location;
  /** The offending value as found, when there is one. */
  readonly value?: string;
  readonly params: Readonly<Record<string, ParamValue>>;
}

export function problem(
  code: ProblemCode,
  severity: Severity,
  location: Location,
  params: Record<string, ParamValue> = {},
  value?: string,
): Problem {
  return value === undefined ? { code, severity, location, params } : { code, severity, location, params, value };
}

export const hasErrors = (problems: readonly Problem[]): boolean => problems.some((p) => p.severity === 'error');

/** Appends problems one by one: a spread of a long list (a file of repeated rows) would overflow the stack. */
export function addProblems(to: Problem[], more: readonly Problem[]): void {
  for (const p of more) to.push(p);
}
