import { it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generate } from './session.js';
import { ALL_FORMS } from './forms.js';
import { Rng } from './prng.js';
it('probe', async () => {
  const seed = Number(process.env['SEED']); const name = process.env['FORM'] as string;
  const s = generate(seed); const f = ALL_FORMS.find((x) => x.name === name)!;
  const dir = mkdtempSync(join(tmpdir(), 'probe-'));
  const b = await f.build(s, new Rng(`${seed}/${f.name}`), dir);
  for (const [n, bytes] of Object.entries(b.files)) writeFileSync(join(dir, n), bytes);
  console.log('DIR', dir, b.args.join(' '));
});
