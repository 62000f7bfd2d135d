// Turning raw session values into a typed session: pure, every problem collected.
import { problem, type Problem } from '../model/problem.js';
import { DENOMINATOR_BASES, REGIME_IDS, type DenominatorBasis, type Level, type Location, type RegimeId } from '../model/types.js';
import { REGIME_ALIASES, regimeKey } from '../rules/regimes.js';
import { clean, fold } from '../model/fold.js';
import { decodeCell } from '../model/codes.js';
import { DEFAULT_THRESHOLDS, type Thresholds } from '../model/thresholds.js';
import { compareDecimal, formatDecimal, parseDecimal, type Decimal } from '../model/decimal.js';
import type { SessionEntries, SessionEntry, SessionKey } from '../model/session-keys.js';
import type { CellValue } from '../model/grid.js';

export const COUNT_KEYS = ['convened', 'present', 'issued', 'returned'] as const;
export type CountKey = (typeof COUNT_KEYS)[number];

/** A count for one ballot type, as given on the command line: "A=42" in `--issued A=42`. */
export const TYPED_COUNT = /^([^=]+)=(.*)$/;

/** Counts given for one ballot type each ("--issued A=42"), as that type's session entries. */
export function typedCountEntries(given: Readonly<Partial<Record<CountKey, readonly string[]>>>): Map<string, SessionEntries> {
  const out = new Map<string, SessionEntries>();
  for (const key of COUNT_KEYS) {
    for (const v of given[key] ?? []) {
      const m = TYPED_COUNT.exec(v);
      if (m === null) continue;
      const type = clean(m[1] ?? '');
      const entries = out.get(type) ?? {};
      entries[key] = { value: clean(m[2] ?? ''), location: { column: `--${key} ${type}=` } };
      out.set(type, entries);
    }
  }
  return out;
}

export type Origin = 'session' | 'flag' | 'default';

export interface Session {
  readonly title: string | null;
  readonly body: string | null;
  readonly place: string | null;
  /** ISO yyyy-mm-dd. */
  readonly date: string | null;
  readonly round: string | null;
  readonly regime: RegimeId;
  readonly denominator: DenominatorBasis | null;
  readonly strict: boolean;
  readonly countingCommittee: readonly string[];
  readonly classification: string | null;
  /** The body over `body`, for the document heading (SPEC §2.3). */
  readonly parentBody: string | null;
  /** The minutes' number and symbol, e.g. "05-BB/BKP". */
  readonly number: string | null;
  /** When the count started, as the clerk wrote it ("14:30", "14 giờ 30"). */
  readonly time: string | null;
  readonly counts: Readonly<Record<CountKey, number | null>>;
  /** Fill ratios for scanned marks (SPEC §2.5). */
  readonly thresholds: Thresholds;
  /** OMR answer letters to levels, e.g. A → high. */
  readonly omrLetters: ReadonlyMap<string, Level>;
  readonly origins: Readonly<Partial<Record<SessionKey, Origin>>>;
}

/** Values given as flags; they override the session file (the override is reported). */
export type SessionFlags = Partial<Record<SessionKey, string | boolean>>;

const BASIS_ALIASES: Record<string, DenominatorBasis> = {
  'phieu thu ve': 'returned',
  'so phieu thu ve': 'returned',
  'phieu phat ra': 'issued',
  'so phieu phat ra': 'issued',
  'co mat': 'present',
  'so nguoi co mat': 'present',
  'trieu tap': 'convened',
  'so nguoi duoc trieu tap': 'convened',
  'hop le': 'valid',
  'phieu hop le': 'valid',
};

export function parseRegime(text: string): RegimeId | null {
  return REGIME_ALIASES[regimeKey(text)] ?? null;
}

export function parseBasis(text: string): DenominatorBasis | null {
  const f = fold(text);
  return (DENOMINATOR_BASES as readonly string[]).includes(f) ? (f as DenominatorBasis) : (BASIS_ALIASES[f] ?? null);
}

/** A fill-ratio threshold between 0 and 1. */
export function parseThreshold(value: CellValue | string | boolean): Decimal | null {
  const d = typeof value === 'string' || typeof value === 'number' ? parseDecimal(String(value)) : null;
  return d !== null && compareDecimal(d, { num: 1n, scale: 0 }) <= 0 ? d : null;
}

export const DEFAULT_OMR_LETTERS: ReadonlyMap<string, Level> = new Map([
  ['A', 'high'],
  ['B', 'confidence'],
  ['C', 'low'],
]);

/** "A=high,B=confidence,C=low" (levels also as 1/2/3 or cao/tín nhiệm/thấp) → a letter map. */
export function parseOmrLetters(value: CellValue | string | boolean): Map<string, Level> | null {
  if (typeof value !== 'string') return null;
  const out = new Map<string, Level>();
  for (const part of value.split(/[,;]/)) {
    const m = /^\s*([A-Za-z])\s*=\s*(.+?)\s*$/.exec(part);
    if (m === null) return null;
    const d = decodeCell(m[2] ?? '');
    if (!d.ok || d.reading.kind !== 'mark') return null;
    const letter = (m[1] as string).toUpperCase();
    if (out.has(letter) || [...out.values()].includes(d.reading.level)) return null;
    out.set(letter, d.reading.level);
  }
  return out.size === 3 ? out : null;
}

export function parseCount(value: CellValue | string | boolean): number | null {
  if (typeof value === 'number') return Number.isSafeInteger(value) && value >= 0 ? value : null;
  if (typeof value !== 'string') return null;
  const t = clean(value);
  return /^\d{1,9}$/.test(t) ? Number(t) : null;
}

/** dd/mm/yyyy, yyyy-mm-dd, an Excel date cell or an Excel serial number → ISO date. */
export function parseDate(value: CellValue | string | boolean): string | null {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value.toISOString().slice(0, 10);
  if (typeof value === 'number') {
    // Excel serial day numbers count from 1899-12-30 (after its 1900 leap-year quirk).
    if (!Number.isInteger(value) || value < 61 || value > 2958465) return null;
    return new Date(Date.UTC(1899, 11, 30) + value * 86_400_000).toISOString().slice(0, 10);
  }
  if (typeof value !== 'string') return null;
  const t = clean(value);
  let m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(t);
  if (m !== null) return isoIfValid(Number(m[3]), Number(m[2]), Number(m[1]));
  m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(t);
  if (m !== null) return isoIfValid(Number(m[1]), Number(m[2]), Number(m[3]));
  return null;
}

function isoIfValid(y: number, mo: number, d: number): string | null {
  const date = new Date(Date.UTC(y, mo - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d) return null;
  return date.toISOString().slice(0, 10);
}

function parseBoolean(value: CellValue | string | boolean): boolean | null {
  if (typeof value === 'boolean') return value;
  const f = fold(cellString(value));
  if (['1', 'true', 'yes', 'co', 'x'].includes(f)) return true;
  if (['0', 'false', 'no', 'khong', ''].includes(f)) return false;
  return null;
}

function cellString(value: CellValue | string | boolean): string {
  if (value === null) return '';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  return clean(String(value));
}

export function resolveSession(entries: SessionEntries, flags: SessionFlags, flagLocation: Location = {}): { session: Session; problems: Problem[] } {
  const problems: Problem[] = [];
  const origins: Partial<Record<SessionKey, Origin>> = {};

  // Flags override the file; each override is reported so the clerk sees it.
  const pick = (key: SessionKey): SessionEntry | null => {
    const flag = flags[key];
    const entry = entries[key];
    if (flag !== undefined) {
      origins[key] = 'flag';
      if (entry !== undefined && cellString(entry.value) !== cellString(flag)) {
        problems.push(problem('session-override', 'info', entry.location, { key, from: cellString(entry.value), to: cellString(flag) }));
      }
      return { value: flag, location: { ...flagLocation, column: `--${key}` } };
    }
    if (entry !== undefined) {
      origins[key] = 'session';
      return entry;
    }
    return null;
  };
  const parsed = <T>(key: SessionKey, parse: (v: CellValue | string | boolean) => T | null, hint: string): T | null => {
    const e = pick(key);
    if (e === null) return null;
    const v = parse(e.value);
    if (v === null) problems.push(problem('bad-session-value', 'error', e.location, { key, hint }, cellString(e.value)));
    return v;
  };
  const text = (key: SessionKey): string | null => {
    const e = pick(key);
    const t = e === null ? '' : cellString(e.value);
    return t === '' ? null : t;
  };

  const counts = {} as Record<CountKey, number | null>;
  for (const key of COUNT_KEYS) counts[key] = parsed(key, parseCount, 'count');
  const date = parsed('date', parseDate, 'date');
  const regime = parsed('regime', (v) => parseRegime(cellString(v)), 'regime') ?? REGIME_IDS[0];
  if (origins.regime === undefined) origins.regime = 'default';
  const denominator = parsed('denominator', (v) => parseBasis(cellString(v)), 'denominator');
  const strict = parsed('strict', parseBoolean, 'boolean') ?? false;
  const committee = text('counting_committee');
  const mark = parsed('mark_threshold', parseThreshold, 'threshold') ?? DEFAULT_THRESHOLDS.mark;
  const blank = parsed('blank_threshold', parseThreshold, 'threshold') ?? DEFAULT_THRESHOLDS.blank;
  if (compareDecimal(blank, mark) >= 0) {
    const where = pick('blank_threshold')?.location ?? pick('mark_threshold')?.location ?? flagLocation;
    problems.push(problem('bad-session-value', 'error', where, { key: 'blank_threshold', hint: 'thresholds' }, `${formatDecimal(blank)} ≥ ${formatDecimal(mark)}`));
  }
  const omrLetters = parsed('omr_letters', parseOmrLetters, 'omr-letters') ?? DEFAULT_OMR_LETTERS;

  const session: Session = {
    title: text('title'),
    body: text('body'),
    place: text('place'),
    date,
    round: text('round') ?? (date === null ? null : date.slice(0, 4)),
    regime,
    denominator,
    strict,
    countingCommittee: committee === null ? [] : committee.split(';').map(clean).filter((n) => n !== ''),
    classification: text('classification'),
    parentBody: text('parent_body'),
    number: text('number'),
    time: text('time'),
    counts,
    thresholds: { mark, blank },
    omrLetters,
    origins,
  };
  return { session, problems };
}

export type TypeCounts = Readonly<Record<CountKey, number>>;

/**
 * The four counts of each ballot type. A type's own value wins; convened and present may
 * come from the session (one group of voters), issued and returned must be given per type
 * when there are several types (each type has its own ballots).
 */
export function resolveTypeCounts(
  session: Session,
  typeIds: readonly string[],
  perType: ReadonlyMap<string, SessionEntries>,
): { counts: Map<string, TypeCounts>; problems: Problem[] } {
  const problems: Problem[] = [];
  const counts = new Map<string, TypeCounts>();
  const several = typeIds.length > 1;
  for (const type of typeIds) {
    const own = [...perType].find(([t]) => fold(t) === fold(type))?.[1] ?? {};
    const values = {} as Record<CountKey, number | null>;
    for (const key of COUNT_KEYS) {
      const e = own[key];
      const typeParam = several ? { ballotType: type } : {};
      if (e !== undefined) {
        values[key] = parseCount(e.value);
        if (values[key] === null) problems.push(problem('bad-session-value', 'error', e.location, { key, hint: 'count' }, cellString(e.value)));
      } else if (several && (key === 'issued' || key === 'returned')) {
        values[key] = null;
        problems.push(problem('missing-session-value', 'error', {}, { key, ...typeParam, given: session.origins[key] === undefined ? 0 : 1 }));
      } else {
        values[key] = session.counts[key];
        if (session.origins[key] === undefined) problems.push(problem('missing-session-value', 'error', {}, { key, ...typeParam }));
      }
    }
    const { convened, present, issued, returned } = values;
    if (convened !== null && present !== null && issued !== null && returned !== null) counts.set(type, { convened, present, issued, returned });
  }
  return { counts, problems };
}
