// npm run fuzz [-- --cases N] [--seed S] [--minutes M]: mutated inputs through the whole
// program (scripts/fuzz-lib.mjs). Every finding is kept in fixtures/fuzz/crashes, where the
// tests replay it from then on. Exits 1 when anything was found.
import { runCases, makeCase, saveCrash, SEEDS } from './fuzz-lib.mjs';

const arg = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const cases = arg('cases', 5000);
const seed = arg('seed', Date.now() % 1_000_000);
const deadline = Date.now() + arg('minutes', 30) * 60_000;

console.log(`fuzzing: up to ${cases} cases, seed ${seed}, ${SEEDS.length} seeds`);
let done = 0;
const found = [];
const started = Date.now();
for (let start = 0; start < cases && Date.now() < deadline; start += 100) {
  const batch = Array.from({ length: Math.min(100, cases - start) }, (_, k) => makeCase((start + k) % SEEDS.length, seed * 100_000 + start + k));
  const findings = await runCases(batch, {
    onResult: (c, result, why) => {
      done++;
      if (why !== null) console.log(`  FOUND ${why}: ${c.seed} (case ${c.caseSeed}, ${c.target} mutated)`);
    },
  });
  for (const f of findings) {
    const kept = saveCrash(f);
    found.push(kept ?? `(${f.why}, as one kept before)`);
  }
  process.stdout.write(`  ${done} cases, ${found.length} found, ${((Date.now() - started) / 1000).toFixed(0)} s\r`);
}
console.log(`\n${done} cases run, ${found.length} found${found.length > 0 ? `: kept in fixtures/fuzz/crashes (${found.join(', ')})` : ''}`);
process.exitCode = found.length > 0 ? 1 : 0;
