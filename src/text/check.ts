// Wording of `tally check`'s reports: statuses, differences, sheets and columns.
import type { Field, OtherBasis, Status } from '../model/check.js';
import type { Severity } from '../model/problem.js';

export const CHECK_TEXT = {
  vi: {
    heading: 'KIỂM TRA LẠI CÁC HỘI NGHỊ ĐÃ LẤY PHIẾU',
    checkedOn: 'Ngày kiểm tra',
    status: { ok: 'đúng', differs: 'sai khác', 'inputs changed': 'dữ liệu phiếu đã thay đổi', 'inputs missing': 'thiếu tệp dữ liệu', 'no record': 'không có số liệu ghi nhận', invalid: 'không hợp lệ' } satisfies Record<Status, string>,
    summary: (n: number, parts: string) => `${n} hội nghị: ${parts}`,
    field: {
      high: 'tín nhiệm cao', confidence: 'tín nhiệm', low: 'tín nhiệm thấp', high_pct: 'tỷ lệ tín nhiệm cao', confidence_pct: 'tỷ lệ tín nhiệm', low_pct: 'tỷ lệ tín nhiệm thấp', band: 'mức', leader: 'người được lấy phiếu',
      identity: 'mã và họ tên', valid: 'số phiếu hợp lệ', invalid: 'số phiếu không hợp lệ', issued: 'số phiếu phát ra', returned: 'số phiếu thu về',
    } satisfies Record<Field, string>,
    diff: (leader: string, field: string, recorded: string, recount: string) => `${leader} · ${field}: ghi nhận ${recorded}, kiểm lại ${recount}`,
    empty: '(trống)',
    matches: (basis: string, value: number) => `khớp nếu tính trên ${basis} (${value})`,
    basis: { returned: 'số phiếu thu về', issued: 'số phiếu phát ra', present: 'số người có mặt', convened: 'số người được triệu tập', 'valid-ballots': 'số phiếu hợp lệ', 'leader-valid': 'số phiếu hợp lệ của người này' } satisfies Record<OtherBasis, string>,
    records: 'Đối chiếu với',
    same: 'như trên',
    noRecords: 'không có số liệu ghi nhận nào',
    moreDifferences: (n: number) => `… và ${n.toLocaleString('vi-VN')} sai khác khác`,
    more: (n: number, severity: Severity, code: string) => `… và ${n.toLocaleString('vi-VN')} ${severity === 'error' ? 'lỗi' : severity === 'warning' ? 'cảnh báo' : 'ghi chú'} khác cùng loại (${code})`,
    noBand: '—',
    across: 'Qua các đợt — tỷ lệ tín nhiệm thấp và mức của từng người',
    flaggedTwice: 'vượt ngưỡng ở từ hai đợt trở lên (thông tin)',
    acrossMore: (sessions: number, people: number) =>
      `… ${[sessions > 0 ? `${sessions.toLocaleString('vi-VN')} hội nghị` : '', people > 0 ? `${people.toLocaleString('vi-VN')} người` : ''].filter((x) => x !== '').join(' và ')} khác không hiện trên màn hình: xem tệp -o kiem-tra.xlsx hoặc --json`,
    cols: { name: 'Họ và tên', session: 'Hội nghị', status: 'Kết quả', date: 'Ngày', round: 'Đợt', leader: 'Người được lấy phiếu', field: 'Nội dung', recorded: 'Ghi nhận', recount: 'Kiểm lại', ballotType: 'Loại phiếu', record: 'Số liệu ghi nhận', note: 'Ghi chú' },
    sheets: { sessions: 'Kết quả kiểm tra', differences: 'Sai khác', people: 'Qua các đợt' },
    noDifferences: 'Không có sai khác.',
  },
  en: {
    heading: 'RE-CHECK OF EARLIER SESSIONS',
    checkedOn: 'Checked on',
    status: { ok: 'ok', differs: 'differs', 'inputs changed': 'inputs changed', 'inputs missing': 'inputs missing', 'no record': 'no record', invalid: 'invalid' } satisfies Record<Status, string>,
    summary: (n: number, parts: string) => `${n} session(s): ${parts}`,
    field: {
      high: 'high', confidence: 'confidence', low: 'low', high_pct: 'high share', confidence_pct: 'confidence share', low_pct: 'low share', band: 'band', leader: 'leader',
      identity: 'id and name', valid: 'valid lines', invalid: 'invalid lines', issued: 'ballots issued', returned: 'ballots returned',
    } satisfies Record<Field, string>,
    diff: (leader: string, field: string, recorded: string, recount: string) => `${leader} · ${field}: recorded ${recorded}, recount ${recount}`,
    empty: '(empty)',
    matches: (basis: string, value: number) => `matches if computed on ${basis} (${value})`,
    basis: { returned: 'ballots returned', issued: 'ballots issued', present: 'those present', convened: 'those convened', 'valid-ballots': 'valid ballots', 'leader-valid': 'this leader’s valid lines' } satisfies Record<OtherBasis, string>,
    records: 'Compared with',
    same: 'same as above',
    noRecords: 'no record',
    moreDifferences: (n: number) => `… and ${n.toLocaleString('en-US')} more difference(s)`,
    more: (n: number, severity: Severity, code: string) => `… and ${n.toLocaleString('en-US')} more ${severity === 'error' ? 'error' : severity === 'warning' ? 'warning' : 'note'}(s) of the same kind (${code})`,
    noBand: '—',
    across: 'Across rounds — each person’s low-confidence share and band',
    flaggedTwice: 'flagged in two or more rounds (information)',
    acrossMore: (sessions: number, people: number) =>
      `… ${[sessions > 0 ? `${sessions.toLocaleString('en-US')} more session(s)` : '', people > 0 ? `${people.toLocaleString('en-US')} more people` : ''].filter((x) => x !== '').join(' and ')} not shown on screen: see -o recheck.xlsx or --json`,
    cols: { name: 'Name', session: 'Session', status: 'Status', date: 'Date', round: 'Round', leader: 'Leader', field: 'Field', recorded: 'Recorded', recount: 'Recount', ballotType: 'Ballot type', record: 'Record', note: 'Note' },
    sheets: { sessions: 'Sessions', differences: 'Differences', people: 'Across rounds' },
    noDifferences: 'No differences.',
  },
} as const;
