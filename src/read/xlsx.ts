// Reading XLSX workbooks with our own zip reader and a scanner of the sheet XML (exceljs is
// only for writing). Sizes are capped, so a small file cannot inflate without bound.
import { stat } from 'node:fs/promises';
import { posix } from 'node:path';
import { InputFileError } from '../model/input-error.js';
import type { Row, Sheet } from '../model/grid.js';
import { DEFAULT_LIMITS, LimitExceeded, type Limits } from '../model/limits.js';
import { SheetScanner, type DateCells } from './sheet-xml.js';
import { EMPTY, OTHER, type RowBatch, type RowSource } from './source.js';
import { attributes, cellRef, decodeXstring, refuseDoctype } from './xml.js';
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
    private readonly dates: DateCells,
  ) {}

  /** The names of a workbook's sheets, read from its workbook part alone. */
  static async sheetNames(file: string): Promise<string[]> {
    const wb = await Workbook.open(file, DEFAULT_LIMITS, undefined, false);
    await wb.close();
    return wb.sheets.map((s) => s.name);
  }

  static async open(file: string, limits: Limits = DEFAULT_LIMITS, bytes?: Uint8Array, withStrings = true): Promise<Workbook> {
    return Workbook.fromZip(file, bytes === undefined ? await ZipFile.open(file) : await ZipFile.fromBytes(bytes), limits, bytes, withStrings);
  }

  /** A workbook from its zip, already open (closed here if it is not a workbook). */
  static async fromZip(file: string, zip: ZipFile, limits: Limits, bytes: Uint8Array | undefined, withStrings = true): Promise<Workbook> {
    try {
      const part = (name: string): ZipEntry | undefined => zip.entries.get(name);
      const workbook = part('xl/workbook.xml');
      if (workbook === undefined) throw new Error('no xl/workbook.xml');
      const wbXml = await zip.text(workbook, limits.partBytes);
      refuseDoctype(wbXml);
      const relsEntry = part('xl/_rels/workbook.xml.rels');
      const rels = new Map<string, string>();
      let stylesPath = 'xl/styles.xml';
      if (relsEntry !== undefined) {
        const relsXml = await zip.text(relsEntry, limits.partBytes);
        refuseDoctype(relsXml);
        for (const m of relsXml.matchAll(/<Relationship\b([^>]*)\/?>/g)) {
          const a = attributes(m[1] ?? '');
          const target = a.get('Target') ?? '';
          const path = target.startsWith('/') ? target.slice(1) : posix.normalize(posix.join('xl', target));
          rels.set(a.get('Id') ?? '', path);
          if ((a.get('Type') ?? '').endsWith('/styles')) stylesPath = path;
        }
      }
      const shared = withStrings ? await sharedStrings(zip, part('xl/sharedStrings.xml'), limits) : [];
      const sheets: WorkbookSheet[] = [];
      for (const m of wbXml.matchAll(/<sheet\b([^>]*)\/?>/g)) {
        const a = attributes(m[1] ?? '');
        const id = a.get('r:id') ?? [...a].find(([k]) => k.endsWith(':id'))?.[1] ?? '';
        sheets.push({ name: (a.get('name') ?? '').normalize('NFC'), entry: part(rels.get(id) ?? `xl/worksheets/sheet${sheets.length + 1}.xml`) });
      }
      const date1904 = /^(1|true)$/.test(attributes(/<(?:\w+:)?workbookPr\b([^>]*)>/.exec(wbXml)?.[1] ?? '').get('date1904') ?? '');
      const styles = withStrings ? await dateStyles(zip, part(stylesPath), limits) : [];
      return new Workbook(file, zip, sheets, shared, limits, bytes, { styles, date1904 });
    } catch (e) {
      await zip.close();
      throw e;
    }
  }

  /** A sheet whole, merged cells showing their first cell's value. */
  async read(sheet: WorkbookSheet): Promise<Sheet> {
    const { batches, merges } = await this.scan(sheet);
    const patcher = new MergedCells(merges);
    const rows: Row[] = [];
    for (const batch of batches) {
      const b = patcher.patch(batch);
      for (let i = 0; i < b.size; i++) rows.push(b.row(i));
    }
    return { file: this.file, name: sheet.name, rows };
  }

  /** A small sheet as a source, read now, merged cells showing their first cell's value. */
  async source(sheet: WorkbookSheet): Promise<RowSource> {
    const { batches, merges, scanner } = await this.scan(sheet);
    return {
      file: this.file,
      name: sheet.name,
      value: (key) => scanner.value(key),
      async *batches() {
        const patcher = new MergedCells(merges);
        for (const batch of batches) yield patcher.patch(batch);
      },
    };
  }

  private async scan(sheet: WorkbookSheet): Promise<{ batches: RowBatch[]; merges: readonly string[]; scanner: SheetScanner }> {
    const scanner = new SheetScanner(this.shared, true, this.limits, this.dates);
    const batches: RowBatch[] = [];
    if (sheet.entry !== undefined) {
      for await (const chunk of this.zip.chunks(sheet.entry, this.limits.partBytes)) {
        const batch = scanner.push(chunk);
        if (batch.size > 0) batches.push(batch);
      }
      scanner.end();
    }
    return { batches, merges: scanner.merges(), scanner };
  }

  /** Whether reading the sheet whole is cheap (small sheets keep their merged cells). */
  isSmall(sheet: WorkbookSheet): boolean {
    return (sheet.entry?.compressedSize ?? 0) <= SMALL_SHEET;
  }

  /**
   * A sheet in batches of rows, never held whole. Merged cells are listed after the rows, so
   * the sheet's part is first run through once for them alone: the same cells read the same
   * way whatever the size of the sheet (SPEC §2.4). The file must still be as `before` once
   * the sheet is read.
   */
  stream(sheet: WorkbookSheet, before: Fingerprint | null = null): RowSource {
    const { file, shared, limits, bytes, dates } = this;
    const scanner = new SheetScanner(shared, false, limits, dates);
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
          const patcher = new MergedCells(await mergesOf(zip, sheet.entry, limits));
          for await (const chunk of zip.chunks(sheet.entry, limits.partBytes)) yield patcher.patch(scanner.push(chunk));
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

/** Built-in number formats that show a date (Excel's 14–17 and 22, and the East Asian ones). */
const DATE_FORMAT_IDS = new Set([14, 15, 16, 17, 22, 27, 28, 29, 30, 31, 34, 35, 36, 50, 51, 52, 53, 54, 55, 56, 57, 58]);

/**
 * Whether a number format code shows a date: a day or year part outside quoted text, escaped
 * characters and [brackets] (a time alone, "h:mm", is not a date).
 */
export function isDateFormat(code: string): boolean {
  return /[dy]/i.test(code.replace(/"[^"]*"|\\.|\[[^\]]*\]|_.|\*./g, ''));
}

/** For each cell style (index of <cellXfs>'s <xf>), whether it shows a date. */
async function dateStyles(zip: ZipFile, entry: ZipEntry | undefined, limits: Limits): Promise<boolean[]> {
  if (entry === undefined) return [];
  const xml = await zip.text(entry, limits.partBytes);
  refuseDoctype(xml);
  const custom = new Map<number, boolean>();
  for (const m of xml.matchAll(/<(?:\w+:)?numFmt\b([^>]*)>/g)) {
    const a = attributes(m[1] ?? '');
    custom.set(Number(a.get('numFmtId')), isDateFormat(a.get('formatCode') ?? ''));
  }
  const xfs = /<(?:\w+:)?cellXfs\b[^>]*>([\s\S]*?)<\/(?:\w+:)?cellXfs>/.exec(xml)?.[1] ?? '';
  return [...xfs.matchAll(/<(?:\w+:)?xf\b([^>]*)>/g)].map((m) => {
    const id = Number(attributes(m[1] ?? '').get('numFmtId') ?? '0');
    return custom.get(id) ?? DATE_FORMAT_IDS.has(id);
  });
}

/** Each <si>: its <t> texts joined (rich-text runs), phonetic runs (<rPh>) left out. */
async function sharedStrings(zip: ZipFile, entry: ZipEntry | undefined, limits: Limits): Promise<string[]> {
  if (entry === undefined) return [];
  const out: string[] = [];
  await scanElements(zip, entry, limits, 'si', (xml) => {
    const visible = xml.includes('<rPh') ? xml.replace(/<rPh\b[\s\S]*?<\/rPh>/g, '') : xml;
    let text = '';
    for (const t of visible.matchAll(/<t\b[^>]*>([\s\S]*?)<\/t>|<t\b[^>]*\/>/g)) text += t[1] ?? '';
    const value = decodeXstring(text).normalize('NFC');
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

const SHEET_DATA_END = Buffer.from('</sheetData>', 'latin1');
const MERGE_CELL = /<mergeCell\b[^>]*\bref="([A-Z]+\d+):([A-Z]+\d+)"/g;
/** The text after the rows kept at most: merged ranges are short, and a sheet has few. */
const MAX_TAIL = 16 * 1024 * 1024;

/** The merged ranges of a sheet's part ("A1:C1"), found after its rows without reading them. */
async function mergesOf(zip: ZipFile, entry: ZipEntry, limits: Limits): Promise<string[]> {
  let carry = Buffer.alloc(0);
  let tail: string | null = null;
  for await (const chunk of zip.chunks(entry, limits.partBytes)) {
    if (tail !== null) {
      if (tail.length < MAX_TAIL) tail += chunk.toString('latin1');
      continue;
    }
    const data = carry.length === 0 ? chunk : Buffer.concat([carry, chunk]);
    const at = data.indexOf(SHEET_DATA_END);
    if (at >= 0) tail = data.toString('latin1', at);
    else carry = Buffer.from(data.subarray(Math.max(0, data.length - SHEET_DATA_END.length)));
  }
  return tail === null ? [] : [...tail.matchAll(MERGE_CELL)].map((m) => `${m[1]}:${m[2]}`);
}

interface MergedRange {
  readonly top: number;
  readonly bottom: number;
  readonly left: number;
  readonly right: number;
  master: Row['cells'][number] | undefined;
}

/** Columns a merged range always covers, even past the columns used so far: a header's group title. */
const MERGE_REACH = 255;

/**
 * Merged ranges applied to rows as they pass: every empty cell of a range shows its first
 * cell's value, as spreadsheet programs show it — within the first 256 columns, or the
 * columns used so far if more (a title merged across a whole row does not fill 16,384
 * cells). The same for a sheet read whole or streamed: the same cells always read alike.
 */
class MergedCells {
  private readonly ranges: MergedRange[];
  private next = 0;
  private active: MergedRange[] = [];
  private width = 0;

  constructor(merges: readonly string[]) {
    this.ranges = merges
      .map((range) => range.split(':').map((r) => cellRef(r)))
      .filter((ab): ab is [NonNullable<ReturnType<typeof cellRef>>, NonNullable<ReturnType<typeof cellRef>>] => ab[0] != null && ab[1] != null)
      .map(([a, b]) => ({ top: Math.min(a.row, b.row), bottom: Math.max(a.row, b.row), left: Math.min(a.col, b.col), right: Math.max(a.col, b.col), master: undefined }))
      .sort((x, y) => x.top - y.top);
  }

  patch(batch: RowBatch): RowBatch {
    if (this.ranges.length === 0) return batch;
    let rows: (Row | undefined)[] | null = null;
    for (let i = 0; i < batch.size; i++) {
      this.width = Math.max(this.width, batch.start(i + 1) - batch.start(i));
      const n = batch.rowNumber(i);
      while (this.next < this.ranges.length && (this.ranges[this.next] as MergedRange).top <= n) this.active.push(this.ranges[this.next++] as MergedRange);
      if (this.active.length === 0) continue;
      this.active = this.active.filter((r) => r.bottom >= n);
      let cells: Row['cells'][number][] | null = null;
      for (const r of this.active) {
        if (r.top === n) r.master = batch.cell(i, r.left);
        const master = r.master;
        if (master === null || master === undefined) continue;
        for (let c = r.left; c <= Math.min(r.right, Math.max(this.width - 1, MERGE_REACH)); c++) {
          const current = cells === null ? batch.cell(i, c) : (cells[c] ?? null);
          if (current !== null) continue;
          cells ??= [...batch.row(i).cells];
          while (cells.length < c) cells.push(null);
          cells[c] = master;
        }
      }
      if (cells === null) continue;
      rows ??= new Array<Row | undefined>(batch.size);
      rows[i] = { row: n, cells };
    }
    return rows === null ? batch : withRows(batch, rows);
  }
}

/** A batch with some rows replaced: their cells are read, not keyed. */
function withRows(batch: RowBatch, rows: readonly (Row | undefined)[]): RowBatch {
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
    // A cell a merged range filled shows its first cell's value, not a formula of its own.
    formula: (i, col) => (rows[i] === undefined || batch.cell(i, col) !== null) && (batch.formula?.(i, col) ?? false),
  };
}
