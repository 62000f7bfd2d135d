// How a file written by this tool is told from any other (src/cli/ownership.ts): the markers'
// layout is rebuilt here by hand, with its own SHA-256, so a change of format or a reader that
// guesses fails.
import { createHash } from 'node:crypto';
import { closeSync, ftruncateSync, mkdirSync, mkdtempSync, openSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { markOutput, writtenByTally } from '../../src/cli/ownership.js';

const dir = mkdtempSync(join(tmpdir(), 'tally-ownership-'));
const sha = (b: Buffer | string) => createHash('sha256').update(b).digest('hex');
const put = (name: string, bytes: Buffer | string) => {
  const path = join(dir, name);
  writeFileSync(path, bytes);
  return path;
};

/** A zip of one stored entry, as a writer without a comment leaves it. */
function zip(content: string): Buffer {
  const name = Buffer.from('a.xml');
  const data = Buffer.from(content);
  const local = Buffer.alloc(30);
  local.writeUInt32LE(0x04034b50, 0);
  local.writeUInt32LE(data.length, 18);
  local.writeUInt32LE(data.length, 22);
  local.writeUInt16LE(name.length, 26);
  const central = Buffer.alloc(46);
  central.writeUInt32LE(0x02014b50, 0);
  central.writeUInt32LE(data.length, 20);
  central.writeUInt32LE(data.length, 24);
  central.writeUInt16LE(name.length, 28);
  const dirBytes = Buffer.concat([central, name]);
  const dirOffset = local.length + name.length + data.length;
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(1, 8);
  end.writeUInt16LE(1, 10);
  end.writeUInt32LE(dirBytes.length, 12);
  end.writeUInt32LE(dirOffset, 16);
  return Buffer.concat([local, name, data, dirBytes, end]);
}

/** The same zip with the archive comment the marker is: the digest of its central directory. */
function withComment(z: Buffer, comment: string): Buffer {
  const out = Buffer.concat([z, Buffer.from(comment, 'latin1')]);
  out.writeUInt16LE(comment.length, z.length - 22 + 20);
  return out;
}

describe('the markers, as laid out', () => {
  it('a workbook or document: the zip comment "tally sha256:" and the digest of its central directory', async () => {
    const z = zip('<x/>');
    const dirBytes = z.subarray(30 + 5 + 4, z.length - 22);
    const expected = withComment(z, `tally sha256:${sha(dirBytes)}`);
    expect(Buffer.from(markOutput('t.xlsx', z))).toEqual(expected);
    expect(await writtenByTally(put('ours.xlsx', expected))).toBe(true);
    expect(await writtenByTally(put('ours.docx', expected))).toBe(true);
  });

  it('HTML: a last comment line with the digest of what comes before', async () => {
    const page = '<!DOCTYPE html>\n<p>Kết quả</p>\n';
    const expected = `${page}<!-- tally sha256:${sha(page)} -->\n`;
    expect(Buffer.from(markOutput('t.html', Buffer.from(page))).toString()).toBe(expected);
    expect(await writtenByTally(put('ours.htm', expected))).toBe(true);
  });

  it('CSV: a last row with as many fields as the header', async () => {
    const csv = '\ufeffa,b,c\r\n1,2,3\r\n';
    const expected = `${csv}# tally sha256:${sha(csv)},,\r\n`;
    expect(Buffer.from(markOutput('t.csv', Buffer.from(csv))).toString()).toBe(expected);
    expect(await writtenByTally(put('ours.csv', expected))).toBe(true);
  });

  it('JSON: a first key "generator", the digest of the document without that line', async () => {
    const doc = '{\n  "session": {}\n}\n';
    const expected = `{\n  "generator": "tally sha256:${sha(doc)}",\n  "session": {}\n}\n`;
    expect(Buffer.from(markOutput('t.json', Buffer.from(doc))).toString()).toBe(expected);
    expect(JSON.parse(expected)).toEqual({ generator: `tally sha256:${sha(doc)}`, session: {} });
    expect(await writtenByTally(put('ours.json', expected))).toBe(true);
  });
});

describe('never guessed to be ours', () => {
  const page = '<p>Kết quả</p>\n';
  const marked = `${page}<!-- tally sha256:${sha(page)} -->\n`;

  it.each([
    ['one byte changed', marked.replace('quả', 'qua')],
    ['a line added after the marker', `${marked}<p>thêm</p>\n`],
    ['the marker without its digest', `${page}<!-- tally sha256: -->\n`],
    ['a digest of something else', `${page}<!-- tally sha256:${sha('khác')} -->\n`],
    ['no marker', page],
    ['empty', ''],
  ])('HTML: %s', async (_, text) => {
    expect(await writtenByTally(put('x.html', text))).toBe(false);
  });

  it('a zip whose comment looks right but whose parts changed', async () => {
    const original = zip('<x/>');
    const comment = `tally sha256:${sha(original.subarray(39, original.length - 22))}`;
    // Same comment, another part (a new CRC and size in the central directory).
    const other = zip('<x>đã nhập</x>');
    other.writeUInt32LE(0x12345678, 30 + 5 + Buffer.byteLength('<x>đã nhập</x>') + 16);
    expect(await writtenByTally(put('x.xlsx', withComment(other, comment)))).toBe(false);
    // A workbook saved by another program has no comment at all.
    expect(await writtenByTally(put('y.xlsx', original))).toBe(false);
  });

  it('a file the tool wrote, renamed to another format, is not taken for that format', async () => {
    const expected = `{\n  "generator": "tally sha256:${sha('{\n  "a": 1\n}\n')}",\n  "a": 1\n}\n`;
    expect(await writtenByTally(put('r.json', expected))).toBe(true);
    expect(await writtenByTally(put('r.csv', expected))).toBe(false);
    expect(await writtenByTally(put('r.pdf', expected))).toBe(false);
  });

  it('a folder, a missing file', async () => {
    mkdirSync(join(dir, 'thu-muc.xlsx'));
    expect(await writtenByTally(join(dir, 'thu-muc.xlsx'))).toBe(false);
    expect(await writtenByTally(join(dir, 'khong-co.json'))).toBe(false);
  });

  it('a 2 GB text file is not read to find out: refused at once', async () => {
    const path = join(dir, 'lon.csv');
    const fd = openSync(path, 'w');
    ftruncateSync(fd, 2 * 1024 ** 3); // sparse: no disk used
    closeSync(fd);
    const start = performance.now();
    expect(await writtenByTally(path)).toBe(false);
    expect(performance.now() - start).toBeLessThan(1000);
  });

  it('bytes not of a reporter\'s shape are left unmarked', () => {
    expect(Buffer.from(markOutput('t.json', Buffer.from('[1]')))).toEqual(Buffer.from('[1]'));
    expect(Buffer.from(markOutput('t.xlsx', Buffer.from('not a zip')))).toEqual(Buffer.from('not a zip'));
  });
});
