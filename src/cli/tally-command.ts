// `tally <files…>`: one session, reported on screen and to the requested files.
import { readSessionInputs } from '../read/inputs.js';
import type { ReportContext } from '../report/context.js';
import { REPORTERS } from '../report/registry.js';
import { renderProblems, renderTerminal } from '../report/terminal.js';
import { tallySession } from '../tally.js';
import { REGIME_LIST } from '../rules/regimes.js';
import type { Lang } from '../text/lang.js';
import { commandLine, type CommandSpec } from './args.js';
import { auditOptions } from './audit.js';
import { SUMMARY_TEXT } from '../text/summary.js';
import { HELP } from '../text/cli.js';
import { outputWidth, useColor, type Io } from './io.js';
import { checkTallyOptions, sessionSourceOptions, commonOptions, overwriteOption, limitsFrom, refuse, sessionFlags, typedSessionFlags } from './options.js';
import { checkOutputs, writeOutputs } from './output.js';
import { extensionsOf, writerFor } from './writers.js';
import { VERSION } from './version.js';
import { keepYoungGenerationSmall } from './engine.js';
import { hasErrors } from '../model/problem.js';

export function tallySpec(lang: Lang): CommandSpec {
  const h = HELP[lang];
  const o = sessionSourceOptions(h, lang);
  return {
    name: 'tally',
    description: h.description,
    version: VERSION,
    args: { placeholder: 'files', help: h.files, min: 1 },
    commands: [
      [h.commands.check, h.check.description],
      [h.commands.summary, SUMMARY_TEXT[lang].help.description],
      [h.commands.reconcile, h.reconcile.description],
      [h.commands.template, h.template.description],
      [h.commands.ballotForm, h.ballotForm.description],
    ],
    options: [
      o.roster,
      o.session,
      o.title,
      o.body,
      o.parentBody,
      { name: '--number', value: 'text', help: h.number },
      o.date,
      { name: '--round', value: 'text', help: h.round },
      o.regime,
      { name: '--denominator', value: 'basis', help: h.denominator(REGIME_LIST.filter((r) => !r.basisFixed).map((r) => r.id)) },
      { name: '--convened', value: 'n', repeat: true, help: h.convened },
      { name: '--present', value: 'n', repeat: true, help: h.present },
      { name: '--issued', value: 'n', repeat: true, help: h.issued },
      { name: '--returned', value: 'n', repeat: true, help: h.returned },
      { name: '--strict', help: h.strict },
      { name: '--mark-threshold', value: 'ratio', help: h.markThreshold },
      { name: '--blank-threshold', value: 'ratio', help: h.blankThreshold },
      { name: '--omr-letters', value: 'map', help: h.omrLetters },
      { name: '--adjudications', value: 'file', help: h.adjudications },
      { name: '--json', help: h.json },
      { name: '--output', short: '-o', value: 'file', repeat: true, help: h.output(extensionsOf(REPORTERS)) },
      overwriteOption(h),
      ...commonOptions(h),
    ],
  };
}

export async function runTally(argv: readonly string[], io: Io, lang: Lang): Promise<number> {
  const h = HELP[lang];
  const line = commandLine(tallySpec(lang), argv, io.stdout, io.stderr, lang, h.usage, outputWidth(io.stdout, io));
  if (typeof line === 'number') return line;
  const files = [...line.args];
  const checked = checkTallyOptions(line.opts, lang);
  if (!checked.ok) return refuse(io, lang, checked.bad);
  const o = checked.options;
  const limits = limitsFrom(line.opts['limit'], io, lang);
  if (limits === null) return 2;
  keepYoungGenerationSmall();
  const inputPaths = [...files, ...[o.roster, o.session, o.adjudications].filter((p): p is string => p !== undefined)];
  await checkOutputs(o.output, inputPaths, { overwrite: o.overwrite === true, writes: REPORTERS });

  const inputs = await readSessionInputs({
    files,
    ...(o.roster === undefined ? {} : { roster: o.roster }),
    ...(o.session === undefined ? {} : { session: o.session }),
    ...(o.adjudications === undefined ? {} : { adjudications: o.adjudications }),
    limits,
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
    const ctx: ReportContext = { outcome: { ...outcome, ballotTypes }, lang, version: VERSION, options: auditOptions(outcome, lang, argv.some((a) => a.startsWith('--lang')), o) };
    const rendered = await Promise.all(o.output.map(async (path) => ({ path, bytes: await (await writerFor(REPORTERS, path))(ctx) })));
    await writeOutputs(rendered, undefined, { overwrite: o.overwrite === true });
    for (const f of rendered) io.stderr.write(`${h.written(f.path)}\n`);
  }
  io.stdout.write(o.json === true ? (await import('../report/json.js')).renderJson(outcome, lang) : await renderTerminal(outcome, lang, { color: useColor(io.stdout, io), width: outputWidth(io.stdout, io) }));
  return hasErrors(outcome.problems) ? 1 : 0;
}
