// Wording of every problem, in Vietnamese and English, keyed by problem code. Detection
// lives elsewhere and passes only codes and parameters.
import type { Problem, ProblemCode, ProblemParams, ParamValue } from '../model/problem.js';
import { DENOMINATOR_BASES, REGIME_IDS, type Location } from '../model/types.js';
import type { Lang } from './lang.js';
import { FILE_REASONS } from './file-reasons.js';
import { LABELS } from './labels.js';
import { VOID_ACCEPTED } from '../model/void-words.js';

/** A denominator basis in the reader's words ("số phiếu thu về"), not its JSON code. */
const basisWords = (v: ParamValue | undefined, lang: Lang): string => (LABELS[lang].basis as Readonly<Record<string, string>>)[s(v)] ?? s(v);
import { HELP } from './cli.js';
import type { LimitName } from '../model/limits.js';

type Params = Readonly<Record<string, ParamValue>>;
/** The wording of one problem code, reading only the parameters that code carries. */
type Wording<C extends ProblemCode = ProblemCode> = (p: Readonly<ProblemParams[C]>, value: string | undefined) => string;

const fills = (v: ParamValue | undefined): string => (Array.isArray(v) ? v.map((x) => (x === '' ? '–' : x)).join(' / ') : '');
const s = (v: ParamValue | undefined): string => (v === undefined ? '' : Array.isArray(v) ? v.join('; ') : String(v));
/** A long list cut after a few, with how many more (the JSON document keeps the list whole). */
const LISTED = 5;
const someOf = (v: ParamValue | undefined, more: (n: number) => string): string =>
  Array.isArray(v) && v.length > LISTED + 1 ? `${v.slice(0, LISTED).join('; ')}; ${more(v.length - LISTED)}` : s(v);

/** Which ballots a line's unreadable name leaves without that line (the long layout). */
const onBallotsVi = (ballots: readonly string[]) => `dòng của ${ballots.length === 1 ? 'phiếu số' : `${ballots.length.toLocaleString('vi-VN')} phiếu, số`} ${someOf(ballots, (n) => `và ${n.toLocaleString('vi-VN')} phiếu khác`)}`;
const onBallotsEn = (ballots: readonly string[]) => `the line of ${ballots.length === 1 ? 'ballot' : `${ballots.length.toLocaleString('en-US')} ballots,`} ${someOf(ballots, (n) => `and ${n.toLocaleString('en-US')} more`)}`;

/** The clerk's wording of why a file cannot be read, when it needs no detail filled in. */
/** Known words for a list of names, joined. */
function list(v: ParamValue | undefined, words: Readonly<Record<string, string>>, and: string): string {
  return (Array.isArray(v) ? v : [s(v)]).map((x) => words[x] ?? x).join(and);
}

function fileReason(lang: Lang, p: Params): string | null {
  const text = (FILE_REASONS[lang] as Readonly<Record<string, string>>)[s(p['reason'])];
  // Past a limit: which one, and the option that raises it, as the command line says it.
  const limit = HELP[lang].limits[s(p['limit']) as LimitName] as ((v: number) => string) | undefined;
  if (text !== undefined && limit !== undefined && typeof p['value'] === 'number') return text.replace('{0}', limit(p['value'])).replace('{1}', s(p['limit']));
  return text === undefined || text.includes('{0}') ? null : text;
}

const KEY_LABEL: Record<string, { vi: string; en: string; flag?: string }> = {
  convened: { vi: 'Số người được triệu tập', en: 'number convened', flag: '--convened' },
  present: { vi: 'Số người có mặt', en: 'number present', flag: '--present' },
  issued: { vi: 'Số phiếu phát ra', en: 'ballots issued', flag: '--issued' },
  returned: { vi: 'Số phiếu thu về', en: 'ballots returned', flag: '--returned' },
  date: { vi: 'Ngày', en: 'date', flag: '--date' },
  regime: { vi: 'Quy định', en: 'regime', flag: '--regime' },
  denominator: { vi: 'Cơ sở tính tỷ lệ', en: 'denominator', flag: '--denominator' },
  strict: { vi: 'strict', en: 'strict', flag: '--strict' },
  title: { vi: 'Tên hội nghị', en: 'title', flag: '--title' },
  body: { vi: 'Cơ quan', en: 'body', flag: '--body' },
  parent_body: { vi: 'Cấp trên', en: 'parent body', flag: '--parent-body' },
  number: { vi: 'Số văn bản', en: 'number', flag: '--number' },
  round: { vi: 'Đợt', en: 'round', flag: '--round' },
};
const keyLabel = (key: ParamValue | undefined, lang: Lang) => KEY_LABEL[s(key)]?.[lang] ?? s(key);

const FIELD_VI: Record<string, string> = { name: 'Họ và tên', position: 'Chức vụ', stt: 'STT', id: 'Mã', excluded: 'Không lấy phiếu' };
/** A short reminder of the main codes; the README has the full table. */
const CODES_HINT = {
  vi: 'dùng 1 = tín nhiệm cao, 2 = tín nhiệm, 3 = tín nhiệm thấp, để trống = không đánh dấu, 13 = đánh nhiều ô, gx = gạch tên, 0 = không hợp lệ',
  en: 'use 1 = high, 2 = confidence, 3 = low, empty = no mark, 13 = several marks, gx = name crossed out, 0 = declared invalid',
};

/** What the void column accepts (model/void-words.ts), said after each of its errors. */
const VOID_FORMS = {
  vi: `nếu phiếu không hợp lệ, ghi ${VOID_ACCEPTED.ticks.join(', ')}, ${VOID_ACCEPTED.own.map((w) => `'${w}'`).join(', ')} hoặc một lý do: ${VOID_ACCEPTED.causes.join('; ')}; phiếu trắng ghi '${VOID_ACCEPTED.blank[0]}'; phiếu hợp lệ để trống`,
  en: `for a void ballot write ${VOID_ACCEPTED.ticks.join(', ')}, ${VOID_ACCEPTED.own.map((w) => `'${w}'`).join(', ')} or a cause: ${VOID_ACCEPTED.causes.join('; ')}; for a blank ballot '${VOID_ACCEPTED.blank[0]}'; leave it empty for a valid ballot`,
};

const BAD_CELL: Record<string, { vi: Wording<'bad-cell'>; en: Wording<'bad-cell'> }> = {
  unknown: {
    vi: (_p, v) => `giá trị '${v}' không phải mã hợp lệ; ${CODES_HINT.vi}`,
    en: (_p, v) => `'${v}' is not a valid code; ${CODES_HINT.en}`,
  },
  'repeated-level': {
    vi: (_p, v) => `giá trị '${v}' lặp lại cùng một mức; không đoán — hãy kiểm tra lại phiếu`,
    en: (_p, v) => `'${v}' repeats the same level; not guessed — check the paper ballot`,
  },
  'mixed-with-zero': {
    vi: (_p, v) => `giá trị '${v}' trộn mã 0 (không hợp lệ) với mức tín nhiệm; hãy kiểm tra lại phiếu`,
    en: (_p, v) => `'${v}' mixes 0 (declared invalid) with a level; check the paper ballot`,
  },
  'decimal-number': {
    vi: (p, v) => `số thập phân '${v}' (Excel đã đổi '1,3' thành số?)${p['suggestion'] ? `; nếu phiếu đánh nhiều ô, hãy gõ '${s(p['suggestion'])}'` : ''}`,
    en: (p, v) => `decimal number '${v}' (did Excel turn '1,3' into a number?)${p['suggestion'] ? `; for several marks type '${s(p['suggestion'])}'` : ''}`,
  },
  'ballot-number': {
    vi: (_p, v) => `số phiếu '${v}' không phải số nguyên`,
    en: (_p, v) => `ballot number '${v}' is not a whole number`,
  },
  'total-label': {
    vi: (_p, v) => `'${v}' ở cột số phiếu của một dòng có thể là dấu của một người trên một phiếu, không chỉ là số liệu tổng; ghi số phiếu nếu là dòng phiếu, hoặc xóa dòng nếu là dòng tổng`,
    en: (_p, v) => `'${v}' in the ballot-number column of a row that may be one leader's line of a ballot, not only a total; write the ballot number if it is a ballot line, or delete the row if it is a total`,
  },
  'void-negated': {
    vi: (_p, v) => `'${v}' ở cột phiếu không hợp lệ phủ định lý do (như 'không ghi thêm tên', 'không rách'), không phải bằng chứng phiếu không hợp lệ; ${VOID_FORMS.vi}`,
    en: (_p, v) => `'${v}' in the void column negates a cause (such as 'không ghi thêm tên', 'không rách'): it is no evidence that the ballot is void; ${VOID_FORMS.en}`,
  },
  'void-valid': {
    vi: (_p, v) => `'${v}' ở cột phiếu không hợp lệ có từ nói phiếu hợp lệ (như 'hợp lệ', 'đúng quy định', 'bình thường'); ${VOID_FORMS.vi}`,
    en: (_p, v) => `'${v}' in the void column has a word saying the ballot is valid (such as 'hợp lệ', 'đúng quy định', 'bình thường'); ${VOID_FORMS.en}`,
  },
  'void-nothing': {
    vi: (_p, v) => `'${v}' ở cột phiếu không hợp lệ không rõ nghĩa (có thể là "hợp lệ" hay "không có lý do"); ${VOID_FORMS.vi}`,
    en: (_p, v) => `'${v}' in the void column is ambiguous (it may mean "valid" or "no reason"); ${VOID_FORMS.en}`,
  },
  'void-unknown': {
    vi: (_p, v) => `'${v}' ở cột phiếu không hợp lệ không phải lý do đã biết; ${VOID_FORMS.vi}`,
    en: (_p, v) => `'${v}' in the void column is not a known cause; ${VOID_FORMS.en}`,
  },
  'formula-no-value': {
    vi: (_p, v) => `ô chứa công thức chưa có giá trị tính sẵn (${v}); mở tệp trong Excel, lưu lại rồi chạy lại`,
    en: (_p, v) => `the cell holds a formula with no computed value (${v}); open the file in Excel, save it and run again`,
  },
  'omr-letter': {
    vi: (p, v) => `câu trả lời '${v}' không hợp lệ${p['letter'] ? `: chữ ${s(p['letter'])} không có trong bảng chữ cái` : ''} (${s(p['letters'])}; xem --omr-letters)`,
    en: (p, v) => `answer '${v}' is not valid${p['letter'] ? `: letter ${s(p['letter'])} is not in the letter map` : ''} (${s(p['letters'])}; see --omr-letters)`,
  },
  'omr-repeated': {
    vi: (p, v) => `câu trả lời '${v}' lặp lại chữ ${s(p['letter'])}; không đoán — hãy kiểm tra lại phiếu`,
    en: (p, v) => `answer '${v}' repeats letter ${s(p['letter'])}; not guessed — check the paper ballot`,
  },
  mark: {
    vi: (_p, v) => `ô đánh dấu '${v}' không hợp lệ (dùng x, 1, true, để trống, 0, hoặc độ đậm từ 0 đến 1 hay từ 0% đến 100%)`,
    en: (_p, v) => `mark cell '${v}' is not valid (use x, 1, true, empty, 0, or a fill ratio from 0 to 1 or 0% to 100%)`,
  },
  'label-or-ballot': {
    vi: (_p, v) => `'${v}' ở cột số phiếu là tên một mức tín nhiệm (như dòng đếm phiếu) nhưng dòng có mã phiếu: không rõ là phiếu hay dòng đếm — sửa số phiếu, hoặc xóa dòng đếm`,
    en: (_p, v) => `'${v}' in the ballot number column is a level's name (as a count row has) but the row holds ballot codes: neither a ballot nor a count for certain — correct the number, or delete the count row`,
  },
  'total-or-ballot': {
    vi: (_p, v) => `'${v}' ở cột số phiếu là nhãn dòng tổng cộng nhưng dòng có mã phiếu: không rõ là phiếu hay dòng tổng — sửa số phiếu, hoặc xóa dòng tổng`,
    en: (_p, v) => `'${v}' in the ballot number column is a total row's label but the row holds ballot codes: neither a ballot nor a total for certain — correct the number, or delete the total row`,
  },
  'blank-with-marks': {
    vi: (_p, v) => `phiếu ghi '${v}' (phiếu trắng) nhưng có đánh dấu; hãy kiểm tra lại phiếu`,
    en: (_p, v) => `the ballot says '${v}' (blank ballot) but has marks; check the paper ballot`,
  },
  'blank-and-void': {
    vi: (_p, v) => `phiếu ghi '${v}' (phiếu trắng) ở một dòng nhưng ghi không hợp lệ ở dòng khác; hãy kiểm tra lại phiếu`,
    en: (_p, v) => `the ballot says '${v}' (blank ballot) on one line but void on another; check the paper ballot`,
  },
  'unknown-column': {
    vi: (_p, v) => `có giá trị '${v}' ở cột mà bố cục một dòng mỗi người không đọc; lý do phiếu không hợp lệ ghi ở cột 'Phiếu không hợp lệ', nếu không thì để trống cột này`,
    en: (_p, v) => `value '${v}' in a column the long layout does not read; a void reason goes in the column 'Phiếu không hợp lệ', otherwise leave this column empty`,
  },
  // Figures recorded at the time (tally check): a count, a share or a band that cannot be read.
  'recorded-count': {
    vi: (_p, v) => `số phiếu ghi nhận '${v}' không đọc được: cần số nguyên không âm (ví dụ 9 hoặc 9 phiếu)`,
    en: (_p, v) => `recorded count '${v}' cannot be read: a whole number is needed (e.g. 9 or 9 phiếu)`,
  },
  'recorded-count-grouped': {
    vi: (_p, v) => `số phiếu ghi nhận '${v}' không rõ nghĩa (có dấu chấm/phẩy phân cách hàng nghìn hay phần thập phân?); ghi số không có dấu phân cách`,
    en: (_p, v) => `recorded count '${v}' is ambiguous (a thousands separator or decimals?); write the number without separators`,
  },
  'recorded-percent': {
    vi: (_p, v) => `tỷ lệ ghi nhận '${v}' không đọc được (ví dụ 53,19% hoặc 53,19)`,
    en: (_p, v) => `recorded percentage '${v}' cannot be read (e.g. 53.19% or 53.19)`,
  },
  'recorded-band': {
    vi: (p, v) => `mức ghi nhận '${v}' không đọc được (ví dụ: —${p['examples'] ? `, ${s(p['examples'])}` : ''})`,
    en: (_p, v) => `recorded band '${v}' cannot be read (e.g. none, review, dismissal, or the regulation's wording)`,
  },
  'no-header': {
    vi: (_p, v) => `có giá trị '${v}' ở cột không có tiêu đề`,
    en: (_p, v) => `value '${v}' in a column without a header`,
  },
  // A leader's three boxes (the hand tally sheet): only a tick belongs in a box.
  box: {
    vi: (_p, v) => `ô đánh dấu có '${v}': chỉ đánh x vào ô của mức đã chọn, để trống các ô khác — hãy kiểm tra lại phiếu`,
    en: (_p, v) => `'${v}' in a box: only an x goes in the chosen level's box, the others stay empty — check the paper ballot`,
  },
};

/** "7, 12, 30 và 4 phiếu khác" */
const listed = (list: ParamValue | undefined, more: ParamValue | undefined, lang: Lang) =>
  `${(Array.isArray(list) ? list : []).join(', ')}${more ? (lang === 'vi' ? ` và ${s(more)} phiếu khác` : ` and ${s(more)} more`) : ''}`;

/** "(dòng 2–4) " for a run of rows set aside together. */
const rowsSpan = (p: Readonly<ProblemParams['non-ballot-row']>, lang: Lang) => (p['count'] === undefined || p['count'] === 1 ? '' : lang === 'vi' ? `${s(p['count'])} dòng (đến dòng ${s(p['last'])}): ` : `${s(p['count'])} rows (to row ${s(p['last'])}): `);
const NON_BALLOT_VI: Record<string, Wording<'non-ballot-row'>> = {
  title: () => 'tiêu đề phía trên hàng tiêu đề cột',
  header: (_p, v) => (v ? `hàng tiêu đề cột lặp lại ('${v}')` : 'hàng tiêu đề cột lặp lại'),
  total: (_p, v) => `dòng tổng cộng '${v}'`,
  empty: () => 'dòng trống ngay trước hàng tiêu đề hoặc dòng tổng',
  unused: (p) =>
    p['note'] !== undefined
      ? `dòng chỉ ghi '${s(p['note'])}' ở cột số phiếu, sau phiếu cuối cùng (ghi chú?)`
      : p['from'] === p['to']
        ? `phiếu số ${s(p['from'])} đánh số sẵn nhưng chưa nhập, sau phiếu cuối cùng`
        : `các phiếu số ${s(p['from'])}–${s(p['to'])} đánh số sẵn nhưng chưa nhập, sau phiếu cuối cùng`,
};
const NON_BALLOT_EN: Record<string, Wording<'non-ballot-row'>> = {
  title: () => 'title above the header row',
  header: (_p, v) => (v ? `repeated header row ('${v}')` : 'repeated header row'),
  total: (_p, v) => `total row '${v}'`,
  empty: () => 'empty row just before a header or total row',
  unused: (p) =>
    p['note'] !== undefined
      ? `a row holding only '${s(p['note'])}' in the ballot-number column, after the last ballot (a note?)`
      : p['from'] === p['to']
        ? `ballot ${s(p['from'])} numbered in advance but not typed, after the last ballot`
        : `ballots ${s(p['from'])}–${s(p['to'])} numbered in advance but not typed, after the last ballot`,
};

const MESSAGES: { readonly [C in ProblemCode]: { readonly vi: Wording<C>; readonly en: Wording<C> } } = {
  'unknown-cadre': {
    vi: (p, v) =>
      p.notHere === 'stt'
        ? `cột '${v}' không dùng ở trang phiếu: số của mỗi phiếu ghi ở cột 'Số phiếu' (STT là số thứ tự của người trong danh sách)`
        : p.notHere === 'other'
          ? `cột '${v}' không thuộc trang phiếu (mỗi cột là một người được lấy phiếu): xóa cột này hoặc chuyển sang trang khác`
          : p.ballots !== undefined
            ? `${v === '' ? 'ô tên người để trống' : `'${v}' không khớp ai trong danh sách`}${s(p['suggestions']) ? `; có phải: ${s(p['suggestions'])}?` : ''} — ${onBallotsVi(p.ballots)}`
            : `tiêu đề cột '${v}' không khớp ai trong danh sách${s(p['suggestions']) ? `; có phải: ${s(p['suggestions'])}?` : ''}`,
    en: (p, v) =>
      p.notHere === 'stt'
        ? `column '${v}' has no place on a ballot sheet: each ballot's number goes in a 'Số phiếu' column (STT is a person's order on the roster)`
        : p.notHere === 'other'
          ? `column '${v}' does not belong on a ballot sheet (each column is one leader): delete it or move it to another sheet`
          : p.ballots !== undefined
            ? `${v === '' ? 'the leader cell is empty' : `'${v}' matches nobody on the roster`}${s(p['suggestions']) ? `; did you mean: ${s(p['suggestions'])}?` : ''} — ${onBallotsEn(p.ballots)}`
            : `column header '${v}' matches nobody on the roster${s(p['suggestions']) ? `; did you mean: ${s(p['suggestions'])}?` : ''}`,
  },
  'missing-cadre': {
    vi: (p) => `${s(p['name'])} (${s(p['position'])}) có trong danh sách nhưng không có cột trên phiếu`,
    en: (p) => `${s(p['name'])} (${s(p['position'])}) is on the roster but has no column on the ballots`,
  },
  'ambiguous-name': {
    vi: (p, v) => `'${v}' khớp nhiều người: ${s(p['candidates'])}; hãy dùng mã hoặc họ tên có dấu${p.ballots === undefined ? '' : ` — ${onBallotsVi(p.ballots)}`}`,
    en: (p, v) => `'${v}' matches several people: ${s(p['candidates'])}; use the id or the full name with diacritics${p.ballots === undefined ? '' : ` — ${onBallotsEn(p.ballots)}`}`,
  },
  'name-without-diacritics': {
    vi: (p, v) => `'${v}' viết không dấu, đã khớp với ${s(p['name'])}`,
    en: (p, v) => `'${v}' has no diacritics; matched to ${s(p['name'])}`,
  },
  'excluded-on-ballot': {
    vi: (p) => `${s(p['name'])} thuộc diện không lấy phiếu (${s(p['reason'])}) nhưng có trên phiếu`,
    en: (p) => `${s(p['name'])} is excluded from the vote (${s(p['reason'])}) but is on the ballot`,
  },
  'duplicate-cadre-column': {
    vi: (p) => `${s(p['name'])} có hai cột (cũng ở cột ${s(p['otherColumn'])})`,
    en: (p) => `${s(p['name'])} has two columns (also column ${s(p['otherColumn'])})`,
  },
  'mixed-ballot-types': {
    vi: (p, v) => `${v ? `'${v}': ` : ''}lẫn nhiều loại phiếu (${s(p['types'])}); mỗi trang một loại phiếu — đặt tên trang 'Phiếu <loại>' hoặc thêm cột Loại phiếu`,
    en: (p, v) => `${v ? `'${v}': ` : ''}several ballot types mixed (${s(p['types'])}); one ballot type per sheet — name the sheet 'Phiếu <type>' or add a ballot type column`,
  },
  'unknown-ballot-type': {
    vi: (p, v) => `loại phiếu '${v}' không có trong danh sách (có: ${s(p['types'])})`,
    en: (p, v) => `ballot type '${v}' is not on the roster (known: ${s(p['types'])})`,
  },
  'bad-cell': {
    vi: (p, v) => (BAD_CELL[s(p['hint'])] ?? (BAD_CELL['unknown'] as { vi: Wording })).vi(p, v),
    en: (p, v) => (BAD_CELL[s(p['hint'])] ?? (BAD_CELL['unknown'] as { en: Wording })).en(p, v),
  },
  'bad-roster': {
    vi: (p, v) =>
      s(p['field']) === 'excluded'
        ? `'${v}' ở cột Không lấy phiếu là không rõ nghĩa: ghi lý do nếu không lấy phiếu, để trống nếu có lấy phiếu`
        : v === '' ? `thiếu ${FIELD_VI[s(p['field'])] ?? s(p['field'])}` : `${FIELD_VI[s(p['field'])] ?? s(p['field'])} '${v}' không hợp lệ`,
    en: (p, v) =>
      s(p['field']) === 'excluded'
        ? `'${v}' in the excluded column is ambiguous: write the reason if the person is excluded, leave it empty otherwise`
        : v === '' ? `missing ${s(p['field'])}` : `${s(p['field'])} '${v}' is not valid`,
  },
  'duplicate-roster-entry': {
    vi: (p, v) => `${FIELD_VI[s(p['field'])] ?? s(p['field'])} '${v}' trùng với dòng ${s(p['otherRow'])}`,
    en: (p, v) => `${s(p['field'])} '${v}' repeats row ${s(p['otherRow'])}`,
  },
  'missing-column': {
    vi: (p) => `không tìm thấy cột ${s(p['column'])}`,
    en: (p) => `no column ${s(p['column'])}`,
  },
  'duplicate-ballot': {
    vi: (p) => `số phiếu ${s(p['ballot'])} trùng với ${p['otherFile'] ? `tệp ${s(p['otherFile'])}, ` : ''}${p['otherSheet'] ? `trang ${s(p['otherSheet'])}, ` : ''}dòng ${s(p['otherRow'])}`,
    en: (p) => `ballot number ${s(p['ballot'])} repeats ${p['otherFile'] ? `file ${s(p['otherFile'])}, ` : ''}${p['otherSheet'] ? `sheet ${s(p['otherSheet'])}, ` : ''}row ${s(p['otherRow'])}`,
  },
  'missing-ballot-number': {
    vi: () => 'dòng có đánh dấu nhưng thiếu số phiếu',
    en: () => 'the row has marks but no ballot number',
  },
  'empty-row': {
    vi: (p) => (p['count'] === undefined ? 'dòng trống giữa các phiếu; không tính là phiếu' : `${s(p['count'])} dòng trống liền nhau giữa các phiếu (đến dòng ${s(p['last'])}); không tính là phiếu`),
    en: (p) => (p['count'] === undefined ? 'empty row between ballots; not counted as a ballot' : `${s(p['count'])} empty rows in a row between ballots (to row ${s(p['last'])}); not counted as ballots`),
  },
  'non-ballot-row': {
    vi: (p, v) => `${rowsSpan(p, 'vi')}${NON_BALLOT_VI[s(p['kind'])]?.(p, v) ?? s(p['kind'])}; không tính là phiếu`,
    en: (p, v) => `${rowsSpan(p, 'en')}${NON_BALLOT_EN[s(p['kind'])]?.(p, v) ?? s(p['kind'])}; not counted as a ballot`,
  },
  'untyped-ballot': {
    vi: (p) => `phiếu số ${s(p['ballot'])} chưa nhập — nếu là phiếu trắng, ghi 'trắng' ở cột Phiếu không hợp lệ`,
    en: (p) => `ballot ${s(p['ballot'])} has not been typed in — if it is a blank ballot, write 'trắng' in the void column`,
  },
  'ignored-column': {
    vi: (_p, v) => `cột thứ ba ('${v}') không phải cột Loại phiếu (tiêu đề không ghi 'Loại phiếu', giá trị không phải loại phiếu trong danh sách); bỏ qua cột này`,
    en: (_p, v) => `the third column ('${v}') is not a ballot type column (its header does not say 'ballot_type' and its values are not the roster's ballot types); the column is left aside`,
  },
  'position-mismatch': {
    vi: (p, v) => `'${v}': chức vụ ghi '${s(p['written'])}' khác danh sách (${s(p['name'])}: ${s(p['position'])}); đã khớp theo họ tên`,
    en: (p, v) => `'${v}': the position written, '${s(p['written'])}', differs from the roster (${s(p['name'])}: ${s(p['position'])}); matched by name`,
  },
  'trailing-empty-rows': {
    vi: (p) => `${s(p['count'])} dòng trống cuối trang, bỏ qua`,
    en: (p) => `${s(p['count'])} empty row(s) at the end, ignored`,
  },
  'rows-vs-returned': {
    vi: (p) =>
      `có ${s(p['ballots'])} phiếu trong dữ liệu nhưng số phiếu thu về là ${s(p['returned'])}` +
      (p['missing'] ? ` — thiếu phiếu số ${listed(p['missing'], p['more'], 'vi')}` : p['extra'] ? ` — thừa phiếu số ${listed(p['extra'], p['more'], 'vi')}` : ''),
    en: (p) =>
      `${s(p['ballots'])} ballots in the data but ${s(p['returned'])} ballots returned` +
      (p['missing'] ? ` — ballot${(p['missing'] as readonly string[]).length > 1 ? 's' : ''} ${listed(p['missing'], p['more'], 'en')} missing` : p['extra'] ? ` — extra ballot${(p['extra'] as readonly string[]).length > 1 ? 's' : ''} ${listed(p['extra'], p['more'], 'en')}` : ''),
  },
  accounting: {
    vi: (p) => `${keyLabel(p['smaller'], 'vi')} (${s(p[p.smaller])}) lớn hơn ${keyLabel(p['larger'], 'vi').toLocaleLowerCase('vi')} (${s(p[p.larger])}); phải có: thu về ≤ phát ra ≤ có mặt ≤ triệu tập`,
    en: (p) => `${keyLabel(p['smaller'], 'en')} (${s(p[p.smaller])}) exceeds ${keyLabel(p['larger'], 'en')} (${s(p[p.larger])}); required: returned ≤ issued ≤ present ≤ convened`,
  },
  'quorum-not-met': {
    vi: (p) => `hội nghị không đủ 2/3 số người được triệu tập có mặt: có mặt ${s(p['present'])}/${s(p['convened'])}, cần ít nhất ${s(p['required'])}${p['byAnalogy'] ? ' (áp dụng tương tự Quy định 96, Điều 3)' : ''} — kết quả không có giá trị`,
    en: (p) => `quorum not met: ${s(p['present'])} of ${s(p['convened'])} present, at least ${s(p['required'])} needed${p['byAnalogy'] ? ' (Regulation 96 Article 3 applied by analogy)' : ''} — the result has no effect`,
  },
  'missing-session-value': {
    vi: (p) =>
      p['ballotType'] === undefined
        ? `thiếu '${keyLabel(p['key'], 'vi')}': thêm dòng '${keyLabel(p['key'], 'vi')}' vào trang Hội nghị, hoặc dùng ${KEY_LABEL[s(p['key'])]?.flag ?? ''} N`
        : `thiếu '${keyLabel(p['key'], 'vi')}' của loại phiếu ${s(p['ballotType'])}${p['given'] ? ' (có nhiều loại phiếu nên phải ghi riêng cho từng loại)' : ''}: thêm dòng '${keyLabel(p['key'], 'vi')}' với cột Loại phiếu = ${s(p['ballotType'])} vào trang Hội nghị, hoặc dùng ${KEY_LABEL[s(p['key'])]?.flag ?? ''} ${s(p['ballotType'])}=N`,
    en: (p) =>
      p['ballotType'] === undefined
        ? `missing ${keyLabel(p['key'], 'en')}: add a '${s(p['key'])}' row to the Session sheet, or pass ${KEY_LABEL[s(p['key'])]?.flag ?? ''} N`
        : `missing ${keyLabel(p['key'], 'en')} of ballot type ${s(p['ballotType'])}${p['given'] ? ' (with several ballot types it is given per type)' : ''}: add a '${s(p['key'])}' row with ballot type ${s(p['ballotType'])} to the Session sheet, or pass ${KEY_LABEL[s(p['key'])]?.flag ?? ''} ${s(p['ballotType'])}=N`,
  },
  'bad-session-value': {
    vi: (p, v) => p['hint'] === 'repeated' ? `'${keyLabel(p['key'], 'vi')}' ghi hai lần (cũng ở dòng ${s(p['otherRow'])})` : `'${keyLabel(p['key'], 'vi')}' có giá trị '${v}' không hợp lệ (${HINT_VI[s(p['hint'])] ?? s(p['hint'])})`,
    en: (p, v) => p['hint'] === 'repeated' ? `'${s(p['key'])}' given twice (also row ${s(p['otherRow'])})` : `'${s(p['key'])}' has the invalid value '${v}' (${HINT_EN[s(p['hint'])] ?? s(p['hint'])})`,
  },
  'unknown-session-key': {
    vi: (_p, v) => `không hiểu mục '${v}' ở trang Hội nghị; bỏ qua`,
    en: (_p, v) => `unknown session item '${v}'; ignored`,
  },
  'session-override': {
    vi: (p) => `'${keyLabel(p['key'], 'vi')}': dùng giá trị ở dòng lệnh '${s(p['to'])}' thay cho '${s(p['from'])}'`,
    en: (p) => `'${s(p['key'])}': the command-line value '${s(p['to'])}' replaces '${s(p['from'])}'`,
  },
  'zero-denominator': {
    vi: (p) => p['scope'] === 'cadre' ? `${s(p['name'])} không có phiếu hợp lệ nào: không tính được tỷ lệ` : `mẫu số (${basisWords(p['basis'], 'vi')}) bằng 0: không tính được tỷ lệ`,
    en: (p) => p['scope'] === 'cadre' ? `${s(p['name'])} has no valid line: no percentage can be computed` : `the denominator (${basisWords(p['basis'], 'en')}) is 0: no percentage can be computed`,
  },
  'denominator-fixed': {
    vi: (p) => `theo ${s(p['regime'])}, mẫu số do luật định là ${basisWords(p['fixed'], 'vi')} ('${s(p['fixed'])}'); không dùng được ${basisWords(p['basis'], 'vi')} ('${s(p['basis'])}')`,
    en: (p) => `under ${s(p['regime'])} the denominator is fixed by law as '${s(p['fixed'])}'; '${s(p['basis'])}' cannot be used`,
  },
  'undecided-mark': {
    vi: (p) => `phiếu ${s(p['ballot'])}, ${s(p['name'])}: dấu chưa xác định (độ đậm cao/tín nhiệm/thấp: ${fills(p['fills'])}); Ban kiểm phiếu quyết định rồi ghi vào tệp --adjudications`,
    en: (p) => `ballot ${s(p['ballot'])}, ${s(p['name'])}: undecided mark (fill high/confidence/low: ${fills(p['fills'])}); the counting committee decides and records it in an --adjudications file`,
  },
  'missing-line': {
    vi: (p) => `phiếu ${s(p['ballot'])} thiếu dòng của ${s(p['name'])}; không coi là để trống`,
    en: (p) => `ballot ${s(p['ballot'])} has no line for ${s(p['name'])}; not taken as blank`,
  },
  'duplicate-line': {
    vi: (p) => `phiếu ${s(p['ballot'])} có hai dòng cho ${s(p['name'])} (cũng ở dòng ${s(p['otherRow'])})`,
    en: (p) => `ballot ${s(p['ballot'])} has two lines for ${s(p['name'])} (also row ${s(p['otherRow'])})`,
  },
  'scanner-error': {
    vi: (p) => `máy quét không đọc được phiếu ${s(p['ballot'])}; quét lại hoặc nhập tay phiếu này`,
    en: (p) => `the scanner could not read sheet ${s(p['ballot'])}; scan it again or enter it by hand`,
  },
  'implausible-ballot': {
    vi: (p) => `phiếu ${s(p['ballot'])}: mọi dòng đều đánh cả ba ô — có thể máy quét đọc sai; hãy xem lại phiếu giấy`,
    en: (p) => `ballot ${s(p['ballot'])}: every line has all three boxes marked — possibly a scanner misread; check the paper ballot`,
  },
  'adjudication-unmatched': {
    vi: (p) => `quyết định cho phiếu ${s(p['ballot'])}, '${s(p['cadre'])}' không khớp dòng phiếu nào`,
    en: (p) => `the decision for ballot ${s(p['ballot'])}, '${s(p['cadre'])}' matches no ballot line`,
  },
  'bad-adjudication': {
    vi: (p, v) =>
      p['hint'] === 'decision' ? `quyết định '${v}' không hợp lệ (dùng mã mức 1/2/3, none hoặc invalid)`
      : p['hint'] === 'decided-by' ? 'thiếu người quyết định (decided_by)'
      : p['hint'] === 'ambiguous-ballot' ? `phiếu ${s(p['ballot'])} có ở nhiều loại phiếu; thêm cột Loại phiếu`
      : p['hint'] === 'conflict' ? `phiếu ${s(p['ballot'])}, ${s(p['cadre'])}: quyết định '${s(p['decision'])}' mâu thuẫn với quyết định '${s(p['otherDecision'])}' ở dòng ${s(p['otherRow'])}; mỗi dòng phiếu chỉ một quyết định — sửa tệp quyết định`
      : p['hint'] === 'repeated' ? `phiếu ${s(p['ballot'])}, ${s(p['cadre'])}: quyết định '${s(p['decision'])}' ghi lặp lại (giống dòng ${s(p['otherRow'])}); chỉ áp dụng một lần`
      : 'thiếu số phiếu hoặc người được lấy phiếu',
    en: (p, v) =>
      p['hint'] === 'decision' ? `decision '${v}' is not valid (use a level code 1/2/3, none or invalid)`
      : p['hint'] === 'decided-by' ? 'missing who decided (decided_by)'
      : p['hint'] === 'ambiguous-ballot' ? `ballot ${s(p['ballot'])} exists in several ballot types; add a ballot type column`
      : p['hint'] === 'conflict' ? `ballot ${s(p['ballot'])}, ${s(p['cadre'])}: decision '${s(p['decision'])}' contradicts decision '${s(p['otherDecision'])}' in row ${s(p['otherRow'])}; one decision per line — correct the adjudications file`
      : p['hint'] === 'repeated' ? `ballot ${s(p['ballot'])}, ${s(p['cadre'])}: decision '${s(p['decision'])}' given twice (as in row ${s(p['otherRow'])}); applied once`
      : 'missing ballot number or leader',
  },
  'too-many-places': {
    vi: (p) => `${s(p['name'])} được lấy phiếu ở ${Array.isArray(p['places']) ? p['places'].length : ''} nơi${p['round'] ? ` trong đợt ${s(p['round'])}` : ''} (${someOf(p['places'], (n) => `và ${n.toLocaleString('vi-VN')} nơi khác`)}); tối đa ${s(p['max'])} nơi (Quy định 96)`,
    en: (p) => `${s(p['name'])} is voted on in ${Array.isArray(p['places']) ? p['places'].length : ''} places${p['round'] ? ` in round ${s(p['round'])}` : ''} (${someOf(p['places'], (n) => `and ${n.toLocaleString('en-US')} other places`)}); at most ${s(p['max'])} (Regulation 96)`,
  },
  'missing-sheet': {
    vi: (p) => `không tìm thấy trang '${s(p['sheet'])}'${p['found'] === undefined ? '' : ` (sổ có các trang: ${someOf(p['found'], (n) => `và ${n.toLocaleString('vi-VN')} trang khác`)})`}${p['flag'] ? `; hoặc dùng ${s(p['flag'])} tệp` : ''}`,
    en: (p) => `no sheet '${s(p['sheet'])}'${p['found'] === undefined ? '' : ` (the workbook has: ${someOf(p['found'], (n) => `and ${n.toLocaleString('en-US')} more`)})`}${p['flag'] ? `; or pass ${s(p['flag'])} FILE` : ''}`,
  },
  'no-ballots': { vi: () => 'trang phiếu trống', en: () => 'the ballot sheet is empty' },
  'empty-roster': { vi: () => 'danh sách không có ai được lấy phiếu', en: () => 'the roster has no one to vote on' },
  'unreadable-file': { vi: (p) => fileReason('vi', p) ?? `không đọc được tệp (${s(p['reason'])})`, en: (p) => fileReason('en', p) ?? `cannot read the file (${s(p['reason'])})` },
  'not-a-session': {
    vi: () => 'sổ Excel này không phải một hội nghị (không có trang Danh sách và Phiếu) cũng không phải bản tổng hợp; bỏ qua',
    en: () => 'this workbook is neither a session (no roster and ballot sheets) nor a summary; skipped',
  },
  'incomplete-session': {
    vi: (p) => `thư mục có tệp của một hội nghị nhưng thiếu ${list(p['missing'], { roster: 'danh sách (roster.* hoặc danh-sach.*)', session: 'tệp hội nghị (session.* hoặc hoi-nghi.*)', ballots: 'tệp phiếu (ballots*.* hoặc phieu*.*)' }, ' và ')}: không kiểm lại được`,
    en: (p) => `the folder holds a session's files but lacks ${list(p['missing'], { roster: 'the roster (roster.* or danh-sach.*)', session: 'the session file (session.* or hoi-nghi.*)', ballots: 'the ballots (ballots*.* or phieu*.*)' }, ' and ')}: it cannot be re-checked`,
  },
  'no-session': {
    vi: () => 'không tìm thấy hội nghị nào ở đây: cần một sổ Excel có trang Danh sách và Phiếu, hoặc một thư mục có danh sách, tệp hội nghị và tệp phiếu',
    en: () => 'no session found here: a session is a workbook with roster and ballot sheets, or a folder with a roster, a session file and ballot files',
  },
  'layout-not-compared': {
    vi: (p) =>
      `${p['layout'] === 'long' ? 'phiếu ở đây theo dạng dọc (mỗi dòng một ô của một phiếu)' : 'đây là tệp xuất của máy quét'}; tally reconcile chỉ đối chiếu các lần nhập tay dạng bảng (mỗi dòng một phiếu, mỗi cột một người); tệp này vẫn kiểm được bằng lệnh tally`,
    en: (p) =>
      `${p['layout'] === 'long' ? 'the ballots here are in the long layout (one row per ballot line)' : 'this is a scanner export'}; tally reconcile compares hand-typed wide entries only (a row per ballot, a column per leader); tally itself reads this file`,
  },
  'several-rounds': {
    vi: (p) =>
      `các hội nghị thuộc ${(p['rounds'] as readonly string[]).length} đợt khác nhau (${(p['rounds'] as readonly string[]).map((r, i) => `đợt ${r}: ${s((p['sessions'] as readonly string[])[i])} hội nghị`).join('; ')}); đợt mặc định là năm của ngày hội nghị — nếu đây là một đợt, ghi cùng một giá trị ở mục 'Đợt' của các hội nghị`,
    en: (p) =>
      `the sessions belong to ${(p['rounds'] as readonly string[]).length} different rounds (${(p['rounds'] as readonly string[]).map((r, i) => `round ${r}: ${s((p['sessions'] as readonly string[])[i])} session(s)`).join('; ')}); a session's round defaults to the year of its date — if this is one round, give every session the same 'round' value`,
  },
  'unit-matched-loosely': {
    vi: (p) =>
      p['rivals'] !== undefined
        ? `đơn vị ${s(p['unit'])} và ${s(p['rivals'])} cùng khớp với ${s(p['listed'])} trong danh sách khi bỏ dấu, nên không nhận đơn vị nào là ${s(p['listed'])}; hãy ghi tên có dấu trong danh sách đơn vị`
        : (p['listed'] as readonly string[]).length === 1
        ? `đơn vị ${s(p['unit'])} được nhận là ${s((p['listed'] as readonly string[])[0])} trong danh sách đơn vị (chỉ khớp khi bỏ dấu); hãy kiểm tra lại tên`
        : `đơn vị ${s(p['unit'])} khớp với nhiều đơn vị trong danh sách khi bỏ dấu (${(p['listed'] as readonly string[]).join('; ')}), nên không nhận là đơn vị nào; hãy ghi tên có dấu`,
    en: (p) =>
      p['rivals'] !== undefined
        ? `units ${s(p['unit'])} and ${s(p['rivals'])} both match ${s(p['listed'])} of the units list without diacritics, so neither is taken as it; write the list's name with its diacritics`
        : (p['listed'] as readonly string[]).length === 1
        ? `unit ${s(p['unit'])} taken as ${s((p['listed'] as readonly string[])[0])} of the units list (they match only without diacritics); check the name`
        : `unit ${s(p['unit'])} matches several units of the list without diacritics (${(p['listed'] as readonly string[]).join('; ')}), so it is taken as none of them; write the name with its diacritics`,
  },
  'matched-by-name': {
    vi: (p) => `${s(p['name'])}: nhận là cùng một người qua các hội nghị theo họ tên${p['id'] ? ` (mã ${s(p['id'])} ghi với tên khác nhau)` : ' (không có mã)'}`,
    en: (p) => `${s(p['name'])}: matched across sessions by name${p['id'] ? ` (id ${s(p['id'])} appears with different names)` : ' (no id)'}`,
  },
  'duplicate-file': {
    vi: (p) =>
      p['copies'] !== undefined
        ? `có bản sao giống hệt (cùng SHA-256), kiểm tra một lần như cùng một hội nghị: ${someOf(p['copies'], (n) => `và ${n.toLocaleString('vi-VN')} bản khác`)}`
        : p['command'] === 'reconcile'
          ? `tệp này giống hệt tệp ${s(p['otherFile'])} (cùng SHA-256): hai lần nhập khớp hoàn toàn; hãy chắc chắn rằng chúng do hai người nhập độc lập, không phải một tệp được sao chép`
          : `tệp này giống hệt tệp ${s(p['otherFile'])} (cùng SHA-256); không đọc hai lần`,
    en: (p) =>
      p['copies'] !== undefined
        ? `byte-identical copies (same SHA-256), checked once as the same session: ${someOf(p['copies'], (n) => `and ${n.toLocaleString('en-US')} more`)}`
        : p['command'] === 'reconcile'
          ? `this file is identical to ${s(p['otherFile'])} (same SHA-256): the two entries agree entirely; make sure they were typed independently, not copied`
          : `this file is identical to ${s(p['otherFile'])} (same SHA-256); not read twice`,
  },
  'unknown-record-column': {
    vi: (p, v) => (p['twice'] !== undefined ? `cột '${v}' của số liệu ghi nhận trùng nghĩa với cột ${s(p['twice'])}; không biết dùng cột nào để đối chiếu` : `không hiểu cột '${v}' của số liệu ghi nhận nên chưa đối chiếu được; đặt tiêu đề như: Tín nhiệm cao, Tỷ lệ %, Phát ra, Thu về, Hợp lệ, Không hợp lệ, Mức, Ghi chú`),
    en: (p, v) => (p['twice'] !== undefined ? `recorded column '${v}' means the same as column ${s(p['twice'])}; which one to compare is unclear` : `recorded column '${v}' cannot be interpreted, so it is not compared; use headers such as high, confidence, low, Tỷ lệ %, issued, returned, valid, invalid, band, notes`),
  },
};

const HINT_VI: Record<string, string> = {
  count: 'cần số nguyên không âm',
  date: 'dạng dd/mm/yyyy hoặc yyyy-mm-dd',
  regime: REGIME_IDS.join(', '),
  denominator: DENOMINATOR_BASES.join(', '),
  boolean: 'có / không',
  'json-object': 'tệp JSON phải là một đối tượng',
  'json-scalar': 'cần chữ hoặc số',
  threshold: 'cần độ đậm từ 0 đến 1, ví dụ 0,5',
  thresholds: 'ngưỡng để trống phải nhỏ hơn ngưỡng đánh dấu',
  'omr-letters': 'dạng A=high,B=confidence,C=low',
};
const HINT_EN: Record<string, string> = {
  count: 'a whole number, 0 or more',
  date: 'dd/mm/yyyy or yyyy-mm-dd',
  regime: REGIME_IDS.join(', '),
  denominator: DENOMINATOR_BASES.join(', '),
  boolean: 'yes / no',
  'json-object': 'the JSON file must hold one object',
  'json-scalar': 'a text or a number',
  threshold: 'a fill ratio from 0 to 1, e.g. 0.5',
  thresholds: 'the blank threshold must be below the mark threshold',
  'omr-letters': 'like A=high,B=confidence,C=low',
};

export function problemMessage(p: Problem, lang: Lang): string {
  // A problem's parameters were typed by its code when it was made (model/problem.ts).
  const wording = MESSAGES[p.code][lang] as (params: Params, value: string | undefined) => string;
  return wording(p.params, p.value === undefined ? undefined : shown(p.value));
}

/** Values shown in messages: a long one is cut (the JSON document keeps it whole). */
const SHOWN = 80;
function shown(value: string): string {
  if (value.length <= SHOWN) return value;
  // Not cutting a character in two (a surrogate pair).
  const end = /[\ud800-\udbff]/.test(value.charAt(SHOWN - 2)) ? SHOWN - 2 : SHOWN - 1;
  return `${value.slice(0, end)}…`;
}

/** "tệp a.xlsx, trang Phiếu, ô D7 (Nguyễn Văn A)" */
export function locationText(loc: Location, lang: Lang): string {
  const w = lang === 'vi' ? { file: 'tệp', sheet: 'trang', cell: 'ô', row: 'dòng', column: 'cột', ballot: 'phiếu số' } : { file: 'file', sheet: 'sheet', cell: 'cell', row: 'row', column: 'column', ballot: 'ballot' };
  const parts: string[] = [];
  if (loc.file) parts.push(`${w.file} ${loc.file}`);
  if (loc.sheet) parts.push(`${w.sheet} ${loc.sheet}`);
  if (loc.ballot !== undefined) parts.push(`${w.ballot} ${loc.ballot}`);
  if (loc.row !== undefined && loc.columnLetter !== undefined) parts.push(`${w.cell} ${loc.columnLetter}${loc.row}`);
  else if (loc.row !== undefined) parts.push(`${w.row} ${loc.row}`);
  let out = parts.join(', ');
  if (loc.column) out += ` (${loc.column})`;
  return out;
}

export function cellRef(loc: Location): string | null {
  return loc.row !== undefined && loc.columnLetter !== undefined ? `${loc.columnLetter}${loc.row}` : null;
}
