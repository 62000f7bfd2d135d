// CSV and other delimited text: encoding and delimiter are detected from the content.
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { isUtf8 } from 'node:buffer';
import { CsvSyntaxError, DelimitedTokenizer, decoderFor } from './delimited.js';
import { InputFileError } from '../model/input-error.js';
import { DEFAULT_LIMITS, LimitExceeded, pastLimit, type Limits } from '../model/limits.js';
import type { RowSource } from './source.js';
import type { Row, Sheet } from '../model/grid.js';
export { CsvSyntaxError };

export type TextEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1258';

const DELIMITERS = [',', ';', '\t'] as const;

/**
 * The delimiter that gives the same number of fields on most of the first 20 non-empty lines
 * (quotes respected) — not the first line alone, which may be a title with a comma in it
 * (SPEC §2.4). Ties go to the delimiter giving more fields, then to the order , ; tab.
 */
export function detectDelimiter(text: string): string {
  const lines = text.split(/\r\n|\n|\r/).filter((l) => l.trim() !== '').slice(0, 20);
  let best: string = ',';
  let bestAgreeing = 0;
  let bestFields = 0;
  for (const d of DELIMITERS) {
    // How many lines share each count of delimiters (a line without any says nothing).
    const lineCount = new Map<number, number>();
    for (const l of lines) {
      const n = countOutsideQuotes(l, d);
      if (n > 0) lineCount.set(n, (lineCount.get(n) ?? 0) + 1);
    }
    for (const [fields, agreeing] of lineCount) {
      if (agreeing > bestAgreeing || (agreeing === bestAgreeing && fields > bestFields)) {
        [best, bestAgreeing, bestFields] = [d, agreeing, fields];
      }
    }
  }
  return best;
}

function countOutsideQuotes(line: string, delimiter: string): number {
  let inQuotes = false;
  let n = 0;
  for (const ch of line) {
    if (ch === '"') inQuotes = !inQuotes;
    else if (ch === delimiter && !inQuotes) n++;
  }
  return n;
}

/** Where the text starts and how its bytes are read: BOM first, else UTF-8 if valid, else Windows-1258. */
interface Layout {
  readonly encoding: TextEncoding;
  readonly bom: number;
}

function bomOf(head: Uint8Array): Layout | null {
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return { encoding: 'utf-8', bom: 3 };
  if (head[0] === 0xff && head[1] === 0xfe) return { encoding: 'utf-16le', bom: 2 };
  if (head[0] === 0xfe && head[1] === 0xff) return { encoding: 'utf-16be', bom: 2 };
  return null;
}

/** The tokenizer for a file's layout: UTF-16 is read as UTF-8 made from it. */
function tokenizerFor(layout: Layout, delimiter: string, limits: Limits): { tokenizer: DelimitedTokenizer; bytes: (chunk: Uint8Array, final: boolean) => Buffer } {
  const utf16 = layout.encoding === 'utf-16le' || layout.encoding === 'utf-16be';
  const tokenizer = new DelimitedTokenizer(delimiter, decoderFor(layout.encoding === 'windows-1258' ? 'windows-1258' : 'utf-8'), limits);
  if (!utf16) return { tokenizer, bytes: (chunk) => Buffer.from(chunk.buffer, chunk.byteOffset, chunk.length) };
  const decoder = new TextDecoder(layout.encoding, { ignoreBOM: true });
  return { tokenizer, bytes: (chunk, final) => Buffer.from(decoder.decode(chunk, { stream: !final }), 'utf8') };
}

function delimiterOf(head: Uint8Array, layout: Layout): string {
  const text = new TextDecoder(layout.encoding).decode(head.subarray(layout.bom));
  const cut = text.lastIndexOf('\n');
  return detectDelimiter(cut > 0 ? text.slice(0, cut) : text);
}

/** How the bytes of a text in memory are read: BOM first; else strict UTF-8; else Windows-1258, Excel's legacy Vietnamese code page. */
function layoutOf(bytes: Uint8Array): Layout {
  return bomOf(bytes) ?? { encoding: isUtf8(bytes) ? 'utf-8' : 'windows-1258', bom: 0 };
}

export function detectEncoding(bytes: Uint8Array): TextEncoding {
  return layoutOf(bytes).encoding;
}

/** A CSV whole, as rows (roster, session and other small files). */
export function readCsv(file: string, bytes: Uint8Array, limits: Limits = DEFAULT_LIMITS): Sheet {
  const layout = layoutOf(bytes);
  const { tokenizer, bytes: utf } = tokenizerFor(layout, delimiterOf(bytes.subarray(0, HEAD), layout), limits);
  const rows: Row[] = [];
  for (const batch of [tokenizer.push(utf(bytes.subarray(layout.bom), true)), tokenizer.end()]) {
    for (let i = 0; i < batch.size; i++) rows.push(batch.row(i));
  }
  return { file, name: null, rows };
}

/** Bytes looked at for the delimiter. */
const HEAD = 64 * 1024;

export interface CsvFile {
  readonly sha256: string;
  readonly encoding: TextEncoding;
  readonly source: RowSource;
}

const CHUNK = 1 << 18;

/**
 * A CSV file as a stream of row batches. One pass first reads the bytes for the SHA-256, the
 * byte order mark and whether they are valid UTF-8 (else Windows-1258); the rows are then
 * read chunk by chunk, so the file is never held whole. A file already in memory (`bytes`)
 * is not read again.
 */
export async function csvFile(path: string, head: Uint8Array, bytes?: Uint8Array, limits: Limits = DEFAULT_LIMITS): Promise<CsvFile> {
  const hash = createHash('sha256');
  let layout = bomOf(head);
  let before: { size: number; mtimeMs: number } | null = null;
  if (bytes !== undefined) {
    hash.update(bytes);
    layout = layoutOf(bytes);
  } else {
    before = await stat(path);
    // UTF-8 is checked chunk by chunk: a character cut by a chunk's end waits for the next.
    let valid = true;
    let tail: Buffer = Buffer.alloc(0);
    for await (const chunk of createReadStream(path, { highWaterMark: CHUNK }) as AsyncIterable<Buffer>) {
      hash.update(chunk);
      if (!valid || (layout !== null && layout.encoding !== 'utf-8')) continue;
      const data = tail.length === 0 ? chunk : Buffer.concat([tail, chunk]);
      const cut = completeUtf8(data);
      valid = isUtf8(data.subarray(0, cut));
      tail = data.subarray(cut);
    }
    if (tail.length > 0) valid = false;
    if (layout === null || layout.encoding === 'utf-8') layout = { encoding: valid ? 'utf-8' : 'windows-1258', bom: layout?.bom ?? 0 };
  }
  const found = layout;
  const reader = tokenizerFor(found, delimiterOf(head, found), limits);
  const sha256 = hash.digest('hex');
  let used = false;
  return {
    sha256,
    encoding: found.encoding,
    source: {
      file: path,
      name: null,
      value: (key) => reader.tokenizer.value(key),
      async *batches() {
        if (used) throw new Error('a source is read once');
        used = true;
        const chunks: Iterable<Uint8Array> | AsyncIterable<Uint8Array> = bytes !== undefined ? [bytes.subarray(0)] : (createReadStream(path, { highWaterMark: CHUNK }) as AsyncIterable<Buffer>);
        // The bytes read now are hashed again: a file changed since the first pass is refused.
        const again = bytes === undefined ? createHash('sha256') : null;
        let skip = found.bom;
        try {
          for await (const chunk of chunks) {
            again?.update(chunk);
            const data = skip > 0 ? chunk.subarray(Math.min(skip, chunk.length)) : chunk;
            skip = Math.max(0, skip - chunk.length);
            yield reader.tokenizer.push(reader.bytes(data, false));
          }
          yield reader.tokenizer.push(reader.bytes(new Uint8Array(0), true));
          yield reader.tokenizer.end();
        } catch (e) {
          // A file changed since the first reading is refused as such, whatever else then failed.
          const after = before === null ? null : await stat(path).catch(() => null);
          if (before !== null && (after === null || after.size !== before.size || after.mtimeMs !== before.mtimeMs)) throw new InputFileError(path, 'changed');
          if (e instanceof CsvSyntaxError) throw new InputFileError(path, 'bad-csv', String(e.line));
          if (e instanceof LimitExceeded) throw new InputFileError(path, 'too-large', '', pastLimit(e, limits, 'line'));
          if (isFileError(e)) throw new InputFileError(path, 'unreadable', (e as NodeJS.ErrnoException).code ?? '');
          throw e;
        }
        if (again !== null && again.digest('hex') !== sha256) throw new InputFileError(path, 'changed');
      },
    },
  };
}

/** How many leading bytes of `data` end on a character boundary (a UTF-8 sequence is ≤ 4 bytes). */
function completeUtf8(data: Uint8Array): number {
  const n = data.length;
  for (let back = 1; back <= Math.min(4, n); back++) {
    const b = data[n - back] as number;
    if (b < 0x80) return n;
    if (b >= 0xc0) {
      const len = b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : 2;
      return back >= len ? n : n - back;
    }
  }
  return n;
}

/** An error from the file system (the file vanished, a disk error…), not from the reader. */
export function isFileError(e: unknown): boolean {
  return typeof (e as NodeJS.ErrnoException | null)?.code === 'string' && typeof (e as NodeJS.ErrnoException).syscall === 'string';
}
