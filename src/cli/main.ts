// The command line: main(argv, io) → exit code. 0 done; 1 the data has problems that stop a
// valid result; 2 usage error or internal failure. Nothing here calls process.exit.
import { InputFileError } from '../model/input-error.js';
import { screenText } from '../model/text-as-data.js';
import { HELP } from '../text/cli.js';
import { loadColour } from '../report/style.js';
import type { Lang } from '../text/lang.js';
import { useColor, type Io } from './io.js';
import { OutputRefused } from './output-error.js';

export type { Io } from './io.js';
// For bin/tally.js, before main: the engine's settings are the process's, not a test's.
export { preferShortRuns } from './engine.js';

export async function main(argv: readonly string[], io: Io): Promise<number> {
  // The language is read before anything else, so that commander's help and errors (and ours)
  // are in it from the first word.
  const lang: Lang = langFromArgv(argv);
  const h = HELP[lang];
  const debug = argv.includes('--debug');
  try {
    // Colour only where it will be shown: chalk is not even loaded otherwise.
    if (useColor(io.stdout, io) || useColor(io.stderr, io)) await loadColour();
    // Each command's modules load only when it runs: start-up time is the clerk's wait.
    if (argv[0] === 'template') return await (await import('./template-command.js')).runTemplate(argv.slice(1), io, lang);
    if (argv[0] === 'check') return await (await import('./check-command.js')).runCheck(argv.slice(1), io, lang);
    if (argv[0] === 'summary') return await (await import('./summary-command.js')).runSummary(argv.slice(1), io, lang);
    if (argv[0] === 'reconcile') return await (await import('./reconcile-command.js')).runReconcile(argv.slice(1), io, lang);
    return await (await import('./tally-command.js')).runTally(argv, io, lang);
  } catch (e) {
    if (e instanceof InputFileError) {
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
      io.stderr.write(`${h.usage}: ${screenText(e.path)}: ${h.refused[e.reason](screenText(e.detail), screenText(e.path))}\n`);
      return 2;
    }
    io.stderr.write(`${h.internal}: ${screenText((e as Error).message ?? String(e))}; ${h.rerun}\n`);
    if (debug) io.stderr.write(`${(e as Error).stack ?? ''}\n`);
    return 2;
  }
}

/** The --lang given on the line (before any "--"); Vietnamese unless it says en. */
function langFromArgv(argv: readonly string[]): Lang {
  const end = argv.indexOf('--');
  const i = (end < 0 ? argv : argv.slice(0, end)).findIndex((a) => a === '--lang' || a.startsWith('--lang='));
  if (i < 0) return 'vi';
  const v = argv[i]?.includes('=') ? argv[i]?.split('=')[1] : argv[i + 1];
  return v === 'en' ? 'en' : 'vi';
}

