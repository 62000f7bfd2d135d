// The round summary as one JSON document (`--json`, `-o x.json`): documented in the README.
// Percentages with a decimal point, exact and rounded half up as everywhere else.
import { hundredthsToNumber } from '../model/exact.js';
import { jsonText } from '../model/text-as-data.js';
import type { Problem } from '../model/problem.js';
import { cellRef, problemMessage } from '../text/messages.js';
import { REGIMES, type BandRule } from '../rules/regimes.js';
import { actionWords, bandHeads, bandWords, incompleteLine, statusText, type RoundContext } from './words.js';
import type { RoundLeader } from './round.js';

export function roundJson(ctx: RoundContext): string {
  return [...roundJsonParts(ctx)].join('');
}

/**
 * The document's text piece by piece, exactly as JSON.stringify(doc, null, 2) writes it whole:
 * the lists one item at a time, so a national round (60,000 leaders) is never held as a tree of
 * objects and a text besides.
 */
export function* roundJsonParts(ctx: RoundContext): Generator<string> {
  const { round, lang } = ctx;
  const problemJson = (p: Problem) => ({ severity: p.severity, code: p.code, message: problemMessage(p, lang), file: p.location.file ?? null, sheet: p.location.sheet ?? null, cell: cellRef(p.location), row: p.location.row ?? null, ...(Array.isArray(p.params['places']) ? { places: p.params['places'] } : {}) });
  const leader = (l: RoundLeader) => ({
    unit: l.unit,
    session: l.session,
    id: l.id,
    stt: l.stt,
    name: l.name,
    position: l.position,
    ballotType: l.ballotType,
    high: l.high,
    confidence: l.confidence,
    low: l.low,
    valid: l.valid,
    invalid: l.invalid,
    denominator: l.denominator,
    percent: l.percent === null ? null : { high: hundredthsToNumber(l.percent.high), confidence: hundredthsToNumber(l.percent.confidence), low: hundredthsToNumber(l.percent.low) },
    band: l.band,
    bandLabel: l.band === null || l.band === 'none' ? null : bandWords(l.regime, l.band, lang),
    flagged: l.flagged,
    notes: l.notes,
    regime: l.regime,
    action: l.flagged ? actionWords(l.regime, l.band, lang) : null,
  });
  const doc: Record<string, unknown> = {
    round: {
      round: round.round,
      complete: round.complete,
      incomplete: incompleteLine(round, lang),
      regimes: round.regimes,
      convention: round.convention,
      totals: round.totals,
      // What the totals' bands are called, and each regime's thresholds behind them.
      bandWords: bandHeads(round, lang, 'label'),
      thresholds: round.regimes.map((id) => {
        const r = REGIMES[id];
        const rule = (b: BandRule | null) => (b === null ? null : { label: b.label[lang], threshold: b.threshold, action: b.action[lang] });
        return { regime: id, instrument: r.instrument[lang], citation: r.citation[lang], review: rule(r.review), dismissal: rule(r.dismissal) };
      }),
    },
  };
  const lists: Record<string, Iterable<unknown>> = {
    units: lazyMap(round.sessions, (s) => ({
      unit: s.unit,
      session: s.label,
      status: s.valid ? 'valid' : 'invalid',
      statusText: statusText(s, lang),
      recheck: s.recheck,
      expected: s.expected,
      title: s.title,
      date: s.date,
      round: s.round,
      regime: s.regime,
      convened: s.convened,
      present: s.present,
      ballotTypes: s.types.map((t) => ({
        id: t.id,
        convened: t.convened,
        present: t.present,
        quorum: { required: t.quorumRequired, met: t.quorumMet },
        issued: t.issued,
        returned: t.returned,
        validBallots: t.validBallots,
        voidBallots: t.voidBallots,
        denominator: t.denominator,
      })),
      leaders: s.leaders,
      bands: s.bands,
      // The first problems, errors first, and how many there were in all.
      problems: s.problems.map(problemJson),
      problemTotal: s.problemTotal,
    })),
    missingUnits: round.missing,
    leaders: lazyMap(round.leaders, leader),
    flagged: lazyMap(round.flagged, leader),
    files: round.files,
    problems: lazyMap(round.problems, problemJson),
  };
  // Nested text indented as JSON.stringify indents it at this depth (no raw line feed is inside a string).
  const at = (value: unknown, pad: string) => jsonText(JSON.stringify(value, null, 2).replaceAll('\n', `\n${pad}`));
  yield `{\n  "round": ${at(doc['round'], '  ')}`;
  for (const [key, items] of Object.entries(lists)) {
    yield `,\n  ${JSON.stringify(key)}: `;
    let first = true;
    for (const item of items) {
      yield `${first ? '[' : ','}\n    ${at(item, '    ')}`;
      first = false;
    }
    yield first ? '[]' : '\n  ]';
  }
  yield '\n}\n';
}

function* lazyMap<T, U>(items: readonly T[], f: (t: T) => U): Generator<U> {
  for (const t of items) yield f(t);
}
