// Recorded figures against the recount: every difference, recorded value first, in a stable
// order (recount order of leaders, then high, confidence, low, their shares, band).
import type { Band, Cadre, Level } from '../model/types.js';
import type { BallotTypeResult, CadreResult } from '../rules/evaluate.js';
import { caseFold } from '../text/fold.js';
import type { Recorded, RecordedLeader } from './recorded.js';

export type Field = Level | 'high_pct' | 'confidence_pct' | 'low_pct' | 'band' | 'leader';

export interface Difference {
  readonly leader: string;
  readonly ballotType: string;
  readonly field: Field;
  /** Counts as numbers, shares as hundredths of a percent, band as its code; null = absent. */
  readonly recorded: number | string | null;
  readonly recount: number | string | null;
}

const LEVELS: readonly Level[] = ['high', 'confidence', 'low'];

function matches(r: RecordedLeader, c: Cadre, several: boolean): boolean {
  if (several && r.ballotType !== null && caseFold(r.ballotType) !== caseFold(c.ballotType)) return false;
  if (r.id !== null && c.id !== null) return caseFold(r.id) === caseFold(c.id);
  if (r.name !== null) return caseFold(r.name) === caseFold(c.name);
  return r.stt !== null && r.stt === c.stt;
}

export function compareRecorded(types: readonly BallotTypeResult[], recorded: Recorded): Difference[] {
  const out: Difference[] = [];
  const several = types.length > 1;
  const used = new Set<RecordedLeader>();
  for (const t of types) {
    for (const result of t.cadres) {
      const r = recorded.leaders.find((x) => !used.has(x) && matches(x, result.cadre, several));
      const leader = result.cadre.name;
      if (r === undefined) {
        out.push({ leader, ballotType: t.id, field: 'leader', recorded: null, recount: leader });
        continue;
      }
      used.add(r);
      out.push(...fieldDifferences(r, result, t.id));
    }
  }
  for (const r of recorded.leaders) {
    if (!used.has(r)) out.push({ leader: r.name ?? r.id ?? String(r.stt ?? ''), ballotType: r.ballotType ?? '', field: 'leader', recorded: r.name ?? r.id ?? String(r.stt ?? ''), recount: null });
  }
  return out;
}

function fieldDifferences(r: RecordedLeader, c: CadreResult, ballotType: string): Difference[] {
  const out: Difference[] = [];
  const leader = c.cadre.name;
  for (const level of LEVELS) {
    const v = r.counts[level];
    if (v !== undefined && v !== c[level]) out.push({ leader, ballotType, field: level, recorded: v, recount: c[level] });
  }
  for (const level of LEVELS) {
    const v = r.percent[level];
    const recount = c.percent?.[level] ?? null;
    if (v !== undefined && v !== recount) out.push({ leader, ballotType, field: `${level}_pct`, recorded: v, recount });
  }
  if (r.band !== null && r.band !== c.band) out.push({ leader, ballotType, field: 'band', recorded: r.band, recount: c.band as Band | null });
  return out;
}
