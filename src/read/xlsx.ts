// Reading XLSX workbooks with our own zip reader and a scanner of the sheet XML (exceljs is
// only for writing). Sizes are capped, so a small file cannot inflate without bound.
import { posix } from 'node:path';
import type { CellValue, Row, Sheet } from './grid.js';
import type { RowSource } from './source.js';
import { attributes, cellRef, decodeEntities, refColumn, refuseDoctype } from './xml.js';
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

  /** A sheet row by row, never held whole (merged cells, listed after the rows, not applied). */
  stream(sheet: WorkbookSheet): RowSource {
    const { file, shared, limits } = this;
    return {
      file,
      name: sheet.name,
      async *rows() {
        if (sheet.entry === undefined) return;
        const zip = await ZipFile.open(file);
        try {
          let last = 0;
          for await (const xml of elements(zip, sheet.entry, limits, 'row')) {
            const { number, cells } = parseRow(xml, last + 1, shared);
            while (last < number - 1) yield { row: ++last, cells: [] };
            yield { row: number, cells };
            last = number;
          }
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

async function scanElements(zip: ZipFile, entry: ZipEntry, limits: XlsxLimits, name: string, each: (xml: string) => void, rest?: (tail: string) => void): Promise<void> {
  const gen = elements(zip, entry, limits, name, rest !== undefined);
  for (let r = await gen.next(); ; r = await gen.next()) {
    if (r.done === true) {
      rest?.(r.value);
      return;
    }
    each(r.value);
  }
}

/**
 * The text of every complete <name>…</name> element, reading the part as a stream: only the
 * unfinished tail of the text is kept between chunks. Returns what follows the last element
 * when `keepTail` (a sheet's merged cells come after its rows).
 */
async function* elements(zip: ZipFile, entry: ZipEntry, limits: XlsxLimits, name: string, keepTail = false): AsyncGenerator<string, string> {
  const decoder = new TextDecoder('utf-8');
  const open = `<${name}`;
  const close = `</${name}>`;
  let carry = '';
  let checkedHead = false;
  for await (const chunk of zip.chunks(entry, limits.maxPartBytes)) {
    let text = carry + decoder.decode(chunk, { stream: true });
    if (!checkedHead) {
      refuseDoctype(text.slice(0, 4096));
      checkedHead = true;
    }
    let from = 0;
    for (;;) {
      const start = text.indexOf(open, from);
      if (start < 0) {
        // Keep what follows the last element for `rest` (a sheet's merged cells come after its
        // rows), within a bound; otherwise only what could begin the next element.
        if (!keepTail || text.length - from > MAX_TAIL) from = Math.max(from, text.length - open.length);
        break;
      }
      // An element written <name …/> has no content.
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
      if (text.charCodeAt(tagEnd - 1) === 0x2f) {
        yield text.slice(start, tagEnd + 1);
        from = tagEnd + 1;
        continue;
      }
      const end = text.indexOf(close, tagEnd);
      if (end < 0) {
        from = start;
        break;
      }
      yield text.slice(start, end + close.length);
      from = end + close.length;
    }
    carry = text.slice(from);
    text = '';
  }
  return carry + decoder.decode();
}

/** Text kept after a sheet's last row, for its merged cells. */
const MAX_TAIL = 16 * 1024 * 1024;


async function sheetRows(zip: ZipFile, entry: ZipEntry, shared: readonly string[], limits: XlsxLimits): Promise<Row[]> {
  const rows: Row[] = [];
  let lastRow = 0;
  const merges: string[] = [];
  await scanElements(
    zip,
    entry,
    limits,
    'row',
    (xml) => {
      const { number, cells } = parseRow(xml, lastRow + 1, shared);
      // Rows are contiguous from 1, so blank rows are seen and accounted for.
      while (rows.length < number - 1) rows.push({ row: rows.length + 1, cells: [] });
      rows.push({ row: number, cells });
      lastRow = number;
    },
    (tail) => {
      for (const m of tail.matchAll(/<mergeCell\b[^>]*\bref="([A-Z]+\d+):([A-Z]+\d+)"/g)) merges.push(`${m[1]}:${m[2]}`);
    },
  );
  // A merged range shows its first cell's value in every cell, as spreadsheet programs do.
  for (const range of merges) {
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

/** The value of attribute `name` inside a start tag's text, or null. */
function attr(tag: string, name: string): string | null {
  const at = tag.indexOf(` ${name}="`);
  if (at < 0) return null;
  const start = at + name.length + 3;
  return tag.slice(start, tag.indexOf('"', start));
}

/** One <row> element: its number and its cells by column, scanned without regexes. */
function parseRow(xml: string, fallback: number, shared: readonly string[]): { number: number; cells: CellValue[] } {
  const tagEnd = xml.indexOf('>');
  const r = attr(xml.slice(0, tagEnd), 'r');
  const number = r === null ? fallback : Number(r);
  const cells: CellValue[] = [];
  let col = -1;
  let at = tagEnd;
  for (;;) {
    const start = xml.indexOf('<c', at);
    if (start < 0) break;
    const next = xml.charCodeAt(start + 2);
    if (next !== 0x20 && next !== 0x3e && next !== 0x2f) {
      at = start + 2;
      continue;
    }
    const close = xml.indexOf('>', start);
    const selfClosing = xml.charCodeAt(close - 1) === 0x2f;
    // The r and t attributes, looked for inside this tag only (no slices for the common cell).
    let refCol = -1;
    let type = 'n';
    for (let i = start + 2; i < close; i++) {
      if (xml.charCodeAt(i) !== 0x20 || xml.charCodeAt(i + 2) !== 0x3d || xml.charCodeAt(i + 3) !== 0x22) continue;
      const name = xml.charCodeAt(i + 1);
      if (name !== 0x72 && name !== 0x74) continue;
      const valueEnd = xml.indexOf('"', i + 4);
      if (name === 0x72) refCol = refColumn(xml, i + 4, valueEnd);
      else type = xml.slice(i + 4, valueEnd);
      i = valueEnd;
    }
    col = refCol < 0 ? col + 1 : refCol;
    let value: CellValue = null;
    if (selfClosing) at = close + 1;
    else {
      const end = xml.indexOf('</c>', close);
      value = type === 'n' && xml.startsWith('<v>', close + 1) ? numberAt(xml, close + 4) : cellValue(type, xml.slice(close + 1, end), shared);
      at = end + 4;
    }
    while (cells.length < col) cells.push(null);
    cells[col] = value;
  }
  return { number, cells };
}

/** A <v> number starting at `from`: small integers read digit by digit, others by Number. */
function numberAt(xml: string, from: number): CellValue {
  let n = 0;
  let i = from;
  for (; i < from + 15; i++) {
    const c = xml.charCodeAt(i);
    if (c < 48 || c > 57) break;
    n = n * 10 + (c - 48);
  }
  if (i > from && xml.charCodeAt(i) === 0x3c) return n;
  const text = xml.slice(from, xml.indexOf('</v>', from));
  const v = Number(text);
  return Number.isFinite(v) ? v : decodeEntities(text);
}

function cellValue(type: string, inner: string, shared: readonly string[]): CellValue {
  // The common case first: a plain <v>number</v>.
  if (inner.startsWith('<v>') && type === 'n') {
    const n = Number(inner.slice(3, inner.indexOf('</v>')));
    if (Number.isFinite(n)) return n;
  }
  const v = /<v>([\s\S]*?)<\/v>/.exec(inner)?.[1];
  if (v === undefined) {
    if (type === 'inlineStr') {
      let text = '';
      for (const t of inner.matchAll(/<t\b[^>]*>([\s\S]*?)<\/t>/g)) text += t[1] ?? '';
      return decodeEntities(text).normalize('NFC');
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
      return decodeEntities(v).normalize('NFC');
    default: {
      const n = Number(v);
      return Number.isFinite(n) ? n : decodeEntities(v);
    }
  }
}
