// Bundles the compiled CLI (dist/cli/main.js and what it imports) into one file, dist/tally.mjs:
// loading one module instead of ~45 saves a noticeable part of every run's start-up (see
// npm run bench). exceljs stays outside, loaded only to write workbooks.
import { build } from 'esbuild';

await build({
  entryPoints: ['dist/cli/main.js'],
  outfile: 'dist/tally.mjs',
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  external: ['exceljs'],
  logLevel: 'warning',
});
