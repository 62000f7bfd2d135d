// A file that cannot be read at all: a usage error (exit 2). Kept apart so the CLI's entry
// point can recognise it without loading the readers.
import type { LimitName } from './limits.js';

export type InputFileReason = 'not-found' | 'not-a-file' | 'unreadable' | 'xls' | 'bad-xlsx' | 'bad-json' | 'bad-csv' | 'not-text' | 'text-as-xlsx' | 'legacy-encoding' | 'too-large' | 'changed';

/** Which limit a file is past: its name, the value in force, and the line or row where. */
export interface PastLimit {
  readonly name: LimitName;
  readonly value: number;
  readonly where: { readonly kind: 'line' | 'row'; readonly n: number } | null;
}

export class InputFileError extends Error {
  constructor(
    readonly path: string,
    readonly reason: InputFileReason,
    readonly detail = '',
    readonly limit?: PastLimit,
  ) {
    super(`${reason}: ${path}${detail ? ` (${detail})` : ''}`);
  }
}

