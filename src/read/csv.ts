// CSV and other delimited text: encoding and delimiter are detected from the content.
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { CsvSyntaxError, parseDelimited, parseRecords } from './delimited.js';
import { InputFileError } from './input-error.js';
import type { RowSource } from './source.js';
export { CsvSyntaxError };
import type { Row, Sheet } from './grid.js';

export type TextEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1258';

/** BOM first; else strict UTF-8; else Windows-1258, Excel's legacy Vietnamese code page. */
export function decodeText(bytes: Uint8Array): { text: string; encoding: TextEncoding } {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return { text: new TextDecoder('utf-8').decode(bytes.subarray(3)), encoding: 'utf-8' };
  }
  if (bytes[0] === 0xff && bytes[1] === 0xfe) {
    return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'utf-16le' };
  }
  if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), encoding: 'utf-16be' };
  }
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    // Windows-1258 decodes tone marks as combining characters; NFC composes them.
    return { text: new TextDecoder('windows-1258').decode(bytes), encoding: 'windows-1258' };
  }
}

const DELIMITERS = [',', ';', '\t'] as const;

/** The delimiter that splits the first non-empty lines most consistently (quotes respected). */
export function detectDelimiter(text: string): string {
  const lines = text.split(/\r\n|\n|\r/).filter((l) => l.trim() !== '').slice(0, 20);
  let best: string = ',';
  let bestScore = -1;
  for (const d of DELIMITERS) {
    const counts = lines.map((l) => countOutsideQuotes(l, d));
    const first = counts[0] ?? 0;
    if (first === 0) continue;
    const consistent = counts.filter((c) => c === first).length;
    const score = consistent * 1000 + first;
    if (score > bestScore) {
      bestScore = score;
      best = d;
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

export function readCsv(file: string, bytes: Uint8Array): Sheet {
  const { text } = decodeText(bytes);
  const delimiter = detectDelimiter(text);
  const records = parseDelimited(text.replace(/^\ufeff/, ''), delimiter);
  // A record is what Excel shows as one row, even when a quoted field spans lines.
  const rows: Row[] = records.map((cells, i) => ({ row: i + 1, cells: cells.map((c) => c.normalize('NFC')) }));
  return { file, name: null, rows };
}

export interface CsvFile {
  readonly sha256: string;
  readonly encoding: TextEncoding;
  readonly source: RowSource;
}

const CHUNK = 1 << 16;

/**
 * A CSV file as a stream of rows. One pass first reads the bytes for the SHA-256, the byte
 * order mark and whether they are valid UTF-8 (else Windows-1258); the rows are then parsed
 * chunk by chunk, so the file is never held whole.
 */
export async function csvFile(path: string, head: Uint8Array): Promise<CsvFile> {
  const hash = createHash('sha256');
  let encoding: TextEncoding = 'utf-8';
  let bom = 0;
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) bom = 3;
  else if (head[0] === 0xff && head[1] === 0xfe) [encoding, bom] = ['utf-16le', 2];
  else if (head[0] === 0xfe && head[1] === 0xff) [encoding, bom] = ['utf-16be', 2];
  const strict = encoding === 'utf-8' ? new TextDecoder('utf-8', { fatal: true }) : null;
  let valid = true;
  for await (const chunk of createReadStream(path, { highWaterMark: CHUNK }) as AsyncIterable<Buffer>) {
    hash.update(chunk);
    if (strict !== null && valid) {
      try {
        strict.decode(chunk, { stream: true });
      } catch {
        valid = false;
      }
    }
  }
  if (strict !== null && valid) {
    try {
      strict.decode();
    } catch {
      valid = false;
    }
  }
  if (!valid) encoding = 'windows-1258';
  const first = new TextDecoder(encoding).decode(head.subarray(bom));
  const delimiter = detectDelimiter(first.slice(0, first.lastIndexOf('\n') > 0 ? first.lastIndexOf('\n') : first.length));
  return { sha256: hash.digest('hex'), encoding, source: { file: path, name: null, rows: () => csvRows(path, encoding, bom, delimiter) } };
}

async function* csvRows(path: string, encoding: TextEncoding, bom: number, delimiter: string): AsyncGenerator<Row> {
  const decoder = new TextDecoder(encoding, { ignoreBOM: true });
  let raw = '';
  let pending = '';
  let line = 1;
  let record = 0;
  const emit = function* (rows: string[][]) {
    for (const cells of rows) yield { row: ++record, cells };
  };
  let skip = bom;
  for await (const chunk of createReadStream(path, { highWaterMark: CHUNK }) as AsyncIterable<Buffer>) {
    const bytes = skip > 0 ? chunk.subarray(skip) : chunk;
    skip = Math.max(0, skip - chunk.length);
    raw += decoder.decode(bytes, { stream: true });
    // Complete lines are normalised to NFC together (a letter and its tone mark never span
    // a line break); the rest waits for the next chunk.
    const cut = raw.lastIndexOf('\n') + 1;
    if (cut === 0) continue;
    const text = pending + raw.slice(0, cut).normalize('NFC');
    raw = raw.slice(cut);
    const parsed = parsed_(text, false, line);
    pending = text.slice(parsed.consumed);
    line = parsed.line;
    yield* emit(parsed.rows);
  }
  const text = pending + (raw + decoder.decode()).normalize('NFC');
  yield* emit(parsed_(text, true, line).rows);

  function parsed_(text: string, final: boolean, at: number) {
    try {
      return parseRecords(text, delimiter, final, at);
    } catch (e) {
      if (e instanceof CsvSyntaxError) throw new InputFileError(path, 'bad-csv', String(e.line));
      throw e;
    }
  }
}
