// Issue 21, "a format is one entry": every test below walks the formats' registry
// (src/model/formats.ts) and the commands' writers (src/cli/writers.ts). What each command
// writes is typed here by hand from SPEC §3 and §4, never read from src/. For every command and
// every extension of every format it writes, the file is written (and recognised as ours); the
// command's --help and its error for an unknown extension list exactly its formats, in Vietnamese
// and English; every other format is refused (exit 2) with nothing written. A new format or
// writer that misses one of these places fails here.
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { FORMAT_IDS, FORMATS } from '../../src/model/formats.js';
import { writtenByTally } from '../../src/cli/ownership.js';
import { COMMAND_WRITERS, formatsOf } from '../../src/cli/writers.js';
import { FORMAT_TEXT } from '../../src/text/formats.js';
import { writeUnit } from '../summary/build.js';
import { tally } from './run.js';

type Command = keyof typeof COMMAND_WRITERS;

/** SPEC §3 ("-o FILE") and §4: what each command writes, each format by its own extension. */
const EXPECTED: Readonly<Record<Command, readonly string[]>> = {
  tally: ['.xlsx', '.docx', '.csv', '.json', '.html'],
  check: ['.xlsx', '.json'],
  reconcile: ['.xlsx', '.csv'],
  summary: ['.xlsx', '.docx', '.json', '.html'],
  template: ['.xlsx'],
  'ballot-form': ['.pdf'],
};
/** Another name a clerk may give a format. */
const ALIASES: Readonly<Record<string, string>> = { '.htm': '.html' };

const COMMANDS = Object.keys(COMMAND_WRITERS) as Command[];
const ALL_EXTENSIONS = FORMAT_IDS.flatMap((id) => FORMATS[id].extensions);

const temps: string[] = [];
afterAll(() => temps.forEach((d) => rmSync(d, { recursive: true, force: true })));

/** A unit's session as CSV files (roster, session, ballots): four leaders, twelve ballots. */
function unit(): string {
  const root = mkdtempSync(join(tmpdir(), 'tally-formats-'));
  temps.push(root);
  const leaders = ['Nguyễn Văn An', 'Trần Thị Bình', 'Lê Văn Cường', 'Phạm Thị Dung'].map((name, i) => ({ name, position: 'Ủy viên', high: 8 - i, confidence: 2, low: 2 + i }));
  return writeUnit(root, { folder: 'xa-tan-lap', body: 'Đảng ủy xã Tân Lập', date: '13/12/2023', convened: 12, present: 12, returned: 12, leaders });
}

/** The command line that writes, before its -o: inputs a clerk would give it. */
function commandLine(command: Command, dir: string): string[] {
  const roster = join(dir, 'danh-sach.csv');
  const session = join(dir, 'hoi-nghi.csv');
  switch (command) {
    case 'tally':
      return [join(dir, 'phieu.csv'), '--roster', roster, '--session', session];
    case 'check':
    case 'summary':
      return [command, dir];
    case 'reconcile': {
      // Two typists' entries of the same ballots, one cell apart.
      const first = join(dir, '..', 'nhap-1.csv');
      const second = join(dir, '..', 'nhap-2.csv');
      copyFileSync(join(dir, 'phieu.csv'), first);
      writeFileSync(second, readFileSync(first, 'utf8').replace(/\n1,1,/, '\n1,2,'));
      return ['reconcile', first, second, '--roster', roster];
    }
    case 'template':
      return ['template'];
    case 'ballot-form':
      return ['ballot-form', '--roster', roster, '--session', session];
  }
}

/** The extensions standing alone in a text ("phieu.xlsx" is a file name, not one of them). */
const extensionsIn = (text: string) => [...new Set(text.match(/(?<![\w.-])\.[a-z]{2,4}\b/g) ?? [])].sort();
const sorted = (xs: readonly string[]) => [...xs].sort();

/** The help of the -o option: its line and the lines that continue it (indented, no option). */
function outputHelp(help: string): string {
  const lines = help.split('\n');
  const at = lines.findIndex((l) => /^\s*-o, --output\b/.test(l));
  if (at < 0) return '';
  const end = lines.findIndex((l, i) => i > at && !/^\s+[^\s-]/.test(l));
  return lines.slice(at, end < 0 ? undefined : end).join(' ');
}

/** What stderr says after the file's name. */
const after = (stderr: string, name: string) => (stderr.includes(`${name}:`) ? stderr.slice(stderr.indexOf(`${name}:`) + name.length + 1) : '');

/** An empty folder for the outputs, beside the unit's. */
function outFolder(dir: string): string {
  const out = join(dir, '..', 'out');
  mkdirSync(out);
  return out;
}

describe('the formats registry', () => {
  it('each command writes the formats SPEC gives it, no more, no fewer', () => {
    expect(Object.fromEntries(COMMANDS.map((c) => [c, formatsOf(COMMAND_WRITERS[c]).map((id) => FORMATS[id].extensions[0])]))).toEqual(EXPECTED);
    expect(sorted(COMMANDS)).toEqual(sorted(Object.keys(EXPECTED)));
  });

  it('every format is written by some command, has one own extension and a name in both languages', () => {
    for (const id of FORMAT_IDS) {
      expect(COMMANDS.filter((c) => formatsOf(COMMAND_WRITERS[c]).includes(id)), id).not.toEqual([]);
      expect(FORMATS[id].id).toBe(id);
      expect(FORMATS[id].extensions[0]).toBe(`.${id}`);
      expect(FORMAT_TEXT.vi.names[id], id).toMatch(/\S/);
      expect(FORMAT_TEXT.en.names[id], id).toMatch(/\S/);
    }
    // An extension names one format: two entries claiming it could not both be right.
    expect(new Set(ALL_EXTENSIONS).size).toBe(ALL_EXTENSIONS.length);
    expect(ALL_EXTENSIONS.filter((e) => !FORMAT_IDS.includes(e.slice(1) as never))).toEqual(Object.keys(ALIASES));
  });

  it('README’s formats table is the registry written out (node scripts/formats-table.mjs, after a build)', () => {
    const r = spawnSync(process.execPath, [join(import.meta.dirname, '..', '..', 'scripts', 'formats-table.mjs'), '--check'], { encoding: 'utf8' });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
  });
});

describe.each(COMMANDS)('tally %s', (command) => {
  const writes = EXPECTED[command];
  const accepted = ALL_EXTENSIONS.filter((e) => writes.includes(ALIASES[e] ?? e));
  const refused = ALL_EXTENSIONS.filter((e) => !accepted.includes(e));

  it.each(accepted)('writes %s, a file recognised as its own', async (ext) => {
    const dir = unit();
    const file = join(outFolder(dir), `bao-cao${ext}`);
    const r = await tally([...commandLine(command, dir), '-o', file]);
    expect([0, 1], r.stderr).toContain(r.code);
    expect(existsSync(file), r.stderr).toBe(true);
    expect(await writtenByTally(file)).toBe(true);
  });

  it(`takes an extension in any case (${writes[0]?.toUpperCase()})`, async () => {
    const dir = unit();
    const file = join(outFolder(dir), `BAO-CAO${writes[0]?.toUpperCase()}`);
    const r = await tally([...commandLine(command, dir), '-o', file]);
    expect([0, 1], r.stderr).toContain(r.code);
    expect(await writtenByTally(file)).toBe(true);
  });

  it.each(refused)('refuses %s (exit 2), writing nothing', async (ext) => {
    const dir = unit();
    const out = outFolder(dir);
    const r = await tally([...commandLine(command, dir), '-o', join(out, `bao-cao${ext}`)]);
    expect(r.code, r.stderr).toBe(2);
    expect(readdirSync(out)).toEqual([]);
    expect(extensionsIn(after(r.stderr, `bao-cao${ext}`))).toEqual(sorted(writes));
  });

  it.each(['vi', 'en'])('lists exactly its formats in --help and in the unknown-format error (%s)', async (lang) => {
    const help = await tally([...(command === 'tally' ? [] : [command]), '--help', '--lang', lang]);
    expect(help.code).toBe(0);
    expect(extensionsIn(outputHelp(help.stdout))).toEqual(sorted(writes));

    const dir = unit();
    const out = outFolder(dir);
    // A Word 97 name (issue 21's `bien-ban.doc`), upper case as Explorer may show it.
    const r = await tally([...commandLine(command, dir), '-o', join(out, 'BIEN-BAN.DOC'), '--lang', lang]);
    expect(r.code, r.stderr).toBe(2);
    expect(readdirSync(out)).toEqual([]);
    const message = after(r.stderr, 'BIEN-BAN.DOC');
    expect(message).toContain(lang === 'vi' ? 'định dạng không hỗ trợ' : 'unsupported format');
    expect(extensionsIn(message)).toEqual(sorted(writes));
  });
});
