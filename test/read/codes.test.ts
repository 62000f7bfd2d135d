import { describe, expect, it } from 'vitest';
import { decodeCell } from '../../src/model/codes.js';
import type { CellValue } from '../../src/model/grid.js';

const reading = (v: CellValue) => {
  const d = decodeCell(v);
  if (!d.ok) return `error:${d.hint}${d.suggestion ? `:${d.suggestion}` : ''}`;
  return d.reading.kind === 'mark' ? d.reading.level : d.reading.reason;
};

describe('wide-layout cell codes (SPEC §2.4)', () => {
  it.each([
    ['1', 'high'], [1, 'high'], ['cao', 'high'], ['Tín nhiệm cao', 'high'], ['tin nhiem cao', 'high'], ['TNC', 'high'], ['h', 'high'], ['High', 'high'],
    ['2', 'confidence'], [2, 'confidence'], ['tín nhiệm', 'confidence'], ['Tin Nhiem', 'confidence'], ['tn', 'confidence'], ['m', 'confidence'], ['confidence', 'confidence'],
    ['3', 'low'], [3, 'low'], ['thấp', 'low'], ['thap', 'low'], ['tín nhiệm thấp', 'low'], ['tnt', 'low'], ['L', 'low'], ['low', 'low'],
    [null, 'no-mark'], ['', 'no-mark'], ['  ', 'no-mark'], ['\u00a0', 'no-mark'],
    ['13', 'multiple-marks'], [13, 'multiple-marks'], ['123', 'multiple-marks'], [321, 'multiple-marks'], ['1,3', 'multiple-marks'], ['1; 2', 'multiple-marks'],
    ['2|3', 'multiple-marks'], ['1+2+3', 'multiple-marks'], ['cao/thấp', 'multiple-marks'], ['tn, tnt', 'multiple-marks'],
    ['gx', 'name-crossed-out'], ['GX', 'name-crossed-out'], ['gạch tên', 'name-crossed-out'], ['gach ten', 'name-crossed-out'],
    ['0', 'declared-invalid'], [0, 'declared-invalid'], ['khl', 'declared-invalid'], ['invalid', 'declared-invalid'],
  ] as [CellValue, string][])('%o → %s', (value, expected) => {
    expect(reading(value)).toBe(expected);
  });

  it.each([
    ['11', 'error:repeated-level'],
    [11, 'error:repeated-level'],
    ['1,1', 'error:repeated-level'],
    ['cao+1', 'error:repeated-level'],
    ['10', 'error:mixed-with-zero'],
    ['0,3', 'error:mixed-with-zero'],
    [1.3, 'error:decimal-number:13'],
    [1.23, 'error:decimal-number:123'],
    // 5 is no level: typing 25 would be another error, so nothing is suggested.
    [2.5, 'error:decimal-number'],
    [1.1, 'error:decimal-number'],
    [2.3, 'error:decimal-number:23'],
    ['x', 'error:unknown'],
    ['4', 'error:unknown'],
    ['14', 'error:unknown'],
    ['1,', 'error:unknown'],
    ['1.0', 'error:unknown'],
    [true, 'error:unknown'],
    [new Date(0), 'error:unknown'],
  ] as [CellValue, string][])('%o is a data-entry error: %s', (value, expected) => {
    expect(reading(value)).toBe(expected);
  });
});
