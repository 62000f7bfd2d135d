// The clerk's guide covers the whole command line, and renders as it should in each archive.
// The commands and options are read from the program's own --help (the CLI's definitions), so an
// option added to the program and not to HUONG-DAN.md fails here.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tally } from './cli/run.js';
// @ts-expect-error: a build script in plain JavaScript, without type declarations
import { guideFor, guideHtml } from '../scripts/guide-html.mjs';

const ROOT = join(import.meta.dirname, '..');
const GUIDE = readFileSync(join(ROOT, 'HUONG-DAN.md'), 'utf8');
const forPlatform = guideFor as (md: string, platform: string) => string;
const html = guideHtml as (platform: string, md?: string) => string;

/** The commands `tally --help` lists under "Lệnh khác", e.g. "check". */
async function commands(): Promise<string[]> {
  const help = (await tally(['--help'], { COLUMNS: '200' })).stdout;
  const after = help.slice(help.indexOf('Lệnh khác:'));
  return [...after.matchAll(/^ {2}tally (\w+)/gm)].map((m) => m[1] as string);
}

/** The long options a command's --help lists, e.g. "--parent-body". */
async function options(command: string | null): Promise<string[]> {
  const help = (await tally([...(command === null ? [] : [command]), '--help'], { COLUMNS: '200' })).stdout;
  return [...help.matchAll(/^ {2}(?:-\w, )?(--[a-z][a-z-]*)/gm)].map((m) => m[1] as string);
}

describe('HUONG-DAN.md covers the command line', () => {
  it('every command, and every option of every command, is in the guide', async () => {
    const cmds = await commands();
    expect(cmds).toEqual(expect.arrayContaining(['check', 'summary', 'reconcile', 'template']));
    const missing: string[] = [];
    for (const c of cmds) if (!GUIDE.includes(`tally ${c}`)) missing.push(`tally ${c}`);
    for (const c of [null, ...cmds]) {
      const opts = await options(c);
      expect(opts.length, `options of ${c ?? 'tally'}`).toBeGreaterThan(3);
      // An option is mentioned when it stands as a word: `--number` must not be found in `--numbers`.
      for (const o of opts) if (!new RegExp(`${o}(?![a-z-])`).test(GUIDE)) missing.push(`${c ?? 'tally'} ${o}`);
    }
    expect(missing).toEqual([]);
  });

  it('the meaning of each prefix of a message is explained', () => {
    for (const prefix of ['Lỗi:', 'Lưu ý:', 'Thông tin:', 'Lỗi cách dùng:']) expect(GUIDE).toContain(`**\`${prefix}\`**`);
  });

  it('--help points to the guide in the archive, not to a README the archive does not have', async () => {
    for (const c of [null, 'check', 'summary', 'reconcile', 'template']) {
      for (const lang of ['vi', 'en']) {
        const help = (await tally([...(c === null ? [] : [c]), '--help', '--lang', lang])).stdout;
        expect(help).not.toMatch(/README/);
      }
    }
  });
});

describe('the guide of each archive', () => {
  it('the Windows guide runs tally, the Linux guide ./tally; neither keeps the other platform', () => {
    const win = forPlatform(GUIDE, 'windows');
    const linux = forPlatform(GUIDE, 'linux');
    expect(win).toContain('> tally hoi-nghi-huyen/hoi-nghi-huyen.xlsx');
    expect(win).toContain('tally.exe');
    expect(win).not.toContain('./tally');
    expect(win).not.toContain('tar -xzf');
    expect(linux).toContain('$ ./tally hoi-nghi-huyen/hoi-nghi-huyen.xlsx');
    expect(linux).toContain('`./tally check`');
    expect(linux).toContain('tar -xzf tally-0.1.0-linux-x64.tar.gz');
    expect(linux).toContain('Dòng bắt đầu bằng `$` là lệnh bạn gõ');
    expect(linux).not.toContain('./tally-');
    for (const windowsOnly of ['tally.exe', '%ERRORLEVEL%', 'Extract All', 'PowerShell', '\n> tally', '`tally ', '.zip']) expect(linux, windowsOnly).not.toContain(windowsOnly);
    for (const text of [win, linux]) expect(text).not.toMatch(/<!--/);
  });

  it('each numbered list of the HTML guide counts on without restarting, and a table inside a step stays in it', () => {
    for (const platform of ['windows', 'linux']) {
      const page = html(platform);
      // A list broken by a table or a paragraph restarts: marked writes <ol start="4">.
      expect(page, platform).not.toMatch(/<ol start="(?!1")/);
      const steps = typingSteps(page);
      expect(steps).toHaveLength(4);
      expect(steps[2]).toContain('<table>');
      expect(steps[2]).toContain('Tín nhiệm thấp');
      expect(steps[3]).toContain('Số dòng phiếu phải bằng số phiếu thu về');
    }
  });

  it('with the table of step 3 not indented, the list is broken as it was (the check can fail)', () => {
    const broken = GUIDE.replace(/^ {3}(\|.*\|)$/gm, '$1');
    expect(broken).not.toBe(GUIDE);
    expect(typingSteps(html('windows', broken))).not.toHaveLength(4);
  });
});

/** §5's steps of typing the ballots: the items of its one numbered list (none when it has several). */
function typingSteps(page: string): string[] {
  const s5 = page.slice(page.indexOf('5. Nhập phiếu'), page.indexOf('6. Kiểm phiếu'));
  const lists = [...s5.matchAll(/<ol>([\s\S]*?)<\/ol>/g)];
  return lists.length === 1 ? (lists[0]?.[1] ?? '').split('<li>').slice(1) : [];
}
