// How the JavaScript engine is tuned for tally: its only V8-specific settings, kept in one
// place. Both are measured by `npm run bench`.
import { setFlagsFromString } from 'node:v8';

/**
 * A tally streams its files: almost nothing it allocates outlives the rows it belongs to. V8
 * would still double its young generation as allocations add up (semi-spaces of 1, 2, 4, 8,
 * 16 MB), so peak memory would grow with the length of the file for no gain. Kept at its first
 * size, memory stays flat and the time is the same (`npm run bench`). Not for `tally check`,
 * whose worker threads re-tally many sessions and are faster with the larger young generation.
 */
export function keepYoungGenerationSmall(): void {
  setFlagsFromString('--semi-space-growth-factor=1');
}

/**
 * Most runs are short: a session of a thousand ballots is read, counted and reported in about
 * a tenth of a second. V8 hands a function to its optimising compiler (TurboFan, on a thread of
 * its own) once it has run a certain amount of bytecode, and Node waits for those compilations
 * to finish before the process ends — on the typical round, work done for code that has
 * already finished. Four times V8's default budget (67,584) lets a short run end without most
 * of them; a long run (200,000 ballots, `check` over an archive) still has every hot loop
 * optimised within its first few thousand rows. Measured on the typical round (1,000 × 40
 * XLSX, `--json`): about 18 ms less of ~270; 200,000 × 50 XLSX and CSV and `check` unchanged.
 * Only on the V8 of Node 20 (11.x), where the flag and its default were measured; elsewhere
 * nothing is set.
 */
export function preferShortRuns(v8Version: string = process.versions.v8): void {
  if (v8Version.startsWith('11.')) setFlagsFromString('--interrupt-budget=270336');
}
