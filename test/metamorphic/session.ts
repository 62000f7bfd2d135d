// The generator of realistic sessions (issue 11, item 3): a roster, the ballots as the counting
// committee read them off paper (abstract marks, not typed codes), and the four session counts.
// How the ballots are typed into a file is the business of forms.ts; what they must give is
// the business of oracle.ts. Nothing here comes from src/.
import { Rng } from './prng.js';

export type Level = 'high' | 'confidence' | 'low';
export const LEVELS: readonly Level[] = ['high', 'confidence', 'low'];

/** One leader's line on one ballot, as read off the paper. */
export type Line =
  | { readonly kind: 'mark'; readonly level: Level }
  | { readonly kind: 'none' }
  | { readonly kind: 'multi'; readonly levels: readonly Level[] }
  | { readonly kind: 'crossed' }
  | { readonly kind: 'declared' };

export interface Leader {
  readonly stt: number;
  /** The roster id as typed ('' when the roster has no id column). */
  readonly id: string;
  readonly name: string;
  readonly position: string;
  /** The ballot type's code, or 'default' with one type. */
  readonly type: string;
}

export interface Ballot {
  readonly type: string;
  readonly number: number;
  /** A reason text voiding the whole ballot, or null. */
  readonly void: string | null;
  /** A returned blank ballot ('trắng' in the void column): every line no-mark. */
  readonly blank: boolean;
  /** One line per leader of the ballot's type, in roster order. */
  readonly lines: readonly Line[];
}

export interface TypeCounts {
  readonly code: string;
  readonly issued: number;
  readonly returned: number;
}

/**
 * How the roster's ids look: codes (CB007), numbers outside the STT range, zero-padded numbers
 * of the person's own STT, numbers or padded numbers that are other people's STT (a numeric
 * header is then ambiguous), or no id column at all.
 */
export type IdKind = 'code' | 'number-far' | 'padded-own' | 'number-colliding' | 'padded-colliding' | 'none';

export interface Session {
  readonly seed: number;
  readonly leaders: readonly Leader[];
  readonly types: readonly TypeCounts[];
  readonly ballots: readonly Ballot[];
  readonly convened: number;
  readonly present: number;
  readonly idKind: IdKind;
  readonly title: string;
  readonly body: string;
}

export const SURNAMES = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Huỳnh', 'Phan', 'Vũ', 'Võ', 'Đặng', 'Bùi', 'Đỗ', 'Hồ', 'Ngô', 'Dương', 'Lý', 'Tống', 'Công', 'Cao', 'Đinh', 'Trịnh', 'Mai', 'Lương', 'Tạ'];
export const MIDDLES = ['Văn', 'Thị', 'Minh', 'Quốc', 'Đức', 'Ngọc', 'Xuân', 'Thu', 'Hữu', 'Thanh', 'Công', 'Kim'];
export const GIVENS = ['An', 'Bình', 'Cường', 'Dũng', 'Hà', 'Hùng', 'Hưng', 'Lan', 'Sơn', 'Thấp', 'Tổng', 'Cao', 'Tuấn', 'Mai', 'Long', 'Yến', 'Thắng', 'Hải', 'Hải', 'Hồng', 'Nga', 'Ngà', 'Khải', 'Thảo', 'Vinh', 'Trường', 'Phúc', 'Lộc', 'Thọ', 'Tâm'];
export const POSITIONS = [
  'Bí thư Huyện ủy',
  'Phó Bí thư Thường trực Huyện ủy',
  'Phó Bí thư Huyện ủy, Chủ tịch UBND huyện',
  'Chủ tịch HĐND huyện',
  'Phó Chủ tịch UBND huyện',
  'Trưởng Ban Tổ chức Huyện ủy',
  'Chủ nhiệm Ủy ban Kiểm tra Huyện ủy',
  'Trưởng Ban Tuyên giáo Huyện ủy',
  'Chánh Văn phòng Huyện ủy',
  'Trưởng Công an huyện',
  'Chỉ huy trưởng Ban Chỉ huy Quân sự huyện',
  'Giám đốc Trung tâm Chính trị',
  'Trưởng phòng Tài chính – Kế hoạch',
  'Chủ tịch Ủy ban MTTQ huyện',
  'Ủy viên Ban Thường vụ',
];
export const VOID_REASONS = ['Ghi thêm tên người vào phiếu', 'Không có dấu của Ban kiểm phiếu', 'Phiếu không do Ban kiểm phiếu phát ra', 'Viết thêm nội dung khác', 'x'];

export interface GenerateOptions {
  /** Force two ballot types (true) or one (false); by default the seed decides. */
  readonly twoTypes?: boolean;
  readonly idKind?: IdKind;
  readonly leaders?: number;
  readonly ballots?: number;
}

/** A random but realistic session from a seed. */
export function generate(seed: number, opts: GenerateOptions = {}): Session {
  const rng = new Rng(seed);
  const twoTypes = opts.twoTypes ?? rng.chance(0.3);
  const n = opts.leaders ?? (rng.chance(0.15) ? rng.int(30, 40) : rng.int(twoTypes ? 6 : 3, 18));
  const idKind = opts.idKind ?? rng.pick<IdKind>(['code', 'code', 'number-far', 'padded-own', 'number-colliding', 'padded-colliding', 'none']);
  const names = makeNames(rng, n);
  const positions = names.map((_, i) => (i < POSITIONS.length && rng.chance(0.7) ? (POSITIONS[i] as string) : rng.pick(POSITIONS)));
  const typeCodes = twoTypes ? rng.pick([['A', 'B'], ['BTV', 'BCH'], ['HU', 'DU']]) : ['default'];
  const cut = twoTypes ? rng.int(2, n - 2) : n;
  const ids = makeIds(rng, idKind, n);
  const leaders: Leader[] = names.map((name, i) => ({
    stt: i + 1,
    id: ids[i] as string,
    name,
    position: positions[i] as string,
    type: twoTypes ? (typeCodes[i < cut ? 0 : 1] as string) : 'default',
  }));

  const ballots: Ballot[] = [];
  const types: TypeCounts[] = [];
  let maxIssued = 0;
  for (const code of typeCodes) {
    const mine = leaders.filter((l) => l.type === code);
    const returned = pickReturned(rng, opts.ballots);
    const issued = returned + (rng.chance(0.5) ? 0 : rng.int(1, 3));
    maxIssued = Math.max(maxIssued, issued);
    types.push({ code, issued, returned });
    ballots.push(...makeBallots(rng, code, mine.length, returned));
  }
  const present = maxIssued + (rng.chance(0.4) ? 0 : rng.int(1, 4));
  // Quorum met: 3 × present >= 2 × convened.
  const convened = present + rng.int(0, Math.min(6, Math.floor(present / 2)));
  return {
    seed,
    leaders,
    types,
    ballots,
    convened,
    present,
    idKind,
    title: rng.pick(['Hội nghị Ban Chấp hành Đảng bộ huyện lấy phiếu tín nhiệm giữa nhiệm kỳ 2020–2025', 'Hội nghị lấy phiếu tín nhiệm năm 2023', 'Kỳ họp thứ 12, HĐND huyện khóa XX']),
    body: rng.pick(['Huyện ủy Tân Lập', 'Đảng ủy xã Cao Phong', 'Huyện ủy Công Sơn']),
  };
}

/** Distinct full names, often with the traps: Tống/Công/Cao, Thấp/Tổng, Hùng vs Hưng. */
function makeNames(rng: Rng, n: number): string[] {
  const out: string[] = [];
  const taken = new Set<string>();
  const add = (s: string) => {
    if (out.length < n && !taken.has(s)) {
      taken.add(s);
      out.push(s);
    }
  };
  const traps = rng.shuffle(['Tống Văn Thấp', 'Công Thị Tổng', 'Cao Văn Tổng', 'Tống Thị Cao', 'Công Minh Thấp']).slice(0, rng.int(1, 3));
  const pairs = rng.chance(0.7) ? [rng.pick([['Lê Văn Hùng', 'Lê Văn Hưng'], ['Nguyễn Thị Nga', 'Nguyễn Thị Ngà'], ['Trần Văn Thọ', 'Trần Văn Thổ']])] : [];
  const fixed = [...traps, ...pairs.flat()];
  while (out.length + fixed.length < n) {
    add(`${rng.pick(SURNAMES)} ${rng.pick(MIDDLES)} ${rng.pick(GIVENS)}`);
  }
  for (const f of fixed) add(f);
  while (out.length < n) add(`${rng.pick(SURNAMES)} ${rng.pick(MIDDLES)} ${rng.pick(GIVENS)} ${rng.pick(GIVENS)}`);
  // A pair differing by diacritics only must be two entries even after the shuffle.
  return rng.shuffle(out);
}

function makeIds(rng: Rng, kind: IdKind, n: number): string[] {
  const width = n >= 10 ? rng.pick([2, 3]) : rng.pick([2, 3]);
  const pad = (k: number) => String(k).padStart(width, '0');
  switch (kind) {
    case 'none':
      return Array.from({ length: n }, () => '');
    case 'code': {
      const prefix = rng.pick(['CB', 'HU', 'TV', 'UV']);
      const nums = rng.sample(900, n).map((k) => k + 1);
      return rng.shuffle(nums).map((k) => `${prefix}${String(k).padStart(3, '0')}`);
    }
    case 'number-far': {
      const nums = rng.sample(900, n).map((k) => k + 100);
      return rng.shuffle(nums).map(String);
    }
    case 'padded-own':
      return Array.from({ length: n }, (_, i) => pad(i + 1));
    case 'number-colliding':
    case 'padded-colliding': {
      // A derangement of 1..n: each id is somebody else's STT.
      const perm = derangement(rng, n);
      return perm.map((k) => (kind === 'number-colliding' ? String(k) : pad(k)));
    }
  }
}

function derangement(rng: Rng, n: number): number[] {
  for (;;) {
    const p = rng.shuffle(Array.from({ length: n }, (_, i) => i + 1));
    if (p.every((v, i) => v !== i + 1)) return p;
  }
}

function pickReturned(rng: Rng, forced: number | undefined): number {
  if (forced !== undefined) return forced;
  const r = rng.chance(0.15) ? rng.int(200, 400) : rng.chance(0.2) ? rng.int(3, 12) : rng.int(13, 120);
  // Often a multiple of 6, so that both ½ T and ⅔ T are whole numbers.
  return rng.chance(0.5) && r >= 6 ? r - (r % 6) : r;
}

/** The ballots of one type: numbers, void and blank ballots, lines with band boundaries. */
function makeBallots(rng: Rng, type: string, leaders: number, T: number): Ballot[] {
  // Ballot numbers: 1..T, or with gaps (spoiled paper numbers never returned).
  const numbers: number[] = [];
  let k = rng.chance(0.2) ? rng.int(1, 50) : 1;
  for (let i = 0; i < T; i++) {
    numbers.push(k);
    k += rng.chance(0.1) ? rng.int(2, 4) : 1;
  }
  // Void and blank ballots: few, so that every band boundary stays reachable.
  const spoilable = Math.floor(T / 6);
  const nVoid = T >= 4 ? rng.int(0, Math.min(spoilable, 4)) : 0;
  const nBlank = T >= 6 ? rng.int(0, Math.min(spoilable - nVoid, 2)) : 0;
  const order = rng.shuffle(Array.from({ length: T }, (_, i) => i));
  const voidAt = new Map<number, string>(order.slice(0, nVoid).map((i) => [i, rng.pick(VOID_REASONS)]));
  const blankAt = new Set(order.slice(nVoid, nVoid + nBlank));
  const ordinary = Array.from({ length: T }, (_, i) => i).filter((i) => !voidAt.has(i) && !blankAt.has(i));
  const A = ordinary.length;

  // Per leader: a target low count (band boundaries for some), then the lines.
  const lines: Line[][] = Array.from({ length: T }, () => []);
  for (let c = 0; c < leaders; c++) {
    const targets = [T % 2 === 0 ? T / 2 : null, Math.floor(T / 2) + 1, (2 * T) % 3 === 0 ? (2 * T) / 3 : null, Math.ceil((2 * T) / 3) - 1, Math.ceil((2 * T) / 3), T].filter(
      (x): x is number => x !== null && x >= 0 && x <= A,
    );
    const boundary = rng.chance(0.35) && targets.length > 0;
    const L = boundary ? rng.pick(targets) : -1;
    const lowAt = new Set(boundary ? rng.sample(A, L).map((i) => ordinary[i] as number) : []);
    const pHigh = rng.next();
    const pLow = boundary ? 0 : rng.next() * rng.next();
    const pInvalid = rng.chance(0.5) ? 0.02 + rng.next() * 0.06 : 0.01;
    for (let b = 0; b < T; b++) {
      const row = lines[b] as Line[];
      if (blankAt.has(b)) {
        row.push({ kind: 'none' });
        continue;
      }
      if (lowAt.has(b)) {
        row.push({ kind: 'mark', level: 'low' });
        continue;
      }
      const x = rng.next();
      if (x < pInvalid) {
        row.push(randomInvalid(rng, boundary));
        continue;
      }
      const y = rng.next();
      if (!boundary && y < pLow) row.push({ kind: 'mark', level: 'low' });
      else row.push({ kind: 'mark', level: rng.next() < pHigh ? 'high' : 'confidence' });
    }
  }
  return numbers.map((number, i) => ({
    type,
    number,
    void: voidAt.get(i) ?? null,
    blank: blankAt.has(i),
    lines: lines[i] as Line[],
  }));
}

function randomInvalid(rng: Rng, _boundary: boolean): Line {
  const k = rng.int(0, 3);
  if (k === 0) return { kind: 'none' };
  if (k === 1) {
    const levels = rng.pick<Level[]>([['high', 'low'], ['high', 'confidence'], ['confidence', 'low'], ['high', 'confidence', 'low']]);
    return { kind: 'multi', levels };
  }
  if (k === 2) return { kind: 'crossed' };
  return { kind: 'declared' };
}

export const typesOf = (s: Session): string[] => s.types.map((t) => t.code);
export const leadersOf = (s: Session, type: string): Leader[] => s.leaders.filter((l) => l.type === type);
export const ballotsOf = (s: Session, type: string): Ballot[] => s.ballots.filter((b) => b.type === type);
export const twoTypes = (s: Session): boolean => s.types.length > 1;
/** Whether a bare number in a header could be two people (an id equal to another's STT). */
export const numbersCollide = (s: Session): boolean => s.idKind === 'number-colliding' || s.idKind === 'padded-colliding';
