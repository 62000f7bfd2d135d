// A round of units as folders of CSV files (roster, session, ballots), built from each leader's
// counts, and the figures a clerk would work out by hand: shares of returned ballots, exact,
// rounded half up — computed here with no code of the program.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export interface LeaderSpec {
  readonly name: string;
  readonly position: string;
  readonly id?: string;
  readonly high: number;
  readonly confidence: number;
  readonly low: number;
}

export interface UnitSpec {
  readonly folder: string;
  readonly body: string;
  readonly date: string;
  readonly convened: number;
  readonly present: number;
  readonly issued?: number;
  readonly returned: number;
  readonly leaders: readonly LeaderSpec[];
  /** A cell typed wrong (a data error): the unit's session does not re-tally. */
  readonly badCell?: boolean;
}

/** Writes the unit's folder; every ballot has a mark for the first leader (no blank ballot). */
export function writeUnit(root: string, u: UnitSpec): string {
  const dir = join(root, u.folder);
  mkdirSync(dir, { recursive: true });
  const hasId = u.leaders.some((l) => l.id !== undefined);
  writeFileSync(join(dir, 'danh-sach.csv'), [`STT,${hasId ? 'Mã,' : ''}Họ và tên,Chức vụ`, ...u.leaders.map((l, i) => `${i + 1},${hasId ? `${l.id ?? ''},` : ''}${l.name},${l.position}`)].join('\n') + '\n');
  writeFileSync(
    join(dir, 'hoi-nghi.csv'),
    [['Cơ quan', u.body], ['Ngày', u.date], ['Đợt', u.date.slice(-4)], ['Số người được triệu tập', u.convened], ['Số người có mặt', u.present], ['Số phiếu phát ra', u.issued ?? u.returned], ['Số phiếu thu về', u.returned]].map((r) => r.join(',')).join('\n') + '\n',
  );
  const columns = u.leaders.map((l) => [...Array(l.high).fill('1'), ...Array(l.confidence).fill('2'), ...Array(l.low).fill('3'), ...Array(u.returned - l.high - l.confidence - l.low).fill('')]);
  const rows = Array.from({ length: u.returned }, (_, b) => [b + 1, ...columns.map((c) => c[b])].join(','));
  if (u.badCell === true) rows[0] = rows[0]?.replace(/,1(,|$)/, ',z$1') ?? '';
  writeFileSync(join(dir, 'phieu.csv'), [`Số phiếu,${u.leaders.map((l) => l.name).join(',')}`, ...rows].join('\n') + '\n');
  return dir;
}

/** Hundredths of a percent, rounded half up, in integers: 100 × n / t. */
export function hundredths(n: number, t: number): number {
  return Number((20000n * BigInt(n) + BigInt(t)) / (2n * BigInt(t)));
}

/** "53,33%" as the Vietnamese reports print it. */
export const viPercent = (n: number, t: number) => {
  const h = hundredths(n, t);
  return `${Math.trunc(h / 100)},${String(h % 100).padStart(2, '0')}%`;
};

/** Quy định 96: more than a half → review; two thirds or more → dismissal. */
export function band96(low: number, t: number): 'none' | 'review' | 'dismissal' {
  if (3 * low >= 2 * t) return 'dismissal';
  if (2 * low > t) return 'review';
  return 'none';
}
