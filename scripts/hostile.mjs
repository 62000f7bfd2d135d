// The hostile-file corpus (fixtures/hostile): files made to break a reader — zip bombs, entity
// expansion, oversized rows and cells, malformed structure. Small ones are written to
// fixtures/hostile by `node scripts/hostile.mjs`; large ones are made by the tests in a
// temporary folder with the same functions. What each must do is in fixtures/hostile/README.md.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { deflateRawSync } from 'node:zlib';
import { rowXml, SHEET_END, SHEET_START, XML_DECLARATION } from './sheet-xml.mjs';
import { zip } from './zip.mjs';

export const sheetXml = (rows, prologue = '') => `${XML_DECLARATION}${prologue}${SHEET_START}${rows.map((cells, i) => rowXml(i + 1, cells)).join('')}${SHEET_END}`;

/** A small valid session: three leaders, five ballots. */
export const ROSTER = [['STT', 'Họ và tên', 'Chức vụ'], [1, 'Nguyễn Văn An', 'Bí thư'], [2, 'Trần Thị Bình', 'Phó Bí thư'], [3, 'Lê Văn Cường', 'Chủ tịch']];
export const SESSION = [['Tên hội nghị', 'Hội nghị thử tệp độc hại'], ['Ngày', '01/11/2026'], ['Số người được triệu tập', 5], ['Số người có mặt', 5], ['Số phiếu phát ra', 5], ['Số phiếu thu về', 5]];
export const BALLOTS = [['Số phiếu', 'Nguyễn Văn An', 'Trần Thị Bình', 'Lê Văn Cường'], [1, 1, 2, 1], [2, 1, 1, 3], [3, 2, 2, 1], [4, 1, 1, 1], [5, 3, 2, 2]];

const WORKBOOK = (prologue = '') =>
  `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n${prologue}<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Danh sách" sheetId="1" r:id="rId1"/><sheet name="Hội nghị" sheetId="2" r:id="rId2"/><sheet name="Phiếu" sheetId="3" r:id="rId3"/></sheets></workbook>`;
const RELS = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${[1, 2, 3].map((i) => `<Relationship Id="rId${i}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet${i}.xml"/>`).join('')}</Relationships>`;

/** The session workbook, with any part replaced ({ name, data } or raw entries). */
export function workbook(replace = {}) {
  const parts = {
    'xl/workbook.xml': WORKBOOK(),
    'xl/_rels/workbook.xml.rels': RELS,
    'xl/worksheets/sheet1.xml': sheetXml(ROSTER),
    'xl/worksheets/sheet2.xml': sheetXml(SESSION),
    'xl/worksheets/sheet3.xml': sheetXml(BALLOTS),
    ...replace,
  };
  return zip(Object.entries(parts).map(([name, p]) => (typeof p === 'string' ? { name, data: Buffer.from(p) } : { name, ...p })));
}

/** The small files, committed in fixtures/hostile. */
export function smallFiles() {
  const zeros = deflateRawSync(Buffer.alloc(64 << 20));
  const lol = `<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;"><!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]>`;
  const nested = `${'<extra>'.repeat(100_000)}${'</extra>'.repeat(100_000)}`;
  const whole = workbook();
  return {
    // A sheet declared at almost 4 GB unzipped: refused before anything is inflated.
    'zip-bomb-declared.xlsx': workbook({ 'xl/worksheets/sheet3.xml': { raw: zeros, size: 0xfffffff0, crc: 0 } }),
    // A sheet that declares 1 KB and inflates to 64 MB of zeros: stopped past the 1 KB.
    'zip-bomb-lying.xlsx': workbook({ 'xl/worksheets/sheet3.xml': { raw: zeros, size: 1024, crc: 0 } }),
    'entity-expansion.xlsx': workbook({ 'xl/worksheets/sheet3.xml': sheetXml(BALLOTS, lol).replace('<v>1</v>', '<v>&lol3;</v>') }),
    'external-entity.xlsx': workbook({ 'xl/workbook.xml': WORKBOOK('<!DOCTYPE wb [<!ENTITY secret SYSTEM "file:///etc/passwd">]>').replace('Phiếu', 'Phiếu&secret;') }),
    // An entity used with no declaration in sight (the DOCTYPE pushed past the first 4 KB).
    'undeclared-entity.xlsx': workbook({ 'xl/worksheets/sheet2.xml': sheetXml(SESSION, `<!--${' '.repeat(8000)}-->`).replace('Hội nghị thử', 'Hội nghị &lol; thử') }),
    // 100,000 levels of elements in the workbook part: read without recursion, a valid session.
    'deeply-nested.xlsx': workbook({ 'xl/workbook.xml': WORKBOOK().replace('<sheets>', `${nested}<sheets>`) }),
    'column-past-xfd.xlsx': workbook({ 'xl/worksheets/sheet3.xml': sheetXml(BALLOTS).replace('<c r="D2">', '<c r="XFE2">') }),
    'rows-out-of-order.xlsx': workbook({ 'xl/worksheets/sheet3.xml': sheetXml(BALLOTS).replace('<row r="3">', '<row r="2">') }),
    // The last ballot on Excel's last row: a million blank rows between, reported as one run.
    'last-row.xlsx': workbook({ 'xl/worksheets/sheet3.xml': sheetXml(BALLOTS).replace('<row r="6">', '<row r="1048576">') }),
    'row-past-excel.xlsx': workbook({ 'xl/worksheets/sheet3.xml': sheetXml(BALLOTS).replace('<row r="6">', '<row r="1048577">') }),
    // A 10-million-character cell (it zips to a few KB): a row past the row limit.
    'huge-cell.xlsx': workbook({ 'xl/worksheets/sheet3.xml': sheetXml([...BALLOTS.slice(0, 2), [2, 1, 'x'.repeat(10_000_000), 1], ...BALLOTS.slice(3)]) }),
    // A 100,000-character cell: within the row limit, past Excel's 32,767 characters.
    'long-cell.xlsx': workbook({ 'xl/worksheets/sheet3.xml': sheetXml([...BALLOTS.slice(0, 2), [2, 1, 'x'.repeat(100_000), 1], ...BALLOTS.slice(3)]) }),
    'truncated.xlsx': whole.subarray(0, Math.floor(whole.length / 2)),
    'not-a-zip.xlsx': Buffer.from('PK\u0003\u0004 this is not a zip file at all'),
    'unclosed-quote.csv': Buffer.from('Số phiếu,Nguyễn Văn An\n1,1\n2,"1\n3,2\n'),
  };
}

/** Files made by the tests (not committed): the large ones, and a few that are not text. */
export function largeFiles() {
  const header = 'Số phiếu,Nguyễn Văn An,Trần Thị Bình,Lê Văn Cường\n';
  return {
    // A quote opened in the first rows and never closed, 20 MB on.
    'unclosed-quote-20mb.csv': Buffer.concat([Buffer.from(`${header}1,1,1,"1\n`), Buffer.alloc(20 << 20, '2,1,1,1\n')]),
    'million-columns.csv': Buffer.from(`${header}1${',1'.repeat(1_000_000)}\n`),
    'huge-cell-10mb.csv': Buffer.from(`${header}1,1,${'1'.repeat(10 << 20)},1\n`),
    'long-cell.csv': Buffer.from(`${header}1,1,${'1'.repeat(100_000)},1\n`),
    'nul-bytes.csv': Buffer.alloc(1 << 20),
    // Every byte value but NUL, over and over: no text file looks like this.
    'control-bytes.csv': Buffer.from(Array.from({ length: 1 << 16 }, (_, i) => 1 + (i % 255))),
    // UTF-16 without its byte order mark: half the bytes are NUL.
    'utf16-no-bom.csv': Buffer.from(header, 'utf16le'),
    // A CSV saved under a workbook's name.
    'text-named.xlsx': Buffer.from(`${header}1,1,1,1\n`),
    // The five ballots pasted 20,000 times over: 99,995 repeated ballot numbers.
    'pasted-over.csv': Buffer.from(`${header}${Array.from({ length: 20_000 }, () => BALLOTS.slice(1).map((r) => r.join(',')).join('\n')).join('\n')}\n`),
  };
}


if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const dir = join(fileURLToPath(import.meta.url), '..', '..', 'fixtures', 'hostile');
  mkdirSync(dir, { recursive: true });
  for (const [name, bytes] of Object.entries(smallFiles())) writeFileSync(join(dir, name), bytes);
  writeFileSync(join(dir, 'roster.csv'), `${ROSTER.map((r) => r.join(',')).join('\n')}\n`);
  writeFileSync(join(dir, 'session.csv'), `${SESSION.map((r) => r.join(',')).join('\n')}\n`);
  console.log(`wrote ${Object.keys(smallFiles()).length + 2} files to ${dir}`);
}
