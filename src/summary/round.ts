// The round across its units (SPEC §4 `tally summary`): the sessions re-tallied as `check`
// re-tallies them, put together per unit, every leader, the leaders above the thresholds
// (highest low share first, compared as exact fractions), totals, and what is incomplete.
// Pure: sessions in, one Round out.
import { basename, extname } from 'node:path';
import { caseFold, clean, fold, hasDiacritics } from '../model/fold.js';
import { bySeverity, problem, type Problem } from '../model/problem.js';
import { REGIME_IDS, type RegimeId } from '../model/types.js';
import type { LeaderDetail, TypeDetail } from '../check/detail.js';
import type { CheckedSession } from '../check/session.js';
import type { Status } from '../model/check.js';
import { REGIMES } from '../rules/regimes.js';

export interface RoundSession {
  /** The unit: the session's body, else its file (or folder) name. */
  readonly unit: string;
  readonly label: string;
  /** Re-tallied to a result with no error: its figures are summed. */
  readonly valid: boolean;
  /** What `check` said of it (a record that differs is shown; the recount is what is used). */
  readonly recheck: Status;
  /** On the units list; null when no list was given. */
  readonly expected: boolean | null;
  readonly title: string | null;
  readonly date: string | null;
  readonly round: string | null;
  readonly regime: RegimeId | null;
  readonly convened: number | null;
  readonly present: number | null;
  readonly types: readonly TypeDetail[];
  readonly leaders: number;
  readonly bands: { readonly none: number; readonly review: number; readonly dismissal: number };
  /**
   * The session's first problems, errors first: why an invalid session is invalid, or what the
   * readers of a valid one set aside or warned about (SPEC §2.4: every row set aside is said).
   */
  readonly problems: readonly Problem[];
  /** How many problems the session had in all (`problems` lists the first). */
  readonly problemTotal: number;
  readonly classification: string | null;
}

export interface RoundLeader extends LeaderDetail {
  readonly unit: string;
  readonly session: string;
  readonly regime: RegimeId;
}

export interface RoundFile {
  readonly session: string;
  readonly path: string;
  readonly role: string;
  /** null when the file could not be read. */
  readonly sha256: string | null;
}

export interface Totals {
  /** null when no units list was given. */
  readonly unitsExpected: number | null;
  /** Units with a valid session. */
  readonly units: number;
  readonly sessions: number;
  readonly validSessions: number;
  readonly invalidSessions: number;
  readonly missingUnits: number;
  readonly unexpectedUnits: number;
  readonly leaders: number;
  readonly none: number;
  readonly review: number;
  readonly dismissal: number;
  readonly flagged: number;
}

export interface Round {
  readonly round: string | null;
  readonly sessions: readonly RoundSession[];
  /** Units on the list with no session, as the list writes them. */
  readonly missing: readonly string[];
  readonly leaders: readonly RoundLeader[];
  readonly flagged: readonly RoundLeader[];
  readonly totals: Totals;
  readonly files: readonly RoundFile[];
  /** Across sessions (too-many-places, matched-by-name) and from finding them (not-a-session…). */
  readonly problems: readonly Problem[];
  /** People voted on in more than two places in the round. */
  readonly overPlaces: readonly string[];
  readonly complete: boolean;
  /** Party layout unless every valid session is under an assembly regime. */
  readonly convention: 'party' | 'state';
  readonly regimes: readonly RegimeId[];
  readonly classification: string | null;
}

/** Problems shown per invalid session (check keeps the rest counted). */
const FIRST_PROBLEMS = 3;


/**
 * A unit's identity: its name after NFC, case and spaces, with its diacritics (SPEC §4: Đông Hưng
 * and Đồng Hưng are two communes).
 */
const unitKey = (name: string) => caseFold(clean(name));

/**
 * Which listed unit a session's unit is: the one with the same name; else, when one of the two
 * names was typed without diacritics, the one listed unit that matches without them — with a
 * warning, and none at all when several could be meant.
 */
function matchUnits(units: readonly string[], listed: ReadonlyMap<string, { name: string; at: number }>): { at: (number | null)[]; problems: Problem[] } {
  const loose = new Map<string, { name: string; at: number }[]>();
  for (const [k, u] of listed) loose.set(fold(k), [...(loose.get(fold(k)) ?? []), u]);
  const problems: Problem[] = [];
  const warned = new Set<string>();
  const fitsOf = units.map((unit) => (listed.has(unitKey(unit)) ? [] : (loose.get(fold(unit)) ?? []).filter((u) => !hasDiacritics(unit) || !hasDiacritics(u.name))));
  // A listed unit that two units of the round fit without diacritics (Đông Hưng and Đồng Hưng
  // against "Dong Hung") is neither of them: which one it is, is not known.
  const claimants = new Map<number, Set<string>>();
  units.forEach((unit, i) => {
    const fits = fitsOf[i] ?? [];
    if (fits.length === 1) claimants.set((fits[0] as { at: number }).at, (claimants.get((fits[0] as { at: number }).at) ?? new Set()).add(unitKey(unit)));
  });
  const at = units.map((unit, i) => {
    const exact = listed.get(unitKey(unit));
    if (exact !== undefined) return exact.at;
    const fits = fitsOf[i] ?? [];
    if (fits.length === 0) return null;
    const one = fits.length === 1 ? (fits[0] as { name: string; at: number }) : null;
    const contested = one !== null && (claimants.get(one.at)?.size ?? 0) > 1;
    if (!warned.has(unitKey(unit))) {
      warned.add(unitKey(unit));
      const rivals = one === null ? [] : [...(claimants.get(one.at) ?? [])].filter((k) => k !== unitKey(unit)).map((k) => units.find((u) => unitKey(u) === k) ?? k);
      problems.push(problem('unit-matched-loosely', 'warning', {}, { unit, listed: fits.map((u) => u.name), ...(contested ? { rivals } : {}) }));
    }
    return one !== null && !contested ? one.at : null;
  });
  return { at, problems };
}

/** The unit a session is from: its body, else its file (or folder) name. */
export function unitOf(s: CheckedSession): string {
  const body = s.detail?.body ?? null;
  if (body !== null && body.trim() !== '') return clean(body);
  const base = basename(s.label);
  return /\.(xlsx|ods|csv|tsv|txt|json)$/i.test(base) ? base.slice(0, -extname(base).length) : base;
}

/** `a.low / a.T` against `b.low / b.T`, exactly (no float): positive when a's share is higher. */
export function compareLowShare(a: Pick<LeaderDetail, 'low' | 'denominator'>, b: Pick<LeaderDetail, 'low' | 'denominator'>): number {
  const x = BigInt(a.low) * BigInt(b.denominator ?? 1);
  const y = BigInt(b.low) * BigInt(a.denominator ?? 1);
  return x > y ? 1 : x < y ? -1 : 0;
}

export function buildRound(checked: readonly CheckedSession[], expectedUnits: readonly string[] | null, across: readonly Problem[], found: readonly Problem[], extraFiles: readonly RoundFile[] = []): Round {
  const listed = new Map<string, { name: string; at: number }>();
  for (const u of expectedUnits ?? []) if (!listed.has(unitKey(u))) listed.set(unitKey(u), { name: clean(u), at: listed.size });
  const units = checked.map(unitOf);
  const matched = matchUnits(units, listed);
  const made = checked.map((s, i): { s: CheckedSession; r: RoundSession; at: number | null } => {
    const d = s.detail;
    const valid = d !== undefined && d.types.length > 0;
    const unit = units[i] as string;
    const at = matched.at[i] ?? null;
    const leaders = valid ? d.leaders : [];
    const problems = [...s.problems].sort(bySeverity);
    const r: RoundSession = {
      unit,
      label: s.label,
      valid,
      recheck: s.status,
      expected: expectedUnits === null ? null : at !== null,
      title: d?.title ?? s.title,
      date: s.date,
      round: s.round,
      regime: d?.regime ?? s.regime,
      convened: d?.convened ?? null,
      present: d?.present ?? null,
      types: valid ? d.types : [],
      leaders: leaders.length,
      bands: {
        none: leaders.filter((l) => l.band === 'none').length,
        review: leaders.filter((l) => l.band === 'review').length,
        dismissal: leaders.filter((l) => l.band === 'dismissal').length,
      },
      problems: problems.slice(0, FIRST_PROBLEMS),
      problemTotal: s.problemCounts.reduce((n, c) => n + c.total, 0),
      classification: d?.classification ?? null,
    };
    return { s, r, at };
  });
  // In the order of the units list when there is one (units not on it last), else as found.
  made.sort((a, b) => (a.at ?? listed.size) - (b.at ?? listed.size));
  const sessions = made.map((m) => m.r);
  const anySession = new Set(made.map((m) => m.at));
  // A unit whose session is invalid is not missing: its session is listed as invalid.
  const missing = [...listed.values()].filter((u) => !anySession.has(u.at)).map((u) => u.name);
  const leaders: RoundLeader[] = made.flatMap(({ s, r }) => (r.valid && s.detail !== undefined ? s.detail.leaders.map((l) => ({ ...l, unit: r.unit, session: r.label, regime: r.regime ?? REGIME_IDS[0] })) : []));
  const order = new Map(leaders.map((l, i) => [l, i]));
  const flagged = leaders.filter((l) => l.flagged && l.denominator !== null).sort((a, b) => compareLowShare(b, a) || (order.get(a) ?? 0) - (order.get(b) ?? 0));
  const valid = sessions.filter((s) => s.valid);
  const invalid = sessions.filter((s) => !s.valid);
  const overPlaces = [...new Set(across.filter((p) => p.code === 'too-many-places').map((p) => String(p.params['name'])))];
  const regimes = [...new Set(valid.map((s) => s.regime).filter((r): r is RegimeId => r !== null))];
  const files: RoundFile[] = [...made.flatMap(({ s }) => (s.detail?.files ?? []).map((f) => ({ session: s.label, path: f.path, role: f.role, sha256: f.sha256 }))), ...extraFiles];
  const rounds = [...new Set(sessions.map((s) => s.round).filter((r): r is string => r !== null))].sort();
  // A round across the new year is two rounds by default (the year of each date): said, not merged.
  const severalRounds: Problem[] =
    rounds.length > 1 ? [problem('several-rounds', 'warning', {}, { rounds, sessions: rounds.map((r) => String(sessions.filter((s) => s.round === r).length)) })] : [];
  const count = (band: 'none' | 'review' | 'dismissal') => leaders.filter((l) => l.band === band).length;
  return {
    round: rounds.length === 0 ? null : rounds.join(', '),
    sessions,
    missing,
    leaders,
    flagged,
    totals: {
      unitsExpected: expectedUnits === null ? null : listed.size,
      // Units of the round with a valid result: an unexpected unit is counted apart.
      units: new Set(valid.filter((s) => s.expected !== false).map((s) => unitKey(s.unit))).size,
      sessions: sessions.length,
      validSessions: valid.length,
      invalidSessions: invalid.length,
      missingUnits: missing.length,
      unexpectedUnits: new Set(sessions.filter((s) => s.expected === false).map((s) => unitKey(s.unit))).size,
      leaders: leaders.length,
      none: count('none'),
      review: count('review'),
      dismissal: count('dismissal'),
      flagged: flagged.length,
    },
    files,
    problems: [...severalRounds, ...across, ...matched.problems, ...found],
    overPlaces,
    complete: invalid.length === 0 && missing.length === 0 && overPlaces.length === 0,
    convention: regimes.length > 0 && regimes.every((r) => REGIMES[r].convention === 'state') ? 'state' : 'party',
    regimes,
    classification: sessions.find((s) => s.classification !== null)?.classification ?? null,
  };
}
