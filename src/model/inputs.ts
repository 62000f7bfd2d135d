// A session's inputs once read: what the tally receives. Reading (files, sheets, layouts) is
// done before; the ballots themselves stream through `ballots` as the tally asks for them.
import type { Adjudication } from './adjudication.js';
import type { Sheet } from './grid.js';
import type { Problem } from './problem.js';
import type { Roster } from './roster-index.js';
import type { SessionRead } from './session-keys.js';
import type { BallotSheetRead, TallyFor } from './sheet.js';
import type { Thresholds } from './thresholds.js';
import type { Cadre, Level } from './types.js';

/** What reading a ballot sheet needs from the session: the roster and the scanner settings. */
export interface ReadContext {
  readonly roster: Roster;
  readonly thresholds: Thresholds;
  readonly omrLetters: ReadonlyMap<string, Level>;
}

/** One ballot sheet or file, its layout already told: reading it hands every ballot to its type's tally. */
export type BallotReader = (context: ReadContext, tallyFor: TallyFor) => Promise<BallotSheetRead>;

export interface InputFile {
  readonly path: string;
  readonly sha256: string;
  readonly role: string;
}

export interface SessionInputs {
  readonly files: readonly InputFile[];
  /** Problems found while reading the files, roster, session values and adjudications. */
  readonly problems: readonly Problem[];
  readonly cadres: readonly Cadre[];
  /** Whether a roster was found at all (its ballot types then each need ballots). */
  readonly rosterGiven: boolean;
  readonly session: SessionRead;
  readonly adjudications: readonly Adjudication[];
  readonly ballots: readonly BallotReader[];
  /** A Results / Kết quả sheet in a workbook: figures recorded at the time (tally check). */
  readonly resultsSheet: Sheet | null;
}
