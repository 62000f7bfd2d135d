// Fixed headers, sheet names and keys, with their aliases. Lookups use folded text
// (case and diacritics ignored), so each alias is written once, as a clerk would type it.
import { fold } from '../text/fold.js';

function lookup<K extends string>(table: Record<K, readonly string[]>): (text: string) => K | null {
  const index = new Map<string, K>();
  for (const key of Object.keys(table) as K[]) {
    for (const alias of [key, key.replace(/_/g, ' '), ...table[key]]) index.set(fold(alias), key);
  }
  return (text) => index.get(fold(text)) ?? null;
}

export const rosterColumn = lookup({
  id: ['mã', 'mã cán bộ', 'ma cb'],
  stt: ['số thứ tự', 'tt'],
  name: ['họ và tên', 'họ tên', 'tên', 'full name'],
  position: ['chức vụ', 'chức danh'],
  unit: ['đơn vị'],
  ballot_type: ['loại phiếu', 'ballot type'],
  excluded: ['không lấy phiếu'],
});
export type RosterColumn = NonNullable<ReturnType<typeof rosterColumn>>;

export const ballotColumn = lookup({
  ballot: ['số phiếu', 'phiếu số'],
  void: ['phiếu không hợp lệ', 'không hợp lệ'],
  ballot_type: ['loại phiếu', 'ballot type'],
});

/** Columns of the long layout (one row per ballot line) and of adjudication files. */
export const longColumn = lookup({
  ballot: ['số phiếu', 'phiếu số', 'phiếu'],
  cadre: ['cán bộ', 'người được lấy phiếu', 'họ và tên', 'họ tên', 'leader'],
  level: ['mức', 'mức tín nhiệm'],
  high: ['tín nhiệm cao', 'cao'],
  confidence: ['tín nhiệm'],
  low: ['tín nhiệm thấp', 'thấp'],
  void: ['phiếu không hợp lệ', 'không hợp lệ'],
  ballot_type: ['loại phiếu', 'ballot type'],
  decision: ['quyết định', 'kết luận'],
  decided_by: ['người quyết định', 'decided by'],
});
export type LongColumn = NonNullable<ReturnType<typeof longColumn>>;

export const sheetRole = lookup({
  roster: ['danh sách'],
  session: ['hội nghị'],
  ballots: ['phiếu'],
  results: ['kết quả'],
});

export const SESSION_KEYS = {
  title: ['tên hội nghị'],
  body: ['cơ quan', 'cấp ủy'],
  place: ['địa danh'],
  date: ['ngày'],
  round: ['đợt'],
  regime: ['quy định'],
  convened: ['số người được triệu tập', 'tổng số đại biểu'],
  present: ['số người có mặt'],
  issued: ['số phiếu phát ra'],
  returned: ['số phiếu thu về'],
  counting_committee: ['ban kiểm phiếu'],
  classification: ['độ mật'],
  parent_body: ['cấp trên', 'đảng bộ'],
  number: ['số', 'số văn bản'],
  time: ['giờ', 'thời gian'],
  denominator: ['cơ sở tính tỷ lệ'],
  strict: [],
  mark_threshold: ['ngưỡng đánh dấu'],
  blank_threshold: ['ngưỡng để trống'],
  omr_letters: ['chữ cái omr'],
} as const satisfies Record<string, readonly string[]>;
export type SessionKey = keyof typeof SESSION_KEYS;
export const sessionKey = lookup(SESSION_KEYS);

/** A sheet named "Phiếu" / "Ballots", or "Phiếu <code>" for one of several ballot types. */
export function ballotSheetType(sheetName: string): { ballotType: string | null } | null {
  if (sheetRole(sheetName) === 'ballots') return { ballotType: null };
  const m = /^(phieu|ballots?)\s+(.{1,24})$/u.exec(fold(sheetName));
  if (m === null) return null;
  // Keep the code as written (the fold lowercased it): drop the leading word.
  return { ballotType: sheetName.trim().replace(/^\S+\s+/u, '') };
}
