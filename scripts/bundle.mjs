// Bundles the compiled CLI (dist/cli/main.js and what it imports) into one CommonJS file,
// dist/tally.cjs, and the check worker into dist/check-worker.cjs: loading one file instead of ~50 modules, and as CommonJS, saves a
// noticeable part of every run's start-up (see npm run bench). exceljs stays outside, loaded
// only to write workbooks.
import { build } from 'esbuild';

const common = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  // cli-table3's colours are switched off (style: { head: [], border: [] }): @colors/colors is never loaded.
  external: ['exceljs', '@colors/colors', '@colors/colors/safe'],
  // The check pool finds its worker beside the bundle.
  inject: ['scripts/import-meta-url.js'],
  define: { 'import.meta.url': 'importMetaUrl' },
  logLevel: 'warning',
  // Less to parse at every start; names kept, so a --debug stack trace still reads.
  minifyWhitespace: true,
  minifySyntax: true,
};
await build({ ...common, entryPoints: ['dist/cli/main.js'], outfile: 'dist/tally.cjs' });
// The worker thread of `tally check`, bundled the same way: each worker starts sooner.
await build({ ...common, entryPoints: ['dist/check/worker.js'], outfile: 'dist/check-worker.cjs' });
