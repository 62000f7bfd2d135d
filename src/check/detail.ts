// A session's full figures, for the round summary (`tally summary`): what `check` keeps of a
// session is what comparing needs; the summary asks for more, and gets it from the same
// re-tally in the same worker. Plain data (it crosses worker threads).
import type { InputFile } from '../model/inputs.js';
import type { DenominatorBasis, RegimeId } from '../model/types.js';
import type { CadreResult } from '../rules/evaluate.js';
import type { TallyOutcome } from '../tally.js';

export interface TypeDetail {
  readonly id: string;
  readonly convened: number;
  readonly present: number;
  readonly quorumRequired: number;
  readonly quorumMet: boolean;
  readonly issued: number;
  readonly returned: number;
  readonly validBallots: number;
  readonly voidBallots: number;
  readonly denominator: { readonly basis: DenominatorBasis; readonly value: number | null };
}

/** A leader's result as the rules gave it, with the person's fields beside it (no Cadre object). */
export interface LeaderDetail extends Pick<CadreResult, 'high' | 'confidence' | 'low' | 'valid' | 'invalid' | 'denominator' | 'percent' | 'band' | 'flagged' | 'notes'> {
  readonly id: string | null;
  readonly stt: number | null;
  readonly name: string;
  readonly position: string;
  readonly ballotType: string;
}

export interface SessionDetail {
  readonly title: string | null;
  readonly body: string | null;
  readonly parentBody: string | null;
  readonly place: string | null;
  readonly classification: string | null;
  readonly regime: RegimeId;
  readonly convened: number | null;
  readonly present: number | null;
  /** Every input file read, with its SHA-256. */
  readonly files: readonly InputFile[];
  /** Empty when the session gave no result. */
  readonly types: readonly TypeDetail[];
  readonly leaders: readonly LeaderDetail[];
}

export function sessionDetail(outcome: TallyOutcome, withResult: boolean): SessionDetail {
  const { session } = outcome;
  const types = withResult ? (outcome.ballotTypes ?? []) : [];
  return {
    title: session.title,
    body: session.body,
    parentBody: session.parentBody,
    place: session.place,
    classification: session.classification,
    regime: session.regime,
    convened: session.counts.convened,
    present: session.counts.present,
    files: outcome.files.map((f) => ({ path: f.path, sha256: f.sha256, role: f.role })),
    types: types.map((t) => ({
      id: t.id,
      convened: t.convened,
      present: t.present,
      quorumRequired: t.quorum.required,
      quorumMet: t.quorum.met,
      issued: t.issued,
      returned: t.returned,
      validBallots: t.validBallots,
      voidBallots: t.voidBallots,
      denominator: t.denominator,
    })),
    leaders: types.flatMap((t) =>
      t.cadres.map((c) => ({
        id: c.cadre.id,
        stt: c.cadre.stt,
        name: c.cadre.name,
        position: c.cadre.position,
        ballotType: t.id,
        high: c.high,
        confidence: c.confidence,
        low: c.low,
        valid: c.valid,
        invalid: c.invalid,
        denominator: c.denominator,
        percent: c.percent,
        band: c.band,
        flagged: c.flagged,
        notes: c.notes,
      })),
    ),
  };
}
