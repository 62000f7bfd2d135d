// Finding the sessions under the paths given to `tally check` (SPEC §4): a workbook with
// roster and ballot sheets; a folder with roster, session and ballot files; and summaries
// this tool wrote, recognised by their audit sheet and paired with the inputs it names.
import { readdir, stat } from 'node:fs/promises';
import { basename, extname, join, resolve } from 'node:path';
import { fold } from '../model/fold.js';
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

export type Found = FolderSession | WorkbookSession | SummaryFile;

const SKIP = /^(~\$|\.~lock|\.)/;
const DATA = /\.(xlsx|ods|csv|tsv|txt|json)$/i;
/** A workbook: Excel's, or LibreOffice's own. */
const WORKBOOK = /\.(xlsx|ods)$/i;

/** Files by role, matched on the folded base name. */
function roleOf(name: string): 'roster' | 'session' | 'ballots' | 'results' | 'adjudications' | null {
  const base = fold(basename(name, extname(name))).replace(/[\s_]+/g, '-');
  if (/^(roster|danh-sach)$/.test(base)) return 'roster';
  if (/^(session|hoi-nghi)$/.test(base)) return 'session';
  if (/^(ballots|phieu)/.test(base)) return 'ballots';
  if (/^(results|ket-qua)$/.test(base)) return 'results';
  if (/^(adjudications|quyet-dinh)$/.test(base)) return 'adjudications';
  return null;
}

/**
 * Every session-like thing under the paths, in a stable order. Workbooks are classified later
 * (reading them is I/O the caller does once): each .xlsx not claimed by a folder session is
 * a candidate `workbook`, and the caller tells summaries from sessions by their sheets.
 */
export async function discover(paths: readonly string[]): Promise<{ found: Found[]; missing: string[] }> {
  const found: Found[] = [];
  const missing: string[] = [];
  const seen = new Set<string>();
  const visit = async (path: string): Promise<void> => {
    const abs = resolve(path);
    if (seen.has(abs)) return;
    seen.add(abs);
    const info = await stat(abs).catch(() => null);
    if (info === null) return void missing.push(path);
    if (info.isFile()) {
      if (!SKIP.test(basename(abs)) && WORKBOOK.test(abs)) found.push({ kind: 'workbook', path: abs });
      return;
    }
    if (!info.isDirectory()) return;
    // Directory entries say what they are: no stat per file.
    const entries = (await readdir(abs, { withFileTypes: true })).filter((e) => !SKIP.test(e.name)).sort((a, b) => naturalCompare(a.name, b.name));
    const files: string[] = [];
    for (const e of entries) {
      const child = join(abs, e.name);
      if (e.isDirectory()) await visit(child);
      else if ((e.isFile() || e.isSymbolicLink()) && DATA.test(e.name)) files.push(child);
    }
    const byRole = (role: ReturnType<typeof roleOf>) => files.filter((f) => roleOf(f) === role);
    const [roster] = byRole('roster');
    const [session] = byRole('session');
    const ballots = byRole('ballots');
    const claimed = new Set<string>();
    if (roster !== undefined && session !== undefined && ballots.length > 0) {
      found.push({ kind: 'folder', path: abs, roster, session, ballots, results: byRole('results'), adjudications: byRole('adjudications')[0] ?? null });
      for (const f of [roster, session, ...ballots, ...byRole('results'), ...byRole('adjudications')]) claimed.add(f);
    }
    for (const f of files) if (!claimed.has(f) && WORKBOOK.test(f)) found.push({ kind: 'workbook', path: f });
  };
  for (const p of paths) await visit(p);
  found.sort((a, b) => naturalCompare(a.path, b.path));
  return { found, missing };
}
