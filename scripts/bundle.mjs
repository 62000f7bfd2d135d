// Bundles the compiled CLI (dist/cli/main.js and what it imports) into one CommonJS file,
// dist/tally.cjs, and the check worker into dist/check-worker.cjs: loading one file instead of ~50 modules, and as CommonJS, saves a
// noticeable part of every run's start-up (see npm run bench). exceljs stays outside, loaded
// only to write workbooks; docx likewise, only to write the minutes.
import { readFileSync, writeFileSync } from 'node:fs';
import { build } from 'esbuild';
import { asciiOnly } from './ascii.mjs';

// Two modules the bundle must not carry (test/secrecy.test.ts): commander requires
// child_process for executable subcommands, which tally has none of; cli-table3 requires
// @colors/colors only to colour with it, and its colours are off (src/report/table.ts).
const stubs = {
  name: 'stubs',
  setup(b) {
    b.onResolve({ filter: /^(node:)?child_process$/ }, (a) => (/node_modules[\\/]commander[\\/]/.test(a.importer) ? { path: 'child_process', namespace: 'stub' } : undefined));
    b.onResolve({ filter: /^@colors\/colors(\/safe)?$/ }, () => ({ path: 'colors', namespace: 'stub' }));
    b.onLoad({ filter: /.*/, namespace: 'stub' }, (a) => ({
      contents:
        a.path === 'colors'
          ? 'module.exports = new Proxy({}, { get: () => (s) => s });'
          : "const refuse = () => { throw new Error('tally starts no other program'); };\nmodule.exports = { spawn: refuse, execFile: refuse };",
      loader: 'js',
    }));
  },
};

const common = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  external: ['exceljs', 'docx', 'pdfkit', 'qrcode'],
  plugins: [stubs],
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
for (const file of ['dist/tally.cjs', 'dist/check-worker.cjs']) writeFileSync(file, asciiOnly(readFileSync(file, 'utf8'), file));

