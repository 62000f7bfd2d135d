// The terminal excerpts of HUONG-DAN.md come from the built program, never typed by hand.
// Every ```console block of the guide holds commands (lines starting with "> ") each followed by
// what the program printed (stdout and stderr as they interleave on a console). This script
// runs the commands in document order, in a fresh folder laid out like the release's (the
// sample folder of scripts/sample-folder.mjs), and writes the output under each command.
//   node scripts/guide.mjs          rewrite the excerpts in HUONG-DAN.md
//   node scripts/guide.mjs --check  exit 1 when an excerpt differs from the program's output
// `tally` runs bin/tally.js (the same bundle the release executable carries); `echo %ERRORLEVEL%`
// prints the exit code of the command before it, as cmd.exe does.
import { spawnSync } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeSampleFolders } from './sample-folder.mjs';

const ROOT = join(import.meta.dirname, '..');
const GUIDE = join(ROOT, 'HUONG-DAN.md');
const BIN = join(ROOT, 'bin', 'tally.js');

/** Splits a command line as cmd.exe would for these simple cases: spaces, "double quotes". */
function words(line) {
  return [...line.matchAll(/"([^"]*)"|(\S+)/g)].map((m) => m[1] ?? m[2]);
}

export function renderGuide(text) {
  const dir = mkdtempSync(join(tmpdir(), 'tally-guide-'));
  writeSampleFolders(dir);
  let last = 0;
  const run = (line) => {
    const [cmd, ...args] = words(line);
    if (cmd === 'echo' && args[0] === '%ERRORLEVEL%') return `${last}\n`;
    if (cmd !== 'tally') throw new Error(`HUONG-DAN.md: only tally and echo %ERRORLEVEL% run here: ${line}`);
    const log = join(dir, '.output');
    const fd = openSync(log, 'w');
    const r = spawnSync(process.execPath, [BIN, ...args], { cwd: dir, stdio: ['ignore', fd, fd], env: { PATH: process.env.PATH ?? '', NO_COLOR: '1' } });
    closeSync(fd);
    last = r.status ?? -1;
    const out = readFileSync(log, 'utf8');
    return out === '' || out.endsWith('\n') ? out : `${out}\n`;
  };
  try {
    return text.replace(/^```console\n([\s\S]*?)^```$/gm, (_, body) => {
      const commands = body.split('\n').filter((l) => l.startsWith('> ')).map((l) => l.slice(2));
      if (commands.length === 0) throw new Error('HUONG-DAN.md: a console block without a command');
      return `\`\`\`console\n${commands.map((c) => `> ${c}\n${run(c)}`).join('')}\`\`\``;
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const text = readFileSync(GUIDE, 'utf8');
  const fresh = renderGuide(text);
  if (process.argv.includes('--check')) {
    if (fresh !== text) {
      process.stderr.write('HUONG-DAN.md: the terminal excerpts differ from what the program prints; run node scripts/guide.mjs\n');
      process.exit(1);
    }
  } else if (fresh !== text) {
    writeFileSync(GUIDE, fresh);
    process.stderr.write('HUONG-DAN.md: excerpts rewritten\n');
  }
}
