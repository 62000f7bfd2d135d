// What `tally reconcile` shows: every differing cell with the raw values, every ballot missing
// from an entry, and with three entries the majority and the entry that disagrees.
import { terminalStyle } from '../report/style.js';
import { neutraliseFormula } from '../report/csv.js';
import type { Lang } from '../text/lang.js';
import { RECONCILE_TEXT as TEXT } from '../text/reconcile.js';
import { formatDate } from '../report/format.js';
import { serifEverywhere, workbookBytes, xlsxTitle } from '../report/xlsx-blocks.js';
import { printSetup } from '../report/xlsx-layout.js';
import type { Reconciliation } from './reconcile.js';
import { jsonText, screenData } from '../model/text-as-data.js';


const shown = (v: string | null) => (v === null ? '—' : `'${v}'`);
/** A ballot's number, and its type when it has one: "3 (BCH)". */
const ballotLabel = (b: { readonly ballot: string; readonly ballotType?: string }) => (b.ballotType === undefined ? b.ballot : `${b.ballot} (${b.ballotType})`);

/** "Lần nhập 1: nhap-1.xlsx": every report says which file is which entry. */
function named(r: Reconciliation, entry: number, lang: Lang): string {
  const e = r.entries[entry - 1];
  return `${TEXT[lang].entry(entry)}: ${e?.name ?? ''}`;
}

export function renderReconcile(read: Reconciliation, lang: Lang, color: boolean): string {
  // File names, leaders and typed values reach the screen with their controls shown, never obeyed.
  const r = screenData(read);
  const T = TEXT[lang];
  const c = terminalStyle(color);
  const out = [c.bold(T.heading), ...r.entries.map((e) => `  ${named(r, e.entry, lang)}`), ''];
  if (r.differences.length === 0 && r.missing.length === 0 && r.missingLeaders.length === 0) return `${[...out, c.green(T.none)].join('\n')}\n`;
  out.push(c.bold(T.summary(r.differences.length, r.missing.length)));
  for (const m of r.missingLeaders) out.push(c.red(T.leaderMissing(m.leader, m.missingIn.join(', '))));
  for (const d of r.differences) {
    const values = d.values.map((v, i) => `${T.entry(i + 1)} ${shown(v)}`).join(', ');
    out.push(T.cell(ballotLabel(d), d.leader, values, d.majority === null ? '' : T.majority(d.majority, d.disagreeing.join(', '))));
  }
  for (const m of r.missing) out.push(T.missing(ballotLabel(m), m.presentIn.join(', '), m.missingIn.join(', ')));
  return `${out.join('\n')}\n`;
}

export function reconcileJson(r: Reconciliation): string {
  return `${jsonText(JSON.stringify(r, null, 2))}\n`;
}

function rows(r: Reconciliation, lang: Lang): (string | null)[][] {
  const T = TEXT[lang];
  const head = [T.cols[0], T.cols[1], ...r.entries.map((e) => named(r, e.entry, lang)), T.cols[2], T.cols[3]];
  const body = r.differences.map((d) => [ballotLabel(d), d.leader, ...d.values, d.majority, d.disagreeing.join(', ')]);
  const missing = r.missing.map((m) => [ballotLabel(m), '', ...r.entries.map((_, i) => (m.missingIn.includes(i + 1) ? '—' : '✓')), null, m.missingIn.join(', ')]);
  return [head, ...body, ...missing];
}

export function reconcileCsv(r: Reconciliation, lang: Lang): Uint8Array {
  const field = (v: string | null) => {
    const s = neutraliseFormula(v ?? '');
    return /[",\r\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
  };
  return new TextEncoder().encode(`\ufeff${rows(r, lang).map((row) => row.map(field).join(',')).join('\r\n')}\r\n`);
}

export async function reconcileXlsx(r: Reconciliation, lang: Lang, date: string | null = null): Promise<Uint8Array> {
  const { default: ExcelJS } = await import('exceljs');
  const wb = new ExcelJS.Workbook();
  wb.creator = 'tally';
  wb.created = new Date('2000-01-01T00:00:00Z');
  wb.modified = wb.created;
  const T = TEXT[lang];
  const ws = wb.addWorksheet(lang === 'vi' ? 'Đối chiếu' : 'Reconciliation');
  const [head, ...body] = rows(r, lang);
  // The title, the date when given (no wall clock), and which file is which entry.
  const first = xlsxTitle(
    ws,
    [
      { text: T.heading, bold: true, size: 14 },
      ...(date === null ? [] : [{ text: `${T.date}: ${formatDate(date, lang)}`, italic: true }]),
      ...r.entries.map((e) => ({ text: named(r, e.entry, lang) })),
      { text: r.differences.length === 0 && r.missing.length === 0 && r.missingLeaders.length === 0 ? T.none : T.summary(r.differences.length, r.missing.length), bold: true },
    ],
    (head ?? []).length,
  );
  const h = ws.getRow(first);
  h.values = head ?? [];
  h.font = { bold: true };
  h.alignment = { vertical: 'top', wrapText: true };
  for (const row of body) ws.addRow(row);
  ws.columns = (head ?? []).map((_, i) => ({ width: i === 1 ? 26 : i >= 2 && i < 2 + r.entries.length ? 24 : 14 }));
  ws.views = [{ state: 'frozen', ySplit: first }];
  printSetup(ws, `${first}:${first}`, null);
  // Which file is which entry, with its digest: the comparison can be traced to the bytes.
  const files = wb.addWorksheet(T.entriesSheet);
  files.addRow([...T.entryCols]).font = { bold: true };
  for (const e of r.entries) files.addRow([T.entry(e.entry), e.name, e.path, e.sha256 ?? '']);
  files.columns = [{ width: 14 }, { width: 28 }, { width: 48 }, { width: 66 }];
  files.pageSetup = { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 };
  serifEverywhere(wb);
  return workbookBytes(wb);
}
