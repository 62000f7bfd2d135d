// The reports as a clerk prints them: the workbook through LibreOffice, the HTML through
// Chromium, both to PDF; the PDF text must hold the names with diacritics and the figures.
// Needs soffice, chromium and pdftotext (test/programs.ts: skipped with a notice where missing,
// required under CI; .ci/run installs libreoffice-calc-nogui, chromium and poppler-utils).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { SAMPLE, tally } from '../cli/run.js';
import { describeNeeding } from '../programs.js';

const expected = JSON.parse(readFileSync(join(SAMPLE, 'expected.json'), 'utf8')) as { cadres: { name: string; percent: { low: number } }[] };
const dir = mkdtempSync(join(tmpdir(), 'tally-render-'));

function pdfText(pdf: string): string {
  return execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' }).normalize('NFC');
}

beforeAll(async () => {
  const r = await tally([join(SAMPLE, 'hoi-nghi-huyen.xlsx'), '-o', join(dir, 'tong-hop.xlsx'), '-o', join(dir, 'tong-hop.html')]);
  expect(r.code).toBe(0);
});

describeNeeding('soffice', 'chromium', 'pdftotext')('printed reports', () => {
  it('LibreOffice renders the workbook with every name and figure', () => {
    execFileSync('soffice', [`-env:UserInstallation=${pathToFileURL(join(dir, 'lo-profile')).href}`, '--headless', '--convert-to', 'pdf', '--outdir', dir, join(dir, 'tong-hop.xlsx')], { timeout: 120_000, stdio: 'ignore' });
    const text = pdfText(join(dir, 'tong-hop.pdf'));
    for (const c of expected.cadres) expect(text).toContain(c.name);
    // LibreOffice's locale decides the decimal separator.
    expect(text).toMatch(/56[.,]10%/);
    expect(text).toContain('KẾT QUẢ LẤY PHIẾU TÍN NHIỆM');
    expect(text).toContain('T/M BAN KIỂM PHIẾU');
    expect(text).toContain('Cấp có thẩm quyền đưa ra khỏi quy hoạch');
  }, 150_000);

  it('Chromium prints the HTML with every name, figure and the signature block', () => {
    execFileSync(
      'chromium',
      ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', `--user-data-dir=${join(dir, 'chromium')}`, '--no-pdf-header-footer', `--print-to-pdf=${join(dir, 'html.pdf')}`, pathToFileURL(join(dir, 'tong-hop.html')).href],
      { timeout: 120_000, stdio: 'ignore' },
    );
    const text = pdfText(join(dir, 'html.pdf'));
    for (const c of expected.cadres) expect(text).toContain(c.name);
    for (const c of expected.cadres) expect(text).toContain(`${c.percent.low.toFixed(2).replace('.', ',')}%`);
    expect(text).toContain('Tân Lập, ngày 13 tháng 12 năm 2023');
    expect(text).toContain('Nguyễn Thị Hòa');
  }, 150_000);
});
