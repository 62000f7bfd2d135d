// A digest of the normalised inputs: what was read after decoding, independent of file format,
// cell formatting and ballot order. `tally check` compares it with a summary's audit sheet.
import { createHash } from 'node:crypto';
import type { Ballot, Cadre } from './types.js';
import type { Session } from './session.js';

export function inputDigest(cadres: readonly Cadre[], session: Session, ballots: readonly Ballot[], decisions: readonly (readonly string[])[] = []): string {
  const canonicalBallots = ballots
    .map((b) => [b.ballotType, b.number, b.voidReason, cadres.map((c) => reading(b, c.key))])
    .sort((x, y) => compare(`${x[0]}\u0000${x[1]}`, `${y[0]}\u0000${y[1]}`));
  const canonical = {
    cadres: cadres.map((c) => [c.id, c.stt, c.name, c.position, c.unit, c.ballotType, c.excluded]),
    session: [session.title, session.body, session.place, session.date, session.round, session.regime, session.denominator, session.strict, session.countingCommittee, session.classification, session.counts],
    ballots: canonicalBallots,
    decisions: [...decisions].map((d) => [...d]).sort((a, b) => compare(a.join('\u0000'), b.join('\u0000'))),
  };
  return createHash('sha256').update(JSON.stringify(canonical)).digest('hex');
}

function reading(b: Ballot, key: number): string | null {
  const r = b.lines.get(key);
  if (r === undefined) return null;
  return r.kind === 'mark' ? r.level : r.kind === 'invalid' ? r.reason : `undecided:${r.fills.join('/')}`;
}

const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
