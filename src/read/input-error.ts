// A file that cannot be read at all: a usage error (exit 2). Kept apart so the CLI's entry
// point can recognise it without loading the readers.
export class InputFileError extends Error {
  constructor(
    readonly path: string,
    readonly reason: 'not-found' | 'not-a-file' | 'unreadable' | 'xls' | 'bad-xlsx' | 'bad-json' | 'bad-csv' | 'legacy-encoding',
    readonly detail = '',
  ) {
    super(`${reason}: ${path}${detail ? ` (${detail})` : ''}`);
  }
}

