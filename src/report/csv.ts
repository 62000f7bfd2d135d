// One row per leader, UTF-8 with BOM so Excel shows Vietnamese. Column names are stable
// (English, snake_case) whatever the language; percentages use a decimal point.
import { formatHundredths } from '../model/exact.js';
import { allCadres, type ReportContext } from './context.js';
import { bandAction } from './format.js';

export const CSV_COLUMNS = [
  'ballot_type', 'stt', 'id', 'name', 'position', 'unit', 'valid', 'invalid',
  'high', 'high_pct', 'confidence', 'confidence_pct', 'low', 'low_pct',
  'denominator_basis', 'denominator', 'band', 'flagged', 'notes', 'action',
] as const;

/**
 * A text cell that Excel would read as a formula (=, +, -, @, or a leading tab or CR) is
 * prefixed with an apostrophe so it stays text.
 */
export function neutraliseFormula(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

function field(value: string | number | boolean | null): string {
  if (value === null) return '';
  if (typeof value !== 'string') return String(value);
  const safe = neutraliseFormula(value);
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

export async function renderCsv(ctx: ReportContext): Promise<Uint8Array> {
  const pct = (h: number | undefined) => (h === undefined ? null : formatHundredths(h, '.'));
  const lines = [CSV_COLUMNS.join(',')];
  for (const { type, result: r } of allCadres(ctx)) {
    const row: (string | number | boolean | null)[] = [
      type.id, r.cadre.stt, r.cadre.id, r.cadre.name, r.cadre.position, r.cadre.unit, r.valid, r.invalid,
      r.high, pct(r.percent?.high), r.confidence, pct(r.percent?.confidence), r.low, pct(r.percent?.low),
      type.denominator.basis, r.denominator, r.band, r.flagged, r.notes.join(';'),
      bandAction(ctx.outcome.regime, r.band, ctx.lang),
    ];
    lines.push(row.map(field).join(','));
  }
  return new TextEncoder().encode(`\ufeff${lines.join('\r\n')}\r\n`);
}
