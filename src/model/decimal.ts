// Decimal fractions such as fill ratios ("0.62", "0,62"), compared exactly as integers.

export interface Decimal {
  /** The value is num / 10^scale. */
  readonly num: bigint;
  readonly scale: number;
}

/** "0.62", "0,62", ".5", "1" → a decimal; anything else → null. */
export function parseDecimal(text: string): Decimal | null {
  const m = /^\s*(\d*)(?:[.,](\d+))?\s*$/.exec(text);
  if (m === null || (m[1] === '' && m[2] === undefined)) return null;
  const frac = m[2] ?? '';
  return { num: BigInt(`${m[1] || '0'}${frac}`), scale: frac.length };
}

/** Sign of a − b. */
export function compareDecimal(a: Decimal, b: Decimal): -1 | 0 | 1 {
  const scale = Math.max(a.scale, b.scale);
  const x = a.num * 10n ** BigInt(scale - a.scale);
  const y = b.num * 10n ** BigInt(scale - b.scale);
  return x < y ? -1 : x > y ? 1 : 0;
}

/** The decimal as written with a point: {62, 2} → "0.62". */
export function formatDecimal(d: Decimal): string {
  const digits = d.num.toString().padStart(d.scale + 1, '0');
  return d.scale === 0 ? digits : `${digits.slice(0, -d.scale)}.${digits.slice(-d.scale)}`;
}
