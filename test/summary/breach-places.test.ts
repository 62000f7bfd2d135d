// Issue 22, item 6: a breach of the two-places rule is listed with its places, named by unit, on
// every report of `tally summary` — the HTML and the XLSX too, not only the DOCX.
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { tally } from '../cli/run.js';
import { writeUnit, type UnitSpec } from './build.js';

const PERSON = { name: 'Nguyễn Văn Ba Nơi', position: 'Ủy viên', id: 'CB-001', high: 20, confidence: 5, low: 5 };
const UNITS: UnitSpec[] = ['Đảng ủy xã An Bình', 'Đảng ủy xã Tân Lập', 'Đảng ủy xã Hòa Bình'].map((body, i) => ({
  folder: `don-vi-${i + 1}`,
  body,
  date: `1${i}/12/2023`,
  convened: 32,
  present: 30,
  returned: 30,
  leaders: [{ name: `Trần Văn Bí ${i + 1}`, position: 'Bí thư', id: `U${i}-1`, high: 24, confidence: 4, low: 2 }, PERSON],
}));
// Written by hand: the places are the units' bodies, never their folders.
const EXPECTED_PLACES = ['Đảng ủy xã An Bình', 'Đảng ủy xã Tân Lập', 'Đảng ủy xã Hòa Bình'];

describe('summary: the two-places breach named by unit in the HTML and the XLSX', () => {
  const dir = mkdtempSync(join(tmpdir(), 'tally-summary-breach-'));
  const rounds = join(dir, 'dot');
  for (const u of UNITS) writeUnit(rounds, u);

  it('lists the breach with each place by unit', async () => {
    const html = join(dir, 'bao-cao.html');
    const xlsx = join(dir, 'tong-hop.xlsx');
    const r = await tally(['summary', rounds, '-o', html, '-o', xlsx, '--jobs', '1']);
    expect(r.code).toBe(1);

    const page = readFileSync(html, 'utf8');
    const item = /<ul class="breaches"><li>([^<]*)<\/li><\/ul>/.exec(page);
    expect(item, 'the breach listed in the HTML').not.toBeNull();
    const htmlLine = item?.[1] ?? '';
    expect(htmlLine).toContain(PERSON.name);
    for (const p of EXPECTED_PLACES) expect(htmlLine).toContain(p);
    for (const u of UNITS) expect(htmlLine).not.toContain(u.folder);

    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(xlsx);
    // A merged range's cells all show its first cell's value: read each range once.
    const cells: string[] = [];
    wb.eachSheet((ws) => ws.eachRow((row) => row.eachCell((c) => { if (c.master.address === c.address && typeof c.value === 'string') cells.push(c.value); })));
    const breach = cells.filter((c) => c.includes(PERSON.name) && c.includes('nơi') && c.includes('Quy định 96'));
    expect(breach, 'the breach listed in the XLSX').toHaveLength(1);
    for (const p of EXPECTED_PLACES) expect(breach[0]).toContain(p);
    for (const u of UNITS) expect(breach[0]).not.toContain(u.folder);
  });
});
