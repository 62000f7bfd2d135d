// The report a clerk reads on screen: a table per ballot type, the session checks, then the
// flagged leaders with the prescribed action.
import { terminalStyle, type Style } from './style.js';
import type { BallotTypeResult, CadreResult } from '../rules/evaluate.js';
import type { TallyOutcome } from '../tally.js';
import type { Lang } from '../text/lang.js';
import { locationText, problemMessage } from '../text/messages.js';
import { bySeverity, type Problem } from '../model/problem.js';
import { loadTable, overhead, widthInLines, type Align, type Column, type TableLayout, type TableRow } from './table.js';
import { NON_BALLOT_KINDS, nonBallotRows } from '../model/sheet.js';
import { bandAction, bandLabel, bandMark, formatDate, formatPercent, readingLabel } from './format.js';
import { EXACTLY_TWO_THIRDS_NOTE } from '../rules/regimes.js';
import { LABELS } from '../text/labels.js';
import { TERMINAL } from '../text/terminal.js';
import { longestWord, visibleWidth, wrapIndented } from '../text/wrap.js';
import { DEFAULT_BALLOT_TYPE } from '../model/types.js';
import { screenData } from '../model/text-as-data.js';

export interface ScreenOptions {
  readonly color: boolean;
  /** Columns to fit (80 and up; narrower is tried, not promised). */
  readonly width: number;
}

export async function renderTerminal(read: TallyOutcome, lang: Lang, { color, width }: ScreenOptions): Promise<string> {
  // Names, titles and file names reach the screen with their controls shown, never obeyed.
  const outcome = screenData(read);
  const ui = TERMINAL[lang];
  const c = terminalStyle(color);
  // A line of prose, wrapped at spaces to the screen; later lines under the text, not the mark.
  const say = (text: string, later = '', first = later) => wrapIndented(text, width, later, first);
  const out: string[] = [];
  const { session, regime } = outcome;

  out.push(...say(ui.heading + (session.title ? ` — ${session.title}` : '')).split('\n').map((l) => c.bold(l)));
  const sub = [session.body, formatDate(session.date, lang), regime.instrument[lang]].filter((x) => x);
  out.push(say(sub.join(' · ')));
  if (session.classification) out.push(c.bold(say(session.classification)));
  const types = outcome.ballotTypes;
  if (types === null) {
    const n = outcome.problems.filter((p) => p.severity === 'error').length;
    out.push('', c.red(c.bold(say(ui.errors(n)))));
    return `${out.join('\n')}\n`;
  }
  if (types.some((t) => !t.quorum.met)) out.push('', c.red(c.bold(say(ui.noEffect))));
  const table = await loadTable();

  for (const t of types) {
    out.push('');
    const basis = ui.basis[t.denominator.basis];
    const tLine = `${ui.denominator}: ${basis}${t.denominator.value === null ? '' : ` = ${t.denominator.value}`}`;
    out.push(say(types.length > 1 || t.id !== DEFAULT_BALLOT_TYPE ? `${c.bold(`${ui.ballotType} ${t.id}`)} · ${tLine}` : tLine));
    out.push(table(cadreTable(t, outcome, lang, c, width)));
  }

  out.push('', c.bold(ui.checks));
  for (const t of types) {
    const q = t.quorum;
    const qText = (q.met ? ui.quorumOk : ui.quorumBad)(q.present, q.convened, q.required) + (regime.quorumByAnalogy ? ui.byAnalogy : '');
    out.push(say(qText, '    ', `  ${q.met ? c.green('✓') : c.red('✗')} `));
    out.push(say(ui.accounting(t), '    ', `  ${c.green('✓')} `));
    out.push(say(ui.ballots(t), '    ', `  ${c.green('✓')} `));
  }
  for (const r of outcome.rows) {
    const non = nonBallotRows(r);
    const detail = NON_BALLOT_KINDS.filter((k) => r.nonBallot[k] > 0).map((k) => `${r.nonBallot[k]} ${ui.nonBallot[k]}`).join(', ');
    const where = [r.file, r.sheet].filter((x) => x !== null).join(' › ');
    out.push(say(ui.rows(where, r.rowsRead, r.countedRows, non, detail, r.layout === 'long'), '    ', `  ${c.green('✓')} `));
  }

  if (outcome.adjudications.length > 0) {
    out.push(say(`${LABELS[lang].adjudicationsLine(outcome.adjudications.length)}:`, '    ', `  ${c.green('✓')} `));
    for (const a of outcome.adjudications) {
      out.push(say(`${LABELS[lang].col.ballot} ${a.ballot} — ${a.cadre.name}: ${readingLabel(a.before, lang)} → ${readingLabel(a.decision, lang)} (${a.decidedBy})`, '        ', '      '));
    }
  }

  const flagged = types.flatMap((t) => t.cadres.filter((r) => r.flagged).map((r) => ({ t, r })));
  out.push('');
  if (flagged.length === 0 && types.every((t) => t.quorum.met)) out.push(say(regime.noneAbove[lang]));
  if (flagged.length > 0) {
    out.push(c.bold(say(ui.flagged(flagged.length))));
    for (const { r } of flagged) {
      const pct = r.percent === null ? '' : formatPercent(r.percent.low, lang);
      // The name is coloured as a whole, the position after it wraps at spaces.
      const who = `${r.cadre.stt === null ? '' : `${r.cadre.stt}. `}${r.cadre.name}`;
      const whoLine = say(`${who} — ${r.cadre.position}`, '     ', '  ');
      out.push(whoLine.startsWith(`  ${who}`) ? `  ${c.yellow(c.bold(who))}${whoLine.slice(2 + who.length)}` : whoLine);
      out.push(say(`${ui.lowOf(r.low, r.denominator ?? 0, pct)}: ${bandLabel(regime, r.band, lang) ?? ''}`, '     '));
      out.push(say(`→ ${bandAction(regime, r.band, lang) ?? ''}`, '       ', '     '));
      if (r.notes.includes('exactly-two-thirds')) out.push(c.cyan(say(EXACTLY_TWO_THIRDS_NOTE[lang], '     ')));
    }
  }
  return `${out.join('\n')}\n`;
}

/**
 * The ways the leaders' table can be laid out, widest first; the first that fits the screen is
 * used (SPEC §3 Terminal). The position gives way first: wrapped in its column, then printed
 * under the name; then each count goes above its percentage; then the box gives way to spaces.
 * Names, counts and percentages are never broken; headings and positions wrap at spaces.
 */
const LAYOUTS = [
  { position: 'column', headLines: 1, levelLines: 1, boxed: true },
  { position: 'column', headLines: 2, levelLines: 1, boxed: true },
  { position: 'under-name', headLines: 2, levelLines: 1, boxed: true },
  { position: 'under-name', headLines: 3, levelLines: 2, boxed: true },
  { position: 'under-name', headLines: 3, levelLines: 2, boxed: false },
] as const;

/** A position column narrower than this reads worse than the position under the name. */
const POSITION_MIN = 14;

function cadreTable(t: BallotTypeResult, outcome: TallyOutcome, lang: Lang, c: Style, width: number): TableLayout {
  const ui = TERMINAL[lang];
  const level = (r: CadreResult, l: 'high' | 'confidence' | 'low', lines: number) =>
    r.percent === null ? String(r[l]) : `${r[l]}${lines === 1 ? ' · ' : '\n'}${formatPercent(r.percent[l], lang)}`;
  const band = (r: CadreResult) => {
    const mark = bandMark(outcome.regime, r.band);
    return r.notes.includes('exactly-two-thirds') ? `${mark} *` : mark;
  };
  const style = (r: CadreResult) => (r.flagged ? { style: (x: string) => c.yellow(x) } : {});
  const names = t.cadres.map((r) => r.cadre.name);
  const positions = t.cadres.map((r) => r.cadre.position);
  const [stt, name, position, valid, invalid, high, confidence, low, mark] = ui.cols;
  let fitted: TableLayout | null = null;
  for (const layout of LAYOUTS) {
    const underName = layout.position === 'under-name';
    const head = underName ? [stt, `${name}\n${position}`, valid, invalid, high, confidence, low, mark] : [stt, name, position, valid, invalid, high, confidence, low, mark];
    const rows: TableRow[] = t.cadres.map((r) => {
      const numbers = [String(r.valid), String(r.invalid), level(r, 'high', layout.levelLines), level(r, 'confidence', layout.levelLines), level(r, 'low', layout.levelLines), band(r)];
      const sttCell = r.cadre.stt === null ? '' : String(r.cadre.stt);
      return { cells: underName ? [sttCell, `${r.cadre.name}\n${r.cadre.position}`, ...numbers] : [sttCell, r.cadre.name, r.cadre.position, ...numbers], ...style(r) };
    });
    const aligns: Align[] = underName ? ['right', 'left', 'right', 'right', 'right', 'right', 'right', 'center'] : ['right', 'left', 'left', 'right', 'right', 'right', 'right', 'right', 'center'];
    const nameAt = 1;
    const positionAt = underName ? -1 : 2;
    // Every column as narrow as its content allows: cells whole (a name on one line), headings in
    // at most headLines lines; the position column takes what is left.
    const widths = head.map((h, i) => {
      if (i === positionAt) return 0;
      const cells = rows.map((r) => r.cells[i] ?? '');
      const content = i === nameAt ? Math.max(...names.map(visibleWidth), ...(underName ? positions.map(longestWord) : [])) : Math.max(1, ...cells.flatMap((x) => x.split('\n').map(visibleWidth)));
      return Math.max(content, widthInLines(h ?? '', i === nameAt && underName ? 2 : layout.headLines));
    });
    const rest = width - overhead(head.length, layout.boxed) - widths.reduce((a, b) => a + b, 0);
    if (positionAt >= 0) {
      const natural = Math.max(visibleWidth(position ?? ''), ...positions.map(visibleWidth));
      const narrowest = Math.max(POSITION_MIN, longestWord(position ?? ''), ...positions.map(longestWord));
      if (layout.headLines === 1 ? rest < natural : rest < narrowest) continue;
      widths[positionAt] = Math.min(natural, rest);
    } else {
      if (rest < 0 && layout !== LAYOUTS[LAYOUTS.length - 1]) continue;
      // Room to spare: first headings in two lines rather than three, then the name column
      // (the positions under the names wrap less).
      let spare = Math.max(0, rest);
      head.forEach((h, i) => {
        const want = Math.max(0, widthInLines(h ?? '', 2) - (widths[i] ?? 0));
        if (i !== nameAt && want <= spare) {
          widths[i] = (widths[i] ?? 0) + want;
          spare -= want;
        }
      });
      const longestPosition = Math.max(...positions.map(visibleWidth));
      widths[nameAt] = Math.max(widths[nameAt] ?? 0, Math.min((widths[nameAt] ?? 0) + spare, longestPosition));
    }
    fitted = { head, rows, columns: widths.map((w, i): Column => ({ width: w, align: aligns[i] ?? 'left' })), boxed: layout.boxed, headStyle: (x) => c.bold(x) };
    break;
  }
  // Narrower than every layout: the last one, its names wrapped at spaces as a last resort.
  if (fitted === null) throw new Error('no table layout');
  const over = fitted.columns.reduce((a, col) => a + (col.width ?? 0), 0) + overhead(fitted.columns.length, fitted.boxed) - width;
  if (over <= 0) return fitted;
  const columns = fitted.columns.map((col, i) => (i === 1 ? { ...col, width: Math.max(POSITION_MIN, (col.width ?? 0) - over) } : col));
  return { ...fitted, columns };
}

/** Problems for stderr: errors first, each with where and what. */
export function renderProblems(problems: readonly Problem[], lang: Lang, color: boolean): string {
  const ui = TERMINAL[lang];
  const c = terminalStyle(color);
  const sorted = [...problems].sort(bySeverity);
  // A file with thousands of the same mistake (rows pasted twice) shows the first of them and
  // how many more there are; every one is in the JSON document and the reports.
  const shown = new Map<string, number>();
  const lines: string[] = [];
  for (const raw of sorted) {
    const key = `${raw.severity}:${raw.code}`;
    const n = (shown.get(key) ?? 0) + 1;
    shown.set(key, n);
    if (n > SAME_KIND_SHOWN) continue;
    const p = screenData(raw);
    const label = p.severity === 'error' ? c.red(c.bold(ui.error)) : p.severity === 'warning' ? c.yellow(ui.warning) : c.cyan(ui.info);
    const where = locationText(p.location, lang);
    lines.push(`${label}: ${where ? `${where}: ` : ''}${problemMessage(p, lang)}\n`);
  }
  for (const [key, n] of shown) {
    if (n > SAME_KIND_SHOWN) lines.push(`${ui.moreOfKind(n - SAME_KIND_SHOWN, key.slice(key.indexOf(':') + 1))}\n`);
  }
  return lines.join('');
}

/** Problems of one kind shown on screen before the rest are counted instead. */
const SAME_KIND_SHOWN = 50;
