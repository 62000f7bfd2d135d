import { parse } from 'csv-parse/sync';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CsvSyntaxError, parseDelimited } from '../../src/read/delimited.js';

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
});
