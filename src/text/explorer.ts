// What tally says when it is started from File Explorer (src/cli/explorer.ts): double-clicked,
// or given a workbook dropped on tally.exe. The window closes when the program ends, so each
// screen ends by asking for Enter.
import type { Lang } from './lang.js';

export const EXPLORER_TEXT: Record<Lang, {
  readonly help: readonly string[];
  readonly dropped: (file: string) => string;
  readonly close: string;
}> = {
  vi: {
    help: [
      'tally — kiểm phiếu tín nhiệm theo Quy định 96-QĐ/TW',
      '',
      'Chương trình này chạy trong cửa sổ lệnh; nhấp đúp vào tally.exe',
      'chỉ hiện trang này.',
      '',
      'Cách nhanh nhất: kéo tệp Excel đã nhập phiếu (.xlsx) thả vào biểu tượng',
      'tally.exe. Chương trình kiểm phiếu, hiện kết quả, và ghi bảng tổng hợp Excel',
      'cùng biên bản (Word) vào thư mục của tệp đó (không ghi đè tệp nào đã có).',
      '',
      'Dùng đầy đủ: trong thư mục này, nhấn vào thanh địa chỉ của File Explorer,',
      'gõ cmd rồi nhấn Enter; trong cửa sổ lệnh gõ  tally --help  để xem mọi lệnh',
      'và tùy chọn. Hướng dẫn chi tiết: tệp HUONG-DAN.html trong thư mục này.',
    ],
    dropped: (file) => `Kiểm phiếu tệp ${file}`,
    close: 'Nhấn Enter để đóng cửa sổ.',
  },
  en: {
    help: [
      'tally — confidence-vote tally under Regulation 96-QĐ/TW',
      '',
      'This program runs in a command window; double-clicking tally.exe only',
      'shows this page.',
      '',
      'Quickest: drag the workbook with the typed ballots (.xlsx) and drop it on',
      'tally.exe. The ballots are tallied, the result shown, and the Excel summary',
      'and the minutes (Word) written in that file\'s folder (no existing file is',
      'overwritten).',
      '',
      'Full use: in this folder, click the address bar of File Explorer, type cmd',
      'and press Enter; in the command window type  tally --help  for every',
      'command and option. The guide: HUONG-DAN.html in this folder.',
    ],
    dropped: (file) => `Tallying ${file}`,
    close: 'Press Enter to close this window.',
  },
};

/** The names of the two reports written beside a dropped workbook ("<name>-tong-hop.xlsx"). */
export const DROPPED_REPORTS: readonly string[] = ['tong-hop.xlsx', 'bien-ban.docx'];
