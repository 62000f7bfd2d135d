// `tally summary <paths…>`: the round across its units, for the standing committee. Sessions
// are found and re-tallied exactly as `tally check` finds and re-tallies them (the same plan,
// pool and workers); what is summed is only what re-tallies.
import { availableParallelism } from 'node:os';
import { acrossSessions } from '../check/across.js';
import { sha256 } from '../check/copies.js';
import { Pool } from '../check/pool.js';
import { planJobs } from '../check/plan.js';
import { reportDate } from '../report/xlsx-blocks.js';
import { parseDate } from '../validate/session.js';
import { buildRound, unitOf, type RoundFile } from '../summary/round.js';
import { readUnits } from '../summary/units.js';
import type { ReportHeader, RoundContext } from '../summary/words.js';
import { HELP } from '../text/cli.js';
import type { Lang } from '../text/lang.js';
import { SUMMARY_TEXT } from '../text/summary.js';
import { problemMessage } from '../text/messages.js';
import { screenData } from '../model/text-as-data.js';
import { commandLine, type CommandSpec } from './args.js';
import { outputWidth, usageError, useColor, type Io } from './io.js';
import { renderProblems } from '../report/terminal.js';
import { checkWholeNumber, commonOptions, limitsFrom, overwriteOption, refuse } from './options.js';
import { checkOutputs, writeOutputs } from './output.js';
import { extensionsOf, SUMMARY_WRITERS, writerFor } from './writers.js';
import { notFoundMessage } from './file-messages.js';
import { VERSION } from './version.js';

interface SummaryOptions {
  readonly units?: string;
  readonly jobs?: string;
  readonly json?: true;
  readonly output?: readonly string[];
  readonly body?: string;
  readonly parentBody?: string;
  readonly number?: string;
  readonly place?: string;
  readonly date?: string;
  readonly title?: string;
  readonly signer?: string;
  readonly overwrite?: true;
}

export async function runSummary(argv: readonly string[], io: Io, lang: Lang): Promise<number> {
  const h = HELP[lang];
  const S = SUMMARY_TEXT[lang];
  const spec: CommandSpec = {
    name: 'tally summary',
    description: S.help.description,
    args: { placeholder: 'paths', help: S.help.paths, min: 1 },
    options: [
      { name: '--units', value: 'file', help: S.help.units },
      { name: '--output', short: '-o', value: 'file', repeat: true, help: S.help.output(extensionsOf(SUMMARY_WRITERS)) },
      overwriteOption(h),
      { name: '--json', help: h.json },
      { name: '--jobs', value: 'n', help: S.help.jobs },
      { name: '--body', value: 'text', help: S.help.body },
      { name: '--parent-body', value: 'text', help: S.help.parentBody },
      { name: '--number', value: 'text', help: S.help.number },
      { name: '--place', value: 'text', help: S.help.place },
      { name: '--date', value: 'date', help: S.help.date },
      { name: '--title', value: 'text', help: S.help.title },
      { name: '--signer', value: 'text', help: S.help.signer },
      ...commonOptions(h),
    ],
  };
  const line = commandLine(spec, argv, io.stdout, io.stderr, lang, h.usage, outputWidth(io.stdout, io));
  if (typeof line === 'number') return line;
  const opts = line.opts as SummaryOptions;
  const limits = limitsFrom(line.opts['limit'], io, lang);
  if (limits === null) return 2;
  const jobs = checkWholeNumber('jobs', opts.jobs, lang, { min: 1, digits: 3 }) ?? availableParallelism();
  if (typeof jobs !== 'number') return refuse(io, lang, [jobs]);
  const date = opts.date === undefined ? reportDate(io.env ?? {}) : parseDate(opts.date);
  if (date === null && opts.date !== undefined) return refuse(io, lang, [{ option: 'date', value: opts.date, why: S.help.badDate }]);
  const outputs = opts.output ?? [];
  const rules = { overwrite: opts.overwrite === true, writes: SUMMARY_WRITERS };
  // Before any work: the paths given and the units list are never replaced.
  await checkOutputs(outputs, [...line.args, ...(opts.units === undefined ? [] : [opts.units])], rules);

  // The units expected, when given: read before any session, so a wrong list stops at once.
  let expected: string[] | null = null;
  const extraFiles: RoundFile[] = [];
  if (opts.units !== undefined) {
    const u = await readUnits(opts.units, limits);
    if (!u.ok) return usageError(io, lang, u.reason === 'empty' ? S.unitsFile.empty(opts.units) : S.unitsFile.noColumn(opts.units));
    expected = u.units;
    extraFiles.push({ session: '', path: opts.units, role: 'units', sha256: u.sha256 });
  }

  const pool = new Pool(jobs);
  let plan;
  try {
    plan = await planJobs(line.args, limits, (files) => pool.sheetNames(files));
  } catch (e) {
    await pool.close();
    throw e;
  }
  const absent = plan.problems.filter((p) => p.code === 'unreadable-file');
  if (absent.length > 0) {
    await pool.close();
    for (const p of absent) io.stderr.write(`${await notFoundMessage(p.location.file ?? '', argv, lang)}\n`);
    return 2;
  }
  // No report may replace a file this run reads; a new one inside a folder read is written after
  // every session was found, so it is never read as one by this run.
  try {
    await checkOutputs(outputs, [...line.args, ...(opts.units === undefined ? [] : [opts.units]), ...plan.inputs], { ...rules, found: plan.found });
  } catch (e) {
    await pool.close();
    throw e;
  }
  const tty = io.stderr.isTTY === true;
  const checked = await pool.run(
    plan.jobs.map((j) => ({ ...j, detail: true })),
    (done, total) => {
      if (!tty) return;
      const width = 30;
      const filled = Math.floor((done * width) / total); // a bar's width, not a figure
      io.stderr.write(`\r[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${total}${done === total ? '\n' : ''}`);
    },
  );
  // Sessions that could not be read still have their files listed, with what hashing them gives.
  for (const [i, s] of checked.entries()) {
    if (s.detail !== undefined) continue;
    const job = plan.jobs[i];
    if (job === undefined) continue;
    for (const path of inputsOf(job.inputs)) extraFiles.push({ session: s.label, path, role: roleOf(job.inputs, path), sha256: await sha256(path, limits.fileBytes) });
  }
  const across = acrossSessions(checked, unitOf);
  const round = buildRound(checked, expected, across.problems, plan.problems, extraFiles);
  const header: ReportHeader = {
    body: opts.body ?? null,
    parentBody: opts.parentBody ?? null,
    number: opts.number ?? null,
    place: opts.place ?? null,
    date,
    classification: null,
    title: opts.title ?? null,
    signer: opts.signer ?? null,
  };
  const ctx: RoundContext = { round, header, lang, version: VERSION };

  // One after another: a national round's documents, built at once, would add up in memory.
  const files: { path: string; bytes: Uint8Array }[] = [];
  for (const path of outputs) files.push({ path, bytes: await (await writerFor(SUMMARY_WRITERS, path))(ctx) });
  if (files.length > 0) {
    await writeOutputs(files, undefined, rules);
    for (const f of files) io.stderr.write(`${h.written(f.path)}\n`);
  }
  if (opts.json === true) {
    // Written in pieces of about a megabyte: never the whole document as one string.
    let piece = '';
    for (const part of (await import('../summary/json.js')).roundJsonParts(ctx)) {
      piece += part;
      if (piece.length >= 1 << 20) {
        io.stdout.write(piece);
        piece = '';
      }
    }
    io.stdout.write(piece);
  }
  else {
    io.stdout.write((await import('../summary/terminal.js')).roundTerminal(ctx));
    // The round's warnings (several rounds, a unit matched without diacritics…) on stderr, as
    // tally says its own; the errors are in the report above.
    io.stderr.write(renderProblems(round.problems.filter((p) => p.severity === 'warning').map(screenData), lang, useColor(io.stderr, io)));
  }
  if (opts.json === true) for (const p of round.problems.filter((x) => x.severity !== 'info')) io.stderr.write(`${problemMessage(screenData(p), lang)}\n`);
  return round.complete ? 0 : 1;
}

type Inputs = { readonly files: readonly string[]; readonly roster?: string; readonly session?: string; readonly adjudications?: string };

function inputsOf(i: Inputs): string[] {
  return [...i.files, ...[i.roster, i.session, i.adjudications].filter((x): x is string => x !== undefined)];
}

function roleOf(i: Inputs, path: string): string {
  return path === i.roster ? 'roster' : path === i.session ? 'session' : path === i.adjudications ? 'adjudications' : 'ballots';
}
