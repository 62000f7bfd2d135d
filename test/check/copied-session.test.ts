// Issue 22, item 10: a session folder (or workbook) copied with the summary tally made of it is
// one session, named by its inputs, compared with each summary — never a session labelled by its
// summary and compared with itself. Both when the summaries are byte-identical and when the copy's
// was made again (in English: other bytes, the same figures).
import { cpSync, mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SAMPLE, tally } from '../cli/run.js';

const WORKBOOK = join(import.meta.dirname, '..', '..', 'fixtures', 'hoi-nghi-huyen', 'hoi-nghi-huyen.xlsx');

/** A temp folder, relative to where the command runs as the clerk would type it (check.test.ts). */
function scratch(): string {
  const dir = mkdtempSync(join(tmpdir(), 'tally-dup-'));
  return relative(process.cwd(), dir) || dir;
}

type Kind = 'folder' | 'workbook';

/** dup/A holds the session and its summary; dup/B is a copy, its summary remade when `remake`. */
async function copied(kind: Kind, remake: boolean): Promise<{ root: string; a: string; b: string; session: string }> {
  const root = join(scratch(), 'dup');
  const a = join(root, 'A');
  const b = join(root, 'B');
  mkdirSync(a, { recursive: true });
  const made = (dir: string) => (kind === 'folder' ? [join(dir, 'phieu.csv'), '--roster', join(dir, 'danh-sach.csv'), '--session', join(dir, 'hoi-nghi.csv')] : [join(dir, 'hoi-nghi-huyen.xlsx')]);
  if (kind === 'folder') for (const f of ['phieu.csv', 'danh-sach.csv', 'hoi-nghi.csv']) cpSync(join(SAMPLE, f), join(a, f));
  else cpSync(WORKBOOK, join(a, 'hoi-nghi-huyen.xlsx'));
  expect((await tally([...made(a), '-o', join(a, 'tong-hop.xlsx')])).code).toBe(0);
  cpSync(a, b, { recursive: true });
  if (remake) expect((await tally([...made(b), '-o', join(b, 'tong-hop.xlsx'), '--lang', 'en', '--overwrite'])).code).toBe(0);
  return { root, a, b, session: kind === 'folder' ? a : join(a, 'hoi-nghi-huyen.xlsx') };
}

describe('check: a session copied with its summary', () => {
  for (const kind of ['folder', 'workbook'] as const) {
    for (const remake of [false, true]) {
      it(`${kind} session, ${remake ? 'the copy’s summary made again (--lang en)' : 'byte-identical summaries'}: one session named by its inputs`, async () => {
        const { root, a, b, session } = await copied(kind, remake);
        const r = await tally(['check', root, '--json']);
        expect(r.code).toBe(0);
        const doc = JSON.parse(r.stdout);
        expect(doc.sessions.map((s: { path: string }) => s.path)).toEqual([session]);
        const [s] = doc.sessions;
        expect(s.status).toBe('ok');
        const records = s.records.map((x: { path: string; status: string }) => [x.path, x.status]);
        // Identical summaries are one record (the copy said); a remade one is a second record.
        expect(records).toEqual(remake ? [[join(a, 'tong-hop.xlsx'), 'ok'], [join(b, 'tong-hop.xlsx'), 'ok']] : [[join(a, 'tong-hop.xlsx'), 'ok']]);
        for (const x of s.records) expect(x.path).not.toBe(s.path);
        // The screen says the same: no session line labelled by a summary.
        const screen = (await tally(['check', root])).stdout;
        expect(screen).not.toMatch(/✓ [^\n]*tong-hop\.xlsx \(/);
        expect(screen).toContain(`✓ ${session} (`);
      });
    }
  }

  it('a session found only through its summary is named by its ballots file', async () => {
    const root = scratch();
    for (const f of ['danh-sach.csv', 'hoi-nghi.csv']) cpSync(join(SAMPLE, f), join(root, f));
    // A ballots file whose name check does not look for: only the summary leads to it.
    cpSync(join(SAMPLE, 'phieu.csv'), join(root, 'nhap.csv'));
    expect((await tally([join(root, 'nhap.csv'), '--roster', join(root, 'danh-sach.csv'), '--session', join(root, 'hoi-nghi.csv'), '-o', join(root, 'tong-hop.xlsx')])).code).toBe(0);
    const doc = JSON.parse((await tally(['check', root, '--json'])).stdout);
    expect(doc.sessions.map((s: { path: string; status: string }) => [s.path, s.status])).toEqual([[join(root, 'nhap.csv'), 'ok']]);
    expect(doc.sessions[0].records.map((x: { path: string }) => x.path)).toEqual([join(root, 'tong-hop.xlsx')]);
  });
});
