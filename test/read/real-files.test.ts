// Files as other programs write them: the same session in every encoding gives the same
// document, and a workbook saved by LibreOffice reads like the one exceljs wrote.
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { SAMPLE, tally } from '../cli/run.js';
import { needs } from '../programs.js';

const ENCODINGS = join(SAMPLE, '..', 'corpus', 'encodings');
const sessionArgs = ['--roster', join(SAMPLE, 'danh-sach.csv'), '--session', join(SAMPLE, 'hoi-nghi.csv'), '--json'];

/** The document without what names the input files. */
async function document(args: string[]) {
  const r = await tally(args);
  expect(r.code).toBe(0);
  const doc = JSON.parse(r.stdout);
  delete doc.rows;
  for (const p of doc.problems) delete p.file;
  return doc;
}

describe('one session, any encoding', () => {
  it.each(['phieu-utf16le.txt', 'phieu-utf16be.txt', 'phieu-cp1258.csv', 'phieu-utf8-semicolon.csv'])('%s tallies exactly as the UTF-8 file', async (name) => {
    const utf8 = await document([join(SAMPLE, 'phieu.csv'), ...sessionArgs]);
    expect(await document([join(ENCODINGS, name), ...sessionArgs])).toEqual(utf8);
  });
});

describe('a workbook saved by LibreOffice', () => {
  needs('soffice')('gives the same document as the exceljs-written sample', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tally-lo-'));
    const source = join(dir, 'nguon.xlsx');
    copyFileSync(join(SAMPLE, 'hoi-nghi-huyen.xlsx'), source);
    execFileSync('soffice', [`-env:UserInstallation=${pathToFileURL(join(dir, 'profile')).href}`, '--headless', '--convert-to', 'xlsx:Calc MS Excel 2007 XML', '--outdir', join(dir, 'out'), source], { timeout: 120_000, stdio: 'ignore' });
    const saved = await document([join(dir, 'out', 'nguon.xlsx'), '--json']);
    const original = await document([join(SAMPLE, 'hoi-nghi-huyen.xlsx'), '--json']);
    expect(saved).toEqual(original);
  }, 150_000);
});
