// Text encodings a clerk's files come in: UTF-8 with or without BOM, UTF-16 LE with BOM, and
// Windows-1258 (Vietnamese ANSI), encoded here from the code page table (Node decodes it but
// has no encoder). Also the CSV writer, quoting as spreadsheet programs do.

/** The code page table, read once from the platform's decoder: char → byte. */
let cp1258: Map<string, number> | null = null;
function table(): Map<string, number> {
  if (cp1258 !== null) return cp1258;
  const dec = new TextDecoder('windows-1258');
  const m = new Map<string, number>();
  for (let b = 0; b < 256; b++) {
    const ch = dec.decode(Uint8Array.of(b));
    if (ch !== '\uFFFD' && !m.has(ch)) m.set(ch, b);
  }
  return (cp1258 = m);
}

const TONES = new Set(['\u0300', '\u0301', '\u0303', '\u0309', '\u0323']);

/**
 * Windows-1258 bytes of a text. Vietnamese letters the code page lacks precomposed are written
 * as a base letter (itself possibly precomposed: â ê ô ơ ư ă) and a combining tone mark, as
 * Windows does.
 */
export function encodeCp1258(text: string): Buffer {
  const t = table();
  const out: number[] = [];
  for (const ch of text.normalize('NFC')) {
    const direct = t.get(ch);
    if (direct !== undefined) {
      out.push(direct);
      continue;
    }
    const parts = [...ch.normalize('NFD')];
    const tones = parts.filter((p) => TONES.has(p));
    const base = parts
      .filter((p) => !TONES.has(p))
      .join('')
      .normalize('NFC');
    const b = t.get(base);
    if (b === undefined || tones.length !== 1) throw new Error(`cannot encode ${JSON.stringify(ch)} in windows-1258`);
    out.push(b, t.get(tones[0] as string) as number);
  }
  return Buffer.from(out);
}

export type Encoding = 'utf8' | 'utf8-bom' | 'utf16le' | 'cp1258';

export function encode(text: string, enc: Encoding): Buffer {
  switch (enc) {
    case 'utf8':
      return Buffer.from(text, 'utf8');
    case 'utf8-bom':
      return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]);
    case 'utf16le':
      return Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    case 'cp1258':
      return encodeCp1258(text);
  }
}

export type Cell = string | number | null;

/** CSV text of rows: a cell with the delimiter, a quote or a line break is quoted. */
export function csv(rows: readonly (readonly Cell[])[], delimiter: ',' | ';' | '\t' = ',', eol: '\n' | '\r\n' = '\n'): string {
  const cell = (v: Cell) => {
    const s = v === null ? '' : String(v);
    return s.includes(delimiter) || s.includes('"') || s.includes('\n') || s.includes('\r') ? `"${s.replaceAll('"', '""')}"` : s;
  };
  return rows.map((r) => r.map(cell).join(delimiter)).join(eol) + eol;
}
