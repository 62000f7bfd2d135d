import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { CellValue, Row } from '../../src/model/grid.js';
import { MAX_COLUMNS, MAX_ROWS, SheetScanner } from '../../src/read/sheet-xml.js';
import { EMPTY, type RowBatch } from '../../src/read/source.js';

const SHARED = ['cao', 'Tổng cộng', 'Lê Văn Hưng'];

const sheet = (rows: string) =>
  `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetViews/><sheetData>${rows}</sheetData><mergeCells count="1"><mergeCell ref="A1:C1"/></mergeCells></worksheet>`;

/** Every row of the XML, read in chunks cut at `cuts`, each cell checked against its key. */
function read(xml: string, cuts: readonly number[] = []): Row[] {
  const bytes = Buffer.from(xml, 'utf8');
  const scanner = new SheetScanner(SHARED, true);
  const rows: Row[] = [];
  const take = (batch: RowBatch) => {
    for (let i = 0; i < batch.size; i++) {
      const row = batch.row(i);
      row.cells.forEach((value, col) => {
        const key = batch.keys[batch.start(i) + col] as number;
        if (key === EMPTY) expect(value).toBeNull();
        else if (key > 0) expect(scanner.value(key)).toEqual(value);
        expect(batch.cell(i, col)).toEqual(value);
      });
      rows.push(row);
    }
  };
  let prev = 0;
  for (const at of [...cuts, bytes.length]) {
    take(scanner.push(bytes.subarray(prev, at)));
    prev = at;
  }
  scanner.end();
  return rows;
}

describe('SheetScanner', () => {
  it('reads every kind of cell as its value', () => {
    const rows = read(
      sheet(
        '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1"><v>3</v></c><c r="C1"><v>1500</v></c><c r="D1"><v>2.5</v></c></row>' +
          '<row r="2" spans="1:4"><c r="A2" t="inlineStr"><is><t>Hưng &amp; Hà</t></is></c><c r="B2" t="b"><v>1</v></c><c r="C2" t="str"><f>A1</f><v>cao</v></c><c r="D2"><f>1+1</f></c></row>' +
          "<row r='4'><c r='C4' s='3'/><c  r = 'D4'  t = 's' ><v>2</v></c></row>" +
          '<row r="5"><c><v>7</v></c><c t="s"><v>9</v></c><c r="E5"><v>007</v></c></row >',
      ),
    );
    const expected: CellValue[][] = [
      ['cao', 3, 1500, 2.5],
      ['Hưng & Hà', true, 'cao', '=1+1'],
      [],
      [null, null, null, 'Lê Văn Hưng'],
      [7, null, null, null, 7],
    ];
    expect(rows.map((r) => r.row)).toEqual([1, 2, 3, 4, 5]);
    expect(rows.map((r) => r.cells)).toEqual(expected);
  });

  it('takes a malformed cell reference as the next column', () => {
    expect(read(sheet('<row r="1"><c r="C1"><v>1</v></c><c r="d1"><v>2</v></c><c r="E"><v>3</v></c><c r="ABCD1"><v>4</v></c></row>')).map((r) => r.cells)).toEqual([[null, null, 1, 2, 3, 4]]);
  });

  it('lists the merged ranges after the rows', () => {
    const scanner = new SheetScanner(SHARED, true);
    scanner.push(Buffer.from(sheet('<row r="1"><c r="A1"><v>1</v></c></row>')));
    scanner.end();
    expect(scanner.merges()).toEqual(['A1:C1']);
  });

  it('gives the same rows however the part is cut into chunks', () => {
    const cell = fc.constantFrom('<c r="B{r}"><v>1</v></c>', '<c r="C{r}" t="s"><v>2</v></c>', '<c r="D{r}" t="inlineStr"><is><t>Tổng</t></is></c>', '<c r="E{r}"/>', '<c r="F{r}"><v>12345</v></c>', '<c><v>3</v></c>', '<c r="H{r}" t="b"><v>0</v></c>');
    const rowXml = fc.tuple(fc.nat({ max: 3 }), fc.array(cell, { maxLength: 5 })).map(([gap, cells]) => ({ gap, cells }));
    fc.assert(
      fc.property(fc.array(rowXml, { maxLength: 8 }), fc.array(fc.nat(), { maxLength: 8 }), (spec, cuts) => {
        let r = 0;
        const xml = sheet(
          spec
            .map(({ gap, cells }) => {
              r += gap + 1;
              return `<row r="${r}">${cells.map((c) => c.replaceAll('{r}', String(r))).join('')}</row>`;
            })
            .join(''),
        );
        const length = Buffer.byteLength(xml);
        const at = [...new Set(cuts.map((c) => c % (length + 1)))].sort((a, b) => a - b);
        expect(read(xml, at)).toEqual(read(xml));
        expect(read(xml).length).toBe(r);
      }),
      { numRuns: 300 },
    );
  });

  it.each([
    ['rows out of order', '<row r="3"></row><row r="2"></row>', /out of order/],
    ['a row number past the sheet', `<row r="${MAX_ROWS + 1}"></row>`, /beyond the sheet/],
    ['a cell past the last column', '<row r="1"><c r="XFE1"><v>1</v></c></row>', new RegExp(`${MAX_COLUMNS} columns`)],
  ])('refuses %s', (_what, rows, message) => {
    expect(() => read(sheet(rows))).toThrow(message);
  });

  it('refuses a part that ends inside a row', () => {
    expect(() => read(sheet('<row r="1"><c r="A1"><v>1</v></c></row>').replace('</row></sheetData>', ''))).toThrow(/ends inside a row/);
  });

  it('refuses a DOCTYPE', () => {
    expect(() => read(`<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "b">]>${sheet('')}`)).toThrow(/DOCTYPE/);
  });
});
