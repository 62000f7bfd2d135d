// Command-line options checked at the boundary and turned into session flags. The checks are
// written out rather than declared with zod: importing zod alone cost about 60 ms per run,
// most of the clerk's wait on a normal session (see npm run bench).
import { COUNT_KEYS, parseBasis, parseCount, parseDate, parseOmrLetters, parseRegime, parseThreshold, type SessionFlags } from '../model/session.js';
import type { SessionEntries } from '../read/session.js';
import { compareDecimal, type Decimal } from '../rules/decimal.js';
import { clean } from '../text/fold.js';
import { LANGS, type Lang } from '../text/lang.js';
import { parseLimits, type Limits } from '../read/limits.js';
import type { OptionSpec, OptionValue } from './args.js';
import { HELP } from '../text/cli.js';
import { usageError, type Io } from './io.js';

/** A count flag: "42", or "A=42" for ballot type A; at most one bare value. */
const TYPED = /^([^=]+)=(.*)$/;

export interface TallyOptions {
  readonly roster?: string;
  readonly session?: string;
  readonly title?: string;
  readonly body?: string;
  readonly date?: string;
  readonly round?: string;
  readonly regime?: string;
  readonly denominator?: string;
  readonly convened: readonly string[];
  readonly present: readonly string[];
  readonly issued: readonly string[];
  readonly returned: readonly string[];
  readonly strict?: boolean;
  readonly markThreshold?: string;
  readonly blankThreshold?: string;
  readonly omrLetters?: string;
  readonly adjudications?: string;
  readonly lang: Lang;
  readonly json?: boolean;
  readonly output: readonly string[];
  readonly debug?: boolean;
}

export type Checked = { readonly ok: true; readonly options: TallyOptions } | { readonly ok: false; readonly bad: readonly string[] };

/** Checks the values read from the command line; `bad` names each option whose value is not valid. */
export function checkTallyOptions(raw: Record<string, unknown>): Checked {
  const bad: string[] = [];
  const text = (name: string, valid: (v: string) => boolean = () => true): string | undefined => {
    const v = raw[name];
    if (v === undefined) return undefined;
    if (typeof v !== 'string' || !valid(v)) bad.push(name);
    return typeof v === 'string' ? v : undefined;
  };
  const counts = (name: string): string[] => {
    const vs = (raw[name] as string[] | undefined) ?? [];
    const ok = vs.every((v) => parseCount(TYPED.exec(v)?.[2] ?? v) !== null) && vs.filter((v) => !TYPED.test(v)).length <= 1;
    if (!ok) bad.push(name);
    return vs;
  };
  const lang = (raw['lang'] as string | undefined) ?? 'vi';
  if (!(LANGS as readonly string[]).includes(lang)) bad.push('lang');
  const options = {
    roster: text('roster'),
    session: text('session'),
    title: text('title'),
    body: text('body'),
    date: text('date', (v) => parseDate(v) !== null),
    round: text('round'),
    regime: text('regime', (v) => parseRegime(v) !== null),
    denominator: text('denominator', (v) => parseBasis(v) !== null),
    convened: counts('convened'),
    present: counts('present'),
    issued: counts('issued'),
    returned: counts('returned'),
    strict: raw['strict'] === true ? true : undefined,
    markThreshold: text('markThreshold', (v) => parseThreshold(v) !== null),
    blankThreshold: text('blankThreshold', (v) => parseThreshold(v) !== null),
    omrLetters: text('omrLetters', (v) => parseOmrLetters(v) !== null),
    adjudications: text('adjudications'),
    lang: lang as Lang,
    json: raw['json'] === true ? true : undefined,
    output: (raw['output'] as string[] | undefined) ?? [],
    debug: raw['debug'] === true ? true : undefined,
  };
  const mark = options.markThreshold === undefined ? null : parseThreshold(options.markThreshold);
  const blank = options.blankThreshold === undefined ? null : parseThreshold(options.blankThreshold);
  if (mark !== null && blank !== null && compareDecimal(blank as Decimal, mark as Decimal) >= 0) bad.push('blankThreshold');
  if (bad.length > 0) return { ok: false, bad };
  // Options not given stay absent (exactOptionalPropertyTypes).
  return { ok: true, options: Object.fromEntries(Object.entries(options).filter(([, v]) => v !== undefined)) as unknown as TallyOptions };
}

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

/** The --limit options over the defaults; null after reporting each one that is not valid. */
export function limitsFrom(given: OptionValue | undefined, io: Io, lang: Lang): Limits | null {
  const { limits, bad } = parseLimits(given === undefined || given === true ? [] : typeof given === 'string' ? [given] : given);
  for (const b of bad) usageError(io, lang, HELP[lang].badOption('limit', b));
  return bad.length === 0 ? limits : null;
}

/** The options every command takes, last in its help: limits, language, debug. */
export function commonOptions(h: (typeof HELP)[Lang]): OptionSpec[] {
  return [
    { name: '--limit', value: 'limit', repeat: true, help: h.limitOption },
    { name: '--lang', value: 'lang', choices: [...LANGS], help: h.lang },
    { name: '--debug', help: h.debug },
  ];
}
