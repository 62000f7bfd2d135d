// The sample folders shipped in the release (scripts/release.mjs) and used for the guide's
// terminal excerpts (scripts/guide.mjs):
//   hoi-nghi-huyen/  the sample session as one workbook (where the guide writes its reports)
//   vi-du/           the same session as three CSV files, a second entry of its ballots for
//                    `tally reconcile`, and a copy of its ballots with one typing mistake
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = join(import.meta.dirname, '..');
const SAMPLE = join(ROOT, 'fixtures', 'hoi-nghi-huyen');

/** Writes the sample folders into `dir` (which must exist). */
export function writeSampleFolders(dir) {
  mkdirSync(join(dir, 'hoi-nghi-huyen'));
  copyFileSync(join(SAMPLE, 'hoi-nghi-huyen.xlsx'), join(dir, 'hoi-nghi-huyen', 'hoi-nghi-huyen.xlsx'));
  const to = join(dir, 'vi-du');
  mkdirSync(to);
  for (const f of ['danh-sach.csv', 'hoi-nghi.csv', 'phieu.csv']) copyFileSync(join(SAMPLE, f), join(to, f));
  copyFileSync(join(ROOT, 'fixtures', 'reconcile', 'nhap-2.csv'), join(to, 'nhap-2.csv'));
  // Ballot 3, the seventh leader (Đặng Quốc Bảo): 'x' typed instead of 3.
  const lines = readFileSync(join(SAMPLE, 'phieu.csv'), 'utf8').split('\n');
  const i = lines.findIndex((l) => l.startsWith('3,'));
  const cells = lines[i].split(',');
  cells[8] = 'x';
  lines[i] = cells.join(',');
  writeFileSync(join(to, 'phieu-go-nham.csv'), lines.join('\n'));
}
