// Quy định 96, principle 3: one person is voted on in at most two places (sessions, or
// ballot types of one session) in one round. Stated once, for a roster and for a round.

export const MAX_PLACES = 2;

/**
 * The places of each person where there are more than MAX_PLACES, in the order given. `person`
 * says whose a place is (null: nobody to follow, as a roster entry without an id).
 */
export function overPlaces<P>(places: readonly P[], person: (p: P) => string | null): P[][] {
  const byPerson = new Map<string, P[]>();
  for (const p of places) {
    const k = person(p);
    if (k === null) continue;
    const list = byPerson.get(k);
    if (list === undefined) byPerson.set(k, [p]);
    else list.push(p);
  }
  return [...byPerson.values()].filter((list) => list.length > MAX_PLACES);
}
