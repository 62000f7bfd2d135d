// Command-line options checked at the boundary with zod (zod/mini: the same checks as zod's
// full API at a fraction of its start-up cost in the bundle — see README "Dependencies") and
// turned into session flags. Every refusal names the option, its value and why, in the clerk's
// language; the checks are the model's own parsers, so a value the session file accepts is
// accepted here too.
import * as z from 'zod/mini';
import { COUNT_KEYS, parseBasis, parseCount, parseDate, parseOmrLetters, parseRegime, parseThreshold, TYPED_COUNT, typedCountEntries, type SessionFlags } from '../validate/session.js';
import { DENOMINATOR_BASES, REGIME_IDS } from '../model/types.js';
import type { SessionEntries } from '../model/session-keys.js';
import { compareDecimal, type Decimal } from '../model/decimal.js';
import { LANGS, type Lang } from '../text/lang.js';
import { parseLimits, type Limits } from '../model/limits.js';
import type { OptionSpec, OptionValue } from './args.js';
import { HELP, OPTION_CHECKS } from '../text/cli.js';
import { REGIME_LIST } from '../rules/regimes.js';
import { usageError, type Io } from './io.js';

/** A count flag: "42", or "A=42" for ballot type A; at most one bare value. */
const TYPED = TYPED_COUNT;

/** A text option whose value `valid` accepts, refused with `why`. */
const checked = (valid: (v: string) => boolean, why: string) => z.optional(z.string().check(z.refine(valid, { error: why })));
const text = z.optional(z.string());
const flag = z.optional(z.literal(true));

function tallySchema(lang: Lang) {
  const why = OPTION_CHECKS[lang];
  const counts = z._default(
    z.array(z.string()).check(
      z.refine((vs) => vs.every((v) => parseCount(TYPED.exec(v)?.[2] ?? v) !== null), { error: why.count }),
      z.refine((vs) => vs.filter((v) => !TYPED.test(v)).length <= 1, { error: why.oneBare }),
    ),
    [],
  );
  return z
    .object({
      roster: text,
      session: text,
      title: text,
      body: text,
      parentBody: text,
      number: text,
      date: checked((v) => parseDate(v) !== null, why.date),
      round: text,
      regime: checked((v) => parseRegime(v) !== null, why.regime(REGIME_IDS)),
      denominator: checked((v) => parseBasis(v) !== null, why.basis(DENOMINATOR_BASES)),
      convened: counts,
      present: counts,
      issued: counts,
      returned: counts,
      strict: flag,
      markThreshold: checked((v) => parseThreshold(v) !== null, why.threshold),
      blankThreshold: checked((v) => parseThreshold(v) !== null, why.threshold),
      omrLetters: checked((v) => parseOmrLetters(v) !== null, why.omrLetters),
      adjudications: text,
      lang: z._default(z.enum(LANGS), 'vi'),
      json: flag,
      output: z._default(z.array(z.string()), []),
      overwrite: flag,
      debug: flag,
      limit: z.optional(z.array(z.string())),
    })
    .check(
      // The thresholds are ordered: a ratio cannot be both blank and marked.
      z.refine(
        (o) => {
          const mark = o.markThreshold === undefined ? null : parseThreshold(o.markThreshold);
          const blank = o.blankThreshold === undefined ? null : parseThreshold(o.blankThreshold);
          return mark === null || blank === null || compareDecimal(blank as Decimal, mark as Decimal) < 0;
        },
        { error: (issue) => why.thresholdsOrdered(String((issue.input as { blankThreshold?: string }).blankThreshold), String((issue.input as { markThreshold?: string }).markThreshold)), path: ['blankThreshold'] },
      ),
    );
}

export type TallyOptions = z.infer<ReturnType<typeof tallySchema>>;

/** An option refused: its name as typed ("mark-threshold"), its value and why. */
export interface Refusal {
  readonly option: string;
  readonly value: string;
  readonly why: string;
}

export type Checked = { readonly ok: true; readonly options: TallyOptions } | { readonly ok: false; readonly bad: readonly Refusal[] };

/** "markThreshold" → "mark-threshold". */
const optionName = (key: string) => key.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);

function refusals(issues: readonly z.core.$ZodIssue[], raw: Readonly<Record<string, unknown>>): Refusal[] {
  return issues.map((issue) => {
    const key = String(issue.path[0] ?? '');
    return { option: optionName(key), value: [raw[key] ?? ''].flat().join(' '), why: issue.message };
  });
}

/** Checks the values read from the command line; `bad` names each option whose value is not valid. */
export function checkTallyOptions(raw: Readonly<Record<string, unknown>>, lang: Lang): Checked {
  const r = tallySchema(lang).safeParse(raw);
  if (!r.success) return { ok: false, bad: refusals(r.error.issues, raw) };
  // Options not given stay absent (exactOptionalPropertyTypes).
  return { ok: true, options: Object.fromEntries(Object.entries(r.data).filter(([, v]) => v !== undefined)) as TallyOptions };
}

/** A whole number option (--jobs, --ballots): the number, or the refusal. */
export function checkWholeNumber(name: string, value: string | undefined, lang: Lang, { min, digits }: { readonly min: number; readonly digits: number }): number | Refusal | undefined {
  if (value === undefined) return undefined;
  const why = OPTION_CHECKS[lang];
  const schema = z.string().check(z.regex(new RegExp(`^\\d{1,${digits}}$`)), z.refine((v) => Number(v) >= min));
  return schema.safeParse(value).success ? Number(value) : { option: name, value, why: min > 0 ? why.positive : why.wholeNumber };
}

/** Says each refusal as a usage error; exit 2. */
export function refuse(io: Io, lang: Lang, bad: readonly Refusal[]): number {
  for (const b of bad) usageError(io, lang, `${HELP[lang].badOption(b.option, b.value)}: ${b.why}`);
  return 2;
}

export function sessionFlags(o: TallyOptions): SessionFlags {
  const flags: SessionFlags = {};
  for (const key of ['title', 'body', 'date', 'round', 'regime', 'denominator'] as const) {
    const v = o[key];
    if (v !== undefined) flags[key] = v;
  }
  if (o.parentBody !== undefined) flags.parent_body = o.parentBody;
  if (o.number !== undefined) flags.number = o.number;
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
  return typedCountEntries(o);
}

/** The --limit options over the defaults; null after reporting each one that is not valid. */
export function limitsFrom(given: OptionValue | undefined, io: Io, lang: Lang): Limits | null {
  const { limits, bad } = parseLimits(given === undefined || given === true ? [] : typeof given === 'string' ? [given] : given);
  for (const b of bad) usageError(io, lang, HELP[lang].badOption('limit', b));
  return bad.length === 0 ? limits : null;
}

/** --overwrite, beside each command's -o. */
export const overwriteOption = (h: (typeof HELP)[Lang]): OptionSpec => ({ name: '--overwrite', help: h.overwrite });

/** The options every command takes, last in its help: limits, language, debug. */
/**
 * The options that say where a session's roster and values are and what its documents are
 * headed with: the same for `tally` and `tally ballot-form`, said once.
 */
export function sessionSourceOptions(h: (typeof HELP)[Lang], lang: Lang): { readonly roster: OptionSpec; readonly session: OptionSpec; readonly title: OptionSpec; readonly body: OptionSpec; readonly parentBody: OptionSpec; readonly date: OptionSpec; readonly regime: OptionSpec } {
  return {
    roster: { name: '--roster', value: 'file', help: h.roster },
    session: { name: '--session', value: 'file', help: h.session },
    title: { name: '--title', value: 'text', help: h.title },
    body: { name: '--body', value: 'text', help: h.body },
    parentBody: { name: '--parent-body', value: 'text', help: h.parentBody },
    date: { name: '--date', value: 'date', help: h.date },
    // The regimes listed from the registry (rules/regimes.ts), never retyped.
    regime: { name: '--regime', value: 'regime', help: h.regime(REGIME_LIST.map((r) => ({ id: r.id, name: r.aliases[0] ?? r.id, instrument: r.instrument[lang] }))) },
  };
}

export function commonOptions(h: (typeof HELP)[Lang]): OptionSpec[] {
  return [
    { name: '--limit', value: 'limit', repeat: true, help: h.limitOption },
    { name: '--lang', value: 'lang', choices: [...LANGS], help: h.lang },
    { name: '--debug', help: h.debug },
  ];
}
