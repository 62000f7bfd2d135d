// Everything the screen report says (the table's columns, the session checks, the flagged
// leaders, the problems on stderr), in Vietnamese and English.
import { LABELS } from './labels.js';
import type { Lang } from './lang.js';

/** A ballot type's accounting, as the checks word it. */
type Accounting = Readonly<Record<'convened' | 'present' | 'issued' | 'returned' | 'validBallots' | 'voidBallots', number>>;

/** The wording the terminal shares with the file reports. */
function pickShared(lang: Lang) {
  const { heading, noEffect, ballotType, denominator, basis } = LABELS[lang];
  return { heading, noEffect, ballotType, denominator, basis };
}

export const TERMINAL = {
  vi: {
    ...pickShared('vi'),
    cols: ['STT', 'Họ và tên', 'Chức vụ', 'Hợp lệ', 'Không hợp lệ', 'Tín nhiệm cao', 'Tín nhiệm', 'Tín nhiệm thấp', 'Mức'],
    checks: 'Kiểm tra hội nghị',
    quorumOk: (p: number, c: number, r: number) => `Có mặt ${p}/${c} người được triệu tập — đủ 2/3 (cần ít nhất ${r})`,
    quorumBad: (p: number, c: number, r: number) => `Có mặt ${p}/${c} người được triệu tập — KHÔNG đủ 2/3 (cần ít nhất ${r})`,
    byAnalogy: ' (áp dụng tương tự Quy định 96, Điều 3)',
    accounting: (t: Accounting) => `Triệu tập ${t.convened} ≥ có mặt ${t.present} ≥ phiếu phát ra ${t.issued} ≥ phiếu thu về ${t.returned}`,
    ballots: (t: Accounting) => `Phiếu thu về ${t.returned}: hợp lệ ${t.validBallots}, không hợp lệ cả phiếu ${t.voidBallots}`,
    rows: (where: string, read: number, ballots: number, non: number, detail: string, lines: boolean) => `${where}: ${read} dòng đọc = ${ballots} ${lines ? 'dòng phiếu' : 'phiếu'} + ${non} dòng không phải phiếu${detail ? ` (${detail})` : ''}`,
    nonBallot: { title: 'tiêu đề', header: 'dòng tiêu đề cột', empty: 'dòng trống', total: 'dòng tổng cộng', unused: 'dòng đánh số sẵn chưa nhập' },
    moreOfKind: (n: number, code: string) => `… và ${n.toLocaleString('vi-VN')} vấn đề cùng loại (${code}) nữa, không in ra đây; tất cả có trong --json`,
    flagged: (n: number) => `Người có phiếu tín nhiệm thấp vượt ngưỡng (${n})`,
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
    accounting: (t: Accounting) => `Convened ${t.convened} ≥ present ${t.present} ≥ issued ${t.issued} ≥ returned ${t.returned}`,
    ballots: (t: Accounting) => `${t.returned} ballots returned: ${t.validBallots} valid, ${t.voidBallots} void as a whole`,
    rows: (where: string, read: number, ballots: number, non: number, detail: string, lines: boolean) => `${where}: ${read} rows read = ${ballots} ${lines ? 'ballot lines' : 'ballots'} + ${non} non-ballot rows${detail ? ` (${detail})` : ''}`,
    nonBallot: { title: 'title', header: 'header', empty: 'empty', total: 'total', unused: 'numbered, never typed' },
    moreOfKind: (n: number, code: string) => `… and ${n.toLocaleString('en-US')} more of the same kind (${code}), not printed here; all are in --json`,
    flagged: (n: number) => `Leaders above a low-confidence threshold (${n})`,
    lowOf: (l: number, t: number, pct: string) => `${l}/${t} low-confidence votes = ${pct}`,
    errors: (n: number) => `${n} error(s) — no result. Correct the data and run again.`,
    warning: 'Warning',
    error: 'Error',
    info: 'Note',
  },
} as const;

