// Whether every decision of the counting committee found its line (SPEC §2.5).
import type { Adjudication, AppliedAdjudication } from '../model/adjudication.js';
import { problem, type Problem } from '../model/problem.js';

/**
 * Decisions that matched no line, or lines in several ballot types (give a type then). A
 * decision set aside as a repeat of an earlier row (`repeats`: repeat → earlier) is already
 * reported; it matches when the earlier one does.
 */
export function unmatchedAdjudications(
  adjudications: readonly Adjudication[],
  applied: readonly AppliedAdjudication[],
  repeats: ReadonlyMap<Adjudication, Adjudication> = new Map(),
): Problem[] {
  const out: Problem[] = [];
  for (const a of adjudications) {
    if (repeats.has(a)) continue;
    const uses = applied.filter((x) => x.source === a);
    const types = new Set(uses.map((u) => u.ballotType));
    if (uses.length === 0) out.push(problem('adjudication-unmatched', 'error', a.location, { ballot: a.ballot, cadre: a.cadreText }));
    else if (types.size > 1) out.push(problem('bad-adjudication', 'error', a.location, { hint: 'ambiguous-ballot', ballot: a.ballot, cadre: a.cadreText }));
  }
  return out;
}
