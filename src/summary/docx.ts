// The round report (Báo cáo kết quả lấy phiếu tín nhiệm) as an editable Word document, in the
// Party layout (Hướng dẫn 36-HD/VPTW), or the State one (Nghị định 30/2020) when every session
// is under an assembly regime: the totals, the per-unit table, the leaders above the thresholds
// with the prescribed action, what is incomplete, and the board's signature.
import type * as Docx from 'docx';
import { DEFAULT_BALLOT_TYPE, type Band, type RegimeId } from '../model/types.js';
import { documentData } from '../model/text-as-data.js';
import { FONT, MM, PAGE, PT, TEXT_WIDTH, docxHeaders, docxHeading, layoutTable, para, run, type DocxModule } from '../report/docx-blocks.js';
import { formatDate, formatPercent } from '../report/format.js';
import { REGIMES } from '../rules/regimes.js';
import { EXACTLY_TWO_THIRDS_NOTE } from '../rules/regimes.js';
import { SUMMARY_TEXT } from '../text/summary.js';
import { problemMessage } from '../text/messages.js';
import type { RoundSession } from './round.js';
import { actionWords, bandHeads, bandWords, countsByType, incompleteLine, instruments, NO_COUNTS, noneFlaggedLine, roundHeading, roundSignature, statusText, thresholdLegend, totalLines, type RoundContext } from './words.js';

const BODY = 14;
const TABLE = 11;

/** The status in a word or two; section IV says why. */
function shortStatus(s: RoundSession, lang: RoundContext['lang']): string {
  const S = SUMMARY_TEXT[lang];
  const main = s.valid ? S.status.valid : S.status.invalid;
  return s.expected === false ? `${main}; ${S.status.unexpected.toLocaleLowerCase(lang)}` : main;
}

export async function roundDocx(given: RoundContext): Promise<Uint8Array> {
  // No text from the inputs longer than a document holds: a million-character name is cut, visibly.
  const ctx = documentData(given);
  const d: DocxModule = await import('docx');
  const S = SUMMARY_TEXT[ctx.lang];
  const { round } = ctx;
  const children: (Docx.Paragraph | Docx.Table)[] = [];
  const text = (t: string, style: Parameters<typeof para>[2] = {}) => children.push(para(d, t, { size: BODY, align: 'both', after: 80, ...style }));
  const section = (t: string) => text(t, { bold: true, before: 200, keepNext: true, align: 'left' });
  const heading = roundHeading(ctx);
  children.push(...docxHeading(d, heading));
  const incomplete = incompleteLine(round, ctx.lang);
  if (incomplete !== null) text(incomplete, { bold: true, align: 'center', after: 200 });

  text(S.intro(new Set(round.sessions.map((s) => s.unit)).size, round.totals.sessions, instruments(round, ctx.lang)), { indent: MM(10) });

  // I. Totals.
  section(S.sections.totals);
  const totals = totalLines(round, ctx.lang);
  for (const [label, n] of totals.counts) text(`- ${label}: ${n}`, { indent: MM(10), align: 'left', after: 0 });
  text(`${S.col.ofWhom}:`, { indent: MM(10), align: 'left', after: 0 });
  for (const [label, n] of totals.bands) text(`+ ${label}: ${n}`, { indent: MM(15), align: 'left', after: 0 });

  // II. Per unit.
  section(S.sections.units);
  children.push(unitsTable(d, ctx));
  for (const t of thresholdLegend(round, ctx.lang)) text(t, { italics: true, size: 12, align: 'left', after: 0 });

  // III. Leaders above a threshold, highest low share first.
  section(S.sections.flagged);
  if (round.flagged.length === 0) text(noneFlaggedLine(round, ctx.lang), { indent: MM(10) });
  else {
    children.push(flaggedTable(d, ctx));
    // The action once per band and regime, as the regulation words it.
    const seen = new Set<string>();
    const actions: [RegimeId, Band][] = [];
    for (const l of round.flagged) {
      const k = `${l.regime} ${l.band}`;
      if (l.band !== null && !seen.has(k)) {
        seen.add(k);
        actions.push([l.regime, l.band]);
      }
    }
    text(`${S.action}:`, { bold: true, before: 120, after: 0, keepNext: true });
    const several = new Set(actions.map(([r]) => r)).size > 1;
    for (const [regime, band] of actions) {
      children.push(
        new d.Paragraph({
          alignment: d.AlignmentType.JUSTIFIED,
          indent: { firstLine: MM(10) },
          spacing: { after: 60 },
          children: [run(d, `- ${bandWords(regime, band, ctx.lang)}${several ? ` (${REGIMES[regime].instrument[ctx.lang]})` : ''}: `, { size: BODY, bold: true }), run(d, actionWords(regime, band, ctx.lang), { size: BODY, italics: true })],
        }),
      );
    }
    if (round.flagged.some((l) => l.notes.includes('exactly-two-thirds'))) text(`(*) ${EXACTLY_TWO_THIRDS_NOTE[ctx.lang]}`, { italics: true, size: 12 });
  }

  // IV. What is incomplete, named.
  const invalid = round.sessions.filter((s) => !s.valid || s.expected === false);
  if (invalid.length > 0 || round.missing.length > 0 || round.overPlaces.length > 0) {
    section(S.sections.problems);
    for (const s of invalid) text(`- ${s.unit} (${s.label}): ${statusText(s, ctx.lang)}`, { indent: MM(10), align: 'left', after: 0 });
    for (const m of round.missing) text(`- ${m}: ${S.status.missing.toLocaleLowerCase(ctx.lang)}`, { indent: MM(10), align: 'left', after: 0 });
    for (const p of round.problems.filter((x) => x.code === 'too-many-places')) text(`- ${problemMessage(p, ctx.lang)}`, { indent: MM(10), align: 'left', after: 0 });
  }

  children.push(para(d, '', { after: 200 }));
  children.push(signatureTable(d, ctx));

  const doc = new d.Document({
    creator: 'tally',
    lastModifiedBy: 'tally',
    title: S.reportType,
    styles: { default: { document: { run: { font: FONT, size: PT(BODY) } } } },
    sections: [
      {
        properties: {
          titlePage: true,
          page: { size: { width: PAGE.width, height: PAGE.height, orientation: d.PageOrientation.PORTRAIT }, margin: { top: PAGE.top, bottom: PAGE.bottom, left: PAGE.left, right: PAGE.right, header: MM(10), footer: MM(10) } },
        },
        headers: docxHeaders(d, heading.classification),
        children,
      },
    ],
  });
  // The package's own core properties carry the wall clock: the report's date instead.
  const when = `${ctx.header.date ?? '2000-01-01'}T00:00:00Z`;
  const core = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><dc:title>${S.reportType}</dc:title><dc:creator>tally</dc:creator><cp:lastModifiedBy>tally</cp:lastModifiedBy><dcterms:created xsi:type="dcterms:W3CDTF">${when}</dcterms:created><dcterms:modified xsi:type="dcterms:W3CDTF">${when}</dcterms:modified></cp:coreProperties>`;
  return new Uint8Array(await d.Packer.toBuffer(doc, false, [{ path: 'docProps/core.xml', data: core }]));
}

type CellOpts = { span?: number; rows?: number; bold?: boolean; italics?: boolean; align?: 'left' | 'center' | 'right'; shade?: boolean };

function table(d: DocxModule, widths: readonly number[], rows: readonly (readonly { text: string; opts?: CellOpts }[])[], headerRows: number): Docx.Table {
  const border = { style: d.BorderStyle.SINGLE, size: 4, color: '000000' };
  const borders = { top: border, bottom: border, left: border, right: border };
  const make = (cells: readonly { text: string; opts?: CellOpts }[], r: number) => {
    let col = 0;
    return new d.TableRow({
      cantSplit: true,
      ...(r < headerRows ? { tableHeader: true } : {}),
      children: cells.map(({ text, opts = {} }) => {
        const span = opts.span ?? 1;
        const width = widths.slice(col, col + span).reduce((a, b) => a + b, 0);
        col += span;
        return new d.TableCell({
          width: { size: width, type: d.WidthType.DXA },
          borders,
          verticalAlign: d.VerticalAlign.CENTER,
          margins: { left: MM(1), right: MM(1), top: 0, bottom: 0 },
          ...(span > 1 ? { columnSpan: span } : {}),
          ...(opts.rows === undefined ? {} : { rowSpan: opts.rows }),
          ...(opts.shade === true || r < headerRows ? { shading: { type: d.ShadingType.CLEAR, color: 'auto', fill: r < headerRows ? 'EDEDED' : 'FCE4D6' } } : {}),
          children: text.split('\n').map((line) => para(d, line, { size: TABLE, bold: opts.bold === true || r < headerRows, italics: opts.italics === true, align: opts.align ?? 'center' })),
        });
      }),
    });
  };
  return new d.Table({ width: { size: widths.reduce((a, b) => a + b, 0), type: d.WidthType.DXA }, columnWidths: [...widths], layout: d.TableLayoutType.FIXED, rows: rows.map(make) });
}

/** STT | unit | date | present/convened | returned | valid | leaders | > 1/2 | ≥ 2/3 | status. */
function unitsTable(d: DocxModule, ctx: RoundContext): Docx.Table {
  const S = SUMMARY_TEXT[ctx.lang];
  const { round } = ctx;
  const widths = [MM(10), MM(34), MM(20), MM(17), MM(12), MM(12), MM(13), MM(14), MM(14)];
  widths.push(TEXT_WIDTH - widths.reduce((a, b) => a + b, 0));
  const c = (text: string | number | null, opts: CellOpts = {}) => ({ text: text === null ? '' : String(text), opts });
  const short = bandHeads(round, ctx.lang, 'short');
  const head = [
    [c(S.col.stt, { rows: 2 }), c(S.col.unit, { rows: 2 }), c(S.col.date, { rows: 2 }), c(`${S.col.present}/\n${S.col.convened.toLocaleLowerCase(ctx.lang)}`, { rows: 2 }), c(S.col.ballotsGroup, { span: 2 }), c(S.col.leaders, { rows: 2 }), c(S.col.bandsGroup, { span: 2 }), c(S.col.status, { rows: 2 })],
    [c(S.col.returned), c(S.col.valid), c(short.review), c(short.dismissal)],
  ];
  const rows: { text: string; opts?: CellOpts }[][] = [];
  const counts = countsByType(round);
  const num = (n: number | null) => c(n, { align: 'right' });
  round.sessions.forEach((s, i) => {
    const status = shortStatus(s, ctx.lang);
    const bad = !s.valid || s.expected === false;
    if (s.types.length === 0) {
      rows.push([c(i + 1), c(s.unit, { align: 'left' }), c(formatDate(s.date, ctx.lang)), c(s.present === null || s.convened === null ? '' : `${s.present}/${s.convened}`), c(''), c(''), c(''), c(''), c(''), c(status, { align: 'left', bold: bad })]);
      return;
    }
    s.types.forEach((t, k) => {
      const n = counts.get(`${s.label}\u0000${t.id}`) ?? NO_COUNTS;
      const unit = t.id === DEFAULT_BALLOT_TYPE ? s.unit : `${s.unit} (${t.id})`;
      rows.push([
        c(k === 0 ? i + 1 : ''),
        c(unit, { align: 'left' }),
        c(formatDate(s.date, ctx.lang)),
        c(`${t.present}/${t.convened}${t.quorumMet ? '' : ` (${S.no.toLocaleLowerCase(ctx.lang)} 2/3)`}`),
        num(t.returned),
        num(t.validBallots),
        num(n.leaders),
        num(n.review),
        num(n.dismissal),
        c(k === 0 ? status : '', { align: 'left', bold: bad }),
      ]);
    });
  });
  round.missing.forEach((m, i) => rows.push([c(round.sessions.length + i + 1), c(m, { align: 'left' }), c(''), c(''), c(''), c(''), c(''), c(''), c(''), c(S.status.missing, { align: 'left', bold: true })]));
  const t = round.totals;
  rows.push([c(''), c(S.col.total, { bold: true }), c(''), c(''), c(''), c(''), c(t.leaders, { align: 'right', bold: true }), c(t.review, { align: 'right', bold: true }), c(t.dismissal, { align: 'right', bold: true }), c('')]);
  return table(d, widths, [...head, ...rows], 2);
}

/** STT | name and position | unit | low votes of T | share | band. */
function flaggedTable(d: DocxModule, ctx: RoundContext): Docx.Table {
  const S = SUMMARY_TEXT[ctx.lang];
  const widths = [MM(11), MM(50), MM(36), MM(20), MM(17)];
  widths.push(TEXT_WIDTH - widths.reduce((a, b) => a + b, 0));
  const c = (text: string | number, opts: CellOpts = {}) => ({ text: String(text), opts });
  const head = [[c(S.col.stt), c(`${S.col.name}, ${S.col.position.toLocaleLowerCase(ctx.lang)}`), c(S.col.unit), c(S.col.lowVotes), c(S.col.percent), c(S.col.band)]];
  const rows = ctx.round.flagged.map((l, i) => [
    c(i + 1),
    c(`${l.name}\n${l.position}`, { align: 'left' }),
    c(l.unit, { align: 'left' }),
    c(`${l.low}/${l.denominator ?? ''}`, { align: 'right' }),
    c(l.percent === null ? '' : formatPercent(l.percent.low, ctx.lang), { align: 'right', bold: true }),
    c(bandWords(l.regime, l.band, ctx.lang) + (l.notes.includes('exactly-two-thirds') ? ' (*)' : '')),
  ]);
  return table(d, widths, [...head, ...rows], 1);
}

/** Recipients on the left (Nơi nhận), the board's signature on the right with room to sign. */
function signatureTable(d: DocxModule, ctx: RoundContext): Docx.Table {
  const s = roundSignature(ctx);
  const half = Math.round(TEXT_WIDTH / 2);
  const left = [para(d, s.recipientsTitle, { bold: true, italics: true, size: 12 }), ...s.recipients.map((r) => para(d, r, { size: 11 }))];
  const right = [para(d, s.authority, { align: 'center', bold: true, size: 14 }), para(d, s.title, { align: 'center', bold: true, size: 14 }), new d.Paragraph({ spacing: { before: MM(22) }, children: [] }), para(d, s.name, { align: 'center', bold: true, size: 14 })];
  return layoutTable(d, [half, TEXT_WIDTH - half], [left, right]);
}
