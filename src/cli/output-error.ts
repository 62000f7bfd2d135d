// An output refused before anything is written (exit 2).
export type RefusalReason = 'unknown-format' | 'is-input' | 'no-folder' | 'is-folder' | 'busy' | 'unwritable' | 'twice' | 'exists' | 'in-folder-read';

export class OutputRefused extends Error {
  constructor(
    readonly path: string,
    readonly reason: RefusalReason,
    /** The errno code; for 'unknown-format', the extensions the command writes, space-separated. */
    readonly detail = '',
  ) {
    super(`${reason}: ${path}`);
  }
}

