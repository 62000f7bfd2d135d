// Tests that render through programs outside Node (LibreOffice, Chromium, poppler) say so:
// `needs('soffice')('…', fn)` is vitest's `it` when the programs are on PATH; otherwise the test
// is skipped with a notice — on a fresh machine `npm test` passes — unless the environment
// variable CI is set: there a missing program fails the run, so CI still renders everything
// (.ci/run installs them from Debian).
import { accessSync, constants } from 'node:fs';
import { delimiter, join } from 'node:path';
import { describe, it } from 'vitest';

/** Where each program comes from, for the notice. */
const PACKAGE: Readonly<Record<string, string>> = {
  soffice: 'LibreOffice (Debian: libreoffice-calc-nogui libreoffice-writer-nogui)',
  chromium: 'Chromium (Debian: chromium)',
  pdftotext: 'poppler (Debian: poppler-utils)',
  pdfinfo: 'poppler (Debian: poppler-utils)',
  pdftoppm: 'poppler (Debian: poppler-utils)',
  pdffonts: 'poppler (Debian: poppler-utils)',
};

const onPath = (program: string): boolean =>
  (process.env['PATH'] ?? '').split(delimiter).some((dir) => {
    try {
      accessSync(join(dir, program), constants.X_OK);
      return true;
    } catch {
      return false;
    }
  });

const noticed = new Set<string>();

/** The programs of the list that are missing; throws when CI is set and any is. */
export function missing(programs: readonly string[]): string[] {
  const gone = programs.filter((p) => !onPath(p));
  if (gone.length === 0) return gone;
  const what = gone.map((p) => `${p} — ${PACKAGE[p] ?? p}`).join('; ');
  if (process.env['CI'] !== undefined && process.env['CI'] !== '' && process.env['CI'] !== 'false') throw new Error(`CI is set and these tests need programs that are not installed: ${what}`);
  const key = gone.join(',');
  if (!noticed.has(key)) {
    noticed.add(key);
    console.warn(`NOTICE: skipping tests that need ${what}. Install them to run these tests (CI requires them).`);
  }
  return gone;
}

/** `it` when every program is on PATH, else `it.skip` (with a notice), or an error under CI. */
export const needs = (...programs: string[]): typeof it => (missing(programs).length === 0 ? it : it.skip);

/** The same for a whole `describe` block, whose hooks then do not run either. */
export const describeNeeding = (...programs: string[]): typeof describe => (missing(programs).length === 0 ? describe : describe.skip);
