// Finding the sessions under the paths given to `tally check` (SPEC §4): a workbook with
// roster and ballot sheets; a folder with roster, session and ballot files; and summaries
// this tool wrote, recognised by their audit sheet and paired with the inputs it names.
// Every entry met is accounted for (issue 19): a folder that looks like a session but lacks a
// file, an entry that cannot be read or is not a file, a link leaving the folders given, and
// a path with no session at all are each found as `refused`, by name, never dropped unheard.
import { readdir, realpath, stat } from 'node:fs/promises';
import type { Stats } from 'node:fs';
import { basename, extname, isAbsolute, join, relative, resolve } from 'node:path';
import { fold } from '../model/fold.js';
import type { InputFileReason } from '../model/input-error.js';
import { naturalCompare } from './order.js';

export interface FolderSession {
  readonly kind: 'folder';
  /** Where the session is, for messages and sorting. */
  readonly path: string;
  readonly ballots: readonly string[];
  readonly roster: string;
  readonly session: string;
  readonly results: readonly string[];
  readonly adjudications: string | null;
}

export interface WorkbookSession {
  readonly kind: 'workbook';
  readonly path: string;
}

export interface SummaryFile {
  readonly kind: 'summary';
  readonly path: string;
}

/** Why an entry is not read: a file that cannot be, or a session-like folder lacking files. */
export type Refusal = { readonly file: string; readonly reason: InputFileReason; readonly detail?: string } | { readonly file: string; readonly missingRoles: readonly SessionRole[] } | { readonly file: string; readonly noSession: true };

/** Something met that cannot be a session as it stands: listed, by its path, as invalid. */
export interface RefusedEntry {
  readonly kind: 'refused';
  readonly path: string;
  readonly refusals: readonly Refusal[];
}

export type Found = FolderSession | WorkbookSession | SummaryFile | RefusedEntry;

export type SessionRole = 'roster' | 'session' | 'ballots';

const SKIP = /^(~\$|\.~lock|\.)/;
const DATA = /\.(xlsx|ods|csv|tsv|txt|json)$/i;
/** A workbook: Excel's, or LibreOffice's own. */
const WORKBOOK = /\.(xlsx|ods)$/i;

/** Files by role, matched on the folded base name. */
function roleOf(name: string): SessionRole | 'results' | 'adjudications' | null {
  const base = fold(basename(name, extname(name))).replace(/[\s_]+/g, '-');
  if (/^(roster|danh-sach)$/.test(base)) return 'roster';
  if (/^(session|hoi-nghi)$/.test(base)) return 'session';
  if (/^(ballots|phieu)/.test(base)) return 'ballots';
  if (/^(results|ket-qua)$/.test(base)) return 'results';
  if (/^(adjudications|quyet-dinh)$/.test(base)) return 'adjudications';
  return null;
}

const within = (dir: string, path: string) => {
  const r = relative(dir, path);
  return r === '' || (!r.startsWith('..') && !isAbsolute(r));
};

const denied = (code: string) => code === 'EACCES' || code === 'EPERM';

/** What an entry is, links followed, with its real path; or why it cannot be told. */
async function entryInfo(path: string): Promise<{ info: Stats; real: string } | { reason: InputFileReason; detail: string }> {
  try {
    const info = await stat(path);
    return { info, real: await realpath(path) };
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code ?? '';
    // A link to nothing is a file not found; anything else (a loop, no permission) unreadable.
    return { reason: code === 'ENOENT' ? 'not-found' : denied(code) ? 'no-access' : 'unreadable', detail: code };
  }
}

/**
 * Every session-like thing under the paths, in a stable order. Workbooks are classified later
 * (reading them is I/O the caller does once): each .xlsx not claimed by a folder session is
 * a candidate `workbook`, and the caller tells summaries from sessions by their sheets. The
 * same file or folder reached twice (a link, a path given twice) is met once.
 */
export async function discover(paths: readonly string[]): Promise<{ found: Found[]; missing: string[]; listed: string[]; again: string[]; realOf: ReadonlyMap<string, string>; inside: (path: string) => Promise<boolean> }> {
  const found: Found[] = [];
  const missing: string[] = [];
  // Every file looked at (given, or a data file in a folder visited): the run's inputs, which
  // no output of it may replace.
  const listed: string[] = [];
  const seen = new Set<string>();
  const realOf = new Map<string, string>();
  // Paths given that lead where another already did (a link, the same path twice).
  const again: string[] = [];
  // The folders given, as they really are: a link leading out of all of them is not followed.
  const roots: string[] = [];
  for (const p of paths) {
    const r = await realpath(resolve(p)).catch(() => null);
    if (r !== null) roots.push(r);
  }
  const inside = (real: string) => roots.some((r) => within(r, real));
  const refuse = (path: string, refusals: Refusal[]) => found.push({ kind: 'refused', path, refusals });

  const visit = async (abs: string, real: string): Promise<void> => {
    if (seen.has(real)) return;
    seen.add(real);
    let dirents;
    try {
      dirents = await readdir(abs, { withFileTypes: true });
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code ?? '';
      return void refuse(abs, [{ file: abs, reason: denied(code) ? 'no-access' : 'unreadable', detail: code }]);
    }
    const entries = dirents.filter((e) => !SKIP.test(e.name)).sort((a, b) => naturalCompare(a.name, b.name));
    const files: string[] = [];
    // Role files that cannot be read: the folder's session cannot be either.
    const bad = new Map<string, Refusal>();
    for (const e of entries) {
      const child = join(abs, e.name);
      const data = DATA.test(e.name);
      // Directory entries say what they are; only links and odd entries cost a stat.
      if (e.isDirectory()) {
        await visit(child, join(real, e.name));
        continue;
      }
      if (e.isFile()) {
        if (!data) continue;
        realOf.set(child, join(real, e.name));
        files.push(child);
        continue;
      }
      const what = await entryInfo(child);
      if ('reason' in what) {
        if (data) bad.set(child, { file: child, reason: what.reason, detail: what.detail });
        continue;
      }
      if (!what.info.isDirectory() && !data) continue;
      if (!inside(what.real)) {
        // Out of the folders given: never read (a link to a system file must not be quoted).
        if (what.info.isDirectory()) refuse(child, [{ file: child, reason: 'outside' }]);
        else bad.set(child, { file: child, reason: 'outside' });
        continue;
      }
      if (what.info.isDirectory()) await visit(child, what.real);
      else if (!what.info.isFile()) bad.set(child, { file: child, reason: 'not-a-file', detail: deviceKind(what.info) });
      else {
        realOf.set(child, what.real);
        files.push(child);
      }
    }
    listed.push(...files);
    const all = [...files, ...bad.keys()].sort(naturalCompare);
    const byRole = (role: ReturnType<typeof roleOf>) => all.filter((f) => roleOf(f) === role);
    const [roster] = byRole('roster');
    const [session] = byRole('session');
    const ballots = byRole('ballots');
    const roles = (['roster', 'session', 'ballots'] as const).filter((r) => byRole(r).length > 0);
    const claimed = new Set<string>();
    const claim = () => {
      for (const f of all) if (roleOf(f) !== null) claimed.add(f);
    };
    const badRoles = all.filter((f) => roleOf(f) !== null && bad.has(f));
    if (roster !== undefined && session !== undefined && ballots.length > 0) {
      if (badRoles.length > 0) refuse(abs, badRoles.map((f) => bad.get(f) as Refusal));
      else found.push({ kind: 'folder', path: abs, roster, session, ballots, results: byRole('results'), adjudications: byRole('adjudications')[0] ?? null });
      claim();
    } else if (roles.length >= 2 || ballots.some((f) => !WORKBOOK.test(f))) {
      // A session's files, but not all of them: two of the three, or ballots (votes that
      // would go uncounted). A lone roster (an archive's list of leaders) or a workbook named
      // for a role alone is not a session's remains; the workbook is read below.
      const missingRoles = (['roster', 'session', 'ballots'] as const).filter((r) => !roles.includes(r));
      // (A bad workbook among them is said once, as itself, below.)
      refuse(abs, [{ file: abs, missingRoles }, ...badRoles.filter((f) => !WORKBOOK.test(f)).map((f) => bad.get(f) as Refusal)]);
      // Its workbooks are still read: one that is a session itself (`phieu-2024.xlsx` with its
      // own roster) makes the folder a session's, not an incomplete one (see plan.ts).
      for (const f of all) if (roleOf(f) !== null && !WORKBOOK.test(f)) claimed.add(f);
    }
    for (const f of all) {
      if (claimed.has(f) || !WORKBOOK.test(f)) continue;
      const why = bad.get(f);
      if (why !== undefined) refuse(f, [why]);
      else if (!seen.has(realOf.get(f) ?? f)) {
        // A workbook reached twice (through a link) is one session.
        seen.add(realOf.get(f) ?? f);
        found.push({ kind: 'workbook', path: f });
      }
    }
  };

  for (const p of paths) {
    const abs = resolve(p);
    const what = await entryInfo(abs);
    if ('reason' in what) {
      if (what.reason === 'not-found') missing.push(p);
      else refuse(abs, [{ file: abs, reason: what.reason, detail: what.detail }]);
      continue;
    }
    if (seen.has(what.real)) {
      again.push(p);
      continue;
    }
    if (what.info.isDirectory()) await visit(abs, what.real);
    else if (!what.info.isFile()) refuse(abs, [{ file: abs, reason: 'not-a-file', detail: deviceKind(what.info) }]);
    else {
      seen.add(what.real);
      listed.push(abs);
      if (!SKIP.test(basename(abs)) && WORKBOOK.test(abs)) found.push({ kind: 'workbook', path: abs });
    }
  }
  found.sort((a, b) => naturalCompare(a.path, b.path));
  // Whether a path (a summary's named input) really lies within the folders given.
  const insideReal = async (path: string) => inside(await realpath(path).catch(() => resolve(path)));
  return { found, missing, listed, again, realOf, inside: insideReal };
}

/** What a non-file entry is, for the message: a device, a pipe, a socket. */
function deviceKind(info: Stats): string {
  return info.isFIFO() ? 'FIFO' : info.isCharacterDevice() || info.isBlockDevice() ? 'device' : info.isSocket() ? 'socket' : '';
}
