// Command-line options validated at the boundary (zod), turned into session flags.
import { z } from 'zod';
import { COUNT_KEYS, parseBasis, parseCount, parseDate, parseOmrLetters, parseRegime, parseThreshold, type SessionFlags } from '../model/session.js';
import type { SessionEntries } from '../read/session.js';
import { clean } from '../text/fold.js';
import { compareDecimal, type Decimal } from '../rules/decimal.js';
import { LANGS } from '../text/lang.js';

/** A count flag: "42", or "A=42" for ballot type A; at most one bare value. */
const TYPED = /^([^=]+)=(.*)$/;
const counts = z
  .array(z.string().refine((v) => parseCount(TYPED.exec(v)?.[2] ?? v) !== null, { error: 'count' }))
  .refine((vs) => vs.filter((v) => !TYPED.test(v)).length <= 1, { error: 'count' })
  .default([]);

export const TallyOptionsSchema = z.object({
  roster: z.string().optional(),
  session: z.string().optional(),
  title: z.string().optional(),
  body: z.string().optional(),
  date: z.string().refine((v) => parseDate(v) !== null, { error: 'date' }).optional(),
  round: z.string().optional(),
  regime: z.string().refine((v) => parseRegime(v) !== null, { error: 'regime' }).optional(),
  denominator: z.string().refine((v) => parseBasis(v) !== null, { error: 'denominator' }).optional(),
  convened: counts,
  present: counts,
  issued: counts,
  returned: counts,
  strict: z.boolean().optional(),
  markThreshold: z.string().refine((v) => parseThreshold(v) !== null, { error: 'threshold' }).optional(),
  blankThreshold: z.string().refine((v) => parseThreshold(v) !== null, { error: 'threshold' }).optional(),
  omrLetters: z.string().refine((v) => parseOmrLetters(v) !== null, { error: 'omr-letters' }).optional(),
  adjudications: z.string().optional(),
  lang: z.enum(LANGS).default('vi'),
  json: z.boolean().optional(),
  output: z.array(z.string()).default([]),
  debug: z.boolean().optional(),
}).refine(
  (o) => o.markThreshold === undefined || o.blankThreshold === undefined || compareDecimal(parseThreshold(o.blankThreshold) as Decimal, parseThreshold(o.markThreshold) as Decimal) < 0,
  { error: 'thresholds', path: ['blankThreshold'] },
);
export type TallyOptions = z.infer<typeof TallyOptionsSchema>;

export function sessionFlags(o: TallyOptions): SessionFlags {
  const flags: SessionFlags = {};
  for (const key of ['title', 'body', 'date', 'round', 'regime', 'denominator'] as const) {
    const v = o[key];
    if (v !== undefined) flags[key] = v;
  }
  for (const key of COUNT_KEYS) {
    const bare = o[key].find((v) => !TYPED.test(v));
    if (bare !== undefined) flags[key] = bare;
  }
  if (o.strict === true) flags.strict = true;
  if (o.markThreshold !== undefined) flags.mark_threshold = o.markThreshold;
  if (o.blankThreshold !== undefined) flags.blank_threshold = o.blankThreshold;
  if (o.omrLetters !== undefined) flags.omr_letters = o.omrLetters;
  return flags;
}

/** Count flags given for one ballot type ("--issued A=42"). */
export function typedSessionFlags(o: TallyOptions): Map<string, SessionEntries> {
  const out = new Map<string, SessionEntries>();
  for (const key of COUNT_KEYS) {
    for (const v of o[key]) {
      const m = TYPED.exec(v);
      if (m === null) continue;
      const type = clean(m[1] ?? '');
      const entries = out.get(type) ?? {};
      entries[key] = { value: clean(m[2] ?? ''), location: { column: `--${key} ${type}=` } };
      out.set(type, entries);
    }
  }
  return out;
}
