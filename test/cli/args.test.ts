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

  it('reads help and version in order with the other options', () => {
    expect(parseArgs(spec, ['--nope', '--help'], 'en')).toEqual({ kind: 'error', message: 'unknown option --nope (see --help)' });
    expect(parseArgs(spec, ['-h'], 'en')).toEqual({ kind: 'help' });
    expect(parseArgs(spec, ['a.csv', '-V'], 'en')).toEqual({ kind: 'version' });
    expect(parseArgs(noArgs, ['-V'], 'en')).toEqual({ kind: 'error', message: 'unknown option -V (see --help)' });
  });

  it('names option keys as the options read them', () => {
    expect(optionKey('--mark-threshold')).toBe('markThreshold');
    expect(optionKey('--only-differences')).toBe('onlyDifferences');
  });
});

describe('renderHelp', () => {
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
