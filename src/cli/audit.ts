// Every option that shaped the result, with where it came from, for the audit sheet.
import type { AuditOption } from '../report/context.js';
import type { TallyOutcome } from '../tally.js';
import type { Lang } from '../text/lang.js';

export function auditOptions(outcome: TallyOutcome, lang: Lang, langGiven: boolean): AuditOption[] {
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
  return list;
}
