// Reading XLSX workbooks with our own zip reader and a scanner of the sheet XML (exceljs is
// only for writing). Sizes are capped, so a small file cannot inflate without bound.
import { posix } from 'node:path';
import type { CellValue, Row, Sheet } from './grid.js';
import { SheetScanner } from './sheet-xml.js';
import type { RowSource } from './source.js';
import { attributes, cellRef, decodeEntities, refuseDoctype } from './xml.js';
import { ZipFile, type ZipEntry } from './zip.js';

export interface XlsxLimits {
  /** Uncompressed bytes of any one part of the workbook. */
  readonly maxPartBytes: number;
}

export const DEFAULT_XLSX_LIMITS: XlsxLimits = { maxPartBytes: 1024 * 1024 * 1024 };

export interface WorkbookSheet {
  readonly name: string;
  readonly entry: ZipEntry | undefined;
}

/**
 * An open workbook: sheet names, their parts and the shared strings. A sheet is read whole
 * (merged cells applied) or streamed row by row.
 */
export class Workbook {
  private constructor(
    readonly file: string,
    private readonly zip: ZipFile,
    readonly sheets: readonly WorkbookSheet[],
    private readonly shared: readonly string[],
    private readonly limits: XlsxLimits,
  ) {}

  static async open(file: string, limits: XlsxLimits = DEFAULT_XLSX_LIMITS): Promise<Workbook> {
    const zip = await ZipFile.open(file);
    try {
      const part = (name: string): ZipEntry | undefined => zip.entries.get(name);
      const workbook = part('xl/workbook.xml');
      if (workbook === undefined) throw new Error('no xl/workbook.xml');
      const wbXml = await zip.text(workbook, limits.maxPartBytes);
      refuseDoctype(wbXml);
      const relsEntry = part('xl/_rels/workbook.xml.rels');
      const rels = new Map<string, string>();
      if (relsEntry !== undefined) {
        const relsXml = await zip.text(relsEntry, limits.maxPartBytes);
        refuseDoctype(relsXml);
        for (const m of relsXml.matchAll(/<Relationship\b([^>]*)\/?>/g)) {
          const a = attributes(m[1] ?? '');
          const target = a.get('Target') ?? '';
          rels.set(a.get('Id') ?? '', target.startsWith('/') ? target.slice(1) : posix.normalize(posix.join('xl', target)));
        }
      }
      const shared = await sharedStrings(zip, part('xl/sharedStrings.xml'), limits);
      const sheets: WorkbookSheet[] = [];
      for (const m of wbXml.matchAll(/<sheet\b([^>]*)\/?>/g)) {
        const a = attributes(m[1] ?? '');
        const id = a.get('r:id') ?? [...a].find(([k]) => k.endsWith(':id'))?.[1] ?? '';
        sheets.push({ name: (a.get('name') ?? '').normalize('NFC'), entry: part(rels.get(id) ?? `xl/worksheets/sheet${sheets.length + 1}.xml`) });
      }
      return new Workbook(file, zip, sheets, shared, limits);
    } catch (e) {
      await zip.close();
      throw e;
    }
  }

  /** A sheet whole, merged cells showing their first cell's value. */
  async read(sheet: WorkbookSheet): Promise<Sheet> {
    return { file: this.file, name: sheet.name, rows: sheet.entry === undefined ? [] : await sheetRows(this.zip, sheet.entry, this.shared, this.limits) };
  }

  /** Whether reading the sheet whole is cheap (small sheets keep their merged cells). */
  isSmall(sheet: WorkbookSheet): boolean {
    return (sheet.entry?.compressedSize ?? 0) <= SMALL_SHEET;
  }

  /** A sheet in batches of rows, never held whole (merged cells, listed after the rows, not applied). */
  stream(sheet: WorkbookSheet): RowSource {
    const { file, shared, limits } = this;
    const scanner = new SheetScanner(shared, false);
    return {
      file,
      name: sheet.name,
      value: (key) => scanner.value(key),
      async *batches() {
        if (sheet.entry === undefined) return;
        const zip = await ZipFile.open(file);
        try {
          for await (const chunk of zip.chunks(sheet.entry, limits.maxPartBytes)) yield scanner.push(chunk);
          scanner.end();
        } finally {
          await zip.close();
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

export async function readXlsx(file: string, limits: XlsxLimits = DEFAULT_XLSX_LIMITS): Promise<Sheet[]> {
  const wb = await Workbook.open(file, limits);
  try {
    const sheets: Sheet[] = [];
    for (const s of wb.sheets) sheets.push(await wb.read(s));
    return sheets;
  } finally {
    await wb.close();
  }
}

/** Each <si>: its <t> texts joined (rich-text runs), phonetic runs (<rPh>) left out. */
async function sharedStrings(zip: ZipFile, entry: ZipEntry | undefined, limits: XlsxLimits): Promise<string[]> {
  if (entry === undefined) return [];
  const out: string[] = [];
  await scanElements(zip, entry, limits, 'si', (xml) => {
    const visible = xml.includes('<rPh') ? xml.replace(/<rPh\b[\s\S]*?<\/rPh>/g, '') : xml;
    let text = '';
    for (const t of visible.matchAll(/<t\b[^>]*>([\s\S]*?)<\/t>|<t\b[^>]*\/>/g)) text += t[1] ?? '';
    out.push(decodeEntities(text).normalize('NFC'));
  });
  return out;
}

/**
 * The text of every complete <name>…</name> element of a part, read as a stream: only the
 * unfinished tail of the text is kept between chunks.
 */
async function scanElements(zip: ZipFile, entry: ZipEntry, limits: XlsxLimits, name: string, each: (xml: string) => void): Promise<void> {
  const decoder = new TextDecoder('utf-8');
  const open = `<${name}`;
  const close = `</${name}>`;
  let carry = '';
  let checkedHead = false;
  for await (const chunk of zip.chunks(entry, limits.maxPartBytes)) {
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

async function sheetRows(zip: ZipFile, entry: ZipEntry, shared: readonly string[], limits: XlsxLimits): Promise<Row[]> {
  const rows: Row[] = [];
  const scanner = new SheetScanner(shared, true);
  for await (const chunk of zip.chunks(entry, limits.maxPartBytes)) {
    const batch = scanner.push(chunk);
    for (let i = 0; i < batch.size; i++) rows.push(batch.row(i));
  }
  scanner.end();
  // A merged range shows its first cell's value in every cell, as spreadsheet programs do.
  for (const range of scanner.merges()) {
    const [a, b] = range.split(':').map((r) => cellRef(r));
    if (a == null || b == null) continue;
    const master = rows[a.row - 1]?.cells[a.col] ?? null;
    if (master === null) continue;
    for (let r = a.row; r <= b.row; r++) {
      const row = rows[r - 1];
      if (row === undefined) continue;
      const cells = row.cells as CellValue[];
      for (let c = a.col; c <= b.col; c++) {
        while (cells.length < c) cells.push(null);
        if (cells[c] === undefined || cells[c] === null) cells[c] = master;
      }
    }
  }
  return rows;
}
