// Properties of whole sessions, checked end to end through the command on random sessions:
// the counts agree with an independent count; shuffling ballots or leader columns changes
// nothing; a low vote more never lowers a band; CSV and XLSX agree; a template typed in
// round-trips; a round checked against its own summary is ok.
import ExcelJS from 'exceljs';
import fc from 'fast-check';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tally } from '../cli/run.js';

const FAMILY = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Đặng', 'Bùi', 'Đỗ'];
const GIVEN = ['Văn An', 'Thị Bình', 'Minh Cường', 'Quốc Dũng', 'Thu Hà', 'Đức Hùng', 'Ngọc Lan', 'Xuân Sơn'];

/** What each typed code means, by SPEC §1 and §2.4 (written out here, not taken from the code). */
const MEANING: Record<string, 'high' | 'confidence' | 'low' | 'invalid'> = {
  '1': 'high',
  cao: 'high',
  '2': 'confidence',
  tn: 'confidence',
  '3': 'low',
  thấp: 'low',
  '': 'invalid',
  '12': 'invalid',
  '23': 'invalid',
  '123': 'invalid',
  '0': 'invalid',
  gx: 'invalid',
};
const CODES = Object.keys(MEANING);

interface Session {
  readonly leaders: readonly string[];
  /** Per ballot: a void reason or null, and one code per leader. */
  readonly ballots: readonly { readonly void: string | null; readonly cells: readonly string[] }[];
  readonly extraPresent: number;
  readonly extraConvened: number;
}

const session = (maxLeaders = 6, maxBallots = 40): fc.Arbitrary<Session> =>
  fc
    .tuple(
      fc.uniqueArray(fc.tuple(fc.nat({ max: FAMILY.length - 1 }), fc.nat({ max: GIVEN.length - 1 })), { minLength: 1, maxLength: maxLeaders, selector: ([f, g]) => `${f}-${g}` }),
      fc.integer({ min: 1, max: maxBallots }),
    )
    .chain(([names, n]) =>
      fc.record({
        leaders: fc.constant(names.map(([f, g]) => `${FAMILY[f]} ${GIVEN[g]}`)),
        ballots: fc.array(fc.record({ void: fc.option(fc.constant('Ghi thêm tên'), { freq: 12 }), cells: fc.array(fc.constantFrom(...CODES), { minLength: names.length, maxLength: names.length }) }), { minLength: n, maxLength: n }),
        extraPresent: fc.nat({ max: 3 }),
        extraConvened: fc.nat({ max: 2 }),
      }),
    );

/**
 * What the void column holds: the void reason, or 'trắng' for a ballot with no mark at all
 * (SPEC §2.4: a row holding only its number is not typed yet; a blank ballot says so).
 */
const voidCell = (b: Session['ballots'][number]): string => b.void ?? (b.cells.every((c) => c === '') ? 'trắng' : '');

/** The expected figures, counted here independently: per leader high, confidence, low, invalid, percentages, band. */
function expected(s: Session) {
  const T = s.ballots.length;
  const pct = (x: number) => Math.floor((x * 10000 * 2 + T) / (2 * T)) / 100;
  return s.leaders.map((name, i) => {
    const n = { high: 0, confidence: 0, low: 0, invalid: 0 };
    for (const b of s.ballots) n[b.void !== null ? 'invalid' : (MEANING[b.cells[i] as string] as keyof typeof n)]++;
    const band = 3 * n.low >= 2 * T ? 'dismissal' : 2 * n.low > T ? 'review' : 'none';
    return { name, ...n, percent: { high: pct(n.high), confidence: pct(n.confidence), low: pct(n.low) }, band };
  });
}

const figures = (doc: { cadres: { name: string; high: number; confidence: number; low: number; invalid: number; percent: unknown; band: string }[] }) =>
  doc.cadres.map((c) => ({ name: c.name, high: c.high, confidence: c.confidence, low: c.low, invalid: c.invalid, percent: c.percent, band: c.band }));

function counts(s: Session) {
  const returned = s.ballots.length;
  const present = returned + s.extraPresent;
  // Quorum met: at least two thirds present.
  const convened = Math.min(present + s.extraConvened, Math.floor((3 * present) / 2));
  return { convened, present, issued: present, returned };
}

/** The session as three CSV files (the ballot rows and leader columns in the orders given). */
function writeCsv(s: Session, rowOrder = s.ballots.map((_, i) => i), colOrder = s.leaders.map((_, i) => i)) {
  const dir = mkdtempSync(join(tmpdir(), 'tally-prop-'));
  const c = counts(s);
  writeFileSync(join(dir, 'danh-sach.csv'), `STT,Họ và tên,Chức vụ\n${s.leaders.map((n, i) => `${i + 1},${n},Ủy viên`).join('\n')}\n`);
  writeFileSync(join(dir, 'hoi-nghi.csv'), `Mục,Giá trị\nTên hội nghị,Hội nghị thử\nNgày,01/11/2026\nSố người được triệu tập,${c.convened}\nSố người có mặt,${c.present}\nSố phiếu phát ra,${c.issued}\nSố phiếu thu về,${c.returned}\n`);
  const header = ['Số phiếu', 'Phiếu không hợp lệ', ...colOrder.map((i) => s.leaders[i])];
  const rows = rowOrder.map((r) => {
    const b = s.ballots[r] as Session['ballots'][number];
    return [String(r + 1), voidCell(b), ...colOrder.map((i) => b.cells[i] as string)];
  });
  writeFileSync(join(dir, 'phieu.csv'), `${[header, ...rows].map((r) => r.join(',')).join('\n')}\n`);
  return { dir, args: [join(dir, 'phieu.csv'), '--roster', join(dir, 'danh-sach.csv'), '--session', join(dir, 'hoi-nghi.csv')] };
}

async function json(args: string[]) {
  const r = await tally([...args, '--json']);
  expect(r.stderr).not.toMatch(/\n\s+at |Lỗi nội bộ/);
  return { code: r.code, doc: JSON.parse(r.stdout) };
}

/** What must not depend on the order of rows and columns: the figures, and the sorted lists. */
function orderFree(doc: { cadres: unknown[]; ballotTypes: { invalidLines: { ballot: string; cadre: string }[]; voided: { ballot: string }[] }[] }) {
  const byBallot = (a: { ballot: string; cadre?: string }, b: { ballot: string; cadre?: string }) => Number(a.ballot) - Number(b.ballot) || (a.cadre ?? '').localeCompare(b.cadre ?? '');
  return { cadres: doc.cadres, ballotTypes: doc.ballotTypes.map((t) => ({ ...t, invalidLines: [...t.invalidLines].sort(byBallot), voided: [...t.voided].sort(byBallot) })) };
}

describe('sessions, end to end', () => {
  it('count as an independent count does, and high + confidence + low + invalid = returned', async () => {
    await fc.assert(
      fc.asyncProperty(session(), async (s) => {
        const { code, doc } = await json(writeCsv(s).args);
        expect(code).toBe(0);
        expect(figures(doc)).toEqual(expected(s));
        for (const c of doc.cadres) expect(c.high + c.confidence + c.low + c.invalid).toBe(s.ballots.length);
      }),
      { numRuns: 40 },
    );
  }, 120_000);

  it('are the same whatever the order of the ballots and of the leader columns', async () => {
    await fc.assert(
      fc.asyncProperty(
        session().chain((s) => fc.tuple(fc.constant(s), fc.shuffledSubarray(s.ballots.map((_, i) => i), { minLength: s.ballots.length }), fc.shuffledSubarray(s.leaders.map((_, i) => i), { minLength: s.leaders.length }))),
        async ([s, rows, cols]) => {
          const a = await json(writeCsv(s).args);
          const b = await json(writeCsv(s, rows, cols).args);
          expect(orderFree(b.doc)).toEqual(orderFree(a.doc));
        },
      ),
      { numRuns: 30 },
    );
  }, 120_000);

  it('never get a lower band from one low vote more', async () => {
    const rank = { none: 0, review: 1, dismissal: 2 } as const;
    await fc.assert(
      fc.asyncProperty(
        session().chain((s) => fc.tuple(fc.constant(s), fc.nat({ max: s.ballots.length - 1 }), fc.nat({ max: s.leaders.length - 1 }))),
        async ([s, b, i]) => {
          const ballot = s.ballots[b] as Session['ballots'][number];
          fc.pre(ballot.void === null && MEANING[ballot.cells[i] as string] !== 'low');
          const more: Session = { ...s, ballots: s.ballots.map((x, k) => (k === b ? { ...x, cells: x.cells.map((c, j) => (j === i ? '3' : c)) } : x)) };
          const before = (await json(writeCsv(s).args)).doc.cadres[i];
          const after = (await json(writeCsv(more).args)).doc.cadres[i];
          expect(after.low).toBe(before.low + 1);
          expect(rank[after.band as keyof typeof rank]).toBeGreaterThanOrEqual(rank[before.band as keyof typeof rank]);
        },
      ),
      { numRuns: 30 },
    );
  }, 120_000);

  it('tally the same written as CSV files or as one workbook', async () => {
    await fc.assert(
      fc.asyncProperty(session(5, 25), async (s) => {
        const csv = await json(writeCsv(s).args);
        const c = counts(s);
        const wb = new ExcelJS.Workbook();
        wb.addWorksheet('Danh sách').addRows([['STT', 'Họ và tên', 'Chức vụ'], ...s.leaders.map((n, i) => [i + 1, n, 'Ủy viên'])]);
        wb.addWorksheet('Hội nghị').addRows([['Tên hội nghị', 'Hội nghị thử'], ['Ngày', '01/11/2026'], ['Số người được triệu tập', c.convened], ['Số người có mặt', c.present], ['Số phiếu phát ra', c.issued], ['Số phiếu thu về', c.returned]]);
        // Codes that are numbers are typed as numbers, as Excel keeps them.
        const cell = (v: string) => (v === '' ? null : /^\d+$/.test(v) ? Number(v) : v);
        wb.addWorksheet('Phiếu').addRows([['Số phiếu', 'Phiếu không hợp lệ', ...s.leaders], ...s.ballots.map((b, i) => [i + 1, voidCell(b) || null, ...b.cells.map(cell)])]);
        const path = join(mkdtempSync(join(tmpdir(), 'tally-prop-')), 'phien.xlsx');
        await wb.xlsx.writeFile(path);
        const xlsx = await json([path]);
        expect(xlsx.code).toBe(csv.code);
        expect({ cadres: xlsx.doc.cadres, ballotTypes: xlsx.doc.ballotTypes }).toEqual({ cadres: csv.doc.cadres, ballotTypes: csv.doc.ballotTypes });
      }),
      { numRuns: 12 },
    );
  }, 180_000);

  it('round-trip through the template: typed in, they tally as counted', async () => {
    await fc.assert(
      fc.asyncProperty(session(5, 25), async (s) => {
        const { dir } = writeCsv(s);
        const out = join(dir, 'mau.xlsx');
        expect((await tally(['template', '-o', out, '--roster', join(dir, 'danh-sach.csv'), '--ballots', String(s.ballots.length)])).code).toBe(0);
        const wb = new ExcelJS.Workbook();
        await wb.xlsx.readFile(out);
        const c = counts(s);
        const values: Record<string, number | string> = { 'Tên hội nghị': 'Hội nghị thử', Ngày: '01/11/2026', 'Số người được triệu tập': c.convened, 'Số người có mặt': c.present, 'Số phiếu phát ra': c.issued, 'Số phiếu thu về': c.returned };
        (wb.getWorksheet('Hội nghị') as ExcelJS.Worksheet).eachRow((row) => {
          const v = values[String(row.getCell(1).value)];
          if (v !== undefined) row.getCell(2).value = v;
        });
        const sheet = wb.getWorksheet('Phiếu') as ExcelJS.Worksheet;
        s.ballots.forEach((b, i) => {
          const row = sheet.getRow(i + 2);
          if (voidCell(b) !== '') row.getCell(2).value = voidCell(b);
          b.cells.forEach((v, j) => {
            if (v !== '') row.getCell(j + 3).value = /^\d+$/.test(v) ? Number(v) : v;
          });
        });
        const filled = join(dir, 'da-nhap.xlsx');
        await wb.xlsx.writeFile(filled);
        const { code, doc } = await json([filled]);
        expect(code).toBe(0);
        expect(figures(doc)).toEqual(expected(s));
      }),
      { numRuns: 10 },
    );
  }, 180_000);

  it('checked against their own freshly written summary, are ok', async () => {
    await fc.assert(
      fc.asyncProperty(session(5, 25), async (s) => {
        const { dir, args } = writeCsv(s);
        expect((await tally([...args, '-o', join(dir, 'tong-hop.xlsx')])).code).toBe(0);
        const r = await tally(['check', dir, '--json']);
        expect(JSON.parse(r.stdout).sessions.map((x: { status: string; record: string }) => [x.status, x.record])).toEqual([['ok', 'summary']]);
        expect(r.code).toBe(0);
      }),
      { numRuns: 10 },
    );
  }, 180_000);
});
