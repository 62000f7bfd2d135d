// A tokenizer for delimited text (CSV, TSV) as Excel reads it, working on the bytes: fields in
// double quotes may hold delimiters, line breaks and doubled quotes; a quote inside an unquoted
// field is just a character; lines end in CRLF, LF or CR. An unclosed quote is an error with
// its line. The bytes are UTF-8 or Windows-1258 (UTF-16 is turned into UTF-8 first): in both,
// the delimiters, quotes and line breaks are single ASCII bytes that no other character
// contains, so records are found without decoding. A field becomes a string only when asked
// for; short plain fields get keys (source.ts) from their bytes alone.
import type { CellValue, Row } from '../model/grid.js';
import { DEFAULT_LIMITS, LimitExceeded, type Limits } from '../model/limits.js';
import { EMPTY, OTHER, type RowBatch } from './source.js';

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

/** Field and record flags. */
const QUOTED = 1;
const NON_ASCII = 2;

/** Byte classes while scanning a field: 0 for part of it, HIGH for part of it and not ASCII. */
const HIGH = NON_ASCII;
const END = 4;

/** Turns a field's bytes into text: the file's encoding, then NFC. */
export type FieldDecoder = (bytes: Uint8Array) => string;

export function decoderFor(encoding: 'utf-8' | 'windows-1258'): FieldDecoder {
  const decoder = new TextDecoder(encoding);
  return (bytes) => decoder.decode(bytes).normalize('NFC');
}

/** Where a chunk's records and fields are. */
interface Layout {
  readonly keys: Int32Array;
  readonly fieldStarts: Int32Array;
  /** Record r's fields are firstField[r] … firstField[r + 1] - 1. */
  readonly firstField: Int32Array;
  /** Where each record's last field ends (its line break excluded). */
  readonly recordEnds: Int32Array;
  /** Whether any field of the record is quoted or not ASCII. */
  readonly recordFlags: Uint8Array;
}

const layoutFor = (capacity: number): Layout => ({
  keys: new Int32Array(capacity),
  fieldStarts: new Int32Array(capacity),
  firstField: new Int32Array(capacity),
  recordEnds: new Int32Array(capacity),
  recordFlags: new Uint8Array(capacity),
});

/**
 * Arrays reused by every tokenizer from chunk to chunk, each batch getting a copy of its part
 * (a chunk is scanned in one go, so tokenizers never share them at once): a chunk of n bytes
 * has at most n + 1 records and n + 1 fields.
 */
let scratch = layoutFor(0);

/**
 * Splits delimited bytes into records, chunk by chunk. Fields of up to three plain ASCII bytes
 * are interned: their key is the same in every batch.
 */
export class DelimitedTokenizer {
  private readonly classes = new Uint8Array(256);
  private carry: Buffer | null = null;
  /** Physical line where the next record starts, for errors. */
  private line = 1;
  private records = 0;
  private readonly one = new Int32Array(256);
  /** Keys of two-byte fields, made when the first one is seen. */
  private two: Int32Array | null = null;
  private readonly three = new Map<number, number>();
  private readonly values: string[] = [''];

  private readonly delimiter: number;

  constructor(
    delimiter: string,
    private readonly decode: FieldDecoder,
    private readonly limits: Pick<Limits, 'rowBytes' | 'cellChars' | 'columns' | 'rows'> = DEFAULT_LIMITS,
  ) {
    this.delimiter = delimiter.charCodeAt(0);
    for (let b = 0x80; b < 256; b++) this.classes[b] = HIGH;
    for (const b of [this.delimiter, CR, LF]) this.classes[b] = END;
  }

  /** The text of an interned key. */
  value(key: number): string {
    return this.values[key] ?? '';
  }

  /** The records completed by `chunk` (the last may wait for the next chunk). */
  push(chunk: Buffer): RowBatch {
    const bytes = this.carry === null || this.carry.length === 0 ? chunk : Buffer.concat([this.carry, chunk]);
    const { batch, consumed } = this.scan(bytes, false);
    this.carry = bytes.subarray(consumed);
    // A record still open after this many bytes is refused now, not carried on (an unclosed
    // quote would otherwise carry the rest of the file).
    if (this.carry.length > this.limits.rowBytes) throw new LimitExceeded('row-mb', this.line);
    return batch;
  }

  /** The last records, once the input has ended. */
  end(): RowBatch {
    const bytes = this.carry ?? Buffer.alloc(0);
    this.carry = null;
    return this.scan(bytes, true).batch;
  }

  private scan(buf: Buffer, final: boolean): { batch: CsvBatch; consumed: number } {
    const n = buf.length;
    if (scratch.keys.length < n + 2) scratch = layoutFor(n + 2);
    const { keys, fieldStarts, firstField, recordEnds, recordFlags } = scratch;
    const classes = this.classes;
    const one = this.one;
    const delimiter = this.delimiter;
    const firstRecord = this.records + 1;
    let fields = 0;
    let records = 0;
    // Where the last complete record ends, its line break included.
    let consumed = 0;
    let keptFields = 0;
    let i = 0;
    // A record cut off by the chunk's end is left for the next chunk (break scan).
    scan: while (i < n) {
      let line = this.line;
      let recordFlag = 0;
      let end: number;
      const recordFields = fields;
      for (;;) {
        const start = i;
        // The usual fields first: one plain byte (a ballot code) or nothing, then a delimiter.
        const first = buf[i] as number;
        const short = first === delimiter ? 0 : buf[i + 1] === delimiter && classes[first] === 0 && first !== QUOTE ? 1 : -1;
        if (short >= 0 && i + short < n) {
          fieldStarts[fields] = i;
          keys[fields++] = short === 0 ? EMPTY : one[first] || this.key(buf, i, i + 1);
          i += short + 1;
          if (i < n) continue;
          if (!final) break scan;
          fieldStarts[fields] = i;
          keys[fields++] = EMPTY;
          end = n;
          break;
        }
        let flag = 0;
        if (buf[i] === QUOTE) {
          // A quoted field: up to the quote not followed by another quote, then anything up to
          // the next delimiter, kept as Excel does.
          flag = QUOTED;
          const quoteLine = line;
          let from = i + 1;
          for (;;) {
            const q = buf.indexOf(QUOTE, from);
            if (q < 0 || (q === n - 1 && !final)) {
              if (final) throw new CsvSyntaxError(quoteLine, `unclosed quote from line ${quoteLine}`);
              break scan;
            }
            for (let k = from; k < q; k++) {
              const b = buf[k] as number;
              if (b === LF || (b === CR && buf[k + 1] !== LF)) line++;
            }
            if (buf[q + 1] === QUOTE) {
              from = q + 2;
              continue;
            }
            i = q + 1;
            break;
          }
        }
        let c = 0;
        while (i < n && (c = classes[buf[i] as number] as number) !== END) {
          flag |= c;
          i++;
        }
        if (i >= n && !final) break scan;
        if (i - start > this.limits.cellChars && this.chars(buf, start, i, flag) > this.limits.cellChars) throw new LimitExceeded('cell-chars', line);
        fieldStarts[fields] = start;
        // One-byte fields (the usual ballot codes) are looked up here, the rest in key().
        keys[fields++] = flag !== 0 ? OTHER : i - start === 1 ? one[buf[start] as number] || this.key(buf, start, i) : this.key(buf, start, i);
        recordFlag |= flag;
        if (i >= n) {
          end = n;
          break;
        }
        const b = buf[i] as number;
        if (b !== CR && b !== LF) {
          // A delimiter: a field follows it, even at the very end.
          i++;
          if (i < n) continue;
          if (!final) break scan;
          fieldStarts[fields] = i;
          keys[fields++] = EMPTY;
          end = n;
          break;
        }
        if (b === CR && i + 1 >= n && !final) break scan;
        end = i;
        i += b === CR && buf[i + 1] === LF ? 2 : 1;
        line++;
        break;
      }
      if (fields - recordFields > this.limits.columns) throw new LimitExceeded('columns', this.line);
      if (i - consumed > this.limits.rowBytes) throw new LimitExceeded('row-mb', this.line);
      if (this.records + records + 1 > this.limits.rows) throw new LimitExceeded('rows', this.line);
      firstField[records] = recordFields;
      recordEnds[records] = end;
      recordFlags[records] = recordFlag;
      records++;
      this.line = line;
      consumed = i;
      keptFields = fields;
    }
    this.records += records;
    const kept = keptFields;
    firstField[records] = kept;
    const part: Layout = {
      keys: keys.slice(0, kept),
      fieldStarts: fieldStarts.slice(0, kept),
      firstField: firstField.slice(0, records + 1),
      recordEnds: recordEnds.slice(0, records),
      recordFlags: recordFlags.slice(0, records),
    };
    return { batch: new CsvBatch(buf, firstRecord, part, this.decode, this.values), consumed };
  }

  /** The characters of a long field (its bytes when plain ASCII). */
  private chars(buf: Buffer, start: number, end: number, flag: number): number {
    if (flag === 0) return end - start;
    let raw: Uint8Array = buf.subarray(start, end);
    if (raw[0] === QUOTE) raw = unquote(raw);
    return (flag & NON_ASCII) !== 0 ? this.decode(raw).length : raw.length;
  }

  /** A plain ASCII field's key: EMPTY, an interned id (up to three bytes), or OTHER. */
  private key(buf: Buffer, start: number, end: number): number {
    switch (end - start) {
      case 0:
        return EMPTY;
      case 1: {
        const b = buf[start] as number;
        return this.one[b] || (this.one[b] = this.intern(buf, start, end));
      }
      case 2: {
        const k = ((buf[start] as number) << 8) | (buf[start + 1] as number);
        const two = (this.two ??= new Int32Array(65536));
        return two[k] || (two[k] = this.intern(buf, start, end));
      }
      case 3: {
        const k = ((buf[start] as number) << 16) | ((buf[start + 1] as number) << 8) | (buf[start + 2] as number);
        let id = this.three.get(k);
        if (id === undefined) this.three.set(k, (id = this.intern(buf, start, end)));
        return id;
      }
      default:
        return OTHER;
    }
  }

  private intern(buf: Buffer, start: number, end: number): number {
    return this.values.push(buf.toString('latin1', start, end)) - 1;
  }
}

/** Records of one chunk: each field's bytes, read as text only when asked for. */
class CsvBatch implements RowBatch {
  readonly size: number;
  readonly keys: Int32Array;

  constructor(
    private readonly bytes: Buffer,
    /** The first record's number in the file. */
    private readonly firstRecord: number,
    private readonly layout: Layout,
    private readonly decode: FieldDecoder,
    private readonly values: readonly string[],
  ) {
    this.size = layout.recordEnds.length;
    this.keys = layout.keys;
  }

  rowNumber(i: number): number {
    return this.firstRecord + i;
  }

  start(i: number): number {
    return this.layout.firstField[i] as number;
  }

  cell(i: number, col: number): CellValue {
    const f = (this.layout.firstField[i] as number) + col;
    return f < (this.layout.firstField[i + 1] as number) ? this.field(i, f) : null;
  }

  row(i: number): Row {
    const cells: string[] = [];
    for (let f = this.layout.firstField[i] as number; f < (this.layout.firstField[i + 1] as number); f++) cells.push(this.field(i, f));
    return { row: this.firstRecord + i, cells };
  }

  private field(i: number, f: number): string {
    const key = this.keys[f] as number;
    if (key > 0) return this.values[key] as string;
    const { fieldStarts, firstField, recordEnds, recordFlags } = this.layout;
    const start = fieldStarts[f] as number;
    // A field ends at the delimiter before the next field, the last one where its record does.
    const end = f + 1 < (firstField[i + 1] as number) ? (fieldStarts[f + 1] as number) - 1 : (recordEnds[i] as number);
    if (recordFlags[i] === 0) return this.bytes.toString('latin1', start, end);
    let raw: Uint8Array = this.bytes.subarray(start, end);
    if (raw[0] === QUOTE) raw = unquote(raw);
    return raw.some((b) => b >= 0x80) ? this.decode(raw) : Buffer.from(raw.buffer, raw.byteOffset, raw.length).toString('latin1');
  }
}

/** A quoted field's bytes: the quotes off, doubled quotes made single, the tail kept. */
function unquote(raw: Uint8Array): Uint8Array {
  const out = new Uint8Array(raw.length);
  let n = 0;
  let i = 1;
  for (;;) {
    const b = raw[i];
    if (b === undefined) break;
    if (b === QUOTE) {
      if (raw[i + 1] === QUOTE) {
        out[n++] = QUOTE;
        i += 2;
        continue;
      }
      i++;
      break;
    }
    out[n++] = b;
    i++;
  }
  // Text after the closing quote, up to the delimiter.
  for (; i < raw.length; i++) out[n++] = raw[i] as number;
  return out.subarray(0, n);
}

/** All records of a text, whole (tests and small files). */
export function parseDelimited(text: string, delimiter: string): string[][] {
  const tokenizer = new DelimitedTokenizer(delimiter, decoderFor('utf-8'));
  const rows: string[][] = [];
  for (const batch of [tokenizer.push(Buffer.from(text, 'utf8')), tokenizer.end()]) {
    for (let i = 0; i < batch.size; i++) rows.push(batch.row(i).cells as string[]);
  }
  return rows;
}
