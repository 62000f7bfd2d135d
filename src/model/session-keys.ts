// The session values (SPEC §2.3) by key, with the Vietnamese and English names a clerk may
// give them (matched folded: case and diacritics ignored); and the values as read.
import type { CellValue } from './grid.js';
import type { Location } from './types.js';
import type { Problem } from './problem.js';

export const SESSION_KEYS = {
  title: ['tên hội nghị'],
  body: ['cơ quan', 'cấp ủy'],
  place: ['địa danh'],
  date: ['ngày', 'ngày lấy phiếu'],
  round: ['đợt'],
  regime: ['quy định'],
  convened: ['số người được triệu tập', 'tổng số người được triệu tập', 'tổng số đại biểu', 'số đại biểu được triệu tập', 'tổng số đại biểu được triệu tập'],
  present: ['số người có mặt', 'tổng số người có mặt', 'số đại biểu có mặt'],
  issued: ['số phiếu phát ra', 'tổng số phiếu phát ra'],
  returned: ['số phiếu thu về', 'tổng số phiếu thu về'],
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

export interface SessionEntry {
  readonly value: CellValue;
  readonly location: Location;
}
export type SessionEntries = Partial<Record<SessionKey, SessionEntry>>;

export interface SessionRead {
  readonly entries: SessionEntries;
  /** Values given for one ballot type (a third column, or "ballotTypes" in JSON). */
  readonly perType: ReadonlyMap<string, SessionEntries>;
  readonly problems: readonly Problem[];
}
