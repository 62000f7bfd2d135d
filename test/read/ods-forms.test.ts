// The metamorphic suite's workbook forms passed through LibreOffice itself (issue 20): the
// form's .xlsx converted by `soffice --convert-to ods`, which writes its repeats, spans and
// styles its own way, must give exactly the oracle's figures too.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { expect } from 'vitest';
import { needs } from '../programs.js';
import { EQUIVALENT, type Built } from '../metamorphic/forms.js';
import { report, runBuilt } from '../metamorphic/harness.js';
import { Rng } from '../metamorphic/prng.js';
import { generate } from '../metamorphic/session.js';

/** Seed 16 has two ballot types; 7 codes as ids and void ballots (metamorphic.test.ts). */
const CASES: readonly (readonly [number, string])[] = [
  [16, 'xlsx-all-variations-combined'],
  [7, 'xlsx-workbook-date-cell-1904-system (Excel for Mac)'],
];

needs('soffice')(
  'workbook forms converted to .ods by LibreOffice give the oracle’s figures',
  async () => {
    for (const [seed, name] of CASES) {
      const session = generate(seed);
      {
        const form = EQUIVALENT.find((f) => f.name === name);
        if (form === undefined) throw new Error(`no form ${name}`);
        const outcome = await runBuilt(seed, `${name} → LibreOffice .ods`, session, async (dir): Promise<Built> => {
          const built = await form.build(session, new Rng(`${seed}/${name}`), dir);
          const work = mkdtempSync(join(tmpdir(), 'tally-lo-'));
          try {
            writeFileSync(join(work, 'hoi-nghi.xlsx'), built.files['hoi-nghi.xlsx'] as Buffer);
            execFileSync('soffice', [`-env:UserInstallation=${pathToFileURL(join(work, 'profile')).href}`, '--headless', '--convert-to', 'ods', '--outdir', work, join(work, 'hoi-nghi.xlsx')], { timeout: 120_000, stdio: 'ignore' });
            const e = built.expect;
            return {
              files: { 'hoi-nghi.ods': readFileSync(join(work, 'hoi-nghi.ods')) },
              args: built.args.map((a) => a.replace(/hoi-nghi\.xlsx$/, 'hoi-nghi.ods')),
              expect: e.kind === 'ok' && e.rows !== undefined ? { ...e, rows: e.rows.map((r) => ({ ...r, file: 'hoi-nghi.ods' })) } : e,
              sketch: `${built.sketch}\n(converted by soffice --convert-to ods)`,
            };
          } finally {
            rmSync(work, { recursive: true, force: true });
          }
        });
        if (outcome.failure !== null) expect.fail(report(outcome));
      }
    }
  },
  300_000,
);
