// Why a file cannot be read at all, in the clerk's words: said by every command on a usage
// error, and by `tally check` for a round's file. {0} and {1} are filled by the caller.
import type { InputFileReason } from '../model/input-error.js';
import type { Lang } from './lang.js';
import { JSON_DEPTH } from '../model/limits.js';

export const FILE_REASONS: Readonly<Record<Lang, Readonly<Record<InputFileReason, string>>>> = {
  vi: {
    'not-found': 'không tìm thấy tệp',
    'not-a-file': 'không phải là tệp (mà là thư mục, thiết bị hay đường ống); không mở',
    unreadable: 'không đọc được tệp',
    xls: 'tệp Excel cũ (.xls) không được hỗ trợ: mở trong Excel và lưu lại dạng .xlsx (Excel Workbook)',
    'bad-xlsx': 'tệp .xlsx bị hỏng hoặc không đúng định dạng',
    'bad-ods': 'tệp .ods bị hỏng hoặc không đúng định dạng',
    'bad-json': 'tệp JSON không hợp lệ',
    'bad-csv': 'tệp CSV hỏng (dấu ngoặc kép không đóng?); mở bằng Excel, kiểm tra rồi lưu lại',
    'not-text': 'không phải tệp văn bản (CSV) hay sổ Excel (.xlsx): có thể là tệp khác bị đổi tên, hoặc CSV Unicode không có BOM; mở bằng Excel rồi lưu lại dạng .xlsx hoặc CSV UTF-8',
    'text-as-xlsx': 'tệp có đuôi .xlsx nhưng không phải sổ Excel mà là văn bản (CSV, hoặc một trang web lưu nhầm đuôi); nếu là CSV, đổi đuôi thành .csv rồi chạy lại',
    'text-as-ods': 'tệp có đuôi .ods nhưng không phải bảng tính LibreOffice mà là văn bản (CSV, hoặc một trang web lưu nhầm đuôi); nếu là CSV, đổi đuôi thành .csv rồi chạy lại',
    'legacy-encoding': 'tệp gõ bằng bảng mã cũ ({0}); hãy chuyển sang Unicode (Unikey → Công cụ chuyển mã: nguồn {0}, đích Unicode) rồi chạy lại',
    'too-large': 'vượt giới hạn {0}; nếu tệp đúng, chạy lại với --limit {1}=<giá trị lớn hơn>',
    changed: 'tệp bị thay đổi trong lúc đang đọc; chạy lại khi không còn chương trình nào ghi vào tệp',
    empty: 'tệp rỗng (0 byte): không có dữ liệu; kiểm tra lại tệp gốc',
    'no-access': 'không có quyền đọc; nhờ người quản trị máy cấp quyền, hoặc chép sang thư mục khác rồi chạy lại',
    outside: 'là liên kết (shortcut) trỏ ra ngoài các thư mục đã chỉ định; không đọc',
    'json-shape': 'tệp JSON của hội nghị phải là một đối tượng {"khóa": giá trị, …}, không phải danh sách hay một giá trị đơn',
    'json-depth': `tệp JSON lồng quá sâu (quá ${JSON_DEPTH} tầng); tệp hội nghị chỉ cần ba tầng`,
  },
  en: {
    'not-found': 'file not found',
    'not-a-file': 'not a file (a folder, a device or a pipe); not opened',
    unreadable: 'cannot read the file',
    xls: 'old Excel files (.xls) are not supported: open it in Excel and save it as .xlsx (Excel Workbook)',
    'bad-xlsx': 'the .xlsx file is damaged or not a workbook',
    'bad-ods': 'the .ods file is damaged or not a spreadsheet',
    'bad-json': 'the JSON file is not valid',
    'bad-csv': 'the CSV file is damaged (an unclosed quote?); open it in Excel, check it and save it again',
    'not-text': 'neither a text (CSV) file nor an Excel workbook (.xlsx): perhaps another kind of file renamed, or Unicode text without a byte order mark; open it in Excel and save it as .xlsx or CSV UTF-8',
    'text-as-xlsx': 'the file is named .xlsx but is text, not an Excel workbook (a CSV, or a web page saved under that name); if it is a CSV, rename it to .csv and run again',
    'text-as-ods': 'the file is named .ods but is text, not a LibreOffice spreadsheet (a CSV, or a web page saved under that name); if it is a CSV, rename it to .csv and run again',
    'legacy-encoding': 'the file is typed in a legacy Vietnamese encoding ({0}); convert it to Unicode (Unikey → conversion tool: source {0}, target Unicode) and run again',
    'too-large': 'past the limit of {0}; if the file is right, run again with --limit {1}=<a larger value>',
    changed: 'the file changed while it was being read; run again once nothing is writing to it',
    empty: 'the file is empty (0 bytes): no data; check the original file',
    'no-access': 'no permission to read it; ask the administrator for access, or copy it elsewhere and run again',
    outside: 'a link (shortcut) pointing outside the folders given; not read',
    'json-shape': 'a session JSON file must be one object {"key": value, …}, not a list or a single value',
    'json-depth': `the JSON file is nested too deep (more than ${JSON_DEPTH} levels); a session file needs three`,
  },
};
