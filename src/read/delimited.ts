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
  return parseRecords(text, delimiter, true, 1).rows;
}

/**
 * Complete records of `text`. Unless `final`, the last record is left unparsed when the text
 * ends inside it (its line break or closing quote may be in the next chunk): `consumed` says
 * where it starts. `line` is the line number `text` starts at, for errors.
 */
export function parseRecords(text: string, delimiter: string, final: boolean, line: number): { rows: string[][]; consumed: number; line: number } {
  const d = delimiter.charCodeAt(0);
  const n = text.length;
  const rows: string[][] = [];
  let row: string[] = [];
  let i = 0;
  let recordStart = 0;
  let recordLine = line;
  const incomplete = () => ({ rows, consumed: recordStart, line: recordLine });
  if (n === 0) return { rows, consumed: 0, line };
  for (;;) {
    let field: string;
    if (text.charCodeAt(i) === QUOTE) {
      // A quoted field: up to the quote not followed by another quote.
      const startLine = line;
      let value = '';
      let from = i + 1;
      for (;;) {
        const q = text.indexOf('"', from);
        if (q < 0 || (q === n - 1 && !final)) {
          if (!final) return incomplete();
          throw new CsvSyntaxError(startLine, `unclosed quote from line ${startLine}`);
        }
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
      if (!final) return incomplete();
      rows.push(row);
      return { rows, consumed: n, line };
    }
    const c = text.charCodeAt(i);
    if (c === d) {
      i++;
      if (i >= n) {
        if (!final) return incomplete();
        row.push('');
        rows.push(row);
        return { rows, consumed: n, line };
      }
      continue;
    }
    // End of line: CRLF, LF or CR (a CR at the very end may be half of a CRLF: wait).
    if (c === CR && i + 1 >= n && !final) return incomplete();
    i += c === CR && text.charCodeAt(i + 1) === LF ? 2 : 1;
    line++;
    rows.push(row);
    row = [];
    recordStart = i;
    recordLine = line;
    if (i >= n) return { rows, consumed: n, line };
  }
}
