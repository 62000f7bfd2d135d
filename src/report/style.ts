// Terminal colours through chalk, at the level the caller decided (src/cli/io.ts useColor: a
// terminal, NO_COLOR, FORCE_COLOR): chalk's own guess from process.stdout is never used, so a
// report rendered for a file or a test is plain whatever the process runs in.
import { Chalk } from 'chalk';

export interface Style {
  bold(text: string): string;
  red(text: string): string;
  green(text: string): string;
  yellow(text: string): string;
  cyan(text: string): string;
}

const plain = (text: string) => text;
const PLAIN: Style = { bold: plain, red: plain, green: plain, yellow: plain, cyan: plain };

export function terminalStyle(enabled: boolean): Style {
  if (!enabled) return PLAIN;
  // Sixteen colours are all the report uses; every colour terminal has them.
  const chalk = new Chalk({ level: 1 });
  return { bold: (t) => chalk.bold(t), red: (t) => chalk.red(t), green: (t) => chalk.green(t), yellow: (t) => chalk.yellow(t), cyan: (t) => chalk.cyan(t) };
}
