// Formatting shared by the reports: numbers, dates and the regime's texts in one language.
import type { Band, LineReading } from '../model/types.js';
import type { LineInvalidReason } from '../model/line-codes.js';
import { voidWithoutCause } from '../model/void-words.js';
import { formatHundredths } from '../model/exact.js';
import { bandRule, thresholdMark, type Regime } from '../rules/regimes.js';
import type { Lang } from '../text/lang.js';
import { LABELS } from '../text/labels.js';

/** 5319 → "53,19%" (vi) or "53.19%" (en). */
export function formatPercent(hundredths: number, lang: Lang): string {
  return `${formatHundredths(hundredths, lang === 'vi' ? ',' : '.')}%`;
}

/** ISO date → "13/12/2023" in Vietnamese, unchanged in English. */
export function formatDate(iso: string | null, lang: Lang): string {
  if (iso === null) return '';
  if (lang === 'en') return iso;
  const [y, m, d] = iso.split('-');
  return `${d}/${m}/${y}`;
}

/** A compact band mark derived from the regime's thresholds: "> 1/2", "≥ 2/3". */
export function bandMark(regime: Regime, band: Band | null): string {
  if (band === null) return '';
  if (band === 'none') return '—';
  const rule = bandRule(regime, band);
  return rule === null ? band : thresholdMark(rule);
}

export function bandLabel(regime: Regime, band: Band | null, lang: Lang): string | null {
  if (band === null || band === 'none') return null;
  return bandRule(regime, band)?.label[lang] ?? null;
}

/** The band in a column header: "Trên 1/2 đến dưới 2/3". */
export function bandShort(regime: Regime, band: Exclude<Band, 'none'>, lang: Lang): string | null {
  return bandRule(regime, band)?.short[lang] ?? null;
}

export function bandAction(regime: Regime, band: Band | null, lang: Lang): string | null {
  if (band === null || band === 'none') return null;
  return bandRule(regime, band)?.action[lang] ?? null;
}

/** "Tân Lập, ngày 13 tháng 12 năm 2023"; null without a date. Blanks for a missing place. */
export function placeDateLine(place: string | null, isoDate: string | null, lang: Lang): string | null {
  if (isoDate === null) return null;
  const [y, m, d] = isoDate.split('-') as [string, string, string];
  return LABELS[lang].placeDate(place ?? '……', d, m, y);
}

/**
 * Why a ballot is void, as a page says it: the clerk's cause as typed; a tick or the column's own
 * words in a sentence (never a bare "x"); under --strict, the line that voided it.
 */
export function voidBallotReason(v: { readonly reason: string; readonly strictCause?: { readonly cadreKey: number; readonly reason: LineInvalidReason } }, names: ReadonlyMap<number, string>, lang: Lang): string {
  const L = LABELS[lang];
  if (v.strictCause !== undefined) return L.strictCause(L.reasons[v.strictCause.reason], names.get(v.strictCause.cadreKey) ?? '');
  return voidWithoutCause(v.reason) ? L.voidWithoutCause : v.reason;
}

/** A line reading as words: "Tín nhiệm cao", "Không đánh dấu", "chưa xác định (0.35 / 0.03 / 0.02)". */
export function readingLabel(r: LineReading, lang: Lang): string {
  const L = LABELS[lang];
  switch (r.kind) {
    case 'mark':
      return L.col[r.level];
    case 'invalid':
      return L.reasons[r.reason];
    case 'undecided':
      return `${L.undecided} (${r.fills.join(' / ')})`;
  }
}
