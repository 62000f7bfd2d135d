// Output formats by file extension. A new format is one new file and one line here; each
// reporter is loaded only when a file of its format is written.
import { extname } from 'node:path';
import type { Reporter } from './context.js';

const REPORTERS: Readonly<Record<string, () => Promise<Reporter>>> = {
  '.xlsx': async () => (await import('./xlsx.js')).renderXlsx,
  '.csv': async () => (await import('./csv.js')).renderCsv,
  '.json': async () => {
    const { renderJson } = await import('./json.js');
    return async (ctx) => new TextEncoder().encode(renderJson(ctx.outcome, ctx.lang));
  },
  '.docx': async () => (await import('./docx.js')).renderDocx,
  '.html': async () => (await import('./html.js')).renderHtml,
  '.htm': async () => (await import('./html.js')).renderHtml,
};

export function hasReporter(path: string): boolean {
  return REPORTERS[extname(path).toLowerCase()] !== undefined;
}

export async function reporterFor(path: string): Promise<Reporter> {
  const load = REPORTERS[extname(path).toLowerCase()];
  if (load === undefined) throw new Error(`no reporter for ${path}`);
  return load();
}
