// The round summary as a workbook for the standing committee: the round and its units (with
// the heading and signature blocks of every document), every leader, the leaders above the
// thresholds, and an audit sheet hidden from print. Numbers are numbers; percentages are the
// exactly rounded hundredths as percent-formatted numbers.
import type { AddWorksheetOptions, Fill, Row, Workbook, Worksheet, WorksheetView } from 'exceljs';
import { DEFAULT_BALLOT_TYPE } from '../model/types.js';
import { BOX, boxRow, fitHeight, fraction, headerCell, printSetup, twoRowHeader } from '../report/xlsx-layout.js';
import { commitRowsBefore, commitSheet, streamedWorkbook, xlsxHeading } from '../report/xlsx-blocks.js';
import { EXACTLY_TWO_THIRDS_NOTE } from '../rules/regimes.js';
import { SUMMARY_TEXT } from '../text/summary.js';
import { actionWords, bandHeads, breachLines, bandWords, countsByType, incompleteLine, NO_COUNTS, noneFlaggedLine, roundHeading, roundSignature, statusText, thresholdLegend, type RoundContext } from './words.js';

const PERCENT = '0.00%';
const FLAG_FILL: Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFCE4D6' } };
const RED = { argb: 'FFC00000' };

// Written as a stream, row by row: a national round has tens of thousands of leader rows, too
// many to hold as cell objects (issue 22).
export async function roundXlsx(ctx: RoundContext): Promise<Uint8Array> {
  const S = SUMMARY_TEXT[ctx.lang];
  const { wb, bytes } = await streamedWorkbook();
  wb.creator = 'tally';
  wb.lastModifiedBy = 'tally';
  // No wall clock inside: the report's date when given.
  const when = new Date(`${ctx.header.date ?? '2000-01-01'}T00:00:00Z`);
  wb.created = when;
  wb.modified = when;
  const multi = multiType(ctx);
  await summarySheet(wb, S.sheets.summary, ctx, multi);
  await leadersSheet(wb, S.sheets.leaders, ctx, multi);
  await flaggedSheet(wb, S.sheets.flagged, ctx, multi);
  // For whoever checks the tool, not for the committee: hidden, so printing leaves it out.
  await auditSheet(wb, S.sheets.audit, ctx);
  return bytes();
}

/**
 * A streamed sheet: its frozen panes and its fit to the page are written before its first row,
 * so they are given here (the page setup as printSetup makes it, said there once).
 */
function addSheet(wb: Workbook, name: string, ctx: RoundContext, view: Partial<WorksheetView> | null, state?: 'hidden'): Worksheet {
  const page = {} as Worksheet;
  printSetup(page, undefined, classificationOf(ctx));
  const options: Partial<AddWorksheetOptions> = { pageSetup: page.pageSetup, ...(view === null ? {} : { views: [view] }), ...(state === undefined ? {} : { state }) };
  return wb.addWorksheet(name, options);
}

/** The classification printed on every page: the report's own, else the round's. */
const classificationOf = (ctx: RoundContext) => ctx.header.classification ?? ctx.round.classification;

/** A ballot-type column only when some session has a type other than the single default. */
const multiType = (ctx: RoundContext) => ctx.round.sessions.some((s) => s.types.some((t) => t.id !== DEFAULT_BALLOT_TYPE));




/** A line merged across the sheet: a title, the incomplete notice, a note. */
function line(ws: Worksheet, r: number, last: number, text: string, font: { bold?: boolean; size?: number; italic?: boolean; color?: { argb: string } }, align: 'left' | 'center' = 'left'): void {
  ws.mergeCells(r, 1, r, last);
  const c = ws.getCell(r, 1);
  c.value = text;
  c.font = { size: 12, ...font };
  c.alignment = { horizontal: align, vertical: 'middle', wrapText: true };
}

/** Every sheet the committee reads says first when the round is incomplete. */
function incompleteRow(ws: Worksheet, r: number, last: number, ctx: RoundContext): void {
  const text = incompleteLine(ctx.round, ctx.lang);
  if (text === null) return;
  line(ws, r, last, text, { bold: true, color: RED }, 'center');
  ws.getRow(r).height = 30;
}

const isoDate = (iso: string | null) => (iso === null ? null : new Date(`${iso}T00:00:00Z`));

function summaryColumns(multi: boolean) {
  const T = multi ? 1 : 0;
  return { T, C: { stt: 1, unit: 2, type: 3, date: 3 + T, convened: 4 + T, present: 5 + T, quorum: 6 + T, issued: 7 + T, returned: 8 + T, valid: 9 + T, void: 10 + T, leaders: 11 + T, review: 12 + T, dismissal: 13 + T, status: 14 + T } };
}

async function summarySheet(wb: Workbook, name: string, ctx: RoundContext, multi: boolean): Promise<void> {
  const { default: ExcelJS } = await import('exceljs');
  // Where the table starts (and the panes freeze) is known only once the top is drawn: drawn
  // first on a scratch sheet, a few dozen cells.
  const h1 = summaryTop(new ExcelJS.Workbook().addWorksheet(), ctx, multi);
  const ws = addSheet(wb, name, ctx, { state: 'frozen', xSplit: 2, ySplit: h1 + 1, topLeftCell: `C${h1 + 2}` });
  ws.columns = [5, 30, ...(multi ? [9] : []), 11, 9, 8, 8, 8, 8, 8, 9, 10, 10, 10, 40].map((width) => ({ width }));
  summaryTop(ws, ctx, multi);
  await summaryTable(ws, h1, ctx, multi);
}

/** The heading, the incomplete notice and the round's totals; returns the table's first row. */
function summaryTop(ws: Worksheet, ctx: RoundContext, multi: boolean): number {
  const S = SUMMARY_TEXT[ctx.lang];
  const { round } = ctx;
  const { T, C } = summaryColumns(multi);
  const LAST = C.status;
  let r = xlsxHeading(ws, 1, roundHeading(ctx), [1, 2 + T], [C.review, LAST], LAST);
  const incomplete = incompleteLine(round, ctx.lang);
  if (incomplete !== null) {
    line(ws, r, LAST, incomplete, { bold: true, color: RED }, 'center');
    ws.getRow(r).height = 32;
    r++;
    // Each breach of the two-places rule with its places, named by unit.
    for (const b of breachLines(round, ctx.lang)) {
      line(ws, r, LAST, `- ${b}`, { color: RED });
      ws.getRow(r).height = 30;
      r++;
    }
  }
  r++;
  // The totals of the round, label and number.
  line(ws, r++, LAST, S.sections.totals, { bold: true });
  const t = round.totals;
  const heads = bandHeads(round, ctx.lang, 'label');
  const totals: [string, number][] = [
    ...(t.unitsExpected === null ? [] : [[S.totals.unitsExpected, t.unitsExpected] as [string, number]]),
    [S.totals.units, t.units],
    [S.totals.sessions, t.sessions],
    [S.totals.validSessions, t.validSessions],
    [S.totals.invalidSessions, t.invalidSessions],
    ...(t.unitsExpected === null ? [] : [[S.totals.missingUnits, t.missingUnits] as [string, number], [S.totals.unexpectedUnits, t.unexpectedUnits] as [string, number]]),
    [S.totals.leaders, t.leaders],
    [heads.none, t.none],
    [heads.review, t.review],
    [heads.dismissal, t.dismissal],
  ];
  for (const [label, n] of totals) {
    ws.mergeCells(r, 2, r, C.void);
    ws.getCell(r, 2).value = label;
    const c = ws.getCell(r, C.leaders);
    c.value = n;
    c.alignment = { horizontal: 'right' };
    for (const col of [2, C.leaders]) ws.getCell(r, col).border = BOX;
    r++;
  }
  r++;
  line(ws, r++, LAST, S.sections.units, { bold: true });
  return r;
}

async function summaryTable(ws: Worksheet, h1: number, ctx: RoundContext, multi: boolean): Promise<void> {
  const S = SUMMARY_TEXT[ctx.lang];
  const { round } = ctx;
  const { T, C } = summaryColumns(multi);
  const LAST = C.status;
  // Two header rows: the ballots and the bands grouped.
  const h2 = h1 + 1;
  const single: [number, string][] = [[C.stt, S.col.stt], [C.unit, S.col.unit], ...(multi ? [[C.type, S.col.ballotType] as [number, string]] : []), [C.date, S.col.date], [C.convened, S.col.convened], [C.present, S.col.present], [C.quorum, S.col.quorum], [C.leaders, S.col.leaders], [C.status, S.col.status]];
  for (const [col, text] of single) {
    ws.mergeCells(h1, col, h2, col);
    headerCell(ws.getCell(h1, col), text);
  }
  ws.mergeCells(h1, C.issued, h1, C.void);
  headerCell(ws.getCell(h1, C.issued), S.col.ballotsGroup);
  ([[C.issued, S.col.issued], [C.returned, S.col.returned], [C.valid, S.col.valid], [C.void, S.col.void]] as const).forEach(([col, text]) => headerCell(ws.getCell(h2, col), text));
  ws.mergeCells(h1, C.review, h1, C.dismissal);
  headerCell(ws.getCell(h1, C.review), S.col.bandsGroup);
  const short = bandHeads(round, ctx.lang, 'short');
  headerCell(ws.getCell(h2, C.review), short.review);
  headerCell(ws.getCell(h2, C.dismissal), short.dismissal);
  ws.getRow(h1).height = 30;
  ws.getRow(h2).height = 45;
  let r = h2 + 1;
  let n = 0;
  const numeric = [C.stt, C.convened, C.present, C.issued, C.returned, C.valid, C.void, C.leaders, C.review, C.dismissal];
  const style = (row: Row, bad: boolean) => {
    row.alignment = { vertical: 'top', wrapText: true };
    for (const col of numeric) row.getCell(col).alignment = { vertical: 'top', horizontal: 'right' };
    row.getCell(C.quorum).alignment = { vertical: 'top', horizontal: 'center' };
    row.getCell(C.date).numFmt = 'dd/mm/yyyy';
    row.getCell(C.date).alignment = { vertical: 'top', horizontal: 'center' };
    boxRow(row, 1, LAST);
    if (bad) row.getCell(C.status).font = { bold: true, color: RED };
    fitHeight(ws, row, [C.unit, C.status]);
  };
  const byType = countsByType(round);
  for (const s of round.sessions) {
    await commitRowsBefore(ws, r);
    n++;
    const status = statusText(s, ctx.lang);
    if (s.types.length === 0) {
      const row = ws.getRow(r++);
      row.getCell(C.stt).value = n;
      row.getCell(C.unit).value = s.unit;
      row.getCell(C.date).value = isoDate(s.date);
      row.getCell(C.convened).value = s.convened;
      row.getCell(C.present).value = s.present;
      row.getCell(C.status).value = status;
      style(row, true);
      continue;
    }
    s.types.forEach((t, k) => {
      const row = ws.getRow(r++);
      const c = byType.get(`${s.label}\u0000${t.id}`) ?? NO_COUNTS;
      row.values = [
        k === 0 ? n : null,
        s.unit,
        ...(multi ? [t.id === DEFAULT_BALLOT_TYPE ? '' : t.id] : []),
        isoDate(s.date),
        t.convened,
        t.present,
        t.quorumMet ? S.yes : S.no,
        t.issued,
        t.returned,
        t.validBallots,
        t.voidBallots,
        c.leaders,
        c.review,
        c.dismissal,
        k === 0 ? status : '',
      ];
      style(row, s.expected === false || s.recheck === 'differs');
    });
  }
  for (const unit of round.missing) {
    const row = ws.getRow(r++);
    row.getCell(C.stt).value = ++n;
    row.getCell(C.unit).value = unit;
    row.getCell(C.status).value = `${S.status.missing}: ${S.missingRow.toLocaleLowerCase(ctx.lang)}`;
    style(row, true);
  }
  // A round mixing regimes: each regime's thresholds, under the table whose columns group them.
  for (const text of thresholdLegend(round, ctx.lang)) line(ws, ++r, LAST, text, { italic: true, size: 11 });
  r++;
  signature(ws, r, ctx, [1, 2 + T], [C.review, LAST]);
  printSetup(ws, `${h1}:${h2}`, classificationOf(ctx));
  await commitSheet(ws);
}

/** Recipients on the left, the board's signature on the right with room to sign. */
function signature(ws: Worksheet, row: number, ctx: RoundContext, left: readonly [number, number], right: readonly [number, number]): void {
  const s = roundSignature(ctx);
  const put = (r: number, cols: readonly [number, number], text: string, font: { bold?: boolean; italic?: boolean }, align: 'left' | 'center') => {
    if (cols[1] > cols[0]) ws.mergeCells(r, cols[0], r, cols[1]);
    const c = ws.getCell(r, cols[0]);
    c.value = text;
    c.font = { size: 12, ...font };
    c.alignment = { horizontal: align, vertical: 'middle' };
  };
  put(row, left, s.recipientsTitle, { bold: true, italic: true }, 'left');
  s.recipients.forEach((t, i) => put(row + 1 + i, left, t, {}, 'left'));
  put(row, right, s.authority, { bold: true }, 'center');
  put(row + 1, right, s.title, { bold: true }, 'center');
  put(row + 6, right, s.name, { bold: true }, 'center');
}

async function leadersSheet(wb: Workbook, name: string, ctx: RoundContext, multi: boolean): Promise<void> {
  const S = SUMMARY_TEXT[ctx.lang];
  const T = multi ? 1 : 0;
  const C = { unit: 1, stt: 2, name: 3, position: 4, type: 5, high: 5 + T, confidence: 7 + T, low: 9 + T, band: 11 + T };
  const LAST = C.band;
  const h1 = 4;
  const h2 = 5;
  const ws = addSheet(wb, name, ctx, { state: 'frozen', xSplit: 3, ySplit: h2, topLeftCell: `D${h2 + 1}` });
  ws.columns = [26, 5, 24, 28, ...(multi ? [9] : []), 8, 9, 8, 9, 8, 9, 24].map((width) => ({ width }));
  line(ws, 1, LAST, S.leadersTitle, { bold: true, size: 13 }, 'center');
  if (ctx.round.round !== null) line(ws, 2, LAST, S.subject(ctx.round.round), { bold: true, size: 11 }, 'center');
  incompleteRow(ws, 3, LAST, ctx);
  const single: [number, string][] = [[C.unit, S.col.unit], [C.stt, S.col.stt], [C.name, S.col.name], [C.position, S.col.position], ...(multi ? [[C.type, S.col.ballotType] as [number, string]] : []), [C.band, S.col.band]];
  twoRowHeader(ws, h1, single, [[C.high, S.col.high], [C.confidence, S.col.confidence], [C.low, S.col.low]], S.col.count, S.col.percent);
  let r = h2 + 1;
  let twoThirds = false;
  for (const l of ctx.round.leaders) {
    await commitRowsBefore(ws, r);
    const row = ws.getRow(r++);
    const note = l.notes.includes('exactly-two-thirds');
    twoThirds ||= note;
    const pct = (level: 'high' | 'confidence' | 'low') => (l.percent === null ? null : fraction(l.percent[level]));
    row.values = [l.unit, l.stt, l.name, l.position, ...(multi ? [l.ballotType === DEFAULT_BALLOT_TYPE ? '' : l.ballotType] : []), l.high, pct('high'), l.confidence, pct('confidence'), l.low, pct('low'), bandWords(l.regime, l.band, ctx.lang) + (note ? ' (*)' : '')];
    for (const col of [C.high + 1, C.confidence + 1, C.low + 1]) row.getCell(col).numFmt = PERCENT;
    row.alignment = { vertical: 'top', wrapText: true };
    for (const col of [C.stt, C.high, C.high + 1, C.confidence, C.confidence + 1, C.low, C.low + 1]) row.getCell(col).alignment = { vertical: 'top', horizontal: 'right' };
    row.getCell(C.band).alignment = { vertical: 'top', horizontal: 'center', wrapText: true };
    boxRow(row, 1, LAST);
    if (l.flagged) {
      for (let i = 1; i <= LAST; i++) row.getCell(i).fill = FLAG_FILL;
      row.getCell(C.name).font = { bold: true };
    }
    fitHeight(ws, row, [C.unit, C.name, C.position, C.band]);
  }
  if (twoThirds) line(ws, r + 1, LAST, `(*) ${EXACTLY_TWO_THIRDS_NOTE[ctx.lang]}`, { italic: true, size: 11 });
  printSetup(ws, `${h1}:${h2}`, classificationOf(ctx));
  await commitSheet(ws);
}

async function flaggedSheet(wb: Workbook, name: string, ctx: RoundContext, multi: boolean): Promise<void> {
  const S = SUMMARY_TEXT[ctx.lang];
  const T = multi ? 1 : 0;
  const C = { stt: 1, unit: 2, name: 3, position: 4, type: 5, low: 5 + T, total: 6 + T, pct: 7 + T, band: 8 + T, action: 9 + T };
  const LAST = C.action;
  const head = 4;
  const ws = addSheet(wb, name, ctx, { state: 'frozen', ySplit: head });
  ws.columns = [5, 24, 24, 26, ...(multi ? [9] : []), 9, 9, 9, 22, 56].map((width) => ({ width }));
  line(ws, 1, LAST, S.flaggedTitle, { bold: true, size: 13 }, 'center');
  if (ctx.round.round !== null) line(ws, 2, LAST, S.subject(ctx.round.round), { bold: true, size: 11 }, 'center');
  incompleteRow(ws, 3, LAST, ctx);
  [S.col.stt, S.col.unit, S.col.name, S.col.position, ...(multi ? [S.col.ballotType] : []), `${S.col.count} ${S.col.low.toLocaleLowerCase(ctx.lang)}`, S.col.denominator, S.col.lowShare, S.col.band, S.col.action].forEach((t, i) => headerCell(ws.getCell(head, i + 1), t));
  ws.getRow(head).height = 45;
  let r = head + 1;
  if (ctx.round.flagged.length === 0) {
    line(ws, r++, LAST, noneFlaggedLine(ctx.round, ctx.lang), {});
  }
  for (const [i, l] of ctx.round.flagged.entries()) {
    await commitRowsBefore(ws, r);
    const row = ws.getRow(r++);
    const note = l.notes.includes('exactly-two-thirds');
    row.values = [i + 1, l.unit, l.name, l.position, ...(multi ? [l.ballotType === DEFAULT_BALLOT_TYPE ? '' : l.ballotType] : []), l.low, l.denominator, l.percent === null ? null : fraction(l.percent.low), bandWords(l.regime, l.band, ctx.lang) + (note ? ' (*)' : ''), actionWords(l.regime, l.band, ctx.lang)];
    row.getCell(C.pct).numFmt = PERCENT;
    row.alignment = { vertical: 'top', wrapText: true };
    for (const col of [C.stt, C.low, C.total, C.pct]) row.getCell(col).alignment = { vertical: 'top', horizontal: 'right' };
    boxRow(row, 1, LAST);
    row.getCell(C.name).font = { bold: true };
    fitHeight(ws, row, [C.unit, C.name, C.position, C.band, C.action]);
    if (note) {
      const noteRow = ws.getRow(r++);
      ws.mergeCells(noteRow.number, C.name, noteRow.number, LAST);
      noteRow.getCell(C.name).value = `(*) ${EXACTLY_TWO_THIRDS_NOTE[ctx.lang]}`;
      noteRow.getCell(C.name).alignment = { wrapText: true };
      noteRow.getCell(C.name).font = { italic: true, size: 11 };
      noteRow.height = 30;
    }
  }
  printSetup(ws, `${head}:${head}`, classificationOf(ctx));
  await commitSheet(ws);
}

async function auditSheet(wb: Workbook, name: string, ctx: RoundContext): Promise<void> {
  const S = SUMMARY_TEXT[ctx.lang];
  const ws = addSheet(wb, name, ctx, null, 'hidden');
  ws.columns = [36, 44, 14, 68].map((width) => ({ width }));
  line(ws, 1, 4, S.auditTitle, { bold: true, size: 13 }, 'center');
  ws.getCell(3, 1).value = S.tool;
  ws.getCell(3, 1).font = { bold: true };
  ws.getCell(3, 2).value = `tally ${ctx.version}`;
  let r = 5;
  [S.col.session, S.col.file, S.col.role, 'SHA-256'].forEach((t, i) => headerCell(ws.getCell(r, i + 1), t));
  r++;
  for (const f of ctx.round.files) {
    await commitRowsBefore(ws, r);
    const row = ws.getRow(r++);
    row.values = [f.session, f.path, S.roles[f.role] ?? f.role, f.sha256 ?? S.unreadable];
    row.alignment = { vertical: 'top', wrapText: true };
    boxRow(row, 1, 4);
    fitHeight(ws, row, [1, 2]);
  }
  printSetup(ws, undefined, classificationOf(ctx));
  await commitSheet(ws);
}
