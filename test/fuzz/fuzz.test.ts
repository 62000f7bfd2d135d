// Fuzzing in the test suite: a short run with a fixed seed over every kind of input (the long
// run is `npm run fuzz`), and every finding ever kept in fixtures/fuzz/crashes replayed.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
// @ts-expect-error: a plain ES module script, without type declarations
import { CRASHES, makeCase, runCases, SEEDS } from '../../scripts/fuzz-lib.mjs';

interface Finding {
  readonly case: { readonly seed: string; readonly caseSeed: number; readonly target: string };
  readonly why: string;
  readonly stderr: string;
}
const describeFindings = (fs: readonly Finding[]) => fs.map((f) => `${f.why}: ${f.case.seed} case ${f.case.caseSeed} (${f.case.target} mutated)\n${f.stderr.slice(0, 400)}`);

function readTree(dir: string, base = dir): Record<string, Buffer> {
  const out: Record<string, Buffer> = {};
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) Object.assign(out, readTree(p, base));
    else out[relative(base, p)] = readFileSync(p);
  }
  return out;
}

describe('fuzzing', () => {
  it('600 mutated inputs of every kind end in 0, 1 or 2 with a message, never a crash or a hang', async () => {
    const cases = Array.from({ length: 600 }, (_, k) => makeCase(k % SEEDS.length, 20_261_121 + k));
    const findings: Finding[] = await runCases(cases);
    expect(describeFindings(findings)).toEqual([]);
  }, 240_000);

  it('every finding ever kept is handled now', async () => {
    const kept = existsSync(CRASHES) ? readdirSync(CRASHES) : [];
    const cases = kept.map((name: string) => {
      const meta = JSON.parse(readFileSync(join(CRASHES, name, 'case.json'), 'utf8'));
      return { seed: meta.seed, caseSeed: meta.caseSeed, target: meta.mutated, args: meta.args, files: readTree(join(CRASHES, name, 'files')) };
    });
    const findings: Finding[] = await runCases(cases);
    expect(describeFindings(findings)).toEqual([]);
  }, 240_000);
});
