// Issue 22, item 11: `check` re-tallies a summary with every option that changed its result —
// the scanner's thresholds, the OMR letters, counts given for one ballot type, the committee's
// decisions under any file name — read back from the summary's audit sheet. Each case first shows that the option changes the figures (so a
// re-tally without it would differ), then that the summary made with it re-checks as ok.
import { copyFileSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SAMPLE, tally } from '../cli/run.js';

const CORPUS = join(SAMPLE, '..', 'corpus');
const ROSTER = 'STT,Họ và tên,Chức vụ\n1,Trần Văn An,Bí thư\n2,Lê Thị Bình,Phó Bí thư\n';
const SESSION = 'Cơ quan,Đảng ủy xã An Bình\nNgày,10/12/2023\nSố người được triệu tập,12\nSố người có mặt,10\nSố phiếu phát ra,10\nSố phiếu thu về,10\n';

interface Case {
  readonly what: string;
  /** Writes the session into `dir`; returns the inputs as `tally` takes them. */
  readonly make: (dir: string) => string[];
  readonly options: readonly string[] | ((dir: string) => string[]);
  /** An input file rather than a flag: not among the options a record lists. */
  readonly file?: true;
  /** Given with and without the option (it is not what is tested). */
  readonly common?: readonly string[];
}

const CASES: Case[] = [
  {
    what: '--mark-threshold and --blank-threshold',
    make: (dir) => {
      writeFileSync(join(dir, 'danh-sach.csv'), ROSTER);
      writeFileSync(join(dir, 'hoi-nghi.csv'), SESSION);
      // Leader 1 on ballots 1–4: high 0.9 and low 0.55 — two marks by default (0.5), one with
      // the mark threshold at 0.7 and the blank threshold at 0.6.
      const lines = ['ballot,cadre,high,confidence,low'];
      for (let b = 1; b <= 10; b++) lines.push(`${b},1,0.9,0.05,${b <= 4 ? '0.55' : '0.05'}`, `${b},2,0.05,0.05,0.9`);
      writeFileSync(join(dir, 'phieu.csv'), `${lines.join('\n')}\n`);
      return [join(dir, 'phieu.csv'), '--roster', join(dir, 'danh-sach.csv'), '--session', join(dir, 'hoi-nghi.csv')];
    },
    options: ['--mark-threshold', '0.7', '--blank-threshold', '0.6'],
  },
  {
    what: '--omr-letters',
    make: (dir) => {
      for (const f of ['danh-sach.csv', 'hoi-nghi.csv']) copyFileSync(join(CORPUS, 'omrchecker', f), join(dir, f));
      copyFileSync(join(CORPUS, 'omrchecker', 'Results', 'Results_09AM.csv'), join(dir, 'phieu.csv'));
      return [join(dir, 'phieu.csv'), '--roster', join(dir, 'danh-sach.csv'), '--session', join(dir, 'hoi-nghi.csv')];
    },
    options: ['--omr-letters', 'A=low,B=confidence,C=high'],
  },
  {
    what: 'a count for one ballot type (--convened A=11)',
    make: (dir) => {
      copyFileSync(join(CORPUS, 'several-ballot-types', 'nhieu-loai-phieu.xlsx'), join(dir, 'nhieu-loai-phieu.xlsx'));
      return [join(dir, 'nhieu-loai-phieu.xlsx')];
    },
    // Type A's denominator is its convened count: 10 in the session sheet, 11 given.
    common: ['--denominator', 'convened'],
    options: ['--convened', 'A=11'],
  },
  {
    what: '--adjudications, a file named as the folder does not name one',
    make: (dir) => {
      writeFileSync(join(dir, 'danh-sach.csv'), ROSTER);
      writeFileSync(join(dir, 'hoi-nghi.csv'), SESSION);
      // Ballots 1 and 2 have leader 1's high box at 0.35: undecided until the committee decides.
      const lines = ['ballot,cadre,high,confidence,low'];
      for (let b = 1; b <= 10; b++) lines.push(`${b},1,${b <= 2 ? '0.35' : '0.9'},0.05,0.05`, `${b},2,0.05,0.05,0.9`);
      writeFileSync(join(dir, 'phieu.csv'), `${lines.join('\n')}\n`);
      writeFileSync(join(dir, 'ban-kp.csv'), 'ballot,cadre,decision,decided_by\n1,1,1,Ban kiểm phiếu\n2,1,none,Ban kiểm phiếu\n');
      return [join(dir, 'phieu.csv'), '--roster', join(dir, 'danh-sach.csv'), '--session', join(dir, 'hoi-nghi.csv')];
    },
    options: (dir) => ['--adjudications', join(dir, 'ban-kp.csv')],
    file: true,
  },
];

const figures = (stdout: string) => JSON.parse(stdout).cadres.map((c: Record<string, unknown>) => [c['ballotType'], c['high'], c['confidence'], c['low'], c['invalid'], c['denominator']]);

describe('check re-applies every option a summary was made with', () => {
  for (const c of CASES) {
    it(c.what, async () => {
      const dir = mkdtempSync(join(tmpdir(), 'tally-recheck-options-'));
      const inputs = c.make(dir);
      const options = typeof c.options === 'function' ? c.options(dir) : c.options;
      const common = c.common ?? [];
      const without = await tally([...inputs, ...common, '--json']);
      const withIt = await tally([...inputs, ...common, ...options, '--json']);
      expect(withIt.code).toBe(0);
      // The option changes the result: a re-tally without it would not match the summary.
      expect(figures(withIt.stdout)).not.toEqual(without.code === 0 ? figures(without.stdout) : []);

      expect((await tally([...inputs, ...common, ...options, '-o', join(dir, 'tong-hop.xlsx')])).code).toBe(0);
      const r = await tally(['check', dir, '--json']);
      const doc = JSON.parse(r.stdout);
      expect(doc.sessions.map((s: { status: string }) => s.status)).toEqual(['ok']);
      const [record] = doc.sessions[0].records;
      expect(record.status).toBe('ok');
      expect(record.differences).toBe(0);
      // The options it was re-tallied with, as the clerk typed them.
      const typed = [...common, ...options].join(' ');
      if (c.file !== true) expect(record.options.join(' ')).toBe(typed);
      expect(r.code).toBe(0);
    });
  }
});
