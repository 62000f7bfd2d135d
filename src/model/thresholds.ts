// Fill ratios that decide a scanned mark (SPEC §2.5): at or above `mark` it is marked, at or
// below `blank` it is not, in between undecided.
import type { Decimal } from './decimal.js';

export interface Thresholds {
  /** At or above: marked. */
  readonly mark: Decimal;
  /** At or below: not marked. */
  readonly blank: Decimal;
}

export const DEFAULT_THRESHOLDS: Thresholds = { mark: { num: 5n, scale: 1 }, blank: { num: 2n, scale: 1 } };
