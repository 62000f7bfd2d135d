// The void column's vocabulary (SPEC §2.4, §2.5), word by word: every word of SPEC's lists,
// negations, phrases meaning valid, and texts a clerk writes that no list holds. Expected
// readings are SPEC's, by hand.
import { describe, expect, it } from 'vitest';
import { readVoidCell, VOID_ACCEPTED } from '../../src/model/void-words.js';

const kind = (t: string) => {
  const r = readVoidCell(t);
  return r.kind === 'refused' ? `refused:${r.why}` : r.kind;
};

describe('the void column vocabulary', () => {
  it('empty is nothing at all', () => {
    for (const t of ['', ' ', '\u00a0']) expect(kind(t)).toBe('none');
  });

  it('ticks and a checkbox TRUE void the ballot, the text kept as the reason', () => {
    for (const t of ['x', 'X', 'v', 'V', '✓', '✔', '☑', 'TRUE', 'true', ' x ']) expect(readVoidCell(t)).toEqual({ kind: 'void', reason: t });
  });

  it("the column's own words void the ballot", () => {
    for (const t of ['không hợp lệ', 'Không hợp lệ', 'KHÔNG HỢP LỆ', 'khong hop le', 'phiếu không hợp lệ', 'Phiếu không hợp lệ.', 'KHL', 'khl', 'Phiếu KHL', 'invalid']) expect(kind(t)).toBe('void');
  });

  it("SPEC's causes void the ballot, with or without diacritics, in either tone placement", () => {
    const causes = [
      'không theo mẫu', 'Phiếu không theo mẫu', 'không do Ban kiểm phiếu phát ra', 'Phiếu không do BKP phát ra', 'không có dấu', 'Không có dấu của Ban kiểm phiếu',
      'ghi thêm tên', 'Ghi thêm tên người vào phiếu', 'ghi thêm nội dung', 'viết thêm', 'Viết thêm nội dung khác', 'ký tên', 'Có ký tên', 'có chữ ký', 'đánh dấu riêng',
      'ký hiệu riêng', 'gạch xóa hết', 'gạch xoá hết', 'Gạch xóa hết tên', 'rách', 'Rách', 'Phiếu rách', 'bị rách', 'nhàu nát', 'Phiếu nhàu nát', 'RACH', 'ghi them ten',
    ];
    for (const t of causes) expect([t, kind(t)]).toEqual([t, 'void']);
    for (const t of VOID_ACCEPTED.causes) expect([t, kind(t)]).toEqual([t, 'void']);
  });

  it('a cause with its own "không" is a cause, not a negation; two causes are still a cause', () => {
    for (const t of ['không hợp lệ do ký tên', 'Không hợp lệ - ghi thêm tên', 'Không hợp lệ vì không có dấu', 'Rách, không có dấu', 'có ghi thêm tên người', 'Ghi thêm tên người không có trong danh sách'])
      expect([t, kind(t)]).toEqual([t, 'void']);
  });

  it('a negated cause is refused', () => {
    for (const t of ['không ghi thêm tên', 'Không ghi thêm tên', 'không rách', 'Không bị rách', 'chưa ký tên', 'Không có chữ ký', 'không ký tên', 'ko ghi thêm tên', 'Phiếu không rách', 'Ký tên: không', 'Rách (không ghi thêm tên)'])
      expect([t, kind(t)]).toEqual([t, 'refused:negated']);
  });

  it('a text with a word of validity is refused, even beside a cause', () => {
    const valid = [
      'hợp lệ', 'Hợp lệ', 'HOP LE', 'phiếu hợp lệ', 'Phiếu hợp lệ', 'đúng quy định', 'Đúng quy định', 'bình thường', 'không có vấn đề', 'Không có vấn đề', 'Không vấn đề gì', 'OK',
      'ok', 'Đạt yêu cầu', 'Hợp lệ (đúng mẫu)', 'Hợp lệ, không rách', 'Phiếu hợp lệ, có chữ ký của Ban kiểm phiếu', 'Không có dấu hiệu bất thường', 'valid',
    ];
    for (const t of valid) expect([t, kind(t)]).toEqual([t, 'refused:valid']);
  });

  it('a word meaning nothing is refused', () => {
    for (const t of ['không', 'Không', 'KHÔNG', 'Không.', 'không có', 'Không có', 'no', 'No', '0', 'false', 'FALSE', '-', '—', 'none', 'N/A', 'không có gì', 'ko'])
      expect([t, kind(t)]).toEqual([t, 'refused:nothing']);
  });

  it('a text the vocabulary does not know is refused', () => {
    for (const t of ['1', 'có', 'Có', 'Đạt', 'hỏng', 'y', 'Đánh dấu nhiều ô', 'ghi chú', 'Xem lại', 'Phiếu trắng có ký tên', '?']) expect([t, kind(t)]).toEqual([t, 'refused:unknown']);
  });

  it('trắng, phiếu trắng and blank mark a returned blank ballot', () => {
    for (const t of ['trắng', 'Trắng', 'TRẮNG', 'trang', 'phiếu trắng', 'Phiếu trắng', 'phieu trang', 'blank', 'Blank']) expect([t, kind(t)]).toEqual([t, 'blank']);
  });

  // Texts a clerk writes that the generator does not (issue 20's own-made probe), each read as SPEC says.
  it.each([
    ['Phiếu bị rách góc', 'void'], ['Xé rách', 'void'], ['Ghi thêm ý kiến', 'void'], ['Đã ký tên', 'void'], ['Ký tên vào phiếu', 'void'], ['Có ký tên người bỏ phiếu', 'void'],
    ['Không có dấu giáp lai', 'void'], ['Thiếu dấu', 'void'], ['Phiếu không đóng dấu', 'void'], ['Phiếu gạch hết tên', 'void'], ['Ghi thêm tên ngoài danh sách', 'void'],
    ['Phiếu không do BKP phát hành', 'void'], ['Sai mẫu', 'void'], ['KHL - rách', 'void'], ['Không hợp lệ (rách)', 'void'], ['x (rách)', 'void'], ['✓ Rách', 'void'],
    ['Phiếu ko hợp lệ', 'void'], ['Phiếu không hợp lệ vì có chữ ký', 'void'],
    // Found reading wrong, now right: a private mark "có dấu hiệu riêng" is not the valid "có dấu";
    // an emoji tick carries a variation selector; "bỏ phiếu trắng" is a blank ballot.
    ['Có dấu hiệu riêng', 'void'], ['✔️', 'void'], ['☑️', 'void'], ['Bỏ phiếu trắng', 'blank'],
    ['Chưa hợp lệ', 'refused:valid'], ['Phiếu bầu hợp lệ', 'refused:valid'], ['hợp lệ?', 'refused:valid'], ['Không vấn đề gì', 'refused:valid'],
    ['Không có ký tên', 'refused:negated'], ['Không hợp lệ, không rách', 'refused:negated'],
    ['Ko', 'refused:nothing'], ['K', 'refused:nothing'],
    ['N', 'refused:unknown'], ['Phiếu hỏng', 'refused:unknown'], ['Tẩy xóa', 'refused:unknown'], ['Phiếu không ghi gì', 'refused:unknown'], ['Đánh dấu X vào tên', 'refused:unknown'],
  ])("'%s' reads %s", (text, expected) => {
    expect(kind(text)).toBe(expected);
  });
});
