// A tokenizer for delimited text (CSV, TSV) as Excel reads it: fields in double quotes may hold
// delimiters, line breaks and doubled quotes; a quote inside an unquoted field is just a
// character; lines end in CRLF, LF or CR. An unclosed quote is an error with its line.

export class CsvSyntaxError extends Error {
  constructor(
    readonly line: number,
    message: string,
  ) {
    super(message);
  }
}

const QUOTE = 0x22;
const CR = 0x0d;
const LF = 0x0a;

export function parseDelimited(text: string, delimiter: string): string[][] {
  const d = delimiter.charCodeAt(0);
  const n = text.length;
  const rows: string[][] = [];
  let row: string[] = [];
  let line = 1;
  let i = 0;
  if (n === 0) return rows;
  for (;;) {
    let field: string;
    if (text.charCodeAt(i) === QUOTE) {
      // A quoted field: up to the quote not followed by another quote.
      const startLine = line;
      let value = '';
      let from = i + 1;
      for (;;) {
        const q = text.indexOf('"', from);
        if (q < 0) throw new CsvSyntaxError(startLine, `unclosed quote from line ${startLine}`);
        for (let k = from; k < q; k++) if (text.charCodeAt(k) === LF || (text.charCodeAt(k) === CR && text.charCodeAt(k + 1) !== LF)) line++;
        value += text.slice(from, q);
        if (text.charCodeAt(q + 1) === QUOTE) {
          value += '"';
          from = q + 2;
          continue;
        }
        i = q + 1;
        break;
      }
      // Anything between the closing quote and the next delimiter is kept, as Excel does.
      let j = i;
      while (j < n) {
        const c = text.charCodeAt(j);
        if (c === d || c === LF || c === CR) break;
        j++;
      }
      field = value + text.slice(i, j);
      i = j;
    } else {
      let j = i;
      while (j < n) {
        const c = text.charCodeAt(j);
        if (c === d || c === LF || c === CR) break;
        j++;
      }
      field = text.slice(i, j);
      i = j;
    }
    row.push(field);
    if (i >= n) {
      rows.push(row);
      return rows;
    }
    const c = text.charCodeAt(i);
    if (c === d) {
      i++;
      if (i >= n) {
        row.push('');
        rows.push(row);
        return rows;
      }
      continue;
    }
    // End of line: CRLF, LF or CR. A final line break ends the last row, adding none.
    i += c === CR && text.charCodeAt(i + 1) === LF ? 2 : 1;
    line++;
    rows.push(row);
    row = [];
    if (i >= n) return rows;
  }
}
