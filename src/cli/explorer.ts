// tally.exe started from File Explorer rather than typed in a command window: double-clicked
// (no arguments) or with a workbook dropped on it (one argument). Without this the window
// flashes shut: a usage error, or a result nobody could read. The only platform-specific part of
// the command line lives here.
//
// Windows has a direct test (the console is owned by this process alone: GetConsoleProcessList
// returns 1) that Node does not expose. The pragmatic one: Windows, standard input and output
// both a console, and no PROMPT in the environment — cmd.exe always sets PROMPT and its
// children inherit it; a program started by Explorer does not have it. A dropped file also
// arrives as a full path (Explorer passes nothing else). From PowerShell, `.\tally D:\x.xlsx`
// alone looks the same and is treated as a drop: reports are written beside it under free
// names, never over a file.
import { stat } from 'node:fs/promises';
import { isatty } from 'node:tty';
import { basename, dirname, extname, join, win32 } from 'node:path';
import { EXPLORER_TEXT, DROPPED_REPORTS } from '../text/explorer.js';
import type { Lang } from '../text/lang.js';
import type { Host, Io } from './io.js';

export type { Host } from './io.js';

/** The real process's host. */
export function processHost(): Host {
  return {
    platform: process.platform,
    console: isatty(0) && isatty(1),
    waitForEnter: () =>
      new Promise<void>((resolve) => {
        const done = () => {
          process.stdin.pause();
          resolve();
        };
        process.stdin.once('data', done);
        process.stdin.once('end', done);
        process.stdin.resume();
      }),
  };
}

export type ExplorerStart = { readonly kind: 'double-click' } | { readonly kind: 'dropped'; readonly file: string };

const DROPPABLE = /\.(xlsx|csv)$/i;

/** How Explorer started the program, or null when it was typed in a command window. */
export async function explorerStart(argv: readonly string[], host: Host | undefined, env: Io['env']): Promise<ExplorerStart | null> {
  if (host === undefined || host.platform !== 'win32' || !host.console || env['PROMPT'] !== undefined) return null;
  if (argv.length === 0) return { kind: 'double-click' };
  const [file] = argv;
  if (argv.length !== 1 || file === undefined || !win32.isAbsolute(file) || !DROPPABLE.test(file)) return null;
  const info = await stat(file).catch(() => null);
  return info?.isFile() === true ? { kind: 'dropped', file } : null;
}

/** "D:\\Phiếu\\hoi-nghi.xlsx" → "D:\\Phiếu\\hoi-nghi-tong-hop.xlsx", or "-tong-hop-2.xlsx"… when taken. */
export async function freeNameBeside(file: string, report: string): Promise<string> {
  const stem = basename(file, extname(file));
  const ext = extname(report);
  const base = report.slice(0, -ext.length);
  for (let n = 1; ; n++) {
    const candidate = join(dirname(file), `${stem}-${base}${n === 1 ? '' : `-${n}`}${ext}`);
    if ((await stat(candidate).catch(() => null)) === null) return candidate;
  }
}

/**
 * Runs what Explorer asked for, then holds the window open until Enter. `tally` is the
 * command-line tally (runTally), passed in so that this module loads no command.
 */
export async function runFromExplorer(start: ExplorerStart, host: Host, io: Io, lang: Lang, tally: (argv: readonly string[]) => Promise<number>): Promise<number> {
  const t = EXPLORER_TEXT[lang];
  let code = 0;
  if (start.kind === 'double-click') io.stdout.write(`${t.help.join('\n')}\n`);
  else {
    io.stdout.write(`${t.dropped(start.file)}\n\n`);
    const outputs = await Promise.all(DROPPED_REPORTS.map((r) => freeNameBeside(start.file, r)));
    code = await tally([start.file, ...outputs.flatMap((o) => ['-o', o])]);
  }
  io.stdout.write(`\n${t.close}\n`);
  await host.waitForEnter();
  return code;
}
