// Worksheet XML for the tools that write workbooks by hand (the hostile corpus, the benchmark's
// generator): numbers as values, text as inline strings, empty cells left out.
const esc = (s) => String(s).replace(/&/g, '&amp;').replace(/</g, '&lt;');

/** A column's letters: 0 → A, 25 → Z, 26 → AA. */
export function columnName(i) {
  return i < 26 ? String.fromCharCode(65 + i) : columnName(Math.floor(i / 26) - 1) + String.fromCharCode(65 + (i % 26));
}

export const SHEET_START = '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>';
export const SHEET_END = '</sheetData></worksheet>';
export const XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

/** Row `r` (from 1) of `cells` (numbers, text, or null for none). */
export function rowXml(r, cells) {
  return `<row r="${r}">${cells.map((v, i) => (v === null ? '' : typeof v === 'number' ? `<c r="${columnName(i)}${r}"><v>${v}</v></c>` : `<c r="${columnName(i)}${r}" t="inlineStr"><is><t>${esc(v)}</t></is></c>`)).join('')}</row>`;
}

export { esc as escapeXml };
