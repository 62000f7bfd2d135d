import { describe, expect, it } from 'vitest';
import { detectDelimiter, detectEncoding, readCsv } from '../../src/read/csv.js';

const utf8 = (s: string) => new TextEncoder().encode(s);

describe('CSV text', () => {
  it('reads UTF-8 with and without BOM alike, in NFC', () => {
    const body = 'Số phiếu,Lê Văn Hưng\n1,3\n';
    const a = readCsv('a.csv', utf8(body));
    const b = readCsv('b.csv', new Uint8Array([0xef, 0xbb, 0xbf, ...utf8(body)]));
    expect(a.rows).toEqual(b.rows);
    expect(a.rows[0]?.cells).toEqual(['Số phiếu', 'Lê Văn Hưng']);
  });

  it('decodes UTF-16 LE with BOM (Excel "Unicode text")', () => {
    const text = 'Số phiếu\tHưng\r\n1\t2\r\n';
    const bytes = new Uint8Array(2 + text.length * 2);
    bytes.set([0xff, 0xfe]);
    for (let i = 0; i < text.length; i++) {
      bytes[2 + 2 * i] = text.charCodeAt(i) & 0xff;
      bytes[3 + 2 * i] = text.charCodeAt(i) >> 8;
    }
    expect(detectEncoding(bytes)).toBe('utf-16le');
    expect(readCsv('u.txt', bytes).rows.map((r) => r.cells)).toEqual([
      ['Số phiếu', 'Hưng'],
      ['1', '2'],
    ]);
  });

  it('falls back to Windows-1258 and composes tone marks to NFC', () => {
    // "Hưng" in Windows-1258: H, ư (0xFD), n, g.
    const bytes = new Uint8Array([0x48, 0xfd, 0x6e, 0x67, 0x0a]);
    expect(detectEncoding(bytes)).toBe('windows-1258');
    expect(readCsv('w.csv', bytes).rows[0]?.cells[0]).toBe('Hưng');
    // "ệ" is e + circumflex (0xEA) + combining dot below (0xF2).
    const tone = readCsv('w.csv', new Uint8Array([0x6e, 0x68, 0x69, 0xea, 0xf2, 0x6d])).rows[0]?.cells[0];
    expect(tone).toBe('nhiệm');
  });

  it.each([
    ['a,b,c\n1,2,3\n', ','],
    ['a;b;c\n1;2;3\n', ';'],
    ['a\tb\tc\n1\t2\t3\n', '\t'],
    ['"x,y";b\n"1,3";2\n', ';'],
    ['Số phiếu;Hùng\n1;1,3\n2;2\n', ';'],
  ])('detects the delimiter of %j', (text, d) => {
    expect(detectDelimiter(text)).toBe(d);
  });

  it('numbers rows as Excel shows them, a quoted line break staying in one row', () => {
    const s = readCsv('q.csv', utf8('a,b\n"x\ny",2\n\n3,4\n'));
    expect(s.rows.map((r) => r.row)).toEqual([1, 2, 3, 4]);
    expect(s.rows[3]?.cells).toEqual(['3', '4']);
  });
});
