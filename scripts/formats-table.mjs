// The formats table of README.md is the registry (src/model/formats.ts) and the commands'
// writers (src/cli/writers.ts) written out, never typed by hand: one row per format, its
// extensions, its name and which command writes it. Run after a build:
//   node scripts/formats-table.mjs          rewrite the table in README.md
//   node scripts/formats-table.mjs --check  exit 1 when the table differs from the registry
import { writeReadmeBlock } from './readme-block.mjs';
import { join } from 'node:path';
import { FORMAT_IDS, FORMATS } from '../dist/model/formats.js';
import { COMMAND_WRITERS, formatsOf } from '../dist/cli/writers.js';
import { FORMAT_TEXT } from '../dist/text/formats.js';

const README = join(import.meta.dirname, '..', 'README.md');
const BEGIN = '<!-- formats: written by scripts/formats-table.mjs from src/model/formats.ts and src/cli/writers.ts -->';
const END = '<!-- /formats -->';

export function formatsTable() {
  const commands = Object.keys(COMMAND_WRITERS);
  const head = `| format | extensions | ${commands.map((c) => `\`${c === 'tally' ? 'tally' : `tally ${c}`}\``).join(' | ')} |`;
  const rule = `|---|---|${commands.map(() => ':-:').join('|')}|`;
  const rows = FORMAT_IDS.map((id) => {
    const writes = commands.map((c) => (formatsOf(COMMAND_WRITERS[c]).includes(id) ? '✓' : ''));
    return `| ${FORMAT_TEXT.en.names[id]} — *${FORMAT_TEXT.vi.names[id]}* | ${FORMATS[id].extensions.map((e) => `\`${e}\``).join(', ')} | ${writes.join(' | ')} |`;
  });
  return [BEGIN, head, rule, ...rows, END].join('\n');
}

writeReadmeBlock(README, BEGIN, END, formatsTable(), 'the formats table differs from src/model/formats.ts and src/cli/writers.ts; run node scripts/formats-table.mjs after a build');
