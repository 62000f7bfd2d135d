// The clerk's guide (HUONG-DAN.md) shows the program's real output: its terminal excerpts are
// run again here against the built program (scripts/guide.mjs) and must match.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..');

describe('HUONG-DAN.md', () => {
  it('every terminal excerpt is what the built program prints (node scripts/guide.mjs rewrites them)', () => {
    const r = spawnSync(process.execPath, [join(ROOT, 'scripts', 'guide.mjs'), '--check'], { encoding: 'utf8' });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
  }, 60_000);
});
