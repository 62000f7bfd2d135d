// Opening input files: the kind is decided by content, whatever the extension.
import { createHash } from 'node:crypto';
import { open, readFile, stat } from 'node:fs/promises';
import { CsvSyntaxError, csvFile, readCsv } from './csv.js';
import { legacyChecked, type RowSource } from './source.js';
import type { Sheet } from './grid.js';
import { readXlsx } from './xlsx.js';
import { legacyEncoding } from './legacy.js';
import { InputFileError } from './input-error.js';

export type FileKind = 'xlsx' | 'xls' | 'csv' | 'json';

export interface OpenedFile {
  readonly path: string;
  readonly kind: FileKind;
  readonly sha256: string;
  readonly sheets: readonly Sheet[];
  readonly json?: unknown;
}

export { InputFileError } from './input-error.js';

export function sniffKind(path: string, bytes: Uint8Array): FileKind {
  if (bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04) return 'xlsx';
  if (bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0) return 'xls';
  if (/\.json$/i.test(path)) return 'json';
  return 'csv';
}

/**
 * A file of ballots: a CSV is streamed (see csv.ts); a workbook is read as usual. The CSV's
 * rows are checked for a legacy encoding as they begin.
 */
export async function openBallotInput(path: string): Promise<OpenedFile & { readonly stream?: RowSource }> {
  let head: Buffer;
  try {
    const info = await stat(path);
    if (!info.isFile()) throw new InputFileError(path, 'not-a-file');
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
  if (sniffKind(path, head) !== 'csv') return openInput(path);
  const csv = await csvFile(path, head);
  return { path, kind: 'csv', sha256: csv.sha256, sheets: [], stream: legacyChecked(csv.source) };
}

export async function openInput(path: string): Promise<OpenedFile> {
  const f = await openFile(path);
  const legacy = legacyEncoding(f.sheets);
  if (legacy !== null) throw new InputFileError(path, 'legacy-encoding', legacy);
  return f;
}

async function openFile(path: string): Promise<OpenedFile> {
  let bytes: Uint8Array;
  try {
    const info = await stat(path);
    if (!info.isFile()) throw new InputFileError(path, 'not-a-file');
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
    case 'xlsx':
      try {
        return { path, kind, sha256, sheets: await readXlsx(path) };
      } catch (e) {
        throw new InputFileError(path, 'bad-xlsx', (e as Error).message);
      }
    case 'json':
      try {
        return { path, kind, sha256, sheets: [], json: JSON.parse(new TextDecoder('utf-8').decode(bytes).replace(/^\ufeff/, '')) };
      } catch (e) {
        throw new InputFileError(path, 'bad-json', (e as Error).message);
      }
    case 'csv':
      try {
        return { path, kind, sha256, sheets: [readCsv(path, bytes)] };
      } catch (e) {
        if (e instanceof CsvSyntaxError) throw new InputFileError(path, 'bad-csv', String(e.line));
        throw e;
      }
  }
}
