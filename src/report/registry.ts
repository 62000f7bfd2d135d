// The session reports `tally -o` writes, by format (model/formats.ts). A new format is one new
// file and one line here; each reporter is loaded only when a file of its format is written.
import type { FormatId } from '../model/formats.js';
import type { Reporter } from './context.js';

export const REPORTERS: { readonly [F in FormatId]?: () => Promise<Reporter> } = {
  xlsx: async () => (await import('./xlsx.js')).renderXlsx,
  docx: async () => (await import('./docx.js')).renderDocx,
  csv: async () => (await import('./csv.js')).renderCsv,
  json: async () => {
    const { renderJson } = await import('./json.js');
    return async (ctx) => new TextEncoder().encode(renderJson(ctx.outcome, ctx.lang));
  },
  html: async () => (await import('./html.js')).renderHtml,
};
