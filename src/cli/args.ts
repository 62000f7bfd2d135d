// The command line read as a clerk types it: --name value, --name=value, -o value, switches,
// repeated options, "--" before file names that begin with a dash. Every message and the help
// are in the clerk's language.
import type { Lang } from '../text/lang.js';

export interface OptionSpec {
  /** "--roster" */
  readonly name: string;
  /** "-o" */
  readonly short?: string;
  /** The value's placeholder ("file", "n"…); a switch has none. */
  readonly value?: Placeholder;
  /** Given any number of times, collected in order. */
  readonly repeat?: boolean;
  readonly choices?: readonly string[];
  readonly help: string;
}

export interface CommandSpec {
  /** "tally", "tally check"… */
  readonly name: string;
  readonly description: string;
  /** The file or folder arguments, or none. */
  readonly args?: { readonly placeholder: Placeholder; readonly help: string; readonly min: number };
  readonly options: readonly OptionSpec[];
  /** -V, --version prints this. */
  readonly version?: string;
  /** Other commands, listed at the end of the help: [usage, description]. */
  readonly commands?: readonly (readonly [string, string])[];
}

export type Placeholder = keyof typeof WORDS.vi.placeholders;

export type OptionValue = string | readonly string[] | true;

export type ParsedArgs =
  | { readonly kind: 'run'; readonly args: readonly string[]; readonly opts: Readonly<Record<string, OptionValue>> }
  | { readonly kind: 'help' | 'version' }
  | { readonly kind: 'error'; readonly message: string };

const WORDS = {
  vi: {
    usage: 'Cách dùng',
    options: 'Tùy chọn',
    args: 'Tham số',
    commands: 'Lệnh khác',
    optionsWord: 'tùy chọn',
    help: 'in hướng dẫn này',
    version: 'in số phiên bản',
    unknown: (o: string) => `không có tùy chọn ${o} (xem --help)`,
    missingValue: (o: string) => `thiếu giá trị cho ${o}`,
    noValue: (o: string) => `${o} không nhận giá trị`,
    choice: (o: string, v: string, all: readonly string[]) => `giá trị '${v}' của ${o} không hợp lệ; chọn ${all.join(' hoặc ')}`,
    missingArgs: (p: string) => `thiếu ${p} (xem --help)`,
    extraArg: (a: string) => `không dùng tham số '${a}' (xem --help)`,
    placeholders: { file: 'tệp', files: 'tệp…', paths: 'đường-dẫn…', entries: 'tệp-nhập…', text: 'chữ', date: 'ngày', n: 'số', ratio: 'tỷ-lệ', map: 'bảng', regime: 'quy-định', basis: 'mẫu-số', lang: 'ngôn-ngữ', limit: 'tên=giá-trị' },
  },
  en: {
    usage: 'Usage',
    options: 'Options',
    args: 'Arguments',
    commands: 'Other commands',
    optionsWord: 'options',
    help: 'print this help',
    version: 'print the version',
    unknown: (o: string) => `unknown option ${o} (see --help)`,
    missingValue: (o: string) => `${o} needs a value`,
    noValue: (o: string) => `${o} takes no value`,
    choice: (o: string, v: string, all: readonly string[]) => `invalid value '${v}' for ${o}; choose ${all.join(' or ')}`,
    missingArgs: (p: string) => `missing ${p} (see --help)`,
    extraArg: (a: string) => `unexpected argument '${a}' (see --help)`,
    placeholders: { file: 'file', files: 'files…', paths: 'paths…', entries: 'entries…', text: 'text', date: 'date', n: 'n', ratio: 'ratio', map: 'map', regime: 'regime', basis: 'basis', lang: 'lang', limit: 'name=value' },
  },
} as const;

/** "--mark-threshold" → "markThreshold": the key of an option's value. */
export const optionKey = (name: string) => name.replace(/^--/, '').replace(/-([a-z])/g, (_, c: string) => c.toUpperCase());

export function parseArgs(spec: CommandSpec, argv: readonly string[], lang: Lang): ParsedArgs {
  const w = WORDS[lang];
  const opts: Record<string, OptionValue> = {};
  for (const o of spec.options) if (o.repeat === true) opts[optionKey(o.name)] = [];
  const args: string[] = [];
  const find = (flag: string) => spec.options.find((o) => o.name === flag || o.short === flag);
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] as string;
    if (a === '--') {
      args.push(...argv.slice(i + 1));
      break;
    }
    if (a === '--help' || a === '-h') return { kind: 'help' };
    if (spec.version !== undefined && (a === '--version' || a === '-V')) return { kind: 'version' };
    if (!a.startsWith('-') || a === '-') {
      args.push(a);
      continue;
    }
    const eq = a.startsWith('--') ? a.indexOf('=') : -1;
    const flag = eq < 0 ? a : a.slice(0, eq);
    const option = find(flag);
    if (option === undefined) return { kind: 'error', message: w.unknown(flag) };
    const key = optionKey(option.name);
    if (option.value === undefined) {
      if (eq >= 0) return { kind: 'error', message: w.noValue(option.name) };
      opts[key] = true;
      continue;
    }
    // A value may begin with a dash: whatever follows the option is its value.
    let value: string;
    if (eq >= 0) value = a.slice(eq + 1);
    else {
      const next = argv[i + 1];
      if (next === undefined) return { kind: 'error', message: w.missingValue(`${option.name} <${w.placeholders[option.value]}>`) };
      value = next;
      i++;
    }
    if (option.choices !== undefined && !option.choices.includes(value)) return { kind: 'error', message: w.choice(option.name, value, option.choices) };
    opts[key] = option.repeat === true ? [...(opts[key] as string[]), value] : value;
  }
  if (spec.args === undefined) {
    if (args.length > 0) return { kind: 'error', message: w.extraArg(args[0] as string) };
  } else if (args.length < spec.args.min) return { kind: 'error', message: w.missingArgs(`<${w.placeholders[spec.args.placeholder]}>`) };
  return { kind: 'run', args, opts };
}

/** The help text of a command. */
export function renderHelp(spec: CommandSpec, lang: Lang): string {
  const w = WORDS[lang];
  const rows: [string, string][] = spec.options.map((o) => [`${o.short === undefined ? '    ' : `${o.short}, `}${o.name}${o.value === undefined ? '' : ` <${w.placeholders[o.value]}>`}`, o.help]);
  if (spec.version !== undefined) rows.push(['-V, --version', w.version]);
  rows.push(['-h, --help', w.help]);
  const width = Math.max(...rows.map(([left]) => left.length)) + 2;
  const lines = [`${w.usage}: ${spec.name} [${w.optionsWord}]${spec.args === undefined ? '' : ` <${w.placeholders[spec.args.placeholder]}>`}`, '', spec.description, ''];
  if (spec.args !== undefined) lines.push(`${w.args}:`, `  ${`<${w.placeholders[spec.args.placeholder]}>`.padEnd(width)}${spec.args.help}`, '');
  lines.push(`${w.options}:`, ...rows.map(([left, help]) => `  ${left.padEnd(width)}${help}`));
  if (spec.commands !== undefined) lines.push('', `${w.commands}:`, ...spec.commands.flatMap(([usage, description]) => [`  ${usage}`, `      ${description}`]));
  return `${lines.join('\n')}\n`;
}

/**
 * Reads a command's line; prints the help, the version or the usage error itself. Returns the
 * arguments and options, or the exit code to stop with (0 after help or version, 2 on error).
 */
export function commandLine(spec: CommandSpec, argv: readonly string[], out: { write(s: string): unknown }, err: { write(s: string): unknown }, lang: Lang, usagePrefix: string): { readonly args: readonly string[]; readonly opts: Readonly<Record<string, OptionValue>> } | number {
  const parsed = parseArgs(spec, argv, lang);
  switch (parsed.kind) {
    case 'help':
      out.write(renderHelp(spec, lang));
      return 0;
    case 'version':
      out.write(`${spec.version}\n`);
      return 0;
    case 'error':
      err.write(`${usagePrefix}: ${parsed.message}\n`);
      return 2;
    case 'run':
      return parsed;
  }
}
