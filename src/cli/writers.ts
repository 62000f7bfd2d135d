// Which formats each command writes, and with what: one table per command, keyed by format
// (model/formats.ts). The command's help, its "unknown format" error and README's formats
// table are derived from these tables; test/cli/formats.test.ts walks them.
import type { CheckReport } from '../check/report.js';
import { FORMAT_IDS, FORMATS, formatOf, type FormatId } from '../model/formats.js';
import type { Reconciliation } from '../reconcile/reconcile.js';
import type { FormInput } from '../report/ballot-form.js';
import { REPORTERS } from '../report/registry.js';
import type { TemplateOptions } from '../report/template.js';
import type { RoundContext } from '../summary/words.js';
import type { Lang } from '../text/lang.js';

export type Writer<C> = (ctx: C) => Promise<Uint8Array>;
/** A command's writers by format, each loaded only when a file of its format is written. */
export type Writers<C> = { readonly [F in FormatId]?: () => Promise<Writer<C>> };

const text = (s: string) => new TextEncoder().encode(s);

/** What `check` and `reconcile` give their writers: the result, the language, the report date. */
export interface ResultOut<R> {
  readonly result: R;
  readonly lang: Lang;
  readonly date: string | null;
}

export const CHECK_WRITERS: Writers<ResultOut<CheckReport>> = {
  xlsx: async () => {
    const { checkXlsx } = await import('../check/report.js');
    return (c) => checkXlsx(c.result, c.lang, c.date);
  },
  json: async () => {
    const { checkJson } = await import('../check/report.js');
    return async (c) => text(checkJson(c.result, c.lang));
  },
};

export const RECONCILE_WRITERS: Writers<ResultOut<Reconciliation>> = {
  xlsx: async () => {
    const { reconcileXlsx } = await import('../reconcile/report.js');
    return (c) => reconcileXlsx(c.result, c.lang, c.date);
  },
  csv: async () => {
    const { reconcileCsv } = await import('../reconcile/report.js');
    return async (c) => reconcileCsv(c.result, c.lang);
  },
};

export const SUMMARY_WRITERS: Writers<RoundContext> = {
  xlsx: async () => (await import('../summary/xlsx.js')).roundXlsx,
  docx: async () => (await import('../summary/docx.js')).roundDocx,
  json: async () => {
    const { roundJsonParts } = await import('../summary/json.js');
    // A national round's document, encoded in pieces of about a megabyte: never one string.
    return async (ctx) => {
      const encoder = new TextEncoder();
      const chunks: Uint8Array[] = [];
      let piece = '';
      for (const part of roundJsonParts(ctx)) {
        piece += part;
        if (piece.length >= 1 << 20) {
          chunks.push(encoder.encode(piece));
          piece = '';
        }
      }
      chunks.push(encoder.encode(piece));
      return new Uint8Array(Buffer.concat(chunks));
    };
  },
  html: async () => {
    const { roundHtml } = await import('../summary/html.js');
    return async (ctx) => text(roundHtml(ctx));
  },
};

export const TEMPLATE_WRITERS: Writers<TemplateOptions> = {
  xlsx: async () => (await import('../report/template.js')).renderTemplate,
};

export const BALLOT_FORM_WRITERS: Writers<FormInput> = {
  pdf: async () => (await import('../report/ballot-form.js')).renderBallotForm,
};

/** Every command that writes files, by its name on the command line. */
export const COMMAND_WRITERS = {
  tally: REPORTERS,
  check: CHECK_WRITERS,
  reconcile: RECONCILE_WRITERS,
  summary: SUMMARY_WRITERS,
  template: TEMPLATE_WRITERS,
  'ballot-form': BALLOT_FORM_WRITERS,
} as const;

/** The formats a table writes, in the registry's order. */
export const formatsOf = (writers: Writers<never>): FormatId[] => FORMAT_IDS.filter((id) => writers[id] !== undefined);

/** Their own extensions (aliases such as .htm are accepted, not listed), for help and errors. */
export const extensionsOf = (writers: Writers<never>): string[] => formatsOf(writers).map((id) => FORMATS[id].extensions[0]);

/** The writer for a file name; only after checkOutputs accepted its format. */
export async function writerFor<C>(writers: Writers<C>, path: string): Promise<Writer<C>> {
  const id = formatOf(path);
  const load = id === null ? undefined : writers[id];
  if (load === undefined) throw new Error(`no writer for ${path}`);
  return load();
}
