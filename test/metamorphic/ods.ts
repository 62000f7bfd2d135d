// A small OpenDocument spreadsheet (.ods) writer for the forms, written as LibreOffice writes
// one and sharing no code with src/: a zip whose first entry is `mimetype`, stored; content.xml
// with runs of equal cells and rows written once with a repeat count, the sheet's last row
// repeated to the sheet's end, merged ranges as spans over covered cells, numbers as floats,
// date cells as dates, text as paragraphs (a line break starts a new one, runs of spaces are
// <text:s/>); META-INF/manifest.xml.
import { crc32, deflateRawSync } from 'node:zlib';
import type { Cell } from './encode.js';
import type { SheetSpec } from './xlsx.js';

export interface OdsOptions {
  /** Equal neighbouring cells and rows written once with a repeat count (LibreOffice does). */
  readonly runs?: boolean;
  /** Empty rows after the last, as one repeated row (LibreOffice: to row 1,048,576). */
  readonly tail?: number;
  /** Sheets hidden (by name), as LibreOffice hides them: a table style with display false. */
  readonly hidden?: readonly string[];
  /** content.xml stored, not deflated, with this many bytes of white space between rows: big enough to be streamed. */
  readonly bigPadding?: number;
}

const MIMETYPE = 'application/vnd.oasis.opendocument.spreadsheet';
const NS =
  'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" xmlns:of="urn:oasis:names:tc:opendocument:xmlns:of:1.2" xmlns:calcext="urn:org:documentfoundation:names:experimental:calc:xmlns:calcext:1.0"';

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** Text as ODS paragraphs: one <text:p> a line, runs of spaces (and a leading one) as <text:s/>. */
export function paragraphs(s: string): string {
  return s
    .split('\n')
    .map((line) => {
      const body = esc(line).replace(/ {2,}|^ /g, (run, at: number) => {
        // One space between words stays a space; a run keeps its first and says the rest.
        if (at === 0) return run.length === 1 ? '<text:s/>' : `<text:s text:c="${run.length}"/>`;
        return ` <text:s${run.length - 1 > 1 ? ` text:c="${run.length - 1}"` : ''}/>`;
      });
      return `<text:p>${body}</text:p>`;
    })
    .join('');
}

/** 'A1' → [row, col], 0-based. */
function ref(r: string): [number, number] {
  const m = /^([A-Z]+)(\d+)$/.exec(r);
  if (m === null) throw new Error(`bad ref ${r}`);
  let c = 0;
  for (const ch of m[1] as string) c = c * 26 + (ch.charCodeAt(0) - 64);
  return [Number(m[2]) - 1, c - 1];
}

/** An Excel day number (1900 system) as the ISO date it is. */
const isoOf = (serial: number) => new Date(Date.UTC(1899, 11, 30) + serial * 86_400_000).toISOString().slice(0, 10);

function cellXml(v: Cell, isDate: boolean, span: string, times: number): string {
  const rep = times > 1 ? ` table:number-columns-repeated="${times}"` : '';
  if (v === null || v === '') return `<table:table-cell${rep}${span}/>`;
  if (typeof v === 'number') {
    if (isDate) return `<table:table-cell${rep}${span} office:value-type="date" office:date-value="${isoOf(v)}" calcext:value-type="date"><text:p>${isoOf(v)}</text:p></table:table-cell>`;
    return `<table:table-cell${rep}${span} office:value-type="float" office:value="${v}" calcext:value-type="float"><text:p>${v}</text:p></table:table-cell>`;
  }
  return `<table:table-cell${rep}${span} office:value-type="string" calcext:value-type="string">${paragraphs(v)}</table:table-cell>`;
}

function tableXml(sh: SheetSpec, o: OdsOptions, style: string): string {
  const spans = new Map<string, string>();
  const covered = new Set<string>();
  for (const m of sh.merges ?? []) {
    const [a, b] = m.split(':') as [string, string];
    const [r1, c1] = ref(a);
    const [r2, c2] = ref(b);
    spans.set(`${r1},${c1}`, ` table:number-columns-spanned="${c2 - c1 + 1}" table:number-rows-spanned="${r2 - r1 + 1}"`);
    for (let r = r1; r <= r2; r++) for (let c = c1; c <= c2; c++) if (r !== r1 || c !== c1) covered.add(`${r},${c}`);
  }
  const width = Math.max(1, ...sh.rows.map((r) => r.length));
  const dates = new Set((sh.dates ?? []).map((d) => ref(d).join(',')));
  const rowXml = (cells: readonly Cell[], r: number): string => {
    const parts: string[] = [];
    // Cells to the sheet's width, then the rest of the row's columns as one empty run.
    const at = (c: number) => ({ v: cells[c] ?? null, key: `${r},${c}` });
    let c = 0;
    while (c < width) {
      const { v, key } = at(c);
      if (covered.has(key)) {
        parts.push('<table:covered-table-cell/>');
        c++;
        continue;
      }
      const span = spans.get(key) ?? '';
      let times = 1;
      if (o.runs === true && span === '' && !dates.has(key)) {
        while (c + times < width && !covered.has(`${r},${c + times}`) && !spans.has(`${r},${c + times}`) && !dates.has(`${r},${c + times}`) && (at(c + times).v ?? '') === (v ?? '')) times++;
      }
      parts.push(cellXml(v, dates.has(key), span, times));
      c += times;
    }
    parts.push(`<table:table-cell table:number-columns-repeated="${1024 - width}"/>`);
    return parts.join('');
  };
  const rows: string[] = [];
  for (let r = 0; r < sh.rows.length; r++) {
    const xml = rowXml(sh.rows[r] as Cell[], r);
    let times = 1;
    if (o.runs === true) while (r + times < sh.rows.length && rowXml(sh.rows[r + times] as Cell[], r + times) === xml) times++;
    const pad = o.bigPadding !== undefined ? '\n'.repeat(Math.ceil(o.bigPadding / Math.max(1, sh.rows.length))) : '';
    rows.push(`<table:table-row table:style-name="ro1"${times > 1 ? ` table:number-rows-repeated="${times}"` : ''}>${xml}</table:table-row>${pad}`);
    r += times - 1;
  }
  const tail = o.tail ?? 1_048_576 - sh.rows.length;
  if (tail > 0) rows.push(`<table:table-row table:style-name="ro1" table:number-rows-repeated="${tail}"><table:table-cell table:number-columns-repeated="1024"/></table:table-row>`);
  return `<table:table table:name="${esc(sh.name)}" table:style-name="${style}"><table:table-column table:style-name="co1" table:number-columns-repeated="${width}" table:default-cell-style-name="Default"/>${rows.join('')}</table:table>`;
}

export function odsBook(sheets: readonly SheetSpec[], o: OdsOptions = {}): Buffer {
  const styles =
    '<office:automatic-styles><style:style style:name="co1" style:family="table-column"/><style:style style:name="ro1" style:family="table-row"/><style:style style:name="ta1" style:family="table" style:master-page-name="Default"><style:table-properties table:display="true"/></style:style><style:style style:name="ta2" style:family="table" style:master-page-name="Default"><style:table-properties table:display="false"/></style:style></office:automatic-styles>';
  const content = `<?xml version="1.0" encoding="UTF-8"?>\n<office:document-content ${NS} office:version="1.3">${styles}<office:body><office:spreadsheet><table:calculation-settings table:automatic-find-labels="false"/>${sheets.map((s) => tableXml(s, o, o.hidden?.includes(s.name) === true ? 'ta2' : 'ta1')).join('')}<table:named-expressions/></office:spreadsheet></office:body></office:document-content>`;
  const manifest = `<?xml version="1.0" encoding="UTF-8"?>\n<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.3"><manifest:file-entry manifest:full-path="/" manifest:version="1.3" manifest:media-type="${MIMETYPE}"/><manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/></manifest:manifest>`;
  return zipOf([
    { name: 'mimetype', data: Buffer.from(MIMETYPE), store: true },
    { name: 'content.xml', data: Buffer.from(content, 'utf8'), store: o.bigPadding !== undefined },
    { name: 'META-INF/manifest.xml', data: Buffer.from(manifest, 'utf8') },
  ]);
}

/** A zip of the entries, in order: stored or deflated. */
export function zipOf(entries: readonly { name: string; data: Buffer; store?: boolean }[]): Buffer {
  const local: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name, 'utf8');
    const body = e.store === true ? e.data : deflateRawSync(e.data);
    const crc = crc32(e.data) >>> 0;
    const h = Buffer.alloc(30);
    h.writeUInt32LE(0x04034b50, 0);
    h.writeUInt16LE(20, 4);
    h.writeUInt16LE(0x0800, 6);
    h.writeUInt16LE(e.store === true ? 0 : 8, 8);
    h.writeUInt32LE(crc, 14);
    h.writeUInt32LE(body.length, 18);
    h.writeUInt32LE(e.data.length, 22);
    h.writeUInt16LE(name.length, 26);
    const c = Buffer.alloc(46);
    c.writeUInt32LE(0x02014b50, 0);
    c.writeUInt16LE(20, 4);
    c.writeUInt16LE(20, 6);
    c.writeUInt16LE(0x0800, 8);
    c.writeUInt16LE(e.store === true ? 0 : 8, 10);
    c.writeUInt32LE(crc, 16);
    c.writeUInt32LE(body.length, 20);
    c.writeUInt32LE(e.data.length, 24);
    c.writeUInt16LE(name.length, 28);
    c.writeUInt32LE(offset, 42);
    local.push(h, name, body);
    central.push(c, name);
    offset += 30 + name.length + body.length;
  }
  const dir = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(dir.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...local, dir, end]);
}
