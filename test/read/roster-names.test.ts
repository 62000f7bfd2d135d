// Issue 20, finding 4: a roster whose name is split over columns (SPEC §2.2). The parts are
// joined with one space, in the order a name is said — never one part alone.
import { describe, expect, it } from 'vitest';
import type { CellValue, Sheet } from '../../src/model/grid.js';
import { readRoster } from '../../src/read/roster.js';
import { problemMessage } from '../../src/text/messages.js';

const sheet = (rows: CellValue[][]): Sheet => ({ file: 'danh-sach.xlsx', name: 'Danh sách', rows: rows.map((cells, i) => ({ row: i + 1, cells })) });
const names = (rows: CellValue[][]) => {
  const r = readRoster(sheet(rows));
  return { names: r.cadres.map((c) => c.name), errors: r.problems.filter((p) => p.severity === 'error').map((p) => `${p.code} ${p.location.columnLetter ?? ''}${p.location.row ?? ''} ${problemMessage(p, 'vi')}`) };
};

describe('a name split over columns', () => {
  it.each(['Họ đệm', 'Họ và đệm', 'Họ', 'HỌ ĐỆM', 'Ho dem', 'Họ lót'])('%s | Tên: the parts joined (two leaders sharing "Lê Văn" stay two)', (family) => {
    expect(
      names([
        ['STT', family, 'Tên', 'Chức vụ'],
        [1, 'Lê Văn', 'Hùng', 'Bí thư'],
        [2, 'Lê Văn', 'Hưng', 'Phó Bí thư'],
      ]),
    ).toEqual({ names: ['Lê Văn Hùng', 'Lê Văn Hưng'], errors: [] });
  });

  it('Tên before Họ đệm: still said family first', () => {
    expect(names([['Tên', 'Họ đệm', 'Chức vụ'], ['An', 'Nguyễn Văn', 'Bí thư']])).toEqual({ names: ['Nguyễn Văn An'], errors: [] });
  });

  it('Họ | Đệm | Tên: three parts, an empty middle name allowed', () => {
    expect(
      names([
        ['Họ', 'Đệm', 'Tên', 'Chức vụ'],
        ['Nguyễn', 'Thị Thu', 'Hà', 'Bí thư'],
        ['Hà', null, 'Anh', 'Phó Bí thư'],
      ]),
    ).toEqual({ names: ['Nguyễn Thị Thu Hà', 'Hà Anh'], errors: [] });
  });

  it('Họ và tên merged over Họ đệm | Tên: the row of parts is a header, not a leader', () => {
    // As a merged header reads: the merged cells show their first cell's text.
    expect(
      names([
        ['STT', 'Họ và tên', 'Họ và tên', 'Chức vụ'],
        ['STT', 'Họ đệm', 'Tên', 'Chức vụ'],
        [1, 'Lê Văn', 'Hùng', 'Bí thư'],
        [2, 'Lê Văn', 'Hưng', 'Phó Bí thư'],
      ]),
    ).toEqual({ names: ['Lê Văn Hùng', 'Lê Văn Hưng'], errors: [] });
  });

  it('Họ và tên merged over two columns, parts not named: split where the rows are', () => {
    expect(names([['Họ và tên', 'Họ và tên', 'Chức vụ'], ['Lê Văn', 'Hùng', 'Bí thư'], ['Lê Văn', 'Hưng', 'Phó Bí thư']])).toEqual({ names: ['Lê Văn Hùng', 'Lê Văn Hưng'], errors: [] });
  });

  it('Họ và tên merged over two columns only to be wide: names typed whole, or in cells merged across, are one name', () => {
    expect(
      names([
        ['Họ và tên', 'Họ và tên', 'Chức vụ'],
        ['Lê Văn Hùng', null, 'Bí thư'],
        ['Lê Văn Hưng', 'Lê Văn Hưng', 'Phó Bí thư'],
      ]),
    ).toEqual({ names: ['Lê Văn Hùng', 'Lê Văn Hưng'], errors: [] });
  });

  it('a missing part is an error at its cell, never a name of one part', () => {
    const r = names([
      ['Họ đệm', 'Tên', 'Chức vụ'],
      ['Lê Văn', 'Hùng', 'Bí thư'],
      ['Lê Văn', null, 'Phó Bí thư'],
      [null, 'Hưng', 'Ủy viên'],
    ]);
    expect(r.errors).toEqual(['bad-roster B3 thiếu Tên', 'bad-roster A4 thiếu Họ đệm']);
  });

  it('Tên alone is the whole name; beside Họ và tên (a column to sort by), Họ và tên is the name', () => {
    expect(names([['Tên', 'Chức vụ'], ['Lê Văn Hùng', 'Bí thư']])).toEqual({ names: ['Lê Văn Hùng'], errors: [] });
    expect(names([['Họ và tên', 'Tên', 'Chức vụ'], ['Lê Văn Hùng', 'Hùng', 'Bí thư']])).toEqual({ names: ['Lê Văn Hùng'], errors: [] });
  });

  it('Họ đệm without Tên: no name column (one part is not a name)', () => {
    const r = names([['Họ đệm', 'Chức vụ'], ['Lê Văn', 'Bí thư']]);
    expect(r.names).toEqual([]);
    expect(r.errors.map((e) => e.split(' ')[0])).toEqual(['missing-column']);
  });
});

describe('more split forms', () => {
  it('Họ và tên merged over Họ | Đệm | Tên (three columns)', () => {
    expect(
      names([
        ['STT', 'Họ và tên', 'Họ và tên', 'Họ và tên', 'Chức vụ'],
        ['STT', 'Họ', 'Đệm', 'Tên', 'Chức vụ'],
        [1, 'Nguyễn', 'Thị Thu', 'Hà', 'Bí thư'],
        [2, 'Hà', null, 'Anh', 'Phó Bí thư'],
      ]),
    ).toEqual({ names: ['Nguyễn Thị Thu Hà', 'Hà Anh'], errors: [] });
  });

  it('a leader whose name is only in the first column while others are split is refused, not shortened', () => {
    const r = names([
      ['Họ và tên', 'Họ và tên', 'Chức vụ'],
      ['Lê Văn', 'Hùng', 'Bí thư'],
      ['Lê Văn', null, 'Phó Bí thư'],
    ]);
    expect(r.errors).toEqual(['bad-roster B3 thiếu Họ và tên']);
  });
});
