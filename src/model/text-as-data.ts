// Text from the inputs is data, never markup or control (SPEC §3). A name, a cell or a session
// value may hold anything a file can: escape sequences that rewrite the screen, characters XML
// cannot hold, bidirectional controls that reverse the figures after them. Each target has its
// one function here, and every writer passes input text through its target's function:
//   screenText   the terminal (and stderr)
//   xmlText      DOCX and XLSX (Word, Excel, LibreOffice)
//   htmlText     the HTML reports
// What a target cannot show as itself is shown as its code point, "[U+202E]": visible, never
// dropped. The JSON document keeps every character (jsonText only spells some as \u escapes).
import { EXCEL_CELL_CHARS } from './limits.js';

/** Bidirectional embeddings, overrides, isolates and marks (U+202A–U+202E, U+2066–U+2069, LRM, RLM, ALM). */
const BIDI = '\\u061c\\u200e\\u200f\\u202a-\\u202e\\u2066-\\u2069';
/** A UTF-16 half with no partner: under the `u` flag a class range matches only a lone one. */
const LONE_SURROGATE = '\\ud800-\\udfff';

/**
 * What a terminal would obey rather than show: C0 controls (ESC, CR, BEL, backspace; a line
 * break too, which would start a line the program did not write), DEL, C1 controls (CSI is one),
 * the line and paragraph separators, bidirectional controls, lone surrogates.
 */
const SCREEN = new RegExp(`[\\u0000-\\u001f\\u007f-\\u009f\\u2028\\u2029${BIDI}${LONE_SURROGATE}]`, 'gu');
/**
 * What XML 1.0 cannot hold (C0 controls but tab and line feed, U+FFFE, U+FFFF, lone surrogates),
 * CR (an XML reader turns it into a line feed), DEL (exceljs drops it without a word), and the
 * bidirectional controls, so that a name cannot reorder the figures after it.
 */
const XML = new RegExp(`[\\u0000-\\u0008\\u000b-\\u001f\\u007f\\ufffe\\uffff${BIDI}${LONE_SURROGATE}]`, 'gu');
const SCREEN_ANY = new RegExp(SCREEN.source, 'u');
const XML_ANY = new RegExp(XML.source, 'u');
/** Characters JSON.stringify leaves raw that a terminal obeys: DEL, C1, the separators, bidi controls. */
const JSON_RAW = new RegExp(`[\\u007f-\\u009f\\u2028\\u2029${BIDI}]`, 'g');
const MARKUP: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** A character as its code point, "[U+001B]": what stands in for one a target cannot show. */
function codePoint(ch: string): string {
  return `[U+${(ch.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}]`;
}

/** Input text for the terminal: every control shown as its code point, never sent raw. */
export function screenText(text: string): string {
  // Most text needs nothing: finding that out is much quicker than a replace that changes nothing.
  return SCREEN_ANY.test(text) ? text.replace(SCREEN, codePoint) : text;
}

/** Input text for a DOCX or XLSX part: what XML cannot hold and bidirectional controls, shown as code points. */
export function xmlText(text: string): string {
  return XML_ANY.test(text) ? text.replace(XML, codePoint) : text;
}

/** Input text for HTML: markup escaped, and what xmlText replaces replaced alike. */
export function htmlText(text: string | number | null | undefined): string {
  return xmlText(String(text ?? '')).replace(/[&<>"']/g, (c) => MARKUP[c] ?? c);
}

/** A JSON document's text with bidirectional and C1 controls spelled as \u escapes: the same data, safe to print. */
export function jsonText(json: string): string {
  return json.replace(JSON_RAW, (c) => `\\u${(c.codePointAt(0) ?? 0).toString(16).padStart(4, '0')}`);
}

/**
 * Text cut to at most `max` characters, visibly: it ends in "… [+N]", N the characters left
 * out (the JSON document keeps them). Neither a surrogate pair nor a "[U+…]" is cut in two.
 */
export function cutText(text: string, max: number): string {
  if (text.length <= max) return text;
  // The mark's own length depends on N; the longest N this text can have is its length.
  let end = Math.max(0, max - `… [+${text.length}]`.length);
  if (/[\ud800-\udbff]/.test(text.charAt(end - 1))) end -= 1;
  const open = /\[U\+[0-9A-F]{0,6}$/.exec(text.slice(Math.max(0, end - 9), end));
  if (open !== null) end -= open[0].length;
  return `${text.slice(0, end)}… [+${text.length - end}]`;
}

/** Text in one cell of a workbook: XML-safe, and within Excel's limit. */
export function cellText(text: string): string {
  return cutText(xmlText(text), EXCEL_CELL_CHARS);
}

/**
 * Characters of one text from the inputs that a document (DOCX) holds. No name, position, title
 * or reason comes near it; LibreOffice takes a minute and a half per million characters of one
 * word to lay out, and did not finish a title of a million characters in minutes.
 */
export const DOCUMENT_CHARS = 2_000;

/**
 * A read-only view of `value` in which every string read comes through `fn`: arrays and plain
 * objects are viewed to any depth; a Map, a Date, a class instance are handed over as they are.
 * Nothing is copied, and nothing computed, before it is read: a list of a million invalid lines
 * that a session builds only when asked stays unbuilt when the screen does not show it. The
 * same object is the same view wherever it is reached.
 */
export function textView<T>(value: T, fn: (text: string) => string): T {
  const views = new WeakMap<object, object>();
  const refuse = (): never => {
    throw new TypeError('a text view is read-only');
  };
  const handler: ProxyHandler<object> = {
    get: (target, key, receiver) => {
      const v: unknown = Reflect.get(target, key, receiver);
      return typeof key === 'symbol' ? v : view(v);
    },
    set: refuse,
    defineProperty: refuse,
    deleteProperty: refuse,
  };
  const view = (v: unknown): unknown => {
    if (typeof v === 'string') return fn(v);
    if (typeof v !== 'object' || v === null) return v;
    const proto = Object.getPrototypeOf(v) as unknown;
    if (!Array.isArray(v) && proto !== Object.prototype && proto !== null) return v;
    // A frozen object's properties cannot be read through a proxy as anything else.
    if (Object.isFrozen(v)) throw new TypeError('a text view of frozen data');
    let out = views.get(v);
    if (out === undefined) {
      out = new Proxy(v, handler);
      views.set(v, out);
    }
    return out;
  };
  return view(value) as T;
}

/** Data for the screen: every string read from it comes through screenText (see textView). */
export function screenData<T>(value: T): T {
  return textView(value, screenText);
}

/** Data for a document: every string in it cut to DOCUMENT_CHARS (the document's runs make it XML-safe). */
export function documentData<T>(value: T): T {
  return textView(value, (text) => cutText(text, DOCUMENT_CHARS));
}
