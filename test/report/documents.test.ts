// The documents for the standing committee as they are printed: the minutes (DOCX) and the
// summary (XLSX) through LibreOffice, the HTML through Chromium, each to PDF, then the PDF's
// text. Expectations are written by hand from the session built below.
// Needs soffice, chromium, pdftotext and pdfinfo (test/programs.ts).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { SAMPLE, tally } from '../cli/run.js';
import { describeNeeding } from '../programs.js';

/** PDF text, NFC, with runs of spaces made one (pdftotext -layout spreads text out). */
function pdfText(pdf: string): string {
  return execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' }).normalize('NFC');
}
function pages(pdf: string): number {
  const m = /Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [pdf], { encoding: 'utf8' }));
  return Number(m?.[1]);
}
/** Spaces and line breaks made one space: a sentence wrapped across lines reads whole. */
const flat = (text: string) => text.replace(/\s+/g, ' ');

let profile = 0;
/** LibreOffice with a fresh profile each time, in a Vietnamese locale (decimal comma). */
function soffice(file: string, dir: string): string {
  const lo = pathToFileURL(join(dir, `lo-${profile++}`)).href;
  execFileSync('soffice', [`-env:UserInstallation=${lo}`, '--headless', '--convert-to', 'pdf', '--outdir', dir, file], {
    timeout: 120_000,
    stdio: 'ignore',
    env: { ...process.env, LANG: 'vi_VN.UTF-8', LC_ALL: 'vi_VN.UTF-8' },
  });
  return join(dir, basename(file).replace(/\.\w+$/, '.pdf'));
}

function chromium(file: string, dir: string): string {
  const pdf = join(dir, `${basename(file)}.pdf`);
  execFileSync(
    'chromium',
    ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', `--user-data-dir=${join(dir, `chromium-${profile++}`)}`, '--no-pdf-header-footer', `--print-to-pdf=${pdf}`, pathToFileURL(file).href],
    { timeout: 120_000, stdio: 'ignore' },
  );
  return pdf;
}

/** English words that must not reach a printed Vietnamese page. */
const ENGLISH = /\b(default|returned|party-96|party-262|assembly-\d+|false|true|none|review|dismissal|tally)\b/;

const SURNAMES = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng'];
const GIVEN = ['Văn An', 'Thị Bình', 'Đức Cường', 'Thị Dung', 'Quang Huy'];
const POSITIONS = ['Phó Chủ tịch Ủy ban nhân dân xã', 'Chủ tịch Hội đồng nhân dân xã', 'Trưởng Ban Tổ chức Đảng ủy', 'Chủ nhiệm Ủy ban Kiểm tra', 'Bí thư Đoàn Thanh niên'];

/**
 * 25 leaders and 30 ballots, all returned. Leader 1 gets 20 low (exactly 2/3), leader 2 gets 16
 * (over half), every other leader 2 low, 3 confidence and the rest high; ballot 30 is void.
 */
function session25(dir: string, regime: string, extra: string[] = []): string[] {
  const names = Array.from({ length: 25 }, (_, i) => `${SURNAMES[i % 5]} ${GIVEN[Math.floor(i / 5)]}`);
  writeFileSync(join(dir, 'danh-sach.csv'), `STT,Họ và tên,Chức vụ\n${names.map((n, i) => `${i + 1},${n},${POSITIONS[i % 5]}`).join('\n')}\n`);
  const rows: string[] = [];
  for (let b = 1; b <= 30; b++) {
    const cells = names.map((_, i) => {
      const low = i === 0 ? 20 : i === 1 ? 16 : 2;
      return b <= low ? '3' : b <= low + 3 ? '2' : '1';
    });
    rows.push(`${b},${b === 30 ? 'Ghi thêm tên' : ''},${cells.join(',')}`);
  }
  writeFileSync(join(dir, 'phieu.csv'), `Số phiếu,Phiếu không hợp lệ,${names.join(',')}\n${rows.join('\n')}\n`);
  writeFileSync(
    join(dir, 'hoi-nghi.csv'),
    ['Mục,Giá trị', 'Tên hội nghị,Hội nghị Đảng ủy xã lấy phiếu tín nhiệm năm 2024', 'Cơ quan,Đảng ủy xã Phú Đình', 'Cấp trên,Đảng bộ huyện Định Hóa', 'Số,07-BB/BKP', 'Giờ,15:05', 'Địa danh,Phú Đình', 'Ngày,05/02/2024', `Quy định,${regime}`, 'Số người được triệu tập,32', 'Số người có mặt,31', 'Số phiếu phát ra,30', 'Số phiếu thu về,30', 'Ban kiểm phiếu,Ma Văn Tùng; Lường Thị Hoa; Đinh Công Sáu', 'Độ mật,MẬT'].join('\n') + '\n',
  );
  return [join(dir, 'phieu.csv'), '--roster', join(dir, 'danh-sach.csv'), '--session', join(dir, 'hoi-nghi.csv'), ...extra];
}

describeNeeding('soffice', 'chromium', 'pdftotext', 'pdfinfo')('documents of the sample session (no number, no higher body given)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'tally-docs-'));
  let minutes = '';
  let summary = '';
  let html = '';
  let htmlPages = 0;
  beforeAll(async () => {
    const r = await tally([join(SAMPLE, 'hoi-nghi-huyen.xlsx'), '-o', join(dir, 'bien-ban.docx'), '-o', join(dir, 'tong-hop.xlsx'), '-o', join(dir, 'tong-hop.html')]);
    expect(r.code).toBe(0);
    minutes = pdfText(soffice(join(dir, 'bien-ban.docx'), dir));
    summary = pdfText(soffice(join(dir, 'tong-hop.xlsx'), dir));
    const pdf = chromium(join(dir, 'tong-hop.html'), dir);
    html = pdfText(pdf);
    htmlPages = pages(pdf);
  }, 400_000);

  it('the minutes carry the Party heading, a blank number and a dotted line for the higher body', () => {
    const t = flat(minutes);
    expect(t).toContain('ĐẢNG CỘNG SẢN VIỆT NAM');
    expect(t).toContain('HUYỆN ỦY TÂN LẬP');
    expect(t).toMatch(/Số +-BB\/BKP/);
    expect(t).toContain('…………');
    expect(t).toContain('Tân Lập, ngày 13 tháng 12 năm 2023');
    expect(t).toContain('BIÊN BẢN KIỂM PHIẾU');
    // No time given: dotted lines to write it in.
    expect(t).toContain('Vào hồi …… giờ …… phút, ngày 13 tháng 12 năm 2023, tại Tân Lập');
  });

  it('the minutes state the counts, every leader with decimal-comma shares, the flagged leader and the invalid ballots', () => {
    const t = flat(minutes);
    for (const line of ['Số người được triệu tập: 45', 'Số người có mặt: 42', 'Số phiếu phát ra: 42', 'Số phiếu thu về: 41', 'Số phiếu hợp lệ: 40', 'Số phiếu không hợp lệ: 1']) expect(t).toContain(line);
    for (const name of ['Nguyễn Văn Hùng', 'Trần Thị Mai', 'Đặng Quốc Bảo', 'Phan Thị Yến']) expect(t).toContain(name);
    // Đặng Quốc Bảo: 6 / 10 / 23 of 41.
    expect(t).toMatch(/6 +14,63% +10 +24,39% +23 +56,10%/);
    expect(t).toContain('23/41 phiếu tín nhiệm thấp (56,10%)');
    expect(t).toContain('Phiếu số 17: Ghi thêm tên người vào phiếu');
    expect(t).toContain('Phiếu số 12: Đặng Quốc Bảo (gạch tên)');
    expect(t).not.toMatch(/\d\.\d\d%/);
    expect(minutes).not.toMatch(/ Không\s*$/m);
  });

  it('the minutes end with the Party signature block: T/M, the head, every member', () => {
    const t = flat(minutes);
    expect(t).toContain('T/M BAN KIỂM PHIẾU');
    expect(t).toContain('TRƯỞNG BAN');
    expect(t).toContain('CÁC THÀNH VIÊN');
    for (const name of ['Nguyễn Thị Hòa', 'Lê Quang Vinh', 'Phạm Thị Thảo']) expect(t).toContain(name);
    expect(t).not.toContain('TM. BAN');
    expect(minutes).not.toMatch(ENGLISH);
  });

  it('the summary workbook prints the heading, the signature block and no English word', () => {
    const t = flat(summary);
    expect(t).toContain('ĐẢNG CỘNG SẢN VIỆT NAM');
    expect(t).toContain('HUYỆN ỦY TÂN LẬP');
    expect(t).toContain('Tân Lập, ngày 13 tháng 12 năm 2023');
    expect(t).toContain('KẾT QUẢ LẤY PHIẾU TÍN NHIỆM');
    expect(t).toContain('56,10%');
    expect(t).toContain('T/M BAN KIỂM PHIẾU');
    expect(t).toContain('CÁC THÀNH VIÊN');
    for (const name of ['Nguyễn Thị Hòa', 'Lê Quang Vinh', 'Phạm Thị Thảo', 'Đặng Quốc Bảo']) expect(t).toContain(name);
    // The audit sheet is not printed; its words would be these.
    expect(t).not.toContain('THÔNG TIN KIỂM TRA');
    expect(summary).not.toMatch(ENGLISH);
    expect(summary).not.toMatch(/ Không\s*$/m);
  });

  it('the HTML prints on one page with the heading, the signatures and no browser header or footer', () => {
    const t = flat(html);
    expect(htmlPages).toBe(1);
    expect(t).toContain('ĐẢNG CỘNG SẢN VIỆT NAM');
    expect(t).toContain('Tân Lập, ngày 13 tháng 12 năm 2023');
    expect(t).toContain('56,10%');
    expect(t).toContain('T/M BAN KIỂM PHIẾU');
    expect(t).toContain('Lê Quang Vinh');
    expect(html).not.toContain('file://');
    expect(html).not.toMatch(ENGLISH);
  });
});

describeNeeding('soffice', 'chromium', 'pdftotext', 'pdfinfo')('a session of 25 leaders with every heading value given', () => {
  const dir = mkdtempSync(join(tmpdir(), 'tally-docs25-'));
  const names = Array.from({ length: 25 }, (_, i) => `${SURNAMES[i % 5]} ${GIVEN[Math.floor(i / 5)]}`);

  it('the HTML prints all 25 leaders on one A4 landscape page', async () => {
    const r = await tally([...session25(dir, '96-QĐ/TW'), '-o', join(dir, 'p.html')]);
    expect(r.code).toBe(0);
    const pdf = chromium(join(dir, 'p.html'), dir);
    expect(pages(pdf)).toBe(1);
    const size = /Page size:\s+([\d.]+) x ([\d.]+)/.exec(execFileSync('pdfinfo', [pdf], { encoding: 'utf8' }));
    // A4 landscape is 842 x 595 points.
    expect(Math.round(Number(size?.[1]))).toBe(842);
    expect(Math.round(Number(size?.[2]))).toBe(595);
    const t = flat(pdfText(pdf));
    for (const n of names) expect(t).toContain(n);
    expect(t).toContain('ĐẢNG BỘ HUYỆN ĐỊNH HÓA');
    expect(t).toContain('ĐẢNG ỦY XÃ PHÚ ĐÌNH');
    expect(t).toContain('Số 07-BB/BKP');
    expect(t).toContain('Phú Đình, ngày 05 tháng 02 năm 2024');
    expect(t).toContain('MẬT');
    // Leader 1: 20 of 30 low is exactly two thirds.
    expect(t).toContain('66,67%');
    expect(t).toContain('53,33%');
  }, 150_000);

  it('the minutes under a People’s Council regime use the State heading and TM.', async () => {
    const r = await tally([...session25(dir, 'NQ 96/2023'), '-o', join(dir, 'bb.docx')]);
    expect(r.code).toBe(0);
    const t = flat(pdfText(soffice(join(dir, 'bb.docx'), dir)));
    expect(t).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    expect(t).toContain('Độc lập - Tự do - Hạnh phúc');
    expect(t).not.toContain('ĐẢNG CỘNG SẢN VIỆT NAM');
    expect(t).toContain('TM. BAN KIỂM PHIẾU');
    expect(t).not.toContain('T/M');
    expect(t).toContain('Số: 07-BB/BKP');
    expect(t).toContain('Vào hồi 15 giờ 05 phút, ngày 05 tháng 02 năm 2024, tại Phú Đình');
    for (const n of names) expect(t).toContain(n);
    // Every page carries the classification.
    const pdfPages = pdfText(join(dir, 'bb.pdf')).split('\f').filter((p) => p.trim() !== '');
    expect(pdfPages.length).toBeGreaterThan(1);
    for (const p of pdfPages) expect(p).toContain('MẬT');
    expect(t).toContain('Phiếu số 30: Ghi thêm tên');
    // An assembly counts its deputies (issue 22, item 8).
    expect(t).toContain('Tổng số đại biểu');
    expect(t).toContain('2/3 tổng số đại biểu');
    expect(t).not.toContain('được triệu tập');
  }, 150_000);
});

describe('the minutes as a Word file', () => {
  it('are A4 with the prescribed margins, Times New Roman, and identical content on every run', async () => {
    const { readFileSync } = await import('node:fs');
    const { zipEntries } = await import('../zip.js');
    const a = mkdtempSync(join(tmpdir(), 'tally-docx-'));
    const b = mkdtempSync(join(tmpdir(), 'tally-docx-'));
    for (const d of [a, b]) expect((await tally([join(SAMPLE, 'hoi-nghi-huyen.xlsx'), '-o', join(d, 'bb.docx')])).code).toBe(0);
    const ea = zipEntries(readFileSync(join(a, 'bb.docx')));
    const eb = zipEntries(readFileSync(join(b, 'bb.docx')));
    expect([...eb.keys()].sort()).toEqual([...ea.keys()].sort());
    for (const [name, content] of ea) expect(eb.get(name)?.equals(content), name).toBe(true);
    expect(ea.get('docProps/core.xml')?.toString()).toContain('2023-12-13T00:00:00Z');
    const doc = ea.get('word/document.xml')?.toString() ?? '';
    // A4 is 11906 x 16838 twips; 20 mm = 1134, 30 mm = 1701, 15 mm = 850.
    expect(doc).toMatch(/<w:pgSz w:w="11906" w:h="16838"/);
    expect(doc).toMatch(/<w:pgMar w:top="1134" w:right="850" w:bottom="1134" w:left="1701"/);
    expect(doc).toContain('w:ascii="Times New Roman"');
    expect(doc).not.toMatch(/w:ascii="(?!Times New Roman)/);
  });
});
