// Terminal colours through chalk, at the level the caller decided (src/cli/io.ts useColor: a
// terminal, NO_COLOR, FORCE_COLOR): chalk's own guess from process.stdout is never used, so a
// report rendered for a file or a test is plain whatever the process runs in. chalk is loaded
// only when colour will be shown (loadColour, called by main): its start-up detection costs a
// few milliseconds every run that prints to a file, a pipe or --json otherwise.
import type { ChalkInstance } from 'chalk';

export interface Style {
  bold(text: string): string;
  red(text: string): string;
  green(text: string): string;
  yellow(text: string): string;
  cyan(text: string): string;
}

const plain = (text: string) => text;
const PLAIN: Style = { bold: plain, red: plain, green: plain, yellow: plain, cyan: plain };

let chalk: ChalkInstance | null = null;

/** Loads chalk, before any report that shows colour is rendered. */
export async function loadColour(): Promise<void> {
  if (chalk !== null) return;
  const { Chalk } = await import('chalk');
  // Sixteen colours are all the report uses; every colour terminal has them.
  chalk = new Chalk({ level: 1 });
}

export function terminalStyle(enabled: boolean): Style {
  if (!enabled) return PLAIN;
  const c = chalk;
  if (c === null) throw new Error('colour asked for before loadColour()');
  return { bold: (t) => c.bold(t), red: (t) => c.red(t), green: (t) => c.green(t), yellow: (t) => c.yellow(t), cyan: (t) => c.cyan(t) };
}
