// A decision of the counting committee on one scanned line (SPEC §2.5), as read and as applied.
import type { Cadre, LineReading, Location } from './types.js';

export interface Adjudication {
  readonly ballot: string;
  readonly cadreText: string;
  readonly ballotType: string | null;
  readonly decision: LineReading;
  readonly decisionText: string;
  readonly decidedBy: string;
  readonly location: Location;
}

export interface AppliedAdjudication {
  readonly ballotType: string;
  readonly ballot: string;
  readonly cadre: Cadre;
  readonly before: LineReading;
  readonly decision: LineReading;
  readonly decidedBy: string;
  /** The line of the adjudications file it came from. */
  readonly source: Adjudication;
}
