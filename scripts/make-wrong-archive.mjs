// An archive where every session is wrong, for measuring `tally check` on the worst case
// (issue 11): N folder sessions, each 300 ballots × 30 leaders with every cell a bad code.
// Usage: node scripts/make-wrong-archive.mjs DIR [sessions=150] [ballots=300] [leaders=30]
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export function makeWrongArchive(dir, sessions = 150, ballots = 300, leaders = 30) {
  for (let s = 1; s <= sessions; s++) {
    const folder = join(dir, `don-vi-${s}`);
    mkdirSync(folder, { recursive: true });
    const names = Array.from({ length: leaders }, (_, i) => `Cán Bộ ${s}-${i + 1}`);
    writeFileSync(join(folder, 'danh-sach.csv'), ['STT,Mã,Họ và tên,Chức vụ', ...names.map((n, i) => `${i + 1},S${s}L${i + 1},${n},Ủy viên`)].join('\n') + '\n');
    writeFileSync(
      join(folder, 'hoi-nghi.csv'),
      ['Mục,Giá trị', `Tên hội nghị,Hội nghị ${s}`, 'Ngày,10/12/2024', 'Đợt,2024', `Số người được triệu tập,${ballots}`, `Số người có mặt,${ballots}`, `Số phiếu phát ra,${ballots}`, `Số phiếu thu về,${ballots}`].join('\n') + '\n',
    );
    const bad = Array.from({ length: leaders }, () => 'z').join(',');
    const rows = [`Số phiếu,${names.join(',')}`];
    for (let b = 1; b <= ballots; b++) rows.push(`${b},${bad}`);
    writeFileSync(join(folder, 'phieu.csv'), rows.join('\n') + '\n');
  }
}

if (process.argv[1]?.endsWith('make-wrong-archive.mjs')) {
  const [dir, n, b, l] = process.argv.slice(2);
  if (dir === undefined) throw new Error('usage: make-wrong-archive.mjs DIR [sessions] [ballots] [leaders]');
  makeWrongArchive(dir, Number(n ?? 150), Number(b ?? 300), Number(l ?? 30));
}
