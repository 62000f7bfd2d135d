// Opening input files: the kind is decided by content, whatever the extension (a zip is a
// workbook, XLSX or ODS: book.ts tells which).
import { createHash } from 'node:crypto';
import { open, readFile, stat } from 'node:fs/promises';
import { CsvSyntaxError, csvFile, isFileError, readCsv } from './csv.js';
import { DEFAULT_LIMITS, JSON_DEPTH, LimitExceeded, limitValue, pastLimit, type Limits } from '../model/limits.js';
import { ZipError } from './zip.js';
import { legacyChecked, type RowSource } from './source.js';
import { ballotSheetType, sheetRole } from './vocabulary.js';
import { createReadStream } from 'node:fs';
import type { Sheet } from '../model/grid.js';
import type { Fingerprint } from './xlsx.js';
import { openBook, readBook, type Book } from './book.js';
import { legacyEncoding } from './legacy.js';
import { InputFileError } from '../model/input-error.js';

export type FileKind = 'xlsx' | 'xls' | 'csv' | 'json' | 'binary' | 'text-as-xlsx';

export interface OpenedFile {
  readonly path: string;
  readonly kind: FileKind;
  readonly sha256: string;
  readonly sheets: readonly Sheet[];
  readonly json?: unknown;
}

export { InputFileError } from '../model/input-error.js';

export function sniffKind(path: string, bytes: Uint8Array): FileKind {
  if (bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04) return 'xlsx';
  if (bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0) return 'xls';
  const binary = looksBinary(bytes);
  // A file named as a workbook that is not a zip is not read as text: it is a damaged workbook,
  // or text under the wrong name (often a web page saved as .xlsx) — Excel refuses it too.
  if (/\.(xls[xm]|ods)$/i.test(path)) return binary ? 'xlsx' : 'text-as-xlsx';
  if (binary) return 'binary';
  if (/\.json$/i.test(path)) return 'json';
  return 'csv';
}

/**
 * Whether the start of a file is not text: a NUL byte, or more than one byte in a hundred a
 * control character no text file holds (tab, line breaks, form feed and DOS's end-of-file mark
 * aside). UTF-16, whose NULs are half its bytes, is text only with its byte order mark.
 */
function looksBinary(bytes: Uint8Array): boolean {
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) return false;
  const n = Math.min(bytes.length, 64 * 1024);
  let controls = 0;
  for (let i = 0; i < n; i++) {
    const b = bytes[i] as number;
    if (b >= 0x20) continue;
    if (b === 0) return true;
    if (b !== 0x09 && b !== 0x0a && b !== 0x0b && b !== 0x0c && b !== 0x0d && b !== 0x1a) controls++;
  }
  return controls * 100 > n;
}

/**
 * A file of ballots: a CSV is streamed (see csv.ts); a workbook is read as usual. The CSV's
 * rows are checked for a legacy encoding as they begin.
 */
export async function openBallotInput(path: string, limits: Limits = DEFAULT_LIMITS): Promise<OpenedFile & { readonly stream?: RowSource; readonly sources?: readonly RowSource[] }> {
  let head: Buffer;
  try {
    const info = await stat(path);
    if (!info.isFile()) throw new InputFileError(path, 'not-a-file');
    if (info.size > limits.fileBytes) throw new InputFileError(path, 'too-large', '', { name: 'file-mb', value: limitValue(limits, 'file-mb'), where: null });
    if (info.size === 0) throw new InputFileError(path, 'empty');
    // A small file is read once; streaming it would cost more than it saves.
    if (info.size <= SMALL_FILE) {
      const bytes = await readFile(path);
      const kind = sniffKind(path, bytes);
      if (kind === 'xlsx') return openBallotWorkbook(path, limits, bytes);
      if (kind !== 'csv') return openInput(path, limits, 'file-mb');
      const csv = await csvFile(path, bytes, bytes, limits);
      return { path, kind: 'csv', sha256: csv.sha256, sheets: [], stream: legacyChecked(csv.source) };
    }
    const handle = await open(path, 'r');
    try {
      head = Buffer.alloc(Math.min(info.size, 64 * 1024));
      await handle.read(head, 0, head.length, 0);
    } finally {
      await handle.close();
    }
  } catch (e) {
    if (e instanceof InputFileError) throw e;
    const code = (e as NodeJS.ErrnoException).code;
    throw new InputFileError(path, code === 'ENOENT' ? 'not-found' : 'unreadable', code ?? '');
  }
  const kind = sniffKind(path, head);
  if (kind === 'xlsx') return openBallotWorkbook(path, limits);
  if (kind !== 'csv') return openInput(path, limits, 'file-mb');
  const csv = await csvFile(path, head, undefined, limits);
  return { path, kind: 'csv', sha256: csv.sha256, sheets: [], stream: legacyChecked(csv.source) };
}

const SMALL_FILE = 1024 * 1024;

/** A CSV read whole; a file that cannot be split into rows is refused with its line. */
function csvSheet(path: string, bytes: Uint8Array, limits: Limits): Sheet {
  try {
    return readCsv(path, bytes, limits);
  } catch (e) {
    if (e instanceof CsvSyntaxError) throw new InputFileError(path, 'bad-csv', String(e.line));
    if (e instanceof LimitExceeded) throw new InputFileError(path, 'too-large', '', pastLimit(e, limits, 'line'));
    throw e;
  }
}

/** A workbook's error as the clerk sees it: past a limit, or not a readable workbook. */
function workbookError(path: string, e: unknown, limits: Limits): InputFileError {
  if (e instanceof InputFileError) return e;
  if (e instanceof LimitExceeded) return new InputFileError(path, 'too-large', '', pastLimit(e, limits, 'row'));
  if (e instanceof ZipError && e.reason === 'too-large') return new InputFileError(path, 'too-large', '', { name: 'part-mb', value: limitValue(limits, 'part-mb'), where: null });
  if (isFileError(e)) return new InputFileError(path, 'unreadable', (e as NodeJS.ErrnoException).code ?? '');
  return new InputFileError(path, isOdsName(path) ? 'bad-ods' : 'bad-xlsx', (e as Error).message);
}

/** A workbook named .ods is spoken of as LibreOffice's, whatever went wrong inside. */
const isOdsName = (path: string) => /\.ods$/i.test(path);

/**
 * A workbook's ballot sheet whose errors, met while it is read (a cell is read from its bytes
 * only when asked for), reach the clerk as such.
 */
function guarded(source: RowSource, limits: Limits): RowSource {
  const fail = (e: unknown): never => {
    throw workbookError(source.file, e, limits);
  };
  return {
    file: source.file,
    name: source.name,
    value: (key) => source.value(key),
    async *batches() {
      try {
        for await (const batch of source.batches()) {
          yield {
            size: batch.size,
            keys: batch.keys,
            rowNumber: (i) => batch.rowNumber(i),
            start: (i) => batch.start(i),
            cell(i, col) {
              try {
                return batch.cell(i, col);
              } catch (e) {
                return fail(e);
              }
            },
            row(i) {
              try {
                return batch.row(i);
              } catch (e) {
                return fail(e);
              }
            },
            formula(i, col) {
              try {
                return batch.formula?.(i, col) ?? false;
              } catch (e) {
                return fail(e);
              }
            },
          };
        }
      } catch (e) {
        fail(e);
      }
    },
  };
}

/** Whether a workbook's sheet holds ballots: a "Phiếu…"/"Ballots…" sheet, or its only sheet. */
export function isBallotSheet(name: string, all: readonly string[]): boolean {
  return ballotSheetType(name) !== null || (all.length === 1 && sheetRole(name) === null);
}

/**
 * A workbook given as ballots: its other sheets (roster, session, results) read whole, its
 * ballot sheets as sources — read whole when small, streamed when large.
 */
async function openBallotWorkbook(path: string, limits: Limits, bytes?: Uint8Array): Promise<OpenedFile & { readonly sources: readonly RowSource[] }> {
  // A workbook too large to hold is hashed, then read in parts: it must not change meanwhile.
  const before = bytes === undefined ? await fingerprint(path) : null;
  const hash = createHash('sha256');
  if (bytes !== undefined) hash.update(bytes);
  else for await (const chunk of createReadStream(path) as AsyncIterable<Buffer>) hash.update(chunk);
  let wb: Book;
  try {
    wb = await openBook(path, limits, bytes);
  } catch (e) {
    throw workbookError(path, e, limits);
  }
  try {
    const names = wb.sheets.map((s) => s.name);
    const sheets: Sheet[] = [];
    const sources: RowSource[] = [];
    for (const s of wb.sheets) {
      if (isBallotSheet(s.name, names)) sources.push(legacyChecked(guarded(wb.isSmall(s) ? await wb.source(s) : wb.stream(s, before), limits)));
      else sheets.push(await wb.read(s));
    }
    const legacy = legacyEncoding(sheets);
    if (legacy !== null) throw new InputFileError(path, 'legacy-encoding', legacy);
    return { path, kind: 'xlsx', sha256: hash.digest('hex'), sheets, sources };
  } catch (e) {
    throw workbookError(path, e, limits);
  } finally {
    await wb.close();
  }
}

/**
 * A file read whole: a roster, session, adjudications or results file (`table-mb`), or a
 * file of ballots compared whole (`file-mb`).
 */
export async function openInput(path: string, limits: Limits = DEFAULT_LIMITS, limit: 'table-mb' | 'file-mb' = 'table-mb'): Promise<OpenedFile> {
  const f = await openFile(path, limits, limit);
  const legacy = legacyEncoding(f.sheets);
  if (legacy !== null) throw new InputFileError(path, 'legacy-encoding', legacy);
  return f;
}

async function openFile(path: string, limits: Limits, limit: 'table-mb' | 'file-mb'): Promise<OpenedFile> {
  let bytes: Uint8Array;
  try {
    const info = await stat(path);
    if (!info.isFile()) throw new InputFileError(path, 'not-a-file');
    if (info.size > (limit === 'table-mb' ? limits.tableBytes : limits.fileBytes)) throw new InputFileError(path, 'too-large', '', { name: limit, value: limitValue(limits, limit), where: null });
    if (info.size === 0) throw new InputFileError(path, 'empty');
    bytes = await readFile(path);
  } catch (e) {
    if (e instanceof InputFileError) throw e;
    const code = (e as NodeJS.ErrnoException).code;
    throw new InputFileError(path, code === 'ENOENT' ? 'not-found' : 'unreadable', code ?? '');
  }
  const kind = sniffKind(path, bytes);
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  switch (kind) {
    case 'xls':
      throw new InputFileError(path, 'xls');
    case 'binary':
      throw new InputFileError(path, 'not-text');
    case 'text-as-xlsx':
      throw new InputFileError(path, isOdsName(path) ? 'text-as-ods' : 'text-as-xlsx');
    case 'xlsx':
      try {
        return { path, kind, sha256, sheets: await readBook(path, limits, bytes) };
      } catch (e) {
        throw workbookError(path, e, limits);
      }
    case 'json': {
      const text = new TextDecoder('utf-8').decode(bytes).replace(/^\ufeff/, '');
      if (jsonDepth(text) > JSON_DEPTH) throw new InputFileError(path, 'json-depth');
      let json: unknown;
      try {
        json = JSON.parse(text);
      } catch (e) {
        throw new InputFileError(path, 'bad-json', (e as Error).message);
      }
      if (longestString(json) > limits.cellChars) throw new InputFileError(path, 'too-large', '', { name: 'cell-chars', value: limitValue(limits, 'cell-chars'), where: null });
      return { path, kind, sha256, sheets: [], json };
    }
    case 'csv':
      return { path, kind, sha256, sheets: [csvSheet(path, bytes, limits)] };
  }
}

/** How deep a JSON text's objects and arrays nest, counted without parsing (no recursion). */
export function jsonDepth(text: string): number {
  let depth = 0;
  let max = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i++; // a backslash escapes the next character
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x7b || c === 0x5b) max = Math.max(max, ++depth);
    else if (c === 0x7d || c === 0x5d) depth--;
  }
  return max;
}

/** The longest key or string value in parsed JSON (its depth is already bounded). */
function longestString(v: unknown): number {
  if (typeof v === 'string') return v.length;
  if (v === null || typeof v !== 'object') return 0;
  let n = 0;
  for (const [k, x] of Object.entries(v)) n = Math.max(n, Array.isArray(v) ? 0 : k.length, longestString(x));
  return n;
}

async function fingerprint(path: string): Promise<Fingerprint> {
  const info = await stat(path);
  return { size: info.size, mtimeMs: info.mtimeMs };
}
