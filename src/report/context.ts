// What every file reporter receives: one result, the language, and what the audit needs.
import type { Origin } from '../validate/session.js';
import type { BallotTypeResult, CadreResult } from '../rules/evaluate.js';
import type { TallyOutcome } from '../tally.js';
import type { Lang } from '../text/lang.js';

export interface AuditOption {
  readonly name: string;
  readonly value: string;
  readonly origin: Origin;
}

export interface ReportContext {
  readonly outcome: TallyOutcome & { readonly ballotTypes: readonly BallotTypeResult[] };
  readonly lang: Lang;
  readonly version: string;
  readonly options: readonly AuditOption[];
}

/** A reporter turns one result into the bytes of one file format. */
export type Reporter = (ctx: ReportContext) => Promise<Uint8Array>;

export function allCadres(ctx: ReportContext): { type: BallotTypeResult; result: CadreResult }[] {
  return ctx.outcome.ballotTypes.flatMap((type) => type.cadres.map((result) => ({ type, result })));
}

/** Ballot numbers sort as numbers when they are numbers ("2" before "10"). */
export function compareBallots(a: string, b: string): number {
  const na = Number(a);
  const nb = Number(b);
  if (Number.isInteger(na) && Number.isInteger(nb)) return na - nb;
  return a < b ? -1 : a > b ? 1 : 0;
}

/** A fixed time for document metadata, so re-running gives identical files. */
export function documentDate(ctx: ReportContext): Date {
  return new Date(`${ctx.outcome.session.date ?? '2000-01-01'}T00:00:00Z`);
}
