// Writing report files safely: nothing is written unless every output can be, an input is
// never overwritten, no folder is created, and each file appears whole (temp file, rename).
import { open, realpath, rename, stat, unlink, writeFile } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { hasReporter } from '../report/registry.js';

export { OutputRefused, type RefusalReason } from './output-error.js';
import { OutputRefused } from './output-error.js';

/** Windows and macOS file systems usually ignore case; compare paths as they would. */
const CASE_INSENSITIVE = process.platform === 'win32' || process.platform === 'darwin';
const key = (p: string) => (CASE_INSENSITIVE ? p.toLowerCase() : p);

async function canonical(path: string): Promise<string> {
  const abs = resolve(path);
  try {
    return key(await realpath(abs));
  } catch {
    return key(abs);
  }
}

/** Checks every output before anything is read or written; throws OutputRefused. */
export async function checkOutputs(outputs: readonly string[], inputs: readonly string[]): Promise<void> {
  const inputKeys = new Set(await Promise.all(inputs.map(canonical)));
  const seen = new Set<string>();
  for (const out of outputs) {
    if (!hasReporter(out)) throw new OutputRefused(out, 'unknown-format');
    const k = await canonical(out);
    if (inputKeys.has(k)) throw new OutputRefused(out, 'is-input');
    if (seen.has(k)) throw new OutputRefused(out, 'twice');
    seen.add(k);
    const folder = dirname(resolve(out));
    const info = await stat(folder).catch(() => null);
    if (info === null || !info.isDirectory()) throw new OutputRefused(out, 'no-folder', folder);
    const existing = await stat(out).catch(() => null);
    if (existing?.isDirectory()) throw new OutputRefused(out, 'is-folder');
    if (existing !== null) {
      // Excel on Windows locks a workbook it has open; find out now, before writing anything.
      try {
        const handle = await open(out, 'r+');
        await handle.close();
      } catch (e) {
        throw new OutputRefused(out, lockedCode(e) ? 'busy' : 'unwritable', (e as NodeJS.ErrnoException).code ?? '');
      }
    }
  }
}

const lockedCode = (e: unknown) => ['EBUSY', 'EPERM', 'EACCES'].includes((e as NodeJS.ErrnoException).code ?? '');

/** Writes all files, each first to a temp file beside it, then renamed into place. */
export async function writeOutputs(files: readonly { path: string; bytes: Uint8Array }[]): Promise<void> {
  const temps: { temp: string; path: string }[] = [];
  try {
    for (const [i, f] of files.entries()) {
      const temp = join(dirname(resolve(f.path)), `.~tally-${process.pid}-${i}-${basename(f.path)}.tmp`);
      temps.push({ temp, path: f.path });
      await writeFile(temp, f.bytes, { flag: 'wx' });
    }
  } catch (e) {
    await Promise.all(temps.map((t) => unlink(t.temp).catch(() => undefined)));
    throw new OutputRefused(temps.at(-1)?.path ?? '', 'unwritable', (e as NodeJS.ErrnoException).code ?? '');
  }
  for (const [i, t] of temps.entries()) {
    try {
      await rename(t.temp, t.path);
    } catch (e) {
      await Promise.all(temps.slice(i).map((x) => unlink(x.temp).catch(() => undefined)));
      throw new OutputRefused(t.path, lockedCode(e) ? 'busy' : 'unwritable', (e as NodeJS.ErrnoException).code ?? '');
    }
  }
}
