// Exact integer arithmetic for thresholds and percentages. No float ever decides a band
// or a displayed digit.

/** A threshold `count / T` compared with `num / den`, strictly or inclusively. */
export interface Threshold {
  readonly num: number;
  readonly den: number;
  /** true: `count/T >= num/den` ("từ … trở lên"); false: `count/T > num/den` ("trên", "quá"). */
  readonly inclusive: boolean;
}

export function meets(count: number, total: number, t: Threshold): boolean {
  const lhs = BigInt(count) * BigInt(t.den);
  const rhs = BigInt(t.num) * BigInt(total);
  return t.inclusive ? lhs >= rhs : lhs > rhs;
}

/** `count / total` exactly equal to `num / den`. */
export function equalsFraction(count: number, total: number, num: number, den: number): boolean {
  return BigInt(count) * BigInt(den) === BigInt(num) * BigInt(total);
}

/**
 * `100 × count / total` in hundredths of a percent, rounded half up: 3 of 4000 is exactly
 * 0.075% → 8 (shown 0.08%); 1 of 32 is 3.125% → 313.
 */
export function percentHundredths(count: number, total: number): number {
  if (!Number.isSafeInteger(count) || !Number.isSafeInteger(total) || count < 0 || total <= 0) {
    throw new RangeError(`percentHundredths(${count}, ${total})`);
  }
  return Number(roundedShare(count, total, 2));
}

/**
 * `100 × count / total` rounded half up to `scale` decimals, as the integer of those decimals
 * (scale 2: hundredths of a percent; scale 1, a share recorded with one decimal, in tenths).
 */
export function roundedShare(count: number, total: number, scale: number): bigint {
  const c = BigInt(count);
  const t = BigInt(total);
  const f = 100n * 10n ** BigInt(scale);
  // round_half_up(f·c / t) = floor((2·f·c + t) / 2t)
  return (2n * f * c + t) / (2n * t);
}

/** Hundredths of a percent as the JSON number 53.19 (decimal point, at most two decimals). */
export function hundredthsToNumber(h: number): number {
  return Number(formatHundredths(h, '.'));
}

/** Hundredths of a percent as text with exactly two decimals: 5319 → "53.19" or "53,19". */
export function formatHundredths(h: number, decimalSeparator: '.' | ','): string {
  const whole = Math.trunc(h / 100);
  const frac = String(h % 100).padStart(2, '0');
  return `${whole}${decimalSeparator}${frac}`;
}

/** Smallest integer `p` with `3p >= 2c`: the quorum for `c` convened (Quy định 96, Điều 3). */
export function twoThirdsCeil(convened: number): number {
  return Number((2n * BigInt(convened) + 2n) / 3n);
}
