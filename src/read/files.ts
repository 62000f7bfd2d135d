// Opening input files: the kind is decided by content, whatever the extension.
import { createHash } from 'node:crypto';
import { open, readFile, stat } from 'node:fs/promises';
import { CsvSyntaxError, csvFile, readCsv } from './csv.js';
import { legacyChecked, type RowSource } from './source.js';
import { ballotSheetType, sheetRole } from './vocabulary.js';
import { createReadStream } from 'node:fs';
import type { Sheet } from './grid.js';
import { readXlsx, Workbook } from './xlsx.js';
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
export async function openBallotInput(path: string): Promise<OpenedFile & { readonly stream?: RowSource; readonly sources?: readonly RowSource[] }> {
  let head: Buffer;
  try {
    const info = await stat(path);
    if (!info.isFile()) throw new InputFileError(path, 'not-a-file');
    // A small file is read once; streaming it would cost more than it saves.
    if (info.size <= SMALL_FILE) {
      const bytes = await readFile(path);
      const kind = sniffKind(path, bytes);
      if (kind === 'xlsx') return openBallotWorkbook(path, bytes);
      if (kind !== 'csv') return openInput(path);
      const csv = await csvFile(path, bytes, bytes);
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
  if (kind === 'xlsx') return openBallotWorkbook(path);
  if (kind !== 'csv') return openInput(path);
  const csv = await csvFile(path, head);
  return { path, kind: 'csv', sha256: csv.sha256, sheets: [], stream: legacyChecked(csv.source) };
}

const SMALL_FILE = 1024 * 1024;

/** A CSV read whole; a file that cannot be split into rows is refused with its line. */
function csvSheet(path: string, bytes: Uint8Array): Sheet {
  try {
    return readCsv(path, bytes);
  } catch (e) {
    if (e instanceof CsvSyntaxError) throw new InputFileError(path, 'bad-csv', String(e.line));
    throw e;
  }
}

/** Whether a workbook's sheet holds ballots: a "Phiếu…"/"Ballots…" sheet, or its only sheet. */
export function isBallotSheet(name: string, all: readonly string[]): boolean {
  return ballotSheetType(name) !== null || (all.length === 1 && sheetRole(name) === null);
}

/**
 * A workbook given as ballots: its other sheets (roster, session, results) read whole, its
 * ballot sheets as sources — read whole when small, streamed when large.
 */
async function openBallotWorkbook(path: string, bytes?: Uint8Array): Promise<OpenedFile & { readonly sources: readonly RowSource[] }> {
  const hash = createHash('sha256');
  if (bytes !== undefined) hash.update(bytes);
  else for await (const chunk of createReadStream(path) as AsyncIterable<Buffer>) hash.update(chunk);
  let wb: Workbook;
  try {
    wb = await Workbook.open(path, undefined, bytes);
  } catch (e) {
    throw new InputFileError(path, 'bad-xlsx', (e as Error).message);
  }
  try {
    const names = wb.sheets.map((s) => s.name);
    const sheets: Sheet[] = [];
    const sources: RowSource[] = [];
    for (const s of wb.sheets) {
      if (isBallotSheet(s.name, names)) sources.push(legacyChecked(wb.isSmall(s) ? await wb.source(s) : wb.stream(s)));
      else sheets.push(await wb.read(s));
    }
    const legacy = legacyEncoding(sheets);
    if (legacy !== null) throw new InputFileError(path, 'legacy-encoding', legacy);
    return { path, kind: 'xlsx', sha256: hash.digest('hex'), sheets, sources };
  } catch (e) {
    if (e instanceof InputFileError) throw e;
    throw new InputFileError(path, 'bad-xlsx', (e as Error).message);
  } finally {
    await wb.close();
  }
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
        return { path, kind, sha256, sheets: await readXlsx(path, undefined, bytes) };
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
      return { path, kind, sha256, sheets: [csvSheet(path, bytes)] };
  }
}
