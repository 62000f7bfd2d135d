// Secrecy: the program reaches nothing but the files it is given — no network, no other
// program. Checked on the sources and on the bundles that are run.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..');
const FORBIDDEN = ['http', 'https', 'http2', 'net', 'tls', 'dns', 'dgram', 'child_process', 'cluster', 'inspector'];
const importOf = new RegExp(`(?:from\\s+|import\\(|require\\()\\s*['"](?:node:)?(${FORBIDDEN.join('|')})['"]`, 'g');

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(join(dir, e.name)) : [join(dir, e.name)]));
}

describe('secrecy', () => {
  it('no source file imports a network or process module, or calls fetch', () => {
    const found = files(join(ROOT, 'src')).flatMap((f) => {
      const text = readFileSync(f, 'utf8');
      return [...text.matchAll(importOf)].map((m) => `${f}: ${m[1]}`).concat(/\bfetch\s*\(/.test(text) ? [`${f}: fetch`] : []);
    });
    expect(found).toEqual([]);
  });

  it('neither do the bundles that are run (everything they load, but exceljs, docx, pdfkit and qrcode, is inside them)', () => {
    for (const bundle of ['tally.cjs', 'check-worker.cjs']) {
      const text = readFileSync(join(ROOT, 'dist', bundle), 'utf8');
      expect([...text.matchAll(importOf)].map((m) => m[1])).toEqual([]);
      // A module imported by name from outside the bundle can only be a writer loaded on demand.
      const outside = [...text.matchAll(/require\(["']([^"'.][^"']*)["']\)|import\(["']([^"'.][^"']*)["']\)/g)].map((m) => m[1] ?? m[2]).filter((n) => !(n as string).startsWith('node:'));
      expect([...new Set(outside)].sort()).toEqual(bundle === 'tally.cjs' ? ['docx', 'exceljs', 'pdfkit', 'qrcode/lib/core/qrcode.js'] : []);
    }
  });

  it('pdfkit and the QR encoder, loaded to print the ballots, reach no network: nor do the modules they require', () => {
    const files = [join(ROOT, 'node_modules', 'pdfkit', 'js', 'pdfkit.js'), ...readdirSync(join(ROOT, 'node_modules', 'qrcode', 'lib', 'core')).map((f) => join(ROOT, 'node_modules', 'qrcode', 'lib', 'core', f))];
    for (const f of files) expect([...readFileSync(f, 'utf8').matchAll(importOf)].map((m) => `${f}: ${m[1]}`)).toEqual([]);
  });

  it('docx, loaded to write the minutes, is one self-contained file that reaches no network either', () => {
    const text = readFileSync(join(ROOT, 'node_modules', 'docx', 'dist', 'index.cjs'), 'utf8');
    expect([...text.matchAll(importOf)].map((m) => m[1])).toEqual([]);
    expect([...text.matchAll(/require\(["']([^"']+)["']\)/g)].map((m) => m[1])).toEqual([]);
  });
});
