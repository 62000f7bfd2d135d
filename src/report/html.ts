// A self-contained, printable HTML report: no external assets. Each leader gets a stacked bar
// (high / confidence / low / invalid) with the regime's thresholds drawn on it.
import type { BandRule } from '../rules/regimes.js';
import { EXACTLY_TWO_THIRDS_NOTE } from '../rules/regimes.js';
import type { BallotTypeResult, CadreResult } from '../rules/evaluate.js';
import { LABELS } from '../text/labels.js';
import { allCadres, compareBallots, type ReportContext } from './context.js';
import { bandAction, bandLabel, bandMark, formatDate, formatPercent, placeDateLine, readingLabel } from './format.js';
import { DEFAULT_BALLOT_TYPE } from '../model/types.js';

const esc = (s: string | number | null | undefined): string =>
  String(s ?? '').replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);

const CSS = `
@page { size: A4 landscape; margin: 12mm; }
* { box-sizing: border-box; }
body { font-family: "Times New Roman", "Noto Serif", "DejaVu Serif", serif; font-size: 11pt; color: #111; margin: 0 auto; max-width: 277mm; padding: 8mm 0; -webkit-print-color-adjust: exact; print-color-adjust: exact; }
header .top { display: flex; justify-content: space-between; font-weight: bold; }
.classification { color: #b00; border: 1px solid #b00; padding: 1px 6px; }
h1 { text-align: center; font-size: 15pt; margin: 10px 0 2px; }
h2 { text-align: center; font-size: 12pt; font-weight: normal; font-style: italic; margin: 0 0 10px; }
h3 { font-size: 12pt; margin: 16px 0 6px; break-after: avoid; }
dl.info { display: grid; grid-template-columns: max-content 1fr; gap: 2px 12px; margin: 0 0 10px; }
dl.info dt { font-weight: bold; }
dl.info dd { margin: 0; }
.no-effect { border: 2px solid #b00; color: #b00; font-weight: bold; padding: 6px 10px; text-align: center; margin: 8px 0; }
table { border-collapse: collapse; width: 100%; }
th, td { border: 1px solid #999; padding: 3px 5px; vertical-align: top; }
th { background: #ddebf7; font-weight: bold; text-align: center; }
td.n { text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums; }
td.c { text-align: center; white-space: nowrap; }
tr { break-inside: avoid; }
thead { display: table-header-group; }
tr.flagged td { background: #fce4d6; }
tr.flagged td.name { font-weight: bold; }
td.name { white-space: nowrap; }
td.bar-cell { width: 190px; vertical-align: middle; }
.bar { position: relative; display: flex; height: 14px; border: 1px solid #666; background: #fff; }
.bar span { display: block; height: 100%; }
.bar .high { background: #2e7d32; } .bar .confidence { background: #90caf9; } .bar .low { background: #c62828; } .bar .invalid { background: #bdbdbd; } .bar .rest { background: #fff; }
.bar .threshold { position: absolute; top: -3px; bottom: -3px; width: 0; border-left: 2px dashed #000; }
.legend { font-size: 9pt; margin: 4px 0 0; display: flex; gap: 14px; flex-wrap: wrap; }
.legend i { display: inline-block; width: 12px; height: 10px; border: 1px solid #666; margin-right: 4px; vertical-align: -1px; }
.legend i.threshold { border: none; border-left: 2px dashed #000; width: 2px; }
.flag-list { margin: 0; padding-left: 18px; } .flag-list li { margin-bottom: 6px; break-inside: avoid; }
.note { font-size: 10pt; font-style: italic; }
.sign { display: flex; justify-content: space-between; margin-top: 18px; break-inside: avoid; }
.sign .col { text-align: center; min-width: 40%; }
.sign .place { font-style: italic; }
.sign .space { height: 60px; }
.sign .members { text-align: left; }
footer { margin-top: 16px; font-size: 8pt; color: #555; word-break: break-all; }
`;

export async function renderHtml(ctx: ReportContext): Promise<Uint8Array> {
  const L = LABELS[ctx.lang];
  const { session, regime } = ctx.outcome;
  const types = ctx.outcome.ballotTypes;
  const multi = !(types.length === 1 && types[0]?.id === DEFAULT_BALLOT_TYPE);
  const parts: string[] = [];
  parts.push(`<!DOCTYPE html>\n<html lang="${ctx.lang}">\n<head>\n<meta charset="utf-8">\n<title>${esc(L.heading)}${session.title ? ` — ${esc(session.title)}` : ''}</title>\n<style>${CSS}</style>\n</head>\n<body>`);
  parts.push(`<header><div class="top"><span>${esc((session.body ?? '').toLocaleUpperCase('vi'))}</span>${session.classification ? `<span class="classification">${esc(session.classification)}</span>` : ''}</div>`);
  parts.push(`<h1>${esc(L.heading)}</h1>${session.title ? `<h2>${esc(session.title)}</h2>` : ''}</header>`);
  const info: [string, string][] = [
    [L.date, [formatDate(session.date, ctx.lang), session.round === null ? '' : `${L.round} ${session.round}`].filter((x) => x).join(' · ')],
    [L.regime, regime.instrument[ctx.lang]],
  ];
  for (const t of types) {
    const prefix = multi ? `${L.ballotType} ${t.id}: ` : '';
    info.push([L.denominator, `${prefix}${L.basis[t.denominator.basis]}${t.denominator.value === null ? '' : ` = ${t.denominator.value}`}`]);
    info.push([L.quorum, `${prefix}${L.quorumText(t.quorum.present, t.quorum.convened, t.quorum.required, t.quorum.met)}${regime.quorumByAnalogy ? L.byAnalogy : ''}`]);
    info.push([L.ballots, `${prefix}${L.ballotsLine(t.issued, t.returned, t.validBallots, t.voidBallots)}`]);
  }
  parts.push(`<dl class="info">${info.map(([k, v]) => `<dt>${esc(k)}:</dt><dd>${esc(v)}</dd>`).join('')}</dl>`);
  if (types.some((t) => !t.quorum.met)) parts.push(`<div class="no-effect">${esc(L.noEffect)}</div>`);

  // The leader table.
  const levelHead = (name: string) => `<th colspan="2">${esc(name)}</th>`;
  parts.push('<table class="leaders"><thead><tr>');
  parts.push(`<th rowspan="2">${esc(L.col.stt)}</th><th rowspan="2">${esc(L.col.name)}</th><th rowspan="2">${esc(L.col.position)}</th>`);
  if (multi) parts.push(`<th rowspan="2">${esc(L.col.ballotType)}</th>`);
  parts.push(`<th rowspan="2">${esc(L.col.valid)}</th><th rowspan="2">${esc(L.col.invalid)}</th>`);
  parts.push(`${levelHead(L.col.high)}${levelHead(L.col.confidence)}${levelHead(L.col.low)}<th rowspan="2">${esc(L.col.band)}</th><th rowspan="2"></th></tr><tr>`);
  parts.push(`<th>${esc(L.col.count)}</th><th>${esc(L.col.percent)}</th>`.repeat(3));
  parts.push('</tr></thead><tbody>');
  for (const { type, result: r } of allCadres(ctx)) {
    const pct = (level: 'high' | 'confidence' | 'low') => (r.percent === null ? '' : formatPercent(r.percent[level], ctx.lang));
    const mark = bandMark(regime, r.band) + (r.notes.includes('exactly-two-thirds') ? ' *' : '');
    parts.push(`<tr${r.flagged ? ' class="flagged"' : ''}><td class="n">${esc(r.cadre.stt)}</td><td class="name">${esc(r.cadre.name)}</td><td>${esc(r.cadre.position)}</td>`);
    if (multi) parts.push(`<td class="c">${esc(type.id)}</td>`);
    parts.push(`<td class="n">${r.valid}</td><td class="n">${r.invalid}</td>`);
    parts.push(`<td class="n">${r.high}</td><td class="n">${pct('high')}</td><td class="n">${r.confidence}</td><td class="n">${pct('confidence')}</td><td class="n">${r.low}</td><td class="n">${pct('low')}</td>`);
    parts.push(`<td class="c">${esc(mark)}</td><td class="bar-cell">${bar(type, r, [regime.review, regime.dismissal])}</td></tr>`);
  }
  parts.push('</tbody></table>');
  parts.push(`<div class="legend"><span><i class="high" style="background:#2e7d32"></i>${esc(L.col.high)}</span><span><i style="background:#90caf9"></i>${esc(L.col.confidence)}</span><span><i style="background:#c62828"></i>${esc(L.col.low)}</span><span><i style="background:#bdbdbd"></i>${esc(L.col.invalid)}</span>${[regime.review, regime.dismissal]
    .filter((x): x is BandRule => x !== null)
    .map((rule) => `<span><i class="threshold"></i>${esc(rule.label[ctx.lang])}</span>`)
    .join('')}</div>`);

  // Flagged leaders with the prescribed action.
  parts.push(`<h3>${esc(L.flaggedTitle)}</h3>`);
  const flagged = allCadres(ctx).filter(({ result }) => result.flagged);
  if (flagged.length === 0) parts.push(`<p>${esc(types.every((t) => t.quorum.met) ? L.noneFlagged : L.noEffect)}</p>`);
  else {
    parts.push('<ol class="flag-list">');
    for (const { result: r } of flagged) {
      const pct = r.percent === null ? '' : formatPercent(r.percent.low, ctx.lang);
      parts.push(`<li><b>${esc(r.cadre.name)}</b> — ${esc(r.cadre.position)}: ${r.low}/${r.denominator ?? ''} = ${esc(pct)} ${esc(L.col.low.toLocaleLowerCase(ctx.lang))}. <b>${esc(bandLabel(regime, r.band, ctx.lang))}.</b><br>${esc(bandAction(regime, r.band, ctx.lang))}`);
      if (r.notes.includes('exactly-two-thirds')) parts.push(`<br><span class="note">* ${esc(EXACTLY_TWO_THIRDS_NOTE[ctx.lang])}</span>`);
      parts.push('</li>');
    }
    parts.push('</ol>');
  }

  // Invalid ballots and lines: ballot numbers and reasons only.
  parts.push(`<h3>${esc(L.invalidTitle)}</h3>`);
  const names = new Map(ctx.outcome.cadres.map((c) => [c.key, c.name]));
  const voided = types.flatMap((t) => t.count.voidBallots).sort((a, b) => compareBallots(a.ballot, b.ballot));
  parts.push(`<p><b>${esc(L.voidBallots)}:</b> ${voided.length === 0 ? esc(L.none) : voided.map((v) => `${esc(L.col.ballot.toLocaleLowerCase(ctx.lang))} ${esc(v.ballot)} (${esc(v.strictCause === undefined ? v.reason : L.strictCause(L.reasons[v.strictCause.reason], names.get(v.strictCause.cadreKey) ?? ''))})`).join('; ')}</p>`);
  const lines = types.flatMap((t) => t.count.invalidLines).sort((a, b) => compareBallots(a.ballot, b.ballot) || a.cadreKey - b.cadreKey);
  parts.push(`<p><b>${esc(L.invalidLines)}:</b> ${lines.length === 0 ? esc(L.none) : lines.map((l) => `${esc(L.col.ballot.toLocaleLowerCase(ctx.lang))} ${esc(l.ballot)} — ${esc(names.get(l.cadreKey))}: ${esc(L.reasons[l.reason].toLocaleLowerCase(ctx.lang))}`).join('; ')}</p>`);

  if (ctx.outcome.adjudications.length > 0) {
    parts.push(`<p><b>${esc(L.adjudicationsTitle)}:</b> ${ctx.outcome.adjudications.map((a) => `${esc(L.col.ballot.toLocaleLowerCase(ctx.lang))} ${esc(a.ballot)} — ${esc(a.cadre.name)}: ${esc(readingLabel(a.before, ctx.lang))} → ${esc(readingLabel(a.decision, ctx.lang))} (${esc(a.decidedBy)})`).join('; ')}</p>`);
  }

  // Place, date and the counting committee's signatures.
  const [head, ...members] = session.countingCommittee;
  const place = placeDateLine(session.place, session.date, ctx.lang);
  parts.push('<div class="sign">');
  parts.push(`<div class="col members">${members.length > 0 ? `<b>${esc(L.members)}</b><br>${members.map(esc).join('<br>')}` : ''}</div>`);
  parts.push(`<div class="col">${place === null ? '' : `<div class="place">${esc(place)}</div>`}<b>${L.signHead.map(esc).join('<br>')}</b><div class="space"></div><b>${esc(head ?? '')}</b></div>`);
  parts.push('</div>');
  parts.push(`<footer>tally ${esc(ctx.version)} · ${esc(L.audit.digest)}: ${esc(ctx.outcome.inputDigest)}</footer>`);
  parts.push('</body>\n</html>\n');
  return new TextEncoder().encode(parts.join('\n'));
}

/**
 * Segment widths are flex weights equal to the counts, so the bar is exact without rounding:
 * high, confidence, low, invalid lines, then whatever of T is not among the returned ballots.
 */
function bar(type: BallotTypeResult, r: CadreResult, rules: readonly (BandRule | null)[]): string {
  if (r.denominator === null) return '';
  const invalid = type.denominator.basis === 'valid' ? 0 : r.invalid;
  const rest = Math.max(0, r.denominator - r.high - r.confidence - r.low - invalid);
  const seg = (cls: string, n: number) => (n > 0 ? `<span class="${cls}" style="flex:${n} 0 0"></span>` : '');
  const lines = rules
    .filter((x): x is BandRule => x !== null)
    .map((x) => `<span class="threshold" style="left:calc(100% * ${x.threshold.num} / ${x.threshold.den})"></span>`)
    .join('');
  return `<div class="bar">${seg('high', r.high)}${seg('confidence', r.confidence)}${seg('low', r.low)}${seg('invalid', invalid)}${seg('rest', rest)}${lines}</div>`;
}
