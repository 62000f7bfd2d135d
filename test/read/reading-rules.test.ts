// The reading rules of SPEC §2.4, one case each on the sample session, with what the rule
// prescribes worked out by hand from the sample's ballots (fixtures/hoi-nghi-huyen: 41 ballots,
// ballot 17 void, 15 leaders; row n of phieu.csv holds ballot n − 1).
import { describe, expect, it } from 'vitest';
import { detectDelimiter } from '../../src/read/csv.js';
import { readVoidCell } from '../../src/model/void-words.js';
import { sampleCopy, setCell, tally } from '../cli/run.js';

type Doc = {
  ballotTypes: { voidBallots: number; validBallots: number }[];
  cadres: { name: string; high: number; confidence: number; low: number; invalid: number; invalidByReason: Record<string, number> }[];
  problems: { code: string; severity: string; row: number | null; cell: string | null; ballot: string | null; value: string | null; message: string }[];
  rows: { nonBallot: Record<string, number>; countedRows: number; rowsWithErrors: number }[];
};

async function run(edit: Parameters<typeof sampleCopy>[0], extra: string[] = []) {
  const { args } = sampleCopy(edit);
  const r = await tally([...args, ...extra, '--json']);
  return { code: r.code, doc: JSON.parse(r.stdout) as Doc, stderr: r.stderr };
}

describe('the void column (SPEC §2.4)', () => {
  it('words that mean "valid" or "none" are refused; blank words make a blank ballot; a tick or a cause is a reason', () => {
    for (const w of ['Hợp lệ', 'hop le', 'Không.', 'không có', 'KHÔNG', 'no', '0', 'false', '-', '—']) expect(readVoidCell(w).kind).toBe('refused');
    for (const w of ['trắng', 'Phiếu trắng', 'TRANG', 'blank']) expect(readVoidCell(w).kind).toBe('blank');
    for (const w of ['x', 'Phiếu không hợp lệ', 'Không hợp lệ', 'Ghi thêm tên']) expect(readVoidCell(w)).toEqual({ kind: 'void', reason: w });
    expect(readVoidCell('').kind).toBe('none');
  });

  it("a reason equal to the column's own title voids the ballot (it is not a repeated header)", async () => {
    // Ballot 3 (row 4) voided with the title's words: two void ballots instead of one.
    const r = await run({ 'phieu.csv': (t) => setCell(t, 4, 1, 'Phiếu không hợp lệ') });
    expect(r.code).toBe(0);
    expect(r.doc.ballotTypes[0]?.voidBallots).toBe(2);
    expect(r.doc.rows[0]?.nonBallot['header']).toBe(1);
  });

  it("'trắng' beside marks is a contradiction, named by its ballot", async () => {
    const r = await run({ 'phieu.csv': (t) => setCell(t, 6, 1, 'trắng') });
    expect(r.code).toBe(1);
    const p = r.doc.problems.find((x) => x.code === 'bad-cell');
    expect([p?.cell, p?.ballot, p?.value]).toEqual(['B6', '5', 'trắng']);
  });

  it("'trắng' on a ballot with no mark is a returned blank ballot: no-mark on every line, not void", async () => {
    // Ballot 41 (row 42) wiped and marked blank: every leader loses that ballot's line to no-mark.
    const blank = (t: string) => {
      let out = setCell(t, 42, 1, 'trắng');
      for (let c = 2; c < 17; c++) out = setCell(out, 42, c, '');
      return out;
    };
    const before = await run({});
    const r = await run({ 'phieu.csv': blank });
    expect(r.code).toBe(0);
    expect(r.doc.ballotTypes[0]?.voidBallots).toBe(1);
    r.doc.cadres.forEach((c, i) => {
      const b = before.doc.cadres[i] as Doc['cadres'][number];
      expect(c.high + c.confidence + c.low).toBe(b.high + b.confidence + b.low - 1);
      expect(c.invalidByReason['no-mark']).toBe((b.invalidByReason['no-mark'] ?? 0) + 1);
    });
  });
});

describe('rows set aside, and rows that are ballots', () => {
  it('a total label beside ballot codes is neither a total nor a ballot: an error', async () => {
    const r = await run({ 'phieu.csv': (t) => setCell(setCell(t, 42, 0, 'Tổng'), 42, 2, 'cao') });
    expect(r.code).toBe(1);
    expect(r.doc.problems.find((x) => x.code === 'bad-cell')?.message).toContain('nhãn dòng tổng cộng');
  });

  it('a total label over cells that could all be counts is a total row: the ballot it replaced is named missing', async () => {
    // Ballot 41's row (row 42) holds only 1, 2 and 3: counts as far as the row can tell.
    const r = await run({ 'phieu.csv': (t) => setCell(t, 42, 0, 'Tổng cộng:') });
    expect(r.code).toBe(1);
    expect(r.doc.rows[0]?.nonBallot['total']).toBe(1);
    expect(r.stderr).toContain('có 40 phiếu trong dữ liệu nhưng số phiếu thu về là 41 — thiếu phiếu số 41');
  });

  it('a numbered row not typed between ballots is an error naming it; after the last ballot it is unused', async () => {
    // Ballot 22 (row 23) wiped: between typed ballots.
    const wipe = (t: string, row: number) => {
      let out = t;
      for (let c = 1; c < 17; c++) out = setCell(out, row, c, '');
      return out;
    };
    const between = await run({ 'phieu.csv': (t) => wipe(t, 23) });
    expect(between.code).toBe(1);
    expect(between.stderr).toContain("phiếu số 22 chưa nhập — nếu là phiếu trắng, ghi 'trắng' ở cột Phiếu không hợp lệ");
    // Two numbered rows after ballot 41: set aside with a warning, the result stands.
    const after = await run({ 'phieu.csv': (t) => `${t.replace(/\n$/, '')}\n42,\n43,\n` });
    expect(after.code).toBe(0);
    expect(after.doc.rows[0]?.nonBallot['unused']).toBe(2);
    expect(after.stderr).toContain('các phiếu số 42–43 đánh số sẵn nhưng chưa nhập, sau phiếu cuối cùng');
  });

  it('the header forms clerks type: STT before the name, the position after it', async () => {
    const headers = (t: string) => t.replace('Nguyễn Văn Hùng,Trần Thị Mai,Lê Văn Hưng', '1. Nguyễn Văn Hùng,Trần Thị Mai (Phó Bí thư Thường trực Huyện ủy),Lê Văn Hưng - Phó Chủ tịch');
    const plain = await run({});
    const r = await run({ 'phieu.csv': headers });
    expect(r.code).toBe(0);
    expect(r.doc.cadres).toEqual(plain.doc.cadres);
    // Lê Văn Hưng is not "Phó Chủ tịch" on the roster: a warning, matched by name.
    const mismatch = r.doc.problems.filter((p) => p.code === 'position-mismatch');
    expect(mismatch.map((p) => p.value)).toEqual(['Lê Văn Hưng - Phó Chủ tịch']);
  });

  it('an STT that names another person than the name beside it is ambiguous, naming both', async () => {
    const r = await run({ 'phieu.csv': (t) => t.replace('Nguyễn Văn Hùng,', '2. Nguyễn Văn Hùng,') });
    expect(r.code).toBe(1);
    const p = r.doc.problems.find((x) => x.code === 'ambiguous-name');
    expect(p?.message).toContain('Nguyễn Văn Hùng');
    expect(p?.message).toContain('Trần Thị Mai');
  });
});

describe('columns that are no leader', () => {
  it('an STT or a notes column on the ballot sheet is refused for what it is, not as an unknown name', async () => {
    const r = await run({ 'phieu.csv': (t) => t.split('\n').map((l, i) => (l === '' ? l : i === 0 ? `STT,${l},Ghi chú` : `${i},${l},`)).join('\n') });
    expect(r.code).toBe(1);
    const unknown = r.doc.problems.filter((p) => p.code === 'unknown-cadre');
    expect(unknown.map((p) => p.value)).toEqual(['STT', 'Ghi chú']);
    expect(unknown[0]?.message).toContain("ghi ở cột 'Số phiếu'");
    expect(unknown[1]?.message).toContain('không thuộc trang phiếu');
  });
});

describe('the session sheet and the delimiter', () => {
  it('a third column of units or notes is left aside with a note, not read as ballot types', async () => {
    const units = (t: string) => t.replace('Số người được triệu tập,45', 'Số người được triệu tập,45,người').replace('Số phiếu thu về,41', 'Số phiếu thu về,41,phiếu');
    const r = await run({ 'hoi-nghi.csv': units });
    expect(r.code).toBe(0);
    expect(r.doc.problems.map((p) => [p.code, p.severity])).toEqual([['ignored-column', 'info']]);
  });

  it('the delimiter is the one most lines agree on, not the first line’s', () => {
    expect(detectDelimiter('Đảng bộ huyện Tân Lập, tỉnh Phú Thọ\nSố phiếu;A;B\n1;1;2\n2;3;1\n')).toBe(';');
    expect(detectDelimiter('Số phiếu,A,B\n1,1,2\n2,"3;1",1\n')).toBe(',');
    expect(detectDelimiter('a\tb\tc\n1\t2\t3\n')).toBe('\t');
  });
});
