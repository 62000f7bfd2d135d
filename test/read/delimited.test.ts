import { parse } from 'csv-parse/sync';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CsvSyntaxError, DelimitedTokenizer, decoderFor, parseDelimited } from '../../src/read/delimited.js';
import { EMPTY, type RowBatch } from '../../src/read/source.js';

describe('parseDelimited', () => {
  it.each([
    ['a,b\n1,2\n', [['a', 'b'], ['1', '2']]],
    ['a,b\r\n1,2', [['a', 'b'], ['1', '2']]],
    ['a,b\r1,2\r', [['a', 'b'], ['1', '2']]],
    ['a,,c\n', [['a', '', 'c']]],
    ['a,b,\n', [['a', 'b', '']]],
    ['a,b,', [['a', 'b', '']]],
    ['a\n\nb\n', [['a'], [''], ['b']]],
    ['"x,y",2\n', [['x,y', '2']]],
    ['"say ""hi""",2\n', [['say "hi"', '2']]],
    ['"two\nlines",2\n3,4\n', [['two\nlines', '2'], ['3', '4']]],
    ['Bí thư "Huyện đoàn",2\n', [['Bí thư "Huyện đoàn"', '2']]],
    ['"ab"c,d\n', [['abc', 'd']]],
    ['a;b\n1;"2;3"\n', [['a;b'], ['1;"2;3"']]],
    ['', []],
  ])('%j', (text, rows) => {
    expect(parseDelimited(text, ',')).toEqual(rows);
  });

  it('takes any delimiter', () => {
    expect(parseDelimited('a;b\n1;"2;3"\n', ';')).toEqual([['a', 'b'], ['1', '2;3']]);
    expect(parseDelimited('a\tb\r\n1\t2\r\n', '\t')).toEqual([['a', 'b'], ['1', '2']]);
  });

  it('names the line where an unclosed quote starts', () => {
    try {
      parseDelimited('a,b\n1,2\n3,"open\nmore\n', ',');
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(CsvSyntaxError);
      expect((e as CsvSyntaxError).line).toBe(3);
    }
  });

  it('agrees with csv-parse on well-formed files', () => {
    const field = fc.oneof(fc.constantFrom('', '1', '2', '3', 'cao', 'Lê Văn Hưng', 'a,b', 'say "x"', 'two\nlines', ' 1 '), fc.string({ maxLength: 6 }));
    fc.assert(
      fc.property(fc.array(fc.array(field, { minLength: 1, maxLength: 5 }), { minLength: 1, maxLength: 8 }), (rows) => {
        const text = `${rows.map((r) => r.map((f) => (/[",\n\r]/.test(f) || f === '' ? `"${f.replaceAll('"', '""')}"` : f)).join(',')).join('\r\n')}\r\n`;
        expect(parseDelimited(text, ',')).toEqual(parse(text, { relax_column_count: true }));
      }),
    );
  });

  it('gives the same records, keys and errors however the bytes are cut into chunks', () => {
    const piece = fc.constantFrom('', '1', '23', 'x', 'cao', 'Hưng', ',', ';', '"', '""', '\n', '\r', '\r\n', ' ', 'ệ', 'abcd');
    const text = fc.array(piece, { maxLength: 40 }).map((p) => p.join(''));
    fc.assert(
      fc.property(text, fc.array(fc.nat(), { maxLength: 6 }), (t, cuts) => {
        const bytes = Buffer.from(t, 'utf8');
        const at = [...new Set(cuts.map((c) => c % (bytes.length + 1)))].sort((a, b) => a - b);
        const whole = outcome(() => parseDelimited(t, ','));
        const chunked = outcome(() => {
          const tokenizer = new DelimitedTokenizer(',', decoderFor('utf-8'));
          const rows: string[][] = [];
          const take = (batch: RowBatch) => {
            for (let i = 0; i < batch.size; i++) {
              const cells = batch.row(i).cells as string[];
              // A key stands for its cell's text; EMPTY for an empty cell.
              for (let col = 0; col < cells.length; col++) {
                const key = batch.keys[batch.start(i) + col] as number;
                if (key === EMPTY) expect(cells[col]).toBe('');
                else if (key > 0) expect(tokenizer.value(key)).toBe(cells[col]);
                expect(batch.cell(i, col)).toBe(cells[col]);
              }
              expect(batch.rowNumber(i)).toBe(rows.length + 1);
              rows.push(cells);
            }
          };
          let prev = 0;
          for (const p of [...at, bytes.length]) {
            take(tokenizer.push(bytes.subarray(prev, p)));
            prev = p;
          }
          take(tokenizer.end());
          return rows;
        });
        expect(chunked).toEqual(whole);
      }),
      { numRuns: 500 },
    );
  });
});

/** Rows, or the line of the syntax error. */
function outcome(read: () => string[][]): string[][] | { line: number } {
  try {
    return read();
  } catch (e) {
    if (e instanceof CsvSyntaxError) return { line: e.line };
    throw e;
  }
}

