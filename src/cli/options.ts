// Command-line options validated at the boundary (zod), turned into session flags.
import { z } from 'zod';
import { parseBasis, parseCount, parseDate, parseRegime, type SessionFlags } from '../model/session.js';
import { LANGS } from '../text/lang.js';

const count = z.string().refine((v) => parseCount(v) !== null, { error: 'count' });

export const TallyOptionsSchema = z.object({
  roster: z.string().optional(),
  session: z.string().optional(),
  title: z.string().optional(),
  body: z.string().optional(),
  date: z.string().refine((v) => parseDate(v) !== null, { error: 'date' }).optional(),
  round: z.string().optional(),
  regime: z.string().refine((v) => parseRegime(v) !== null, { error: 'regime' }).optional(),
  denominator: z.string().refine((v) => parseBasis(v) !== null, { error: 'denominator' }).optional(),
  convened: count.optional(),
  present: count.optional(),
  issued: count.optional(),
  returned: count.optional(),
  strict: z.boolean().optional(),
  lang: z.enum(LANGS).default('vi'),
  json: z.boolean().optional(),
  output: z.array(z.string()).default([]),
  debug: z.boolean().optional(),
});
export type TallyOptions = z.infer<typeof TallyOptionsSchema>;

export function sessionFlags(o: TallyOptions): SessionFlags {
  const flags: SessionFlags = {};
  for (const key of ['title', 'body', 'date', 'round', 'regime', 'denominator', 'convened', 'present', 'issued', 'returned'] as const) {
    const v = o[key];
    if (v !== undefined) flags[key] = v;
  }
  if (o.strict === true) flags.strict = true;
  return flags;
}
