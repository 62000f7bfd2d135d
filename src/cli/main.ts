// The command line: main(argv, io) → exit code. 0 done; 1 the data has problems that stop a
// valid result; 2 usage error or internal failure. Nothing here calls process.exit.
import { Command, CommanderError, Option } from 'commander';
import { InputFileError } from '../read/files.js';
import { gatherInputs } from '../read/inputs.js';
import { renderJson } from '../report/json.js';
import { renderProblems, renderTerminal } from '../report/terminal.js';
import { tallySession } from '../tally.js';
import type { Lang } from '../text/lang.js';
import { sessionFlags, TallyOptionsSchema } from './options.js';
import { VERSION } from './version.js';

export interface Io {
  readonly stdout: { write(s: string): unknown; readonly isTTY?: boolean };
  readonly stderr: { write(s: string): unknown; readonly isTTY?: boolean };
  readonly env: Readonly<Record<string, string | undefined>>;
}

const HELP = {
  vi: {
    description: 'Kiểm phiếu tín nhiệm theo Quy định 96-QĐ/TW: tính số phiếu, tỷ lệ và mức tín nhiệm thấp.',
    files: 'tệp phiếu (.xlsx hoặc .csv); một sổ Excel đủ các trang Danh sách, Hội nghị, Phiếu là đủ',
    roster: 'tệp danh sách người được lấy phiếu',
    session: 'tệp thông tin hội nghị (.csv, .xlsx hoặc .json)',
    title: 'tên hội nghị',
    body: 'cơ quan, cấp ủy tổ chức',
    date: 'ngày hội nghị (dd/mm/yyyy)',
    round: 'đợt lấy phiếu (mặc định: năm của ngày)',
    regime: 'quy định áp dụng: party-96 (mặc định), party-262, assembly-96, assembly-85, assembly-35',
    denominator: 'mẫu số: returned (mặc định), issued, present, convened, valid — chỉ với party-*',
    convened: 'số người được triệu tập',
    present: 'số người có mặt',
    issued: 'số phiếu phát ra',
    returned: 'số phiếu thu về',
    strict: 'đọc theo nghĩa đen Quy định 262: một dòng lỗi làm cả phiếu không hợp lệ',
    lang: 'ngôn ngữ: vi (mặc định) hoặc en',
    json: 'in kết quả dạng JSON',
    debug: 'in chi tiết lỗi nội bộ',
    usage: 'Lỗi cách dùng',
    internal: 'Lỗi nội bộ',
    rerun: 'chạy lại với --debug để xem chi tiết',
    badOption: (name: string, value: string) => `giá trị '${value}' của --${name} không hợp lệ`,
    file: {
      'not-found': 'không tìm thấy tệp',
      'not-a-file': 'không phải là tệp',
      unreadable: 'không đọc được tệp',
      xls: 'tệp Excel cũ (.xls) không được hỗ trợ: mở trong Excel và lưu lại dạng .xlsx (Excel Workbook)',
      'bad-xlsx': 'tệp .xlsx bị hỏng hoặc không đúng định dạng',
      'bad-json': 'tệp JSON không hợp lệ',
    },
  },
  en: {
    description: 'Tally confidence-vote ballots under Regulation 96-QĐ/TW: counts, percentages and low-confidence bands.',
    files: 'ballot files (.xlsx or .csv); one workbook with Roster, Session and Ballots sheets is enough',
    roster: 'roster file of the leaders voted on',
    session: 'session file (.csv, .xlsx or .json)',
    title: 'session title',
    body: 'organising body',
    date: 'session date (dd/mm/yyyy or yyyy-mm-dd)',
    round: 'round (default: the year of the date)',
    regime: 'regime: party-96 (default), party-262, assembly-96, assembly-85, assembly-35',
    denominator: 'denominator: returned (default), issued, present, convened, valid — party-* only',
    convened: 'number convened',
    present: 'number present',
    issued: 'ballots issued',
    returned: 'ballots returned',
    strict: 'literal reading of Regulation 262: a defective line voids the whole ballot',
    lang: 'language: vi (default) or en',
    json: 'print the result as JSON',
    debug: 'show details of internal errors',
    usage: 'Usage error',
    internal: 'Internal error',
    rerun: 'run again with --debug for details',
    badOption: (name: string, value: string) => `invalid value '${value}' for --${name}`,
    file: {
      'not-found': 'file not found',
      'not-a-file': 'not a file',
      unreadable: 'cannot read the file',
      xls: 'old Excel files (.xls) are not supported: open it in Excel and save it as .xlsx (Excel Workbook)',
      'bad-xlsx': 'the .xlsx file is damaged or not a workbook',
      'bad-json': 'the JSON file is not valid',
    },
  },
} as const;

export async function main(argv: readonly string[], io: Io): Promise<number> {
  const lang: Lang = langFromArgv(argv);
  const h = HELP[lang];
  const debug = argv.includes('--debug');
  const color = (stream: Io['stdout']) => stream.isTTY === true && io.env['NO_COLOR'] === undefined;
  try {
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
      .option('--convened <n>', h.convened)
      .option('--present <n>', h.present)
      .option('--issued <n>', h.issued)
      .option('--returned <n>', h.returned)
      .option('--strict', h.strict)
      .addOption(new Option('--lang <lang>', h.lang).choices(['vi', 'en']).default('vi'))
      .option('--json', h.json)
      .option('--debug', h.debug)
      .exitOverride()
      .configureOutput({ writeOut: (s) => io.stdout.write(s), writeErr: (s) => io.stderr.write(s) })
      .action((files: string[], opts: Record<string, unknown>) => {
        parsed = { files, opts };
      });
    try {
      await program.parseAsync([...argv], { from: 'user' });
    } catch (e) {
      if (e instanceof CommanderError) return e.exitCode === 0 ? 0 : 2;
      throw e;
    }
    if (parsed === null) return 2;
    const { files, opts } = parsed as { files: string[]; opts: Record<string, unknown> };
    const options = TallyOptionsSchema.safeParse(opts);
    if (!options.success) {
      for (const issue of options.error.issues) {
        const name = String(issue.path[0] ?? '');
        io.stderr.write(`${h.usage}: ${h.badOption(name, String(opts[name] ?? ''))}\n`);
      }
      return 2;
    }

    const inputs = await gatherInputs({
      files,
      ...(options.data.roster === undefined ? {} : { roster: options.data.roster }),
      ...(options.data.session === undefined ? {} : { session: options.data.session }),
    });
    const outcome = tallySession(inputs, sessionFlags(options.data));
    const fixed = outcome.problems.find((p) => p.code === 'denominator-fixed');
    if (fixed !== undefined && outcome.session.origins.denominator === 'flag') {
      io.stderr.write(renderProblems([fixed], lang, color(io.stderr)).replace(/^[^:]+:/, `${h.usage}:`));
      return 2;
    }
    if (outcome.problems.length > 0) io.stderr.write(renderProblems(outcome.problems, lang, color(io.stderr)));
    io.stdout.write(options.data.json === true ? renderJson(outcome, lang) : renderTerminal(outcome, lang, color(io.stdout)));
    return outcome.problems.some((p) => p.severity === 'error') ? 1 : 0;
  } catch (e) {
    if (e instanceof InputFileError) {
      io.stderr.write(`${h.usage}: ${e.path}: ${h.file[e.reason]}${debug && e.detail ? ` (${e.detail})` : ''}\n`);
      return 2;
    }
    io.stderr.write(`${h.internal}: ${(e as Error).message ?? String(e)}; ${h.rerun}\n`);
    if (debug) io.stderr.write(`${(e as Error).stack ?? ''}\n`);
    return 2;
  }
}

function langFromArgv(argv: readonly string[]): Lang {
  const i = argv.findIndex((a) => a === '--lang' || a.startsWith('--lang='));
  if (i < 0) return 'vi';
  const v = argv[i]?.includes('=') ? argv[i]?.split('=')[1] : argv[i + 1];
  return v === 'en' ? 'en' : 'vi';
}
