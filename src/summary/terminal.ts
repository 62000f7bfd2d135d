// The round on the terminal: what is incomplete, the totals, one line per unit, the leaders
// above the thresholds. The files (-o) carry the full tables.
import { formatDate, formatPercent } from '../report/format.js';
import { SUMMARY_TEXT } from '../text/summary.js';
import { locationText, problemMessage } from '../text/messages.js';
import { screenData } from '../model/text-as-data.js';
import { bandWords, incompleteLine, noneFlaggedLine, statusText, thresholdLegend, totalLines, unitBandWords, type RoundContext } from './words.js';

export function roundTerminal(ctx: RoundContext): string {
  // Units, names and messages reach the screen with their controls shown, never obeyed.
  const { round, lang } = screenData(ctx);
  const S = SUMMARY_TEXT[lang];
  const out: string[] = [S.terminal.heading(round.round), ''];
  const incomplete = incompleteLine(round, lang);
  out.push(incomplete ?? S.terminal.complete, '');
  const totals = totalLines(round, lang);
  for (const [label, n] of [...totals.counts, ...totals.bands]) out.push(`  ${label}: ${n}`);
  for (const text of thresholdLegend(round, lang)) out.push(`  ${text}`);
  // The screen has no numbered sections of its own: the documents' "II." would stand alone here.
  out.push('', S.terminal.units);
  round.sessions.forEach((s, i) => {
    // Each unit's bands in its own regime's words; a band its regime does not have is not named.
    const bands = (['review', 'dismissal'] as const).flatMap((b) => {
      const words = unitBandWords(s.regime, b, lang);
      return words === null ? [] : [`; ${words}: ${s.bands[b]}`];
    });
    const people = s.valid ? ` — ${s.leaders} ${S.col.people.toLocaleLowerCase(lang)}${bands.join('')}` : '';
    out.push(`  ${i + 1}. ${s.unit}${s.date === null ? '' : ` (${formatDate(s.date, lang)})`}${people} — ${statusText(s, lang)}`);
    // A valid unit's problems (rows set aside, names matched without diacritics, a record's
    // column not understood): the first, with its file, and how many.
    const first = s.valid ? s.problems[0] : undefined;
    if (first !== undefined) {
      const where = locationText(first.location, lang);
      out.push(`     ${S.terminal.warnings(s.problemTotal, `${where === '' ? '' : `${where}: `}${problemMessage(first, lang)}`)}`);
    }
  });
  for (const m of round.missing) out.push(`  - ${m} — ${S.status.missing}`);
  out.push('', S.terminal.flagged);
  if (round.flagged.length === 0) out.push(`  ${noneFlaggedLine(round, lang)}`);
  round.flagged.forEach((l, i) => {
    const pct = l.percent === null ? '' : formatPercent(l.percent.low, lang);
    out.push(`  ${i + 1}. ${l.name} — ${l.position} — ${S.flaggedLine(l.unit, l.low, l.denominator, pct, bandWords(l.regime, l.band, lang))}`);
  });
  const errors = round.problems.filter((p) => p.severity === 'error');
  if (errors.length > 0) out.push('', ...errors.map((p) => `  ${problemMessage(p, lang)}`));
  return `${out.join('\n')}\n`;
}
