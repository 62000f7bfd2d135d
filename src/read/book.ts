// A workbook of either kind, XLSX or OpenDocument (.ods), told by its contents rather than its
// name: both are zips, read with the same rules (SPEC §2).
import type { Sheet } from '../model/grid.js';
import { DEFAULT_LIMITS, type Limits } from '../model/limits.js';
import { isOds, OdsBook } from './ods.js';
import type { RowSource } from './source.js';
import { Workbook, type Fingerprint } from './xlsx.js';
import { ZipFile } from './zip.js';

export interface BookSheet {
  readonly name: string;
}

/** What the readers ask of an open workbook (xlsx.ts Workbook, ods.ts OdsBook). */
export interface Book {
  readonly file: string;
  readonly sheets: readonly BookSheet[];
  /** A sheet whole, merged cells showing their first cell's value. */
  read(sheet: BookSheet): Promise<Sheet>;
  /** A small sheet as a source, read now. */
  source(sheet: BookSheet): Promise<RowSource>;
  isSmall(sheet: BookSheet): boolean;
  /** A sheet in batches of rows, never held whole; the file must still be as `before` after. */
  stream(sheet: BookSheet, before?: Fingerprint | null): RowSource;
  close(): Promise<void>;
}

export async function openBook(file: string, limits: Limits = DEFAULT_LIMITS, bytes?: Uint8Array, withStrings = true): Promise<Book> {
  const zip = bytes === undefined ? await ZipFile.open(file) : await ZipFile.fromBytes(bytes);
  let ods: boolean;
  try {
    ods = !zip.entries.has('xl/workbook.xml') && (await isOds(zip));
  } catch (e) {
    await zip.close();
    throw e;
  }
  if (!ods) return Workbook.fromZip(file, zip, limits, bytes, withStrings);
  try {
    return await OdsBook.fromZip(file, zip, limits, bytes);
  } catch (e) {
    await zip.close();
    throw e;
  }
}

/** The names of a workbook's sheets. */
export async function bookSheetNames(file: string): Promise<string[]> {
  const book = await openBook(file, DEFAULT_LIMITS, undefined, false);
  await book.close();
  return book.sheets.map((s) => s.name);
}

/** Every sheet of a workbook, read whole. */
export async function readBook(file: string, limits: Limits = DEFAULT_LIMITS, bytes?: Uint8Array): Promise<Sheet[]> {
  const book = await openBook(file, limits, bytes);
  try {
    const sheets: Sheet[] = [];
    for (const s of book.sheets) sheets.push(await book.read(s));
    return sheets;
  } finally {
    await book.close();
  }
}
