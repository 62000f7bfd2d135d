// Issue 22, item 7: a void ballot's reason on a printed page is the clerk's cause as typed, or —
// when the void column holds only a tick or its own words — a sentence saying the committee
// marked it void; never a bare "x". (JSON keeps what was typed: it is data.)
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { tally } from '../cli/run.js';
import { zipEntries } from '../zip.js';

function session() {
  const dir = mkdtempSync(join(tmpdir(), 'tally-void-reason-'));
  writeFileSync(join(dir, 'danh-sach.csv'), 'STT,Họ và tên,Chức vụ\n1,Nguyễn Văn An,Bí thư\n2,Trần Thị Bình,Phó Bí thư\n');
  writeFileSync(join(dir, 'hoi-nghi.csv'), 'Số người được triệu tập,5\nSố người có mặt,5\nSố phiếu phát ra,5\nSố phiếu thu về,5\n');
  // Ballot 2 ticked void; ballot 4 void with a cause written; the rest valid.
  writeFileSync(join(dir, 'phieu.csv'), 'Số phiếu,Nguyễn Văn An,Trần Thị Bình,Phiếu không hợp lệ\n1,1,2,\n2,1,1,x\n3,2,3,\n4,3,3,Ghi thêm tên\n5,1,1,\n');
  return { dir, args: [join(dir, 'phieu.csv'), '--roster', join(dir, 'danh-sach.csv'), '--session', join(dir, 'hoi-nghi.csv')] };
}

describe('a void ballot’s reason on the page', () => {
  it('says the committee marked it void for a tick, and the cause as typed otherwise, in every printed report', async () => {
    const { dir, args } = session();
    const out = (n: string) => join(dir, n);
    const r = await tally([...args, '-o', out('bb.docx'), '-o', out('th.xlsx'), '-o', out('bc.html'), '-o', out('kq.json')]);
    expect(r.code, r.stderr).toBe(0);
    const phrase = 'Ban kiểm phiếu đánh dấu không hợp lệ (không ghi lý do)';
    const docx = (zipEntries(readFileSync(out('bb.docx'))).get('word/document.xml')?.toString() ?? '').replace(/<[^>]+>/g, '');
    expect(docx).toContain(`Phiếu số 2: ${phrase}`);
    expect(docx).toContain('Phiếu số 4: Ghi thêm tên');
    expect(docx).not.toContain('Phiếu số 2: x');
    const html = readFileSync(out('bc.html'), 'utf8');
    expect(html).toContain(`2 (${phrase})`);
    expect(html).toContain('4 (Ghi thêm tên)');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out('th.xlsx'));
    const cells = wb.worksheets.flatMap((ws) => {
      const t: string[] = [];
      ws.eachRow((row) => row.eachCell((c) => t.push(String(c.value))));
      return t;
    });
    expect(cells).toContain(phrase);
    expect(cells).not.toContain('x');
    // The JSON is data: what the clerk typed.
    const json = JSON.parse(readFileSync(out('kq.json'), 'utf8'));
    expect(json.ballotTypes[0].voidBallots).toBe(2);
  });
});
