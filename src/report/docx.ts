// The counting minutes (biên bản kiểm phiếu) as an editable Word document: the document the
// counting committee signs at the session (SPEC §3 Documents). What was not given is left as a
// dotted line to fill in by hand.
import type * as Docx from 'docx';
import { DEFAULT_BALLOT_TYPE } from '../model/types.js';
import { documentData } from '../model/text-as-data.js';
import type { BallotTypeResult, CadreResult } from '../rules/evaluate.js';
import { EXACTLY_TWO_THIRDS_NOTE } from '../rules/regimes.js';
import { DOCUMENT_TEXT, DOTS, MINUTES_TEXT } from '../text/documents.js';
import { LABELS } from '../text/labels.js';
import { compareBallots, documentDate, type ReportContext } from './context.js';
import { dateInWords, documentHeading, signatureBlock, timeInWords, type DocumentKind } from './document.js';
import { FONT, MM, PAGE, PT, TEXT_WIDTH, docxHeaders, docxHeading, docxSignature, para, run, type DocxModule } from './docx-blocks.js';
import { bandAction, bandLabel, formatPercent, readingLabel, voidBallotReason } from './format.js';

const BODY = 14;
const TABLE = 12;

export function minutesKind(ctx: ReportContext): DocumentKind {
  const T = DOCUMENT_TEXT[ctx.lang];
  return { type: T.minutesType, subject: ctx.outcome.session.title ?? T.minutesSubject, symbol: { party: 'BB/BKP', state: 'BB-BKP' } };
}

export async function renderDocx(given: ReportContext): Promise<Uint8Array> {
  // No text from the inputs longer than a document holds: a million-character title is cut, visibly.
  const ctx = documentData(given);
  const d: DocxModule = await import('docx');
  const { session, regime } = ctx.outcome;
  const M = MINUTES_TEXT[ctx.lang];
  const L = LABELS[ctx.lang];
  const types = ctx.outcome.ballotTypes;
  const multi = !(types.length === 1 && types[0]?.id === DEFAULT_BALLOT_TYPE);
  const children: (Docx.Paragraph | Docx.Table)[] = [];
  const text = (t: string, style: Parameters<typeof para>[2] = {}) => children.push(para(d, t, { size: BODY, align: 'both', after: 80, ...style }));
  const section = (t: string) => text(t, { bold: true, before: 200, keepNext: true, align: 'left' });

  children.push(...docxHeading(d, documentHeading(session, regime, ctx.lang, minutesKind(ctx))));
  if (types.some((t) => !t.quorum.met)) text(L.noEffect, { bold: true, align: 'center', after: 200 });

  // Time, place and the committee.
  const place = session.place ?? DOTS;
  text(M.opening(timeInWords(session.time, ctx.lang), dateInWords(session.date, ctx.lang), place), { indent: MM(10) });
  const [head, ...members] = session.countingCommittee;
  const committee = head === undefined ? [DOTS, DOTS, DOTS] : [head, ...members];
  committee.forEach((name, i) => text(`${i + 1}. ${name} — ${i === 0 ? M.headRole : M.memberRole}`, { indent: MM(10), align: 'left', after: 0 }));
  text(M.proceeded(regime.instrument[ctx.lang]), { before: 80 });

  // I. People and ballots, per ballot type.
  section(M.sections.ballots);
  for (const t of types) {
    if (multi) text(M.ballotType(t.id), { bold: true, after: 0 });
    const line = (label: string, value: string) => text(`- ${label}: ${value}`, { indent: MM(10), align: 'left', after: 0 });
    line(regime.quorumByAnalogy ? M.convenedDeputies : M.convened, String(t.convened));
    line(M.present, `${t.present} (${M.quorum(t.quorum.required, t.quorum.met, regime.quorumByAnalogy)})`);
    line(M.issued, String(t.issued));
    line(M.returned, String(t.returned));
    line(M.valid, String(t.validBallots));
    line(M.voided, String(t.voidBallots));
    text(M.basis(L.basis[t.denominator.basis], t.denominator.value), { indent: MM(10), after: 80 });
  }

  // II. The result per leader.
  section(M.sections.results);
  let twoThirds = false;
  for (const t of types) {
    if (multi) text(M.ballotType(t.id), { bold: true, after: 60, keepNext: true });
    children.push(resultTable(d, ctx, t));
    twoThirds ||= t.cadres.some((c) => c.notes.includes('exactly-two-thirds'));
    text('', { after: 60 });
  }
  if (twoThirds) text(`(*) ${EXACTLY_TWO_THIRDS_NOTE[ctx.lang]}`, { italics: true, size: TABLE });

  // III. Leaders above a threshold, with the prescribed action.
  section(M.sections.flagged);
  const flagged = types.flatMap((t) => t.cadres.filter((c) => c.flagged));
  if (flagged.length === 0) text(types.every((t) => t.quorum.met) ? regime.noneAbove[ctx.lang] : L.noEffect, { indent: MM(10) });
  flagged.forEach((r, i) => {
    const pct = r.percent === null ? '' : formatPercent(r.percent.low, ctx.lang);
    children.push(
      new d.Paragraph({
        alignment: d.AlignmentType.JUSTIFIED,
        indent: { firstLine: MM(10) },
        spacing: { after: 0 },
        keepNext: true,
        children: [run(d, `${i + 1}. `, { size: BODY }), run(d, r.cadre.name, { size: BODY, bold: true }), run(d, ` — ${r.cadre.position}: ${M.flaggedLine(r.low, String(r.denominator ?? ''), pct)}; ${bandLabel(regime, r.band, ctx.lang) ?? ''}.`, { size: BODY })],
      }),
    );
    text(`${M.action}: ${bandAction(regime, r.band, ctx.lang) ?? ''}`, { indent: MM(10), italics: true });
  });

  // IV. Void ballots and invalid lines, by ballot number.
  section(M.sections.invalid);
  const names = new Map(ctx.outcome.cadres.map((c) => [c.key, c.name]));
  const voided = types.flatMap((t) => t.count.voidBallots.map((v) => ({ t, v }))).sort((a, b) => compareBallots(a.v.ballot, b.v.ballot));
  text(`${L.voidBallots}:${voided.length === 0 ? ` ${L.none}` : ''}`, { indent: MM(10), after: 0 });
  for (const { t, v } of voided) {
    const reason = voidBallotReason(v, names, ctx.lang);
    text(`- ${M.ballotNo(v.ballot)}${multi ? ` (${t.id})` : ''}: ${reason}`, { indent: MM(15), align: 'left', after: 0 });
  }
  const lines = types.flatMap((t) => t.count.invalidLines.map((l) => ({ t, l })));
  const byBallot = new Map<string, { t: BallotTypeResult; ballot: string; parts: string[] }>();
  for (const { t, l } of lines.sort((a, b) => compareBallots(a.l.ballot, b.l.ballot) || a.l.cadreKey - b.l.cadreKey)) {
    const key = `${t.id}\u0000${l.ballot}`;
    const entry = byBallot.get(key) ?? { t, ballot: l.ballot, parts: [] };
    entry.parts.push(`${names.get(l.cadreKey) ?? ''} (${L.reasons[l.reason].toLocaleLowerCase(ctx.lang)})`);
    byBallot.set(key, entry);
  }
  text(`${L.invalidLines}:${byBallot.size === 0 ? ` ${L.none}` : ''}`, { indent: MM(10), after: 0, before: 80 });
  for (const { t, ballot, parts } of byBallot.values()) text(`- ${M.ballotNo(ballot)}${multi ? ` (${t.id})` : ''}: ${parts.join('; ')}`, { indent: MM(15), align: 'left', after: 0 });

  // V. Every decision of the committee on an undecided mark.
  section(M.sections.adjudications);
  if (ctx.outcome.adjudications.length === 0) text(L.none, { indent: MM(10) });
  for (const a of ctx.outcome.adjudications) {
    text(`- ${M.ballotNo(a.ballot)}, ${a.cadre.name}: ${readingLabel(a.before, ctx.lang)} → ${readingLabel(a.decision, ctx.lang)} (${L.adjudicationCols.by.toLocaleLowerCase(ctx.lang)}: ${a.decidedBy})`, { indent: MM(10), align: 'left', after: 0 });
  }

  text(M.closing, { before: 200, indent: MM(10), after: 200 });
  children.push(docxSignature(d, signatureBlock(session, regime, ctx.lang)));

  const doc = new d.Document({
    creator: 'tally',
    lastModifiedBy: 'tally',
    title: DOCUMENT_TEXT[ctx.lang].minutesType,
    styles: { default: { document: { run: { font: FONT, size: PT(BODY) } } } },
    sections: [
      {
        properties: {
          titlePage: true,
          page: {
            size: { width: PAGE.width, height: PAGE.height, orientation: d.PageOrientation.PORTRAIT },
            margin: { top: PAGE.top, bottom: PAGE.bottom, left: PAGE.left, right: PAGE.right, header: MM(10), footer: MM(10) },
          },
        },
        headers: docxHeaders(d, session.classification),
        children,
      },
    ],
  });
  // The package's own core properties carry the wall clock: replaced by the session's date, so
  // re-running gives a document with identical content.
  const when = documentDate(ctx).toISOString().replace(/\.\d{3}Z$/, 'Z');
  const core = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><dc:title>${DOCUMENT_TEXT[ctx.lang].minutesType}</dc:title><dc:creator>tally</dc:creator><cp:lastModifiedBy>tally</cp:lastModifiedBy><dcterms:created xsi:type="dcterms:W3CDTF">${when}</dcterms:created><dcterms:modified xsi:type="dcterms:W3CDTF">${when}</dcterms:modified></cp:coreProperties>`;
  return new Uint8Array(await d.Packer.toBuffer(doc, false, [{ path: 'docProps/core.xml', data: core }]));
}

/** STT | name and position | the three levels, count and share | band in words. */
function resultTable(d: DocxModule, ctx: ReportContext, t: BallotTypeResult): Docx.Table {
  const L = LABELS[ctx.lang];
  const M = MINUTES_TEXT[ctx.lang];
  const { regime } = ctx.outcome;
  const widths = [MM(11), MM(40), MM(13), MM(17), MM(13), MM(17), MM(13), MM(17)];
  widths.push(TEXT_WIDTH - widths.reduce((a, b) => a + b, 0));
  const border = { style: d.BorderStyle.SINGLE, size: 4, color: '000000' };
  const borders = { top: border, bottom: border, left: border, right: border };
  const cell = (content: string | Docx.Paragraph[], opts: { span?: number; rows?: number; bold?: boolean; align?: 'left' | 'center' | 'right'; width: number; shade?: boolean }) =>
    new d.TableCell({
      width: { size: opts.width, type: d.WidthType.DXA },
      borders,
      verticalAlign: d.VerticalAlign.CENTER,
      margins: { left: MM(1), right: MM(1), top: 0, bottom: 0 },
      ...(opts.span === undefined ? {} : { columnSpan: opts.span }),
      ...(opts.rows === undefined ? {} : { rowSpan: opts.rows }),
      ...(opts.shade === true ? { shading: { type: d.ShadingType.CLEAR, color: 'auto', fill: 'F2F2F2' } } : {}),
      children: typeof content === 'string' ? [para(d, content, { size: TABLE, bold: opts.bold === true, align: opts.align ?? 'center' })] : content,
    });
  const w = (i: number, n = 1) => widths.slice(i, i + n).reduce((a, b) => a + b, 0);
  const head1 = new d.TableRow({
    tableHeader: true,
    cantSplit: true,
    children: [
      cell(L.col.stt, { rows: 2, bold: true, width: w(0) }),
      cell(M.nameAndPosition, { rows: 2, bold: true, width: w(1) }),
      cell(L.col.high, { span: 2, bold: true, width: w(2, 2) }),
      cell(L.col.confidence, { span: 2, bold: true, width: w(4, 2) }),
      cell(L.col.low, { span: 2, bold: true, width: w(6, 2) }),
      cell(L.col.band, { rows: 2, bold: true, width: w(8) }),
    ],
  });
  const head2 = new d.TableRow({
    tableHeader: true,
    cantSplit: true,
    children: [2, 4, 6].flatMap((i) => [cell(L.col.count, { bold: true, width: w(i) }), cell(L.col.percent, { bold: true, width: w(i + 1) })]),
  });
  const rows = t.cadres.map((r: CadreResult) => {
    const pct = (level: 'high' | 'confidence' | 'low') => (r.percent === null ? '' : formatPercent(r.percent[level], ctx.lang));
    const band = (r.band === null || r.band === 'none' ? '—' : (bandLabel(regime, r.band, ctx.lang) ?? '—')) + (r.notes.includes('exactly-two-thirds') ? ' (*)' : '');
    const name = [
      new d.Paragraph({ children: [run(d, r.cadre.name, { size: TABLE, bold: r.flagged })] }),
      new d.Paragraph({ children: [run(d, r.cadre.position, { size: TABLE, italics: true })] }),
    ];
    return new d.TableRow({
      cantSplit: true,
      children: [
        cell(String(r.cadre.stt ?? ''), { width: w(0) }),
        cell(name, { width: w(1), shade: r.flagged }),
        cell(String(r.high), { align: 'right', width: w(2) }),
        cell(pct('high'), { align: 'right', width: w(3) }),
        cell(String(r.confidence), { align: 'right', width: w(4) }),
        cell(pct('confidence'), { align: 'right', width: w(5) }),
        cell(String(r.low), { align: 'right', width: w(6), bold: r.flagged }),
        cell(pct('low'), { align: 'right', width: w(7), bold: r.flagged }),
        cell(band, { width: w(8) }),
      ],
    });
  });
  return new d.Table({ width: { size: TEXT_WIDTH, type: d.WidthType.DXA }, columnWidths: widths, layout: d.TableLayoutType.FIXED, rows: [head1, head2, ...rows] });
}
