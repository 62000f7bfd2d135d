// The round report (Báo cáo kết quả lấy phiếu tín nhiệm) as an editable Word document, in the
// Party layout (Hướng dẫn 36-HD/VPTW), or the State one (Nghị định 30/2020) when every session
// is under an assembly regime: the totals, the per-unit table, the leaders above the thresholds
// with the prescribed action, what is incomplete, and the board's signature.
import type * as Docx from 'docx';
import { DEFAULT_BALLOT_TYPE, type Band, type RegimeId } from '../model/types.js';
import { documentData, xmlText } from '../model/text-as-data.js';
import { FONT, MM, PAGE, PT, TEXT_WIDTH, docxHeaders, docxHeading, layoutTable, para, run, type DocxModule } from '../report/docx-blocks.js';
import { formatDate, formatPercent } from '../report/format.js';
import { REGIMES } from '../rules/regimes.js';
import { EXACTLY_TWO_THIRDS_NOTE } from '../rules/regimes.js';
import { SUMMARY_TEXT } from '../text/summary.js';
import type { RoundSession } from './round.js';
import { ZipFile } from '../read/zip.js';
import { actionWords, bandHeads, breachLines, bandWords, countsByType, incompleteLine, instruments, NO_COUNTS, noneFlaggedLine, roundHeading, roundSignature, statusText, thresholdLegend, totalLines, type RoundContext } from './words.js';

const BODY = 14;
const TABLE = 12;

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
  // Parts that grow with the round, written as XML text into their slots (see tableXml).
  const tables: string[] = [unitsTable(ctx)];
  children.push(slot(d, 0));
  for (const t of thresholdLegend(round, ctx.lang)) text(t, { italics: true, size: 12, align: 'left', after: 0 });

  // III. Leaders above a threshold, highest low share first.
  section(S.sections.flagged);
  if (round.flagged.length === 0) text(noneFlaggedLine(round, ctx.lang), { indent: MM(10) });
  else {
    children.push(slot(d, tables.length));
    tables.push(flaggedTable(ctx));
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
    // A line a unit, as many as the round has: written as text like the tables.
    const lines = [
      ...invalid.map((s) => `- ${s.unit} (${s.label}): ${statusText(s, ctx.lang)}`),
      ...round.missing.map((m) => `- ${m}: ${S.status.missing.toLocaleLowerCase(ctx.lang)}`),
      ...breachLines(round, ctx.lang).map((b) => `- ${b}`),
    ];
    children.push(slot(d, tables.length));
    tables.push(lines.map((l) => `<w:p><w:pPr><w:spacing w:before="0" w:after="0"/><w:ind w:firstLine="${MM(10)}"/><w:jc w:val="left"/></w:pPr><w:r><w:t xml:space="preserve">${xmlChars(l)}</w:t></w:r></w:p>`).join(''));
  }

  children.push(para(d, '', { after: 200 }));
  children.push(signatureTable(d, ctx));

  const doc = new d.Document({
    creator: 'tally',
    lastModifiedBy: 'tally',
    title: S.reportType,
    styles: {
      default: { document: { run: { font: FONT, size: PT(BODY) } } },
      paragraphStyles: [{ id: CELL_STYLE, name: 'Tally table cell', basedOn: 'Normal', run: { font: FONT, size: PT(TABLE) }, paragraph: { spacing: { before: 0, after: 0 } } }],
    },
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
  const overrides = [{ path: 'docProps/core.xml', data: core }];
  // The document without its large tables, packed once to read its XML, then again with the
  // tables written in: the library never holds a row of them.
  const bare = await ZipFile.fromBytes(new Uint8Array(await d.Packer.toBuffer(doc, false, overrides)));
  const entry = bare.entries.get('word/document.xml');
  if (entry === undefined) throw new Error('docx: no word/document.xml');
  const xml = fillSlots(await bare.text(entry, Number.MAX_SAFE_INTEGER), tables);
  await bare.close();
  return new Uint8Array(await d.Packer.toBuffer(doc, false, [...overrides, { path: 'word/document.xml', data: xml }]));
}

type CellOpts = { span?: number; rows?: number; bold?: boolean; italics?: boolean; align?: 'left' | 'center' | 'right'; shade?: boolean };

/** The paragraph style every table cell uses: its size and spacing said once, not per cell. */
const CELL_STYLE = 'TallyCell';

/** Text as XML character data: markup escaped; what XML cannot hold shown by its code point (model/text-as-data.ts). */
const xmlChars = (t: string) => xmlText(t).replace(/[&<>]/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : '&gt;'));

/**
 * A bordered table, written as WordprocessingML text. Its rows grow with the round (a unit,
 * a flagged leader each): built as the docx library's objects they cost about 290 KB of
 * memory a unit and ran a round of thousands of units out of memory (issue 19); as text, a
 * few hundred bytes. Borders, margins and the cells' text style are the table's and the
 * style's, said once. A cell spanning rows continues in the rows below as Word expects.
 */
function tableXml(widths: readonly number[], rows: readonly (readonly { text: string; opts?: CellOpts }[])[], headerRows: number): string {
  const border = (side: string) => `<w:${side} w:val="single" w:sz="4" w:space="0" w:color="000000"/>`;
  const out: string[] = [
    `<w:tbl><w:tblPr><w:tblW w:w="${widths.reduce((a, b) => a + b, 0)}" w:type="dxa"/><w:tblBorders>${['top', 'left', 'bottom', 'right', 'insideH', 'insideV'].map(border).join('')}</w:tblBorders><w:tblLayout w:type="fixed"/><w:tblCellMar><w:top w:w="0" w:type="dxa"/><w:left w:w="${MM(1)}" w:type="dxa"/><w:bottom w:w="0" w:type="dxa"/><w:right w:w="${MM(1)}" w:type="dxa"/></w:tblCellMar></w:tblPr>`,
    `<w:tblGrid>${widths.map((w) => `<w:gridCol w:w="${w}"/>`).join('')}</w:tblGrid>`,
  ];
  // Grid columns still covered by a cell from a row above: its span and rows left.
  const below = new Map<number, { span: number; left: number; fill: string | null }>();
  const cellPr = (col: number, span: number, merge: string, fill: string | null) =>
    `<w:tcPr><w:tcW w:w="${widths.slice(col, col + span).reduce((a, b) => a + b, 0)}" w:type="dxa"/>${span > 1 ? `<w:gridSpan w:val="${span}"/>` : ''}${merge}${fill === null ? '' : `<w:shd w:val="clear" w:color="auto" w:fill="${fill}"/>`}<w:vAlign w:val="center"/></w:tcPr>`;
  rows.forEach((cells, r) => {
    const head = r < headerRows;
    out.push(`<w:tr><w:trPr><w:cantSplit/>${head ? '<w:tblHeader/>' : ''}</w:trPr>`);
    let col = 0;
    let next = 0;
    while (col < widths.length) {
      const cont = below.get(col);
      if (cont !== undefined && cont.left > 0) {
        out.push(`<w:tc>${cellPr(col, cont.span, '<w:vMerge/>', cont.fill)}<w:p><w:pPr><w:pStyle w:val="${CELL_STYLE}"/></w:pPr></w:p></w:tc>`);
        if (--cont.left === 0) below.delete(col);
        col += cont.span;
        continue;
      }
      const cell = cells[next++];
      if (cell === undefined) break;
      const opts = cell.opts ?? {};
      const span = opts.span ?? 1;
      const fill = head ? 'EDEDED' : opts.shade === true ? 'FCE4D6' : null;
      const rowsSpanned = opts.rows ?? 1;
      if (rowsSpanned > 1) below.set(col, { span, left: rowsSpanned - 1, fill });
      const bold = opts.bold === true || head;
      const rPr = bold || opts.italics === true ? `<w:rPr>${bold ? '<w:b/><w:bCs/>' : ''}${opts.italics === true ? '<w:i/><w:iCs/>' : ''}</w:rPr>` : '';
      const paras = cell.text
        .split('\n')
        .map((line) => `<w:p><w:pPr><w:pStyle w:val="${CELL_STYLE}"/><w:jc w:val="${opts.align ?? 'center'}"/></w:pPr>${line === '' ? '' : `<w:r>${rPr}<w:t xml:space="preserve">${xmlChars(line)}</w:t></w:r>`}</w:p>`)
        .join('');
      out.push(`<w:tc>${cellPr(col, span, rowsSpanned > 1 ? '<w:vMerge w:val="restart"/>' : '', fill)}${paras}</w:tc>`);
      col += span;
    }
    out.push('</w:tr>');
  });
  out.push('</w:tbl>');
  return out.join('');
}

/** A paragraph standing where a table written as text goes, found again by its word. */
const slot = (d: DocxModule, n: number) => new d.Paragraph({ children: [new d.TextRun(`TALLY-TABLE-SLOT-${n}`)] });

/** The document's XML with each slot paragraph replaced by its table. */
function fillSlots(xml: string, tables: readonly string[]): string {
  let out = xml;
  tables.forEach((table, n) => {
    const at = out.indexOf(`TALLY-TABLE-SLOT-${n}<`);
    if (at < 0) throw new Error(`table slot ${n} not found`);
    const from = Math.max(out.lastIndexOf('<w:p>', at), out.lastIndexOf('<w:p ', at));
    const to = out.indexOf('</w:p>', at) + '</w:p>'.length;
    out = out.slice(0, from) + table + out.slice(to);
  });
  return out;
}

/** STT | unit | date | present/convened | returned | valid | leaders | > 1/2 | ≥ 2/3 | status. */
function unitsTable(ctx: RoundContext): string {
  const S = SUMMARY_TEXT[ctx.lang];
  const { round } = ctx;
  // At 12 pt a date (dd/mm/yyyy), "STT", "Thu về" and "Hợp lệ" each fit their column unbroken.
  const widths = [MM(12), MM(26), MM(22), MM(17), MM(15), MM(15), MM(13), MM(14), MM(14)];
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
  return tableXml(widths, [...head, ...rows], 2);
}

/** STT | name and position | unit | low votes of T | share | band. */
function flaggedTable(ctx: RoundContext): string {
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
  return tableXml(widths, [...head, ...rows], 1);
}

/** Recipients on the left (Nơi nhận), the board's signature on the right with room to sign. */
function signatureTable(d: DocxModule, ctx: RoundContext): Docx.Table {
  const s = roundSignature(ctx);
  const half = Math.round(TEXT_WIDTH / 2);
  const left = [para(d, s.recipientsTitle, { bold: true, italics: true, size: 12 }), ...s.recipients.map((r) => para(d, r, { size: 11 }))];
  const right = [para(d, s.authority, { align: 'center', bold: true, size: 14 }), para(d, s.title, { align: 'center', bold: true, size: 14 }), new d.Paragraph({ spacing: { before: MM(22) }, children: [] }), para(d, s.name, { align: 'center', bold: true, size: 14 })];
  return layoutTable(d, [half, TEXT_WIDTH - half], [left, right]);
}
