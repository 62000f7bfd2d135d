// `tally ballot-form` (issue 23, SPEC §2.6): the printed ballot read back as a person and a
// scanner would — its text through poppler, its pages rendered to pixels, its QR codes decoded
// by jsQR (a decoder that shares nothing with the encoder used). Expectations come from the
// roster written here and from the layout SPEC §2.6 and shared/reference/scan.md describe.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import jsQR from 'jsqr';
import { beforeAll, describe, expect, it } from 'vitest';
import { tally } from '../cli/run.js';
import { describeNeeding } from '../programs.js';

const SURNAMES = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Vũ', 'Đặng', 'Bùi'];
const GIVEN = ['Văn An', 'Thị Bình', 'Đức Cường', 'Thị Dung', 'Quang Huy'];
/** 40 leaders of the executive committee (BCH), then 5 of the standing committee (BTV). */
const BCH = Array.from({ length: 40 }, (_, i) => ({ name: `${SURNAMES[i % 8]} ${GIVEN[Math.floor(i / 8)]} ${i + 1}`, position: i % 3 === 0 ? 'Phó Chủ tịch Ủy ban nhân dân xã' : 'Ủy viên Ban Chấp hành' }));
const BTV = Array.from({ length: 5 }, (_, i) => ({ name: `Đỗ Thị Thường Vụ ${i + 1}`, position: 'Ủy viên Ban Thường vụ' }));

function session(dir: string): string[] {
  const rows = [...BCH.map((l, i) => `${i + 1},${l.name},${l.position},BCH`), ...BTV.map((l, i) => `${i + 1},${l.name},${l.position},BTV`)];
  writeFileSync(join(dir, 'danh-sach.csv'), `STT,Họ và tên,Chức vụ,Loại phiếu\n${rows.join('\n')}\n`);
  writeFileSync(join(dir, 'hoi-nghi.csv'), 'Tên hội nghị,Hội nghị Ban Chấp hành Đảng bộ xã lấy phiếu tín nhiệm\nCơ quan,Đảng ủy xã Tân Lập\nCấp trên,Đảng bộ huyện Định Hóa\nĐịa danh,Tân Lập\nNgày,13/12/2023\n');
  return ['ballot-form', '--roster', join(dir, 'danh-sach.csv'), '--session', join(dir, 'hoi-nghi.csv')];
}

/** A page rendered to grey pixels (pdftoppm, PGM). */
function render(pdf: string, page: number, dpi: number, dir: string): { width: number; height: number; grey: Uint8Array } {
  const base = join(dir, `r-${page}-${dpi}`);
  execFileSync('pdftoppm', ['-gray', '-r', String(dpi), '-f', String(page), '-l', String(page), '-singlefile', pdf, base]);
  const bytes = readFileSync(`${base}.pgm`);
  // "P5\n<w> <h>\n255\n" then one byte a pixel.
  const header = /^P5\s+(\d+)\s+(\d+)\s+255\s/.exec(bytes.subarray(0, 64).toString('latin1'));
  if (header === null) throw new Error('not a PGM');
  const width = Number(header[1]);
  const height = Number(header[2]);
  return { width, height, grey: new Uint8Array(bytes.subarray(header[0].length)) };
}

function qrOf(pdf: string, page: number, dir: string): string | null {
  const { width, height, grey } = render(pdf, page, 150, dir);
  const rgba = new Uint8ClampedArray(width * height * 4);
  for (let i = 0; i < grey.length; i++) rgba.set([grey[i] as number, grey[i] as number, grey[i] as number, 255], i * 4);
  return jsQR(rgba, width, height)?.data ?? null;
}

const pageTexts = (pdf: string) => execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' }).normalize('NFC').split('\f').slice(0, -1);
const pageCount = (pdf: string) => Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [pdf], { encoding: 'utf8' }))?.[1]);

describeNeeding('pdftotext', 'pdfinfo', 'pdftoppm', 'pdffonts')('the printed ballot', () => {
  const dir = mkdtempSync(join(tmpdir(), 'tally-form-'));
  const pdf = join(dir, 'phieu.pdf');
  const copies = join(dir, 'ban-in.pdf');
  let texts: string[] = [];
  let codes: (string | null)[] = [];
  beforeAll(async () => {
    const r = await tally([...session(dir), '-o', pdf]);
    expect(r.code, r.stderr).toBe(0);
    texts = pageTexts(pdf);
    codes = texts.map((_, i) => qrOf(pdf, i + 1, dir));
  }, 120_000);

  it('prints every ballot type, every leader once, on A4 portrait pages with the fonts embedded', () => {
    expect(execFileSync('pdfinfo', [pdf], { encoding: 'utf8' })).toMatch(/Page size:\s+595\.2\d x 841\.8\d pts \(A4\)/);
    const all = texts.join('\n');
    for (const l of [...BCH, ...BTV]) expect(all.split(l.name).length - 1, l.name).toBe(1);
    const fonts = execFileSync('pdffonts', [pdf], { encoding: 'utf8' });
    // Every face used is embedded and subset ("emb sub" yes yes): it prints the same on any PC.
    const faces = fonts.split('\n').slice(2).filter((l) => l.trim() !== '');
    expect(faces.length).toBeGreaterThan(0);
    for (const f of faces) expect(f, f).toMatch(/yes\s+yes\s+yes/);
  });

  it('heads each form as a Party document and says how to mark, with the level names over the boxes', () => {
    const first = texts[0] as string;
    for (const t of ['ĐẢNG BỘ HUYỆN ĐỊNH HÓA', 'ĐẢNG ỦY XÃ TÂN LẬP', 'ĐẢNG CỘNG SẢN VIỆT NAM', 'Tân Lập, ngày 13 tháng 12 năm 2023', 'PHIẾU LẤY PHIẾU TÍN NHIỆM', 'Loại phiếu: BCH', 'Mức độ tín nhiệm', 'Tín nhiệm', 'đánh dấu X', 'STT', 'Họ và tên', 'Chức vụ']) {
      expect(first, t).toContain(t);
    }
    expect(first.replace(/\s+/g, ' ')).toContain('Hội nghị Ban Chấp hành Đảng bộ xã lấy phiếu tín nhiệm');
  });

  it('a QR code on every page names the session, the type, the page of the pages, its rows and first row', () => {
    const parsed = codes.map((c) => /^TALLY1:([0-9A-F]{12}):(\d+):(\d+)\/(\d+):(\d+):(\d+)$/.exec(c ?? ''));
    for (const [i, p] of parsed.entries()) expect(p, `page ${i + 1}: ${codes[i]}`).not.toBeNull();
    const fields = parsed.map((p) => (p as RegExpExecArray).slice(1));
    // One session on every page.
    expect(new Set(fields.map((f) => f[0])).size).toBe(1);
    // Each type's pages are 1..n of n, and their rows cover its leaders once, in order, with the
    // header repeated on every page and no page holding more than 20 rows.
    for (const [type, leaders] of [['1', BCH], ['2', BTV]] as const) {
      const pages = fields.map((f, i) => ({ f, i })).filter(({ f }) => f[1] === type);
      expect(pages.length).toBeGreaterThan(0);
      let next = 1;
      for (const [k, { f, i }] of pages.entries()) {
        expect(f.slice(2, 4)).toEqual([String(k + 1), String(pages.length)]);
        const rows = Number(f[4]);
        expect(Number(f[5])).toBe(next);
        expect(rows).toBeLessThanOrEqual(20);
        const text = texts[i] as string;
        expect(text).toContain('Họ và tên');
        leaders.forEach((l, j) => expect(text.includes(l.name), `${l.name} on page ${i + 1}`).toBe(j + 1 >= next && j + 1 < next + rows));
        next += rows;
      }
      expect(next - 1).toBe(leaders.length);
    }
    // 40 leaders do not fit one page; five do.
    expect(fields.filter((f) => f[1] === '1').length).toBeGreaterThan(1);
    expect(fields.filter((f) => f[1] === '2').length).toBe(1);
  });

  it('four solid markers centred 14 mm from the corners, with clear paper around each', () => {
    const dpi = 100;
    const { width, grey } = render(pdf, 1, dpi, dir);
    const px = (mmX: number, mmY: number) => grey[Math.round((mmY * dpi) / 25.4) * width + Math.round((mmX * dpi) / 25.4)] as number;
    for (const [x, y] of [[14, 14], [196, 14], [196, 283], [14, 283]] as const) {
      expect(px(x, y), `marker at ${x},${y}`).toBeLessThan(60);
      for (const [dx, dy] of [[-5.5, 0], [5.5, 0], [0, -5.5], [0, 5.5]]) expect(px(x + dx, y + dy), `clear at ${x + dx},${y + dy}`).toBeGreaterThan(200);
    }
  });

  it('copies are the same pages: nothing tells one copy from another', async () => {
    const r = await tally([...session(dir), '--copies', '2', '-o', copies]);
    expect(r.code, r.stderr).toBe(0);
    const one = pageCount(pdf);
    expect(pageCount(copies)).toBe(2 * one);
    const t = pageTexts(copies);
    for (let i = 0; i < one; i++) {
      expect(t[i + one]).toBe(t[i]);
      const a = render(copies, i + 1, 50, dir).grey;
      const b = render(copies, i + 1 + one, 50, dir).grey;
      expect(Buffer.compare(Buffer.from(a), Buffer.from(b)), `page ${i + 1}`).toBe(0);
    }
  }, 120_000);

  it('the same inputs give the same file, byte for byte', async () => {
    const again = join(dir, 'lai.pdf');
    expect((await tally([...session(dir), '-o', again])).code).toBe(0);
    expect(Buffer.compare(readFileSync(again), readFileSync(pdf))).toBe(0);
  });
});

describe('ballot-form refuses what it cannot print', () => {
  const dir = mkdtempSync(join(tmpdir(), 'tally-form-bad-'));
  it('without a roster, another format, or copies that are not a whole number: exit 2, nothing written', async () => {
    expect((await tally(['ballot-form', '-o', join(dir, 'a.pdf')])).code).toBe(2);
    expect((await tally([...session(dir), '-o', join(dir, 'a.docx')])).code).toBe(2);
    expect((await tally([...session(dir), '--copies', '0', '-o', join(dir, 'a.pdf')])).code).toBe(2);
    expect((await tally([...session(dir), '--copies', '99999', '-o', join(dir, 'a.pdf')])).code).toBe(2);
    expect(readdirSync(dir).filter((f) => f.endsWith('.pdf') || f.endsWith('.docx'))).toEqual([]);
  });

  it('a roster with an error: exit 1, the error named, nothing written', async () => {
    writeFileSync(join(dir, 'ds.csv'), 'STT,Họ và tên,Chức vụ\n1,Nguyễn Văn A,Bí thư\n1,Trần Thị B,Phó Bí thư\n');
    const r = await tally(['ballot-form', '--roster', join(dir, 'ds.csv'), '-o', join(dir, 'b.pdf')]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('Lỗi');
    expect(readdirSync(dir).filter((f) => f.endsWith('.pdf'))).toEqual([]);
  });

  it('the session workbook alone: its Danh sách and Hội nghị sheets', async () => {
    const out = join(dir, 'mau.pdf');
    const r = await tally(['ballot-form', join('fixtures', 'hoi-nghi-huyen', 'hoi-nghi-huyen.xlsx'), '-o', out]);
    expect(r.code, r.stderr).toBe(0);
    expect(readFileSync(out).subarray(0, 5).toString('latin1')).toBe('%PDF-');
  });
});
