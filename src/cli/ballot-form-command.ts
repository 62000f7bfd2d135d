// `tally ballot-form <session.xlsx | --roster R [--session S]> [-o phieu.pdf] [--copies N]`:
// the session's ballots as a PDF ready to print (SPEC §2.6 and §4).
import { addProblems, hasErrors, problem, type Problem } from '../model/problem.js';
import type { Sheet } from '../model/grid.js';
import type { SessionRead } from '../model/session-keys.js';
import { openInput } from '../read/files.js';
import { readRoster } from '../read/roster.js';
import { readSessionJson, readSessionSheet } from '../read/session.js';
import { sheetRole } from '../read/vocabulary.js';
import { renderProblems } from '../report/terminal.js';
import { REGIMES } from '../rules/regimes.js';
import { HELP } from '../text/cli.js';
import type { Lang } from '../text/lang.js';
import { resolveSession, type SessionFlags } from '../validate/session.js';
import { commandLine, type CommandSpec } from './args.js';
import { formFonts, MissingFont } from './fonts.js';
import { outputWidth, usageError, useColor, type Io } from './io.js';
import { checkWholeNumber, commonOptions, limitsFrom, overwriteOption, refuse, sessionSourceOptions } from './options.js';
import { checkOutputs, writeOutputs } from './output.js';
import { BALLOT_FORM_WRITERS, extensionsOf, writerFor } from './writers.js';

const DEFAULT_NAME = 'phieu-tin-nhiem.pdf';
/** Enough for any session's ballots with spares; a typo of 10000 copies is refused. */
const MAX_COPIES = 2000;

export function ballotFormSpec(lang: Lang): CommandSpec {
  const h = HELP[lang];
  return {
    name: 'tally ballot-form',
    description: h.ballotForm.description,
    args: { placeholder: 'file', help: h.ballotForm.file, min: 0 },
    options: [
      ...Object.values(sessionSourceOptions(h, lang)),
      { name: '--copies', value: 'n', help: h.ballotForm.copies },
      { name: '--output', short: '-o', value: 'file', help: h.ballotForm.output(extensionsOf(BALLOT_FORM_WRITERS), DEFAULT_NAME) },
      overwriteOption(h),
      ...commonOptions(h),
    ],
  };
}

export async function runBallotForm(argv: readonly string[], io: Io, lang: Lang): Promise<number> {
  const h = HELP[lang];
  const line = commandLine(ballotFormSpec(lang), argv, io.stdout, io.stderr, lang, h.usage, outputWidth(io.stdout, io));
  if (typeof line === 'number') return line;
  const opts = line.opts as Readonly<Record<string, string | true | undefined>> as Readonly<Record<string, string | undefined>>;
  const limits = limitsFrom(line.opts['limit'], io, lang);
  if (limits === null) return 2;
  const [workbook, ...more] = line.args;
  if (more.length > 0) return usageError(io, lang, h.ballotForm.oneFile);
  if (workbook === undefined && opts['roster'] === undefined) return usageError(io, lang, h.ballotForm.needRoster);
  const out = opts['output'] ?? DEFAULT_NAME;
  const copies = checkWholeNumber('copies', opts['copies'], lang, { min: 1, digits: 4 }) ?? 1;
  if (typeof copies !== 'number') return refuse(io, lang, [copies]);
  if (copies > MAX_COPIES) return usageError(io, lang, h.ballotForm.tooManyCopies(MAX_COPIES));
  const inputs = [workbook, opts['roster'], opts['session']].filter((p): p is string => p !== undefined);
  const rules = { overwrite: opts['overwrite'] !== undefined, writes: BALLOT_FORM_WRITERS };
  await checkOutputs([out], inputs, rules);

  // The roster and the session values, from the workbook or the files given beside it.
  const problems: Problem[] = [];
  let rosterSheet: Sheet | null = null;
  let sessionSheet: Sheet | null = null;
  let sessionRead: SessionRead | null = null;
  if (workbook !== undefined) {
    const f = await openInput(workbook, limits);
    rosterSheet = f.sheets.find((s) => s.name !== null && sheetRole(s.name) === 'roster') ?? null;
    sessionSheet = f.sheets.find((s) => s.name !== null && sheetRole(s.name) === 'session') ?? null;
  }
  if (opts['roster'] !== undefined) {
    const f = await openInput(opts['roster'], limits);
    rosterSheet = f.sheets.find((s) => s.name !== null && sheetRole(s.name) === 'roster') ?? f.sheets[0] ?? null;
  }
  if (rosterSheet === null) problems.push(problem('missing-sheet', 'error', { file: workbook ?? '' }, { sheet: 'Danh sách / Roster', flag: '--roster' }));
  const roster = rosterSheet === null ? { cadres: [], problems: [] } : readRoster(rosterSheet);
  addProblems(problems, roster.problems);
  const types = [...new Set(roster.cadres.map((c) => c.ballotType))];
  if (opts['session'] !== undefined) {
    const f = await openInput(opts['session'], limits);
    if (f.kind === 'json') sessionRead = readSessionJson(f.path, f.json);
    else sessionSheet = f.sheets.find((s) => s.name !== null && sheetRole(s.name) === 'session') ?? f.sheets[0] ?? null;
  }
  if (sessionRead === null && sessionSheet !== null) sessionRead = readSessionSheet(sessionSheet, types);
  // A ballot needs no counts: only the heading's values are used, so only their problems count.
  const flags: SessionFlags = {};
  for (const [key, flag] of [['title', 'title'], ['body', 'body'], ['parent_body', 'parent-body'], ['date', 'date'], ['regime', 'regime']] as const) {
    const v = opts[flag];
    if (v !== undefined) flags[key] = v;
  }
  const { session, problems: sessionProblems } = resolveSession(sessionRead?.entries ?? {}, flags);
  addProblems(problems, sessionProblems.filter((p) => p.severity !== 'error' || p.code !== 'missing-session-value'));
  const cadres = roster.cadres.filter((c) => c.excluded === null);
  if (rosterSheet !== null && cadres.length === 0 && !problems.some((p) => p.code === 'empty-roster')) problems.push(problem('empty-roster', 'error', { file: rosterSheet.file }));
  if (problems.length > 0) io.stderr.write(renderProblems(problems, lang, useColor(io.stderr, io)));
  if (hasErrors(problems)) return 1;

  let fonts;
  try {
    fonts = await formFonts();
  } catch (e) {
    if (!(e instanceof MissingFont)) throw e;
    io.stderr.write(`${h.internal}: ${h.ballotForm.noFont(e.tried.join(', '))}\n`);
    return 2;
  }
  const bytes = await (await writerFor(BALLOT_FORM_WRITERS, out))({ session, regime: REGIMES[session.regime], cadres, copies, lang, fonts });
  await writeOutputs([{ path: out, bytes }], undefined, rules);
  io.stderr.write(`${h.written(out)}\n`);
  return 0;
}
