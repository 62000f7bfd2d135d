// A minimal zip reader for XLSX: the central directory by random access, each entry inflated
// as a stream with a cap on its uncompressed size (a zip bomb stops at the cap).
import { createReadStream } from 'node:fs';
import { open, type FileHandle } from 'node:fs/promises';
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
const SMALL_ENTRY = 4 * 1024 * 1024;
/** Bytes read and inflated at a time when streaming an entry. */
const STREAM_CHUNK = 256 * 1024;

export class ZipFile {
  private constructor(
    private readonly path: string,
    private readonly handle: FileHandle,
    readonly entries: ReadonlyMap<string, ZipEntry>,
  ) {}

  static async open(path: string): Promise<ZipFile> {
    const handle = await open(path, 'r');
    try {
      const { size } = await handle.stat();
      const tailSize = Math.min(size, 65_557);
      const tail = Buffer.alloc(tailSize);
      await handle.read(tail, 0, tailSize, size - tailSize);
      let at = -1;
      for (let i = tailSize - 22; i >= 0; i--) {
        if (tail.readUInt32LE(i) === EOCD) {
          at = i;
          break;
        }
      }
      if (at < 0) throw new ZipError('not-zip');
      const count = tail.readUInt16LE(at + 10);
      const dirSize = tail.readUInt32LE(at + 12);
      const dirOffset = tail.readUInt32LE(at + 16);
      if (count === 0xffff || dirSize === 0xffffffff || dirOffset === 0xffffffff) throw new ZipError('zip64');
      if (dirSize > MAX_DIRECTORY || dirOffset + dirSize > size) throw new ZipError('corrupt', 'central directory');
      const dir = Buffer.alloc(dirSize);
      await handle.read(dir, 0, dirSize, dirOffset);
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
      return new ZipFile(path, handle, entries);
    } catch (e) {
      await handle.close();
      throw e;
    }
  }

  /** The entry's bytes, inflated chunk by chunk; stops with ZipError('too-large') past maxBytes. */
  async *chunks(entry: ZipEntry, maxBytes: number): AsyncGenerator<Buffer> {
    if ((entry.flags & 1) !== 0) throw new ZipError('encrypted', entry.name);
    if (entry.method !== 0 && entry.method !== 8) throw new ZipError('method', `${entry.method}`);
    const local = Buffer.alloc(30);
    await this.handle.read(local, 0, 30, entry.localOffset);
    if (local.readUInt32LE(0) !== LOCAL) throw new ZipError('corrupt', entry.name);
    if (entry.compressedSize === 0) return;
    const start = entry.localOffset + 30 + local.readUInt16LE(26) + local.readUInt16LE(28);
    // A small entry is read and inflated in one go: streaming costs more than it saves there.
    if (entry.compressedSize <= SMALL_ENTRY && entry.uncompressedSize <= maxBytes) {
      const data = Buffer.alloc(entry.compressedSize);
      await this.handle.read(data, 0, data.length, start);
      let out: Buffer;
      try {
        out = entry.method === 8 ? inflateRawSync(data, { maxOutputLength: maxBytes + 1 }) : data;
      } catch (e) {
        throw new ZipError((e as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE' ? 'too-large' : 'corrupt', entry.name);
      }
      if (out.length > maxBytes) throw new ZipError('too-large', entry.name);
      yield out;
      return;
    }
    const raw = createReadStream(this.path, { start, end: start + entry.compressedSize - 1, highWaterMark: STREAM_CHUNK });
    const source = entry.method === 8 ? raw.pipe(createInflateRaw({ chunkSize: STREAM_CHUNK })) : raw;
    let total = 0;
    try {
      for await (const chunk of source as AsyncIterable<Buffer>) {
        total += chunk.length;
        if (total > maxBytes) throw new ZipError('too-large', entry.name);
        yield chunk;
      }
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
    return this.handle.close();
  }
}
