// The Excel summary for the standing committee: summary, flagged leaders, invalid ballots and
// lines, and an audit sheet. Every number is a number; percentages are percent-formatted.
import type { Fill, Worksheet } from 'exceljs';
import { DEFAULT_BALLOT_TYPE, type Band } from '../model/types.js';
import type { CadreResult } from '../rules/evaluate.js';
import { EXACTLY_TWO_THIRDS_NOTE } from '../rules/regimes.js';
import { LABELS } from '../text/labels.js';
import { nonBallotRows } from '../model/sheet.js';
import { allCadres, compareBallots, documentDate, type ReportContext } from './context.js';
import { bandAction, bandLabel, formatDate, readingLabel, voidBallotReason } from './format.js';
import { documentHeading, signatureBlock, type DocumentKind } from './document.js';
import { DOCUMENT_TEXT } from '../text/documents.js';
import { boxRow, fitHeight, fraction, headerCell, printSetup, twoRowHeader } from './xlsx-layout.js';
import { serifEverywhere, workbookBytes, xlsxHeading, xlsxSignature } from './xlsx-blocks.js';

const PERCENT = '0.00%';
const FLAG_FILL: Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFCE4D6' } };

export async function renderXlsx(ctx: ReportContext): Promise<Uint8Array> {
  const { default: ExcelJS } = await import('exceljs');
  const wb = new ExcelJS.Workbook();
  wb.creator = 'tally';
  wb.lastModifiedBy = 'tally';
  wb.created = documentDate(ctx);
  wb.modified = documentDate(ctx);
  const L = LABELS[ctx.lang];
  summarySheet(wb.addWorksheet(L.sheets.summary), ctx);
  flaggedSheet(wb.addWorksheet(L.sheets.flagged), ctx);
  invalidSheet(wb.addWorksheet(L.sheets.invalid), ctx);
  // The audit sheet is for whoever checks the tool, not for the committee: hidden, so printing
  // the workbook leaves it out (unhide it to read or print it).
  auditSheet(wb.addWorksheet(L.sheets.audit, { state: 'hidden' }), ctx);
  serifEverywhere(wb);
  return workbookBytes(wb);
}

function title(ws: Worksheet, row: number, text: string, lastCol: number, size = 13): void {
  ws.mergeCells(row, 1, row, lastCol);
  const c = ws.getCell(row, 1);
  c.value = text;
  c.font = { bold: true, size };
  c.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
}



/** The band in words; "—" for no band (never "Không", which reads as "no confidence"). */
function bandText(ctx: ReportContext, band: Band | null): string {
  return bandLabel(ctx.outcome.regime, band, ctx.lang) ?? '—';
}

/** The summary is the result sheet of the minutes: it carries the minutes' number. */
function summaryKind(ctx: ReportContext): DocumentKind {
  return { type: DOCUMENT_TEXT[ctx.lang].resultsType, subject: ctx.outcome.session.title, symbol: { party: 'BB/BKP', state: 'BB-BKP' } };
}

function summarySheet(ws: Worksheet, ctx: ReportContext): void {
  const L = LABELS[ctx.lang];
  const { session, regime } = ctx.outcome;
  // The ballot-type column only when there are several types: with one, it would say nothing.
  const multi = !isSingleDefault(ctx);
  const T = multi ? 1 : 0;
  const C = { stt: 1, name: 2, position: 3, type: 4, valid: 4 + T, invalid: 5 + T, high: 6 + T, confidence: 8 + T, low: 10 + T, band: 12 + T, action: 13 + T };
  const LAST = C.action;
  ws.columns = [5, 24, 30, ...(multi ? [10] : []), 8, 9, 8, 9, 8, 9, 8, 9, 22, 48].map((width) => ({ width }));

  let r = xlsxHeading(ws, 1, documentHeading(session, regime, ctx.lang, summaryKind(ctx)), [1, 3], [C.band - 1, LAST], LAST);
  r++;
  const info = (label: string, value: string) => {
    ws.getCell(r, 1).value = `${label}:`;
    ws.getCell(r, 1).font = { bold: true };
    ws.mergeCells(r, 1, r, 2);
    ws.getCell(r, 3).value = value;
    ws.mergeCells(r, 3, r, LAST);
    r++;
  };
  info(L.date, [formatDate(session.date, ctx.lang), session.round === null ? '' : `${L.round} ${session.round}`].filter((x) => x).join(' · '));
  info(L.regime, regime.instrument[ctx.lang]);
  for (const t of ctx.outcome.ballotTypes) {
    const prefix = ctx.outcome.ballotTypes.length > 1 ? `${L.ballotType} ${t.id}: ` : '';
    info(L.denominator, `${prefix}${L.basis[t.denominator.basis]}${t.denominator.value === null ? '' : ` = ${t.denominator.value}`}`);
    info(L.quorum, `${prefix}${L.quorumText(t.quorum.present, t.quorum.convened, t.quorum.required, t.quorum.met)}${regime.quorumByAnalogy ? L.byAnalogy : ''}`);
    info(L.ballots, `${prefix}${L.ballotsLine(t.issued, t.returned, t.validBallots, t.voidBallots)}`);
  }
  if (ctx.outcome.ballotTypes.some((t) => !t.quorum.met)) {
    title(ws, r, L.noEffect, LAST, 12);
    ws.getCell(r, 1).font = { bold: true, size: 12, color: { argb: 'FFC00000' } };
    r++;
  }
  r++;

  // Two header rows: the level names above "votes" and "share".
  const h1 = r;
  const h2 = r + 1;
  const single: [number, string][] = [
    [C.stt, L.col.stt], [C.name, L.col.name], [C.position, L.col.position], ...(multi ? [[C.type, L.col.ballotType] as [number, string]] : []), [C.valid, L.col.valid], [C.invalid, L.col.invalid], [C.band, L.col.band], [C.action, L.col.action],
  ];
  twoRowHeader(ws, h1, single, [[C.high, L.col.high], [C.confidence, L.col.confidence], [C.low, L.col.low]], L.col.count, L.col.percent);
  r = h2 + 1;
  const firstData = r;
  let anyTwoThirds = false;
  for (const { type, result } of allCadres(ctx)) {
    const row = ws.getRow(r++);
    const twoThirds = result.notes.includes('exactly-two-thirds');
    anyTwoThirds ||= twoThirds;
    row.values = [
      result.cadre.stt,
      result.cadre.name,
      result.cadre.position,
      ...(multi ? [type.id] : []),
      result.valid,
      result.invalid,
      result.high,
      percentOrNull(result, 'high'),
      result.confidence,
      percentOrNull(result, 'confidence'),
      result.low,
      percentOrNull(result, 'low'),
      bandText(ctx, result.band) + (twoThirds ? ' (*)' : ''),
      bandAction(regime, result.band, ctx.lang) ?? '',
    ];
    for (const col of [C.high + 1, C.confidence + 1, C.low + 1]) row.getCell(col).numFmt = PERCENT;
    row.alignment = { vertical: 'top', wrapText: true };
    for (const col of [C.stt, C.valid, C.invalid, C.high, C.high + 1, C.confidence, C.confidence + 1, C.low, C.low + 1]) row.getCell(col).alignment = { vertical: 'top', horizontal: 'right' };
    row.getCell(C.band).alignment = { vertical: 'top', horizontal: 'center', wrapText: true };
    boxRow(row, 1, LAST);
    if (result.flagged) for (let i = 1; i <= LAST; i++) row.getCell(i).fill = FLAG_FILL;
    if (result.flagged) row.getCell(2).font = { bold: true };
    fitHeight(ws, row, [C.name, C.position, C.band, C.action]);
  }
  ws.views = [{ state: 'frozen', xSplit: 2, ySplit: h2, topLeftCell: `C${firstData}` }];
  r++;
  if (anyTwoThirds) {
    ws.getCell(r, 1).value = `(*) ${EXACTLY_TWO_THIRDS_NOTE[ctx.lang]}`;
    ws.mergeCells(r, 1, r, LAST);
    ws.getCell(r, 1).alignment = { wrapText: true };
    ws.getRow(r).height = 30;
    r += 2;
  }
  xlsxSignature(ws, r, signatureBlock(session, regime, ctx.lang), [1, 3], [C.band, LAST]);
  printSetup(ws, `${h1}:${h2}`, session.classification);
}

function percentOrNull(result: CadreResult, level: 'high' | 'confidence' | 'low'): number | null {
  return result.percent === null ? null : fraction(result.percent[level]);
}

function flaggedSheet(ws: Worksheet, ctx: ReportContext): void {
  const L = LABELS[ctx.lang];
  const { regime, session } = ctx.outcome;
  const multi = !isSingleDefault(ctx);
  const LAST = multi ? 8 : 7;
  ws.columns = [5, 24, 30, ...(multi ? [10] : []), 12, 9, 28, 60].map((width) => ({ width }));
  title(ws, 1, L.flaggedTitle, LAST, 13);
  if (session.title !== null) title(ws, 2, session.title, LAST, 11);
  const head = 4;
  [L.col.stt, L.col.name, L.col.position, ...(multi ? [L.col.ballotType] : []), `${L.col.count} ${L.col.low.toLocaleLowerCase(ctx.lang)}`, L.col.percent, L.col.band, L.col.action].forEach((t, i) =>
    headerCell(ws.getCell(head, i + 1), t),
  );
  ws.getRow(head).height = 45;
  let r = head + 1;
  const flagged = allCadres(ctx).filter(({ result }) => result.flagged);
  if (flagged.length === 0) {
    ws.getCell(r, 1).value = ctx.outcome.ballotTypes.every((t) => t.quorum.met) ? ctx.outcome.regime.noneAbove[ctx.lang] : L.noEffect;
    ws.mergeCells(r, 1, r, LAST);
    r++;
  }
  for (const { type, result } of flagged) {
    const row = ws.getRow(r++);
    row.values = [
      result.cadre.stt,
      result.cadre.name,
      result.cadre.position,
      ...(multi ? [type.id] : []),
      result.low,
      percentOrNull(result, 'low'),
      bandText(ctx, result.band),
      bandAction(regime, result.band, ctx.lang) ?? '',
    ];
    row.getCell(LAST - 2).numFmt = PERCENT;
    row.alignment = { vertical: 'top', wrapText: true };
    boxRow(row, 1, LAST);
    fitHeight(ws, row, [2, 3, LAST - 1, LAST]);
    if (result.notes.includes('exactly-two-thirds')) {
      const note = ws.getRow(r++);
      note.getCell(2).value = `(*) ${EXACTLY_TWO_THIRDS_NOTE[ctx.lang]}`;
      ws.mergeCells(note.number, 2, note.number, LAST);
      note.getCell(2).alignment = { wrapText: true };
      note.height = 30;
    }
  }
  ws.views = [{ state: 'frozen', ySplit: head }];
  printSetup(ws, `${head}:${head}`, session.classification);
}

function invalidSheet(ws: Worksheet, ctx: ReportContext): void {
  const L = LABELS[ctx.lang];
  const names = new Map(ctx.outcome.cadres.map((c) => [c.key, c.name]));
  // The ballot-type column only when there are several types.
  const multi = !isSingleDefault(ctx);
  const T = multi ? 1 : 0;
  const LAST = 3 + T;
  ws.columns = [...(multi ? [10] : []), 12, 30, 50, ...(multi ? [] : [24])].map((width) => ({ width }));
  title(ws, 1, L.invalidTitle, LAST, 13);
  let r = 3;
  const typeCell = (id: string) => (multi ? [id] : []);

  const section = (label: string) => {
    ws.getCell(r, 1).value = label;
    ws.getCell(r, 1).font = { bold: true };
    ws.mergeCells(r, 1, r, LAST);
    r++;
  };
  section(L.voidBallots);
  [...typeCell(L.col.ballotType), L.col.ballot, L.col.reason].forEach((t, i) => headerCell(ws.getCell(r, i + 1), t));
  ws.mergeCells(r, 2 + T, r, LAST);
  r++;
  const voided = ctx.outcome.ballotTypes.flatMap((t) => t.count.voidBallots.map((v) => ({ t: t.id, v })));
  if (voided.length === 0) ws.getCell(r++, 1).value = L.none;
  for (const { t, v } of voided.sort((a, b) => compareBallots(a.v.ballot, b.v.ballot))) {
    const reason = voidBallotReason(v, names, ctx.lang);
    const row = ws.getRow(r);
    row.values = [...typeCell(t), ballotValue(v.ballot), reason];
    ws.mergeCells(r, 2 + T, r, LAST);
    boxRow(row, 1, LAST);
    r++;
  }
  r++;
  section(L.invalidLines);
  [...typeCell(L.col.ballotType), L.col.ballot, L.col.leader, L.col.reason].forEach((t, i) => headerCell(ws.getCell(r, i + 1), t));
  r++;
  const lines = ctx.outcome.ballotTypes.flatMap((t) => t.count.invalidLines.map((l) => ({ t: t.id, l })));
  if (lines.length === 0) ws.getCell(r++, 1).value = L.none;
  for (const { t, l } of lines.sort((a, b) => compareBallots(a.l.ballot, b.l.ballot) || a.l.cadreKey - b.l.cadreKey)) {
    const row = ws.getRow(r++);
    row.values = [...typeCell(t), ballotValue(l.ballot), names.get(l.cadreKey) ?? '', L.reasons[l.reason]];
    boxRow(row, 1, LAST);
  }
  if (ctx.outcome.adjudications.length > 0) {
    r++;
    section(L.adjudicationsTitle);
    const cols = [L.col.ballot, L.col.leader, `${L.adjudicationCols.before} → ${L.adjudicationCols.decision}`, L.adjudicationCols.by];
    cols.forEach((t, i) => headerCell(ws.getCell(r, i + 1), t));
    r++;
    for (const a of ctx.outcome.adjudications) {
      const row = ws.getRow(r++);
      row.values = [ballotValue(a.ballot), a.cadre.name, `${readingLabel(a.before, ctx.lang)} → ${readingLabel(a.decision, ctx.lang)}`, a.decidedBy];
      row.alignment = { vertical: 'top', wrapText: true };
      boxRow(row, 1, cols.length);
      fitHeight(ws, row, [3, 4]);
    }
  }
  printSetup(ws, undefined, ctx.outcome.session.classification);
}

function isSingleDefault(ctx: ReportContext): boolean {
  return ctx.outcome.ballotTypes.length === 1 && ctx.outcome.ballotTypes[0]?.id === DEFAULT_BALLOT_TYPE;
}

/** Ballot numbers that are whole numbers are stored as numbers, the rest as text. */
function ballotValue(number: string): number | string {
  return /^\d{1,15}$/.test(number) ? Number(number) : number;
}

function auditSheet(ws: Worksheet, ctx: ReportContext): void {
  const L = LABELS[ctx.lang];
  const A = L.audit;
  ws.columns = [40, 44, 68].map((width) => ({ width }));
  title(ws, 1, L.auditTitle, 3, 13);
  let r = 3;
  const pair = (label: string, value: string) => {
    const row = ws.getRow(r++);
    row.getCell(1).value = label;
    row.getCell(1).font = { bold: true };
    row.getCell(2).value = value;
    ws.mergeCells(row.number, 2, row.number, 3);
    row.alignment = { vertical: 'top', wrapText: true };
    fitHeight(ws, row, [1]);
  };
  pair(A.tool, `tally ${ctx.version}`);
  r++;
  [A.option, A.value, A.origin].forEach((t, i) => headerCell(ws.getCell(r, i + 1), t));
  r++;
  for (const o of ctx.options) {
    const row = ws.getRow(r++);
    row.values = [A.optionNames[o.name as keyof typeof A.optionNames] ?? o.name, auditValue(ctx, o.name, o.value), A.origins[o.origin]];
    row.alignment = { vertical: 'top', wrapText: true };
    boxRow(row, 1, 3);
    fitHeight(ws, row, [2]);
  }
  r++;
  [A.file, A.role, 'SHA-256'].forEach((t, i) => headerCell(ws.getCell(r, i + 1), t));
  r++;
  for (const f of ctx.outcome.files) {
    const row = ws.getRow(r++);
    row.values = [f.path, A.roles[f.role] ?? f.role, f.sha256];
    row.alignment = { vertical: 'top', wrapText: true };
    boxRow(row, 1, 3);
    fitHeight(ws, row, [1]);
  }
  r++;
  pair(A.digest, ctx.outcome.inputDigest);
  r++;
  ws.getCell(r, 1).value = A.rows;
  ws.getCell(r, 1).font = { bold: true };
  r++;
  for (const rows of ctx.outcome.rows) {
    const where = [rows.file, rows.sheet].filter((x) => x !== null).join(' › ');
    const non = nonBallotRows(rows);
    ws.getCell(r, 1).value = where;
    ws.mergeCells(r, 1, r, 3);
    r++;
    for (const [label, n] of [[A.rowsRead, rows.rowsRead], [A.ballotsCounted, rows.ballots], [A.rowsWithErrors, rows.rowsWithErrors], [A.nonBallot, non]] as const) {
      ws.getCell(r, 1).value = `  ${label}`;
      ws.getCell(r, 2).value = n;
      r++;
    }
  }
  printSetup(ws, undefined, ctx.outcome.session.classification);
}

/** An option's value in words: the regime's instrument, the basis, yes or no, a date as written. */
function auditValue(ctx: ReportContext, name: string, value: string): string {
  const L = LABELS[ctx.lang];
  switch (name) {
    case 'regime':
      return ctx.outcome.regime.instrument[ctx.lang];
    case 'denominator':
      return L.basis[value as keyof typeof L.basis] ?? value;
    case 'strict':
      return value === 'true' ? L.audit.yes : L.audit.no;
    case 'lang':
      return L.audit.langs[value as keyof typeof L.audit.langs] ?? value;
    case 'date':
      return formatDate(value, ctx.lang);
    default:
      return value;
  }
}
