// The counting committee's decisions (SPEC §2.5): one decision per line, whatever the row order.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SAMPLE, tally } from '../cli/run.js';
import { pick } from '../helpers.js';

const DIR = join(SAMPLE, '..', 'corpus', 'scanner-fill-ratios');
const DECISIONS = readFileSync(join(DIR, 'quyet-dinh.csv'), 'utf8').replace(/\r\n/g, '\n').trimEnd();

/** The scanner sample with the committee's three decisions (rows 2–4) and `extra` rows after them. */
async function withDecisions(extra: string[], lang: string[] = []) {
  const dir = mkdtempSync(join(tmpdir(), 'tally-adj-'));
  const file = join(dir, 'quyet-dinh.csv');
  writeFileSync(file, `${[DECISIONS, ...extra].join('\n')}\n`);
  const r = await tally([join(DIR, 'quet.csv'), '--roster', join(SAMPLE, 'danh-sach.csv'), '--session', join(SAMPLE, 'hoi-nghi.csv'), '--adjudications', file, '--json', ...lang]);
  return { ...r, doc: JSON.parse(r.stdout) };
}

describe('adjudications', () => {
  it('two different decisions for one line are an error naming both rows and both decisions, in either order', async () => {
    // Row 4 decides ballot 3, Trần Thị Mai: 1 (high); row 5 says 3 (low).
    const r = await withDecisions(['3,Trần Thị Mai,3,Lê Văn Bình']);
    expect(r.code).toBe(1);
    expect(r.doc.cadres).toEqual([]);
    const conflicts = r.doc.problems.filter((p: { code: string }) => p.code === 'bad-adjudication');
    expect(conflicts).toHaveLength(1);
    expect(conflicts[0]).toMatchObject({ severity: 'error', row: 5 });
    expect(conflicts[0].message).toContain("quyết định '3' mâu thuẫn với quyết định '1' ở dòng 4");

    // The same two decisions with the other first: still no result.
    const swapped = DECISIONS.split('\n');
    swapped[3] = '3,Trần Thị Mai,3,Lê Văn Bình';
    const dir = mkdtempSync(join(tmpdir(), 'tally-adj-'));
    writeFileSync(join(dir, 'q.csv'), `${[...swapped, '3,Trần Thị Mai,1,Nguyễn Thị Hòa (Trưởng ban)'].join('\n')}\n`);
    const other = await tally([join(DIR, 'quet.csv'), '--roster', join(SAMPLE, 'danh-sach.csv'), '--session', join(SAMPLE, 'hoi-nghi.csv'), '--adjudications', join(dir, 'q.csv'), '--json', '--lang', 'en']);
    expect(other.code).toBe(1);
    expect(JSON.parse(other.stdout).problems.map((p: { message: string }) => p.message)).toContain(
      "ballot 3, Trần Thị Mai: decision '1' contradicts decision '3' in row 4; one decision per line — correct the adjudications file",
    );
  });

  it('the same decision twice (another code of it, ballot 03) is a warning and is applied once', async () => {
    const r = await withDecisions(['03,Trần Thị Mai,cao,Lê Văn Bình']);
    expect(r.code).toBe(0);
    const repeated = r.doc.problems.filter((p: { code: string }) => p.code === 'bad-adjudication');
    expect(repeated).toHaveLength(1);
    expect(repeated[0]).toMatchObject({ severity: 'warning', row: 5 });
    expect(repeated[0].message).toContain('dòng 4');
    // Listed once, as the first row decided it: undecided → high.
    const mai = r.doc.adjudications.filter((a: { cadre: string }) => a.cadre === 'Trần Thị Mai');
    expect(mai).toEqual([expect.objectContaining({ ballot: '3', before: 'undecided', decision: 'high', decidedBy: 'Nguyễn Thị Hòa (Trưởng ban)' })]);
    // The result is the corpus case's, worked out without the repeat.
    const expected = JSON.parse(readFileSync(join(DIR, 'expected.json'), 'utf8'));
    expect(pick(r.doc.cadres, expected.cadres)).toEqual(expected.cadres);
  });

  it('a decision for a ballot number written 03 finds ballot 3', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tally-adj-'));
    writeFileSync(join(dir, 'q.csv'), DECISIONS.replace('\n3,Trần Thị Mai', '\n03,Trần Thị Mai'));
    const r = await tally([join(DIR, 'quet.csv'), '--roster', join(SAMPLE, 'danh-sach.csv'), '--session', join(SAMPLE, 'hoi-nghi.csv'), '--adjudications', join(dir, 'q.csv'), '--json']);
    expect(r.code).toBe(0);
  });

  it('a decision that matches no line stays an error', async () => {
    const r = await withDecisions(['99,Trần Thị Mai,1,Lê Văn Bình']);
    expect(r.code).toBe(1);
    expect(r.doc.problems).toEqual([expect.objectContaining({ code: 'adjudication-unmatched', severity: 'error', row: 5 })]);
  });
});
