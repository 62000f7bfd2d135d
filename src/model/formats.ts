// The file formats this tool writes, each once: its extensions (the first is the one named in
// help and errors) and the shape of the marker that proves a file of it ours (cli/ownership.ts).
// Which command writes which format is declared beside its writers (cli/writers.ts); the help,
// the "unknown format" errors and README's formats table are derived from both.
import { extname } from 'node:path';

export const FORMAT_IDS = ['xlsx', 'docx', 'csv', 'json', 'html', 'pdf'] as const;
export type FormatId = (typeof FORMAT_IDS)[number];

/** How a file of the format carries its marker: a zip's archive comment or a text line. */
export type MarkerShape = 'zip' | 'html' | 'csv' | 'json' | 'pdf';

export interface Format {
  readonly id: FormatId;
  /** Lower case, with the dot; the first is the format's own, the others aliases. */
  readonly extensions: readonly [string, ...string[]];
  readonly marker: MarkerShape;
}

export const FORMATS: { readonly [F in FormatId]: Format & { readonly id: F } } = {
  xlsx: { id: 'xlsx', extensions: ['.xlsx'], marker: 'zip' },
  docx: { id: 'docx', extensions: ['.docx'], marker: 'zip' },
  csv: { id: 'csv', extensions: ['.csv'], marker: 'csv' },
  json: { id: 'json', extensions: ['.json'], marker: 'json' },
  html: { id: 'html', extensions: ['.html', '.htm'], marker: 'html' },
  pdf: { id: 'pdf', extensions: ['.pdf'], marker: 'pdf' },
};

/** The format a file name asks for by its extension (any case), or null. */
export function formatOf(path: string): FormatId | null {
  const ext = extname(path).toLowerCase();
  return FORMAT_IDS.find((id) => FORMATS[id].extensions.includes(ext)) ?? null;
}
