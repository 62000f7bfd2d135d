// A digest of the normalised inputs: what was read after decoding, independent of file format,
// cell formatting and ballot order. `tally check` compares it with a summary's audit sheet.
import { createHash } from 'node:crypto';
import type { Session } from './session.js';
import type { Cadre } from './types.js';

/**
 * Roster, session values, each ballot type's ballot hashes (sorted, so row order does not
 * matter; see count/type-tally.ts) and the counting committee's decisions.
 */
export function inputDigest(
  cadres: readonly Cadre[],
  session: Session,
  ballotHashes: readonly (readonly [string, readonly string[]])[],
  decisions: readonly (readonly string[])[] = [],
): string {
  const hash = createHash('sha256');
  hash.update(JSON.stringify([
    cadres.map((c) => [c.id, c.stt, c.name, c.position, c.unit, c.ballotType, c.excluded]),
    [session.title, session.body, session.place, session.date, session.round, session.regime, session.denominator, session.strict, session.countingCommittee, session.classification, session.counts],
    [...decisions].map((d) => d.join('\u0000')).sort(),
  ]));
  for (const [type, hashes] of [...ballotHashes].sort((a, b) => compare(a[0], b[0]))) {
    hash.update(`\u0002${type}\u0002`);
    for (const h of [...hashes].sort(compare)) hash.update(h);
  }
  return hash.digest('hex');
}

const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
