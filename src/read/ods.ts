// Reading OpenDocument spreadsheets (.ods, LibreOffice's own format) with the rules of XLSX
// (SPEC §2): the same zip reader, content.xml scanned as a stream, merged cells showing their
// first cell's value, and the same limits. ODS writes runs of equal rows and cells once with a
// repeat count: runs of empty rows or cells are kept as counts and only made into rows when a
// value follows them (a sheet's last row repeated to the sheet's end costs nothing), and a
// repeated value costs what it would written out, against the part's size limit.
import { stat } from 'node:fs/promises';
import type { CellValue, Row, Sheet } from '../model/grid.js';
import { InputFileError } from '../model/input-error.js';
import { LimitExceeded, type Limits } from '../model/limits.js';
import { MAX_COLUMNS, MAX_ROWS } from './sheet-xml.js';
import { EMPTY, OTHER, type RowBatch, type RowSource } from './source.js';
import { decodeEntities, XmlError } from './xml.js';
import { ZipError, ZipFile, type ZipEntry } from './zip.js';
import type { Fingerprint } from './xlsx.js';

export const ODS_MIMETYPE = 'application/vnd.oasis.opendocument.spreadsheet';

export interface OdsSheet {
  readonly name: string;
  /** Its place among content.xml's tables. */
  readonly index: number;
}

/** Whole numbers 0 … NUMBER_KEYS - 1 are keys 1 … NUMBER_KEYS; short texts follow. */
const NUMBER_KEYS = 1024;
/** Texts interned per sheet at most, and their length: ballot codes and headers, not everything. */
const MAX_INTERNED = 16_384;
const INTERN_CHARS = 64;
/** Cells in one batch at most: a long run of repeated rows comes in several batches. */
const BATCH_CELLS = 64 * 1024;
/** Columns a merged range always covers, as for XLSX (xlsx.ts MERGE_REACH). */
const MERGE_REACH = 255;
/** A content.xml up to this size (compressed) is read at once. */
const SMALL_CONTENT = 1024 * 1024;

/** Whether a zip holds an OpenDocument spreadsheet: its mimetype entry says so. */
export async function isOds(zip: ZipFile): Promise<boolean> {
  const m = zip.entries.get('mimetype');
  if (m === undefined || !zip.entries.has('content.xml') || m.uncompressedSize > 256) return false;
  return (await zip.text(m, 256)).trim() === ODS_MIMETYPE;
}

export class OdsBook {
  private constructor(
    readonly file: string,
    private readonly zip: ZipFile,
    private readonly content: ZipEntry,
    readonly sheets: readonly OdsSheet[],
    private readonly limits: Limits,
    private readonly bytes: Uint8Array | undefined,
  ) {}

  /** An open zip known to be an ODS (isOds): its sheets are content.xml's tables. */
  static async fromZip(file: string, zip: ZipFile, limits: Limits, bytes: Uint8Array | undefined): Promise<OdsBook> {
    const content = zip.entries.get('content.xml');
    if (content === undefined) throw new Error('no content.xml');
    const names = await tableNames(zip, content, limits);
    return new OdsBook(file, zip, content, names.map((name, index) => ({ name, index })), limits, bytes);
  }

  async read(sheet: OdsSheet): Promise<Sheet> {
    const rows: Row[] = [];
    for (const batch of await this.scan(sheet)) for (let i = 0; i < batch.size; i++) rows.push(batch.row(i));
    return { file: this.file, name: sheet.name, rows };
  }

  async source(sheet: OdsSheet): Promise<RowSource> {
    const scanner = new OdsScanner(sheet.index, this.limits);
    const batches = await this.scan(sheet, scanner);
    return {
      file: this.file,
      name: sheet.name,
      value: (key) => scanner.value(key),
      async *batches() {
        yield* batches;
      },
    };
  }

  private async scan(sheet: OdsSheet, scanner = new OdsScanner(sheet.index, this.limits)): Promise<RowBatch[]> {
    const out: RowBatch[] = [];
    const decoder = new TextDecoder('utf-8');
    for await (const chunk of this.zip.chunks(this.content, this.limits.partBytes)) {
      for (const b of scanner.push(decoder.decode(chunk, { stream: true }))) out.push(b);
      if (scanner.done) break;
    }
    scanner.end();
    return out;
  }

  isSmall(_sheet: OdsSheet): boolean {
    return this.content.compressedSize <= SMALL_CONTENT;
  }

  /** A sheet in batches of rows, never held whole; the file must still be as `before` after. */
  stream(sheet: OdsSheet, before: Fingerprint | null = null): RowSource {
    const { file, limits, bytes, content } = this;
    const scanner = new OdsScanner(sheet.index, limits);
    return {
      file,
      name: sheet.name,
      value: (key) => scanner.value(key),
      async *batches() {
        const unchanged = async () => {
          if (before === null) return;
          const after = await stat(file).catch(() => null);
          if (after === null || after.size !== before.size || after.mtimeMs !== before.mtimeMs) throw new InputFileError(file, 'changed');
        };
        let zip: ZipFile | null = null;
        try {
          zip = bytes === undefined ? await ZipFile.open(file) : await ZipFile.fromBytes(bytes);
          const decoder = new TextDecoder('utf-8');
          for await (const chunk of zip.chunks(content, limits.partBytes)) {
            yield* scanner.push(decoder.decode(chunk, { stream: true }));
            if (scanner.done) break;
          }
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

const TABLE_OPEN = Buffer.from('<table:table');

/** The names of content.xml's tables, in order, read as a stream of bytes (only their tags decoded). */
async function tableNames(zip: ZipFile, entry: ZipEntry, limits: Limits): Promise<string[]> {
  const names: string[] = [];
  let carry: Buffer = Buffer.alloc(0);
  let checked = false;
  for await (const chunk of zip.chunks(entry, limits.partBytes)) {
    const buf = carry.length === 0 ? chunk : Buffer.concat([carry, chunk]);
    if (!checked) {
      refuseDeclarations(buf.toString('latin1', 0, Math.min(buf.length, 4096)));
      checked = true;
    }
    let from = 0;
    for (let at = buf.indexOf(TABLE_OPEN, from); at >= 0; at = buf.indexOf(TABLE_OPEN, from)) {
      const after = buf[at + TABLE_OPEN.length];
      if (after === undefined) break;
      const end = buf.indexOf(0x3e, at);
      if (end < 0) break;
      if (after === 0x3e || after === 0x2f || isSpace(after)) names.push((attr(buf.toString('utf8', at + TABLE_OPEN.length, end), 'table:name') ?? '').normalize('NFC'));
      from = end + 1;
    }
    // Keep an unfinished tag (or the start of one) for the next chunk.
    const lt = buf.lastIndexOf(0x3c);
    carry = lt >= from && buf.indexOf(0x3e, lt) < 0 ? Buffer.from(buf.subarray(lt)) : Buffer.alloc(0);
    if (carry.length > 64 * 1024) throw new XmlError('a tag that does not end');
  }
  return names;
}

function refuseDeclarations(head: string): void {
  if (/<!DOCTYPE/i.test(head) || /<!ENTITY/i.test(head)) throw new XmlError('DOCTYPE or ENTITY declaration');
}

/** One cell as it is read: its start tag's attributes and its text. */
interface CellRead {
  attrs: string;
  text: string;
  paragraphs: number;
  covered: boolean;
  /** Inside a paragraph (text outside one is not the cell's), and whether a space ends the text so far. */
  inParagraph: boolean;
  afterSpace: boolean;
}

interface Span {
  readonly top: number;
  readonly bottom: number;
  readonly left: number;
  readonly right: number;
  readonly key: number;
  readonly value: CellValue;
}

/** Rows being gathered into a batch. */
class BatchBuilder {
  rows: number[] = [];
  starts: number[] = [];
  keys: number[] = [];
  values = new Map<number, CellValue>();

  get cells(): number {
    return this.keys.length;
  }

  add(row: number, keys: readonly number[], values: ReadonlyMap<number, CellValue>): void {
    const at = this.keys.length;
    this.rows.push(row);
    this.starts.push(at);
    for (let c = 0; c < keys.length; c++) {
      const k = keys[c] as number;
      this.keys.push(k);
      if (k === OTHER) this.values.set(at + c, values.get(c) ?? null);
    }
  }

  take(scanner: OdsScanner): RowBatch {
    const batch = new OdsBatch(Int32Array.from(this.rows), Int32Array.from([...this.starts, this.keys.length]), Int32Array.from(this.keys), this.values, scanner);
    this.rows = [];
    this.starts = [];
    this.keys = [];
    this.values = new Map();
    return batch;
  }
}

class OdsBatch implements RowBatch {
  readonly size: number;

  constructor(
    private readonly rows: Int32Array,
    private readonly starts: Int32Array,
    readonly keys: Int32Array,
    private readonly values: ReadonlyMap<number, CellValue>,
    private readonly scanner: OdsScanner,
  ) {
    this.size = rows.length;
  }

  rowNumber(i: number): number {
    return this.rows[i] as number;
  }

  start(i: number): number {
    return this.starts[i] as number;
  }

  cell(i: number, col: number): CellValue {
    const at = (this.starts[i] as number) + col;
    if (at >= (this.starts[i + 1] as number)) return null;
    const key = this.keys[at] as number;
    if (key === EMPTY) return null;
    return key > 0 ? this.scanner.value(key) : (this.values.get(at) ?? null);
  }

  row(i: number): Row {
    const cells: CellValue[] = [];
    const width = (this.starts[i + 1] as number) - (this.starts[i] as number);
    for (let col = 0; col < width; col++) cells.push(this.cell(i, col));
    return { row: this.rows[i] as number, cells };
  }
}

/**
 * content.xml read tag by tag as its text arrives, for one table (`target`, 0-based): the rows
 * completed by each piece of text come out as batches.
 */
export class OdsScanner {
  private carry = '';
  private stage: 'before' | 'other' | 'rows' | 'after' = 'before';
  private tables = 0;
  private checkedHead = false;
  /** The next row's number, and empty rows not yet given (they are, if a row with a value follows). */
  private nextRow = 1;
  private blanks = 0;
  /** The row being read: its repeat count, its cells by column, its next column. */
  private inRow = false;
  private rowRepeat = 1;
  private rowKeys: number[] = [];
  private rowValues = new Map<number, CellValue>();
  private col = 0;
  private rowChars = 0;
  /** What the row's repeated cells would take written out: each repetition of the row costs it again. */
  private rowCost = 0;
  private rowSpans: Span[] = [];
  private cell: CellRead | null = null;
  /** Inside a cell's annotation (a comment): its text is not the cell's. */
  private skipping: string | null = null;
  private spans: Span[] = [];
  private width = 0;
  private readonly interned: string[] = [];
  private readonly internIndex = new Map<string, number>();
  /** Bytes the repeated rows and cells would take written out, on top of the part's own. */
  private expanded = 0;
  private read = 0;
  private builder = new BatchBuilder();
  private out: RowBatch[] = [];

  constructor(
    private readonly target: number,
    private readonly limits: Pick<Limits, 'rowBytes' | 'cellChars' | 'columns' | 'rows' | 'partBytes'>,
  ) {}

  /** Whether the table has been read to its end (the rest of the part is not needed). */
  get done(): boolean {
    return this.stage === 'after';
  }

  value(key: number): CellValue {
    return key <= NUMBER_KEYS ? key - 1 : (this.interned[key - NUMBER_KEYS - 1] ?? null);
  }

  /** The rows completed by `text`, in batches of a bounded size. */
  *push(text: string): Generator<RowBatch> {
    const buf = this.carry + text;
    this.read += text.length;
    if (!this.checkedHead) {
      refuseDeclarations(buf.slice(0, 4096));
      this.checkedHead = true;
    }
    let p = 0;
    const n = buf.length;
    while (p < n && this.stage !== 'after') {
      if (this.stage === 'before' || this.stage === 'other') {
        const at = this.stage === 'before' ? nextTableStart(buf, p) : buf.indexOf('</table:table>', p);
        if (at < 0) {
          p = Math.max(p, n - 16);
          break;
        }
        if (this.stage === 'other') {
          this.stage = 'before';
          p = at + 14;
          continue;
        }
        const end = tagEnd(buf, at);
        if (end < 0) {
          p = at;
          break;
        }
        const selfClosing = buf.charCodeAt(end - 1) === 0x2f;
        if (this.tables++ === this.target) this.stage = selfClosing ? 'after' : 'rows';
        else if (!selfClosing) this.stage = 'other';
        p = end + 1;
        continue;
      }
      // Among the rows.
      const lt = buf.indexOf('<', p);
      if (lt < 0) {
        this.text(buf, p, n);
        p = n;
        break;
      }
      if (lt > p) this.text(buf, p, lt);
      p = lt;
      if (buf.startsWith('<!--', p)) {
        const close = buf.indexOf('-->', p + 4);
        if (close < 0) break;
        p = close + 3;
        continue;
      }
      if (buf.startsWith('<![CDATA[', p)) {
        const close = buf.indexOf(']]>', p + 9);
        if (close < 0) break;
        if (this.cell?.inParagraph === true && this.skipping === null) this.addText(buf.slice(p + 9, close));
        p = close + 3;
        continue;
      }
      if (buf.charCodeAt(p + 1) === 0x3f || buf.charCodeAt(p + 1) === 0x21) {
        // A processing instruction or declaration among the rows: nothing of a cell.
        if (buf.startsWith('<!DOCTYPE', p) || buf.startsWith('<!ENTITY', p)) throw new XmlError('DOCTYPE or ENTITY declaration');
        const close = buf.indexOf('>', p);
        if (close < 0) break;
        p = close + 1;
        continue;
      }
      const end = tagEnd(buf, p);
      if (end < 0) break;
      this.tag(buf, p, end);
      p = end + 1;
      if (this.builder.cells >= BATCH_CELLS) this.flush();
      if (this.out.length > 0) yield* this.out.splice(0);
    }
    this.carry = this.stage === 'after' ? '' : buf.slice(p);
    // A row still open after this many bytes is refused now, not carried on.
    if (this.inRow && this.rowChars + this.carry.length > this.limits.rowBytes) throw new LimitExceeded('row-mb', this.nextRow);
    if (this.carry.length > this.limits.rowBytes) throw new XmlError('a tag that does not end');
    if (this.builder.cells > 0) this.flush();
    yield* this.out.splice(0);
  }

  /** Once the part has ended: a table still open is an error. */
  end(): void {
    if (this.stage === 'rows' || this.stage === 'other') throw new XmlError('content.xml ends inside a table');
    if (this.stage === 'before' && this.tables <= this.target) throw new XmlError(`no table ${this.target + 1} in content.xml`);
  }

  private flush(): void {
    this.out.push(this.builder.take(this));
  }

  /**
   * Text between tags. ODF's white space rule: in a paragraph's text, a run of spaces, tabs and
   * line ends is one space, and none at the paragraph's start (spaces meant are <text:s/>).
   */
  private text(buf: string, from: number, to: number): void {
    if (this.inRow) this.rowChars += to - from;
    const cell = this.cell;
    if (cell === null || this.skipping !== null || !cell.inParagraph) return;
    let s = decodeEntities(buf.slice(from, to)).replace(/[ \t\r\n]+/g, ' ');
    if (cell.afterSpace && s.startsWith(' ')) s = s.slice(1);
    if (s === '') return;
    this.addText(s);
    cell.afterSpace = s.endsWith(' ');
  }

  /** Text said by an element (<text:s/>, <text:tab/>, a new paragraph): kept as it is. */
  private addText(s: string, cell = this.cell as CellRead): void {
    cell.text += s;
    cell.afterSpace = false;
    if (cell.text.length > this.limits.cellChars) throw new LimitExceeded('cell-chars', this.nextRow);
  }

  /** One tag, buf[from] = "<" … buf[end] = ">". */
  private tag(buf: string, from: number, end: number): void {
    if (this.inRow) this.rowChars += end + 1 - from;
    const closing = buf.charCodeAt(from + 1) === 0x2f;
    const selfClosing = !closing && buf.charCodeAt(end - 1) === 0x2f;
    let nameEnd = from + (closing ? 2 : 1);
    for (let c = buf.charCodeAt(nameEnd); nameEnd < end && c !== 0x20 && c !== 0x2f && c !== 0x3e && c !== 0x09 && c !== 0x0a && c !== 0x0d; c = buf.charCodeAt(++nameEnd));
    const name = buf.slice(from + (closing ? 2 : 1), nameEnd);
    if (this.skipping !== null) {
      if (closing && name === this.skipping) this.skipping = null;
      return;
    }
    if (closing) {
      if (name === 'table:table-cell' || name === 'table:covered-table-cell') this.endCell();
      else if ((name === 'text:p' || name === 'text:h') && this.cell !== null) this.cell.inParagraph = false;
      else if (name === 'table:table-row') this.endRow();
      else if (name === 'table:table') this.stage = 'after';
      return;
    }
    const attrs = () => buf.slice(nameEnd, selfClosing ? end - 1 : end);
    switch (name) {
      case 'table:table-row':
        this.inRow = true;
        this.rowChars = end + 1 - from;
        this.rowCost = 0;
        this.rowRepeat = repeat(attr(attrs(), 'table:number-rows-repeated'));
        this.rowKeys = [];
        this.rowValues = new Map();
        this.rowSpans = [];
        this.col = 0;
        if (selfClosing) this.endRow();
        return;
      case 'table:table-cell':
      case 'table:covered-table-cell':
        if (!this.inRow) return;
        this.cell = { attrs: attrs(), text: '', paragraphs: 0, covered: name === 'table:covered-table-cell', inParagraph: false, afterSpace: true };
        if (selfClosing) this.endCell();
        return;
      case 'table:table':
        // A table inside a table is not a sheet's: its text is not read.
        if (!selfClosing) this.skipping = 'table:table';
        return;
    }
    if (this.cell === null) {
      // A row holds cells only: anything else among them would move every cell after it.
      if (this.inRow) throw new XmlError(`<${name.slice(0, 40)}> among the cells of row ${this.nextRow}`);
      return;
    }
    switch (name) {
      case 'text:p':
      case 'text:h':
        if (this.cell.paragraphs++ > 0) this.addText('\n');
        this.cell.inParagraph = !selfClosing;
        this.cell.afterSpace = true;
        return;
      case 'text:s':
        this.addText(' '.repeat(Math.min(repeat(attr(attrs(), 'text:c')), this.limits.cellChars + 1)));
        return;
      case 'text:tab':
        this.addText('\t');
        return;
      case 'text:line-break':
        this.addText('\n');
        return;
      case 'office:annotation':
      case 'text:note':
      case 'text:ruby-text':
        if (!selfClosing) this.skipping = name;
        return;
    }
  }

  private endCell(): void {
    const cell = this.cell;
    this.cell = null;
    if (cell === null) return;
    const a = (name: string) => attr(cell.attrs, name);
    const times = repeat(a('table:number-columns-repeated'));
    const value = odsValue(a, cell.text, cell.paragraphs > 0);
    const col = this.col;
    this.col += times;
    if (value === null) return;
    if (typeof value === 'string' && value.length > this.limits.cellChars) throw new LimitExceeded('cell-chars', this.nextRow);
    if (col + times > MAX_COLUMNS) throw new XmlError(`a cell beyond the sheet's ${MAX_COLUMNS} columns`);
    if (col + times > this.limits.columns) throw new LimitExceeded('columns', this.nextRow);
    // A value repeated costs what it would written out.
    const cost = (times - 1) * (cell.text.length + 64);
    this.charge(cost);
    this.rowCost += cost;
    const key = this.keyOf(value);
    for (let c = col; c < col + times; c++) {
      while (this.rowKeys.length < c) this.rowKeys.push(EMPTY);
      this.rowKeys[c] = key;
      if (key === OTHER) this.rowValues.set(c, value);
    }
    const across = repeat(a('table:number-columns-spanned'));
    const down = repeat(a('table:number-rows-spanned'));
    if (!cell.covered && (across > 1 || down > 1)) {
      for (let c = col; c < col + times; c++) this.rowSpans.push({ top: 0, bottom: down - 1, left: c, right: c + across - 1, key, value });
    }
  }

  private endRow(): void {
    if (!this.inRow) return;
    this.inRow = false;
    const times = this.rowRepeat;
    // Spans found in this row start at its (first) number.
    for (const s of this.rowSpans) this.spans.push({ ...s, top: this.nextRow, bottom: this.nextRow + s.bottom });
    this.rowSpans = [];
    for (let k = 0; k < times; k++) {
      const number = this.nextRow;
      this.spans = this.spans.filter((s) => s.bottom >= number);
      if (this.rowKeys.length === 0 && this.spans.length === 0) {
        // The rest of a run of empty rows: counted, given only if a value follows.
        this.blanks += times - k;
        this.nextRow += times - k;
        return;
      }
      const { keys, values } = this.spans.length === 0 ? { keys: this.rowKeys, values: this.rowValues } : this.filled(number);
      if (keys.length === 0) {
        this.blanks++;
        this.nextRow++;
        continue;
      }
      this.give(number, keys, values, k > 0);
      this.nextRow++;
    }
  }

  /** The row's cells with the merged ranges over it filled in (empty cells show the first cell's value). */
  private filled(number: number): { keys: number[]; values: Map<number, CellValue> } {
    const keys = [...this.rowKeys];
    const values = new Map(this.rowValues);
    const reach = Math.max(this.width - 1, keys.length - 1, MERGE_REACH);
    for (const s of this.spans) {
      if (s.top > number) continue;
      for (let c = s.left; c <= Math.min(s.right, reach); c++) {
        if (c < keys.length && keys[c] !== EMPTY) continue;
        while (keys.length < c) keys.push(EMPTY);
        keys[c] = s.key;
        if (s.key === OTHER) values.set(c, s.value);
      }
    }
    return { keys, values };
  }

  /** A row with a value: the empty rows before it first. */
  private give(number: number, keys: readonly number[], values: ReadonlyMap<number, CellValue>, repeated: boolean): void {
    if (number > MAX_ROWS) throw new XmlError(`row number ${number} beyond the sheet's ${MAX_ROWS} rows`);
    if (number > this.limits.rows) throw new LimitExceeded('rows', number);
    for (let r = number - this.blanks; r < number; r++) {
      this.charge(32);
      this.builder.add(r, [], values);
      if (this.builder.cells >= BATCH_CELLS || this.builder.rows.length >= BATCH_CELLS) this.flush();
    }
    this.blanks = 0;
    if (repeated) this.charge(this.rowChars + this.rowCost);
    this.width = Math.max(this.width, keys.length);
    this.builder.add(number, keys, values);
    if (this.builder.cells >= BATCH_CELLS || this.builder.rows.length >= BATCH_CELLS) this.flush();
  }

  /** Repeated rows and cells, as their bytes written out, within the part's size limit. */
  private charge(bytes: number): void {
    this.expanded += bytes;
    if (this.read + this.expanded > this.limits.partBytes) throw new ZipError('too-large', 'content.xml with its repeated rows and cells');
  }

  private keyOf(value: CellValue): number {
    if (typeof value === 'number') return Number.isInteger(value) && value >= 0 && value < NUMBER_KEYS && !Object.is(value, -0) ? value + 1 : OTHER;
    if (typeof value !== 'string' || value.length > INTERN_CHARS) return OTHER;
    const known = this.internIndex.get(value);
    if (known !== undefined) return known;
    if (this.interned.length >= MAX_INTERNED) return OTHER;
    this.interned.push(value);
    const key = NUMBER_KEYS + this.interned.length;
    this.internIndex.set(value, key);
    return key;
  }
}

/**
 * The value of attribute `name` in a start tag's attribute text (`name="value"`, white space
 * before it), or undefined: read where it is, without taking every attribute apart.
 */
function attr(tag: string, name: string): string | undefined {
  for (let at = tag.indexOf(name); at >= 0; at = tag.indexOf(name, at + 1)) {
    const before = tag.charCodeAt(at - 1);
    if (before !== 0x20 && before !== 0x09 && before !== 0x0a && before !== 0x0d) continue;
    let i = at + name.length;
    while (isSpace(tag.charCodeAt(i))) i++;
    if (tag.charCodeAt(i) !== 0x3d) continue;
    i++;
    while (isSpace(tag.charCodeAt(i))) i++;
    const quote = tag[i];
    if (quote !== '"' && quote !== "'") return undefined;
    const close = tag.indexOf(quote, i + 1);
    if (close < 0) return undefined;
    const value = tag.slice(i + 1, close);
    return value.includes('&') ? decodeEntities(value) : value;
  }
  return undefined;
}

const isSpace = (c: number) => c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d;

/** Where the next <table:table …> start tag is from `from`, or -1. */
function nextTableStart(buf: string, from: number): number {
  for (let at = buf.indexOf('<table:table', from); at >= 0; at = buf.indexOf('<table:table', at + 1)) {
    const after = buf[at + 12];
    if (after === undefined) return -1;
    if (after === '>' || after === '/' || after === ' ' || after === '\t' || after === '\n' || after === '\r') return at;
  }
  return -1;
}

/** The ">" ending the tag starting at `from` (quotes respected), or -1. */
function tagEnd(buf: string, from: number): number {
  let quote = '';
  for (let i = from + 1; i < buf.length; i++) {
    const c = buf[i] as string;
    if (quote !== '') {
      if (c === quote) quote = '';
    } else if (c === '"' || c === "'") quote = c;
    else if (c === '>') return i;
  }
  return -1;
}

/** A repeat or span count: a whole number of at least 1 (absent: 1). */
function repeat(text: string | undefined): number {
  if (text === undefined) return 1;
  if (!/^\d{1,9}$/.test(text.trim())) throw new XmlError(`a repeat count that is not a number: ${text.slice(0, 20)}`);
  return Math.max(1, Number(text));
}

const DAY_MS = 86_400_000;

/**
 * A cell's value by its type, as XLSX gives it: numbers (percentages as fractions), a date as
 * a Date, a time as a fraction of a day, a boolean, or text (NFC). A formula's value is its
 * cached result; a formula without one is shown as the formula, which no rule accepts.
 */
export function odsValue(get: (name: string) => string | undefined, text: string, hasParagraph = true): CellValue {
  const a = { get };
  const type = a.get('office:value-type');
  const asText = (s: string): CellValue => (s === '' ? null : s.normalize('NFC'));
  // A formula's error (#DIV/0!) is kept as its text, as XLSX's error cells are.
  if (a.get('calcext:value-type') === 'error') return asText(text);
  switch (type) {
    case 'float':
    case 'percentage':
    case 'currency': {
      const n = Number(a.get('office:value'));
      return Number.isFinite(n) && (a.get('office:value') ?? '').trim() !== '' ? n : asText(text);
    }
    case 'date': {
      const m = /^(-?\d{4,})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2}):(\d{2})(\.\d+)?)?/.exec(a.get('office:date-value') ?? '');
      if (m === null) return asText(text);
      return new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4] ?? 0), Number(m[5] ?? 0), Number(m[6] ?? 0), Math.round(Number(m[7] ?? 0) * 1000)));
    }
    case 'time': {
      const m = /^(-)?PT(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:\.\d+)?)S)?$/.exec(a.get('office:time-value') ?? '');
      if (m === null) return asText(text);
      const ms = (Number(m[2] ?? 0) * 3600 + Number(m[3] ?? 0) * 60 + Number(m[4] ?? 0)) * 1000;
      return ((m[1] === '-' ? -1 : 1) * ms) / DAY_MS;
    }
    case 'boolean': {
      const b = a.get('office:boolean-value');
      return b === 'true' || b === '1' ? true : b === 'false' || b === '0' ? false : asText(text);
    }
    case 'string':
      return asText(a.get('office:string-value') ?? text);
    default: {
      // A formula with an empty paragraph is LibreOffice's empty-string result ("=IFERROR(…;\"\")"
      // in the template's spare headers): an empty cell. With no paragraph at all, nothing was
      // computed: shown as its formula, which no rule accepts.
      const formula = get('table:formula');
      if (formula !== undefined && text === '' && !hasParagraph) return `=${formula.replace(/^[a-z]+:=?/, '')}`;
      return asText(text);
    }
  }
}
