// Prints the figures of bench/results.json (or the file named) as the Markdown tables the
// README quotes: every measurement, then every target. `node bench/table.mjs [results.json]`.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const file = process.argv[2] ?? join(fileURLToPath(import.meta.url), '..', 'results.json');
const results = JSON.parse(readFileSync(file, 'utf8'));

const seconds = (x) => x >= 10_000;
const num = (x, s) => (s ? (x / 1000).toFixed(1) : Math.round(x).toLocaleString('en-US'));
const ms = (x) => `${num(x, seconds(x))} ${seconds(x) ? 's' : 'ms'}`;
const range = (a, b) => `${num(a, seconds(b))}–${num(b, seconds(b))} ${seconds(b) ? 's' : 'ms'}`;
const mb = (x) => (x === null ? '—' : `${Math.round(x)} MB`);
/** A table cell: a pipe in a command would end it. */
const cell = (text) => text.replaceAll('|', '\\|');

const lines = [
  `${results.date.slice(0, 10)}, Node ${results.node}, ${results.cpus} cores${results.quick ? ' (quick run)' : ''}.`,
  '',
  '| command | runs | median | min–max | peak RSS |',
  '|---|---:|---:|---:|---:|',
  ...Object.values(results.measurements).map((m) => `| ${cell(m.label)} | ${m.runs} | ${ms(m.medianMs)} | ${range(m.minMs, m.maxMs)} | ${mb(m.peakRssMb)} |`),
  '',
  '| target | measured | limit | |',
  '|---|---:|---:|---|',
  ...results.targets.map((t) => `| ${cell(t.name)} | ${t.value.toFixed(2)} | ${t.limit} | ${t.pass ? 'met' : '**not met**'} |`),
];
console.log(lines.join('\n'));
