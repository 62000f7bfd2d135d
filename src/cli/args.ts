// The command line read through commander: --name value, --name=value, -o value, switches,
// repeated options, "--" before file names that begin with a dash. Each command declares its
// line as a CommandSpec (data); this module turns it into a commander Command, reads argv and
// maps commander's outcomes (its error codes) to our own wording in the clerk's language:
// commander's English never reaches the clerk, and nothing here writes or exits.
import { Command, CommanderError, Option } from 'commander';
import { ARGS } from '../text/cli.js';
import type { Lang } from '../text/lang.js';
import { wrapIndented } from '../text/wrap.js';

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

export type Placeholder = keyof typeof ARGS.vi.placeholders;

export type OptionValue = string | readonly string[] | true;

export type ParsedArgs =
  | { readonly kind: 'run'; readonly args: readonly string[]; readonly opts: Readonly<Record<string, OptionValue>> }
  | { readonly kind: 'help'; readonly text: string }
  | { readonly kind: 'version'; readonly text: string }
  | { readonly kind: 'error'; readonly message: string };

/** "--mark-threshold" → "markThreshold": the key of an option's value (commander's own naming). */
export const optionKey = (name: string) => name.replace(/^--/, '').replace(/-([a-z])/g, (_, c: string) => c.toUpperCase());

/** A value outside an option's choices: thrown from commander's argParser, carried out of parse(). */
class ChoiceRefused extends Error {}

/** The width help is wrapped to when none is given. */
const HELP_WIDTH = 80;

function flagsOf(o: OptionSpec, lang: Lang): string {
  const w = ARGS[lang];
  return `${o.short === undefined ? '' : `${o.short}, `}${o.name}${o.value === undefined ? '' : ` <${w.placeholders[o.value]}>`}`;
}

/** The commander Command of a spec, speaking `lang`, writing into `sink` instead of a stream. */
function build(spec: CommandSpec, lang: Lang, sink: { out: string }, width: number): Command {
  const w = ARGS[lang];
  const titles: Readonly<Record<string, string>> = { 'Usage:': `${w.usage}:`, 'Options:': `${w.options}:`, 'Arguments:': `${w.args}:` };
  const program = new Command(spec.name)
    .description(spec.description)
    .usage(`[${w.optionsWord}]${spec.args === undefined ? '' : ` <${w.placeholders[spec.args.placeholder]}>`}`)
    .helpOption('-h, --help', w.help)
    .exitOverride()
    .showSuggestionAfterError(true)
    .allowExcessArguments(false)
    .configureOutput({
      writeOut: (s) => (sink.out += s),
      writeErr: () => undefined,
      outputError: () => undefined,
      getOutHelpWidth: () => width,
      getErrHelpWidth: () => width,
      getOutHasColors: () => false,
      getErrHasColors: () => false,
    })
    .configureHelp({
      styleTitle: (title) => titles[title] ?? title,
      argumentTerm: () => (spec.args === undefined ? '' : `<${w.placeholders[spec.args.placeholder]}>`),
    });
  // Commander's variadic marker is "..."; the clerk sees the placeholder above.
  if (spec.args !== undefined) program.argument(spec.args.min > 0 ? '<args...>' : '[args...]', spec.args.help);
  for (const o of spec.options) {
    const option = new Option(flagsOf(o, lang), o.help);
    const choices = o.choices;
    if (o.repeat === true) option.argParser((v: string, previous: string[] | undefined) => [...(previous ?? []), v]);
    else if (choices !== undefined)
      option.argParser((v: string) => {
        if (!choices.includes(v)) throw new ChoiceRefused(w.choice(o.name, v, choices));
        return v;
      });
    program.addOption(option);
  }
  if (spec.version !== undefined) program.version(spec.version, '-V, --version', w.version);
  return program;
}

/** Reads a command's line. Help and version come back as text to print; errors as a message. */
export function parseArgs(spec: CommandSpec, argv: readonly string[], lang: Lang, width = HELP_WIDTH): ParsedArgs {
  const sink = { out: '' };
  const program = build(spec, lang, sink, width);
  try {
    program.parse([...argv], { from: 'user' });
  } catch (e) {
    if (e instanceof ChoiceRefused) return { kind: 'error', message: e.message };
    if (!(e instanceof CommanderError)) throw e;
    return outcomeOf(e, spec, program, lang, sink.out, width);
  }
  const opts: Record<string, OptionValue> = {};
  for (const o of spec.options) if (o.repeat === true) opts[optionKey(o.name)] = [];
  for (const [key, value] of Object.entries(program.opts())) if (value !== undefined) opts[key] = value as OptionValue;
  return { kind: 'run', args: program.args, opts };
}

/** Commander's outcome, by its error code, in our words. */
function outcomeOf(e: CommanderError, spec: CommandSpec, program: Command, lang: Lang, out: string, width: number): ParsedArgs {
  const w = ARGS[lang];
  switch (e.code) {
    case 'commander.helpDisplayed':
    case 'commander.help':
      return { kind: 'help', text: out + helpAfter(spec, lang, width) };
    case 'commander.version':
      return { kind: 'version', text: out };
    case 'commander.unknownOption': {
      const flag = /'(.*)'/.exec(e.message)?.[1] ?? '';
      const eq = flag.startsWith('--') ? flag.indexOf('=') : -1;
      if (eq > 0) {
        // "--json=yes": a switch given a value; "--ouput=x.xlsx": a mistyped name, suggested as
        // commander suggests it for the name alone.
        const name = flag.slice(0, eq);
        if (spec.options.some((o) => o.name === name && o.value === undefined)) return { kind: 'error', message: w.noValue(name) };
        const again = parseArgs(spec, [name], lang, width);
        if (again.kind === 'error') return again;
      }
      const like = suggested(e.message);
      return { kind: 'error', message: like.length > 0 ? w.didYouMean(flag, like) : w.unknown(flag) };
    }
    case 'commander.optionMissingArgument': {
      const flags = /'(.*)'/.exec(e.message)?.[1] ?? '';
      const o = spec.options.find((x) => flagsOf(x, lang) === flags);
      return { kind: 'error', message: w.missingValue(o === undefined ? flags : `${o.name} <${w.placeholders[o.value ?? 'text']}>`) };
    }
    case 'commander.missingArgument':
      return { kind: 'error', message: w.missingArgs(`<${w.placeholders[spec.args?.placeholder ?? 'files']}>`) };
    case 'commander.excessArguments':
      return { kind: 'error', message: w.extraArg(program.args[0] ?? '') };
    default:
      // A code this version of commander did not have: its message still names what is wrong.
      return { kind: 'error', message: e.message.replace(/^error: /, '') };
  }
}

/** The options commander's "(Did you mean …?)" names: the wording is ours, the guess is commander's. */
function suggested(message: string): string[] {
  const m = /\(Did you mean (?:one of )?(.+)\?\)/.exec(message);
  return m === null ? [] : (m[1] ?? '').split(', ');
}

/** The help text of a command. */
export function renderHelp(spec: CommandSpec, lang: Lang, width = HELP_WIDTH): string {
  const sink = { out: '' };
  const program = build(spec, lang, sink, width);
  return program.helpInformation() + helpAfter(spec, lang, width);
}

/** The other commands, after the options. */
function helpAfter(spec: CommandSpec, lang: Lang, width: number): string {
  if (spec.commands === undefined) return '';
  const w = ARGS[lang];
  const lines = spec.commands.flatMap(([usage, description]) => [wrapIndented(usage, width, '      ', '  '), wrapIndented(description, width, '      ')]);
  return `\n${w.commands}:\n${lines.join('\n')}\n`;
}

/**
 * Reads a command's line; prints the help, the version or the usage error itself. Returns the
 * arguments and options, or the exit code to stop with (0 after help or version, 2 on error).
 */
export function commandLine(spec: CommandSpec, argv: readonly string[], out: { write(s: string): unknown }, err: { write(s: string): unknown }, lang: Lang, usagePrefix: string, width = HELP_WIDTH): { readonly args: readonly string[]; readonly opts: Readonly<Record<string, OptionValue>> } | number {
  const parsed = parseArgs(spec, argv, lang, width);
  switch (parsed.kind) {
    case 'help':
    case 'version':
      out.write(parsed.text);
      return 0;
    case 'error':
      err.write(`${usagePrefix}: ${parsed.message}\n`);
      return 2;
    case 'run':
      return parsed;
  }
}
