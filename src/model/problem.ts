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
  'layout-not-compared',
  'unit-matched-loosely',
  'several-rounds',
  'incomplete-session',
  'no-session',
] as const;
export type ProblemCode = (typeof PROBLEM_CODES)[number];

export type Severity = 'error' | 'warning' | 'info';

export type ParamValue = string | number | readonly string[];

/** A ballot type's four counts, which every problem about its accounting carries. */
interface TypeCountParams {
  readonly ballotType: string;
  readonly convened: number;
  readonly present: number;
  readonly issued: number;
  readonly returned: number;
}
/** A run of rows reported as one problem. */
interface RunParams {
  readonly count?: number;
  readonly last?: number;
}
type NoParams = Readonly<Record<never, never>>;

/**
 * The parameters each problem carries, by code: what detection gives and the wording reads
 * (text/messages.ts is typed by this table, so a message cannot read what no detection gives).
 */
export interface ProblemParams {
  'unknown-cadre': {
    readonly suggestions: readonly string[];
    readonly notHere?: 'stt' | 'other';
    /** In the long layout: the name is a cell's, and the ballots whose line it is. */
    readonly ballots?: readonly string[];
  };
  'missing-cadre': { readonly name: string; readonly position: string };
  'ambiguous-name': { readonly candidates: readonly string[]; readonly ballots?: readonly string[] };
  'name-without-diacritics': { readonly name: string };
  'excluded-on-ballot': { readonly name: string; readonly reason: string };
  'duplicate-cadre-column': { readonly name: string; readonly otherColumn: string };
  'mixed-ballot-types': { readonly types: readonly string[] };
  'unknown-ballot-type': { readonly types: readonly string[] };
  'bad-cell': { readonly hint: string; readonly examples?: string; readonly ballot?: string; readonly suggestion?: string; readonly letters?: string; readonly letter?: string };
  'bad-roster': { readonly field: string };
  'duplicate-roster-entry': { readonly field: string; readonly otherRow: number };
  'missing-column': { readonly column: string; readonly table: string };
  'duplicate-ballot': { readonly ballot: string; readonly otherRow: number; readonly otherFile?: string; readonly otherSheet?: string };
  'missing-ballot-number': NoParams;
  'empty-row': RunParams;
  'non-ballot-row': RunParams & { readonly kind: string; readonly from?: string; readonly to?: string; readonly note?: string };
  'trailing-empty-rows': { readonly count: number };
  'rows-vs-returned': TypeCountParams & { readonly ballots: number; readonly missing?: readonly string[]; readonly extra?: readonly string[]; readonly more?: number };
  accounting: TypeCountParams & { readonly smaller: 'returned' | 'issued' | 'present'; readonly larger: 'issued' | 'present' | 'convened' };
  'quorum-not-met': TypeCountParams & { readonly required: number; readonly byAnalogy: number };
  'missing-session-value': { readonly key: string; readonly ballotType?: string; readonly given?: number };
  'bad-session-value': { readonly key: string; readonly hint: string; readonly otherRow?: number };
  'unknown-session-key': NoParams;
  'session-override': { readonly key: string; readonly from: string; readonly to: string };
  'zero-denominator': Partial<TypeCountParams> & { readonly ballotType: string; readonly basis: string; readonly scope: string; readonly name?: string };
  'denominator-fixed': { readonly regime: string; readonly basis: string; readonly fixed: string };
  'undecided-mark': { readonly ballot: string; readonly name: string; readonly fills: readonly string[] };
  'implausible-ballot': { readonly ballot: string };
  'scanner-error': { readonly ballot: string };
  'adjudication-unmatched': { readonly ballot: string; readonly cadre: string };
  'bad-adjudication': { readonly hint: string; readonly ballot?: string; readonly cadre?: string; readonly otherRow?: number; readonly decision?: string; readonly otherDecision?: string };
  'missing-line': { readonly ballot: string; readonly name: string };
  'duplicate-line': { readonly ballot: string; readonly name: string; readonly otherRow: number };
  'too-many-places': { readonly name: string; readonly places: readonly string[]; readonly max: number; readonly round?: string };
  'missing-sheet': { readonly sheet: string; readonly flag?: string; readonly found?: readonly string[] };
  'empty-roster': NoParams;
  'no-ballots': NoParams;
  /** `limit` and `value` when the file is past a limit (its name, the value in force). */
  'unreadable-file': { readonly reason: string; readonly limit?: string; readonly value?: number };
  'duplicate-file': { readonly otherFile?: string; readonly copies?: readonly string[]; readonly command?: string };
  'not-a-session': NoParams;
  'layout-not-compared': { readonly layout: 'long' | 'scanner' };
  'unit-matched-loosely': { readonly unit: string; readonly listed: readonly string[]; readonly rivals?: readonly string[] };
  'several-rounds': { readonly rounds: readonly string[]; readonly sessions: readonly string[] };
  'matched-by-name': { readonly name: string; readonly id?: string };
  'untyped-ballot': { readonly ballot: string };
  'position-mismatch': { readonly name: string; readonly position: string; readonly written: string };
  'ignored-column': { readonly table: string };
  'unknown-record-column': { readonly twice?: string };
  /** A folder with some of a session's files: which roles it lacks. */
  'incomplete-session': { readonly missing: readonly ('roster' | 'session' | 'ballots')[] };
  'no-session': NoParams;
}

export interface Problem {
  readonly code: ProblemCode;
  readonly severity: Severity;
  readonly location: Location;
  /** The offending value as found, when there is one. */
  readonly value?: string;
  readonly params: Readonly<Record<string, ParamValue>>;
}

export function problem<C extends ProblemCode>(
  code: C,
  severity: Severity,
  location: Location,
  params: ProblemParams[C] = {} as ProblemParams[C],
  value?: string,
): Problem {
  const p = params as Readonly<Record<string, ParamValue>>;
  return value === undefined ? { code, severity, location, params: p } : { code, severity, location, params: p, value };
}

export const hasErrors = (problems: readonly Problem[]): boolean => problems.some((p) => p.severity === 'error');

const RANK: Readonly<Record<Severity, number>> = { error: 0, warning: 1, info: 2 };
/** Errors first, then warnings, then notes (a stable sort keeps each kind in the order found). */
export const bySeverity = (a: Problem, b: Problem): number => RANK[a.severity] - RANK[b.severity];

/** Appends problems one by one: a spread of a long list (a file of repeated rows) would overflow the stack. */
export function addProblems(to: Problem[], more: readonly Problem[]): void {
  for (const p of more) to.push(p);
}
