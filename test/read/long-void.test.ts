// The long layout's void column and its other columns (SPEC §2.5, issue 20 findings 1 and 2):
// the void column reads exactly as in the wide layout, on any line of a ballot, and a column the
// layout does not read is an error unless empty — never dropped with what it says.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tally } from '../cli/run.js';

const ROSTER = ['STT,Họ và tên,Chức vụ', '1,Tống Văn Sơn,Bí thư', '2,Công Thị Hà,Phó Bí thư', '3,Nguyễn Văn An,Ủy viên'].join('\n');
const SESSION = ['Mục,Giá trị', 'Ngày,13/12/2023', 'Số người được triệu tập,5', 'Số người có mặt,5', 'Số phiếu phát ra,4', 'Số phiếu thu về,4'].join('\n');
const NAMES = ['Tống Văn Sơn', 'Công Thị Hà', 'Nguyễn Văn An'];
/** Four ballots' levels, leaders in roster order. */
const LEVELS = [
  [1, 1, 2],
  [3, 2, 1],
  [1, 3, 1],
  [2, 1, 3],
];

/** The ballots, one row per line; `extra(ballot, line)` gives the cells after Số phiếu, Cán bộ, Mức. */
function ballots(head: string[], extra: (b: number, l: number) => string[], levels: (b: number, l: number) => string = (b, l) => String(LEVELS[b - 1]?.[l])): string {
  const rows = [['Số phiếu', 'Cán bộ', 'Mức', ...head].join(',')];
  for (let b = 1; b <= 4; b++) for (let l = 0; l < 3; l++) rows.push([String(b), NAMES[l], levels(b, l), ...extra(b, l)].join(','));
  return rows.join('\n');
}

async function run(csv: string) {
  const dir = mkdtempSync(join(tmpdir(), 'tally-long-void-'));
  writeFileSync(join(dir, 'danh-sach.csv'), ROSTER);
  writeFileSync(join(dir, 'hoi-nghi.csv'), SESSION);
  writeFileSync(join(dir, 'quet.csv'), csv);
  const r = await tally([join(dir, 'quet.csv'), '--roster', join(dir, 'danh-sach.csv'), '--session', join(dir, 'hoi-nghi.csv'), '--json']);
  return { code: r.code, doc: JSON.parse(r.stdout) as Doc };
}
type Doc = {
  ballotTypes: { voidBallots: number; validBallots: number }[];
  cadres: { name: string; high: number; confidence: number; low: number; invalid: number; invalidByReason: Record<string, number> }[];
  problems: { code: string; severity: string; row: number | null; cell: string | null; ballot: string | null; value: string | null; message: string }[];
};
const errors = (d: Doc) => d.problems.filter((p) => p.severity === 'error');

/** By hand: ballot 2 void — Tống 1,1,2 → 2 high 1 conf; Công 1,3,1 → 2 high 1 low; An 2,1,3 → 1 each. */
const BALLOT_2_VOID = [
  { name: 'Tống Văn Sơn', high: 2, confidence: 1, low: 0, invalid: 1 },
  { name: 'Công Thị Hà', high: 2, confidence: 0, low: 1, invalid: 1 },
  { name: 'Nguyễn Văn An', high: 1, confidence: 1, low: 1, invalid: 1 },
];

describe('the long layout reads the void column as the wide layout does', () => {
  it.each(['Không', '0', 'Hợp lệ', 'không có', 'Phiếu hợp lệ', 'Không ghi thêm tên', 'Đúng quy định', 'Không có vấn đề', 'Ghi chú gì đó'])(
    "'%s' on ballot 2 is refused, naming the ballot and quoting the text",
    async (text) => {
      const r = await run(ballots(['Phiếu không hợp lệ'], (b, l) => [b === 2 && l === 1 ? text : '']));
      expect(r.code).toBe(1);
      const e = errors(r.doc);
      expect(e.map((p) => [p.code, p.ballot, p.value, p.row])).toEqual([['bad-cell', '2', text, 6]]);
      expect(e[0]?.message).toContain('không theo mẫu');
    },
  );

  it('a cause on one line voids the whole ballot', async () => {
    const r = await run(ballots(['Phiếu không hợp lệ'], (b, l) => [b === 2 && l === 2 ? 'Phiếu rách' : '']));
    expect(r.code).toBe(0);
    expect(r.doc.ballotTypes[0]).toMatchObject({ voidBallots: 1, validBallots: 3 });
    expect(r.doc.cadres).toMatchObject(BALLOT_2_VOID);
  });

  it("'trắng' on a ballot with no mark is a blank ballot (no-mark lines), not a void one", async () => {
    const r = await run(ballots(['Phiếu không hợp lệ'], (b, l) => [b === 2 && l === 0 ? 'trắng' : ''], (b, l) => (b === 2 ? '' : String(LEVELS[b - 1]?.[l]))));
    expect(r.code).toBe(0);
    expect(r.doc.ballotTypes[0]).toMatchObject({ voidBallots: 0, validBallots: 4 });
    // Tống without ballot 2: 1, 1, 2 → 2 high, 1 confidence, 1 no-mark.
    expect(r.doc.cadres[0]).toMatchObject({ high: 2, confidence: 1, low: 0, invalid: 1, invalidByReason: { 'no-mark': 1, 'void-ballot': 0 } });
  });

  it("'trắng' beside marks is an error naming the ballot, not a void ballot (finding 1)", async () => {
    const r = await run(ballots(['Phiếu không hợp lệ'], (b, l) => [b === 2 && l === 0 ? 'trắng' : '']));
    expect(r.code).toBe(1);
    expect(errors(r.doc).map((p) => [p.code, p.ballot, p.value])).toEqual([['bad-cell', '2', 'trắng']]);
    expect(errors(r.doc)[0]?.message).toContain('phiếu trắng');
  });
});

describe('every column of the long layout is accounted for (finding 2)', () => {
  it("a 'Lý do không hợp lệ' column is the void column", async () => {
    const r = await run(ballots(['Lý do không hợp lệ'], (b, l) => [b === 2 && l === 0 ? 'Không có dấu của Ban kiểm phiếu' : '']));
    expect(r.code).toBe(0);
    expect(r.doc.ballotTypes[0]).toMatchObject({ voidBallots: 1 });
    expect(r.doc.cadres).toMatchObject(BALLOT_2_VOID);
  });

  it.each(['Ghi chú', 'Lý do', 'Quyết định'])("a '%s' column holding text is an error naming the ballot, never dropped", async (head) => {
    const r = await run(ballots([head], (b, l) => [b === 2 && l === 0 ? 'Ghi thêm tên' : '']));
    expect(r.code).toBe(1);
    expect(errors(r.doc).map((p) => [p.code, p.ballot, p.value, p.cell])).toEqual([['bad-cell', '2', 'Ghi thêm tên', 'D5']]);
  });

  it('an empty column the layout does not read is no problem, nor is a void column beside it', async () => {
    const r = await run(ballots(['Ghi chú', 'Phiếu không hợp lệ'], (b, l) => ['', b === 2 && l === 1 ? 'x' : '']));
    expect(r.code).toBe(0);
    expect(r.doc.cadres).toMatchObject(BALLOT_2_VOID);
  });

  it('a value beyond the header, in a column with no title, is an error', async () => {
    const r = await run(ballots([], (b, l) => (b === 3 && l === 2 ? ['rách'] : [])));
    expect(r.code).toBe(1);
    expect(errors(r.doc).map((p) => [p.code, p.ballot, p.value, p.cell])).toEqual([['bad-cell', '3', 'rách', 'D10']]);
  });
});
