// Across sessions: at most two places per person per round (Quy định 96, principle 3), and each
// person's low-confidence share and band session by session, in date order.
import { problem, type Problem } from '../model/problem.js';
import { DEFAULT_BALLOT_TYPE, type Band, type RegimeId } from '../model/types.js';
import { caseFold } from '../model/fold.js';
import type { CheckedSession } from './session.js';
import { MAX_PLACES, overPlaces } from '../rules/places.js';
import { naturalCompare } from './order.js';

export interface PersonPoint {
  readonly session: string;
  readonly date: string | null;
  readonly round: string | null;
  readonly ballotType: string;
  readonly low: number;
  readonly lowPercent: number | null;
  readonly band: Band | null;
  /** The session's regime: what the band's thresholds are. */
  readonly regime: RegimeId | null;
}

export interface Person {
  readonly id: string | null;
  readonly name: string;
  readonly points: readonly PersonPoint[];
  /** Rounds in which the person was in the review or dismissal band. */
  readonly flaggedRounds: readonly string[];
}

/**
 * `placeName` says what a place is called in the messages: `check` names a session by its inputs,
 * the round summary by its unit (SPEC §4: never by file path on a report).
 */
export function acrossSessions(sessions: readonly CheckedSession[], placeName: (s: CheckedSession) => string = (s) => s.label): { people: Person[]; problems: Problem[] } {
  const problems: Problem[] = [];
  // Matched by id when present and the names agree; otherwise by exact name, with a warning.
  // Everyone a session names counts, whether or not it re-tallies (SPEC §4: a place is a place).
  const idNames = new Map<string, Set<string>>();
  for (const s of sessions) for (const l of s.places) if (l.id !== null) idNames.set(caseFold(l.id), (idNames.get(caseFold(l.id)) ?? new Set()).add(caseFold(l.name)));
  const keyOf = (l: { id: string | null; name: string }) => {
    const idOk = l.id !== null && (idNames.get(caseFold(l.id))?.size ?? 0) === 1;
    return { idOk, k: idOk ? `id:${caseFold(l.id as string)}` : `name:${caseFold(l.name)}` };
  };
  const groups = new Map<string, { id: string | null; name: string; places: PlaceSeen[]; points: PersonPoint[] }>();
  const warned = new Set<string>();
  const groupOf = (l: { id: string | null; name: string }, s: CheckedSession) => {
    const { idOk, k } = keyOf(l);
    if (!idOk && !warned.has(k)) {
      warned.add(k);
      problems.push(problem('matched-by-name', 'warning', { file: s.label }, { name: l.name, ...(l.id === null ? {} : { id: l.id }) }));
    }
    let g = groups.get(k);
    if (g === undefined) groups.set(k, (g = { id: idOk ? l.id : null, name: l.name, places: [], points: [] }));
    return g;
  };
  for (const s of sessions) {
    for (const l of s.places) groupOf(l, s).places.push({ session: s.label, name: placeName(s), date: s.date, round: s.round, ballotType: l.ballotType });
    for (const l of s.leaders) {
      groupOf(l, s).points.push({ session: s.label, date: s.date, round: s.round, ballotType: l.ballotType, low: l.low, lowPercent: l.lowPercent, band: l.band, regime: s.regime });
    }
  }
  const people: Person[] = [];
  const inOrder = <T extends PlaceSeen>(list: readonly T[]) => [...list].sort((a, b) => (a.date ?? '').localeCompare(b.date ?? '') || naturalCompare(a.session, b.session));
  for (const g of groups.values()) {
    for (const ps of overPlaces(inOrder(g.places), (p) => p.round ?? '')) {
      problems.push(problem('too-many-places', 'error', { file: ps[MAX_PLACES]?.session ?? '' }, { name: g.name, round: ps[0]?.round ?? '', places: ps.map((p) => `${p.name ?? p.session}${p.ballotType === DEFAULT_BALLOT_TYPE ? '' : ` (${p.ballotType})`}`), max: MAX_PLACES }));
    }
    if (g.points.length === 0) continue;
    const points = inOrder(g.points);
    const flaggedRounds = [...new Set(points.filter((p) => p.band === 'review' || p.band === 'dismissal').map((p) => p.round ?? ''))];
    people.push({ id: g.id, name: g.name, points, flaggedRounds });
  }
  people.sort((a, b) => a.name.localeCompare(b.name, 'vi'));
  // Only people seen more than once need the warning about how they were matched.
  const seen = new Map<string, number>();
  for (const g of groups.values()) seen.set(caseFold(g.name), (seen.get(caseFold(g.name)) ?? 0) + g.places.length);
  return { people, problems: problems.filter((p) => p.code !== 'matched-by-name' || (seen.get(caseFold(String(p.params['name']))) ?? 0) >= 2) };
}

/** One session naming a person: a place, for the two-places rule. */
interface PlaceSeen {
  readonly session: string;
  /** What the place is called in messages (see acrossSessions). */
  readonly name?: string;
  readonly date: string | null;
  readonly round: string | null;
  readonly ballotType: string;
}
