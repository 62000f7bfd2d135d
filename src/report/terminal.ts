// The report a clerk reads on screen: a table per ballot type, the session checks, then the
// flagged leaders with the prescribed action.
import { terminalStyle, type Style } from './style.js';
import type { BallotTypeResult, CadreResult } from '../rules/evaluate.js';
import type { TallyOutcome } from '../tally.js';
import type { Lang } from '../text/lang.js';
import { locationText, problemMessage } from '../text/messages.js';
import type { Problem } from '../model/problem.js';
import { renderTable, type TableRow } from './table.js';
import { NON_BALLOT_KINDS, nonBallotRows } from '../model/sheet.js';
import { bandAction, bandLabel, bandMark, formatDate, formatPercent, readingLabel } from './format.js';
import { EXACTLY_TWO_THIRDS_NOTE } from '../rules/regimes.js';
import { LABELS } from '../text/labels.js';
import { DEFAULT_BALLOT_TYPE } from '../model/types.js';

/** The wording the terminal shares with the file reports. */
function pickShared(lang: Lang) {
  const { heading, noEffect, ballotType, denominator, basis } = LABELS[lang];
  return { heading, noEffect, ballotType, denominator, basis };
}

const UI = {
  vi: {
    ...pickShared('vi'),
    cols: ['STT', 'Họ và tên', 'Chức vụ', 'Hợp lệ', 'Không hợp lệ', 'Tín nhiệm cao', 'Tín nhiệm', 'Tín nhiệm thấp', 'Mức'],
    checks: 'Kiểm tra hội nghị',
    quorumOk: (p: number, c: number, r: number) => `Có mặt ${p}/${c} người được triệu tập — đủ 2/3 (cần ít nhất ${r})`,
    quorumBad: (p: number, c: number, r: number) => `Có mặt ${p}/${c} người được triệu tập — KHÔNG đủ 2/3 (cần ít nhất ${r})`,
    byAnalogy: ' (áp dụng tương tự Quy định 96, Điều 3)',
    accounting: (t: BallotTypeResult) => `Triệu tập ${t.convened} ≥ có mặt ${t.present} ≥ phiếu phát ra ${t.issued} ≥ phiếu thu về ${t.returned}`,
    ballots: (t: BallotTypeResult) => `Phiếu thu về ${t.returned}: hợp lệ ${t.validBallots}, không hợp lệ cả phiếu ${t.voidBallots}`,
    rows: (where: string, read: number, ballots: number, non: number, detail: string, lines: boolean) => `${where}: ${read} dòng đọc = ${ballots} ${lines ? 'dòng phiếu' : 'phiếu'} + ${non} dòng không phải phiếu${detail ? ` (${detail})` : ''}`,
    nonBallot: { title: 'tiêu đề', header: 'dòng tiêu đề cột', empty: 'dòng trống', total: 'dòng tổng cộng', unused: 'dòng đánh số sẵn chưa nhập' },
    moreOfKind: (n: number, code: string) => `… và ${n.toLocaleString('vi-VN')} vấn đề cùng loại (${code}) nữa, không in ra đây; tất cả có trong --json`,
    flagged: (n: number) => `Người có phiếu tín nhiệm thấp vượt ngưỡng (${n})`,
    noneFlagged: 'Không ai có trên 50% phiếu tín nhiệm thấp.',
    lowOf: (l: number, t: number, pct: string) => `${l}/${t} phiếu tín nhiệm thấp = ${pct}`,
    errors: (n: number) => `${n} lỗi — chưa có kết quả. Sửa dữ liệu rồi chạy lại.`,
    warning: 'Lưu ý',
    error: 'Lỗi',
    info: 'Thông tin',
  },
  en: {
    ...pickShared('en'),
    cols: ['No.', 'Name', 'Position', 'Valid', 'Invalid', 'High', 'Confidence', 'Low', 'Band'],
    checks: 'Session checks',
    quorumOk: (p: number, c: number, r: number) => `${p} of ${c} convened present — quorum met (at least ${r} needed)`,
    quorumBad: (p: number, c: number, r: number) => `${p} of ${c} convened present — quorum NOT met (at least ${r} needed)`,
    byAnalogy: ' (Regulation 96 Article 3 applied by analogy)',
    accounting: (t: BallotTypeResult) => `Convened ${t.convened} ≥ present ${t.present} ≥ issued ${t.issued} ≥ returned ${t.returned}`,
    ballots: (t: BallotTypeResult) => `${t.returned} ballots returned: ${t.validBallots} valid, ${t.voidBallots} void as a whole`,
    rows: (where: string, read: number, ballots: number, non: number, detail: string, lines: boolean) => `${where}: ${read} rows read = ${ballots} ${lines ? 'ballot lines' : 'ballots'} + ${non} non-ballot rows${detail ? ` (${detail})` : ''}`,
    nonBallot: { title: 'title', header: 'header', empty: 'empty', total: 'total', unused: 'numbered, never typed' },
    moreOfKind: (n: number, code: string) => `… and ${n.toLocaleString('en-US')} more of the same kind (${code}), not printed here; all are in --json`,
    flagged: (n: number) => `Leaders above a low-confidence threshold (${n})`,
    noneFlagged: 'No leader has more than 50% low-confidence votes.',
    lowOf: (l: number, t: number, pct: string) => `${l}/${t} low-confidence votes = ${pct}`,
    errors: (n: number) => `${n} error(s) — no result. Correct the data and run again.`,
    warning: 'Warning',
    error: 'Error',
    info: 'Note',
  },
} as const;

export function renderTerminal(outcome: TallyOutcome, lang: Lang, color: boolean): string {
  const ui = UI[lang];
  const c = terminalStyle(color);
  const out: string[] = [];
  const { session, regime } = outcome;

  out.push(c.bold(ui.heading + (session.title ? ` — ${session.title}` : '')));
  const sub = [session.body, formatDate(session.date, lang), regime.instrument[lang]].filter((x) => x);
  out.push(sub.join(' · '));
  if (session.classification) out.push(c.bold(session.classification));
  const types = outcome.ballotTypes;
  if (types === null) {
    const n = outcome.problems.filter((p) => p.severity === 'error').length;
    out.push('', c.red(c.bold(ui.errors(n))));
    return `${out.join('\n')}\n`;
  }
  if (types.some((t) => !t.quorum.met)) out.push('', c.red(c.bold(ui.noEffect)));

  for (const t of types) {
    out.push('');
    const basis = ui.basis[t.denominator.basis];
    const tLine = `${ui.denominator}: ${basis}${t.denominator.value === null ? '' : ` = ${t.denominator.value}`}`;
    out.push(types.length > 1 || t.id !== DEFAULT_BALLOT_TYPE ? `${c.bold(`${ui.ballotType} ${t.id}`)} · ${tLine}` : tLine);
    out.push(cadreTable(t, outcome, lang, c));
  }

  out.push('', c.bold(ui.checks));
  for (const t of types) {
    const q = t.quorum;
    const qText = (q.met ? ui.quorumOk : ui.quorumBad)(q.present, q.convened, q.required) + (regime.quorumByAnalogy ? ui.byAnalogy : '');
    out.push(`  ${q.met ? c.green('✓') : c.red('✗')} ${qText}`);
    out.push(`  ${c.green('✓')} ${ui.accounting(t)}`);
    out.push(`  ${c.green('✓')} ${ui.ballots(t)}`);
  }
  for (const r of outcome.rows) {
    const non = nonBallotRows(r);
    const detail = NON_BALLOT_KINDS.filter((k) => r.nonBallot[k] > 0).map((k) => `${r.nonBallot[k]} ${ui.nonBallot[k]}`).join(', ');
    const where = [r.file, r.sheet].filter((x) => x !== null).join(' › ');
    out.push(`  ${c.green('✓')} ${ui.rows(where, r.rowsRead, r.countedRows, non, detail, r.layout === 'long')}`);
  }

  if (outcome.adjudications.length > 0) {
    out.push(`  ${c.green('✓')} ${LABELS[lang].adjudicationsLine(outcome.adjudications.length)}:`);
    for (const a of outcome.adjudications) {
      out.push(`      ${LABELS[lang].col.ballot} ${a.ballot} — ${a.cadre.name}: ${readingLabel(a.before, lang)} → ${readingLabel(a.decision, lang)} (${a.decidedBy})`);
    }
  }

  const flagged = types.flatMap((t) => t.cadres.filter((r) => r.flagged).map((r) => ({ t, r })));
  out.push('');
  if (flagged.length === 0 && types.every((t) => t.quorum.met)) out.push(ui.noneFlagged);
  if (flagged.length > 0) {
    out.push(c.bold(ui.flagged(flagged.length)));
    for (const { r } of flagged) {
      const pct = r.percent === null ? '' : formatPercent(r.percent.low, lang);
      out.push(`  ${c.yellow(c.bold(`${r.cadre.stt === null ? '' : `${r.cadre.stt}. `}${r.cadre.name}`))} — ${r.cadre.position}`);
      out.push(`     ${ui.lowOf(r.low, r.denominator ?? 0, pct)}: ${bandLabel(regime, r.band, lang) ?? ''}`);
      out.push(`     → ${bandAction(regime, r.band, lang) ?? ''}`);
      if (r.notes.includes('exactly-two-thirds')) out.push(`     ${c.cyan(EXACTLY_TWO_THIRDS_NOTE[lang])}`);
    }
  }
  return `${out.join('\n')}\n`;
}

function cadreTable(t: BallotTypeResult, outcome: TallyOutcome, lang: Lang, c: Style): string {
  const ui = UI[lang];
  const cell = (r: CadreResult, level: 'high' | 'confidence' | 'low') =>
    r.percent === null ? String(r[level]) : `${r[level]} · ${formatPercent(r.percent[level], lang)}`;
  const rows: TableRow[] = t.cadres.map((r) => {
    const mark = bandMark(outcome.regime, r.band);
    const cells = [
      r.cadre.stt === null ? '' : String(r.cadre.stt),
      r.cadre.name,
      r.cadre.position,
      String(r.valid),
      String(r.invalid),
      cell(r, 'high'),
      cell(r, 'confidence'),
      cell(r, 'low'),
      r.notes.includes('exactly-two-thirds') ? `${mark} *` : mark,
    ];
    return r.flagged ? { cells, style: (x: string) => c.yellow(x) } : { cells };
  });
  // 119 columns in all: fits a default Windows console (120) without wrapping.
  const widths = [5, 20, 19, 8, 9, 13, 13, 13, 9];
  const aligns = ['right', 'left', 'left', 'right', 'right', 'right', 'right', 'right', 'center'] as const;
  return renderTable(ui.cols, rows, widths.map((width, i) => ({ width, align: aligns[i] ?? 'left' })), (x) => c.bold(x));
}

/** Problems for stderr: errors first, each with where and what. */
export function renderProblems(problems: readonly Problem[], lang: Lang, color: boolean): string {
  const ui = UI[lang];
  const c = terminalStyle(color);
  const order = { error: 0, warning: 1, info: 2 } as const;
  const sorted = [...problems].sort((a, b) => order[a.severity] - order[b.severity]);
  // A file with thousands of the same mistake (rows pasted twice) shows the first of them and
  // how many more there are; every one is in the JSON document and the reports.
  const shown = new Map<string, number>();
  const lines: string[] = [];
  for (const p of sorted) {
    const key = `${p.severity}:${p.code}`;
    const n = (shown.get(key) ?? 0) + 1;
    shown.set(key, n);
    if (n > SAME_KIND_SHOWN) continue;
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
