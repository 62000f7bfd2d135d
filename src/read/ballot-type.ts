// Which ballot type a sheet of ballots holds (SPEC §2.4): its sheet name ("Phiếu <code>"),
// else a ballot_type column, else the type whose leaders it names. One sheet, one type.
import { problem, type Problem } from '../model/problem.js';
import type { Location } from '../model/types.js';
import { fold } from '../model/fold.js';
import type { Roster } from '../model/roster-index.js';
import { DEFAULT_BALLOT_TYPE } from '../model/types.js';
import { ballotSheetType } from './vocabulary.js';

export interface TypeEvidence {
  readonly sheetName: string | null;
  /** Distinct non-empty values of a ballot_type column, with where the column is. */
  readonly columnValues: { readonly values: readonly string[]; readonly location: Location } | null;
  /** Leader headers (wide) or leader cells (long) to find the type by. */
  readonly leaderTexts: readonly string[];
  readonly location: Location;
}

export function decideBallotType(roster: Roster, e: TypeEvidence, problems: Problem[]): string {
  const single = roster.types.length <= 1 ? (roster.types[0] ?? DEFAULT_BALLOT_TYPE) : null;
  const known = (v: string) => roster.types.find((t) => fold(t) === fold(v));
  const named = e.sheetName === null ? null : (ballotSheetType(e.sheetName)?.ballotType ?? null);
  // A page number after the name ("Phiếu A (2)", "Phiếu (2)"): a further sheet of that type,
  // or of the type its other evidence gives.
  const page = named?.replace(/\s*\(\d{1,3}\)$/u, '') ?? null;
  const fromSheet = named === null || known(named) !== undefined ? named : page === '' ? null : page;
  if (fromSheet !== null) {
    const k = known(fromSheet);
    if (k !== undefined) return k;
    if (single !== null) return single;
    problems.push(problem('unknown-ballot-type', 'error', e.location, { types: [...roster.types] }, fromSheet));
    return fromSheet;
  }
  if (e.columnValues !== null && e.columnValues.values.length > 0) {
    const { values, location } = e.columnValues;
    if (values.length > 1) problems.push(problem('mixed-ballot-types', 'error', location, { types: [...values] }));
    const v = values[0] as string;
    const k = known(v);
    if (k !== undefined) return k;
    problems.push(problem('unknown-ballot-type', 'error', location, { types: [...roster.types] }, v));
    return v;
  }
  if (single !== null) return single;
  const best = roster.bestType(e.leaderTexts);
  if (best === null) {
    problems.push(problem('mixed-ballot-types', 'error', e.location, { types: [...roster.types] }));
    return DEFAULT_BALLOT_TYPE;
  }
  return best;
}
