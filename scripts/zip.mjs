// Zip files for the tools around the program (test helpers, the fuzzer, the hostile corpus,
// the benchmark's generator) — written independently of src/read/zip.ts, so that what they
// make or read checks the program rather than repeats it. Deflated entries, UTF-8 names.
import { crc32, deflateRawSync, inflateRawSync } from 'node:zlib';

const UTF8_NAMES = 0x0800;
/** Sizes and CRC follow the data, in a data descriptor (an entry written as a stream). */
export const DATA_DESCRIPTOR = 0x0008;

/** The local header of an entry; with DATA_DESCRIPTOR its sizes and CRC may be left at 0. */
export function localHeader(name, { flags = 0, crc = 0, compressed = 0, size = 0 } = {}) {
  const h = Buffer.alloc(30);
  h.writeUInt32LE(0x04034b50, 0);
  h.writeUInt16LE(20, 4);
  h.writeUInt16LE(UTF8_NAMES | flags, 6);
  h.writeUInt16LE(8, 8);
  h.writeUInt32LE(crc >>> 0, 14);
  h.writeUInt32LE(compressed, 18);
  h.writeUInt32LE(size >>> 0, 22);
  h.writeUInt16LE(name.length, 26);
  return h;
}

/** The central directory record of an entry whose local header is at `offset`. */
export function centralHeader(name, { flags = 0, crc, compressed, size, offset }) {
  const h = Buffer.alloc(46);
  h.writeUInt32LE(0x02014b50, 0);
  h.writeUInt16LE(20, 4);
  h.writeUInt16LE(20, 6);
  h.writeUInt16LE(UTF8_NAMES | flags, 8);
  h.writeUInt16LE(8, 10);
  h.writeUInt32LE(crc >>> 0, 16);
  h.writeUInt32LE(compressed, 20);
  h.writeUInt32LE(size >>> 0, 24);
  h.writeUInt16LE(name.length, 28);
  h.writeUInt32LE(offset, 42);
  return h;
}

/** The end record: how many entries, and where the central directory is. */
export function endRecord(count, dirSize, dirOffset) {
  const h = Buffer.alloc(22);
  h.writeUInt32LE(0x06054b50, 0);
  h.writeUInt16LE(count, 8);
  h.writeUInt16LE(count, 10);
  h.writeUInt32LE(dirSize, 12);
  h.writeUInt32LE(dirOffset, 16);
  return h;
}

/**
 * A zip of entries { name, data } (deflated here) or { name, raw, size, crc } (raw deflate
 * bytes with the sizes to declare, true or not).
 */
export function zip(entries) {
  const locals = [];
  const central = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name);
    const data = e.raw ?? deflateRawSync(e.data);
    const fields = { crc: e.crc ?? crc32(e.data ?? Buffer.alloc(0)), compressed: data.length, size: e.size ?? e.data.length };
    locals.push(localHeader(name, fields), name, data);
    central.push(centralHeader(name, { ...fields, offset }), name);
    offset += 30 + name.length + data.length;
  }
  const dir = Buffer.concat(central);
  return Buffer.concat([...locals, dir, endRecord(entries.length, dir.length, offset)]);
}

/** The entries of a zip as [{ name, data }] (stored or deflated), or null when it is no zip. */
export function unzip(bytes) {
  const b = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length);
  // The end record is within the last 64 KiB (its comment is at most that long).
  let eocd = -1;
  for (let i = b.length - 22; i >= Math.max(0, b.length - 65_557); i--) {
    if (b.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return null;
  const out = [];
  let p = b.readUInt32LE(eocd + 16);
  for (let n = b.readUInt16LE(eocd + 10); n > 0; n--) {
    const method = b.readUInt16LE(p + 10);
    const size = b.readUInt32LE(p + 20);
    const nameLen = b.readUInt16LE(p + 28);
    const local = b.readUInt32LE(p + 42);
    const name = b.toString('utf8', p + 46, p + 46 + nameLen);
    const start = local + 30 + b.readUInt16LE(local + 26) + b.readUInt16LE(local + 28);
    const data = b.subarray(start, start + size);
    out.push({ name, data: method === 0 ? Buffer.from(data) : inflateRawSync(data) });
    p += 46 + nameLen + b.readUInt16LE(p + 30) + b.readUInt16LE(p + 32);
  }
  return out;
}
