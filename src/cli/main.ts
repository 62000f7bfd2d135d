// The command line: main(argv, io) → exit code. 0 done; 1 the data has problems that stop a
// valid result; 2 usage error or internal failure. Nothing here calls process.exit.
import { InputFileError } from '../model/input-error.js';
import { screenText } from '../model/text-as-data.js';
import { HELP } from '../text/cli.js';
import { loadColour } from '../report/style.js';
import type { Lang } from '../text/lang.js';
import { stat } from 'node:fs/promises';
import { useColor, usageError, type Io } from './io.js';
import { notFoundMessage } from './file-messages.js';
import { OutputRefused } from './output-error.js';
import { explorerStart, runFromExplorer } from './explorer.js';

export type { Io } from './io.js';
// For bin/tally.js, before main: the engine's settings are the process's, not a test's.
export { preferShortRuns } from './engine.js';
export { processHost } from './explorer.js';

export async function main(given: readonly string[], io: Io): Promise<number> {
  const argv = withWindowsHelp(given);
  // The language is read before anything else, so that commander's help and errors (and ours)
  // are in it from the first word.
  const lang: Lang = langFromArgv(argv);
  // Double-clicked, or a workbook dropped on tally.exe: shown in a window that must stay open,
  // whatever the command says (a result, a data error, a file that cannot be read).
  const explorer = await explorerStart(argv, io.host, io.env);
  if (explorer !== null && io.host !== undefined) return await runFromExplorer(explorer, io.host, io, lang, (args) => command(args, io, lang));
  return await command(argv, io, lang);
}

async function command(argv: readonly string[], io: Io, lang: Lang): Promise<number> {
  const h = HELP[lang];
  const debug = argv.includes('--debug');
  try {
    // Colour only where it will be shown: chalk is not even loaded otherwise.
    if (useColor(io.stdout, io) || useColor(io.stderr, io)) await loadColour();
    // Each command's modules load only when it runs: start-up time is the clerk's wait.
    if (argv[0] === 'template') return await (await import('./template-command.js')).runTemplate(argv.slice(1), io, lang);
    if (argv[0] === 'check') return await (await import('./check-command.js')).runCheck(argv.slice(1), io, lang);
    if (argv[0] === 'summary') return await (await import('./summary-command.js')).runSummary(argv.slice(1), io, lang);
    if (argv[0] === 'ballot-form') return await (await import('./ballot-form-command.js')).runBallotForm(argv.slice(1), io, lang);
    if (argv[0] === 'reconcile') return await (await import('./reconcile-command.js')).runReconcile(argv.slice(1), io, lang);
    const like = await mistypedCommand(argv[0]);
    if (like !== null) return usageError(io, lang, h.unknownCommand(argv[0] ?? '', like));
    return await (await import('./tally-command.js')).runTally(argv, io, lang);
  } catch (e) {
    if (e instanceof InputFileError) {
      // A missing file and a locked one are told apart, each with what to do.
      if (e.reason === 'not-found') return said(io, await notFoundMessage(e.path, argv, lang));
      if (e.reason === 'unreadable') return said(io, ['EBUSY', 'EPERM', 'EACCES'].includes(e.detail) ? h.inputLocked(screenText(e.path)) : h.inputUnreadable(screenText(e.path), e.detail));
      const where = e.limit?.where ?? null;
      const line = e.reason === 'bad-csv' && e.detail !== '0' ? ` (${h.line} ${e.detail})` : where === null ? '' : ` (${h[where.kind]} ${where.n})`;
      const name = e.reason === 'legacy-encoding' ? (e.detail === 'TCVN3' ? 'TCVN3 (ABC)' : 'VNI Windows') : '';
      const text =
        e.limit === undefined
          ? h.file[e.reason].replaceAll('{0}', name)
          : h.file['too-large'].replace('{0}', h.limits[e.limit.name](e.limit.value)).replace('{1}', e.limit.name);
      io.stderr.write(`${h.usage}: ${screenText(e.path)}${line}: ${text}${debug && e.detail && !line && !name ? ` (${screenText(e.detail)})` : ''}\n`);
      return 2;
    }
    if (e instanceof OutputRefused) {
      if (e.reason === 'exists') return said(io, h.refused.exists(screenText(e.detail), screenText(e.path)));
      io.stderr.write(`${h.usage}: ${screenText(e.path)}: ${h.refused[e.reason](screenText(e.detail), screenText(e.path))}\n`);
      return 2;
    }
    io.stderr.write(`${h.internal}: ${screenText((e as Error).message ?? String(e))}; ${h.rerun}\n`);
    if (debug) io.stderr.write(`${(e as Error).stack ?? ''}\n`);
    return 2;
  }
}

const said = (io: Io, message: string) => {
  io.stderr.write(`${message}\n`);
  return 2;
};

/** "/?" and "-?" ask for help on Windows; commander knows only -h and --help. */
function withWindowsHelp(argv: readonly string[]): readonly string[] {
  const end = argv.indexOf('--');
  return argv.map((a, i) => ((end < 0 || i < end) && (a === '/?' || a === '-?') ? '--help' : a));
}

const COMMANDS = ['check', 'summary', 'reconcile', 'template'] as const;

/**
 * The command a first argument was meant to be ("chek" → check): only a word that names no
 * existing file, within two edits of exactly one command.
 */
async function mistypedCommand(first: string | undefined): Promise<string | null> {
  if (first === undefined || !/^[a-z][a-z-]+$/i.test(first)) return null;
  const near = COMMANDS.filter((c) => editDistance(first.toLowerCase(), c) <= 2);
  if (near.length !== 1) return null;
  return (await stat(first).catch(() => null)) === null ? (near[0] ?? null) : null;
}

/** Edits (insert, delete, replace, swap two neighbours) from a to b. */
function editDistance(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const row = d[i] as number[];
      const up = d[i - 1] as number[];
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      row[j] = Math.min((up[j] as number) + 1, (row[j - 1] as number) + 1, (up[j - 1] as number) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) row[j] = Math.min(row[j] as number, ((d[i - 2] as number[])[j - 2] as number) + 1);
    }
  }
  return (d[a.length] as number[])[b.length] as number;
}

/** The --lang given on the line (before any "--"); Vietnamese unless it says en. */
function langFromArgv(argv: readonly string[]): Lang {
  const end = argv.indexOf('--');
  const i = (end < 0 ? argv : argv.slice(0, end)).findIndex((a) => a === '--lang' || a.startsWith('--lang='));
  if (i < 0) return 'vi';
  const v = argv[i]?.includes('=') ? argv[i]?.split('=')[1] : argv[i + 1];
  return v === 'en' ? 'en' : 'vi';
}

