// Which existing files this tool wrote, so that -o may replace them (SPEC §3 "-o FILE"). Every
// file written carries a marker bound to its own bytes: a workbook or document (a zip) the
// archive comment "tally sha256:<digest of its central directory>", which lists every part's
// CRC and size and which Excel, Word and LibreOffice drop when they save; HTML, CSV and JSON a
// generator line with the digest of the rest of the file. A file is "ours" only when that marker
// is there and still matches: a template typed into, a report edited and saved, a foreign file —
// nothing is guessed to be ours. Recognising reads a zip's tail and central directory, or at
// most TEXT_CAP bytes of a text file.
import { createHash } from 'node:crypto';
import { open } from 'node:fs/promises';
import { FORMATS, formatOf, type MarkerShape as Shape } from '../model/formats.js';

/** The marker's shape is the format's (model/formats.ts), found by the file's extension. */
const shapeOf = (path: string): Shape | null => {
  const id = formatOf(path);
  return id === null ? null : FORMATS[id].marker;
};

const TAG = 'tally sha256:';
const HEX = 64;
/** A text report larger than this is not read to prove it ours: it is treated as foreign. */
const TEXT_CAP = 64 * 1024 * 1024;
/** Our zips' central directories are a few KiB; a larger one is not ours. */
const DIRECTORY_CAP = 4 * 1024 * 1024;
const EOCD = 0x06054b50;
const EOCD_SIZE = 22;
const COMMENT_SIZE = TAG.length + HEX;

const digest = (...parts: Uint8Array[]) => {
  const h = createHash('sha256');
  for (const p of parts) h.update(p);
  return h.digest('hex');
};

/**
 * Where a text marker sits. A CSV's marker is its last row, with as many fields as the header
 * (a comment row CSV readers take as a short record would break them); a JSON's is the first
 * key after the opening "{\n", so the file stays one JSON document.
 */
const TEXT_MARKERS = {
  html: { line: (d: string, _fields: number) => `<!-- ${TAG}${d} -->\n`, at: 'end' },
  csv: { line: (d: string, fields: number) => `# ${TAG}${d}${','.repeat(Math.max(0, fields - 1))}\r\n`, at: 'end' },
  json: { line: (d: string, _fields: number) => `  "generator": "${TAG}${d}",\n`, at: 2 },
  // A PDF comment after %%EOF: readers look for %%EOF in the file's last kilobyte, and skip it.
  pdf: { line: (d: string, _fields: number) => `%${TAG}${d}\n`, at: 'end' },
} as const;

const JSON_START = '{\n  "';

/** The fields of a CSV's header row (our reporters quote no header). */
const headerFields = (bytes: Uint8Array) => {
  const text = Buffer.from(bytes.subarray(0, 64 * 1024)).toString('utf8');
  const end = text.search(/\r?\n/);
  return (end < 0 ? text : text.slice(0, end)).split(',').length;
};

/**
 * The bytes of an output with its marker. Bytes not of the shape a reporter writes (never the
 * case for this tool's reporters) are left unmarked, so they will not be taken for ours.
 */
export function markOutput(path: string, bytes: Uint8Array): Uint8Array {
  const shape = shapeOf(path);
  if (shape === null) return bytes;
  if (shape === 'zip') return markZip(bytes);
  if (shape === 'json' && Buffer.from(bytes.subarray(0, JSON_START.length)).toString('latin1') !== JSON_START) return bytes;
  if (shape === 'pdf' && Buffer.from(bytes.subarray(0, 5)).toString('latin1') !== '%PDF-') return bytes;
  const m = TEXT_MARKERS[shape];
  // A last line is a line of its own only after a line break.
  const body = m.at === 'end' && bytes.at(-1) !== 0x0a ? Buffer.concat([bytes, Buffer.from(shape === 'csv' ? '\r\n' : '\n')]) : bytes;
  const line = Buffer.from(m.line(digest(body), shape === 'csv' ? headerFields(body) : 0), 'utf8');
  const at = m.at === 'end' ? body.length : m.at;
  return Buffer.concat([body.subarray(0, at), line, body.subarray(at)]);
}

/** The end record of a zip written without a comment: where it is and its central directory. */
function directoryOf(bytes: Uint8Array): { dirOffset: number; dirSize: number } | null {
  if (bytes.length < EOCD_SIZE) return null;
  const b = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length);
  const at = b.length - EOCD_SIZE;
  if (b.readUInt32LE(at) !== EOCD || b.readUInt16LE(at + 20) !== 0) return null;
  const dirSize = b.readUInt32LE(at + 12);
  const dirOffset = b.readUInt32LE(at + 16);
  return dirOffset + dirSize === at ? { dirOffset, dirSize } : null;
}

function markZip(bytes: Uint8Array): Uint8Array {
  const dir = directoryOf(bytes);
  if (dir === null) return bytes;
  const out = Buffer.alloc(bytes.length + COMMENT_SIZE);
  out.set(bytes);
  out.writeUInt16LE(COMMENT_SIZE, bytes.length - EOCD_SIZE + 20);
  out.write(`${TAG}${digest(bytes.subarray(dir.dirOffset, dir.dirOffset + dir.dirSize))}`, bytes.length, 'latin1');
  return out;
}

/** True only when the file at `path` is one this tool wrote, unchanged since. Never throws. */
export async function writtenByTally(path: string): Promise<boolean> {
  const shape = shapeOf(path);
  if (shape === null) return false;
  try {
    const handle = await open(path, 'r');
    try {
      const info = await handle.stat();
      if (!info.isFile()) return false;
      const read = async (length: number, position: number) => {
        const buf = Buffer.alloc(length);
        const { bytesRead } = await handle.read(buf, 0, length, position);
        return buf.subarray(0, bytesRead);
      };
      return shape === 'zip' ? await zipIsOurs(info.size, read) : await textIsOurs(shape, info.size, read);
    } finally {
      await handle.close();
    }
  } catch {
    return false;
  }
}

type Read = (length: number, position: number) => Promise<Buffer>;

async function zipIsOurs(size: number, read: Read): Promise<boolean> {
  const end = size - COMMENT_SIZE - EOCD_SIZE;
  if (end < 0) return false;
  const tail = await read(EOCD_SIZE + COMMENT_SIZE, end);
  if (tail.length !== EOCD_SIZE + COMMENT_SIZE || tail.readUInt32LE(0) !== EOCD || tail.readUInt16LE(20) !== COMMENT_SIZE) return false;
  const comment = tail.toString('latin1', EOCD_SIZE);
  if (!comment.startsWith(TAG)) return false;
  const dirSize = tail.readUInt32LE(12);
  const dirOffset = tail.readUInt32LE(16);
  if (dirSize > DIRECTORY_CAP || dirOffset + dirSize !== end) return false;
  const dir = await read(dirSize, dirOffset);
  return dir.length === dirSize && comment === `${TAG}${digest(dir)}`;
}

/** The longest marker line looked for at the end of a file (a CSV of many columns). */
const TAIL = 4096;

async function textIsOurs(shape: Exclude<Shape, 'zip'>, size: number, read: Read): Promise<boolean> {
  if (size > TEXT_CAP) return false;
  const m = TEXT_MARKERS[shape];
  let at: number;
  let line: string;
  if (m.at === 'end') {
    const from = Math.max(0, size - TAIL);
    const tail = (await read(size - from, from)).toString('latin1');
    // The last line, ending the file ("\n" of the line before it excluded).
    const start = tail.lastIndexOf('\n', tail.length - 2) + 1;
    line = tail.slice(start);
    at = from + start;
  } else {
    at = m.at;
    line = (await read(Buffer.byteLength(m.line('0'.repeat(HEX), 0)), at)).toString('latin1');
  }
  const d = /sha256:([0-9a-f]{64})/.exec(line)?.[1];
  if (d === undefined) return false;
  const fields = shape === 'csv' ? line.split(',').length : 0;
  if (line !== m.line(d, fields)) return false;
  const length = line.length;
  // The file without its marker line, hashed piece by piece.
  const h = createHash('sha256');
  const CHUNK = 1024 * 1024;
  for (const [from, to] of [[0, at], [at + length, size]] as const) {
    for (let p = from; p < to; p += CHUNK) {
      const part = await read(Math.min(CHUNK, to - p), p);
      if (part.length === 0) return false;
      h.update(part);
    }
  }
  return h.digest('hex') === d;
}
