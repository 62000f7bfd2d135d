// CSV and other delimited text: encoding and delimiter are detected from the content.
import { parseDelimited } from './delimited.js';
export { CsvSyntaxError } from './delimited.js';
import type { Row, Sheet } from './grid.js';

export type TextEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1258';

/** BOM first; else strict UTF-8; else Windows-1258, Excel's legacy Vietnamese code page. */
export function decodeText(bytes: Uint8Array): { text: string; encoding: TextEncoding } {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return { text: new TextDecoder('utf-8').decode(bytes.subarray(3)), encoding: 'utf-8' };
  }
  if (bytes[0] === 0xff && bytes[1] === 0xfe) {
    return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'utf-16le' };
  }
  if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), encoding: 'utf-16be' };
  }
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    // Windows-1258 decodes tone marks as combining characters; NFC composes them.
    return { text: new TextDecoder('windows-1258').decode(bytes), encoding: 'windows-1258' };
  }
}

const DELIMITERS = [',', ';', '\t'] as const;

/** The delimiter that splits the first non-empty lines most consistently (quotes respected). */
export function detectDelimiter(text: string): string {
  const lines = text.split(/\r\n|\n|\r/).filter((l) => l.trim() !== '').slice(0, 20);
  let best: string = ',';
  let bestScore = -1;
  for (const d of DELIMITERS) {
    const counts = lines.map((l) => countOutsideQuotes(l, d));
    const first = counts[0] ?? 0;
    if (first === 0) continue;
    const consistent = counts.filter((c) => c === first).length;
    const score = consistent * 1000 + first;
    if (score > bestScore) {
      bestScore = score;
      best = d;
    }
  }
  return best;
}

function countOutsideQuotes(line: string, delimiter: string): number {
  let inQuotes = false;
  let n = 0;
  for (const ch of line) {
    if (ch === '"') inQuotes = !inQuotes;
    else if (ch === delimiter && !inQuotes) n++;
  }
  return n;
}

export function readCsv(file: string, bytes: Uint8Array): Sheet {
  const { text } = decodeText(bytes);
  const delimiter = detectDelimiter(text);
  const records = parseDelimited(text.replace(/^\ufeff/, ''), delimiter);
  // A record is what Excel shows as one row, even when a quoted field spans lines.
  const rows: Row[] = records.map((cells, i) => ({ row: i + 1, cells: cells.map((c) => c.normalize('NFC')) }));
  return { file, name: null, rows };
}
