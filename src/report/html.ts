// A self-contained, printable HTML report: no external assets. Each leader gets a stacked bar
// (low / confidence / high / invalid) with the regime's thresholds drawn on it.
import type { BandRule } from '../rules/regimes.js';
import { EXACTLY_TWO_THIRDS_NOTE } from '../rules/regimes.js';
import type { BallotTypeResult, CadreResult } from '../rules/evaluate.js';
import { LABELS } from '../text/labels.js';
import { allCadres, compareBallots, type ReportContext } from './context.js';
import { bandAction, bandLabel, formatDate, formatPercent, readingLabel, voidBallotReason } from './format.js';
import { documentHeading, signatureBlock, type DocumentHeading, type SignatureBlock } from './document.js';
import { DOCUMENT_TEXT } from '../text/documents.js';
import { DEFAULT_BALLOT_TYPE } from '../model/types.js';
import { htmlText } from '../model/text-as-data.js';

// One A4 landscape page holds a session of up to 25 leaders: 9.5 pt table text, the notes and
// the signatures side by side under the table. The page margin is 0 so the browser has no room
// for its own header and footer (date, file:///…); the body's padding, repeated on every page,
// is the margin instead.
const CSS = `
@page { size: A4 landscape; margin: 0; }
* { box-sizing: border-box; }
html { margin: 0; }
body { font-family: "Times New Roman", "Liberation Serif", "Noto Serif", "DejaVu Serif", serif; font-size: 10pt; line-height: 1.2; color: #000; margin: 0 auto; max-width: 297mm; padding: 7mm 12mm 6mm 20mm; -webkit-box-decoration-break: clone; box-decoration-break: clone; -webkit-print-color-adjust: exact; print-color-adjust: exact; }
.doc-head { display: flex; justify-content: space-between; align-items: flex-start; line-height: 1.15; }
.doc-head .issuer, .doc-head .national { text-align: center; }
.doc-head .issuer { min-width: 38%; } .doc-head .national { min-width: 45%; }
.doc-head .bold { font-weight: bold; } .doc-head .caps { text-transform: none; }
.doc-head .big { font-size: 12pt; }
.doc-head .rule { display: inline-block; border-bottom: 1px solid #000; padding-bottom: 1px; }
.doc-head .short-rule { width: 30mm; border-top: 1px solid #000; margin: 2px auto; }
.doc-head .date { font-style: italic; margin-top: 3px; }
.classification { position: absolute; top: 1.5mm; right: 12mm; font-weight: bold; border: 1px solid #000; padding: 0 6px; }
@media print { .classification { position: fixed; } }
h1 { text-align: center; font-size: 13pt; margin: 2px 0 0; line-height: 1.15; }
h2 { text-align: center; font-size: 11pt; font-weight: bold; margin: 0 0 2px; line-height: 1.15; }
h3 { font-size: 9pt; margin: 2px 0 1px; break-after: avoid; }
p.info { margin: 0 0 3px; font-size: 8.5pt; text-align: center; line-height: 1.15; }
.no-effect { border: 2px solid #b00; color: #b00; font-weight: bold; padding: 3px 8px; text-align: center; margin: 4px 0; }
table { border-collapse: collapse; width: 100%; font-size: 9pt; }
th, td { border: 1px solid #777; padding: 0 3px; vertical-align: middle; line-height: 1.12; }
th { background: #e8eef6; font-weight: bold; text-align: center; }
td.n { text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums; }
td.c { text-align: center; }
td.band { font-size: 8pt; text-align: center; max-width: 36mm; line-height: 1.05; }
tr { break-inside: avoid; }
thead { display: table-header-group; }
tr.flagged td { background: #fce4d6; }
tr.flagged td.name { font-weight: bold; }
td.name, td.pos { white-space: nowrap; }
td.bar-cell { width: 42mm; }
.bar { position: relative; display: flex; height: 9px; border: 1px solid #555; background: #fff; }
.bar span { display: block; height: 100%; }
.bar .high { background: #2e7d32; } .bar .confidence { background: #90caf9; } .bar .low { background: #c62828; } .bar .invalid { background: #bdbdbd; } .bar .rest { background: #fff; }
.bar .threshold { position: absolute; top: -3px; bottom: -3px; width: 0; border-left: 1.5px dashed #000; }
.legend { font-size: 8pt; margin: 2px 0 0; display: flex; gap: 12px; flex-wrap: wrap; }
.legend i { display: inline-block; width: 12px; height: 9px; border: 1px solid #555; margin-right: 3px; vertical-align: -1px; }
.legend i.threshold { border: none; border-left: 1.5px dashed #000; width: 2px; }
.bottom { display: flex; gap: 8mm; margin-top: 3px; }
.notes { flex: 1 1 55%; font-size: 8pt; line-height: 1.12; }
.notes p { margin: 1px 0; }
.flag-list { margin: 0; padding-left: 16px; } .flag-list li { break-inside: avoid; }
.note { font-size: 8.5pt; font-style: italic; }
.sign { flex: 1 1 45%; display: flex; justify-content: space-between; text-align: center; font-weight: bold; break-inside: avoid; }
.sign .members { flex: 1 1 55%; } .sign .head { flex: 1 1 45%; }
.sign .names { display: flex; justify-content: space-around; flex-wrap: wrap; }
.sign .member { min-width: 30mm; }
.sign .space { height: 14mm; }
footer { margin-top: 4px; font-size: 7pt; color: #444; word-break: break-all; }
`;

export async function renderHtml(ctx: ReportContext): Promise<Uint8Array> {
  const L = LABELS[ctx.lang];
  const { session, regime } = ctx.outcome;
  const types = ctx.outcome.ballotTypes;
  const multi = !(types.length === 1 && types[0]?.id === DEFAULT_BALLOT_TYPE);
  const parts: string[] = [];
  const heading = documentHeading(session, regime, ctx.lang, { type: DOCUMENT_TEXT[ctx.lang].resultsType, subject: session.title, symbol: { party: 'BB/BKP', state: 'BB-BKP' } });
  parts.push(`<!DOCTYPE html>\n<html lang="${ctx.lang}">\n<head>\n<meta charset="utf-8">\n<title>${htmlText(heading.type)}${session.title ? ` — ${htmlText(session.title)}` : ''}</title>\n<style>${CSS}</style>\n</head>\n<body>`);
  parts.push(htmlHeading(heading));
  const info: string[] = [
    [formatDate(session.date, ctx.lang), session.round === null ? '' : `${L.round} ${session.round}`].filter((x) => x).join(' · '),
    `${L.regime}: ${regime.instrument[ctx.lang]}`,
  ];
  for (const t of types) {
    const prefix = multi ? `${L.ballotType} ${t.id}: ` : '';
    info.push(`${prefix}${L.denominator}: ${L.basis[t.denominator.basis]}${t.denominator.value === null ? '' : ` = ${t.denominator.value}`}`);
    info.push(`${L.quorum}: ${L.quorumText(t.quorum.present, t.quorum.convened, t.quorum.required, t.quorum.met)}${regime.quorumByAnalogy ? L.byAnalogy : ''}`);
    info.push(`${L.ballots}: ${L.ballotsLine(t.issued, t.returned, t.validBallots, t.voidBallots)}`);
  }
  parts.push(`<p class="info">${info.map((x) => htmlText(x)).join(' · ')}</p>`);
  if (types.some((t) => !t.quorum.met)) parts.push(`<div class="no-effect">${htmlText(L.noEffect)}</div>`);

  // The leader table.
  const levelHead = (name: string) => `<th colspan="2">${htmlText(name)}</th>`;
  parts.push('<table class="leaders"><thead><tr>');
  parts.push(`<th rowspan="2">${htmlText(L.col.stt)}</th><th rowspan="2">${htmlText(L.col.name)}</th><th rowspan="2">${htmlText(L.col.position)}</th>`);
  if (multi) parts.push(`<th rowspan="2">${htmlText(L.col.ballotType)}</th>`);
  parts.push(`<th rowspan="2">${htmlText(L.col.valid)}</th><th rowspan="2">${htmlText(L.col.invalid)}</th>`);
  parts.push(`${levelHead(L.col.high)}${levelHead(L.col.confidence)}${levelHead(L.col.low)}<th rowspan="2">${htmlText(L.col.band)}</th><th rowspan="2">${htmlText(L.chartHead)}</th></tr><tr>`);
  parts.push(`<th>${htmlText(L.col.count)}</th><th>${htmlText(L.col.percent)}</th>`.repeat(3));
  parts.push('</tr></thead><tbody>');
  for (const { type, result: r } of allCadres(ctx)) {
    const pct = (level: 'high' | 'confidence' | 'low') => (r.percent === null ? '' : formatPercent(r.percent[level], ctx.lang));
    const band = (bandLabel(regime, r.band, ctx.lang) ?? '—') + (r.notes.includes('exactly-two-thirds') ? ' (*)' : '');
    parts.push(`<tr${r.flagged ? ' class="flagged"' : ''}><td class="n">${htmlText(r.cadre.stt)}</td><td class="name">${htmlText(r.cadre.name)}</td><td class="pos">${htmlText(r.cadre.position)}</td>`);
    if (multi) parts.push(`<td class="c">${htmlText(type.id)}</td>`);
    parts.push(`<td class="n">${r.valid}</td><td class="n">${r.invalid}</td>`);
    parts.push(`<td class="n">${r.high}</td><td class="n">${pct('high')}</td><td class="n">${r.confidence}</td><td class="n">${pct('confidence')}</td><td class="n">${r.low}</td><td class="n">${pct('low')}</td>`);
    parts.push(`<td class="band">${htmlText(band)}</td><td class="bar-cell">${bar(type, r, [regime.review, regime.dismissal])}</td></tr>`);
  }
  parts.push('</tbody></table>');
  parts.push(`<div class="legend"><span><i style="background:#c62828"></i>${htmlText(L.col.low)}</span><span><i style="background:#90caf9"></i>${htmlText(L.col.confidence)}</span><span><i style="background:#2e7d32"></i>${htmlText(L.col.high)}</span><span><i style="background:#bdbdbd"></i>${htmlText(L.col.invalid)}</span>${[regime.review, regime.dismissal]
    .filter((x): x is BandRule => x !== null)
    .map((rule) => `<span><i class="threshold"></i>${htmlText(`${rule.threshold.num}/${rule.threshold.den}: ${rule.label[ctx.lang]}`)}</span>`)
    .join('')}</div>`);

  // Under the table: the notes on the left, the signatures on the right.
  parts.push('<div class="bottom"><div class="notes">');
  parts.push(`<h3>${htmlText(L.flaggedTitle)}</h3>`);
  const flagged = allCadres(ctx).filter(({ result }) => result.flagged);
  if (flagged.length === 0) parts.push(`<p>${htmlText(types.every((t) => t.quorum.met) ? regime.noneAbove[ctx.lang] : L.noEffect)}</p>`);
  else {
    parts.push('<ol class="flag-list">');
    for (const { result: r } of flagged) {
      const pct = r.percent === null ? '' : formatPercent(r.percent.low, ctx.lang);
      parts.push(`<li><b>${htmlText(r.cadre.name)}</b> (${htmlText(pct)}): ${htmlText(bandAction(regime, r.band, ctx.lang))}`);
      if (r.notes.includes('exactly-two-thirds')) parts.push(`<br><span class="note">(*) ${htmlText(EXACTLY_TWO_THIRDS_NOTE[ctx.lang])}</span>`);
      parts.push('</li>');
    }
    parts.push('</ol>');
  }

  // Invalid ballots and lines: ballot numbers and reasons only.
  parts.push(`<h3>${htmlText(L.invalidTitle)}</h3>`);
  const names = new Map(ctx.outcome.cadres.map((c) => [c.key, c.name]));
  const voided = types.flatMap((t) => t.count.voidBallots).sort((a, b) => compareBallots(a.ballot, b.ballot));
  parts.push(`<p><b>${htmlText(L.voidBallots)}:</b> ${voided.length === 0 ? htmlText(L.none) : voided.map((v) => `${htmlText(L.col.ballot.toLocaleLowerCase(ctx.lang))} ${htmlText(v.ballot)} (${htmlText(voidBallotReason(v, names, ctx.lang))})`).join('; ')}</p>`);
  const lines = types.flatMap((t) => t.count.invalidLines).sort((a, b) => compareBallots(a.ballot, b.ballot) || a.cadreKey - b.cadreKey);
  parts.push(`<p><b>${htmlText(L.invalidLines)}:</b> ${lines.length === 0 ? htmlText(L.none) : lines.map((l) => `${htmlText(L.col.ballot.toLocaleLowerCase(ctx.lang))} ${htmlText(l.ballot)} — ${htmlText(names.get(l.cadreKey))}: ${htmlText(L.reasons[l.reason].toLocaleLowerCase(ctx.lang))}`).join('; ')}</p>`);

  if (ctx.outcome.adjudications.length > 0) {
    parts.push(`<p><b>${htmlText(L.adjudicationsTitle)}:</b> ${ctx.outcome.adjudications.map((a) => `${htmlText(L.col.ballot.toLocaleLowerCase(ctx.lang))} ${htmlText(a.ballot)} — ${htmlText(a.cadre.name)}: ${htmlText(readingLabel(a.before, ctx.lang))} → ${htmlText(readingLabel(a.decision, ctx.lang))} (${htmlText(a.decidedBy)})`).join('; ')}</p>`);
  }
  parts.push('</div>');
  parts.push(htmlSignature(signatureBlock(session, regime, ctx.lang)));
  parts.push('</div>');
  parts.push(`<footer>${htmlText(L.audit.digest)}: ${htmlText(ctx.outcome.inputDigest)}</footer>`);
  parts.push('</body>\n</html>\n');
  return new TextEncoder().encode(parts.join('\n'));
}

/** The heading block: issuer on the left, the national heading and the date on the right, then type and subject. */
export function htmlHeading(h: DocumentHeading): string {
  const party = h.convention === 'party';
  const national = h.national.map((line, i) => (i === h.national.length - 1 ? `<div class="bold${party ? ' big' : ''}"><span class="rule">${htmlText(line)}</span></div>` : `<div class="bold">${htmlText(line)}</div>`)).join('');
  return [
    h.classification === null ? '' : `<div class="classification">${htmlText(h.classification)}</div>`,
    '<header class="doc-head">',
    `<div class="issuer"><div>${htmlText(h.parentBody)}</div><div class="bold">${htmlText(h.body)}</div>${h.bodyMark === 'star' ? '<div>*</div>' : '<div class="short-rule"></div>'}<div>${htmlText(h.number)}</div></div>`,
    `<div class="national">${national}<div class="date">${htmlText(h.placeDate)}</div></div>`,
    '</header>',
    `<h1>${htmlText(h.type)}</h1>`,
    h.subject === null ? '' : `<h2>${htmlText(h.subject)}</h2>`,
  ].join('');
}

/** The signature block: the members side by side, each with room to sign; the head on the right. */
export function htmlSignature(s: SignatureBlock): string {
  const members =
    s.members.length === 0
      ? ''
      : `<div class="members"><div>${htmlText(s.membersTitle)}</div><div>&nbsp;</div><div class="names">${s.members.map((m) => `<div class="member"><div class="space"></div>${htmlText(m)}</div>`).join('')}</div></div>`;
  return `<div class="sign">${members}<div class="head"><div>${htmlText(s.authority)}</div><div>${htmlText(s.title)}</div><div class="space"></div>${htmlText(s.head)}</div></div>`;
}

/**
 * Segment widths are flex weights equal to the counts, so the bar is exact without rounding:
 * low, confidence, high, invalid lines, then whatever of T is not among the returned ballots.
 */
function bar(type: BallotTypeResult, r: CadreResult, rules: readonly (BandRule | null)[]): string {
  if (r.denominator === null) return '';
  const invalid = type.denominator.basis === 'valid' ? 0 : r.invalid;
  const rest = Math.max(0, r.denominator - r.high - r.confidence - r.low - invalid);
  const seg = (cls: string, n: number) => (n > 0 ? `<span class="${cls}" style="flex:${n} 0 0"></span>` : '');
  // Low first, from the start of the bar: the ½ and ⅔ marks then measure it directly.
  const lines = rules
    .filter((x): x is BandRule => x !== null)
    .map((x) => `<span class="threshold" style="left:calc(100% * ${x.threshold.num} / ${x.threshold.den})"></span>`)
    .join('');
  return `<div class="bar">${seg('low', r.low)}${seg('confidence', r.confidence)}${seg('high', r.high)}${seg('invalid', invalid)}${seg('rest', rest)}${lines}</div>`;
}
