// Writing report files safely: nothing is written unless every output can be, an input is
// never overwritten, an existing file is replaced only when this tool wrote it (or with
// --overwrite), no folder is created, and each file appears whole (temp file, rename).
import { open, readdir, realpath, rename, stat, unlink } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { formatOf } from '../model/formats.js';
import { markOutput, writtenByTally } from './ownership.js';
import { extensionsOf, formatsOf, type Writers } from './writers.js';

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

export interface OutputRules {
  /** --overwrite: an existing file that is not an input may be replaced even if not ours. */
  readonly overwrite?: boolean;
  /**
   * Files found in the folders `check` and `summary` read: inputs too, refused as such with
   * a word on where they are.
   */
  readonly found?: readonly string[];
}

/** What checkOutputs needs besides: the command's writers (./writers.ts), for the formats it writes. */
export interface CheckRules extends OutputRules {
  readonly writes: Writers<never>;
}

/**
 * Checks every output before anything is read or written; throws OutputRefused. `inputs` are
 * every file the command reads: none of them is ever replaced, even with --overwrite.
 */
export async function checkOutputs(outputs: readonly string[], inputs: readonly string[], rules: CheckRules, to: OutputDisk = disk): Promise<void> {
  // A format the command cannot write is a slip in the command line: said first, for any -o.
  const writes = formatsOf(rules.writes);
  for (const out of outputs) {
    const id = formatOf(out);
    if (id === null || !writes.includes(id)) throw new OutputRefused(out, 'unknown-format', extensionsOf(rules.writes).join(' '));
  }
  const inputKeys = new Set(await Promise.all(inputs.map(canonical)));
  const foundKeys = new Set(await Promise.all((rules.found ?? []).map(canonical)));
  const seen = new Set<string>();
  for (const out of outputs) {
    const k = await canonical(out);
    // A file found in a folder read but not read as anything (a report of an earlier check run
    // there) may be replaced when it is this tool's own, unchanged: the same command twice gives
    // the same answer. Anything read, or not ours, is refused.
    if (foundKeys.has(k) && (inputKeys.has(k) || !(await writtenByTally(out)))) throw new OutputRefused(out, 'in-folder-read');
    if (inputKeys.has(k)) throw new OutputRefused(out, 'is-input');
    if (seen.has(k)) throw new OutputRefused(out, 'twice');
    seen.add(k);
    const folder = dirname(resolve(out));
    const info = await stat(folder).catch(() => null);
    if (info === null || !info.isDirectory()) throw new OutputRefused(out, 'no-folder', folder);
    const existing = await stat(out).catch(() => null);
    if (existing?.isDirectory()) throw new OutputRefused(out, 'is-folder');
    // A workbook of typed ballots, a roster, another program's file: never replaced unasked.
    if (existing !== null && rules.overwrite !== true && !(await writtenByTally(out))) throw new OutputRefused(out, 'exists');
    if (existing !== null) {
      // Excel on Windows locks a workbook it has open; find out now, before writing anything.
      try {
        await to.openForWriting(out);
      } catch (e) {
        throw new OutputRefused(out, lockedCode(e) ? 'busy' : 'unwritable', (e as NodeJS.ErrnoException).code ?? '');
      }
    }
  }
}

/**
 * A file that Windows keeps open for another program (Excel holds a lock on a workbook it has
 * open) fails to open for writing or to be replaced with EBUSY or EPERM (EACCES on a share).
 */
const lockedCode = (e: unknown) => ['EBUSY', 'EPERM', 'EACCES'].includes((e as NodeJS.ErrnoException).code ?? '');

/** How outputs reach the disk; tests put a failing one in its place. */
export interface OutputDisk {
  /** Opens an existing file for writing and closes it: fails if another program holds it. */
  openForWriting(path: string): Promise<void>;
  /** Writes a new file (never an existing one) and makes sure its bytes are on the disk. */
  create(path: string, bytes: Uint8Array): Promise<void>;
  /** Puts a written temp file in the place of the output. */
  replace(temp: string, path: string): Promise<void>;
}

export const disk: OutputDisk = {
  async openForWriting(path) {
    const handle = await open(path, 'r+');
    await handle.close();
  },
  replace: rename,
  async create(path, bytes) {
    const handle = await open(path, 'wx');
    try {
      await handle.writeFile(bytes);
      await handle.sync();
    } finally {
      await handle.close();
    }
  },
};

const TEMP = /^\.~tally-(\d+)-\d+-(.+)\.tmp$/;
const tempName = (path: string, i: number) => join(dirname(resolve(path)), `.~tally-${process.pid}-${i}-${basename(path)}.tmp`);

/**
 * Writes all files: each first to a temp file beside it, all of them, and only then renamed
 * into place — a failure while writing (a full disk) touches no output, and an interrupted
 * run (even kill -9) leaves at most a temp file, which the next run for that output removes.
 */
export async function writeOutputs(files: readonly { path: string; bytes: Uint8Array }[], to: OutputDisk = disk, rules: OutputRules = {}): Promise<void> {
  await removeStaleTemps(files.map((f) => f.path));
  const temps: { temp: string; path: string }[] = [];
  try {
    for (const [i, f] of files.entries()) {
      const temp = tempName(f.path, i);
      temps.push({ temp, path: f.path });
      // The marker that lets a later run recognise this file as its own (./ownership.ts).
      await to.create(temp, markOutput(f.path, f.bytes));
    }
  } catch (e) {
    await Promise.all(temps.map((t) => unlink(t.temp).catch(() => undefined)));
    throw new OutputRefused(temps.at(-1)?.path ?? '', 'unwritable', (e as NodeJS.ErrnoException).code ?? '');
  }
  // A file that became someone else's while the reports were made (a check of a large archive
  // takes minutes): still never replaced unasked.
  if (rules.overwrite !== true) {
    for (const t of temps) {
      if ((await stat(t.path).catch(() => null)) === null || (await writtenByTally(t.path))) continue;
      await Promise.all(temps.map((x) => unlink(x.temp).catch(() => undefined)));
      throw new OutputRefused(t.path, 'exists');
    }
  }
  for (const [i, t] of temps.entries()) {
    try {
      await to.replace(t.temp, t.path);
    } catch (e) {
      await Promise.all(temps.slice(i).map((x) => unlink(x.temp).catch(() => undefined)));
      throw new OutputRefused(t.path, lockedCode(e) ? 'busy' : 'unwritable', (e as NodeJS.ErrnoException).code ?? '');
    }
  }
}

/** Temp files of these outputs left by a run that was killed (its process is gone). */
async function removeStaleTemps(paths: readonly string[]): Promise<void> {
  for (const path of paths) {
    const folder = dirname(resolve(path));
    const names = await readdir(folder).catch(() => [] as string[]);
    for (const name of names) {
      const m = TEMP.exec(name);
      if (m === null || m[2] !== basename(path) || Number(m[1]) === process.pid || running(Number(m[1]))) continue;
      await unlink(join(folder, name)).catch(() => undefined);
    }
  }
}

function running(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Where a path leads, as the file system compares paths: two names of one file give one key. */
export const samePlace = canonical;
