// Terminal colours: a handful of ANSI codes, or none (not a terminal, or NO_COLOR).

export interface Style {
  bold(text: string): string;
  red(text: string): string;
  green(text: string): string;
  yellow(text: string): string;
  cyan(text: string): string;
}

const code = (open: number, close: number) => (text: string) => `\u001b[${open}m${text}\u001b[${close}m`;
const plain = (text: string) => text;

export function terminalStyle(enabled: boolean): Style {
  if (!enabled) return { bold: plain, red: plain, green: plain, yellow: plain, cyan: plain };
  return { bold: code(1, 22), red: code(31, 39), green: code(32, 39), yellow: code(33, 39), cyan: code(36, 39) };
}
