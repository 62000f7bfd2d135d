// A worksheet's XML read as bytes: rows and cells are found without decoding the text, small
// whole numbers and shared strings become keys (source.ts), and any other cell is read from
// its own bytes when asked for. Excel's own limits bound a sheet: 1,048,576 rows of 16,384
// columns, rows in ascending order.
import type { CellValue, Row } from '../model/grid.js';
import { DEFAULT_LIMITS, LimitExceeded, type Limits } from '../model/limits.js';
import { IntList } from '../model/int-list.js';
import { EMPTY, OTHER, type RowBatch } from './source.js';
import { decodeEntities, decodeXstring, XmlError } from './xml.js';

export const MAX_ROWS = 1_048_576;
export const MAX_COLUMNS = 16_384;
/** Whole numbers 0 … NUMBER_KEYS - 1 are keys 1 … NUMBER_KEYS; shared strings follow. */
const NUMBER_KEYS = 1024;

const LT = 0x3c;
const GT = 0x3e;
const SLASH = 0x2f;
const EQ = 0x3d;
const DQ = 0x22;
const SQ = 0x27;

const isSpace = (b: number | undefined) => b === 0x20 || b === 0x09 || b === 0x0a || b === 0x0d;
/** Byte classes for the cell loop (a table read is cheaper than a call there). */
const SPACE = 1;
const NAME_END = 2;
const CLASS = new Uint8Array(256);
for (const b of [0x20, 0x09, 0x0a, 0x0d]) CLASS[b] = SPACE | NAME_END;
for (const b of [0x3d, 0x3e, 0x2f]) CLASS[b] = NAME_END;
/** After an element's name: a space, the end of the tag, or "/>". */
const endsName = (b: number | undefined) => isSpace(b) || b === GT || b === SLASH;

const ROW_OPEN = Buffer.from('<row');
const ROW_CLOSE_NAME = Buffer.from('</row');
const CELL_CLOSE = Buffer.from('</c>');
const SHEET_DATA = Buffer.from('<sheetData');
const SHEET_DATA_CLOSE = Buffer.from('</sheetData');

/** Text kept after the rows, for merged cells. */
const MAX_TAIL = 16 * 1024 * 1024;

/** One <c> element: where its parts are. */
interface CellTag {
  /** 0-based column from its r attribute, or -1 when it has none. */
  col: number;
  typeStart: number;
  typeEnd: number;
  /** Content between the start and end tags; contentStart = contentEnd when self-closing. */
  contentStart: number;
  contentEnd: number;
  /** Just after the element. */
  next: number;
  /** The content's number when it is exactly <v>digits</v>, else -1. */
  number: number;
}

/**
 * Lists reused by every scanner from chunk to chunk, each batch getting a copy of its part (a
 * chunk is scanned in one go, so scanners never share them at once).
 */
const scratch = { rows: new IntList(), starts: new IntList(), keys: new IntList(), places: new IntList() };

export class SheetScanner {
  private carry: Buffer | null = null;
  private stage: 'before' | 'rows' | 'after' = 'before';
  private lastRow = 0;
  private tail = '';
  private checkedHead = false;

  constructor(
    private readonly shared: readonly string[],
    private readonly keepTail: boolean,
    private readonly limits: Pick<Limits, 'rowBytes' | 'cellChars' | 'columns' | 'rows'> = DEFAULT_LIMITS,
    private readonly dates: DateCells = NO_DATES,
  ) {}

  /** The value of a key. */
  value(key: number): CellValue {
    return key <= NUMBER_KEYS ? key - 1 : (this.shared[key - NUMBER_KEYS - 1] ?? null);
  }

  /** Merged ranges ("A1:C1") listed after the rows (when asked to keep them). */
  merges(): string[] {
    return [...this.tail.matchAll(/<mergeCell\b[^>]*\bref="([A-Z]+\d+):([A-Z]+\d+)"/g)].map((m) => `${m[1]}:${m[2]}`);
  }

  /** The rows completed by `chunk`. */
  push(chunk: Buffer): RowBatch {
    const bytes = this.carry === null || this.carry.length === 0 ? chunk : Buffer.concat([this.carry, chunk]);
    if (!this.checkedHead) {
      refuseDeclarations(bytes.toString('latin1', 0, Math.min(bytes.length, 4096)));
      this.checkedHead = true;
    }
    const { batch, consumed } = this.scan(bytes);
    this.carry = bytes.subarray(consumed);
    // A row still open after this many bytes is refused now, not carried on.
    if (this.stage === 'rows' && this.carry.length > this.limits.rowBytes) throw new LimitExceeded('row-mb', this.lastRow + 1);
    return batch;
  }

  /** Once the part has ended: an unfinished row is an error. */
  end(): void {
    if (this.stage === 'rows' && this.carry !== null && this.carry.some((b) => !isSpace(b))) throw new XmlError('the sheet ends inside a row');
    this.carry = null;
  }

  private scan(buf: Buffer): { batch: RowBatch; consumed: number } {
    const n = buf.length;
    const { rows, starts, keys, places } = scratch;
    rows.length = starts.length = keys.length = places.length = 0;
    // A cell takes ten bytes at least: room for the usual number at once.
    if (keys.data.length < n >> 4) {
      keys.grow(n >> 4);
      places.grow(n >> 4);
    }
    let p = 0;
    let consumed = 0;
    scan: while (p < n) {
      if (this.stage === 'before') {
        const at = buf.indexOf(SHEET_DATA, p);
        if (at < 0) {
          consumed = Math.max(p, n - SHEET_DATA.length);
          break;
        }
        const close = buf.indexOf(GT, at);
        if (close < 0) {
          consumed = at;
          break;
        }
        this.stage = buf[close - 1] === SLASH ? 'after' : 'rows';
        p = consumed = close + 1;
        continue;
      }
      if (this.stage === 'after') {
        if (this.keepTail && this.tail.length < MAX_TAIL) this.tail += buf.toString('latin1', p, n);
        consumed = n;
        break;
      }
      while (p < n && isSpace(buf[p])) p++;
      if (p >= n) {
        consumed = n;
        break;
      }
      if (buf[p] !== LT) {
        // Text between rows is not part of any cell.
        const lt = buf.indexOf(LT, p);
        p = consumed = lt < 0 ? n : lt;
        continue;
      }
      if (startsWith(buf, p, SHEET_DATA_CLOSE)) {
        this.stage = 'after';
        continue;
      }
      if (!startsWith(buf, p, ROW_OPEN) || !endsName(buf[p + ROW_OPEN.length])) {
        // Some other element among the rows: skipped, as it holds no cells.
        const lt = buf.indexOf(LT, p + 1);
        if (lt < 0) break scan;
        p = consumed = lt;
        continue;
      }
      const tagEnd = endOfTag(buf, p + ROW_OPEN.length);
      if (tagEnd < 0) break;
      const r = attribute(buf, p + ROW_OPEN.length, tagEnd, 0x72);
      const number = r === null ? this.lastRow + 1 : digits(buf, r[0], r[1]);
      if (number <= this.lastRow || number > MAX_ROWS) {
        throw new XmlError(number > MAX_ROWS || number < 1 ? `row number ${number} beyond the sheet's ${MAX_ROWS} rows` : `row ${number} out of order after row ${this.lastRow}`);
      }
      if (number > this.limits.rows) throw new LimitExceeded('rows', number);
      const first = keys.length;
      const next = buf[tagEnd - 1] === SLASH ? tagEnd + 1 : this.cells(buf, tagEnd + 1, keys, places, number);
      if (next < 0) {
        // The row goes on in the next chunk: read it again from its start then.
        keys.length = places.length = first;
        break;
      }
      // Rows missing from the XML are blank rows, seen and accounted for like any other.
      while (this.lastRow < number - 1) {
        rows.push(++this.lastRow);
        starts.push(first);
      }
      rows.push(number);
      starts.push(first);
      this.lastRow = number;
      p = consumed = next;
    }
    starts.push(keys.length);
    return { batch: new XmlBatch(buf, rows.take(), starts.take(), keys.take(), places.take(), this), consumed };
  }

  /**
   * The cells of one row from just after its start tag, into keys by column; returns where
   * the row's end tag ends, or -1 when the bytes end first.
   */
  private cells(buf: Buffer, from: number, keys: IntList, places: IntList, row: number): number {
    const n = buf.length;
    const first = keys.length;
    const tag = this.tag;
    let col = -1;
    let p = from;
    while (p < n) {
      if (buf[p] !== LT) {
        if (isSpace(buf[p])) p++;
        else p = nextLt(buf, p);
        continue;
      }
      const b = buf[p + 1];
      if (b === SLASH) {
        // </row>, with perhaps spaces before its ">"; any other end tag is skipped.
        if (!startsWith(buf, p, ROW_CLOSE_NAME)) {
          p = nextLt(buf, p + 1);
          continue;
        }
        let q = p + ROW_CLOSE_NAME.length;
        while (q < n && isSpace(buf[q])) q++;
        if (q >= n) return -1;
        if (buf[q] !== GT) throw new XmlError('a row end tag that is not well formed');
        return q + 1;
      }
      if (b !== 0x63 || !endsName(buf[p + 2])) {
        // Some other element inside the row: it holds no cells.
        p = nextLt(buf, p + 1);
        continue;
      }
      if (!readCellTag(buf, p, n, tag)) return -1;
      col = tag.col >= 0 ? tag.col : col + 1;
      if (col >= MAX_COLUMNS) throw new XmlError(`a cell beyond the sheet's ${MAX_COLUMNS} columns`);
      if (col >= this.limits.columns) throw new LimitExceeded('columns', row);
      // A cell's text is at most four bytes a character, plus its markup.
      if (tag.contentEnd - tag.contentStart > 4 * this.limits.cellChars + 256) throw new LimitExceeded('cell-chars', row);
      const at = first + col;
      if (at >= keys.length) {
        if (at >= keys.data.length) {
          keys.grow(at + 1);
          places.grow(at + 1);
        }
        // Columns skipped over are empty cells.
        if (at > keys.length) {
          keys.data.fill(EMPTY, keys.length, at);
          places.data.fill(-1, places.length, at);
        }
        keys.length = places.length = at + 1;
      }
      keys.data[at] = this.keyOf(buf, tag);
      places.data[at] = p;
      p = tag.next;
    }
    return -1;
  }

  /** Reused for every cell, so reading one makes no object. */
  private readonly tag: CellTag = { col: -1, typeStart: 0, typeEnd: 0, contentStart: 0, contentEnd: 0, next: 0, number: -1 };

  /** A cell's key: EMPTY, a small whole number, a shared string, or OTHER. */
  private keyOf(buf: Buffer, tag: CellTag): number {
    if (tag.contentStart === tag.contentEnd) return EMPTY;
    const v = tag.number;
    if (v < 0) return OTHER;
    const t = tag.typeEnd - tag.typeStart;
    if (t === 0 || (t === 1 && buf[tag.typeStart] === 0x6e)) return v < NUMBER_KEYS ? v + 1 : OTHER;
    if (t === 1 && buf[tag.typeStart] === 0x73) return v < this.shared.length ? NUMBER_KEYS + 1 + v : OTHER;
    return OTHER;
  }

  /** Whether the <c> element at `at` holds a formula (<f>). */
  formulaAt(buf: Buffer, at: number): boolean {
    const tag = this.tag;
    if (!readCellTag(buf, at, buf.length, tag)) return false;
    const f = buf.indexOf('<f', tag.contentStart);
    return f >= 0 && f < tag.contentEnd && endsName(buf[f + 2]);
  }

  /** The value of the <c> element at `at` (in row `row`), read from its bytes. */
  cellAt(buf: Buffer, at: number, row: number): CellValue {
    const tag = this.tag;
    if (!readCellTag(buf, at, buf.length, tag)) throw new XmlError('a cell without its end');
    if (tag.contentStart === tag.contentEnd) return null;
    const type = tag.typeEnd > tag.typeStart ? buf.toString('latin1', tag.typeStart, tag.typeEnd) : 'n';
    const value = cellValue(type, buf.toString('utf8', tag.contentStart, tag.contentEnd), this.shared);
    if (typeof value === 'number' && type === 'n' && this.dates.styles.length > 0) {
      const s = attribute(buf, at + 2, tag.contentStart, 0x73);
      if (s !== null && this.dates.styles[digits(buf, s[0], s[1])] === true) return serialDate(value, this.dates.date1904);
    }
    if (typeof value === 'string' && value.length > this.limits.cellChars) throw new LimitExceeded('cell-chars', row);
    return value;
  }
}

/**
 * Which cell styles show a date, and the workbook's date system: a number in a date style is
 * a day count from the system's epoch, read as the date it shows.
 */
export interface DateCells {
  readonly styles: readonly boolean[];
  /** Excel for Mac's 1904 date system (workbookPr date1904): day 0 is 1904-01-01. */
  readonly date1904: boolean;
}

const NO_DATES: DateCells = { styles: [], date1904: false };
const DAY_MS = 86_400_000;
/** Day 0 of each system; the 1900 system's is 1899-12-30, after its 1900 leap-year quirk. */
const EPOCH_1900 = Date.UTC(1899, 11, 30);
const EPOCH_1904 = Date.UTC(1904, 0, 1);

/**
 * The date a serial shows. Serials before 1 March 1900 in the 1900 system (where Excel counts
 * a 29 February that never was) stay numbers, as do values beyond year 9999.
 */
export function serialDate(serial: number, date1904: boolean): CellValue {
  if (serial < (date1904 ? 0 : 61) || serial > 2_958_465) return serial;
  return new Date((date1904 ? EPOCH_1904 : EPOCH_1900) + Math.round(serial * DAY_MS));
}

/** Rows of one chunk of a sheet: keys by column, and where each cell's element is. */
class XmlBatch implements RowBatch {
  readonly size: number;

  constructor(
    private readonly bytes: Buffer,
    private readonly rows: Int32Array,
    private readonly starts: Int32Array,
    readonly keys: Int32Array,
    private readonly places: Int32Array,
    private readonly scanner: SheetScanner,
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
    return key > 0 ? this.scanner.value(key) : this.scanner.cellAt(this.bytes, this.places[at] as number, this.rows[i] as number);
  }

  formula(i: number, col: number): boolean {
    const at = (this.starts[i] as number) + col;
    // A formula's cell never has the short form that gives a key.
    if (at >= (this.starts[i + 1] as number) || this.keys[at] !== OTHER) return false;
    return this.scanner.formulaAt(this.bytes, this.places[at] as number);
  }

  row(i: number): Row {
    const cells: CellValue[] = [];
    const width = (this.starts[i + 1] as number) - (this.starts[i] as number);
    for (let col = 0; col < width; col++) cells.push(this.cell(i, col));
    return { row: this.rows[i] as number, cells };
  }
}

/** The next "<" after `from`, or the end of the bytes. */
function nextLt(buf: Buffer, from: number): number {
  const lt = buf.indexOf(LT, from);
  return lt < 0 ? buf.length : lt;
}

function startsWith(buf: Buffer, at: number, what: Buffer): boolean {
  for (let k = 0; k < what.length; k++) if (buf[at + k] !== what[k]) return false;
  return true;
}

/** The ">" closing the start tag whose attributes begin at `from` (quotes respected), or -1. */
function endOfTag(buf: Buffer, from: number): number {
  let quote = 0;
  for (let i = from; i < buf.length; i++) {
    const b = buf[i] as number;
    if (quote !== 0) {
      if (b === quote) quote = 0;
    } else if (b === DQ || b === SQ) quote = b;
    else if (b === GT) return i;
  }
  return -1;
}

/** The value of the one-letter attribute `name` in a start tag's [from, to), as [start, end). */
function attribute(buf: Buffer, from: number, to: number, name: number): [number, number] | null {
  let i = from;
  while (i < to) {
    while (i < to && isSpace(buf[i])) i++;
    const nameStart = i;
    while (i < to && buf[i] !== EQ && !isSpace(buf[i]) && buf[i] !== SLASH) i++;
    const nameEnd = i;
    while (i < to && isSpace(buf[i])) i++;
    if (buf[i] !== EQ) {
      i++;
      continue;
    }
    i++;
    while (i < to && isSpace(buf[i])) i++;
    const quote = buf[i];
    if (quote !== DQ && quote !== SQ) return null;
    const valueEnd = buf.indexOf(quote, i + 1);
    if (valueEnd < 0 || valueEnd > to) return null;
    if (nameEnd - nameStart === 1 && buf[nameStart] === name) return [i + 1, valueEnd];
    i = valueEnd + 1;
  }
  return null;
}

/** A run of decimal digits as a number, or -1 (empty, or anything else in it). */
function digits(buf: Buffer, from: number, to: number): number {
  if (to <= from || to - from > 9) return -1;
  let v = 0;
  for (let i = from; i < to; i++) {
    const d = (buf[i] as number) - 0x30;
    if (d < 0 || d > 9) return -1;
    v = v * 10 + d;
  }
  return v;
}

/**
 * Reads the <c> element starting at `at` (its "<c") into `tag`; false when the bytes end
 * (at `limit`) before the element does.
 */
function readCellTag(buf: Buffer, at: number, limit: number, tag: CellTag): boolean {
  let col = -1;
  let typeStart = 0;
  let typeEnd = 0;
  let i = at + 2;
  let selfClosing = false;
  // The attributes, name="value" or name='value', up to ">" or "/>".
  for (;;) {
    while (i < limit && ((CLASS[buf[i] as number] as number) & SPACE) !== 0) i++;
    if (i + 1 >= limit) return false;
    const b = buf[i];
    if (b === GT) {
      i++;
      break;
    }
    if (b === SLASH && buf[i + 1] === GT) {
      i += 2;
      selfClosing = true;
      break;
    }
    const nameStart = i;
    while (i < limit && ((CLASS[buf[i] as number] as number) & NAME_END) === 0) i++;
    const nameEnd = i;
    while (i < limit && ((CLASS[buf[i] as number] as number) & SPACE) !== 0) i++;
    if (i + 1 >= limit) return false;
    if (buf[i] !== EQ) throw new XmlError('a cell tag that is not well formed');
    i++;
    while (i < limit && ((CLASS[buf[i] as number] as number) & SPACE) !== 0) i++;
    if (i >= limit) return false;
    const quote = buf[i];
    if (quote !== DQ && quote !== SQ) throw new XmlError('a cell tag that is not well formed');
    const valueStart = ++i;
    if (nameEnd - nameStart === 1 && buf[nameStart] === 0x72) {
      // r="AB12": the column from the letters, read as they go by; anything else is no column.
      let c = 0;
      let letters = 0;
      for (let b = buf[i] as number; i < limit && b >= 65 && b <= 90; b = buf[++i] as number) {
        c = c * 26 + (b - 64);
        letters++;
      }
      const digitsFrom = i;
      for (let b = buf[i] as number; i < limit && b >= 48 && b <= 57; b = buf[++i] as number);
      col = letters > 0 && letters <= 3 && i > digitsFrom && buf[i] === quote ? c - 1 : -1;
      while (i < limit && buf[i] !== quote) i++;
    } else {
      while (i < limit && buf[i] !== quote) i++;
      if (nameEnd - nameStart === 1 && buf[nameStart] === 0x74) {
        typeStart = valueStart;
        typeEnd = i;
      }
    }
    if (i >= limit) return false;
    i++;
  }
  tag.col = col;
  tag.typeStart = typeStart;
  tag.typeEnd = typeEnd;
  tag.contentStart = i;
  tag.number = -1;
  if (selfClosing) {
    tag.contentEnd = tag.next = i;
    return true;
  }
  // The usual content, <v>digits</v></c>, is read here; anything else up to </c>.
  if (buf[i] === LT && buf[i + 1] === 0x76 && buf[i + 2] === GT) {
    let j = i + 3;
    let v = 0;
    while (j < i + 12) {
      const d = (buf[j] as number) - 0x30;
      if (d < 0 || d > 9) break;
      v = v * 10 + d;
      j++;
    }
    if (j > i + 3 && j + 8 <= limit && buf[j] === LT && buf[j + 1] === SLASH && buf[j + 2] === 0x76 && buf[j + 3] === GT && buf[j + 4] === LT && buf[j + 5] === SLASH && buf[j + 6] === 0x63 && buf[j + 7] === GT) {
      tag.number = v;
      tag.contentEnd = j + 4;
      tag.next = j + 8;
      return true;
    }
  }
  const close = buf.indexOf(CELL_CLOSE, i);
  if (close < 0 || close + CELL_CLOSE.length > limit) return false;
  tag.contentEnd = close;
  tag.next = close + CELL_CLOSE.length;
  return true;
}

function refuseDeclarations(head: string): void {
  if (/<!DOCTYPE/i.test(head) || /<!ENTITY/i.test(head)) throw new XmlError('DOCTYPE or ENTITY declaration');
}

/** A cell's value from its type and its content's text. */
export function cellValue(type: string, inner: string, shared: readonly string[]): CellValue {
  const v = /<v>([\s\S]*?)<\/v>/.exec(inner)?.[1];
  if (v === undefined) {
    if (type === 'inlineStr') {
      let text = '';
      for (const t of inner.matchAll(/<t\b[^>]*>([\s\S]*?)<\/t>/g)) text += t[1] ?? '';
      return decodeXstring(text).normalize('NFC');
    }
    // A formula with no computed value: shown as its formula, which no rule accepts.
    const f = /<f\b[^>]*>([\s\S]*?)<\/f>/.exec(inner)?.[1];
    if (f !== undefined) return `=${decodeEntities(f)}`;
    if (/<f\b[^>]*\/>/.test(inner)) return '=…';
    return null;
  }
  switch (type) {
    case 's':
      return shared[Number(v)] ?? null;
    case 'b':
      return v === '1';
    case 'str':
    case 'e':
    case 'inlineStr':
      return decodeXstring(v).normalize('NFC');
    default: {
      const n = Number(v);
      return Number.isFinite(n) ? n : decodeEntities(v);
    }
  }
}
