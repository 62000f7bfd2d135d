// A README block written from a registry: the text between its BEGIN and END markers replaced
// by `block` (node scripts/…-table.mjs), or, with --check, exit 1 when it differs (a test runs
// that, so a registry changed without its README block fails).
import { readFileSync, writeFileSync } from 'node:fs';

export function writeReadmeBlock(readme, begin, end, block, what) {
  const text = readFileSync(readme, 'utf8');
  const at = text.indexOf(begin);
  const to = text.indexOf(end);
  if (at < 0 || to < at) {
    console.error(`README.md: no ${begin} … ${end} block`);
    process.exit(1);
  }
  const next = `${text.slice(0, at)}${block}${text.slice(to + end.length)}`;
  if (process.argv.includes('--check')) {
    if (next !== text) {
      console.error(`README.md: ${what}`);
      process.exit(1);
    }
  } else writeFileSync(readme, next);
}
