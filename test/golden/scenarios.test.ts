// Scenario folders under fixtures/scenarios: inputs, cases.json (arguments and exit code) and
// expected results worked out by hand (each folder's README shows the arithmetic).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tally } from '../cli/run.js';
import { pick } from '../helpers.js';

const ROOT = join(import.meta.dirname, '..', '..', 'fixtures', 'scenarios');

interface Case {
  args: string[];
  expected: string;
  exit: number;
}

for (const name of readdirSync(ROOT)) {
  const dir = join(ROOT, name);
  const cases = JSON.parse(readFileSync(join(dir, 'cases.json'), 'utf8')) as Case[];
  describe(`scenario ${name}`, () => {
    it.each(cases)('$args → $expected', async (c) => {
      const args = c.args.map((a) => (a.startsWith('--') ? a : join(dir, a)));
      const r = await tally([...args, '--json']);
      expect(r.code).toBe(c.exit);
      const expected = JSON.parse(readFileSync(join(dir, c.expected), 'utf8'));
      expect(pick(JSON.parse(r.stdout), expected)).toEqual(expected);
    });
  });
}
