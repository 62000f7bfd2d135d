// A minimal zip reader for XLSX: the central directory by random access, each entry inflated
// with a cap on its uncompressed size (a zip bomb stops at the cap). The zip is a file, or
// bytes already in memory (a small file read once).
import { createReadStream } from 'node:fs';
import { open, type FileHandle } from 'node:fs/promises';
import { Readable } from 'node:stream';
import { createInflateRaw, inflateRawSync } from 'node:zlib';

export interface ZipEntry {
  readonly name: string;
  readonly method: number;
  readonly flags: number;
  readonly compressedSize: number;
  readonly uncompressedSize: number;
  readonly localOffset: number;
}

export class ZipError extends Error {
  constructor(readonly reason: 'not-zip' | 'zip64' | 'encrypted' | 'method' | 'too-large' | 'corrupt', detail = '') {
    super(`${reason}${detail ? `: ${detail}` : ''}`);
  }
}

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
const MAX_DIRECTORY = 16 * 1024 * 1024;
/** Entries up to this size, compressed and inflated, are inflated in one go. */
const SMALL_ENTRY = 4 * 1024 * 1024;
/** Zip files up to this size are read whole at once. */
const READ_WHOLE = 1024 * 1024;
/** Bytes read and inflated at a time when streaming an entry. */
const STREAM_CHUNK = 256 * 1024;

/** Where the zip's bytes are. */
interface ByteSource {
  readonly size: number;
  read(length: number, position: number): Promise<Buffer>;
  stream(start: number, length: number): Readable;
  close(): Promise<void>;
}

function fileSource(path: string, handle: FileHandle, size: number): ByteSource {
  return {
    size,
    async read(length, position) {
      const buf = Buffer.alloc(length);
      const { bytesRead } = await handle.read(buf, 0, length, position);
      if (bytesRead < length) throw new ZipError('corrupt', 'the file ends early');
      return buf;
    },
    stream: (start, length) => createReadStream(path, { start, end: start + length - 1, highWaterMark: STREAM_CHUNK }),
    close: () => handle.close(),
  };
}

function memorySource(bytes: Uint8Array): ByteSource {
  const all = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length);
  const slice = (length: number, position: number) => {
    if (position < 0 || position + length > all.length) throw new ZipError('corrupt', 'the file ends early');
    return all.subarray(position, position + length);
  };
  return {
    size: all.length,
    read: async (length, position) => slice(length, position),
    stream: (start, length) => Readable.from([slice(length, start)]),
    close: async () => {},
  };
}

export class ZipFile {
  private constructor(
    private readonly bytes: ByteSource,
    readonly entries: ReadonlyMap<string, ZipEntry>,
  ) {}

  static async open(path: string): Promise<ZipFile> {
    const handle = await open(path, 'r');
    let whole: Buffer | null = null;
    try {
      const { size } = await handle.stat();
      if (size > READ_WHOLE) return await ZipFile.from(fileSource(path, handle, size));
      // A small file costs less read in one go than by its parts (each read is a round trip).
      whole = await fileSource(path, handle, size).read(size, 0);
    } catch (e) {
      await handle.close();
      throw e;
    }
    await handle.close();
    return ZipFile.from(memorySource(whole));
  }

  /** A zip already in memory. */
  static fromBytes(bytes: Uint8Array): Promise<ZipFile> {
    return ZipFile.from(memorySource(bytes));
  }

  private static async from(bytes: ByteSource): Promise<ZipFile> {
    const size = bytes.size;
    // The end record is the last 22 bytes, unless a comment (up to 64 KiB) follows it: the
    // last few KiB are looked at first.
    let tail: Buffer = Buffer.alloc(0);
    let at = -1;
    for (const want of [4096, 65_557]) {
      const tailSize = Math.min(size, want);
      tail = await bytes.read(tailSize, size - tailSize);
      for (let i = tailSize - 22; i >= 0; i--) {
        if (tail.readUInt32LE(i) === EOCD) {
          at = i;
          break;
        }
      }
      if (at >= 0 || tailSize === size) break;
    }
    if (at < 0) throw new ZipError('not-zip');
    const count = tail.readUInt16LE(at + 10);
    const dirSize = tail.readUInt32LE(at + 12);
    const dirOffset = tail.readUInt32LE(at + 16);
    if (count === 0xffff || dirSize === 0xffffffff || dirOffset === 0xffffffff) throw new ZipError('zip64');
    if (dirSize > MAX_DIRECTORY || dirOffset + dirSize > size) throw new ZipError('corrupt', 'central directory');
    const dir = await bytes.read(dirSize, dirOffset);
    const entries = new Map<string, ZipEntry>();
    let p = 0;
    for (let n = 0; n < count; n++) {
      if (p + 46 > dir.length || dir.readUInt32LE(p) !== CENTRAL) throw new ZipError('corrupt', 'directory entry');
      const nameLen = dir.readUInt16LE(p + 28);
      const extraLen = dir.readUInt16LE(p + 30);
      const commentLen = dir.readUInt16LE(p + 32);
      const entry: ZipEntry = {
        flags: dir.readUInt16LE(p + 8),
        method: dir.readUInt16LE(p + 10),
        compressedSize: dir.readUInt32LE(p + 20),
        uncompressedSize: dir.readUInt32LE(p + 24),
        localOffset: dir.readUInt32LE(p + 42),
        name: dir.toString('utf8', p + 46, p + 46 + nameLen),
      };
      if (entry.compressedSize === 0xffffffff || entry.uncompressedSize === 0xffffffff || entry.localOffset === 0xffffffff) throw new ZipError('zip64');
      entries.set(entry.name.replace(/^\//, ''), entry);
      p += 46 + nameLen + extraLen + commentLen;
    }
    return new ZipFile(bytes, entries);
  }

  /** The entry's bytes, inflated chunk by chunk; ZipError('too-large') when declared past maxBytes. */
  async *chunks(entry: ZipEntry, maxBytes: number): AsyncGenerator<Buffer> {
    if ((entry.flags & 1) !== 0) throw new ZipError('encrypted', entry.name);
    if (entry.method !== 0 && entry.method !== 8) throw new ZipError('method', `${entry.method}`);
    const local = await this.bytes.read(30, entry.localOffset);
    if (local.readUInt32LE(0) !== LOCAL) throw new ZipError('corrupt', entry.name);
    if (entry.compressedSize === 0) return;
    // A part declared larger than the limit is refused before anything is inflated; one that
    // inflates past its declared size (a zip bomb lying about it) stops there.
    if (entry.uncompressedSize > maxBytes) throw new ZipError('too-large', entry.name);
    const start = entry.localOffset + 30 + local.readUInt16LE(26) + local.readUInt16LE(28);
    if (start + entry.compressedSize > this.bytes.size) throw new ZipError('corrupt', entry.name);
    // A small entry is inflated in one go: streaming costs more than it saves there. Its
    // declared size bounds what is inflated.
    if (entry.compressedSize <= SMALL_ENTRY && entry.uncompressedSize <= SMALL_ENTRY) {
      const data = await this.bytes.read(entry.compressedSize, start);
      let out: Buffer;
      try {
        // One output buffer of the declared size: nothing to gather and copy afterwards.
        const size = Math.max(64, entry.uncompressedSize);
        out = entry.method === 8 ? inflateRawSync(data, { maxOutputLength: size, chunkSize: size }) : data;
      } catch (e) {
        throw new ZipError('corrupt', `${entry.name}${(e as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE' ? ': larger than its declared size' : ''}`);
      }
      if (out.length !== entry.uncompressedSize) throw new ZipError('corrupt', `${entry.name}: not its declared size`);
      yield out;
      return;
    }
    const raw = this.bytes.stream(start, entry.compressedSize);
    const source = entry.method === 8 ? raw.pipe(createInflateRaw({ chunkSize: STREAM_CHUNK })) : raw;
    let total = 0;
    try {
      for await (const chunk of source as AsyncIterable<Buffer>) {
        total += chunk.length;
        if (total > entry.uncompressedSize) throw new ZipError('corrupt', `${entry.name}: larger than its declared size`);
        yield chunk;
      }
      if (total !== entry.uncompressedSize) throw new ZipError('corrupt', `${entry.name}: not its declared size`);
    } catch (e) {
      if (e instanceof ZipError) throw e;
      throw new ZipError('corrupt', `${entry.name}: ${(e as Error).message}`);
    } finally {
      raw.destroy();
      if (source !== raw) (source as NodeJS.ReadableStream & { destroy(): void }).destroy();
    }
  }

  async text(entry: ZipEntry, maxBytes: number): Promise<string> {
    const parts: Buffer[] = [];
    for await (const c of this.chunks(entry, maxBytes)) parts.push(c);
    return Buffer.concat(parts).toString('utf8');
  }

  close(): Promise<void> {
    return this.bytes.close();
  }
}
