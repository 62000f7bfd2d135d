// The `--json` document (SPEC §3) as a zod schema, published as a JSON Schema file
// (schema/tally.schema.json, `npm run schema`) that the tests hold real outputs to. Not loaded
// by the program: the document is written by report/json.ts; this says what it promises. Every
// object is open: SPEC §3 lets keys be added, never renamed.
import { z } from 'zod';
import { PROBLEM_CODES } from '../model/problem.js';
import { DENOMINATOR_BASES, INVALID_REASONS, LEVELS, REGIME_IDS } from '../model/types.js';
import { NON_BALLOT_KINDS } from '../model/sheet.js';
import { REGIME_LIST, type BandRule } from '../rules/regimes.js';

const count = z.int().nonnegative();
const text = z.string().nullable();
const band = z.enum(['none', 'review', 'dismissal']).nullable();
/** Every band's words and every action of every regime, in both languages: read from the entries. */
const rules = REGIME_LIST.flatMap((r) => [r.review, r.dismissal]).filter((b): b is BandRule => b !== null);
const wordsOf = (pick: (b: BandRule) => { vi: string; en: string }) => [...new Set(rules.flatMap((b) => [pick(b).vi, pick(b).en]))] as [string, ...string[]];
const regimeDescription = REGIME_LIST.map((r) => `${r.id}: ${r.instrument.en}, thresholds ${r.citation.en}`).join('; ');
const reading = z.enum([...LEVELS, ...INVALID_REASONS.filter((r) => r !== 'void-ballot'), 'undecided']);

const session = z.looseObject({
  title: text,
  body: text,
  place: text,
  date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).nullable(),
  round: text,
  regime: z.enum(REGIME_IDS).describe(regimeDescription),
  convened: count.nullable(),
  present: count.nullable(),
  issued: count.nullable(),
  returned: count.nullable(),
  quorum: z.looseObject({ required: count, met: z.boolean(), byAnalogy: z.boolean() }).nullable(),
  strict: z.boolean(),
  countingCommittee: z.array(z.string()),
  classification: text,
});

const ballotType = z.looseObject({
  id: z.string(),
  convened: count,
  present: count,
  issued: count,
  returned: count,
  voidBallots: count,
  validBallots: count,
  denominator: z.looseObject({ basis: z.enum(DENOMINATOR_BASES), value: count.nullable() }),
  voided: z.array(z.looseObject({ ballot: z.string(), reason: z.string(), strictCause: z.optional(z.looseObject({ cadre: text, reason: z.string() })) })),
  invalidLines: z.array(z.looseObject({ ballot: z.string(), cadre: text, reason: z.enum(INVALID_REASONS) })),
});

/** A percentage with two decimals, as a number (53.19). */
const percent = z.number().min(0).max(100);

const cadre = z.looseObject({
  id: text,
  stt: count.nullable(),
  name: z.string(),
  position: z.string(),
  unit: text,
  ballotType: z.string(),
  high: count,
  confidence: count,
  low: count,
  valid: count,
  invalid: count,
  invalidByReason: z.looseObject(Object.fromEntries(INVALID_REASONS.map((r) => [r, count])) as Record<(typeof INVALID_REASONS)[number], typeof count>),
  denominator: count.nullable(),
  percent: z.looseObject({ high: percent, confidence: percent, low: percent }).nullable(),
  band,
  bandLabel: z.enum(wordsOf((b) => b.label)).nullable(),
  flagged: z.boolean(),
  notes: z.array(z.string()),
  action: z.enum(wordsOf((b) => b.action)).nullable(),
});

const problem = z.looseObject({
  severity: z.enum(['error', 'warning', 'info']),
  code: z.enum(PROBLEM_CODES),
  message: z.string(),
  file: text,
  sheet: text,
  cell: text,
  row: z.int().positive().nullable(),
  column: text,
  ballot: text,
  value: text,
});

const adjudication = z.looseObject({
  ballotType: z.string(),
  ballot: z.string(),
  cadre: z.string(),
  id: text,
  before: reading,
  decision: reading,
  decidedBy: z.string(),
});

const rows = z.looseObject({
  file: z.string(),
  sheet: text,
  layout: z.enum(['wide', 'long', 'omrchecker', 'formscanner']),
  rowsRead: count,
  countedRows: count,
  ballots: count,
  rowsWithErrors: count,
  nonBallot: z.looseObject(Object.fromEntries(NON_BALLOT_KINDS.map((k) => [k, count])) as Record<(typeof NON_BALLOT_KINDS)[number], typeof count>),
  rejected: count,
});

/** The whole document: the four keys of SPEC §3 always present, in that order, then the rest. */
export const TALLY_JSON = z.looseObject({
  session,
  ballotTypes: z.array(ballotType),
  cadres: z.array(cadre),
  problems: z.array(problem),
  adjudications: z.array(adjudication),
  rows: z.array(rows),
});

/** The JSON Schema published for the document. */
export function tallyJsonSchema(): Record<string, unknown> {
  return {
    title: 'tally --json',
    description: 'The document `tally --json` prints and `-o result.json` writes (SPEC §3). More keys may be added; none is renamed.',
    ...z.toJSONSchema(TALLY_JSON, { target: 'draft-2020-12' }),
  };
}
