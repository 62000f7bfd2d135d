import { describe, expect, it } from 'vitest';
import { optionKey, parseArgs, renderHelp, type CommandSpec } from '../../src/cli/args.js';

const spec: CommandSpec = {
  name: 'tally',
  description: 'test',
  version: '9.9.9',
  args: { placeholder: 'files', help: 'ballot files', min: 1 },
  options: [
    { name: '--roster', value: 'file', help: 'roster' },
    { name: '--returned', value: 'n', repeat: true, help: 'returned' },
    { name: '--lang', value: 'lang', choices: ['vi', 'en'], help: 'lang' },
    { name: '--json', help: 'json' },
    { name: '--mark-threshold', value: 'ratio', help: 'mark' },
    { name: '--output', short: '-o', value: 'file', repeat: true, help: 'out' },
  ],
};
const noArgs: CommandSpec = { name: 'tally template', description: 'test', options: [{ name: '--ballots', value: 'n', help: 'n' }] };

describe('parseArgs', () => {
  it.each([
    [['a.xlsx'], ['a.xlsx'], { returned: [], output: [] }],
    [['a.csv', '--roster', 'r.csv', '--json'], ['a.csv'], { roster: 'r.csv', json: true, returned: [], output: [] }],
    [['--roster=r.csv', 'a.csv', 'b.csv'], ['a.csv', 'b.csv'], { roster: 'r.csv', returned: [], output: [] }],
    [['a.csv', '--returned', '40', '--returned=Đảng ủy:12'], ['a.csv'], { returned: ['40', 'Đảng ủy:12'], output: [] }],
    [['a.csv', '-o', 'x.xlsx', '--output', 'y.csv'], ['a.csv'], { returned: [], output: ['x.xlsx', 'y.csv'] }],
    [['a.csv', '--mark-threshold', '0.6'], ['a.csv'], { markThreshold: '0.6', returned: [], output: [] }],
    [['a.csv', '--roster', '-r.csv'], ['a.csv'], { roster: '-r.csv', returned: [], output: [] }],
    [['--json', '--', '--odd-name.csv', '-'], ['--odd-name.csv', '-'], { json: true, returned: [], output: [] }],
    [['a.csv', '--roster', 'r1.csv', '--roster', 'r2.csv'], ['a.csv'], { roster: 'r2.csv', returned: [], output: [] }],
  ])('%j', (argv, args, opts) => {
    expect(parseArgs(spec, argv, 'en')).toEqual({ kind: 'run', args, opts });
  });

  it.each([
    [['a.csv', '--nope'], 'unknown option --nope (see --help)'],
    [['a.csv', '-x'], 'unknown option -x (see --help)'],
    [['a.csv', '--roster'], '--roster <file> needs a value'],
    [['a.csv', '--json=yes'], '--json takes no value'],
    [['a.csv', '--lang', 'fr'], "invalid value 'fr' for --lang; choose vi or en"],
    [[], 'missing <files…> (see --help)'],
    [['--json'], 'missing <files…> (see --help)'],
  ])('%j is a usage error', (argv, message) => {
    expect(parseArgs(spec, argv, 'en')).toEqual({ kind: 'error', message });
  });

  it('speaks Vietnamese by default', () => {
    expect(parseArgs(spec, ['a.csv', '--nope'], 'vi')).toEqual({ kind: 'error', message: 'không có tùy chọn --nope (xem --help)' });
  });

  it('refuses an argument where a command takes none', () => {
    expect(parseArgs(noArgs, ['stray.xlsx'], 'en')).toEqual({ kind: 'error', message: "unexpected argument 'stray.xlsx' (see --help)" });
    expect(parseArgs(noArgs, ['--ballots', '40'], 'en')).toEqual({ kind: 'run', args: [], opts: { ballots: '40' } });
  });

  it('reads help and version wherever they are on the line', () => {
    // Changed with commander: --help after a mistyped option prints the help (it used to be the
    // error) — a clerk who asks for help gets it.
    expect(parseArgs(spec, ['--nope', '--help'], 'en')).toMatchObject({ kind: 'help' });
    expect(parseArgs(spec, ['-h'], 'en')).toMatchObject({ kind: 'help' });
    expect(parseArgs(spec, ['a.csv', '-V'], 'en')).toEqual({ kind: 'version', text: '9.9.9\n' });
    expect(parseArgs(noArgs, ['-V'], 'en')).toEqual({ kind: 'error', message: 'unknown option -V (see --help)' });
  });

  it.each([
    ['en', ['a.csv', '--ouput', 'x.xlsx'], 'unknown option --ouput; did you mean --output? (see --help)'],
    ['vi', ['a.csv', '--ouput', 'x.xlsx'], 'không có tùy chọn --ouput; có phải ý bạn là --output? (xem --help)'],
    ['en', ['a.csv', '--ouput=x.xlsx'], 'unknown option --ouput; did you mean --output? (see --help)'],
    ['vi', ['a.csv', '--rooster', 'r.csv'], 'không có tùy chọn --rooster; có phải ý bạn là --roster? (xem --help)'],
    ['en', ['a.csv', '--mark-treshold', '0.5'], 'unknown option --mark-treshold; did you mean --mark-threshold? (see --help)'],
    ['en', ['a.csv', '--zzzz'], 'unknown option --zzzz (see --help)'],
  ] as const)('a mistyped option suggests the closest one (%s, %j)', (lang, argv, message) => {
    expect(parseArgs(spec, argv, lang)).toEqual({ kind: 'error', message });
  });

  it('names option keys as the options read them', () => {
    expect(optionKey('--mark-threshold')).toBe('markThreshold');
    expect(optionKey('--only-differences')).toBe('onlyDifferences');
  });
});

describe('renderHelp', () => {
  it('is in English with en, every heading and built-in line included', () => {
    const en = renderHelp(spec, 'en');
    expect(en).toContain('Usage: tally [options] <files…>');
    expect(en).toMatch(/^Arguments:\n  <files…> +ballot files$/m);
    expect(en).toMatch(/^Options:$/m);
    expect(en).toMatch(/^  -V, --version +print the version$/m);
    expect(en).toMatch(/^  -h, --help +print this help$/m);
  });

  it('says no English word of its own in Vietnamese', () => {
    const vi = renderHelp({ ...spec, commands: [['tally check <x…>', 'kiểm tra lại']] }, 'vi');
    expect(vi).toMatch(/^Tham số:$/m);
    expect(vi).toMatch(/^Tùy chọn:$/m);
    expect(vi).toMatch(/^Lệnh khác:\n  tally check <x…>\n      kiểm tra lại$/m);
    expect(vi).toMatch(/in hướng dẫn này/);
    for (const english of ['Usage', 'Options', 'Arguments', 'display help', 'output the version', 'default:', 'choices:']) expect(vi).not.toContain(english);
  });

  it('wraps to the width it is given', () => {
    const long = { ...spec, options: [{ name: '--roster', value: 'file' as const, help: 'word '.repeat(40).trim() }] };
    for (const line of renderHelp(long, 'en', 60).split('\n')) expect(line.length).toBeLessThanOrEqual(60);
  });

  it('lists every option with its placeholder, in the chosen language', () => {
    const vi = renderHelp(spec, 'vi');
    expect(vi).toContain('Cách dùng: tally [tùy chọn] <tệp…>');
    expect(vi).toContain('--roster <tệp>');
    expect(vi).toContain('-o, --output <tệp>');
    expect(vi).toContain('-V, --version');
    for (const o of spec.options) expect(vi).toContain(o.name);
    expect(renderHelp(noArgs, 'en')).toContain('Usage: tally template [options]\n');
  });
});
