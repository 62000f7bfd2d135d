// Every option that shaped the result, with where it came from, for the audit sheet.
import type { AuditOption } from '../report/context.js';
import type { TallyOutcome } from '../tally.js';
import type { Lang } from '../text/lang.js';
import { formatDecimal } from '../model/decimal.js';
import { COUNT_KEYS, TYPED_COUNT, type CountKey } from '../validate/session.js';

/**
 * `typedCounts`: the count options as given ("--issued A=42"); those for one ballot type are
 * listed each, so `check` re-tallies with them (SPEC §4: every option the result was made with).
 */
export function auditOptions(outcome: TallyOutcome, lang: Lang, langGiven: boolean, typedCounts: Readonly<Partial<Record<CountKey, readonly string[]>>> = {}): AuditOption[] {
  const { session } = outcome;
  const o = session.origins;
  const list: AuditOption[] = [
    { name: 'regime', value: session.regime, origin: o.regime ?? 'default' },
    { name: 'denominator', value: outcome.basis, origin: o.denominator ?? 'default' },
    { name: 'strict', value: String(session.strict), origin: o.strict ?? 'default' },
    { name: 'lang', value: lang, origin: langGiven ? 'flag' : 'default' },
  ];
  const values: [keyof typeof o, string | number | null][] = [
    ['title', session.title],
    ['body', session.body],
    ['place', session.place],
    ['date', session.date],
    ['round', session.round],
    ['convened', session.counts.convened],
    ['present', session.counts.present],
    ['issued', session.counts.issued],
    ['returned', session.counts.returned],
    ['counting_committee', session.countingCommittee.join('; ') || null],
    ['classification', session.classification],
    ['parent_body', session.parentBody],
    ['number', session.number],
    ['time', session.time],
  ];
  for (const [name, value] of values) {
    if (value !== null) list.push({ name, value: String(value), origin: o[name] ?? 'default' });
  }
  for (const key of COUNT_KEYS) for (const v of typedCounts[key] ?? []) if (TYPED_COUNT.test(v)) list.push({ name: key, value: v, origin: 'flag' });
  // The scanner's settings change what a scanned ballot says: listed when given, in the form
  // their option takes.
  const scanner: [keyof typeof o, string][] = [
    ['mark_threshold', formatDecimal(session.thresholds.mark)],
    ['blank_threshold', formatDecimal(session.thresholds.blank)],
    ['omr_letters', [...session.omrLetters].map(([letter, level]) => `${letter}=${level}`).join(',')],
  ];
  for (const [name, value] of scanner) {
    const origin = o[name];
    if (origin !== undefined) list.push({ name, value, origin });
  }
  return list;
}
