// The command line: main(argv, io) → exit code. 0 done; 1 the data has problems that stop a
// valid result; 2 usage error or internal failure. Nothing here calls process.exit.
import { InputFileError } from '../model/input-error.js';
import type { Lang } from '../text/lang.js';
import { HELP } from './help.js';
import { OutputRefused } from './output-error.js';

export interface Io {
  readonly stdout: { write(s: string): unknown; readonly isTTY?: boolean };
  readonly stderr: { write(s: string): unknown; readonly isTTY?: boolean };
  readonly env: Readonly<Record<string, string | undefined>>;
}

export async function main(argv: readonly string[], io: Io): Promise<number> {
  const lang: Lang = langFromArgv(argv);
  const h = HELP[lang];
  const debug = argv.includes('--debug');
  try {
    // Each command's modules load only when it runs: start-up time is the clerk's wait.
    if (argv[0] === 'template') return await (await import('./template-command.js')).runTemplate(argv.slice(1), io, lang);
    if (argv[0] === 'check') return await (await import('./check-command.js')).runCheck(argv.slice(1), io, lang);
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
      io.stderr.write(`${h.usage}: ${e.path}${line}: ${text}${debug && e.detail && !line && !name ? ` (${e.detail})` : ''}\n`);
      return 2;
    }
    if (e instanceof OutputRefused) {
      io.stderr.write(`${h.usage}: ${e.path}: ${h.refused[e.reason](e.detail, e.path)}\n`);
      return 2;
    }
    io.stderr.write(`${h.internal}: ${(e as Error).message ?? String(e)}; ${h.rerun}\n`);
    if (debug) io.stderr.write(`${(e as Error).stack ?? ''}\n`);
    return 2;
  }
}

function langFromArgv(argv: readonly string[]): Lang {
  const i = argv.findIndex((a) => a === '--lang' || a.startsWith('--lang='));
  if (i < 0) return 'vi';
  const v = argv[i]?.includes('=') ? argv[i]?.split('=')[1] : argv[i + 1];
  return v === 'en' ? 'en' : 'vi';
}

/** Colour only on a terminal, and never with NO_COLOR. */
export function useColor(stream: Io['stdout'], io: Io): boolean {
  return stream.isTTY === true && io.env['NO_COLOR'] === undefined;
}

/** Usage errors as a clerk reads them, in the chosen language. */
export function usageError(io: Io, lang: Lang, message: string): number {
  io.stderr.write(`${HELP[lang].usage}: ${message}\n`);
  return 2;
}
