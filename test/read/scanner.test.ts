import { describe, expect, it } from 'vitest';
import { fillRatio, markState, readMarks } from '../../src/read/marks.js';
import { DEFAULT_THRESHOLDS } from '../../src/model/thresholds.js';
import { legacyEncoding } from '../../src/read/legacy.js';
import { compareDecimal, formatDecimal, parseDecimal } from '../../src/model/decimal.js';
import type { CellValue } from '../../src/model/grid.js';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readAnswer } from '../../src/read/omr.js';
import type { Level } from '../../src/model/types.js';
import { SAMPLE, tally } from '../cli/run.js';
import { pick } from '../helpers.js';

describe('fill ratios against the thresholds (mark ≥ 0.5, blank ≤ 0.2)', () => {
  it.each([
    ['0.5', 'marked'], [0.5, 'marked'], ['0,5', 'marked'], ['1', 'marked'], [1, 'marked'], ['x', 'marked'], ['X', 'marked'], [true, 'marked'], ['true', 'marked'],
    ['0.4999', 'undecided'], ['0.2001', 'undecided'], ['0,35', 'undecided'],
    ['0.2', 'blank'], ['0,20', 'blank'], ['0', 'blank'], [0, 'blank'], [null, 'blank'], ['', 'blank'], [false, 'blank'],
    ['1.01', 'bad'], ['2', 'bad'], ['-0.1', 'bad'], ['v', 'bad'], ['0.5.1', 'bad'],
    // Percentages, as some scanners export fill ratios.
    ['62%', 'marked'], ['62,5%', 'marked'], ['50%', 'marked'], ['100%', 'marked'], ['100,0 %', 'marked'],
    ['49,99%', 'undecided'], ['35 %', 'undecided'], ['20%', 'blank'], ['0%', 'blank'], ['0.62%', 'blank'],
    ['101%', 'bad'], ['100.01%', 'bad'], ['-5%', 'bad'], ['%', 'bad'], ['62%%', 'bad'], ['62% x', 'bad'],
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

  it('reads a percentage as the fraction it stands for', () => {
    expect(fillRatio('62%')).toEqual({ num: 62n, scale: 2 });
    expect(fillRatio('62,5%')).toEqual({ num: 625n, scale: 3 });
    expect(fillRatio('0.62')).toEqual({ num: 62n, scale: 2 });
    expect(fillRatio('-1%')).toBeNull();
  });

  it('a scanner export with fill ratios as percentages tallies as the one with fractions', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tally-pct-'));
    const SCAN = join(SAMPLE, '..', 'corpus', 'scanner-fill-ratios');
    // 0.81 → 81%, "0,72" → 72%: every fill of the corpus case, same values.
    const text = readFileSync(join(SCAN, 'quet.csv'), 'utf8').replace(/\b0\.(\d\d)\b/g, '$1%').replace(/"0,(\d\d)"/g, '$1%');
    expect(text).toContain(',35%,');
    writeFileSync(join(dir, 'quet.csv'), text);
    const args = ['--roster', join(SAMPLE, 'danh-sach.csv'), '--session', join(SAMPLE, 'hoi-nghi.csv'), '--adjudications', join(SCAN, 'quyet-dinh.csv'), '--json'];
    const r = await tally([join(dir, 'quet.csv'), ...args]);
    expect(r.code).toBe(0);
    const expected = JSON.parse(readFileSync(join(SCAN, 'expected.json'), 'utf8'));
    expect(pick(JSON.parse(r.stdout), expected)).toEqual(expected);
    // Above 100% is refused, naming the cell.
    writeFileSync(join(dir, 'quet.csv'), text.replace(/^(1,Nguyễn Văn Hùng,)81%/m, '$1181%'));
    const over = await tally([join(dir, 'quet.csv'), ...args]);
    expect(over.code).toBe(1);
    expect(JSON.parse(over.stdout).problems).toEqual([expect.objectContaining({ code: 'bad-cell', cell: 'C2', value: '181%' })]);
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

describe('OMR answers (SPEC §2.5): several letters run together or joined by | are several marks', () => {
  const LETTERS = new Map<string, Level>([['A', 'high'], ['B', 'confidence'], ['C', 'low']]);
  it.each([
    ['A', { ok: true, reading: { kind: 'mark', level: 'high' }, allThree: false }],
    ['c', { ok: true, reading: { kind: 'mark', level: 'low' }, allThree: false }],
    ['', { ok: true, reading: { kind: 'invalid', reason: 'no-mark' }, allThree: false }],
    ['AB', { ok: true, reading: { kind: 'invalid', reason: 'multiple-marks' }, allThree: false }],
    ['A|B', { ok: true, reading: { kind: 'invalid', reason: 'multiple-marks' }, allThree: false }],
    ['B | C', { ok: true, reading: { kind: 'invalid', reason: 'multiple-marks' }, allThree: false }],
    ['CBA', { ok: true, reading: { kind: 'invalid', reason: 'multiple-marks' }, allThree: true }],
    ['A|B|C', { ok: true, reading: { kind: 'invalid', reason: 'multiple-marks' }, allThree: true }],
    ['AD', { ok: false, hint: 'omr-letter', letters: ['D'] }],
    ['D|A', { ok: false, hint: 'omr-letter', letters: ['D'] }],
    ['X', { ok: false, hint: 'omr-letter', letters: ['X'] }],
    ['A|', { ok: false, hint: 'omr-letter', letters: [] }],
    ['AA', { ok: false, hint: 'omr-repeated', letters: ['A'] }],
    ['A|A', { ok: false, hint: 'omr-repeated', letters: ['A'] }],
  ] as [string, unknown][])('%o', (text, expected) => {
    expect(readAnswer(text, LETTERS)).toEqual(expected);
  });

  const OMR = join(SAMPLE, '..', 'corpus', 'omrchecker');
  const FORMSCANNER = join(SAMPLE, '..', 'corpus', 'formscanner');
  /** The FormScanner sample with its text edited, tallied as the corpus case is. */
  async function formScanner(edit: (text: string) => string, extra: string[] = []) {
    const dir = mkdtempSync(join(tmpdir(), 'tally-fs-'));
    writeFileSync(join(dir, 'ket-qua.csv'), edit(readFileSync(join(FORMSCANNER, 'ket-qua.csv'), 'utf8')));
    const r = await tally([join(dir, 'ket-qua.csv'), '--roster', join(OMR, 'danh-sach.csv'), '--session', join(OMR, 'hoi-nghi.csv'), '--json', ...extra]);
    return { ...r, doc: JSON.parse(r.stdout) };
  }
  const expected = () => JSON.parse(readFileSync(join(FORMSCANNER, 'expected.json'), 'utf8'));

  it('a FormScanner export with AB instead of A|B tallies the same (README worked example)', async () => {
    const r = await formScanner((t) => t.replace(';A|B', ';AB').replace(';B|C;', ';CB;'));
    expect(r.code).toBe(0);
    expect(pick(r.doc, expected())).toEqual(expected());
  });

  it('an OMRChecker export with A|B instead of AB tallies the same', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tally-omr-'));
    const text = readFileSync(join(OMR, 'Results', 'Results_09AM.csv'), 'utf8');
    writeFileSync(join(dir, 'Results.csv'), text.replace(',AB\n', ',A|B\n').replace(',BC,', ',B|C,'));
    const r = await tally([join(dir, 'Results.csv'), '--roster', join(OMR, 'danh-sach.csv'), '--session', join(OMR, 'hoi-nghi.csv'), '--json']);
    expect(r.code).toBe(0);
    expect(pick(JSON.parse(r.stdout), expected())).toEqual(expected());
  });

  it('a blank row in a scanner export is a warning with its row, counted as set aside', async () => {
    const r = await formScanner((t) => t.replace('\nphieu_004.jpg', '\n;;;;\nphieu_004.jpg'));
    expect(r.code).toBe(0);
    expect(r.doc.problems).toEqual([expect.objectContaining({ code: 'empty-row', severity: 'warning', row: 5 })]);
    expect(r.doc.rows[0]).toMatchObject({ rowsRead: 14, countedRows: 12, nonBallot: { title: 0, header: 1, empty: 1, total: 0 } });
    expect(pick(r.doc.cadres, expected().cadres)).toEqual(expected().cadres);
  });

  it('a letter outside --omr-letters is an error naming the letter and the map', async () => {
    const r = await formScanner((t) => t.replace(';A|B', ';A|D'));
    expect(r.code).toBe(1);
    expect(r.doc.problems).toEqual([
      expect.objectContaining({ code: 'bad-cell', row: 7, cell: 'E7', message: "câu trả lời 'A|D' không hợp lệ: chữ D không có trong bảng chữ cái (A=high, B=confidence, C=low; xem --omr-letters)" }),
    ]);
    // With D in the map (and no C), the same cell is several marks; C elsewhere is now unknown.
    const mapped = await formScanner((t) => t.replace(';A|B', ';A|D'), ['--omr-letters', 'A=high,B=confidence,D=low', '--lang', 'en']);
    expect(mapped.doc.problems.length).toBeGreaterThan(0);
    expect(mapped.doc.problems.map((p: { message: string }) => p.message.replace(/^answer '(C|B\|C)' /, ''))).toEqual(
      mapped.doc.problems.map(() => 'is not valid: letter C is not in the letter map (A=high, B=confidence, D=low; see --omr-letters)'),
    );
  });
});
