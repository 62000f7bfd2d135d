// What the generator writes in the void column (SPEC §2.4, §2.5), from SPEC's lists by hand —
// nothing here reads src/. Both layouts write from these lists, and must read them alike.

/** Texts that void the ballot: ticks, the column's own words, recognised causes (any case, with or without diacritics, either tone placement). */
export const VOID_TEXTS = [
  'x', 'X', 'v', '✓', 'TRUE',
  'không hợp lệ', 'Không hợp lệ', 'KHÔNG HỢP LỆ', 'khong hop le', 'Phiếu không hợp lệ', 'KHL', 'khl',
  'không theo mẫu', 'Phiếu không theo mẫu', 'Không do Ban kiểm phiếu phát ra', 'Phiếu không do Ban kiểm phiếu phát ra', 'không có dấu', 'Không có dấu của Ban kiểm phiếu',
  'Ghi thêm tên', 'Ghi thêm tên người vào phiếu', 'ghi thêm nội dung', 'Viết thêm', 'Viết thêm nội dung khác', 'Ký tên', 'có chữ ký', 'Có chữ ký',
  'đánh dấu riêng', 'Ký hiệu riêng', 'Gạch xóa hết', 'gạch xoá hết', 'Rách', 'rách', 'Phiếu rách', 'nhàu nát', 'Nhàu nát', 'RACH', 'ghi them ten',
  'Không hợp lệ - ký tên', 'Không hợp lệ do ghi thêm tên',
];

/** Texts that are no evidence, each refused: negated causes, words of validity, words meaning nothing, unknown texts. */
export const REFUSED_VOID_TEXTS = [
  'Không ghi thêm tên', 'không ghi thêm tên', 'Không rách', 'không có chữ ký', 'Không ký tên',
  'Hợp lệ', 'hợp lệ', 'HOP LE', 'Phiếu hợp lệ', 'Đúng quy định', 'Bình thường', 'Không có vấn đề', 'OK',
  'Không', 'không', 'không có', 'No', '0', '-', 'false', 'FALSE',
  'Ghi chú', '1', 'có',
];

/** A returned blank ballot. */
export const BLANK_TEXTS = ['trắng', 'phiếu trắng', 'blank', 'Trắng', 'Phiếu trắng', 'TRẮNG', 'phieu trang'];
