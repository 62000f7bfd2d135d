// The published JSON Schema of the --json document: kept in step with its zod source, and every
// real output of the corpus and the sample holds to it.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { tallyJsonSchema } from '../../src/report/json-schema.js';
import { SAMPLE, sampleCopy, setCell, tally } from '../cli/run.js';

const ROOT = join(import.meta.dirname, '..', '..');
const FILE = join(ROOT, 'schema', 'tally.schema.json');
const published = JSON.parse(readFileSync(FILE, 'utf8')) as Record<string, unknown>;
const schema = z.fromJSONSchema(published as Parameters<typeof z.fromJSONSchema>[0]);

async function documentOf(args: string[]) {
  const r = await tally([...args, '--json']);
  return JSON.parse(r.stdout) as Record<string, unknown>;
}

describe('schema/tally.schema.json', () => {
  it('is what the zod schema says (run `npm run schema` after changing it)', () => {
    expect(published).toEqual(JSON.parse(JSON.stringify(tallyJsonSchema())));
  });

  it('holds the sample, a data error and a session without quorum', async () => {
    const docs = [
      await documentOf([join(SAMPLE, 'hoi-nghi-huyen.xlsx')]),
      await documentOf(sampleCopy({ 'phieu.csv': (t) => setCell(t, 3, 2, 'x') }).args),
      await documentOf(sampleCopy({ 'hoi-nghi.csv': (t) => t.replace('Số người có mặt,42', 'Số người có mặt,29').replace('Số phiếu phát ra,42', 'Số phiếu phát ra,29').replace('Số phiếu thu về,41', 'Số phiếu thu về,29') }).args),
    ];
    for (const d of docs) expect(schema.safeParse(d).error).toBeUndefined();
  });

  it('holds every case of the corpus (scanner exports, adjudications, encodings, two ballot types…)', async () => {
    const corpus = join(ROOT, 'fixtures', 'corpus');
    let checked = 0;
    for (const quirk of readdirSync(corpus)) {
      const cases = JSON.parse(readFileSync(join(corpus, quirk, 'cases.json'), 'utf8')) as { args: string[] }[];
      for (const c of cases) {
        const args = c.args.map((a) => (a.startsWith('-') ? a : join(corpus, quirk, a)));
        const r = await tally([...args, '--json']);
        // Files refused outright (exit 2) print no document.
        if (r.code === 2) continue;
        expect(schema.safeParse(JSON.parse(r.stdout)).error, `${quirk} ${c.args.join(' ')}`).toBeUndefined();
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(10);
  });

  it('refuses a document that breaks it', async () => {
    const doc = await documentOf([join(SAMPLE, 'hoi-nghi-huyen.xlsx')]);
    const cadres = doc['cadres'] as { percent: { low: unknown }; band: unknown }[];
    (cadres[0] as { percent: { low: unknown } }).percent.low = '56,10%';
    expect(schema.safeParse(doc).success).toBe(false);
    (cadres[0] as { percent: { low: unknown } }).percent.low = 56.1;
    (cadres[0] as { band: unknown }).band = 'Không';
    expect(schema.safeParse(doc).success).toBe(false);
    delete doc['problems'];
    expect(schema.safeParse(doc).success).toBe(false);
  });
});
