// A file that cannot be read at all: a usage error (exit 2). Kept apart so the CLI's entry
// point can recognise it without loading the readers.
import type { PastLimit } from './limits.js';

export type InputFileReason = 'not-found' | 'not-a-file' | 'unreadable' | 'xls' | 'bad-xlsx' | 'bad-ods' | 'bad-json' | 'bad-csv' | 'not-text' | 'text-as-xlsx' | 'text-as-ods' | 'legacy-encoding' | 'too-large' | 'changed' | 'empty' | 'outside' | 'json-shape' | 'json-depth' | 'no-access';


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

