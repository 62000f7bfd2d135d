// Units told apart (issue 22, items 2 and 4; SPEC §4 `summary`): a unit's name is compared with
// its diacritics — Đông Hưng and Đồng Hưng are two communes — and only a name typed without
// diacritics may match a listed unit without them, when exactly one fits, with a warning.
// Expected figures are counted here by hand from the units each test writes.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tally } from '../cli/run.js';
import { writeUnit, type UnitSpec } from './build.js';

const unit = (folder: string, body: string): UnitSpec => ({
  folder,
  body,
  date: '13/12/2023',
  convened: 12,
  present: 10,
  returned: 10,
  leaders: [
    { name: `Nguyễn Văn Một ${folder}`, position: 'Bí thư', high: 8, confidence: 1, low: 1 },
    { name: `Trần Thị Hai ${folder}`, position: 'Phó Bí thư', high: 6, confidence: 3, low: 1 },
  ],
});

async function summary(units: readonly UnitSpec[], list: readonly string[] | null) {
  const dir = mkdtempSync(join(tmpdir(), 'tally-units-'));
  for (const u of units) writeUnit(join(dir, 'dot'), u);
  const args = ['summary', join(dir, 'dot'), '--json', '--jobs', '1'];
  if (list !== null) {
    writeFileSync(join(dir, 'don-vi.csv'), ['Đơn vị', ...list].join('\n') + '\n');
    args.push('--units', join(dir, 'don-vi.csv'));
  }
  const r = await tally(args);
  return { code: r.code, doc: JSON.parse(r.stdout) };
}

describe('units told apart by their diacritics', () => {
  it('Đông Hưng and Tân Lập sent sessions; Đồng Hưng, on the list, did not: it is missing (exit 1)', async () => {
    const { code, doc } = await summary([unit('a', 'Đảng ủy xã Đông Hưng'), unit('b', 'Đảng ủy xã Tân Lập')], ['Đảng ủy xã Đông Hưng', 'Đảng ủy xã Đồng Hưng', 'Đảng ủy xã Tân Lập']);
    expect(code).toBe(1);
    expect(doc.round.totals.unitsExpected).toBe(3);
    expect(doc.round.totals.missingUnits).toBe(1);
    expect(doc.missingUnits).toEqual(['Đảng ủy xã Đồng Hưng']);
    expect(doc.round.totals.unexpectedUnits).toBe(0);
    expect(doc.problems.filter((p: any) => p.code === 'unit-matched-loosely')).toHaveLength(0);
  });

  it('without a list, Đông Hưng and Đồng Hưng are two units', async () => {
    const { code, doc } = await summary([unit('a', 'Đảng ủy xã Đông Hưng'), unit('b', 'Đảng ủy xã Đồng Hưng')], null);
    expect(code).toBe(0);
    expect(doc.round.totals.units).toBe(2);
  });

  it('a listed name typed without diacritics matches the one unit it fits, with a warning', async () => {
    const { code, doc } = await summary([unit('a', 'Đảng ủy xã Đông Hưng')], ['dang uy xa dong hung']);
    expect(code).toBe(0);
    expect(doc.round.totals.missingUnits).toBe(0);
    expect(doc.round.totals.unexpectedUnits).toBe(0);
    const warned = doc.problems.filter((p: any) => p.code === 'unit-matched-loosely');
    expect(warned).toHaveLength(1);
    expect(warned[0].severity).toBe('warning');
    expect(warned[0].message).toContain('Đảng ủy xã Đông Hưng');
  });

  it('a session typed without diacritics that fits two listed units is neither (both missing, it is unexpected)', async () => {
    const { code, doc } = await summary([unit('a', 'Dang uy xa Dong Hung')], ['Đảng ủy xã Đông Hưng', 'Đảng ủy xã Đồng Hưng']);
    expect(code).toBe(1);
    expect(doc.round.totals.missingUnits).toBe(2);
    expect(doc.round.totals.unexpectedUnits).toBe(1);
    const warned = doc.problems.filter((p: any) => p.code === 'unit-matched-loosely');
    expect(warned).toHaveLength(1);
    expect(warned[0].message).toContain('Đảng ủy xã Đồng Hưng');
  });

  it('two names that both carry diacritics never match each other loosely', async () => {
    const { doc } = await summary([unit('a', 'Đảng ủy xã Đông Hưng')], ['Đảng ủy xã Đồng Hưng']);
    expect(doc.round.totals.missingUnits).toBe(1);
    expect(doc.round.totals.unexpectedUnits).toBe(1);
  });
});

describe('units with a valid result', () => {
  it('count the listed units only: an unexpected unit is counted apart', async () => {
    // Listed: A, B, C. Sessions: A, B (valid) and X (valid, not on the list). By hand: 2 units of
    // the list with a result, 1 unexpected, 1 missing (C).
    const { doc } = await summary([unit('a', 'Xã A'), unit('b', 'Xã B'), unit('x', 'Xã X')], ['Xã A', 'Xã B', 'Xã C']);
    expect(doc.round.totals.units).toBe(2);
    expect(doc.round.totals.unexpectedUnits).toBe(1);
    expect(doc.round.totals.missingUnits).toBe(1);
  });
});

describe('sessions of several rounds', () => {
  it('are said, with how many sessions each round has, not merged silently', async () => {
    const late = { ...unit('b', 'Xã B'), date: '05/01/2024' };
    const { code, doc } = await summary([unit('a', 'Xã A'), late, unit('c', 'Xã C')], null);
    expect(code).toBe(0);
    const warned = doc.problems.filter((p: any) => p.code === 'several-rounds');
    expect(warned).toHaveLength(1);
    expect(warned[0].message).toContain('đợt 2023: 2 hội nghị; đợt 2024: 1 hội nghị');
    const dir = mkdtempSync(join(tmpdir(), 'tally-units-'));
    for (const u of [unit('a', 'Xã A'), late]) writeUnit(dir, u);
    const screen = await tally(['summary', dir, '--jobs', '1']);
    expect(screen.stderr).toContain('Lưu ý: các hội nghị thuộc 2 đợt khác nhau');
    // The screen's heading for the units has no lone section number.
    expect(screen.stdout).toContain('Kết quả theo đơn vị:');
    expect(screen.stdout).not.toMatch(/^II\./m);
  });
});
