// Large inputs are read as streams: a workbook whose ballot sheet is too big to read whole, and
// a CSV read in chunks, give the same document as each other (the same seeded ballots).
import { copyFileSync, mkdtempSync, readFileSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
// @ts-expect-error: a plain ES module of the benchmark, without type declarations
import { writeCsvSet, writeWorkbook } from '../../bench/generate.mjs';
import { ZipFile } from '../../src/read/zip.js';
import { openBallotInput } from '../../src/read/files.js';
import type { RowSource } from '../../src/read/source.js';
import { tally } from '../cli/run.js';

const dir = mkdtempSync(join(tmpdir(), 'tally-stream-'));
const BALLOTS = 15_000;

beforeAll(async () => {
  await writeWorkbook(join(dir, 'lon.xlsx'), BALLOTS, 40, 7);
  await writeCsvSet(join(dir, 'lon'), BALLOTS, 40, 7);
}, 60_000);

describe('streamed inputs', () => {
  it('a ballot sheet over the size read whole is streamed, with the same result as the CSV', async () => {
    const zip = await ZipFile.open(join(dir, 'lon.xlsx'));
    const sheet = zip.entries.get('xl/worksheets/sheet3.xml');
    await zip.close();
    expect(sheet?.compressedSize).toBeGreaterThan(1024 * 1024);
    const x = await tally([join(dir, 'lon.xlsx'), '--json']);
    const c = await tally([join(dir, 'lon', 'phieu.csv'), '--roster', join(dir, 'lon', 'danh-sach.csv'), '--session', join(dir, 'lon', 'hoi-nghi.csv'), '--json']);
    expect(x.code).toBe(0);
    expect(c.code).toBe(0);
    const [a, b] = [JSON.parse(x.stdout), JSON.parse(c.stdout)];
    expect(a.cadres).toEqual(b.cadres);
    expect(a.ballotTypes).toEqual(b.ballotTypes);
    expect(a.ballotTypes[0].returned).toBe(BALLOTS);
    expect(a.rows[0]).toMatchObject({ rowsRead: BALLOTS + 1, countedRows: BALLOTS });
    expect(b.rows[0]).toMatchObject({ rowsRead: BALLOTS + 1, countedRows: BALLOTS });
    expect(statSync(join(dir, 'lon', 'phieu.csv')).size).toBeGreaterThan(64 * 1024); // read in many chunks
  }, 60_000);

  it('a file changed while it is read is refused, CSV or workbook', async () => {
    for (const name of ['phieu.csv', 'lon.xlsx']) {
      const path = join(dir, `changing-${name}`);
      copyFileSync(name === 'phieu.csv' ? join(dir, 'lon', 'phieu.csv') : join(dir, 'lon.xlsx'), path);
      const opened = await openBallotInput(path);
      const source = opened.stream ?? opened.sources?.find((s) => s.name === 'Phiếu');
      expect(source).toBeDefined();
      // After the first reading (the hash), before the rows are read: another program writes.
      const bytes = readFileSync(path);
      bytes[bytes.length - 3] ^= 1;
      writeFileSync(path, bytes);
      utimesSync(path, new Date(), new Date(Date.now() + 5000));
      const read = async () => {
        for await (const batch of (source as RowSource).batches()) void batch;
      };
      await expect(read()).rejects.toMatchObject({ reason: 'changed', path });
    }
  }, 60_000);
});
