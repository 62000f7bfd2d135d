// The bundles that run (dist/tally.cjs, dist/check-worker.cjs) are ASCII, and writing their
// letters as escapes changes nothing they mean (scripts/ascii.mjs).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { asciiOnly } from '../scripts/ascii.mjs';

const ROOT = join(import.meta.dirname, '..');
const escape = asciiOnly as (text: string, file: string) => string;

describe('the bundles in ASCII', () => {
  it.each(['tally.cjs', 'check-worker.cjs'])('dist/%s has no byte above 0x7f', (bundle) => {
    const bytes = readFileSync(join(ROOT, 'dist', bundle));
    expect(bytes.findIndex((b) => b > 0x7f)).toBe(-1);
  });

  // Regular expressions as the readers write them, with and without the u and i flags, and the
  // texts they are asked about: the escaped source must answer as the original does.
  const sources = ['/^(tổng|cộng|total)\\b/i', '/[A-ZÀ-Ỹ]/u', '/^(ông|bà|đồng chí|đ\\/c)\\s+/iu', '/[–—]/', '/^phiếu\\s*trắng$/'];
  const texts = ['Tổng cộng', 'TỔNG', 'tống', 'Cộng trang 1', 'Công', 'Ỹ', 'ỹ', 'Ă', 'a', 'Ông Nguyễn', 'đ/c An', 'Đ/C An', '1 – 2', '1 - 2', 'phiếu trắng', 'phieu trang'];
  it.each(sources)('%s answers every text as before', (source) => {
    const escaped = escape(source, 'test');
    expect(escaped).toMatch(/^[\x00-\x7f]*$/);
    const before = new Function(`return ${source}`)() as RegExp;
    const after = new Function(`return ${escaped}`)() as RegExp;
    for (const t of texts) expect([t, after.test(t)]).toEqual([t, before.test(t)]);
  });

  it('strings, templates and names keep their letters', () => {
    const source = 'const tên = "Hội nghị"; const t = `Phiếu ${tên} — ${"đ"}`; t';
    expect(new Function(`${escape(source, 'test')}; return t`)()).toBe('Phiếu Hội nghị — đ');
  });

  it('refuses what an escape would change: a letter outside the BMP, a backslash before a letter, String.raw', () => {
    expect(() => escape('/😀/', 'x.cjs')).toThrow(/x\.cjs: a character outside the BMP/);
    expect(() => escape('/\\đ/', 'x.cjs')).toThrow(/backslash before a non-ASCII letter/);
    expect(() => escape('String.raw`đ`', 'x.cjs')).toThrow(/String\.raw/);
    expect(escape('String.raw`d`', 'x.cjs')).toBe('String.raw`d`');
  });
});
