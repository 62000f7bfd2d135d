// Output formats by file extension. A new format is one new file and one line here.
import { extname } from 'node:path';
import type { Reporter } from './context.js';
import { renderCsv } from './csv.js';
import { renderHtml } from './html.js';
import { renderJson } from './json.js';
import { renderXlsx } from './xlsx.js';

const REPORTERS: Readonly<Record<string, Reporter>> = {
  '.xlsx': renderXlsx,
  '.csv': renderCsv,
  '.json': async (ctx) => new TextEncoder().encode(renderJson(ctx.outcome, ctx.lang)),
  '.html': renderHtml,
  '.htm': renderHtml,
};

export const OUTPUT_EXTENSIONS = Object.keys(REPORTERS);

export function reporterFor(path: string): Reporter | null {
  return REPORTERS[extname(path).toLowerCase()] ?? null;
}
