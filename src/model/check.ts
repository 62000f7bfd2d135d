// What `tally check` reports, as the names the wording layer words: a session's status, the
// fields a difference is in, the other denominators a recorded share may match.
import type { Level } from './types.js';

/** Counts a record may carry per leader row: the three levels and the ballot accounting. */
export type CountField = Level | 'valid' | 'invalid' | 'issued' | 'returned';

export type Field = CountField | 'high_pct' | 'confidence_pct' | 'low_pct' | 'band' | 'leader' | 'identity';

/** Another denominator a recorded share matches (SPEC §4: the difference says so). */
export type OtherBasis = 'returned' | 'issued' | 'present' | 'convened' | 'valid-ballots' | 'leader-valid';

export type Status = 'ok' | 'differs' | 'inputs changed' | 'inputs missing' | 'no record' | 'invalid';
