// npm run bench: generates the synthetic inputs (seeded) in a temporary folder, times tally and
// the reference commands (medians, min–max, peak RSS), prints each target's ratio with pass/fail
// and writes the results as JSON. Ratios are measured within one run, the commands compared
// taking turns, so they hold on a noisy machine. Options: --quick (fewer repetitions, no 200k
// files), --out FILE.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeCsvSet, writeRound, writeWorkbook } from './generate.mjs';

const ROOT = join(fileURLToPath(import.meta.url), '..', '..');
const BIN = join(ROOT, 'bin', 'tally.js');
const quick = process.argv.includes('--quick');
const outArg = process.argv.indexOf('--out');
const outFile = outArg > 0 ? process.argv[outArg + 1] : join(ROOT, 'bench', 'results.json');
const TIME = existsSync('/usr/bin/time') ? '/usr/bin/time' : null;
const dir = mkdtempSync(join(tmpdir(), 'tally-bench-'));

/** One run of a command: wall-clock ms and peak RSS (MB, when GNU time is there). */
function runOnce(label, cmd, args, opts = {}) {
  const full = TIME === null ? [cmd, ...args] : [TIME, '-f', '%M', cmd, ...args];
  const t0 = process.hrtime.bigint();
  const r = spawnSync(full[0], full.slice(1), { encoding: 'utf8', maxBuffer: 1 << 30, shell: opts.shell ?? false, cwd: opts.cwd ?? ROOT });
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  if (r.status !== 0 && r.status !== 1 && !opts.anyExit) throw new Error(`${label}: exit ${r.status}\n${r.stderr}`);
  return { ms, rss: TIME === null ? null : Number(r.stderr.trim().split('\n').at(-1)) / 1024 };
}

/**
 * Runs the commands in turn, `n` rounds: the things compared are measured side by side, so a
 * machine that slows down for a while slows them alike. Medians, ranges and peak RSS.
 */
function measureTogether(specs, n) {
  const runs = specs.map(() => []);
  for (let i = 0; i < n; i++) specs.forEach((sp, k) => runs[k].push(runOnce(sp.label, sp.cmd, sp.args, sp.opts)));
  return specs.map((sp, k) => {
    const times = runs[k].map((r) => r.ms).sort((a, b) => a - b);
    const rss = runs[k].map((r) => r.rss).filter((x) => x !== null);
    const rssSorted = [...rss].sort((a, b) => a - b);
    const result = { label: sp.label, runs: n, medianMs: times[Math.floor(n / 2)], minMs: times[0], maxMs: times.at(-1), peakRssMb: rss.length ? Math.max(...rss) : null, medianRssMb: rss.length ? rssSorted[Math.floor(rss.length / 2)] : null };
    console.log(`  ${sp.label.padEnd(46)} ${result.medianMs.toFixed(0).padStart(7)} ms  (${result.minMs.toFixed(0)}–${result.maxMs.toFixed(0)})${result.peakRssMb === null ? '' : `  ${result.peakRssMb.toFixed(0)} MB`}`);
    return result;
  });
}
const spec = (label, cmd, args, opts = {}) => ({ label, cmd, args, opts });

const results = { date: new Date().toISOString(), node: process.version, cpus: cpus().length, quick, measurements: {}, targets: [] };
const m = results.measurements;
const target = (name, value, limit, pass) => {
  results.targets.push({ name, value: Number(value.toFixed(2)), limit, pass });
  console.log(`  ${pass ? 'PASS' : 'FAIL'}  ${name}: ${value.toFixed(2)} (${limit})`);
};

console.log(`tally benchmark — Node ${process.version}, ${cpus().length} cores, files in ${dir}`);
console.log('generating inputs (seeded)…');
await writeWorkbook(join(dir, 'S.xlsx'), 1000, 40, 1);
await writeCsvSet(join(dir, 'S-csv'), 1000, 40, 1);
if (!quick) {
  await writeWorkbook(join(dir, 'M.xlsx'), 100_000, 50, 2);
  await writeWorkbook(join(dir, 'L.xlsx'), 200_000, 50, 3);
  await writeCsvSet(join(dir, 'M-csv'), 100_000, 50, 2);
  await writeCsvSet(join(dir, 'L-csv'), 200_000, 50, 3);
}
// An archive of typical rounds (the issue's "typical round": 1,000 ballots × 40 leaders, a
// self-contained workbook), each with its own seed.
const checkRoot = join(dir, 'check');
const rounds = quick ? 100 : 1000;
// In two halves (check finds sessions in subfolders), so that two processes can each take one.
const half = (i) => join(checkRoot, i < rounds / 2 ? 'a' : 'b');
for (let i = 0; i < rounds; i++) await writeWorkbook(join(half(i), `r${String(i).padStart(4, '0')}.xlsx`), 1000, 40, 100 + i);

// A round for `tally summary` (issue 14): 1,000 units, each a session of 300 ballots × 30
// leaders with its own body and people.
const roundRoot = join(dir, 'round');
const roundOut = join(dir, 'round-out');
await writeRound(roundRoot, 1000, 300, 30, 5000);
mkdirSync(roundOut, { recursive: true });

const n = quick ? 5 : 11;
const big = quick ? 0 : 5;
console.log('\ntypical round, 1,000 × 40 XLSX');
[m.nodeStart, m.typicalJson, m.typicalXlsx, m.typicalCsv] = measureTogether(
  [
    spec('node -e 0', process.execPath, ['-e', '0']),
    spec('tally S.xlsx --json', process.execPath, [BIN, join(dir, 'S.xlsx'), '--json']),
    spec('tally S.xlsx', process.execPath, [BIN, join(dir, 'S.xlsx')]),
    spec('tally S-csv/phieu.csv …', process.execPath, [BIN, join(dir, 'S-csv', 'phieu.csv'), '--roster', join(dir, 'S-csv', 'danh-sach.csv'), '--session', join(dir, 'S-csv', 'hoi-nghi.csv')]),
  ],
  n,
);

if (!quick) {
  console.log('\n200,000 × 50 XLSX');
  [m.unzipL, m.tallyL, m.tallyM] = measureTogether(
    [
      spec('unzip -p L.xlsx sheet3.xml | wc -c', 'sh', ['-c', `unzip -p '${join(dir, 'L.xlsx')}' xl/worksheets/sheet3.xml | wc -c`]),
      spec('tally L.xlsx', process.execPath, [BIN, join(dir, 'L.xlsx')]),
      spec('tally M.xlsx (100,000 × 50)', process.execPath, [BIN, join(dir, 'M.xlsx')]),
    ],
    big,
  );
  [m.tallyLjson] = measureTogether([spec('tally L.xlsx --json', process.execPath, [BIN, join(dir, 'L.xlsx'), '--json'])], big);
  [m.exceljsL] = measureTogether([spec('exceljs streaming reader, L.xlsx', process.execPath, [join(ROOT, 'bench', 'exceljs-read.mjs'), join(dir, 'L.xlsx')])], 1);
  console.log('\n200,000 × 50 CSV');
  const csvArgs = (d) => [BIN, join(dir, d, 'phieu.csv'), '--roster', join(dir, d, 'danh-sach.csv'), '--session', join(dir, d, 'hoi-nghi.csv')];
  [m.naiveL, m.tallyLcsv, m.tallyMcsv] = measureTogether(
    [
      spec('naive byte scan of L.csv', process.execPath, [join(ROOT, 'bench', 'naive-scan.mjs'), join(dir, 'L-csv', 'phieu.csv')]),
      spec('tally L.csv', process.execPath, csvArgs('L-csv')),
      spec('tally M.csv (100,000 × 50)', process.execPath, csvArgs('M-csv')),
    ],
    9,
  );
}
console.log(`\ntally check over ${rounds} typical rounds (1,000 × 40 XLSX)`);
// The third command is the machine's own limit, with no pool: two processes, each checking
// half of the rounds with one thread. --jobs 2 cannot beat it; how far it stays behind is the
// pool's cost, and how far it is from half of --jobs 1 is the machine's.
const halves = ['a', 'b'].map((h) => `'${process.execPath}' '${BIN}' check '${join(checkRoot, h)}' --jobs 1 --json > /dev/null`);
[m.check1, m.check2, m.checkHalves] = measureTogether(
  [
    spec('tally check --jobs 1', process.execPath, [BIN, 'check', checkRoot, '--jobs', '1', '--json'], { anyExit: true }),
    spec('tally check --jobs 2', process.execPath, [BIN, 'check', checkRoot, '--jobs', '2', '--json'], { anyExit: true }),
    spec('two processes, half each, --jobs 1', 'sh', ['-c', `${halves[0]} & ${halves[1]}; wait`], { anyExit: true }),
  ],
  quick ? 1 : 5,
);
console.log(`  this machine's ceiling for two threads: --jobs 1 ÷ two processes = ${(m.check1.medianMs / m.checkHalves.medianMs).toFixed(2)}; the pool reaches ${((m.check1.medianMs / m.check2.medianMs) / (m.check1.medianMs / m.checkHalves.medianMs)).toFixed(2)} of it`);

console.log('\ntally summary over a round of 1,000 units (300 ballots × 30 leaders each), every report written');
[m.summaryRound] = measureTogether(
  [spec('tally summary --jobs 2 -o .xlsx -o .docx -o .html --json', process.execPath, [BIN, 'summary', roundRoot, '--jobs', '2', '-o', join(roundOut, 'tong-hop.xlsx'), '-o', join(roundOut, 'bao-cao.docx'), '-o', join(roundOut, 'bao-cao.html'), '--json'])],
  quick ? 1 : 3,
);

console.log('\ntargets');
// Issue 12: the --json path within 2.5 × node -e 0, the screen's table (cli-table3, colour) within 3 ×.
target('typical round --json ÷ node -e 0', m.typicalJson.medianMs / m.nodeStart.medianMs, '≤ 2.5', m.typicalJson.medianMs <= 2.5 * m.nodeStart.medianMs);
target('typical round, table ÷ node -e 0', m.typicalXlsx.medianMs / m.nodeStart.medianMs, '≤ 3', m.typicalXlsx.medianMs <= 3 * m.nodeStart.medianMs);
if (!quick) {
  target('L.xlsx ÷ unzip -p | wc -c', m.tallyL.medianMs / m.unzipL.medianMs, '≤ 3', m.tallyL.medianMs <= 3 * m.unzipL.medianMs);
  target('exceljs streaming ÷ L.xlsx', m.exceljsL.medianMs / m.tallyL.medianMs, '≥ 5', m.exceljsL.medianMs >= 5 * m.tallyL.medianMs);
  target('L.csv ÷ naive byte scan', m.tallyLcsv.medianMs / m.naiveL.medianMs, '≤ 5', m.tallyLcsv.medianMs <= 5 * m.naiveL.medianMs);
  if (m.tallyL.peakRssMb !== null) {
    const peak = Math.max(m.tallyL.peakRssMb, m.tallyLcsv.peakRssMb);
    target('peak RSS at 200,000 × 50 (MB)', peak, '≤ 150', peak <= 150);
    // Growth with size compares the typical run at each size (medians): the highest of a few
    // runs says more about the machine's moment than about the file's length.
    const growth = Math.max(m.tallyL.medianRssMb / m.tallyM.medianRssMb, m.tallyLcsv.medianRssMb / m.tallyMcsv.medianRssMb);
    target('median RSS at 200k ÷ at 100k (flat)', growth, '≤ 1.2', growth <= 1.2);
  }
}
target('check: --jobs 1 ÷ --jobs 2', m.check1.medianMs / m.check2.medianMs, '≥ 1.7', m.check1.medianMs >= 1.7 * m.check2.medianMs);
target('summary, 1,000 units × 300 × 30: seconds', m.summaryRound.medianMs / 1000, '< 60', m.summaryRound.medianMs < 60_000);
if (m.summaryRound.peakRssMb !== null) target('summary, 1,000 units: peak RSS (MB)', m.summaryRound.peakRssMb, '< 1024', m.summaryRound.peakRssMb < 1024);
writeFileSync(outFile, `${JSON.stringify(results, null, 2)}\n`);
console.log(`\nresults written to ${outFile}`);
rmSync(dir, { recursive: true, force: true });
