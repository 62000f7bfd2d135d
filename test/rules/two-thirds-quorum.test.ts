// Issue 22, item 5: the exactly-two-thirds note qualifies a band; a session whose quorum was not
// met has no band (SPEC §3 "On exit 1" (b)), so no report may print the note for it.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tally } from '../cli/run.js';

// One leader, three ballots: low, low, high — 2 of 3, exactly two thirds (by hand).
function session(convened: number, present: number) {
  const dir = mkdtempSync(join(tmpdir(), 'tally-two-thirds-'));
  writeFileSync(join(dir, 'danh-sach.csv'), 'STT,Họ và tên,Chức vụ\n1,Nguyễn Văn An,Bí thư\n');
  writeFileSync(join(dir, 'hoi-nghi.csv'), `Số người được triệu tập,${convened}\nSố người có mặt,${present}\nSố phiếu phát ra,3\nSố phiếu thu về,3\n`);
  writeFileSync(join(dir, 'phieu.csv'), 'Số phiếu,Nguyễn Văn An\n1,3\n2,3\n3,1\n');
  return { dir, args: [join(dir, 'phieu.csv'), '--roster', join(dir, 'danh-sach.csv'), '--session', join(dir, 'hoi-nghi.csv')] };
}

describe('the exactly-two-thirds note', () => {
  it('is given with the band when the quorum is met (3 of 4 present)', async () => {
    const { args } = session(4, 3);
    const r = await tally([...args, '--json']);
    const c = JSON.parse(r.stdout).cadres[0];
    expect(c.band).toBe('dismissal');
    expect(c.notes).toEqual(['exactly-two-thirds']);
  });

  it('is not given when the quorum is not met (3 of 10 present): no band, no note, in any report', async () => {
    const { dir, args } = session(10, 3);
    const r = await tally([...args, '--json']);
    expect(r.code).toBe(1);
    const c = JSON.parse(r.stdout).cadres[0];
    expect(c.band).toBeNull();
    expect(c.notes).toEqual([]);
    const html = join(dir, 'bao-cao.html');
    expect((await tally([...args, '-o', html])).code).toBe(1);
    const text = readFileSync(html, 'utf8');
    expect(text).not.toContain('(*)');
    expect(text).not.toContain('Đúng 2/3');
    const screen = (await tally(args)).stdout;
    expect(screen).not.toContain('Đúng 2/3');
  });
});
