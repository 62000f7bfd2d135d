// The printed ballot's words (Quy định 96, Phụ lục 4: STT · Họ và tên · Chức vụ · three boxes
// under "Mức độ tín nhiệm"), in the two languages of the tool.
import type { Lang } from './lang.js';
import { LABELS } from './labels.js';

export const FORM_TEXT = {
  vi: {
    type: 'PHIẾU LẤY PHIẾU TÍN NHIỆM',
    subject: 'Đối với người giữ chức vụ do bầu hoặc phê chuẩn',
    ballotType: (code: string) => `Loại phiếu: ${code}`,
    levelsGroup: 'Mức độ tín nhiệm',
    howTo: 'Cách ghi phiếu: ở mỗi dòng, đánh dấu X vào một trong ba ô. Dòng không đánh dấu hoặc đánh dấu từ hai ô trở lên là dòng không hợp lệ. Không ghi thêm tên hoặc nội dung khác vào phiếu.',
    page: (page: number, pages: number) => `Trang ${page}/${pages}`,
    continued: 'Phiếu còn tiếp ở trang sau',
  },
  en: {
    type: 'CONFIDENCE VOTE BALLOT',
    subject: 'On holders of elected or approved positions',
    ballotType: (code: string) => `Ballot type: ${code}`,
    levelsGroup: 'Level of confidence',
    howTo: 'How to mark: on every row, put an X in one of the three boxes. A row with no mark, or with marks in two or three boxes, is invalid. Write no name or anything else on the ballot.',
    page: (page: number, pages: number) => `Page ${page}/${pages}`,
    continued: 'The ballot continues overleaf',
  },
} as const;

/** The three boxes' headings, the level names every report uses. */
export const formLevels = (lang: Lang): readonly [string, string, string] => {
  const c = LABELS[lang].col;
  return [c.high, c.confidence, c.low];
};
