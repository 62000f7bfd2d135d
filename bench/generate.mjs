// Synthetic inputs for the benchmark, deterministic (seeded): wide ballots as a self-contained
// XLSX (written by a small zip writer here, streaming) and as CSV files with roster and session.
import { createWriteStream } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { crc32, createDeflateRaw } from 'node:zlib';
import { escapeXml as esc, rowXml, SHEET_END, SHEET_START, XML_DECLARATION } from '../scripts/sheet-xml.mjs';
import { DATA_DESCRIPTOR, centralHeader, endRecord, localHeader } from '../scripts/zip.mjs';

/** Mulberry32: a small seeded generator, so every run writes the same files. */
export function rng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const FAMILY = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Vũ', 'Đặng', 'Bùi', 'Đỗ', 'Ngô'];
const MIDDLE = ['Văn', 'Thị', 'Minh', 'Quốc', 'Đức', 'Thu'];
const GIVEN = ['An', 'Bình', 'Cường', 'Dũng', 'Hà', 'Hùng', 'Lan', 'Mai', 'Sơn', 'Yến', 'Tâm', 'Phúc'];

export function leaders(n) {
  return Array.from({ length: n }, (_, i) => ({ stt: i + 1, id: `CB${String(i + 1).padStart(3, '0')}`, name: `${FAMILY[i % 10]} ${MIDDLE[i % 6]} ${GIVEN[i % 12]} ${i + 1}`, position: `Chức vụ ${i + 1}` }));
}

function* ballotRows(ballots, cadres, seed) {
  const r = rng(seed);
  for (let b = 1; b <= ballots; b++) {
    const row = [b];
    for (let c = 0; c < cadres; c++) {
      const x = r();
      row.push(x < 0.6 ? 1 : x < 0.85 ? 2 : x < 0.98 ? 3 : x < 0.99 ? 13 : null);
    }
    yield row;
  }
}

function sessionValues(ballots, body = null) {
  return [['Tên hội nghị', 'Hội nghị thử tốc độ'], ...(body === null ? [] : [['Cơ quan', body]]), ['Ngày', '13/12/2023'], ['Số người được triệu tập', ballots], ['Số người có mặt', ballots], ['Số phiếu phát ra', ballots], ['Số phiếu thu về', ballots]];
}

export async function writeCsvSet(dir, ballots, cadres, seed) {
  await mkdir(dir, { recursive: true });
  const people = leaders(cadres);
  await writeFile(join(dir, 'danh-sach.csv'), ['STT,Mã,Họ và tên,Chức vụ', ...people.map((p) => `${p.stt},${p.id},${p.name},${p.position}`)].join('\n') + '\n');
  await writeFile(join(dir, 'hoi-nghi.csv'), sessionValues(ballots).map((r) => r.join(',')).join('\n') + '\n');
  const out = createWriteStream(join(dir, 'phieu.csv'));
  const write = (s) => (out.write(s) ? Promise.resolve() : new Promise((res) => out.once('drain', res)));
  await write(`Số phiếu,${people.map((p) => p.id).join(',')}\n`);
  let buf = '';
  for (const row of ballotRows(ballots, cadres, seed)) {
    buf += `${row.map((v) => (v === null ? '' : v)).join(',')}\n`;
    if (buf.length > 1 << 16) {
      await write(buf);
      buf = '';
    }
  }
  await write(buf);
  await new Promise((res) => out.end(res));
}

function* sheetXml(rows) {
  yield `${XML_DECLARATION}${SHEET_START}`;
  let r = 0;
  for (const row of rows) yield rowXml(++r, row);
  yield SHEET_END;
}

/** A minimal XLSX: entries deflated as streams, sizes and CRC in data descriptors. */
export async function writeXlsx(path, sheets) {
  const out = createWriteStream(path);
  let offset = 0;
  const central = [];
  const write = (buf) => {
    offset += buf.length;
    return out.write(buf) ? Promise.resolve() : new Promise((res) => out.once('drain', res));
  };
  const entry = async (name, chunks) => {
    const nameBuf = Buffer.from(name);
    const start = offset;
    await write(localHeader(nameBuf, { flags: DATA_DESCRIPTOR }));
    await write(nameBuf);
    let crc = 0;
    let size = 0;
    let compressed = 0;
    const deflate = createDeflateRaw({ level: 6 });
    const pending = [];
    deflate.on('data', (d) => pending.push(d));
    const flushPending = async () => {
      while (pending.length > 0) {
        const d = pending.shift();
        compressed += d.length;
        await write(d);
      }
    };
    for (const text of chunks) {
      const b = Buffer.from(text);
      crc = crc32(b, crc);
      size += b.length;
      if (!deflate.write(b)) await new Promise((res) => deflate.once('drain', res));
      await flushPending();
    }
    const ended = new Promise((res) => deflate.once('end', res));
    deflate.end();
    await ended;
    await flushPending();
    const desc = Buffer.alloc(16);
    desc.writeUInt32LE(0x08074b50, 0);
    desc.writeUInt32LE(crc >>> 0, 4);
    desc.writeUInt32LE(compressed, 8);
    desc.writeUInt32LE(size, 12);
    await write(desc);
    central.push({ nameBuf, crc: crc >>> 0, compressed, size, start });
  };
  await entry('[Content_Types].xml', [
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>${sheets.map((_, i) => `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`).join('')}</Types>`,
  ]);
  await entry('_rels/.rels', ['<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>']);
  await entry('xl/workbook.xml', [`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>${sheets.map((s, i) => `<sheet name="${esc(s.name)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join('')}</sheets></workbook>`]);
  await entry('xl/_rels/workbook.xml.rels', [`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${sheets.map((_, i) => `<Relationship Id="rId${i + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`).join('')}</Relationships>`]);
  for (const [i, s] of sheets.entries()) await entry(`xl/worksheets/sheet${i + 1}.xml`, sheetXml(s.rows));
  const dirStart = offset;
  for (const c of central) {
    await write(centralHeader(c.nameBuf, { flags: DATA_DESCRIPTOR, crc: c.crc, compressed: c.compressed, size: c.size, offset: c.start }));
    await write(c.nameBuf);
  }
  await write(endRecord(central.length, offset - dirStart, dirStart));
  await new Promise((res) => out.end(res));
}

/** `unit`: a body for the session and its own people (a round of units, for `tally summary`). */
export async function writeWorkbook(path, ballots, cadres, seed, unit = null) {
  await mkdir(dirname(path), { recursive: true });
  const people = leaders(cadres).map((p) => (unit === null ? p : { ...p, id: `${unit.code}-${p.id}`, name: `${p.name} ${unit.code}` }));
  await writeXlsx(path, [
    { name: 'Danh sách', rows: [['STT', 'Mã', 'Họ và tên', 'Chức vụ'], ...people.map((p) => [p.stt, p.id, p.name, p.position])] },
    { name: 'Hội nghị', rows: sessionValues(ballots, unit?.body ?? null) },
    { name: 'Phiếu', rows: (function* () { yield ['Số phiếu', ...people.map((p) => p.id)]; yield* ballotRows(ballots, cadres, seed); })() },
  ]);
}

/** A round of `units` units, each a workbook of `ballots` ballots × `cadres` leaders with its own body and people. */
export async function writeRound(dir, units, ballots, cadres, seed) {
  for (let i = 0; i < units; i++) {
    const code = `DV${String(i + 1).padStart(4, '0')}`;
    await writeWorkbook(join(dir, `don-vi-${String(i + 1).padStart(4, '0')}.xlsx`), ballots, cadres, seed + i, { code, body: `Đảng ủy đơn vị ${i + 1}` });
  }
}
