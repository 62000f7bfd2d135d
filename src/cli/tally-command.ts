// `tally <files…>`: one session, reported on screen and to the requested files.
import { Command, Option } from 'commander';
import { gatherInputs } from '../read/inputs.js';
import type { ReportContext } from '../report/context.js';
import { reporterFor } from '../report/registry.js';
import { renderProblems, renderTerminal } from '../report/terminal.js';
import { tallySession } from '../tally.js';
import type { Lang } from '../text/lang.js';
import { auditOptions } from './audit.js';
import { HELP } from './help.js';
import { useColor, usageError, type Io } from './main.js';
import { checkTallyOptions, sessionFlags, typedSessionFlags } from './options.js';
import { checkOutputs, writeOutputs } from './output.js';
import { VERSION } from './version.js';

const collect = (value: string, previous: string[]) => [...previous, value];

export async function runTally(argv: readonly string[], io: Io, lang: Lang): Promise<number> {
  const h = HELP[lang];
  let parsed: { files: string[]; opts: Record<string, unknown> } | null = null;
  const program = new Command('tally')
    .description(h.description)
    .version(VERSION, '-V, --version')
    .argument('<files...>', h.files)
    .option('--roster <file>', h.roster)
    .option('--session <file>', h.session)
    .option('--title <text>', h.title)
    .option('--body <text>', h.body)
    .option('--date <date>', h.date)
    .option('--round <text>', h.round)
    .option('--regime <regime>', h.regime)
    .option('--denominator <basis>', h.denominator)
    .option('--convened <n>', h.convened, collect, [])
    .option('--present <n>', h.present, collect, [])
    .option('--issued <n>', h.issued, collect, [])
    .option('--returned <n>', h.returned, collect, [])
    .option('--strict', h.strict)
    .option('--mark-threshold <ratio>', h.markThreshold)
    .option('--blank-threshold <ratio>', h.blankThreshold)
    .option('--omr-letters <map>', h.omrLetters)
    .option('--adjudications <file>', h.adjudications)
    .addOption(new Option('--lang <lang>', h.lang).choices(['vi', 'en']).default('vi'))
    .option('--json', h.json)
    .option('-o, --output <file>', h.output, collect, [])
    .option('--debug', h.debug)
    .exitOverride()
    .configureOutput({ writeOut: (s) => io.stdout.write(s), writeErr: (s) => io.stderr.write(s) })
    .action((files: string[], opts: Record<string, unknown>) => {
      parsed = { files, opts };
    });
  await program.parseAsync([...argv], { from: 'user' });
  if (parsed === null) return 2;
  const { files, opts } = parsed as { files: string[]; opts: Record<string, unknown> };
  const checked = checkTallyOptions(opts);
  if (!checked.ok) {
    for (const name of checked.bad) {
      usageError(io, lang, h.badOption(name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`), [opts[name] ?? ''].flat().join(' ')));
    }
    return 2;
  }
  const o = checked.options;
  const inputPaths = [...files, ...[o.roster, o.session, o.adjudications].filter((p): p is string => p !== undefined)];
  await checkOutputs(o.output, inputPaths);

  const inputs = await gatherInputs({
    files,
    ...(o.roster === undefined ? {} : { roster: o.roster }),
    ...(o.session === undefined ? {} : { session: o.session }),
    ...(o.adjudications === undefined ? {} : { adjudications: o.adjudications }),
  });
  const outcome = await tallySession(inputs, sessionFlags(o), typedSessionFlags(o));
  const fixed = outcome.problems.find((p) => p.code === 'denominator-fixed');
  if (fixed !== undefined && outcome.session.origins.denominator === 'flag') {
    io.stderr.write(renderProblems([fixed], lang, useColor(io.stderr, io)).replace(/^[^:]+:/, `${h.usage}:`));
    return 2;
  }
  if (outcome.problems.length > 0) io.stderr.write(renderProblems(outcome.problems, lang, useColor(io.stderr, io)));

  // Report files only when there is a result (SPEC §3 "On exit 1" (a)).
  const ballotTypes = outcome.ballotTypes;
  if (ballotTypes !== null && o.output.length > 0) {
    const ctx: ReportContext = { outcome: { ...outcome, ballotTypes }, lang, version: VERSION, options: auditOptions(outcome, lang, argv.some((a) => a.startsWith('--lang'))) };
    const rendered = await Promise.all(o.output.map(async (path) => ({ path, bytes: await (await reporterFor(path))(ctx) })));
    await writeOutputs(rendered);
    for (const f of rendered) io.stderr.write(`${h.written(f.path)}\n`);
  }
  io.stdout.write(o.json === true ? (await import('../report/json.js')).renderJson(outcome, lang) : renderTerminal(outcome, lang, useColor(io.stdout, io)));
  return outcome.problems.some((p) => p.severity === 'error') ? 1 : 0;
}
