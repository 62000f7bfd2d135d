// Just enough XML for the parts of an XLSX file: attributes and the five entities plus
// character references. A DOCTYPE (where entity bombs and external entities live) is refused.

export class XmlError extends Error {}

const NAMED: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

/**
 * A spreadsheet string's text (OOXML ST_Xstring): Excel writes a character XML cannot carry, or
 * that it keeps apart (a carriage return typed in a cell), as `_xHHHH_`, and a literal `_x` as
 * `_x005F_x`. Read as the characters Excel shows.
 */
export function decodeXstring(text: string): string {
  const t = decodeEntities(text);
  if (!t.includes('_x')) return t;
  return t.replace(/_x([0-9A-Fa-f]{4})_/g, (_m, h: string) => String.fromCharCode(Number.parseInt(h, 16)));
}

export function decodeEntities(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(/&(#x[0-9a-fA-F]+|#\d+|[a-zA-Z]+);/g, (m, e: string) => {
    if (e[0] === '#') {
      const code = e[1] === 'x' ? Number.parseInt(e.slice(2), 16) : Number.parseInt(e.slice(1), 10);
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : m;
    }
    const v = NAMED[e];
    if (v === undefined) throw new XmlError(`unknown entity ${m}`);
    return v;
  });
}

/** Attributes of one start tag's text (`name="value"` pairs; prefixes kept). */
export function attributes(tag: string): Map<string, string> {
  const out = new Map<string, string>();
  const re = /([\w:.-]+)\s*=\s*("([^"]*)"|'([^']*)')/g;
  for (let m = re.exec(tag); m !== null; m = re.exec(tag)) out.set(m[1] as string, decodeEntities(m[3] ?? m[4] ?? ''));
  return out;
}

export function refuseDoctype(text: string): void {
  if (/<!DOCTYPE/i.test(text) || /<!ENTITY/i.test(text)) throw new XmlError('DOCTYPE or ENTITY declaration');
}

/** "AB12" → { col: 27, row: 12 } (col 0-based); null when not a cell reference. */
export function cellRef(ref: string): { col: number; row: number } | null {
  const col = refColumn(ref, 0, ref.length);
  if (col < 0) return null;
  let i = 0;
  while (i < ref.length && ref.charCodeAt(i) >= 65 && ref.charCodeAt(i) <= 90) i++;
  return { col, row: Number(ref.slice(i)) };
}

/** The 0-based column of the reference in text[start, end) ("AB12" → 27); -1 if malformed. */
export function refColumn(text: string, start: number, end: number): number {
  let col = 0;
  let i = start;
  for (; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c < 65 || c > 90) break;
    col = col * 26 + (c - 64);
  }
  const letters = i - start;
  if (letters === 0 || letters > 3 || i === end) return -1;
  for (let k = i; k < end; k++) {
    const c = text.charCodeAt(k);
    if (c < 48 || c > 57) return -1;
  }
  return col - 1;
}
