// The regimes table of README.md is the registry (src/rules/regimes.ts) written out, never typed
// by hand: one row per entry, its names, instrument and articles, denominator, thresholds as the
// integer tests they are, and its band words. Run after a build:
//   node scripts/regimes-table.mjs          rewrite the table in README.md
//   node scripts/regimes-table.mjs --check  exit 1 when the table differs from the registry
import { writeReadmeBlock } from './readme-block.mjs';
import { join } from 'node:path';
import { REGIME_LIST } from '../dist/rules/regimes.js';

const README = join(import.meta.dirname, '..', 'README.md');
const BEGIN = '<!-- regimes: written by scripts/regimes-table.mjs from src/rules/regimes.ts -->';
const END = '<!-- /regimes -->';
const BASIS = { returned: 'ballots returned', issued: 'ballots issued', present: 'people present', convened: 'deputies convened', valid: "each leader's valid lines" };

/** `count/T > num/den` as the integer test it is: `2L > T`, `3L ≥ 2T`. */
const test = ({ num, den, inclusive }) => `${den}L ${inclusive ? '≥' : '>'} ${num === 1 ? '' : num}T`;
const band = (rule) => (rule === null ? '—' : `\`${test(rule.threshold)}\`: ${rule.label.vi}`);

export function regimesTable() {
  const rows = REGIME_LIST.map(
    (r, i) => `| \`${r.id}\`${i === 0 ? ' (default)' : ''} | ${r.aliases.map((a) => `\`${a}\``).join(', ')} | ${r.instrument.en}; ${r.citation.en} | ${BASIS[r.defaultBasis] ?? r.defaultBasis}${r.basisFixed ? ' (fixed)' : ''} | ${band(r.review)} | ${band(r.dismissal)} |`,
  );
  return [BEGIN, '| regime | also written | instrument; thresholds from | denominator T | review (lower band), from | dismissal (upper band), from |', '|---|---|---|---|---|---|', ...rows, END].join('\n');
}

writeReadmeBlock(README, BEGIN, END, regimesTable(), 'the regimes table differs from src/rules/regimes.ts; run node scripts/regimes-table.mjs after a build');
