// The screen report: fits the width it is given (SPEC §3 Terminal), colours only when it should,
// and help in the clerk's language.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { visibleWidth } from '../../src/text/wrap.js';
import { REGIME_LIST } from '../../src/rules/regimes.js';
import { SAMPLE, tally } from './run.js';

const ANSI = /\u001b\[[0-9;]*m/g;
const lines = (text: string) => text.replace(ANSI, '').split('\n');

/** A session of 1,234 ballots and leaders with long names and positions, as CSV files. */
function bigSession() {
  const dir = mkdtempSync(join(tmpdir(), 'tally-screen-'));
  const names = [
    'Tôn Nữ Thị Phương Thảo Nguyên',
    'Nguyễn Hoàng Bảo Khánh Linh',
    'Âu Dương Minh Quang',
    'Lê',
    'Công Tằng Tôn Nữ Diệu Huyền',
    'Trần Văn Lâm',
  ];
  const positions = [
    'Phó Bí thư Thường trực Tỉnh ủy, Chủ tịch Hội đồng nhân dân tỉnh',
    'Ủy viên Ban Thường vụ Tỉnh ủy, Trưởng Ban Tổ chức Tỉnh ủy',
    'Giám đốc Sở Tài nguyên và Môi trường',
    'Chánh án Tòa án nhân dân tỉnh',
    'Phó Chủ tịch Ủy ban nhân dân tỉnh phụ trách khối kinh tế',
    'Bí thư Tỉnh đoàn',
  ];
  writeFileSync(join(dir, 'danh-sach.csv'), ['STT,Họ và tên,Chức vụ', ...names.map((n, i) => `${i + 1},${n},"${positions[i]}"`)].join('\n'));
  const n = 1234;
  const rows = ['Số phiếu,' + names.join(',')];
  // The first leader is marked high on every ballot (1,234); the fifth low on most (flagged).
  for (let b = 1; b <= n; b++) rows.push([b, 1, (b % 3) + 1, ((b * 7) % 3) + 1, (b % 2) + 1, b % 10 === 0 ? 1 : 3, 2].join(','));
  writeFileSync(join(dir, 'phieu.csv'), rows.join('\n'));
  writeFileSync(join(dir, 'hoi-nghi.csv'), ['Mục,Giá trị', 'Ngày,05/06/2024', 'Số người được triệu tập,1300', 'Số người có mặt,1250', 'Số phiếu phát ra,1240', 'Số phiếu thu về,1234'].join('\n'));
  return { args: [join(dir, 'phieu.csv'), '--roster', join(dir, 'danh-sach.csv'), '--session', join(dir, 'hoi-nghi.csv')], names };
}

describe('the screen report fits the width', () => {
  const big = bigSession();
  const sample = { args: [join(SAMPLE, 'hoi-nghi-huyen.xlsx')], names: ['Nguyễn Văn Hùng', 'Trần Thị Mai', 'Đặng Quốc Bảo', 'Mai Xuân Trường'] };

  it.each([
    ['the sample', 80],
    ['the sample', 120],
    ['1,234 ballots, long names', 80],
    ['1,234 ballots, long names', 100],
    ['1,234 ballots, long names', 120],
  ] as const)('%s at %i columns: no line wider, every name whole on a line, counts whole', async (which, width) => {
    const s = which === 'the sample' ? sample : big;
    for (const lang of ['vi', 'en'] as const) {
      const r = await tally([...s.args, '--lang', lang], { COLUMNS: String(width) });
      expect(r.code).toBe(0);
      const out = lines(r.stdout);
      for (const line of out) expect(visibleWidth(line), line).toBeLessThanOrEqual(width);
      for (const name of s.names) expect(out.some((line) => line.includes(name)), name).toBe(true);
      if (s === big) {
        // 1,234 valid votes and 1,234 high for the first leader, each whole in its cell.
        const first = out.findIndex((line) => line.includes(big.names[0] as string));
        const whole = /(^|[\s│])1234([\s│]|$)/;
        expect(out[first]?.split(big.names[0] as string)[1]).toMatch(whole); // valid
        expect(out[first]?.replace(/(^|[\s│])1234([\s│])/, '$1$2')).toMatch(/(^|[\s│])1234( ·|[\s│]|$)/); // and high
      }
    }
  });

  it('a terminal gives its own width; a file or pipe 80', async () => {
    const run = async (stdout: { isTTY?: boolean; columns?: number }) => {
      let out = '';
      await main(sample.args, { stdout: { write: (s: string) => (out += s), ...stdout }, stderr: { write: () => 0 }, env: { NO_COLOR: '1' } });
      return Math.max(...lines(out).map(visibleWidth));
    };
    expect(await run({ isTTY: true, columns: 132 })).toBeGreaterThan(100);
    expect(await run({ isTTY: true, columns: 90 })).toBeLessThanOrEqual(90);
    expect(await run({})).toBeLessThanOrEqual(80);
  });

  it('flagged leaders and their action wrap at spaces, never inside a word', async () => {
    const r = await tally([...big.args], { COLUMNS: '80' });
    const out = lines(r.stdout);
    const at = out.findIndex((l) => l.startsWith('Người có phiếu tín nhiệm thấp vượt ngưỡng'));
    expect(at).toBeGreaterThan(0);
    const words = new Set(`${r.stdout.replace(ANSI, '')}`.split(/\s+/));
    for (const line of out.slice(at)) for (const w of line.trim().split(/\s+/)) expect(words.has(w)).toBe(true);
    // The action, joined back, is the regulation's text whole.
    expect(out.slice(at).map((l) => l.trim()).join(' ')).toContain('Cấp có thẩm quyền thực hiện miễn nhiệm chức vụ đang đảm nhiệm');
  });
});

describe('colour', () => {
  const run = async (isTTY: boolean, env: Record<string, string>) => {
    let out = '';
    await main([join(SAMPLE, 'hoi-nghi-huyen.xlsx')], { stdout: { write: (s: string) => (out += s), isTTY }, stderr: { write: () => 0 }, env });
    return /\u001b\[/.test(out);
  };

  it.each([
    [true, {}, true],
    [true, { NO_COLOR: '1' }, false],
    [true, { NO_COLOR: '' }, true],
    [false, {}, false],
    [false, { FORCE_COLOR: '1' }, true],
    [false, { FORCE_COLOR: '' }, true],
    [true, { FORCE_COLOR: '0' }, false],
    [true, { NO_COLOR: '1', FORCE_COLOR: '1' }, true],
  ] as const)('a TTY %s with %j: colour %s', async (isTTY, env, coloured) => {
    expect(await run(isTTY, env)).toBe(coloured);
  });
});

describe('help', () => {
  it('in Vietnamese by default, every command', async () => {
    const r = await tally(['--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Cách dùng: tally \[tùy chọn\] <tệp…>$/m);
    expect(r.stdout).toMatch(/^Tùy chọn:$/m);
    expect(r.stdout).toMatch(/^ {2}-o, --output <tệp> +ghi báo cáo ra tệp/m);
    expect(r.stdout).toMatch(/^Lệnh khác:$/m);
    expect(r.stdout).not.toMatch(/Usage|Options|display help|output the version/);
    for (const cmd of ['check', 'reconcile', 'template']) {
      const h = await tally([cmd, '--help']);
      expect(h.code).toBe(0);
      expect(h.stdout).toContain(`Cách dùng: tally ${cmd} [tùy chọn]`);
    }
  });

  it('in English with --lang en, wherever --lang stands', async () => {
    for (const args of [['--help', '--lang', 'en'], ['--lang=en', '-h']]) {
      const r = await tally(args);
      expect(r.stdout).toMatch(/^Usage: tally \[options\] <files…>$/m);
      expect(r.stdout).toMatch(/^Other commands:$/m);
    }
    expect((await tally(['template', '--lang', 'en', '--help'])).stdout).toContain('Usage: tally template [options]\n');
  });

  it('lists the regimes and denominators the rules know', async () => {
    const { REGIME_IDS, DENOMINATOR_BASES } = await import('../../src/model/types.js');
    const r = await tally(['--help'], { COLUMNS: '200' });
    for (const id of [...REGIME_IDS, ...DENOMINATOR_BASES]) expect(r.stdout).toContain(id);
  });

  it('wraps to the width', async () => {
    // commander stops wrapping descriptions narrower than 40 columns; 72 leaves them 45.
    const r = await tally(['--help'], { COLUMNS: '72' });
    for (const line of r.stdout.split('\n')) expect(visibleWidth(line), line).toBeLessThanOrEqual(72);
  });
});

describe('option values checked with their reason', () => {
  it.each([
    [['--mark-threshold', '0.3', '--blank-threshold', '0.4'], "Lỗi cách dùng: giá trị '0.4' của --blank-threshold không hợp lệ: ngưỡng không đánh dấu (0.4) phải nhỏ hơn ngưỡng có đánh dấu (0.3)\n"],
    // Every regime of the registry, in its order (test/rules/registry.test.ts holds each to SPEC).
    [['--regime', 'qd-97', '--lang', 'en'], `Usage error: invalid value 'qd-97' for --regime: choose one of ${REGIME_LIST.map((r) => r.id).join(', ')}\n`],
    [['--issued', 'A=x'], "Lỗi cách dùng: giá trị 'A=x' của --issued không hợp lệ: cần một số nguyên không âm, hoặc LOẠI=số cho một loại phiếu\n"],
  ])('%j', async (args, stderr) => {
    const r = await tally([join(SAMPLE, 'hoi-nghi-huyen.xlsx'), ...args]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(stderr);
  });
});
