// How the JavaScript heap is tuned for a tally: the program's only V8-specific setting, kept
// in one place.
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
