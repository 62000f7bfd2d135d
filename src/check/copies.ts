// Byte-identical files (a `… - Copy.xlsx` beside the original): one session, the copies named
// (issue 11). Only files of the same size are hashed, so an archive without copies costs a stat.
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { naturalCompare } from './order.js';
import { DEFAULT_LIMITS } from '../model/limits.js';

/**
 * A file's SHA-256, or null when it is not a regular file (a device or a pipe would be read
 * for ever) or is past `maxBytes`: never more than that is read.
 */
export async function sha256(path: string, maxBytes: number = DEFAULT_LIMITS.fileBytes): Promise<string | null> {
  try {
    const info = await stat(path);
    if (!info.isFile() || info.size > maxBytes) return null;
    const hash = createHash('sha256');
    if (info.size === 0) return hash.digest('hex');
    let read = 0;
    // `end` bounds the read even if the file grows meanwhile.
    for await (const chunk of createReadStream(path, { end: info.size - 1 })) {
      read += (chunk as Buffer).length;
      if (read > maxBytes) return null;
      hash.update(chunk as Buffer);
    }
    return hash.digest('hex');
  } catch {
    return null;
  }
}

/**
 * The files with their byte-identical copies folded in: each group of identical files keeps
 * one, the original — the shortest name (a copy's name is the original's plus "- Copy",
 * " (2)", "Copy of "), then natural order — and names the others. Unreadable files stay.
 */
export async function foldCopies(files: readonly string[]): Promise<{ kept: string[]; copies: Map<string, string[]> }> {
  const sizes = new Map<number, string[]>();
  for (const f of files) {
    // An empty file is not a copy of another: it is an empty input, said as such when read.
    const size = (await stat(f).catch(() => null))?.size ?? 0;
    if (size > 0) sizes.set(size, [...(sizes.get(size) ?? []), f]);
  }
  const copies = new Map<string, string[]>();
  const dropped = new Set<string>();
  for (const same of sizes.values()) {
    if (same.length < 2) continue;
    const byHash = new Map<string, string[]>();
    for (const f of same) {
      const h = await sha256(f);
      if (h !== null) byHash.set(h, [...(byHash.get(h) ?? []), f]);
    }
    for (const group of byHash.values()) {
      if (group.length < 2) continue;
      const [original, ...rest] = [...group].sort((a, b) => basename(a).length - basename(b).length || naturalCompare(a, b)) as [string, ...string[]];
      copies.set(original, rest.sort(naturalCompare));
      for (const r of rest) dropped.add(r);
    }
  }
  return { kept: files.filter((f) => !dropped.has(f)), copies };
}
