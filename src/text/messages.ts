// Wording of every problem, in Vietnamese and English, keyed by problem code. Detection
// lives elsewhere and passes only codes and parameters.
import type { Problem, ProblemCode, ParamValue } from '../model/problem.js';
import type { Location } from '../model/types.js';
import type { Lang } from './lang.js';
import { FILE_REASONS } from './file-reasons.js';
import { MAX_PLACES } from '../rules/regimes.js';

type Params = Readonly<Record<string, ParamValue>>;
type Wording = (p: Params, value: string | undefined) => string;

const fills = (v: ParamValue | undefined): string => (Array.isArray(v) ? v.map((x) => (x === '' ? '–' : x)).join(' / ') : '');
const s = (v: ParamValue | undefined): string => (v === undefined ? '' : Array.isArray(v) ? v.join('; ') : String(v));

/** The clerk's wording of why a file cannot be read, when it needs no detail filled in. */
function fileReason(lang: Lang, p: Params): string | null {
  const text = (FILE_REASONS[lang] as Readonly<Record<string, string>>)[s(p['reason'])];
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
};
const keyLabel = (key: ParamValue | undefined, lang: Lang) => KEY_LABEL[s(key)]?.[lang] ?? s(key);

const FIELD_VI: Record<string, string> = { name: 'Họ và tên', position: 'Chức vụ', stt: 'STT', id: 'Mã', excluded: 'Không lấy phiếu' };
/** A short reminder of the main codes; the README has the full table. */
const CODES_HINT = {
  vi: 'dùng 1 = tín nhiệm cao, 2 = tín nhiệm, 3 = tín nhiệm thấp, để trống = không đánh dấu, 13 = đánh nhiều ô, gx = gạch tên, 0 = không hợp lệ',
  en: 'use 1 = high, 2 = confidence, 3 = low, empty = no mark, 13 = several marks, gx = name crossed out, 0 = declared invalid',
};

const BAD_CELL: Record<string, { vi: Wording; en: Wording }> = {
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
    vi: (_p, v) => `'${v}' ở cột số phiếu nhưng dòng có dấu chứ không phải số liệu tổng; ghi số phiếu, hoặc xóa dòng nếu là dòng tổng`,
    en: (_p, v) => `'${v}' in the ballot-number column, but the row holds marks, not totals; write the ballot number, or delete the row if it is a total`,
  },
  'ambiguous-void': {
    vi: (_p, v) => `'${v}' ở cột phiếu không hợp lệ là không rõ nghĩa: ghi lý do nếu phiếu không hợp lệ, để trống nếu hợp lệ`,
    en: (_p, v) => `'${v}' in the void column is ambiguous: write the reason if the ballot is void, leave it empty otherwise`,
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
  'no-header': {
    vi: (_p, v) => `có giá trị '${v}' ở cột không có tiêu đề`,
    en: (_p, v) => `value '${v}' in a column without a header`,
  },
};

const MESSAGES: Record<ProblemCode, { vi: Wording; en: Wording }> = {
  'unknown-cadre': {
    vi: (p, v) => `tiêu đề cột '${v}' không khớp ai trong danh sách${s(p['suggestions']) ? `; có phải: ${s(p['suggestions'])}?` : ''}`,
    en: (p, v) => `column header '${v}' matches nobody on the roster${s(p['suggestions']) ? `; did you mean: ${s(p['suggestions'])}?` : ''}`,
  },
  'missing-cadre': {
    vi: (p) => `${s(p['name'])} (${s(p['position'])}) có trong danh sách nhưng không có cột trên phiếu`,
    en: (p) => `${s(p['name'])} (${s(p['position'])}) is on the roster but has no column on the ballots`,
  },
  'ambiguous-name': {
    vi: (p, v) => `'${v}' khớp nhiều người: ${s(p['candidates'])}; hãy dùng mã hoặc họ tên có dấu`,
    en: (p, v) => `'${v}' matches several people: ${s(p['candidates'])}; use the id or the full name with diacritics`,
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
    vi: (p) => `số phiếu ${s(p['ballot'])} trùng với ${p['otherFile'] ? `tệp ${s(p['otherFile'])}, ` : ''}dòng ${s(p['otherRow'])}`,
    en: (p) => `ballot number ${s(p['ballot'])} repeats ${p['otherFile'] ? `file ${s(p['otherFile'])}, ` : ''}row ${s(p['otherRow'])}`,
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
    vi: (p, v) => (p['kind'] === 'total' ? `dòng tổng cộng '${v}' không phải phiếu; không tính` : p['kind'] === 'title' ? `dòng tiêu đề '${v}' phía trên hàng tên cột; không phải phiếu` : 'dòng tiêu đề lặp lại; không phải phiếu'),
    en: (p, v) => (p['kind'] === 'total' ? `total row '${v}' is not a ballot; not counted` : p['kind'] === 'title' ? `title row '${v}' above the column headers; not a ballot` : 'repeated header row; not a ballot'),
  },
  'trailing-empty-rows': {
    vi: (p) => `${s(p['count'])} dòng trống cuối trang, bỏ qua`,
    en: (p) => `${s(p['count'])} empty row(s) at the end, ignored`,
  },
  'rows-vs-returned': {
    vi: (p) => `có ${s(p['ballots'])} phiếu trong dữ liệu nhưng số phiếu thu về là ${s(p['returned'])}`,
    en: (p) => `${s(p['ballots'])} ballots in the data but ${s(p['returned'])} ballots returned`,
  },
  accounting: {
    vi: (p) => `${keyLabel(p['smaller'], 'vi')} (${s(p[s(p['smaller'])])}) lớn hơn ${keyLabel(p['larger'], 'vi').toLocaleLowerCase('vi')} (${s(p[s(p['larger'])])}); phải có: thu về ≤ phát ra ≤ có mặt ≤ triệu tập`,
    en: (p) => `${keyLabel(p['smaller'], 'en')} (${s(p[s(p['smaller'])])}) exceeds ${keyLabel(p['larger'], 'en')} (${s(p[s(p['larger'])])}); required: returned ≤ issued ≤ present ≤ convened`,
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
    vi: (p) => p['scope'] === 'cadre' ? `${s(p['name'])} không có phiếu hợp lệ nào: không tính được tỷ lệ` : `mẫu số (${s(p['basis'])}) bằng 0: không tính được tỷ lệ`,
    en: (p) => p['scope'] === 'cadre' ? `${s(p['name'])} has no valid line: no percentage can be computed` : `the denominator (${s(p['basis'])}) is 0: no percentage can be computed`,
  },
  'denominator-fixed': {
    vi: (p) => `theo ${s(p['regime'])}, mẫu số do luật định là '${s(p['fixed'])}'; không dùng được '${s(p['basis'])}'`,
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
  adjudicated: {
    vi: (p) => `phiếu ${s(p['ballot'])}, ${s(p['name'])}: áp dụng quyết định '${s(p['decision'])}' của ${s(p['by'])}`,
    en: (p) => `ballot ${s(p['ballot'])}, ${s(p['name'])}: applied decision '${s(p['decision'])}' by ${s(p['by'])}`,
  },
  'too-many-places': {
    vi: (p) => `${s(p['name'])} được lấy phiếu ở ${Array.isArray(p['places']) ? p['places'].length : ''} nơi${p['round'] ? ` trong đợt ${s(p['round'])}` : ''} (${s(p['places'])}); tối đa ${MAX_PLACES} nơi (Quy định 96)`,
    en: (p) => `${s(p['name'])} is voted on in ${Array.isArray(p['places']) ? p['places'].length : ''} places${p['round'] ? ` in round ${s(p['round'])}` : ''} (${s(p['places'])}); at most ${MAX_PLACES} (Regulation 96)`,
  },
  'missing-sheet': {
    vi: (p) => `không tìm thấy trang '${s(p['sheet'])}'${p['flag'] ? `; hoặc dùng ${s(p['flag'])} tệp` : ''}`,
    en: (p) => `no sheet '${s(p['sheet'])}'${p['flag'] ? `; or pass ${s(p['flag'])} FILE` : ''}`,
  },
  'no-ballots': { vi: () => 'trang phiếu trống', en: () => 'the ballot sheet is empty' },
  'empty-roster': { vi: () => 'danh sách không có ai được lấy phiếu', en: () => 'the roster has no one to vote on' },
  'unreadable-file': { vi: (p) => fileReason('vi', p) ?? `không đọc được tệp (${s(p['reason'])})`, en: (p) => fileReason('en', p) ?? `cannot read the file (${s(p['reason'])})` },
  'not-a-session': {
    vi: () => 'sổ Excel này không phải một hội nghị (không có trang Danh sách và Phiếu) cũng không phải bản tổng hợp; bỏ qua',
    en: () => 'this workbook is neither a session (no roster and ballot sheets) nor a summary; skipped',
  },
  'matched-by-name': {
    vi: (p) => `${s(p['name'])}: nhận là cùng một người qua các hội nghị theo họ tên${p['id'] ? ` (mã ${s(p['id'])} ghi với tên khác nhau)` : ' (không có mã)'}`,
    en: (p) => `${s(p['name'])}: matched across sessions by name${p['id'] ? ` (id ${s(p['id'])} appears with different names)` : ' (no id)'}`,
  },
  'duplicate-file': {
    vi: (p) =>
      p['command'] === 'reconcile'
        ? `tệp này giống hệt tệp ${s(p['otherFile'])} (cùng SHA-256): đối chiếu một tệp với chính nó không phát hiện được sai sót nào; hãy đưa các lần nhập độc lập`
        : `tệp này giống hệt tệp ${s(p['otherFile'])} (cùng SHA-256); không đọc hai lần`,
    en: (p) =>
      p['command'] === 'reconcile'
        ? `this file is identical to ${s(p['otherFile'])} (same SHA-256): comparing a file with itself finds nothing; give independent entries`
        : `this file is identical to ${s(p['otherFile'])} (same SHA-256); not read twice`,
  },
};

const HINT_VI: Record<string, string> = {
  count: 'cần số nguyên không âm',
  date: 'dạng dd/mm/yyyy hoặc yyyy-mm-dd',
  regime: 'party-96, party-262, assembly-96, assembly-85, assembly-35',
  denominator: 'returned, issued, present, convened, valid',
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
  regime: 'party-96, party-262, assembly-96, assembly-85, assembly-35',
  denominator: 'returned, issued, present, convened, valid',
  boolean: 'yes / no',
  'json-object': 'the JSON file must hold one object',
  'json-scalar': 'a text or a number',
  threshold: 'a fill ratio from 0 to 1, e.g. 0.5',
  thresholds: 'the blank threshold must be below the mark threshold',
  'omr-letters': 'like A=high,B=confidence,C=low',
};

export function problemMessage(p: Problem, lang: Lang): string {
  return MESSAGES[p.code][lang](p.params, p.value === undefined ? undefined : shown(p.value));
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
  const w = lang === 'vi' ? { file: 'tệp', sheet: 'trang', cell: 'ô', row: 'dòng', column: 'cột' } : { file: 'file', sheet: 'sheet', cell: 'cell', row: 'row', column: 'column' };
  const parts: string[] = [];
  if (loc.file) parts.push(`${w.file} ${loc.file}`);
  if (loc.sheet) parts.push(`${w.sheet} ${loc.sheet}`);
  if (loc.row !== undefined && loc.columnLetter !== undefined) parts.push(`${w.cell} ${loc.columnLetter}${loc.row}`);
  else if (loc.row !== undefined) parts.push(`${w.row} ${loc.row}`);
  let out = parts.join(', ');
  if (loc.column) out += ` (${loc.column})`;
  return out;
}

export function cellRef(loc: Location): string | null {
  return loc.row !== undefined && loc.columnLetter !== undefined ? `${loc.columnLetter}${loc.row}` : null;
}
