// What `tally check` shows: the sessions with their status and differences, and each person
// across sessions — as terminal text, a JSON document, or an XLSX workbook.
import { terminalStyle } from '../report/style.js';
import type { Problem } from '../model/problem.js';
import { DEFAULT_BALLOT_TYPE, type Band, type RegimeId } from '../model/types.js';
import { hundredthsToNumber } from '../model/exact.js';
import { bandMark, formatDate, formatPercent } from '../report/format.js';
import { HEAD_FILL, fitHeight, fraction, printSetup } from '../report/xlsx-layout.js';
import { serifEverywhere, workbookBytes, xlsxTitle } from '../report/xlsx-blocks.js';
import { REGIMES } from '../rules/regimes.js';
import { loadTable } from '../report/table.js';
import type { Lang } from '../text/lang.js';
import { CHECK_TEXT } from '../text/check.js';
import { TERMINAL } from '../text/terminal.js';
import { cellRef, locationText, problemMessage } from '../text/messages.js';
import type { Person } from './across.js';
import type { Difference } from './compare.js';
import type { Field } from '../model/check.js';
import { differenceTotal, unlisted, unlistedDifferences } from './cap.js';
import { naturalCompare } from './order.js';
import type { CheckedSession } from './session.js';
import type { Status } from '../model/check.js';
import { jsonText, screenData } from '../model/text-as-data.js';

export interface CheckReport {
  readonly sessions: readonly CheckedSession[];
  readonly people: readonly Person[];
  readonly problems: readonly Problem[];
}

export const STATUSES: readonly Status[] = ['ok', 'differs', 'inputs changed', 'inputs missing', 'no record', 'invalid'];


export function failed(s: CheckedSession, requireRecord: boolean): boolean {
  return s.status !== 'ok' && (s.status !== 'no record' || requireRecord);
}

/** A ballot type as shown: an empty cell for a session with one kind of ballot. */
const typeText = (id: string): string | null => (id === DEFAULT_BALLOT_TYPE ? null : id);

/** A band as its session's regime draws it ("> 1/2", "≥ 2/3"; "> 2/3" under assembly-35). */
function bandText(band: Band, regime: RegimeId | null, lang: Lang): string {
  if (band === 'none') return CHECK_TEXT[lang].noBand;
  return regime === null ? band : bandMark(REGIMES[regime], band);
}

export function valueText(field: Field, v: number | string | null, lang: Lang, regime: RegimeId | null): string {
  if (v === null) return field === 'leader' ? '—' : CHECK_TEXT[lang].empty;
  // Shares are decimal text at the precision recorded ("53.2"), shown as the clerk writes them.
  if (field.endsWith('_pct') && typeof v === 'string') return `${lang === 'vi' ? v.replace('.', ',') : v}%`;
  if (field === 'band') return bandText(v as Band, regime, lang);
  return String(v);
}

/** "khớp nếu tính trên số phiếu phát ra (47)", or null. */
export function matchesText(d: Difference, lang: Lang): string | null {
  const T = CHECK_TEXT[lang];
  return d.matches === undefined ? null : T.matches(T.basis[d.matches.basis], d.matches.value);
}

export function differenceText(d: Difference, lang: Lang, regime: RegimeId | null): string {
  const T = CHECK_TEXT[lang];
  const text = T.diff(d.leader, T.field[d.field], valueText(d.field, d.recorded, lang, regime), valueText(d.field, d.recount, lang, regime));
  const note = matchesText(d, lang);
  return note === null ? text : `${text} — ${note}`;
}

/** "ket-qua.csv: sai khác (1); tong-hop.xlsx (--denominator issued): đúng" */
function recordsText(s: CheckedSession, lang: Lang): string {
  const T = CHECK_TEXT[lang];
  return s.records.map((r) => `${r.label}${r.options.length > 0 ? ` (${r.options.join(' ')})` : ''}: ${T.status[r.status]}${r.differences > 0 ? ` (${r.differences})` : ''}`).join('; ');
}

/** The "… và 8.950 lỗi khác cùng loại" lines of a session. */
function moreLines(s: CheckedSession, lang: Lang): string[] {
  return unlisted(s.problemCounts).map((c) => CHECK_TEXT[lang].more(c.total - c.listed, c.severity, c.code));
}

function pointText(p: Person['points'][number], lang: Lang): string {
  const pct = p.lowPercent === null ? `${p.low}` : formatPercent(p.lowPercent, lang);
  return p.band === null || p.band === 'none' ? pct : `${pct} ${bandText(p.band, p.regime, lang)}`;
}

export async function renderCheckTerminal(read: CheckReport, lang: Lang, color: boolean, onlyDifferences: boolean, requireRecord: boolean): Promise<string> {
  // Paths, names and values reach the screen with their controls shown, never obeyed.
  const r = screenData(read);
  const T = CHECK_TEXT[lang];
  const c = terminalStyle(color);
  const out: string[] = [c.bold(T.heading)];
  const counts = STATUSES.map((s) => [s, r.sessions.filter((x) => x.status === s).length] as const).filter(([, n]) => n > 0);
  out.push(T.summary(r.sessions.length, counts.map(([s, n]) => `${n} ${T.status[s]}`).join(', ')), '');
  for (const s of r.sessions) {
    if (onlyDifferences && s.status === 'ok') continue;
    const mark = s.status === 'ok' ? c.green('✓') : failed(s, requireRecord) ? c.red('✗') : c.yellow('•');
    const when = [formatDate(s.date, lang), s.round === null ? '' : `${lang === 'vi' ? 'đợt' : 'round'} ${s.round}`].filter((x) => x).join(', ');
    out.push(`${mark} ${s.label}${when ? ` (${when})` : ''}: ${s.status === 'ok' ? T.status.ok : c.bold(T.status[s.status])}`);
    if (s.records.length > 0) out.push(`    ${T.records}: ${recordsText(s, lang)}`);
    const several = s.records.length > 1;
    for (const d of s.differences) out.push(`    ${several ? `[${d.record}] ` : ''}${differenceText(d, lang, s.regime)}`);
    for (const u of unlistedDifferences(s)) out.push(`    ${several ? `[${u.record}] ` : ''}${T.moreDifferences(u.count)}`);
    // The same message again (the same bad value in many cells) is written once: the next
    // ones show where, "như trên".
    let previous = '';
    for (const p of s.problems) {
      const where = locationText(p.location, lang);
      const message = problemMessage(p, lang);
      // Each line says what it is, as tally's do: "Lỗi", "Lưu ý", "Thông tin".
      const label = p.severity === 'error' ? c.red(TERMINAL[lang].error) : p.severity === 'warning' ? c.yellow(TERMINAL[lang].warning) : TERMINAL[lang].info;
      out.push(`    ${label}: ${where ? `${where}: ` : ''}${message === previous && where ? T.same : message}`);
      previous = message;
    }
    for (const line of moreLines(s, lang)) out.push(`    ${line}`);
  }
  // Each with the file it is about: "this workbook" alone would not say which.
  for (const p of r.problems) {
    const where = locationText(p.location, lang);
    out.push(`${p.severity === 'error' ? c.red('✗') : c.yellow('•')} ${where === '' ? '' : `${where}: `}${problemMessage(p, lang)}`);
  }

  const people = r.people.filter((p) => p.points.length > 1 || p.flaggedRounds.length > 0).filter((p) => !onlyDifferences || p.flaggedRounds.length > 0);
  if (people.length > 0) {
    const sessions = r.sessions
      .filter((s) => s.leaders.length > 0)
      .sort((a, b) => (a.date ?? '').localeCompare(b.date ?? '') || naturalCompare(a.label, b.label))
      .map((s) => s.label);
    const dateOf = new Map(r.sessions.map((s) => [s.label, s.date]));
    // The screen shows a few sessions and people; the workbook and the JSON carry them all.
    const shown = sessions.slice(0, ACROSS_SESSIONS);
    const listed = people.slice(0, ACROSS_PEOPLE);
    const head = [T.cols.name, ...shown.map((s) => formatDate(dateOf.get(s) ?? null, lang) || s)];
    const rows = listed.map((p) => {
      const cells = shown.map((s) => p.points.filter((x) => x.session === s).map((x) => pointText(x, lang)).join('; '));
      return p.flaggedRounds.length >= 2 ? { cells: [`${p.name} ⚑`, ...cells], style: (x: string) => c.yellow(c.bold(x)) } : { cells: [p.name, ...cells] };
    });
    const table = await loadTable();
    out.push('', c.bold(T.across), table({ head, rows, columns: head.map(() => ({ align: 'left' as const })), boxed: true, headStyle: (x) => c.bold(x) }));
    if (sessions.length > shown.length || people.length > listed.length) out.push(T.acrossMore(sessions.length - shown.length, people.length - listed.length));
    if (people.some((p) => p.flaggedRounds.length >= 2)) out.push(`⚑ ${T.flaggedTwice}`);
  }
  return `${out.join('\n')}\n`;
}

/** Sessions (columns) and people (rows) of the across-rounds table on the screen: it must fit 80 columns and stay quick to draw. */
const ACROSS_SESSIONS = 4;
const ACROSS_PEOPLE = 200;

export function checkJson(r: CheckReport, lang: Lang): string {
  const count = (s: Status) => r.sessions.filter((x) => x.status === s).length;
  const value = (field: Field, v: number | string | null) => (field.endsWith('_pct') && typeof v === 'string' ? Number(v) : v);
  // A message may cut a long list; the document keeps it whole.
  const lists = (p: Problem) => Object.fromEntries(['places', 'copies'].flatMap((k) => (Array.isArray(p.params[k]) ? [[k, p.params[k]]] : [])));
  const problemJson = (p: Problem) => ({ severity: p.severity, code: p.code, message: problemMessage(p, lang), file: p.location.file ?? null, sheet: p.location.sheet ?? null, cell: cellRef(p.location), row: p.location.row ?? null, column: p.location.column ?? null, value: p.value ?? null, ...lists(p) });
  const doc = {
    summary: { sessions: r.sessions.length, ok: count('ok'), differs: count('differs'), inputsChanged: count('inputs changed'), inputsMissing: count('inputs missing'), noRecord: count('no record'), invalid: count('invalid') },
    sessions: r.sessions.map((s) => ({
      path: s.label, status: s.status, title: s.title, date: s.date, round: s.round, regime: s.regime, record: s.record,
      records: s.records.map((x) => ({ source: x.source, path: x.label, options: x.options, status: x.status, differences: x.differences })),
      // At most SHOWN_DIFFERENCES of each record; differencesTotal (and each record's count) is exact.
      differencesTotal: differenceTotal(s),
      differences: s.differences.map((d) => ({ record: d.record, leader: d.leader, ballotType: d.ballotType, field: d.field, recorded: value(d.field, d.recorded), recount: value(d.field, d.recount), ...(d.matches === undefined ? {} : { matches: d.matches }) })),
      // At most SHOWN_PER_KIND problems of each kind; problemCounts has each kind's exact total.
      problems: s.problems.map(problemJson),
      problemCounts: s.problemCounts.map((c) => ({ severity: c.severity, code: c.code, total: c.total, listed: c.listed })),
    })),
    people: r.people.map((p) => ({
      id: p.id, name: p.name, flaggedRounds: p.flaggedRounds,
      sessions: p.points.map((x) => ({ session: x.session, date: x.date, round: x.round, ballotType: x.ballotType, low: x.low, lowPercent: x.lowPercent === null ? null : hundredthsToNumber(x.lowPercent), band: x.band })),
    })),
    problems: r.problems.map(problemJson),
  };
  return `${jsonText(JSON.stringify(doc, null, 2))}\n`;
}

export async function checkXlsx(r: CheckReport, lang: Lang, date: string | null = null): Promise<Uint8Array> {
  const { default: ExcelJS } = await import('exceljs');
  const T = CHECK_TEXT[lang];
  const wb = new ExcelJS.Workbook();
  wb.creator = 'tally';
  wb.created = new Date('2000-01-01T00:00:00Z');
  wb.modified = wb.created;
  // Each sheet opens with its title and, when given, the date of the check (no wall clock).
  const sheet = (name: string, head: string[], widths: number[]) => {
    const ws = wb.addWorksheet(name);
    ws.columns = widths.map((width) => ({ width }));
    const lines = [{ text: `${T.heading} — ${name}`, bold: true, size: 14 }, ...(date === null ? [] : [{ text: `${T.checkedOn}: ${formatDate(date, lang)}`, italic: true }])];
    const first = xlsxTitle(ws, lines, head.length);
    const h = ws.getRow(first);
    h.values = head;
    h.font = { bold: true };
    h.fill = HEAD_FILL;
    h.alignment = { vertical: 'top', wrapText: true };
    fitHeight(ws, h, head.map((_, i) => i + 1));
    ws.views = [{ state: 'frozen', ySplit: first }];
    printSetup(ws, `${first}:${first}`, null);
    return ws;
  };
  const sessions = sheet(T.sheets.sessions, [T.cols.session, T.cols.date, T.cols.round, T.cols.status, T.cols.field, T.cols.record], [50, 12, 8, 26, 60, 40]);
  for (const s of r.sessions) {
    const problems = [...s.problems.map((p) => problemMessage(p, lang)), ...moreLines(s, lang)].join('\n');
    const row = sessions.addRow([s.label, formatDate(s.date, lang), s.round, T.status[s.status], problems, s.records.length > 0 ? recordsText(s, lang) : T.noRecords]);
    // The problems, one to a line, wrapped: the sheet fits the page's width without shrinking.
    row.alignment = { vertical: 'top', wrapText: true };
    fitHeight(sessions, row, [1, 5, 6]);
  }
  const diffs = sheet(T.sheets.differences, [T.cols.session, T.cols.leader, T.cols.ballotType, T.cols.field, T.cols.recorded, T.cols.recount, T.cols.record, T.cols.note], [50, 26, 10, 22, 12, 12, 30, 30]);
  for (const s of r.sessions) {
    for (const d of s.differences) diffs.addRow([s.label, d.leader, typeText(d.ballotType), T.field[d.field], valueText(d.field, d.recorded, lang, s.regime), valueText(d.field, d.recount, lang, s.regime), d.record, matchesText(d, lang)]);
    for (const u of unlistedDifferences(s)) diffs.addRow([s.label, T.moreDifferences(u.count), null, null, null, null, u.record, null]);
  }
  const people = sheet(T.sheets.people, [T.cols.name, T.cols.session, T.cols.date, T.cols.round, T.cols.ballotType, T.field.low, T.field.low_pct, T.field.band], [26, 50, 12, 8, 10, 10, 12, 14]);
  for (const p of r.people) {
    for (const x of p.points) {
      const row = people.addRow([p.name, x.session, formatDate(x.date, lang), x.round, typeText(x.ballotType), x.low, x.lowPercent === null ? null : fraction(x.lowPercent), x.band === null ? '—' : bandText(x.band, x.regime, lang)]);
      row.getCell(7).numFmt = '0.00%';
      if (p.flaggedRounds.length >= 2) row.getCell(1).font = { bold: true, color: { argb: 'FFC00000' } };
    }
  }
  serifEverywhere(wb);
  return workbookBytes(wb);
}
