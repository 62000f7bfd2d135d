// Reading XLSX workbooks with our own zip reader and a scanner of the sheet XML (exceljs is
// only for writing). Sizes are capped, so a small file cannot inflate without bound.
import { stat } from 'node:fs/promises';
import { posix } from 'node:path';
import { InputFileError } from './input-error.js';
import type { Row, Sheet } from './grid.js';
import { DEFAULT_LIMITS, LimitExceeded, type Limits } from './limits.js';
import { SheetScanner } from './sheet-xml.js';
import { EMPTY, OTHER, type RowBatch, type RowSource } from './source.js';
import { attributes, cellRef, decodeEntities, refuseDoctype } from './xml.js';
import { ZipFile, type ZipEntry } from './zip.js';


export interface WorkbookSheet {
  readonly name: string;
  readonly entry: ZipEntry | undefined;
}

/**
 * An open workbook: sheet names, their parts and the shared strings. A sheet is read whole
 * (merged cells applied) or streamed row by row.
 */
/** What a file is at a moment: a large workbook is read in parts, and must not change meanwhile. */
export interface Fingerprint {
  readonly size: number;
  readonly mtimeMs: number;
}

export class Workbook {
  private constructor(
    readonly file: string,
    private readonly zip: ZipFile,
    readonly sheets: readonly WorkbookSheet[],
    private readonly shared: readonly string[],
    private readonly limits: Limits,
    /** The file's bytes, when it was small enough to read whole. */
    private readonly bytes: Uint8Array | undefined,
  ) {}

  /** The names of a workbook's sheets, read from its workbook part alone. */
  static async sheetNames(file: string): Promise<string[]> {
    const wb = await Workbook.open(file, DEFAULT_LIMITS, undefined, false);
    await wb.close();
    return wb.sheets.map((s) => s.name);
  }

  static async open(file: string, limits: Limits = DEFAULT_LIMITS, bytes?: Uint8Array, withStrings = true): Promise<Workbook> {
    const zip = bytes === undefined ? await ZipFile.open(file) : await ZipFile.fromBytes(bytes);
    try {
      const part = (name: string): ZipEntry | undefined => zip.entries.get(name);
      const workbook = part('xl/workbook.xml');
      if (workbook === undefined) throw new Error('no xl/workbook.xml');
      const wbXml = await zip.text(workbook, limits.partBytes);
      refuseDoctype(wbXml);
      const relsEntry = part('xl/_rels/workbook.xml.rels');
      const rels = new Map<string, string>();
      if (relsEntry !== undefined) {
        const relsXml = await zip.text(relsEntry, limits.partBytes);
        refuseDoctype(relsXml);
        for (const m of relsXml.matchAll(/<Relationship\b([^>]*)\/?>/g)) {
          const a = attributes(m[1] ?? '');
          const target = a.get('Target') ?? '';
          rels.set(a.get('Id') ?? '', target.startsWith('/') ? target.slice(1) : posix.normalize(posix.join('xl', target)));
        }
      }
      const shared = withStrings ? await sharedStrings(zip, part('xl/sharedStrings.xml'), limits) : [];
      const sheets: WorkbookSheet[] = [];
      for (const m of wbXml.matchAll(/<sheet\b([^>]*)\/?>/g)) {
        const a = attributes(m[1] ?? '');
        const id = a.get('r:id') ?? [...a].find(([k]) => k.endsWith(':id'))?.[1] ?? '';
        sheets.push({ name: (a.get('name') ?? '').normalize('NFC'), entry: part(rels.get(id) ?? `xl/worksheets/sheet${sheets.length + 1}.xml`) });
      }
      return new Workbook(file, zip, sheets, shared, limits, bytes);
    } catch (e) {
      await zip.close();
      throw e;
    }
  }

  /** A sheet whole, merged cells showing their first cell's value. */
  async read(sheet: WorkbookSheet): Promise<Sheet> {
    const { batches, merged } = await this.scan(sheet);
    const rows: Row[] = [];
    for (const batch of batches) {
      for (let i = 0; i < batch.size; i++) rows.push(merged.get(batch.rowNumber(i)) ?? batch.row(i));
    }
    return { file: this.file, name: sheet.name, rows };
  }

  /** A small sheet as a source, read now, merged cells showing their first cell's value. */
  async source(sheet: WorkbookSheet): Promise<RowSource> {
    const { batches, merged, scanner } = await this.scan(sheet);
    return {
      file: this.file,
      name: sheet.name,
      value: (key) => scanner.value(key),
      async *batches() {
        for (const batch of batches) yield patched(batch, merged);
      },
    };
  }

  private async scan(sheet: WorkbookSheet): Promise<{ batches: RowBatch[]; merged: ReadonlyMap<number, Row>; scanner: SheetScanner }> {
    const scanner = new SheetScanner(this.shared, true, this.limits);
    const batches: RowBatch[] = [];
    if (sheet.entry !== undefined) {
      for await (const chunk of this.zip.chunks(sheet.entry, this.limits.partBytes)) {
        const batch = scanner.push(chunk);
        if (batch.size > 0) batches.push(batch);
      }
      scanner.end();
    }
    return { batches, merged: mergedRows(batches, scanner.merges()), scanner };
  }

  /** Whether reading the sheet whole is cheap (small sheets keep their merged cells). */
  isSmall(sheet: WorkbookSheet): boolean {
    return (sheet.entry?.compressedSize ?? 0) <= SMALL_SHEET;
  }

  /**
   * A sheet in batches of rows, never held whole (merged cells, listed after the rows, not
   * applied). The file must still be as `before` once the sheet is read.
   */
  stream(sheet: WorkbookSheet, before: Fingerprint | null = null): RowSource {
    const { file, shared, limits, bytes } = this;
    const scanner = new SheetScanner(shared, false, limits);
    return {
      file,
      name: sheet.name,
      value: (key) => scanner.value(key),
      async *batches() {
        if (sheet.entry === undefined) return;
        // A file changed since it was opened is refused as such, whatever else then fails.
        const unchanged = async () => {
          if (before === null) return;
          const after = await stat(file).catch(() => null);
          if (after === null || after.size !== before.size || after.mtimeMs !== before.mtimeMs) throw new InputFileError(file, 'changed');
        };
        let zip: ZipFile | null = null;
        try {
          zip = bytes === undefined ? await ZipFile.open(file) : await ZipFile.fromBytes(bytes);
          for await (const chunk of zip.chunks(sheet.entry, limits.partBytes)) yield scanner.push(chunk);
          scanner.end();
          await unchanged();
        } catch (e) {
          await unchanged();
          throw e;
        } finally {
          await zip?.close();
        }
      },
    };
  }

  close(): Promise<void> {
    return this.zip.close();
  }
}

/** Sheets of up to this many compressed bytes are read whole. */
const SMALL_SHEET = 1024 * 1024;

export async function readXlsx(file: string, limits: Limits = DEFAULT_LIMITS, bytes?: Uint8Array): Promise<Sheet[]> {
  const wb = await Workbook.open(file, limits, bytes);
  try {
    const sheets: Sheet[] = [];
    for (const s of wb.sheets) sheets.push(await wb.read(s));
    return sheets;
  } finally {
    await wb.close();
  }
}

/** Each <si>: its <t> texts joined (rich-text runs), phonetic runs (<rPh>) left out. */
async function sharedStrings(zip: ZipFile, entry: ZipEntry | undefined, limits: Limits): Promise<string[]> {
  if (entry === undefined) return [];
  const out: string[] = [];
  await scanElements(zip, entry, limits, 'si', (xml) => {
    const visible = xml.includes('<rPh') ? xml.replace(/<rPh\b[\s\S]*?<\/rPh>/g, '') : xml;
    let text = '';
    for (const t of visible.matchAll(/<t\b[^>]*>([\s\S]*?)<\/t>|<t\b[^>]*\/>/g)) text += t[1] ?? '';
    const value = decodeEntities(text).normalize('NFC');
    if (value.length > limits.cellChars) throw new LimitExceeded('cell-chars');
    out.push(value);
  });
  return out;
}

/**
 * The text of every complete <name>…</name> element of a part, read as a stream: only the
 * unfinished tail of the text is kept between chunks.
 */
async function scanElements(zip: ZipFile, entry: ZipEntry, limits: Limits, name: string, each: (xml: string) => void): Promise<void> {
  const decoder = new TextDecoder('utf-8');
  const open = `<${name}`;
  const close = `</${name}>`;
  let carry = '';
  let checkedHead = false;
  for await (const chunk of zip.chunks(entry, limits.partBytes)) {
    const text = carry + decoder.decode(chunk, { stream: true });
    if (!checkedHead) {
      refuseDoctype(text.slice(0, 4096));
      checkedHead = true;
    }
    let from = 0;
    for (;;) {
      const start = text.indexOf(open, from);
      if (start < 0) {
        from = Math.max(from, text.length - open.length);
        break;
      }
      const tagEnd = text.indexOf('>', start);
      if (tagEnd < 0) {
        from = start;
        break;
      }
      const after = text.charCodeAt(start + open.length);
      if (after !== 0x3e && after !== 0x20 && after !== 0x2f && after !== 0x09 && after !== 0x0a && after !== 0x0d) {
        from = start + open.length;
        continue;
      }
      // An element written <name …/> has no content.
      if (text.charCodeAt(tagEnd - 1) === 0x2f) {
        each(text.slice(start, tagEnd + 1));
        from = tagEnd + 1;
        continue;
      }
      const end = text.indexOf(close, tagEnd);
      if (end < 0) {
        from = start;
        break;
      }
      each(text.slice(start, end + close.length));
      from = end + close.length;
    }
    carry = text.slice(from);
  }
}

/**
 * The rows that merged ranges change: a merged range shows its first cell's value in every
 * empty cell, as spreadsheet programs show it, within the sheet's used columns (a title merged
 * across a whole row adds nothing past them).
 */
function mergedRows(batches: readonly RowBatch[], merges: readonly string[]): Map<number, Row> {
  const out = new Map<number, Row>();
  if (merges.length === 0) return out;
  // Rows are numbered 1, 2, … without gaps (sheet-xml.ts): row n is at place n - 1.
  const places: { batch: RowBatch; i: number }[] = [];
  let width = 0;
  for (const batch of batches) {
    for (let i = 0; i < batch.size; i++) {
      places.push({ batch, i });
      width = Math.max(width, batch.start(i + 1) - batch.start(i));
    }
  }
  const rowAt = (n: number): Row | undefined => {
    const place = places[n - 1];
    return out.get(n) ?? place?.batch.row(place.i);
  };
  for (const range of merges) {
    const [a, b] = range.split(':').map((r) => cellRef(r));
    if (a == null || b == null) continue;
    const master = rowAt(a.row)?.cells[a.col] ?? null;
    if (master === null) continue;
    for (let r = a.row; r <= Math.min(b.row, places.length); r++) {
      const row = rowAt(r);
      if (row === undefined) continue;
      const cells = [...row.cells];
      for (let c = a.col; c <= Math.min(b.col, width - 1); c++) {
        while (cells.length < c) cells.push(null);
        if (cells[c] === undefined || cells[c] === null) cells[c] = master;
      }
      out.set(r, { row: r, cells });
    }
  }
  return out;
}

/** A batch with the rows merged ranges changed put in: their cells are read, not keyed. */
function patched(batch: RowBatch, merged: ReadonlyMap<number, Row>): RowBatch {
  const rows: (Row | undefined)[] = [];
  let any = false;
  for (let i = 0; i < batch.size; i++) {
    rows.push(merged.get(batch.rowNumber(i)));
    any ||= rows[i] !== undefined;
  }
  if (!any) return batch;
  const starts = new Int32Array(batch.size + 1);
  const keys: number[] = [];
  for (let i = 0; i < batch.size; i++) {
    starts[i] = keys.length;
    const row = rows[i];
    if (row === undefined) for (let k = batch.start(i); k < batch.start(i + 1); k++) keys.push(batch.keys[k] as number);
    else for (const v of row.cells) keys.push(v === null || v === undefined ? EMPTY : OTHER);
  }
  starts[batch.size] = keys.length;
  return {
    size: batch.size,
    rowNumber: (i) => batch.rowNumber(i),
    start: (i) => starts[i] as number,
    keys: Int32Array.from(keys),
    cell: (i, col) => {
      const row = rows[i];
      return row === undefined ? batch.cell(i, col) : (row.cells[col] ?? null);
    },
    row: (i) => rows[i] ?? batch.row(i),
  };
}
