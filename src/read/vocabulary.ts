// Fixed headers, sheet names and keys, with their aliases. Lookups use folded text
// (case and diacritics ignored), so each alias is written once, as a clerk would type it.
import { fold } from '../model/fold.js';
import { SESSION_KEYS } from '../model/session-keys.js';

function lookup<K extends string>(table: Record<K, readonly string[]>): (text: string) => K | null {
  const index = new Map<string, K>();
  for (const key of Object.keys(table) as K[]) {
    for (const alias of [key, key.replace(/_/g, ' '), ...table[key]]) index.set(fold(alias), key);
  }
  // "Số phiếu thu về:" is the key "Số phiếu thu về": a colon typed after a label says nothing.
  return (text) => index.get(fold(text).replace(/\s*:\s*$/, '')) ?? null;
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

/**
 * The parts of a name split over columns (SPEC §2.2), as HR sheets sorted by given name have
 * it. `Tên` alone is the whole name (rosterColumn); beside a family part, it is the given name.
 */
export const namePart = lookup({
  surname: ['họ'],
  family: ['họ đệm', 'họ và đệm', 'họ lót', 'họ và tên đệm', 'họ tên đệm'],
  middle: ['đệm', 'tên đệm', 'chữ đệm', 'tên lót'],
  given: ['tên'],
});
export type NamePart = NonNullable<ReturnType<typeof namePart>>;

export const ballotColumn = lookup({
  ballot: ['số phiếu', 'phiếu số'],
  void: ['phiếu không hợp lệ', 'không hợp lệ', 'lý do không hợp lệ', 'lý do phiếu không hợp lệ'],
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
  void: ['phiếu không hợp lệ', 'không hợp lệ', 'lý do không hợp lệ', 'lý do phiếu không hợp lệ'],
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

/** A list bullet or numbering before a session key, as minutes write it: "- ", "• ", "*)", "3. ", "1.1.", "a) ", "(2) ", "IV. ". */
const KEY_BULLET = /^(?:(?:[-–—•·*+]+\)?|\(?(?:\d{1,2}|[a-z]|[ivx]{1,4})[.)])\s*)+/iu;
/** A unit or format in brackets after it: "Số phiếu thu về (phiếu)", "Ngày (dd/mm/yyyy)". */
const KEY_REMARK = /\s*\([^()]*\)\s*:?\s*$/u;
const sessionKeyLookup = lookup(SESSION_KEYS);
export const sessionKey = (text: string) => sessionKeyLookup(text.trim().replace(KEY_BULLET, '').replace(KEY_REMARK, ''));

/** A sheet named "Phiếu" / "Ballots", or "Phiếu <code>" for one of several ballot types. */
export function ballotSheetType(sheetName: string): { ballotType: string | null } | null {
  if (sheetRole(sheetName) === 'ballots') return { ballotType: null };
  const m = /^(phieu|ballots?)\s+(.{1,24})$/u.exec(fold(sheetName));
  if (m === null) return null;
  // Keep the code as written (the fold lowercased it): drop the leading word.
  return { ballotType: sheetName.trim().replace(/^\S+\s+/u, '') };
}
