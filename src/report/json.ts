// The JSON document of SPEC §3. Key names are a contract: change none, add with care.
import { INVALID_REASONS, type InvalidReason, type LineReading } from '../model/types.js';
import { hundredthsToNumber } from '../model/exact.js';
import { jsonText } from '../model/text-as-data.js';
import type { TallyOutcome } from '../tally.js';
import type { Lang } from '../text/lang.js';
import { cellRef, problemMessage } from '../text/messages.js';
import { bandAction, bandLabel } from './format.js';

export function jsonDocument(outcome: TallyOutcome, lang: Lang): Record<string, unknown> {
  const { session, regime } = outcome;
  const { convened, present, issued, returned } = session.counts;
  const { quorum } = outcome;
  const types = outcome.ballotTypes ?? [];
  const nameOf = new Map(outcome.cadres.map((c) => [c.key, c]));
  return {
    session: {
      title: session.title,
      body: session.body,
      place: session.place,
      date: session.date,
      round: session.round,
      regime: session.regime,
      convened,
      present,
      issued,
      returned,
      quorum: quorum === null ? null : { required: quorum.required, met: quorum.met, byAnalogy: regime.quorumByAnalogy },
      strict: session.strict,
      countingCommittee: session.countingCommittee,
      classification: session.classification,
    },
    ballotTypes: types.map((t) => ({
      id: t.id,
      convened: t.convened,
      present: t.present,
      issued: t.issued,
      returned: t.returned,
      voidBallots: t.voidBallots,
      validBallots: t.validBallots,
      denominator: { basis: t.denominator.basis, value: t.denominator.value },
      voided: t.count.voidBallots.map((v) => ({
        ballot: v.ballot,
        reason: v.reason,
        ...(v.strictCause === undefined ? {} : { strictCause: { cadre: nameOf.get(v.strictCause.cadreKey)?.name ?? null, reason: v.strictCause.reason } }),
      })),
      // Filled in as text by renderJson: a large file can have many invalid lines.
      invalidLines: [],
    })),
    cadres: types.flatMap((t) =>
      t.cadres.map((r) => ({
        id: r.cadre.id,
        stt: r.cadre.stt,
        name: r.cadre.name,
        position: r.cadre.position,
        unit: r.cadre.unit,
        ballotType: t.id,
        high: r.high,
        confidence: r.confidence,
        low: r.low,
        valid: r.valid,
        invalid: r.invalid,
        invalidByReason: Object.fromEntries(INVALID_REASONS.map((k: InvalidReason) => [k, r.invalidByReason[k]])),
        denominator: r.denominator,
        percent:
          r.percent === null
            ? null
            : { high: hundredthsToNumber(r.percent.high), confidence: hundredthsToNumber(r.percent.confidence), low: hundredthsToNumber(r.percent.low) },
        band: r.band,
        bandLabel: bandLabel(regime, r.band, lang),
        flagged: r.flagged,
        notes: r.notes,
        action: bandAction(regime, r.band, lang),
      })),
    ),
    problems: outcome.problems.map((p) => ({
      severity: p.severity,
      code: p.code,
      message: problemMessage(p, lang),
      file: p.location.file ?? null,
      sheet: p.location.sheet ?? null,
      cell: cellRef(p.location),
      row: p.location.row ?? null,
      column: p.location.column ?? null,
      ballot: p.location.ballot ?? null,
      value: p.value ?? null,
    })),
    adjudications: outcome.adjudications.map((a) => ({
      ballotType: a.ballotType,
      ballot: a.ballot,
      cadre: a.cadre.name,
      id: a.cadre.id,
      before: readingCode(a.before),
      decision: readingCode(a.decision),
      decidedBy: a.decidedBy,
    })),
    rows: outcome.rows.map((r) => ({
      file: r.file,
      sheet: r.sheet,
      layout: r.layout,
      rowsRead: r.rowsRead,
      countedRows: r.countedRows,
      ballots: r.ballots,
      rowsWithErrors: r.rowsWithErrors,
      nonBallot: r.nonBallot,
      rejected: r.rejected,
    })),
  };
}

export function renderJson(outcome: TallyOutcome, lang: Lang): string {
  const text = JSON.stringify(jsonDocument(outcome, lang), null, 2);
  // Each ballot type's invalid lines, one object per line, written without building them all.
  const names = new Map(outcome.cadres.map((c) => [c.key, JSON.stringify(c.name)]));
  let type = 0;
  const out = text.replace(/"invalidLines": \[\]/g, () => {
    const lines = outcome.ballotTypes?.[type++]?.count.invalidLines ?? [];
    if (lines.length === 0) return '"invalidLines": []';
    const parts = lines.map((l) => `        {"ballot": ${JSON.stringify(l.ballot)}, "cadre": ${names.get(l.cadreKey) ?? 'null'}, "reason": "${l.reason}"}`);
    return `"invalidLines": [\n${parts.join(',\n')}\n      ]`;
  });
  // Bidirectional and C1 controls as \u escapes: the same data, harmless when printed.
  return `${jsonText(out)}\n`;
}

/** A line reading as one stable code: a level, an invalid reason, or "undecided". */
function readingCode(r: LineReading): string {
  return r.kind === 'mark' ? r.level : r.kind === 'invalid' ? r.reason : 'undecided';
}
