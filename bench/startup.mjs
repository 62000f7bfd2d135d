// Start-up of the bundled CLI against `node -e 0`: each command run in turn (interleaved), so a
// machine that slows down for a while slows them alike. Medians in ms, and each median ÷ node -e 0.
// Usage: node bench/startup.mjs [rounds=21] [other-checkout]: with another built checkout (say,
// an earlier commit unpacked elsewhere), its commands take turns with these.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

const ROOT = join(import.meta.dirname, '..');
const SAMPLE = join('fixtures', 'hoi-nghi-huyen', 'hoi-nghi-huyen.xlsx');
const rounds = Number(process.argv[2] ?? 21);
const other = process.argv[3];
const tallyCommands = (bin) => ({
  'tally --version': [bin, '--version'],
  'tally sample --json': [bin, SAMPLE, '--json'],
  'tally sample (terminal)': [bin, SAMPLE],
  'tally --ouput x.xlsx': [bin, SAMPLE, '--ouput', 'x.xlsx'],
});
const commands = { 'node -e 0': ['-e', '0'], ...tallyCommands('bin/tally.js') };
if (other !== undefined) for (const [k, v] of Object.entries(tallyCommands(join(other, 'bin', 'tally.js')))) commands[`${k} [other]`] = v;
const times = Object.fromEntries(Object.keys(commands).map((k) => [k, []]));
const env = { ...process.env, NO_COLOR: '1' };
for (let i = 0; i < rounds + 1; i++) {
  for (const [name, args] of Object.entries(commands)) {
    const t = process.hrtime.bigint();
    spawnSync(process.execPath, args, { cwd: ROOT, env, stdio: 'ignore' });
    const ms = Number(process.hrtime.bigint() - t) / 1e6;
    if (i > 0) times[name].push(ms); // the first round warms the page cache
  }
}
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const base = median(times['node -e 0']);
console.log(`${rounds} interleaved rounds, Node ${process.version}`);
for (const [name, xs] of Object.entries(times)) {
  const m = median(xs);
  console.log(`${name.padEnd(34)} ${m.toFixed(1).padStart(7)} ms  (${Math.min(...xs).toFixed(0)}–${Math.max(...xs).toFixed(0)})  × ${(m / base).toFixed(2)}`);
}
