// Scenario folders under fixtures/scenarios: inputs, cases.json (arguments and exit code) and
// expected results worked out by hand (each folder's README shows the arithmetic).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tally } from '../cli/run.js';
import { pick } from '../helpers.js';

const FIXTURES = join(import.meta.dirname, '..', '..', 'fixtures');
const ROOTS = [join(FIXTURES, 'scenarios'), join(FIXTURES, 'corpus')];

interface Case {
  args: string[];
  exit: number;
  /** Expected JSON (subset), for runs that print a document. */
  expected?: string;
  /** Expected text on stderr, for usage errors (exit 2). */
  stderr?: string;
}

interface Rows {
  rowsRead: number;
  countedRows: number;
  rowsWithErrors: number;
  nonBallot: Record<string, number>;
  rejected: number;
}

for (const root of ROOTS) {
  for (const name of readdirSync(root)) {
    const dir = join(root, name);
    const cases = JSON.parse(readFileSync(join(dir, 'cases.json'), 'utf8')) as Case[];
    describe(`${root.endsWith('corpus') ? 'corpus' : 'scenario'} ${name}`, () => {
      it.each(cases)('$args → exit $exit', async (c) => {
        // An argument after a value-taking option, or a file name, is a path inside the folder.
        const args = c.args.map((a, i) => (a.startsWith('--') || /^--(returned|issued|present|convened|regime|denominator)$/.test(c.args[i - 1] ?? '') ? a : join(dir, a)));
        const r = await tally([...args, '--json']);
        expect(r.stderr).not.toMatch(/\n\s+at /); // never a stack trace
        expect(r.code).toBe(c.exit);
        if (c.stderr !== undefined) expect(r.stderr).toContain(c.stderr);
        if (c.expected === undefined) return;
        const doc = JSON.parse(r.stdout);
        const expected = JSON.parse(readFileSync(join(dir, c.expected), 'utf8'));
        expect(pick(doc, expected)).toEqual(expected);
        // Nothing lost: every row read is counted, or reported with why it is not.
        for (const rows of doc.rows as Rows[]) {
          const non = Object.values(rows.nonBallot).reduce((a, b) => a + b, 0);
          expect(rows.rowsRead, `${rows.rowsRead} rows read`).toBe(rows.countedRows + rows.rowsWithErrors + non + rows.rejected);
        }
      });
    });
  }
}
