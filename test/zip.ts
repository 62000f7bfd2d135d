// Reads the entries of a zip file (an XLSX) for comparing contents in tests, with the zip
// reader of the tools (scripts/zip.mjs), not the program's own.
import { unzip } from '../scripts/zip.mjs';

export function zipEntries(bytes: Uint8Array): Map<string, Buffer> {
  const entries = unzip(bytes) as { name: string; data: Buffer }[] | null;
  if (entries === null) throw new Error('not a zip file');
  return new Map(entries.map((e) => [e.name, e.data]));
}
