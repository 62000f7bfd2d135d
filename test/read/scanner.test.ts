import { describe, expect, it } from 'vitest';
import { DEFAULT_THRESHOLDS, markState, readMarks } from '../../src/read/marks.js';
import { legacyEncoding } from '../../src/read/legacy.js';
import { compareDecimal, formatDecimal, parseDecimal } from '../../src/rules/decimal.js';
import type { CellValue } from '../../src/read/grid.js';
import { tally } from '../cli/run.js';

describe('fill ratios against the thresholds (mark ≥ 0.5, blank ≤ 0.2)', () => {
  it.each([
    ['0.5', 'marked'], [0.5, 'marked'], ['0,5', 'marked'], ['1', 'marked'], [1, 'marked'], ['x', 'marked'], ['X', 'marked'], [true, 'marked'], ['true', 'marked'],
    ['0.4999', 'undecided'], ['0.2001', 'undecided'], ['0,35', 'undecided'],
    ['0.2', 'blank'], ['0,20', 'blank'], ['0', 'blank'], [0, 'blank'], [null, 'blank'], ['', 'blank'], [false, 'blank'],
    ['1.01', 'bad'], ['2', 'bad'], ['-0.1', 'bad'], ['v', 'bad'], ['0.5.1', 'bad'],
  ] as [CellValue, string][])('%o → %s', (v, state) => {
    expect(markState(v, DEFAULT_THRESHOLDS)).toBe(state);
  });

  it('reads three cells into one line', () => {
    const r = (high: CellValue, confidence: CellValue, low: CellValue) => readMarks({ high, confidence, low }, DEFAULT_THRESHOLDS);
    expect(r('0.9', '0', '0.1')).toEqual({ ok: true, reading: { kind: 'mark', level: 'high' }, allThree: false });
    expect(r('0', '0', '0')).toMatchObject({ reading: { kind: 'invalid', reason: 'no-mark' } });
    expect(r('0.9', '0.8', '0')).toMatchObject({ reading: { kind: 'invalid', reason: 'multiple-marks' }, allThree: false });
    expect(r('0.9', '0.8', '0.7')).toMatchObject({ reading: { kind: 'invalid', reason: 'multiple-marks' }, allThree: true });
    // Two definite marks are several marks whatever the faint one is.
    expect(r('0.9', '0.8', '0.3')).toMatchObject({ reading: { kind: 'invalid', reason: 'multiple-marks' } });
    expect(r('0.9', '0.3', '0')).toMatchObject({ reading: { kind: 'undecided', fills: ['0.9', '0.3', '0'] } });
    expect(r('0.3', '0', '0')).toMatchObject({ reading: { kind: 'undecided' } });
    expect(r('0.9', 'v', '0')).toEqual({ ok: false, bad: ['confidence'] });
  });

  it('compares decimals exactly', () => {
    const d = (t: string) => parseDecimal(t) ?? { num: -1n, scale: 0 };
    expect(compareDecimal(d('0.5'), d('0.50'))).toBe(0);
    expect(compareDecimal(d('0.1'), d('0.09999999999999999999'))).toBe(1);
    expect(compareDecimal(d('0,2'), d('0.3'))).toBe(-1);
    expect(formatDecimal(d('0.05'))).toBe('0.05');
    expect(formatDecimal(d('1'))).toBe('1');
    expect(parseDecimal('.5')).toEqual({ num: 5n, scale: 1 });
    expect(parseDecimal('abc')).toBeNull();
  });

  it('refuses thresholds out of order on the command line', async () => {
    const r = await tally(['x.csv', '--mark-threshold', '0.3', '--blank-threshold', '0.4']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--blank-threshold');
  });
});

describe('legacy encodings', () => {
  const sheet = (texts: string[]) => [{ file: 'x.csv', name: null, rows: texts.map((t, i) => ({ row: i + 1, cells: [t] })) }];
  it('does not mistake real Vietnamese for a legacy encoding', () => {
    expect(legacyEncoding(sheet(['Họ và tên', 'Nguyễn Văn Hùng', 'Phó Bí thư Thường trực Huyện ủy', 'Đỗ Văn Long', 'Chủ tịch Ủy ban MTTQ', 'Tín nhiệm thấp', 'ưởng ứng ờ ỡ'])))
      .toBeNull();
  });
  it('recognises TCVN3 and VNI text', () => {
    expect(legacyEncoding(sheet(['Hä vµ tªn', 'NguyÔn V¨n Hïng', 'Chøc vô']))).toBe('TCVN3');
    expect(legacyEncoding(sheet(['Hoï vaø teân', 'Nguyeãn Vaên Huøng', 'Chöùc vuï']))).toBe('VNI');
  });
});
