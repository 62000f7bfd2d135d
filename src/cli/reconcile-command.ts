// `tally reconcile <entry1> <entry2> [entry3]`: compare independent entries of the same ballots.
import { Command, Option } from 'commander';
import { extname } from 'node:path';
import { openInput } from '../read/files.js';
import type { Sheet } from '../read/grid.js';
import { RosterIndex } from '../read/match.js';
import { readRoster } from '../read/roster.js';
import { ballotSheetType, sheetRole } from '../read/vocabulary.js';
import { reconcile, readEntry } from '../reconcile/reconcile.js';
import { reconcileCsv, reconcileJson, reconcileXlsx, renderReconcile } from '../reconcile/report.js';
import { renderProblems } from '../report/terminal.js';
import type { Lang } from '../text/lang.js';
import { HELP } from './help.js';
import { useColor, usageError, type Io } from './main.js';
import { checkOutputs, writeOutputs } from './output.js';

const collect = (value: string, previous: string[]) => [...previous, value];

export async function runReconcile(argv: readonly string[], io: Io, lang: Lang): Promise<number> {
  const h = HELP[lang];
  let parsed: { entries: string[]; opts: { roster?: string; json?: boolean; output?: string[] } } | null = null;
  await new Command('tally reconcile')
    .description(h.reconcile.description)
    .argument('<entries...>', h.reconcile.entries)
    .option('--roster <file>', h.roster)
    .option('--json', h.json)
    .option('-o, --output <file>', h.reconcile.output, collect, [])
    .addOption(new Option('--lang <lang>', h.lang).choices(['vi', 'en']))
    .option('--debug', h.debug)
    .exitOverride()
    .configureOutput({ writeOut: (s) => io.stdout.write(s), writeErr: (s) => io.stderr.write(s) })
    .action((entries: string[], opts: { roster?: string; json?: boolean; output?: string[] }) => {
      parsed = { entries, opts };
    })
    .parseAsync([...argv], { from: 'user' });
  if (parsed === null) return 2;
  const { entries, opts } = parsed as { entries: string[]; opts: { roster?: string; json?: boolean; output?: string[] } };
  if (entries.length < 2 || entries.length > 3) return usageError(io, lang, h.reconcile.count);
  const outputs = opts.output ?? [];
  for (const o of outputs) if (!['.xlsx', '.csv'].includes(extname(o).toLowerCase())) return usageError(io, lang, `${o}: ${h.reconcile.outputFormat}`);
  await checkOutputs(outputs, [...entries, ...(opts.roster === undefined ? [] : [opts.roster])]);

  let roster: RosterIndex | null = null;
  if (opts.roster !== undefined) {
    const f = await openInput(opts.roster);
    const sheet = f.sheets.find((s) => s.name !== null && sheetRole(s.name) === 'roster') ?? (f.sheets[0] as Sheet);
    roster = new RosterIndex(readRoster(sheet).cadres);
  }
  const read = [];
  for (const path of entries) {
    const f = await openInput(path);
    const sheet = f.sheets.find((s) => s.name !== null && ballotSheetType(s.name) !== null) ?? (f.sheets[0] as Sheet);
    read.push(readEntry(sheet, roster));
  }
  const problems = read.flatMap((r) => r.problems);
  if (problems.length > 0) io.stderr.write(renderProblems(problems, lang, useColor(io.stderr, io)));
  if (problems.some((p) => p.severity === 'error')) return 1;
  const result = reconcile(read.map((r) => r.entry));
  if (outputs.length > 0) {
    const files = await Promise.all(outputs.map(async (path) => ({ path, bytes: extname(path).toLowerCase() === '.csv' ? reconcileCsv(result, lang) : await reconcileXlsx(result, lang) })));
    await writeOutputs(files);
    for (const f of files) io.stderr.write(`${h.written(f.path)}\n`);
  }
  io.stdout.write(opts.json === true ? reconcileJson(result) : renderReconcile(result, lang, useColor(io.stdout, io)));
  return result.differences.length > 0 || result.missing.length > 0 || result.missingLeaders.length > 0 ? 1 : 0;
}
