// A digest of the normalised inputs: what was read after decoding, independent of file format
// and cell formatting. `tally check` compares it with a summary's audit sheet.
import { createHash } from 'node:crypto';
import type { Session } from './session.js';
import type { Cadre } from '../model/types.js';

/** Roster, session values, each ballot type's ballot digest (count/type-tally.ts) and the decisions. */
export function inputDigest(
  cadres: readonly Cadre[],
  session: Session,
  ballotDigests: readonly (readonly [string, string])[],
  decisions: readonly (readonly string[])[] = [],
): string {
  return createHash('sha256')
    .update(
      JSON.stringify([
        cadres.map((c) => [c.id, c.stt, c.name, c.position, c.unit, c.ballotType, c.excluded]),
        [session.title, session.body, session.place, session.date, session.round, session.regime, session.denominator, session.strict, session.countingCommittee, session.classification, session.counts],
        [...ballotDigests].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0)),
        [...decisions].map((d) => d.join('\u0000')).sort(),
      ]),
    )
    .digest('hex');
}
