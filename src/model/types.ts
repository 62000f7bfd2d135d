// The domain vocabulary shared by every stage. Plain data only: no I/O here.

/** The ballot type of a session with only one kind of ballot (the roster names none). */
export const DEFAULT_BALLOT_TYPE = 'default';

/** The three confidence levels, in ballot order (Quy định 96, Phụ lục 4). */
export const LEVELS = ['high', 'confidence', 'low'] as const;
export type Level = (typeof LEVELS)[number];

/** Why one leader's line on one ballot does not count. */
export const INVALID_REASONS = [
  'no-mark',
  'multiple-marks',
  'name-crossed-out',
  'declared-invalid',
  'void-ballot',
] as const;
export type InvalidReason = (typeof INVALID_REASONS)[number];

/** What one line says once decoded: a level, or the reason it is invalid. */
export type LineReading =
  | { readonly kind: 'mark'; readonly level: Level }
  | { readonly kind: 'invalid'; readonly reason: Exclude<InvalidReason, 'void-ballot'> }
  /** A scanned mark between the thresholds: no result until a person decides (SPEC §2.5). */
  | { readonly kind: 'undecided'; readonly fills: readonly string[] };

export type Band = 'none' | 'review' | 'dismissal';

/** Every regime's id, the default first; each has its entry in rules/regimes.ts (the typecheck ties them). */
export const REGIME_IDS = ['party-96', 'party-262', 'assembly-96', 'assembly-85', 'assembly-35'] as const;
export type RegimeId = (typeof REGIME_IDS)[number];

export const DENOMINATOR_BASES = ['returned', 'issued', 'present', 'convened', 'valid'] as const;
export type DenominatorBasis = (typeof DENOMINATOR_BASES)[number];

/** Where a value came from, for messages: 1-based rows as a spreadsheet shows them. */
export interface Location {
  readonly file?: string;
  readonly sheet?: string;
  readonly row?: number;
  /** Spreadsheet column letter(s), e.g. "D". */
  readonly columnLetter?: string;
  /** The column's header text. */
  readonly column?: string;
  /** The ballot the row holds, when the problem is about one ballot ("phiếu số 7, ô F8"). */
  readonly ballot?: string;
}

export interface Cadre {
  /** Stable key inside one run: the roster row's position. */
  readonly key: number;
  readonly id: string | null;
  readonly stt: number | null;
  readonly name: string;
  readonly position: string;
  readonly unit: string | null;
  readonly ballotType: string;
  /** A reason text when the person is not voted on (Quy định 96, Điều 3 khoản 1). */
  readonly excluded: string | null;
  readonly location: Location;
}

export interface Ballot {
  readonly ballotType: string;
  /** The ballot number as written, or the row-derived number when there is no ballot column. */
  readonly number: string;
  /** A reason text when the ballot is void as a whole. */
  readonly voidReason: string | null;
  /**
   * One reading per leader, in the order of the ballot type's leaders (the roster's order,
   * excluded people left out); a hole where a column or line was missing (already reported).
   */
  readonly lines: readonly (LineReading | undefined)[];
  readonly location: Location;
  /** Where each line is, when lines are rows of their own (long layout). */
  readonly lineLocations?: ReadonlyMap<number, Location>;
}

export interface BallotTypeCounts {
  readonly id: string;
  readonly convened: number;
  readonly present: number;
  readonly issued: number;
  readonly returned: number;
}
