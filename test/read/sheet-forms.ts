// A small session for the wide sheet's form tests: three leaders (one Phó Bí thư, one Bí thư),
// four ballots, their counts worked out by hand, and a runner writing the files to a temp folder.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { tally } from '../cli/run.js';
import { csv, type Cell } from '../metamorphic/encode.js';

export type Doc = {
  cadres: { name: string; high: number; confidence: number; low: number; invalid: number; invalidByReason: Record<string, number> }[];
  problems: { code: string; severity: string; file: string | null; column: string | null; row: number | null; cell: string | null; ballot: string | null; value: string | null; message: string }[];
  rows: { file: string; sheet: string | null; nonBallot: Record<string, number>; countedRows: number; rowsWithErrors: number }[];
};

export const ANH = 'Nguyễn Văn Anh';
export const BINH = 'Trần Thị Bình';
export const CUONG = 'Lê Văn Cường';
export const ROSTER: Cell[][] = [
  ['STT', 'Họ và tên', 'Chức vụ'],
  [1, ANH, 'Phó Bí thư Huyện ủy'],
  [2, BINH, 'Bí thư Huyện ủy'],
  [3, CUONG, 'Chủ tịch UBND huyện'],
];
export const session = (returned: number): Cell[][] => [
  ['Mục', 'Giá trị'],
  ['Tên hội nghị', 'Hội nghị thử'],
  ['Ngày', '13/12/2023'],
  ['Quy định', '96-QĐ/TW'],
  ['Số người được triệu tập', returned],
  ['Số người có mặt', returned],
  ['Số phiếu phát ra', returned],
  ['Số phiếu thu về', returned],
];
/** Four ballots, one code per leader (Anh, Bình, Cường). */
export const BALLOTS = [
  [1, 2, 3],
  [1, 1, 2],
  [3, 2, 1],
  [1, 2, 2],
];
/** By hand: [high, confidence, low] per leader. */
export const EXPECTED = [
  [3, 0, 1],
  [1, 3, 0],
  [1, 2, 1],
];

export async function run(ballots: Record<string, Buffer>, o: { returned?: number; extra?: string[] } = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'tally-forms-'));
  for (const [name, data] of Object.entries(ballots)) writeFileSync(join(dir, name), data);
  writeFileSync(join(dir, 'danh-sach.csv'), csv(ROSTER));
  writeFileSync(join(dir, 'hoi-nghi.csv'), csv(session(o.returned ?? 4)));
  const r = await tally([...Object.keys(ballots).map((n) => join(dir, n)), '--roster', join(dir, 'danh-sach.csv'), '--session', join(dir, 'hoi-nghi.csv'), ...(o.extra ?? []), '--json']);
  return { code: r.code, doc: JSON.parse(r.stdout) as Doc, stderr: r.stderr };
}
export const counts = (d: Doc) => d.cadres.map((c) => [c.high, c.confidence, c.low]);
export const text = (rows: Cell[][]) => Buffer.from(csv(rows));
export const errors = (d: Doc) => d.problems.filter((p) => p.severity === 'error');
export const withHeaders = (headers: Cell[]): Cell[][] => [['Số phiếu', ...headers], ...BALLOTS.map((b, i) => [i + 1, ...b])];

