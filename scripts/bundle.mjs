// Bundles the compiled CLI (dist/cli/main.js and what it imports) into one CommonJS file,
// dist/tally.cjs: loading one file instead of ~50 modules, and as CommonJS, saves a
// noticeable part of every run's start-up (see npm run bench). exceljs stays outside, loaded
// only to write workbooks.
import { build } from 'esbuild';

await build({
  entryPoints: ['dist/cli/main.js'],
  outfile: 'dist/tally.cjs',
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  external: ['exceljs'],
  // The check pool finds its worker beside the bundle.
  inject: ['scripts/import-meta-url.js'],
  define: { 'import.meta.url': 'importMetaUrl' },
  logLevel: 'warning',
});
