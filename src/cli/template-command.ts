// `tally template [-o file.xlsx] [--roster roster.csv] [--ballots N]`
import { hasErrors, problem } from '../model/problem.js';
import { openInput } from '../read/files.js';
import { readRoster } from '../read/roster.js';
import { sheetRole } from '../read/vocabulary.js';
import { renderProblems } from '../report/terminal.js';
import type { Lang } from '../text/lang.js';
import { commandLine, type CommandSpec } from './args.js';
import { HELP } from '../text/cli.js';
import { outputWidth, useColor, type Io } from './io.js';
import { checkOutputs, writeOutputs } from './output.js';
import { extensionsOf, TEMPLATE_WRITERS, writerFor } from './writers.js';
import { checkWholeNumber, commonOptions, limitsFrom, overwriteOption, refuse } from './options.js';

const DEFAULT_NAME = 'phieu-tin-nhiem.xlsx';

export async function runTemplate(argv: readonly string[], io: Io, lang: Lang): Promise<number> {
  const h = HELP[lang];
  const spec: CommandSpec = {
    name: 'tally template',
    description: h.template.description,
    options: [
      { name: '--output', short: '-o', value: 'file', help: h.template.output(extensionsOf(TEMPLATE_WRITERS), DEFAULT_NAME) },
      overwriteOption(h),
      { name: '--roster', value: 'file', help: h.roster },
      { name: '--ballots', value: 'n', help: h.template.ballots },
      ...commonOptions(h),
    ],
  };
  const line = commandLine(spec, argv, io.stdout, io.stderr, lang, h.usage, outputWidth(io.stdout, io));
  if (typeof line === 'number') return line;
  const opts = line.opts as { readonly output?: string; readonly roster?: string; readonly ballots?: string; readonly overwrite?: true };

  const limits = limitsFrom(line.opts['limit'], io, lang);
  if (limits === null) return 2;
  const out = opts.output ?? DEFAULT_NAME;
  const ballots = checkWholeNumber('ballots', opts.ballots, lang, { min: 0, digits: 6 }) ?? null;
  if (ballots !== null && typeof ballots !== 'number') return refuse(io, lang, [ballots]);
  // An existing file is replaced only when it is a template this tool wrote and nobody has typed
  // into since (its marker no longer matches once saved): it may hold typed ballots.
  const rules = { overwrite: opts.overwrite === true, writes: TEMPLATE_WRITERS };
  await checkOutputs([out], opts.roster === undefined ? [] : [opts.roster], rules);

  let cadres = null;
  if (opts.roster !== undefined) {
    const f = await openInput(opts.roster, limits);
    const sheet = f.sheets.find((s) => s.name !== null && sheetRole(s.name) === 'roster') ?? f.sheets[0];
    const read = sheet === undefined ? { cadres: [], problems: [problem('empty-roster', 'error', { file: f.path })] } : readRoster(sheet);
    if (read.problems.length > 0) io.stderr.write(renderProblems(read.problems, lang, useColor(io.stderr, io)));
    if (hasErrors(read.problems)) return 1;
    cadres = read.cadres;
  }
  await writeOutputs([{ path: out, bytes: await (await writerFor(TEMPLATE_WRITERS, out))({ cadres, ballots }) }], undefined, rules);
  io.stderr.write(`${h.written(out)}\n`);
  return 0;
}
