// `tally check <paths…>`: re-tally earlier sessions and compare with what was recorded.
import { availableParallelism } from 'node:os';
import { acrossSessions } from '../check/across.js';
import { Pool } from '../check/pool.js';
import { planJobs } from '../check/plan.js';
import { reportDate } from '../report/xlsx-blocks.js';
import { checkJson, failed, renderCheckTerminal, type CheckReport } from '../check/report.js';
import type { Lang } from '../text/lang.js';
import { problemMessage } from '../text/messages.js';
import { commandLine, type CommandSpec } from './args.js';
import { HELP } from '../text/cli.js';
import { outputWidth, useColor, type Io } from './io.js';
import { checkOutputs, writeOutputs } from './output.js';
import { CHECK_WRITERS, extensionsOf, writerFor } from './writers.js';
import { notFoundMessage } from './file-messages.js';
import { checkWholeNumber, commonOptions, limitsFrom, overwriteOption, refuse } from './options.js';
import { hasErrors } from '../model/problem.js';
import { screenData } from '../model/text-as-data.js';

interface CheckOptions {
  readonly jobs?: string;
  readonly onlyDifferences?: true;
  readonly requireRecord?: true;
  readonly json?: true;
  readonly output?: readonly string[];
  readonly overwrite?: true;
}

export async function runCheck(argv: readonly string[], io: Io, lang: Lang): Promise<number> {
  const h = HELP[lang];
  const spec: CommandSpec = {
    name: 'tally check',
    description: h.check.description,
    args: { placeholder: 'paths', help: h.check.paths, min: 1 },
    options: [
      { name: '--jobs', value: 'n', help: h.check.jobs },
      { name: '--only-differences', help: h.check.onlyDifferences },
      { name: '--require-record', help: h.check.requireRecord },
      { name: '--json', help: h.json },
      { name: '--output', short: '-o', value: 'file', repeat: true, help: h.check.output(extensionsOf(CHECK_WRITERS)) },
      overwriteOption(h),
      ...commonOptions(h),
    ],
  };
  const line = commandLine(spec, argv, io.stdout, io.stderr, lang, h.usage, outputWidth(io.stdout, io));
  if (typeof line === 'number') return line;
  const paths = [...line.args];
  const opts = line.opts as CheckOptions;
  const limits = limitsFrom(line.opts['limit'], io, lang);
  if (limits === null) return 2;
  const jobs = checkWholeNumber('jobs', opts.jobs, lang, { min: 1, digits: 3 }) ?? availableParallelism();
  if (typeof jobs !== 'number') return refuse(io, lang, [jobs]);
  const outputs = opts.output ?? [];
  const rules = { overwrite: opts.overwrite === true, writes: CHECK_WRITERS };
  // Before any work: the paths given are never replaced. The files found in them are known below.
  await checkOutputs(outputs, paths, rules);

  // Workers start now, so their start-up overlaps finding the sessions.
  const pool = new Pool(jobs);
  let plan;
  try {
    plan = await planJobs(paths, limits, (files) => pool.sheetNames(files));
  } catch (e) {
    await pool.close();
    throw e;
  }
  const missing = plan.problems.filter((p) => p.code === 'unreadable-file');
  if (missing.length > 0) {
    await pool.close();
    for (const p of missing) io.stderr.write(`${await notFoundMessage(p.location.file ?? '', argv, lang)}\n`);
    return 2;
  }
  // No report may replace a file this run reads (a session's workbook, a roster, a summary):
  // a new report inside a folder read is written after every session was found, so it is
  // never read as one by this run.
  try {
    await checkOutputs(outputs, [...paths, ...plan.inputs], { ...rules, found: plan.found });
  } catch (e) {
    await pool.close();
    throw e;
  }
  const tty = io.stderr.isTTY === true;
  const results = await pool.run(plan.jobs, (done, total) => {
    if (!tty) return;
    const width = 30;
    const filled = Math.floor((done * width) / total); // a bar's width, not a figure
    io.stderr.write(`\r[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${total}${done === total ? '\n' : ''}`);
  });
  const across = acrossSessions(results);
  const report: CheckReport = { sessions: results, people: across.people, problems: [...plan.problems, ...across.problems] };

  const files = await Promise.all(
    outputs.map(async (path) => ({ path, bytes: await (await writerFor(CHECK_WRITERS, path))({ result: report, lang, date: reportDate(io.env ?? {}) }) })),
  );
  if (files.length > 0) {
    await writeOutputs(files, undefined, rules);
    for (const f of files) io.stderr.write(`${h.written(f.path)}\n`);
  }
  if (opts.json === true) io.stdout.write(checkJson(report, lang));
  else io.stdout.write(await renderCheckTerminal(report, lang, useColor(io.stdout, io), opts.onlyDifferences === true, opts.requireRecord === true));
  for (const p of report.problems.filter((x) => x.severity !== 'error' && opts.json === true)) io.stderr.write(`${problemMessage(screenData(p), lang)}\n`);
  const bad = results.some((s) => failed(s, opts.requireRecord === true)) || hasErrors(report.problems);
  return bad ? 1 : 0;
}
