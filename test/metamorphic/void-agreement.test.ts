// The wide and the long layout read the void column from one vocabulary (SPEC §2.5): every text
// the generator can write there gives the same outcome in both — void, blank, or refused with
// the ballot named — and that outcome is the one its list (void-texts.ts, from SPEC) says.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { tally } from '../cli/run.js';
import { csv, encode, type Cell } from './encode.js';
import { BLANK_TEXTS, REFUSED_VOID_TEXTS, VOID_TEXTS } from './void-texts.js';

const NAMES = ['Nguyễn Văn An', 'Trần Thị Bình', 'Lê Văn Cường'];
const LEVELS = [
  [1, 2, 3],
  [2, 2, 1],
  [3, 1, 1],
  [1, 1, 2],
];
const dir = mkdtempSync(join(tmpdir(), 'tally-void-agree-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
writeFileSync(join(dir, 'danh-sach.csv'), encode(csv([['STT', 'Họ và tên', 'Chức vụ'], ...NAMES.map((n, i) => [i + 1, n, 'Ủy viên'])]), 'utf8-bom'));
writeFileSync(join(dir, 'hoi-nghi.csv'), encode(csv([['Số người được triệu tập', 4], ['Số người có mặt', 4], ['Số phiếu phát ra', 4], ['Số phiếu thu về', 4]]), 'utf8-bom'));

/** Ballot 2 carries the text; for a blank word it has no mark at all. */
const levelOf = (b: number, l: number, blank: boolean): Cell => (blank && b === 2 ? null : (LEVELS[b - 1]?.[l] ?? null));

function wideRows(text: string, blank: boolean): Cell[][] {
  return [['Số phiếu', 'Phiếu không hợp lệ', ...NAMES], ...LEVELS.map((_, k) => [k + 1, k === 1 ? text : null, ...NAMES.map((_, l) => levelOf(k + 1, l, blank))])];
}
function longRows(text: string, blank: boolean): Cell[][] {
  const rows: Cell[][] = [['Số phiếu', 'Cán bộ', 'Mức', 'Phiếu không hợp lệ']];
  // The text on the ballot's middle line only: any line of a ballot speaks for it.
  for (let b = 1; b <= 4; b++) NAMES.forEach((n, l) => rows.push([b, n, levelOf(b, l, blank), b === 2 && l === 1 ? text : null]));
  return rows;
}

type Outcome = 'void' | 'blank' | 'refused' | string;
let n = 0;
async function outcome(rows: Cell[][]): Promise<Outcome> {
  const file = join(dir, `phieu-${++n}.csv`);
  writeFileSync(file, encode(csv(rows), 'utf8-bom'));
  const r = await tally([file, '--roster', join(dir, 'danh-sach.csv'), '--session', join(dir, 'hoi-nghi.csv'), '--json']);
  const doc = JSON.parse(r.stdout) as { ballotTypes: { voidBallots: number }[]; cadres: { invalidByReason: Record<string, number> }[]; problems: { code: string; severity: string; ballot?: string }[] };
  const errors = doc.problems.filter((p) => p.severity === 'error');
  if (r.code === 1 && errors.length === 1 && errors[0]?.code === 'bad-cell' && errors[0].ballot === '2') return 'refused';
  if (r.code !== 0) return `exit ${r.code}: ${errors.map((e) => `${e.code} ballot ${e.ballot}`).join(', ')}`;
  if (doc.ballotTypes[0]?.voidBallots === 1) return 'void';
  if (doc.ballotTypes[0]?.voidBallots === 0 && doc.cadres.every((c) => c.invalidByReason['no-mark'] === 1)) return 'blank';
  return 'counted as valid';
}

describe('one void column vocabulary for both layouts', () => {
  const cases: [string, Outcome][] = [...VOID_TEXTS.map((t): [string, Outcome] => [t, 'void']), ...BLANK_TEXTS.map((t): [string, Outcome] => [t, 'blank']), ...REFUSED_VOID_TEXTS.map((t): [string, Outcome] => [t, 'refused'])];
  it.each(cases)("'%s': %s in the wide and in the long layout", async (text, expected) => {
    const blank = expected === 'blank';
    expect({ wide: await outcome(wideRows(text, blank)), long: await outcome(longRows(text, blank)) }).toEqual({ wide: expected, long: expected });
  });
});
