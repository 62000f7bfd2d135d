// Rules a roster must keep beyond its own rows: at most two places per person (Quy định 96,
// principle 3) — here, the ballot types of one session.
import { problem, type Problem } from '../model/problem.js';
import type { Cadre } from '../model/types.js';
import { MAX_PLACES, overPlaces } from '../rules/places.js';

export function rosterPlaces(cadres: readonly Cadre[]): Problem[] {
  // One place per person and ballot type, for people with an id (the one way to follow a person).
  const places = [...new Map(cadres.filter((c) => c.id !== null).map((c) => [`${(c.id as string).toLocaleLowerCase('vi')}\u0000${c.ballotType}`, c])).values()];
  return overPlaces(places, (c) => (c.id as string).toLocaleLowerCase('vi')).map((over) => {
    const first = over[0] as Cadre;
    return problem('too-many-places', 'error', first.location, { name: first.name, places: over.map((c) => c.ballotType), max: MAX_PLACES }, first.id ?? '');
  });
}
