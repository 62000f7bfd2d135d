// A template the clerk opened and saved, a report edited in an office suite: saved by another
// program, the file is no longer the one this tool wrote, and is never replaced unasked. The
// real program does the saving here (LibreOffice, as a clerk without Microsoft Office would).
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { expect, it } from 'vitest';
import { describeNeeding } from '../programs.js';
import { tally } from './run.js';

describeNeeding('soffice')('saved by LibreOffice', () => {
  it('a template saved again is refused; the one as written is replaced', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tally-saved-'));
    const out = join(dir, 'phieu-tin-nhiem.xlsx');
    expect((await tally(['template', '-o', out])).code).toBe(0);
    expect((await tally(['template', '-o', out])).code).toBe(0);
    const saved = join(dir, 'da-luu');
    execFileSync('soffice', [`-env:UserInstallation=${pathToFileURL(join(dir, 'lo-profile')).href}`, '--headless', '--convert-to', 'xlsx', '--outdir', saved, out], { timeout: 120_000, stdio: 'ignore' });
    copyFileSync(join(saved, 'phieu-tin-nhiem.xlsx'), out);
    const before = readFileSync(out);
    const r = await tally(['template', '-o', out]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`Không ghi đè tệp ${out}`);
    expect(readFileSync(out)).toEqual(before);
  }, 180_000);
});
