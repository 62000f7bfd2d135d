// A small XLSX writer for the forms, on the tools' own zip and sheet helpers (scripts/zip.mjs,
// scripts/sheet-xml.mjs — independent of src/): numbers as numbers, text as shared or inline
// strings, merged ranges, and a sheet deliberately stored big (level-0 deflate) to cross the
// reader's small-sheet limit. Also fills a template workbook written by `tally template`.
import { deflateRawSync, crc32 } from 'node:zlib';
// @ts-expect-error plain ESM helpers without types
import { zip, unzip } from '../../scripts/zip.mjs';
// @ts-expect-error plain ESM helpers without types
import { columnName, escapeXml } from '../../scripts/sheet-xml.mjs';
import type { Cell } from './encode.js';

export const col = columnName as (i: number) => string;
const esc = escapeXml as (s: string) => string;

export interface SheetSpec {
  readonly name: string;
  readonly rows: readonly (readonly Cell[])[];
  /** Merged ranges such as "A1:F1". */
  readonly merges?: readonly string[];
  /** Formulas by cell ("B12" → "COUNTIF(B3:B11,1)"); the cell's value in `rows` is the value Excel computed. */
  readonly formulas?: Readonly<Record<string, string>>;
  /** Cells ("B4") whose number is a date serial, written in a date style (built-in format 14). */
  readonly dates?: readonly string[];
}

export interface BookOptions {
  /** Text in the shared strings table (Excel's way) rather than inline strings. */
  readonly shared?: boolean;
  /** Sheets written with level-0 deflate and this many bytes of XML whitespace between rows. */
  readonly bigPadding?: number;
  /** Excel for Mac's 1904 date system (<workbookPr date1904="1"/>). */
  readonly date1904?: boolean;
}

const XML = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

type ZipEntry = { name: string; data: Buffer } | { name: string; raw: Buffer; size: number; crc: number };

export function workbook(sheets: readonly SheetSpec[], opts: BookOptions = {}): Buffer {
  const sst: string[] = [];
  const sstIndex = new Map<string, number>();
  const stringCell = (ref: string, s: string) => {
    if (opts.shared === true) {
      let i = sstIndex.get(s);
      if (i === undefined) {
        i = sst.length;
        sst.push(s);
        sstIndex.set(s, i);
      }
      return `<c r="${ref}" t="s"><v>${i}</v></c>`;
    }
    return `<c r="${ref}" t="inlineStr"><is><t xml:space="preserve">${esc(s)}</t></is></c>`;
  };
  const sheetXml = (sh: SheetSpec) => {
    const pad = opts.bigPadding !== undefined ? ' '.repeat(Math.ceil(opts.bigPadding / Math.max(1, sh.rows.length))) : '';
    const rows = sh.rows.map((cells, r) => {
      const cs = cells
        .map((v, c) => {
          const ref = `${col(c)}${r + 1}`;
          const f = sh.formulas?.[ref];
          if (f !== undefined) return typeof v === 'number' ? `<c r="${ref}"><f>${esc(f)}</f><v>${v}</v></c>` : `<c r="${ref}" t="str"><f>${esc(f)}</f><v>${esc(String(v ?? ''))}</v></c>`;
          if (v === null || v === '') return '';
          if (typeof v === 'number') return `<c r="${ref}"${sh.dates?.includes(ref) === true ? ' s="1"' : ''}><v>${v}</v></c>`;
          return stringCell(ref, v);
        })
        .join('');
      return `<row r="${r + 1}">${cs}</row>${pad}`;
    });
    const merges = sh.merges !== undefined && sh.merges.length > 0 ? `<mergeCells count="${sh.merges.length}">${sh.merges.map((m) => `<mergeCell ref="${m}"/>`).join('')}</mergeCells>` : '';
    return `${XML}<worksheet xmlns="${NS}" xmlns:r="${REL}"><sheetData>${rows.join('')}</sheetData>${merges}</worksheet>`;
  };
  const sheetFiles = sheets.map((sh, i) => ({ name: `xl/worksheets/sheet${i + 1}.xml`, xml: sheetXml(sh) }));
  const entries: ZipEntry[] = [];
  const text = (name: string, s: string) => entries.push({ name, data: Buffer.from(s, 'utf8') });
  text(
    '[Content_Types].xml',
    `${XML}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>${sheetFiles.map((f) => `<Override PartName="/${f.name}" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`).join('')}${opts.shared === true ? '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>' : ''}</Types>`,
  );
  text('_rels/.rels', `${XML}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`);
  text('xl/workbook.xml', `${XML}<workbook xmlns="${NS}" xmlns:r="${REL}">${opts.date1904 === true ? '<workbookPr date1904="1"/>' : ''}<sheets>${sheets.map((sh, i) => `<sheet name="${esc(sh.name).replace(/"/g, '&quot;')}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join('')}</sheets></workbook>`);
  text(
    'xl/_rels/workbook.xml.rels',
    `${XML}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${sheets.map((_, i) => `<Relationship Id="rId${i + 1}" Type="${REL}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`).join('')}${opts.shared === true ? `<Relationship Id="rId${sheets.length + 1}" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/>` : ''}<Relationship Id="rIdS" Type="${REL}/styles" Target="styles.xml"/></Relationships>`,
  );
  // Two cell styles: 0 General, 1 the built-in short date (numFmtId 14, d/m/yyyy in a Vietnamese Excel).
  text(
    'xl/styles.xml',
    `${XML}<styleSheet xmlns="${NS}"><fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="14" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs></styleSheet>`,
  );
  for (const f of sheetFiles) {
    const data = Buffer.from(f.xml, 'utf8');
    if (opts.bigPadding !== undefined) entries.push({ name: f.name, raw: deflateRawSync(data, { level: 0 }), size: data.length, crc: crc32(data) });
    else entries.push({ name: f.name, data });
  }
  if (opts.shared === true) text('xl/sharedStrings.xml', `${XML}<sst xmlns="${NS}" count="${sst.length}" uniqueCount="${sst.length}">${sst.map((s) => `<si><t xml:space="preserve">${esc(s)}</t></si>`).join('')}</sst>`);
  return zip(entries) as Buffer;
}

// ---- Filling a template written by `tally template` -------------------------------------

interface ZipFile {
  name: string;
  data: Buffer;
}

const unesc = (s: string) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');

/** The sheets of a workbook by name → part path. */
function sheetParts(files: ZipFile[]): Map<string, string> {
  const get = (n: string) => files.find((f) => f.name === n)?.data.toString('utf8') ?? '';
  const rels = new Map([...get('xl/_rels/workbook.xml.rels').matchAll(/<Relationship\b[^>]*?Id="([^"]+)"[^>]*?Target="([^"]+)"/g)].map((m) => [m[1] as string, m[2] as string]));
  const rels2 = new Map([...get('xl/_rels/workbook.xml.rels').matchAll(/<Relationship\b[^>]*?Target="([^"]+)"[^>]*?Id="([^"]+)"/g)].map((m) => [m[2] as string, m[1] as string]));
  const out = new Map<string, string>();
  for (const m of get('xl/workbook.xml').matchAll(/<sheet\b([^>]*)\/>/g)) {
    const attrs = m[1] as string;
    const name = unesc(/\bname="([^"]*)"/.exec(attrs)?.[1] ?? '');
    const rid = /\br:id="([^"]*)"/.exec(attrs)?.[1] ?? '';
    const target = rels.get(rid) ?? rels2.get(rid) ?? '';
    out.set(name, target.startsWith('/') ? target.slice(1) : `xl/${target}`);
  }
  return out;
}

function sharedStrings(files: ZipFile[]): string[] {
  const x = files.find((f) => f.name === 'xl/sharedStrings.xml')?.data.toString('utf8') ?? '';
  return [...x.matchAll(/<si>([\s\S]*?)<\/si>/g)].map((m) => unesc([...(m[1] as string).matchAll(/<t\b[^>]*>([\s\S]*?)<\/t>/g)].map((t) => t[1]).join('')));
}

/** Text of each cell of a sheet, by reference ("A1"). */
function cellsOf(xml: string, sst: string[]): Map<string, string> {
  const out = new Map<string, string>();
  for (const m of xml.matchAll(/<c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g)) {
    const attrs = m[1] as string;
    const ref = /\br="([A-Z]+\d+)"/.exec(attrs)?.[1];
    if (ref === undefined) continue;
    const inner = m[2] ?? '';
    const t = /\bt="([^"]*)"/.exec(attrs)?.[1];
    const v = /<v>([\s\S]*?)<\/v>/.exec(inner)?.[1];
    if (t === 's' && v !== undefined) out.set(ref, sst[Number(v)] ?? '');
    else if (t === 'inlineStr') out.set(ref, unesc([...inner.matchAll(/<t\b[^>]*>([\s\S]*?)<\/t>/g)].map((x) => x[1]).join('')));
    else if (v !== undefined) out.set(ref, unesc(v));
  }
  return out;
}

/** Replace (or add) the cells of rows in a sheet's XML: values by row number (1-based) and column index. */
function setRows(xml: string, rows: Map<number, Map<number, Cell>>): string {
  const cellXml = (ref: string, v: Cell) =>
    v === null || v === '' ? '' : typeof v === 'number' ? `<c r="${ref}"><v>${v}</v></c>` : `<c r="${ref}" t="inlineStr"><is><t xml:space="preserve">${esc(v)}</t></is></c>`;
  const done = new Set<number>();
  const merge = (r: number, existing: string) => {
    const cells = new Map<number, string>();
    for (const m of existing.matchAll(/<c\b[^>]*?\br="([A-Z]+)\d+"[^>]*?(?:\/>|>[\s\S]*?<\/c>)/g)) cells.set(colIndex(m[1] as string), m[0]);
    for (const [c, v] of rows.get(r) ?? []) cells.set(c, cellXml(`${col(c)}${r}`, v));
    return [...cells.entries()]
      .sort((a, b) => a[0] - b[0])
      .map((e) => e[1])
      .join('');
  };
  let out = xml.replace(/<row\b([^>]*?)(?:\/>|>([\s\S]*?)<\/row>)/g, (whole, attrs: string, inner: string | undefined) => {
    const r = Number(/\br="(\d+)"/.exec(attrs)?.[1]);
    if (!rows.has(r)) return whole;
    done.add(r);
    const cleaned = attrs.replace(/\s*spans="[^"]*"/, '');
    return `<row${cleaned}>${merge(r, inner ?? '')}</row>`;
  });
  const extra = [...rows.keys()].filter((r) => !done.has(r)).sort((a, b) => a - b);
  if (extra.length > 0) {
    // Rows beyond the template's: appended in order (the template's rows come first).
    const add = extra.map((r) => `<row r="${r}">${merge(r, '')}</row>`).join('');
    out = out.includes('<sheetData/>') ? out.replace('<sheetData/>', `<sheetData>${add}</sheetData>`) : out.replace('</sheetData>', `${add}</sheetData>`);
  }
  return out.replace(/<dimension\b[^>]*\/>/, '');
}

export function colIndex(letters: string): number {
  let n = 0;
  for (const ch of letters) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

export interface TemplateFill {
  /** Session values by the key texts as the template writes them, and the ballot type in column C if any (folded compare is up to the caller). */
  readonly session: (keyText: string, ballotType: string | null) => Cell | undefined;
  /** Each ballot sheet ("Phiếu", or "Phiếu <type>" with its type): given the header texts, the cells by row number and column index. */
  readonly ballots: (ballotType: string | null, headers: readonly string[], templateRows: number) => Map<number, Map<number, Cell>>;
}

/** A template workbook (bytes of `tally template`) with its Hội nghị and Phiếu sheets filled in. */
export function fillTemplate(bytes: Buffer, fill: TemplateFill): Buffer {
  const files = (unzip(bytes) as ZipFile[]).filter((f) => !f.name.endsWith('/'));
  const parts = sheetParts(files);
  const sst = sharedStrings(files);
  const part = (name: string) => {
    const p = parts.get(name);
    const f = files.find((x) => x.name === p);
    if (f === undefined) throw new Error(`template has no sheet ${name} (sheets: ${[...parts.keys()].join(', ')})`);
    return f;
  };
  // Session values in column B, by the key in column A.
  const hn = part('Hội nghị');
  const hnCells = cellsOf(hn.data.toString('utf8'), sst);
  const sessionRows = new Map<number, Map<number, Cell>>();
  for (const [ref, text] of hnCells) {
    const m = /^A(\d+)$/.exec(ref);
    if (m === null) continue;
    const v = fill.session(text, hnCells.get(`C${m[1]}`) ?? null);
    if (v !== undefined) sessionRows.set(Number(m[1]), new Map([[1, v]]));
  }
  hn.data = Buffer.from(setRows(hn.data.toString('utf8'), sessionRows), 'utf8');
  // Ballots under the header row of each ballot sheet.
  const ballotSheets = [...parts.keys()].filter((n) => /^Phiếu( .+)?$/u.test(n));
  if (ballotSheets.length === 0) part('Phiếu');
  for (const name of ballotSheets) {
    const ph = part(name);
    const phXml = ph.data.toString('utf8');
    const phCells = cellsOf(phXml, sst);
    const headers: string[] = [];
    for (const [ref, text] of phCells) {
      const m = /^([A-Z]+)1$/.exec(ref);
      if (m !== null) headers[colIndex(m[1] as string)] = text;
    }
    const templateRows = Math.max(0, ...[...phCells.keys()].map((r) => Number(/\d+$/.exec(r)?.[0]))) - 1;
    const type = name === 'Phiếu' ? null : name.slice('Phiếu '.length);
    ph.data = Buffer.from(setRows(phXml, fill.ballots(type, Array.from(headers, (h) => h ?? ''), templateRows)), 'utf8');
  }
  return zip(files.map((f) => ({ name: f.name, data: f.data }))) as Buffer;
}

/** A workbook (bytes) with cells of one sheet set: values by row number (1-based) and column index. */
export function fillSheet(bytes: Buffer, sheet: string, rows: Map<number, Map<number, Cell>>): Buffer {
  const files = (unzip(bytes) as ZipFile[]).filter((f) => !f.name.endsWith('/'));
  const p = sheetParts(files).get(sheet);
  const f = files.find((x) => x.name === p);
  if (f === undefined) throw new Error(`workbook has no sheet ${sheet}`);
  f.data = Buffer.from(setRows(f.data.toString('utf8'), rows), 'utf8');
  return zip(files.map((x) => ({ name: x.name, data: x.data }))) as Buffer;
}
