// `tally reconcile <entry1> <entry2> [entry3]`: compare independent entries of the same ballots.
import { openBallotInput, openInput } from '../read/files.js';
import { addProblems, hasErrors, problem, type Problem } from '../model/problem.js';
import { Roster } from '../model/roster-index.js';
import { readRoster } from '../read/roster.js';
import { sheetRole } from '../read/vocabulary.js';
import { reconcile, readEntry } from '../reconcile/reconcile.js';
import { reportDate } from '../report/xlsx-blocks.js';
import { reconcileJson, renderReconcile } from '../reconcile/report.js';
import { renderProblems } from '../report/terminal.js';
import type { Lang } from '../text/lang.js';
import { commandLine, type CommandSpec } from './args.js';
import { HELP } from '../text/cli.js';
import { outputWidth, useColor, usageError, type Io } from './io.js';
import { checkOutputs, samePlace, writeOutputs } from './output.js';
import { commonOptions, limitsFrom, overwriteOption } from './options.js';
import { extensionsOf, RECONCILE_WRITERS, writerFor } from './writers.js';

export async function runReconcile(argv: readonly string[], io: Io, lang: Lang): Promise<number> {
  const h = HELP[lang];
  const spec: CommandSpec = {
    name: 'tally reconcile',
    description: h.reconcile.description,
    args: { placeholder: 'entries', help: h.reconcile.entries, min: 1 },
    options: [
      { name: '--roster', value: 'file', help: h.roster },
      { name: '--json', help: h.json },
      { name: '--output', short: '-o', value: 'file', repeat: true, help: h.reconcile.output(extensionsOf(RECONCILE_WRITERS)) },
      overwriteOption(h),
      ...commonOptions(h),
    ],
  };
  const line = commandLine(spec, argv, io.stdout, io.stderr, lang, h.usage, outputWidth(io.stdout, io));
  if (typeof line === 'number') return line;
  const entries = [...line.args];
  const opts = line.opts as { readonly roster?: string; readonly json?: true; readonly output?: readonly string[]; readonly overwrite?: true };
  const limits = limitsFrom(line.opts['limit'], io, lang);
  if (limits === null) return 2;
  if (entries.length < 2 || entries.length > 3) return usageError(io, lang, h.reconcile.count);
  // The same file named twice is a slip of the hand; two files with the same bytes are two
  // entries that agree (SPEC §4), said below with a warning.
  const named = new Map<string, string>();
  for (const e of entries) {
    const k = await samePlace(e);
    const first = named.get(k);
    if (first !== undefined) return usageError(io, lang, h.reconcile.samePath(e === first ? e : `${first} / ${e}`));
    named.set(k, e);
  }
  const outputs = opts.output ?? [];
  const rules = { overwrite: opts.overwrite === true, writes: RECONCILE_WRITERS };
  await checkOutputs(outputs, [...entries, ...(opts.roster === undefined ? [] : [opts.roster])], rules);

  const problems: Problem[] = [];
  let roster: Roster | null = null;
  if (opts.roster !== undefined) {
    const f = await openInput(opts.roster, limits);
    const sheet = f.sheets.find((s) => s.name !== null && sheetRole(s.name) === 'roster') ?? f.sheets[0];
    if (sheet === undefined) problems.push(problem('missing-sheet', 'error', { file: f.path }, { sheet: 'Danh sách / Roster' }));
    else {
      const rosterRead = readRoster(sheet);
      addProblems(problems, rosterRead.problems);
      roster = new Roster(rosterRead.cadres);
    }
  }
  const read = [];
  const seen = new Map<string, string>();
  const opened = [];
  for (const path of entries) opened.push(await openBallotInput(path, limits));
  // Without --roster, a self-contained workbook's own Danh sách aligns the entries' headers (one
  // typed by name, another by name and position), as tally reads that workbook.
  if (roster === null) {
    const own = opened.flatMap((f) => f.sheets.filter((s) => s.name !== null && sheetRole(s.name) === 'roster'))[0];
    if (own !== undefined) {
      const rosterRead = readRoster(own);
      addProblems(problems, rosterRead.problems);
      roster = new Roster(rosterRead.cadres);
    }
  }
  for (const f of opened) {
    // Two typists who agree on every keystroke make identical files: compared, with a warning.
    const same = seen.get(f.sha256);
    if (same !== undefined) problems.push(problem('duplicate-file', 'warning', { file: f.path }, { otherFile: same, command: 'reconcile' }));
    seen.set(f.sha256, f.path);
    // The entry's ballots as `tally` reads them: a CSV's stream, every ballot sheet of a workbook.
    const sources = f.stream !== undefined ? [f.stream] : (f.sources ?? []);
    if (sources.length === 0) problems.push(problem('missing-sheet', 'error', { file: f.path }, { sheet: 'Phiếu / Ballots', found: f.sheets.flatMap((s) => (s.name === null ? [] : [s.name])) }));
    else {
      const r = await readEntry(sources, roster);
      read.push({ ...r, entry: { ...r.entry, file: f.path, sha256: f.sha256 } });
    }
  }
  addProblems(problems, read.flatMap((r) => r.problems));
  if (problems.length > 0) io.stderr.write(renderProblems(problems, lang, useColor(io.stderr, io)));
  if (hasErrors(problems)) return 1;
  const result = reconcile(read.map((r) => r.entry));
  if (outputs.length > 0) {
    const files = await Promise.all(outputs.map(async (path) => ({ path, bytes: await (await writerFor(RECONCILE_WRITERS, path))({ result, lang, date: reportDate(io.env ?? {}) }) })));
    await writeOutputs(files, undefined, rules);
    for (const f of files) io.stderr.write(`${h.written(f.path)}\n`);
  }
  io.stdout.write(opts.json === true ? reconcileJson(result) : renderReconcile(result, lang, useColor(io.stdout, io)));
  return result.differences.length > 0 || result.missing.length > 0 || result.missingLeaders.length > 0 ? 1 : 0;
}
