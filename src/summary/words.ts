// What every format of the round summary says the same way: the heading and signature blocks,
// what is incomplete, a session's status, a leader's band and action under its session's regime.
import type { Band, RegimeId } from '../model/types.js';
import { MAX_PLACES } from '../rules/places.js';
import { REGIME_LIST, REGIMES, bandRule, type Regime } from '../rules/regimes.js';
import { documentHeading, type DocumentHeading, type HeadingFields } from '../report/document.js';
import { bandAction, bandLabel } from '../report/format.js';
import { DOCUMENT_TEXT, DOTS } from '../text/documents.js';
import type { Lang } from '../text/lang.js';
import { locationText, problemMessage } from '../text/messages.js';
import type { Problem } from '../model/problem.js';
import { SUMMARY_TEXT } from '../text/summary.js';
import type { Round, RoundSession } from './round.js';

/** The report's own heading values: from the command line (the board writes the report). */
export interface ReportHeader extends HeadingFields {
  /** The subject under the document type; by default "Lấy phiếu tín nhiệm … năm <round>". */
  readonly title: string | null;
  /** The name under the signature; dots to write it in. */
  readonly signer: string | null;
}

export interface RoundContext {
  readonly round: Round;
  readonly header: ReportHeader;
  readonly lang: Lang;
  readonly version: string;
}

export interface RoundSignature {
  readonly authority: string;
  readonly title: string;
  readonly name: string;
  readonly recipientsTitle: string;
  readonly recipients: readonly string[];
}

export function roundHeading(ctx: RoundContext): DocumentHeading {
  const S = SUMMARY_TEXT[ctx.lang];
  const h = { ...ctx.header, classification: ctx.header.classification ?? ctx.round.classification };
  return documentHeading(h, { convention: ctx.round.convention }, ctx.lang, {
    type: S.reportType,
    subject: ctx.header.title ?? S.subject(ctx.round.round),
    // Báo cáo of the organisation board (Party), of the People's Council's standing body (State).
    symbol: { party: 'BC/BTC', state: 'BC-HĐND' },
  });
}

export function roundSignature(ctx: RoundContext): RoundSignature {
  const S = SUMMARY_TEXT[ctx.lang];
  const c = ctx.round.convention;
  return {
    authority: `${DOCUMENT_TEXT[ctx.lang].onBehalf(c)} ${S.authority[c]}`,
    title: S.signerTitle[c],
    name: ctx.header.signer ?? DOTS,
    recipientsTitle: S.recipients,
    recipients: S.recipientLines[c],
  };
}

/** "Báo cáo chưa đầy đủ: 1 hội nghị không hợp lệ (…); …", or null for a complete round. */
export function incompleteLine(round: Round, lang: Lang): string | null {
  if (round.complete) return null;
  const S = SUMMARY_TEXT[lang];
  const invalid = round.sessions.filter((s) => !s.valid);
  const parts = [
    invalid.length > 0 ? S.incompleteParts.invalid(invalid.length, invalid.map((s) => s.unit)) : null,
    round.missing.length > 0 ? S.incompleteParts.missing(round.missing.length, round.missing) : null,
    round.overPlaces.length > 0 ? S.incompleteParts.places(round.overPlaces.length, round.overPlaces, MAX_PLACES) : null,
  ].filter((p): p is string => p !== null);
  return `${S.incomplete}: ${parts.join('; ')}.`;
}

/**
 * Each breach of the two-places rule, as its problem says it: the person and every place, named by
 * unit (SPEC §4: places are named by unit on every report).
 */
export function breachLines(round: Round, lang: Lang): string[] {
  return round.problems.filter((p) => p.code === 'too-many-places').map((p) => problemMessage(p, lang));
}

/** A session's status in words: valid, invalid with its first problem, and whether it was expected. */
export function statusText(s: RoundSession, lang: Lang): string {
  const S = SUMMARY_TEXT[lang];
  const main = s.valid ? (s.recheck === 'differs' || s.recheck === 'inputs changed' ? `${S.status.valid}; ${S.status.differs.toLocaleLowerCase(lang)}` : S.status.valid) : `${S.status.invalid}${s.problems[0] === undefined ? '' : `: ${located(s.problems[0], lang)}`}`;
  return s.expected === false ? `${main} (${S.status.unexpected.toLocaleLowerCase(lang)})` : main;
}

/** A problem with where it is in the session (the session itself is named beside it). */
function located(p: Problem, lang: Lang): string {
  const { file: _file, ...rest } = p.location;
  const where = locationText(rest, lang);
  return `${where === '' ? '' : `${where}: `}${problemMessage(p, lang)}`;
}

/** The band in words under the regime; "—" for no band (never "Không"). */
export function bandWords(regime: RegimeId, band: Band | null, lang: Lang): string {
  return bandLabel(REGIMES[regime], band, lang) ?? '—';
}

export function actionWords(regime: RegimeId, band: Band | null, lang: Lang): string {
  return bandAction(REGIMES[regime], band, lang) ?? '';
}

/** "Quy định 96-QĐ/TW (2023)", several joined. */
/**
 * The round's totals as the reports list them: the counts of units and sessions (those that do
 * not apply left out), then the leaders in each band.
 */
export function totalLines(round: Round, lang: Lang): { readonly counts: readonly [string, number][]; readonly bands: readonly [string, number][] } {
  const S = SUMMARY_TEXT[lang];
  const t = round.totals;
  const listed = t.unitsExpected !== null;
  const counts: [string, number | null][] = [
    [S.totals.unitsExpected, t.unitsExpected],
    [S.totals.units, t.units],
    [S.totals.sessions, t.sessions],
    [S.totals.validSessions, t.validSessions],
    [S.totals.invalidSessions, t.invalidSessions],
    [S.totals.missingUnits, listed ? t.missingUnits : null],
    [S.totals.unexpectedUnits, listed ? t.unexpectedUnits : null],
    [S.totals.leaders, t.leaders],
  ];
  return {
    counts: counts.filter((c): c is [string, number] => c[1] !== null),
    bands: (['none', 'review', 'dismissal'] as const).map((b) => [bandHeads(round, lang, 'label')[b], t[b]]),
  };
}

/** The regimes whose bands the round counts: its valid sessions', else the default's. */
function roundRegimes(round: Round): readonly Regime[] {
  return round.regimes.length === 0 ? [REGIME_LIST[0] as Regime] : round.regimes.map((r) => REGIMES[r]);
}

/** A regime's words for a band in full (`label`) or in a column header (`short`); null when it has no such band. */
function bandText(regime: Regime, band: Band, lang: Lang, form: 'label' | 'short'): string | null {
  if (band === 'none') return regime.below[lang];
  return bandRule(regime, band)?.[form][lang] ?? null;
}

export interface BandHeads {
  readonly none: string;
  readonly review: string;
  readonly dismissal: string;
}

/**
 * What a column or total of each band is called: the regime's own words when every regime of
 * the round words that band alike (one regime, or several with the same thresholds), else the
 * band by what it is — lower, upper — and the legend names each regime's thresholds.
 */
export function bandHeads(round: Round, lang: Lang, form: 'label' | 'short'): BandHeads {
  const head = (band: Band) => {
    const words = new Set(roundRegimes(round).map((r) => bandText(r, band, lang, form)));
    const only = words.size === 1 ? [...words][0] : null;
    return only ?? SUMMARY_TEXT[lang].bandNames[band];
  };
  return { none: head('none'), review: head('review'), dismissal: head('dismissal') };
}

/** Each regime's thresholds and the units under it, when the band heads cannot say them; else nothing. */
export function thresholdLegend(round: Round, lang: Lang): readonly string[] {
  const S = SUMMARY_TEXT[lang];
  const regimes = roundRegimes(round);
  const alike = (['none', 'review', 'dismissal'] as const).every((b) => (['label', 'short'] as const).every((f) => new Set(regimes.map((r) => bandText(r, b, lang, f))).size === 1 && bandText(regimes[0] as Regime, b, lang, f) !== null));
  if (alike) return [];
  return [
    S.legendTitle,
    ...regimes.map((r) => S.legendLine(r.instrument[lang], [...new Set(round.sessions.filter((s) => s.valid && s.regime === r.id).map((s) => s.unit))], r.review.label[lang], r.dismissal?.label[lang] ?? null)),
  ];
}

/** "Nobody above a threshold" as the round's regimes say it. */
export function noneFlaggedLine(round: Round, lang: Lang): string {
  const said = new Set(roundRegimes(round).map((r) => r.noneAbove[lang]));
  return said.size === 1 ? ([...said][0] as string) : SUMMARY_TEXT[lang].noneFlagged;
}

/** Whether the session's regime has the band at all (party-262 has no upper band: its cell stays empty). */
export function regimeHasBand(regime: RegimeId | null, band: Exclude<Band, 'none'>): boolean {
  return bandRule(REGIMES[regime ?? (REGIME_LIST[0] as Regime).id], band) !== null;
}

/** A band in the session's own regime's column words; null when the regime has no such band. */
export function unitBandWords(regime: RegimeId | null, band: Exclude<Band, 'none'>, lang: Lang): string | null {
  return bandRule(REGIMES[regime ?? (REGIME_LIST[0] as Regime).id], band)?.short[lang] ?? null;
}

export function instruments(round: Round, lang: Lang): string {
  return roundRegimes(round).map((r) => r.instrument[lang]).join(SUMMARY_TEXT[lang].col.and);
}

/** Leaders and bands per session and ballot type, counted once: key `label\0type`. */
export function countsByType(round: Round): Map<string, TypeCounts> {
  const byType = new Map<string, { leaders: number; review: number; dismissal: number }>();
  const regimeOf = new Map(round.sessions.map((s) => [s.label, s.regime]));
  for (const l of round.leaders) {
    const k = `${l.session}\u0000${l.ballotType}`;
    const c = byType.get(k) ?? { leaders: 0, review: 0, dismissal: 0 };
    c.leaders++;
    if (l.band === 'review' || l.band === 'dismissal') c[l.band]++;
    byType.set(k, c);
  }
  const out = new Map<string, TypeCounts>();
  for (const [k, c] of byType) {
    const regime = regimeOf.get(k.split('\u0000')[0] as string) ?? null;
    out.set(k, { leaders: c.leaders, review: regimeHasBand(regime, 'review') ? c.review : null, dismissal: regimeHasBand(regime, 'dismissal') ? c.dismissal : null });
  }
  return out;
}

/** A band the session's regime does not have is null (an empty cell), never 0. */
export interface TypeCounts {
  readonly leaders: number;
  readonly review: number | null;
  readonly dismissal: number | null;
}

/** A type's counts before any leader is counted. */
export const NO_COUNTS: TypeCounts = { leaders: 0, review: 0, dismissal: 0 };
