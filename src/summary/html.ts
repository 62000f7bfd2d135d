// The round summary as a self-contained printable page (A4 landscape, no external assets): the
// heading block, what is incomplete, totals, the per-unit table, the leaders above the
// thresholds with the prescribed action, and the board's signature.
import { DEFAULT_BALLOT_TYPE } from '../model/types.js';
import { htmlHeading } from '../report/html.js';
import { formatDate, formatPercent } from '../report/format.js';
import { EXACTLY_TWO_THIRDS_NOTE } from '../rules/regimes.js';
import { SUMMARY_TEXT } from '../text/summary.js';
import { actionWords, bandHeads, breachLines, bandWords, countsByType, incompleteLine, NO_COUNTS, noneFlaggedLine, roundHeading, roundSignature, statusText, thresholdLegend, totalLines, type RoundContext } from './words.js';
import { htmlText } from '../model/text-as-data.js';

// The page margin is 0 so the browser has no room for its own header and footer; the body's
// padding is the margin instead.
const CSS = `
@page { size: A4 landscape; margin: 0; }
* { box-sizing: border-box; }
body { font-family: "Times New Roman", "Liberation Serif", "Noto Serif", serif; font-size: 11pt; line-height: 1.25; color: #000; margin: 0 auto; max-width: 297mm; padding: 10mm 15mm 10mm 25mm; -webkit-box-decoration-break: clone; box-decoration-break: clone; -webkit-print-color-adjust: exact; print-color-adjust: exact; }
.doc-head { display: flex; justify-content: space-between; align-items: flex-start; }
.doc-head .issuer, .doc-head .national { text-align: center; }
.doc-head .issuer { min-width: 38%; } .doc-head .national { min-width: 45%; }
.doc-head .bold { font-weight: bold; } .doc-head .big { font-size: 13pt; }
.doc-head .rule { display: inline-block; border-bottom: 1px solid #000; padding-bottom: 1px; }
.doc-head .short-rule { width: 30mm; border-top: 1px solid #000; margin: 2px auto; }
.doc-head .date { font-style: italic; margin-top: 3px; }
.classification { position: absolute; top: 3mm; right: 15mm; font-weight: bold; border: 1px solid #000; padding: 0 6px; }
h1 { text-align: center; font-size: 14pt; margin: 8px 0 0; }
h2 { text-align: center; font-size: 12pt; margin: 0 0 6px; }
h3 { font-size: 11.5pt; margin: 10px 0 3px; break-after: avoid; }
.incomplete { border: 2px solid #b00; color: #b00; font-weight: bold; padding: 4px 8px; text-align: center; margin: 6px 0; }
.incomplete ul.breaches { text-align: left; font-weight: normal; margin: 3px 0 0; padding-left: 8mm; }
table { border-collapse: collapse; width: 100%; font-size: 10pt; }
th, td { border: 1px solid #777; padding: 1px 4px; vertical-align: top; }
th { background: #e8eef6; text-align: center; vertical-align: middle; }
td.n { text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums; }
td.c { text-align: center; white-space: nowrap; }
tr { break-inside: avoid; }
thead { display: table-header-group; }
tr.bad td.status { color: #b00; font-weight: bold; }
tr.flagged td { background: #fce4d6; }
td.unit { min-width: 48mm; } td.name { white-space: nowrap; } td.status { width: 28%; }
.doc-head .issuer > div { white-space: pre-wrap; }
ul.totals { margin: 0; padding-left: 8mm; columns: 2; }
p.action { margin: 2px 0 2px 8mm; }
.sign { display: flex; justify-content: space-between; margin-top: 10px; break-inside: avoid; }
.sign .to { font-size: 10pt; } .sign .to b { font-style: italic; }
.sign .head { text-align: center; font-weight: bold; min-width: 45%; }
.sign .space { height: 24mm; }
`;

export function roundHtml(ctx: RoundContext): string {
  const { round, lang } = ctx;
  const S = SUMMARY_TEXT[lang];
  const out: string[] = [`<!DOCTYPE html><html lang="${lang}"><head><meta charset="utf-8"><title>${htmlText(S.reportType)}</title><style>${CSS}</style></head><body>`];
  out.push(htmlHeading(roundHeading(ctx)));
  const incomplete = incompleteLine(round, lang);
  if (incomplete !== null) {
    const breaches = breachLines(round, lang);
    out.push(`<div class="incomplete">${htmlText(incomplete)}${breaches.length === 0 ? '' : `<ul class="breaches">${breaches.map((b) => `<li>${htmlText(b)}</li>`).join('')}</ul>`}</div>`);
  }

  out.push(`<h3>${htmlText(S.sections.totals)}</h3><ul class="totals">`);
  const totals = totalLines(round, lang);
  for (const [label, n] of [...totals.counts, ...totals.bands]) out.push(`<li>${htmlText(label)}: <b>${n}</b></li>`);
  out.push('</ul>');

  const short = bandHeads(round, lang, 'short');
  out.push(`<h3>${htmlText(S.sections.units)}</h3><table><thead>`);
  out.push(`<tr><th rowspan="2">${htmlText(S.col.stt)}</th><th rowspan="2">${htmlText(S.col.unit)}</th><th rowspan="2">${htmlText(S.col.date)}</th><th rowspan="2">${htmlText(S.col.convened)}</th><th rowspan="2">${htmlText(S.col.present)}</th><th rowspan="2">${htmlText(S.col.quorum)}</th><th colspan="4">${htmlText(S.col.ballotsGroup)}</th><th rowspan="2">${htmlText(S.col.leaders)}</th><th colspan="2">${htmlText(S.col.bandsGroup)}</th><th rowspan="2">${htmlText(S.col.status)}</th></tr>`);
  out.push(`<tr><th>${htmlText(S.col.issued)}</th><th>${htmlText(S.col.returned)}</th><th>${htmlText(S.col.valid)}</th><th>${htmlText(S.col.void)}</th><th>${htmlText(short.review)}</th><th>${htmlText(short.dismissal)}</th></tr></thead><tbody>`);
  const counts = countsByType(round);
  const num = (n: number | null) => `<td class="n">${n ?? ''}</td>`;
  round.sessions.forEach((s, i) => {
    const bad = !s.valid || s.expected === false;
    const status = `<td class="status">${htmlText(statusText(s, lang))}</td>`;
    if (s.types.length === 0) {
      out.push(`<tr class="bad"><td class="n">${i + 1}</td><td class="unit">${htmlText(s.unit)}</td><td class="c">${htmlText(formatDate(s.date, lang))}</td>${num(s.convened)}${num(s.present)}<td></td>${'<td></td>'.repeat(7)}${status}</tr>`);
      return;
    }
    s.types.forEach((ty, k) => {
      const c = counts.get(`${s.label}\u0000${ty.id}`) ?? NO_COUNTS;
      out.push(
        `<tr${bad ? ' class="bad"' : ''}><td class="n">${k === 0 ? i + 1 : ''}</td><td class="unit">${htmlText(ty.id === DEFAULT_BALLOT_TYPE ? s.unit : `${s.unit} (${ty.id})`)}</td><td class="c">${htmlText(formatDate(s.date, lang))}</td>${num(ty.convened)}${num(ty.present)}<td class="c">${htmlText(ty.quorumMet ? S.yes : S.no)}</td>${num(ty.issued)}${num(ty.returned)}${num(ty.validBallots)}${num(ty.voidBallots)}${num(c.leaders)}${num(c.review)}${num(c.dismissal)}${k === 0 ? status : '<td></td>'}</tr>`,
      );
    });
  });
  round.missing.forEach((m, i) => out.push(`<tr class="bad"><td class="n">${round.sessions.length + i + 1}</td><td class="unit">${htmlText(m)}</td>${'<td></td>'.repeat(11)}<td class="status">${htmlText(S.status.missing)}</td></tr>`));
  out.push('</tbody></table>');
  for (const text of thresholdLegend(round, lang)) out.push(`<p class="legend"><i>${htmlText(text)}</i></p>`);

  out.push(`<h3>${htmlText(S.sections.flagged)}</h3>`);
  if (round.flagged.length === 0) out.push(`<p>${htmlText(noneFlaggedLine(round, lang))}</p>`);
  else {
    out.push(`<table><thead><tr><th>${htmlText(S.col.stt)}</th><th>${htmlText(S.col.name)}</th><th>${htmlText(S.col.position)}</th><th>${htmlText(S.col.unit)}</th><th>${htmlText(S.col.count)}</th><th>${htmlText(S.col.lowShare)}</th><th>${htmlText(S.col.band)}</th><th>${htmlText(S.col.action)}</th></tr></thead><tbody>`);
    round.flagged.forEach((l, i) => {
      out.push(
        `<tr class="flagged"><td class="n">${i + 1}</td><td class="name"><b>${htmlText(l.name)}</b></td><td>${htmlText(l.position)}</td><td>${htmlText(l.unit)}</td><td class="n">${l.low}/${l.denominator ?? ''}</td><td class="n"><b>${l.percent === null ? '' : htmlText(formatPercent(l.percent.low, lang))}</b></td><td>${htmlText(bandWords(l.regime, l.band, lang))}${l.notes.includes('exactly-two-thirds') ? ' (*)' : ''}</td><td>${htmlText(actionWords(l.regime, l.band, lang))}</td></tr>`,
      );
    });
    out.push('</tbody></table>');
    if (round.flagged.some((l) => l.notes.includes('exactly-two-thirds'))) out.push(`<p><i>(*) ${htmlText(EXACTLY_TWO_THIRDS_NOTE[lang])}</i></p>`);
  }
  const sig = roundSignature(ctx);
  out.push(`<div class="sign"><div class="to"><b>${htmlText(sig.recipientsTitle)}</b>${sig.recipients.map((r) => `<div>${htmlText(r)}</div>`).join('')}</div><div class="head"><div>${htmlText(sig.authority)}</div><div>${htmlText(sig.title)}</div><div class="space"></div><div>${htmlText(sig.name)}</div></div></div>`);
  out.push('</body></html>');
  return `${out.join('\n')}\n`;
}
