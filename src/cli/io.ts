// What every command shares with main(): the injected streams and environment, the colour
// decision and the way a usage error is said. Its own module, so that the commands need not
// import main.ts (which loads them).
import { HELP } from '../text/cli.js';
import type { Lang } from '../text/lang.js';
import { screenText } from '../model/text-as-data.js';

export interface OutStream {
  write(s: string): unknown;
  readonly isTTY?: boolean;
  /** The terminal's width, when it is one. */
  readonly columns?: number;
}

/** What main() needs to know about how it was started (src/cli/explorer.ts), injected in tests. */
export interface Host {
  readonly platform: NodeJS.Platform;
  /** Standard input and standard output are both a console (a terminal). */
  readonly console: boolean;
  /** Waits until the clerk presses Enter (or standard input ends). */
  waitForEnter(): Promise<void>;
}

export interface Io {
  readonly stdout: OutStream;
  readonly stderr: OutStream;
  readonly env: Readonly<Record<string, string | undefined>>;
  /** How the process was started (src/cli/explorer.ts); absent in tests and embedding. */
  readonly host?: Host;
}

/**
 * Colour on a terminal only. FORCE_COLOR decides when set (0 or false: never; anything else:
 * always, even into a file); otherwise NO_COLOR (any non-empty value, https://no-color.org)
 * turns it off.
 */
export function useColor(stream: OutStream, io: Io): boolean {
  const force = io.env['FORCE_COLOR'];
  if (force !== undefined) return !['0', 'false'].includes(force.trim().toLowerCase());
  const no = io.env['NO_COLOR'];
  if (no !== undefined && no !== '') return false;
  return stream.isTTY === true;
}

/** Columns below which a table no longer tries to keep every column. */
export const MIN_WIDTH = 80;

/**
 * The width the screen report must fit. COLUMNS (a whole number) decides when set, as for
 * ls or Python; else the terminal's own width; else — a file, a pipe, `| more` in an 80-column
 * console — 80.
 */
export function outputWidth(stream: OutStream, io: Io): number {
  const env = io.env['COLUMNS'];
  if (env !== undefined && /^\d{1,4}$/.test(env.trim()) && Number(env) > 0) return Number(env);
  if (stream.isTTY === true && stream.columns !== undefined && stream.columns > 0) return stream.columns;
  return MIN_WIDTH;
}

/** A usage error as a clerk reads it, in the chosen language: exit 2. */
export function usageError(io: Io, lang: Lang, message: string): number {
  // A message names paths and values typed or found on disk: their controls are shown, not obeyed.
  io.stderr.write(`${HELP[lang].usage}: ${screenText(message)}\n`);
  return 2;
}
