// npm run variants -- --seeds N [--from S] [--form TEXT] [--verbose]
// The metamorphic suite of test/metamorphic on many seeds: every equivalent form of each
// generated session through the real program, compared with the independent oracle. The
// TypeScript is bundled with esbuild (the program's sources with it, as the tests run them),
// dependencies left in node_modules. Exit 1 when any (seed, form) failed.
import { build } from 'esbuild';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const outdir = join('node_modules', '.cache', 'tally-variants');
mkdirSync(outdir, { recursive: true });
const outfile = join(outdir, 'variants.mjs');
await build({
  entryPoints: ['test/metamorphic/variants-cli.ts'],
  outfile,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  packages: 'external',
  logLevel: 'warning',
  sourcemap: 'inline',
});
const { variants } = await import(pathToFileURL(outfile).href);
process.exitCode = await variants(process.argv.slice(2));
