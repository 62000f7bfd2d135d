// Recorded figures against the recount: every difference, recorded value first, in a stable
// order (recount order of leaders; then identity, the counts, their shares, valid, invalid,
// issued, returned, band; then recorded rows that match nobody). An empty recorded figure is a
// difference; a share agrees when the exact share, rounded half up to the decimals recorded,
// equals it.
import type { Band, Cadre, Level } from '../model/types.js';
import type { BallotTypeResult, CadreResult } from '../rules/evaluate.js';
import type { Decimal } from '../model/decimal.js';
import { roundedShare } from '../model/exact.js';
import { caseFold, fold } from '../model/fold.js';
import { xmlText } from '../model/text-as-data.js';
import type { Recorded, RecordedLeader } from './recorded.js';
import type { CountField, Field, OtherBasis } from '../model/check.js';



export interface Difference {
  /** Which record: its label (a file, or a workbook's sheet). */
  readonly record: string;
  readonly leader: string;
  readonly ballotType: string;
  readonly field: Field;
  /**
   * Counts as numbers; shares as decimal text in percent units with a point, at the
   * precision recorded ("53.2"); band as its code; identity as "id · name"; null = empty or
   * absent.
   */
  readonly recorded: number | string | null;
  readonly recount: number | string | null;
  /** A share that matches when computed on another basis. */
  readonly matches?: BasisMatch;
}

export interface BasisMatch {
  readonly basis: OtherBasis;
  readonly value: number;
}

const LEVELS: readonly Level[] = ['high', 'confidence', 'low'];


export function decimalText(d: Decimal): string {
  const digits = d.num.toString().padStart(d.scale + 1, '0');
  return d.scale === 0 ? digits : `${digits.slice(0, -d.scale)}.${digits.slice(-d.scale)}`;
}

/**
 * A name or id as a record holds it: a workbook written by tally shows a control in a name as its
 * code point (model/text-as-data.ts), so the recount's name is compared in that form too.
 */
const recorded = (text: string) => caseFold(xmlText(text));

/** Which leader a recorded row names, by id, else name, else STT; and whether its names agree. */
function identify(r: RecordedLeader, cadres: readonly Cadre[]): { cadre: Cadre | null; contradicts: boolean } {
  const byId = r.id === null ? undefined : cadres.find((c) => c.id !== null && recorded(c.id) === recorded(r.id as string));
  let byName: Cadre | undefined;
  if (r.name !== null) {
    byName = cadres.find((c) => recorded(c.name) === recorded(r.name as string));
    // A name typed without diacritics names someone only when that is unique.
    if (byName === undefined) {
      const loose = cadres.filter((c) => fold(xmlText(c.name)) === fold(xmlText(r.name as string)));
      if (loose.length === 1) byName = loose[0];
    }
  }
  const bySttOnly = r.id === null && r.name === null && r.stt !== null ? cadres.find((c) => c.stt === r.stt) : undefined;
  const cadre = byId ?? byName ?? bySttOnly ?? null;
  // An id of one person with the name of another, or of nobody, is not a pass.
  let contradicts = false;
  if (r.id !== null && r.name !== null && (byId !== undefined || byName !== undefined)) contradicts = byId !== byName;
  return { cadre, contradicts };
}

const identityText = (id: string | null, name: string | null) => [id, name].filter((x) => x !== null).join(' · ');

export function compareRecorded(types: readonly BallotTypeResult[], recorded: Recorded): Difference[] {
  const out: Difference[] = [];
  const record = recorded.label;
  const several = types.length > 1;
  // Each recorded row is matched once, to the leader it names (within its ballot type).
  const matchOf = new Map<Cadre, RecordedLeader>();
  const unmatched: RecordedLeader[] = [];
  const contradictions = new Set<RecordedLeader>();
  for (const r of recorded.leaders) {
    const pool = types.filter((t) => !several || r.ballotType === null || caseFold(r.ballotType) === caseFold(t.id)).flatMap((t) => t.cadres.map((c) => c.cadre));
    const { cadre, contradicts } = identify(r, pool);
    if (cadre === null || matchOf.has(cadre)) {
      unmatched.push(r);
      continue;
    }
    matchOf.set(cadre, r);
    if (contradicts) contradictions.add(r);
  }
  for (const t of types) {
    for (const result of t.cadres) {
      const leader = result.cadre.name;
      const r = matchOf.get(result.cadre);
      if (r === undefined) {
        out.push({ record, leader, ballotType: t.id, field: 'leader', recorded: null, recount: leader });
        continue;
      }
      if (contradictions.has(r)) out.push({ record, leader, ballotType: t.id, field: 'identity', recorded: identityText(r.id, r.name), recount: identityText(result.cadre.id, result.cadre.name) });
      out.push(...fieldDifferences(r, result, t, record));
    }
  }
  for (const r of unmatched) {
    const name = r.name ?? r.id ?? (r.stt === null ? '' : String(r.stt));
    out.push({ record, leader: name, ballotType: r.ballotType ?? '', field: 'leader', recorded: identityText(r.id, r.name) || name, recount: null });
  }
  return out;
}

function fieldDifferences(r: RecordedLeader, c: CadreResult, t: BallotTypeResult, record: string): Difference[] {
  const out: Difference[] = [];
  const base = { record, leader: c.cadre.name, ballotType: t.id };
  const count = (field: CountField, recount: number) => {
    const v = r.counts[field];
    if (v === undefined) return;
    if (v === 'empty' || v !== recount) out.push({ ...base, field, recorded: v === 'empty' ? null : v, recount });
  };
  for (const level of LEVELS) count(level, c[level]);
  for (const level of LEVELS) {
    const v = r.percent[level];
    if (v === undefined) continue;
    const T = c.denominator;
    const scale = v === 'empty' ? 2 : Math.max(v.scale, 2);
    const recount = T === null || T === 0 ? null : decimalText({ num: roundedShare(c[level], T, scale), scale });
    if (v === 'empty') {
      if (recount !== null) out.push({ ...base, field: `${level}_pct`, recorded: null, recount });
      continue;
    }
    if (T !== null && T > 0 && roundedShare(c[level], T, v.scale) === v.num) continue;
    const matches = otherBasis(v, c, t, level);
    out.push({ ...base, field: `${level}_pct`, recorded: decimalText(v), recount, ...(matches === null ? {} : { matches }) });
  }
  count('valid', c.valid);
  count('invalid', c.invalid);
  count('issued', t.issued);
  count('returned', t.returned);
  if (r.band !== undefined && r.band !== c.band) out.push({ ...base, field: 'band', recorded: r.band === 'empty' ? null : r.band, recount: c.band as Band | null });
  return out;
}

/** The first other denominator on which the recorded share is right, if any. */
function otherBasis(v: Decimal, c: CadreResult, t: BallotTypeResult, level: Level): BasisMatch | null {
  const candidates: [OtherBasis, number][] = [['returned', t.returned], ['issued', t.issued], ['present', t.present], ['convened', t.convened], ['valid-ballots', t.validBallots], ['leader-valid', c.valid]];
  for (const [basis, value] of candidates) {
    if (value <= 0 || value === c.denominator) continue;
    if (roundedShare(c[level], value, v.scale) === v.num) return { basis, value };
  }
  return null;
}
