// The formats' names and the words that list them, in Vietnamese and English. Every list is
// given by the command that writes it (cli/writers.ts), never typed here.
import type { FormatId } from '../model/formats.js';

/** ".xlsx, .csv hoặc .json": a closed list with its last item joined by `or`. */
const either = (exts: readonly string[], or: string) => (exts.length < 2 ? exts.join('') : `${exts.slice(0, -1).join(', ')} ${or} ${exts.at(-1)}`);

export const FORMAT_TEXT = {
  vi: {
    names: {
      xlsx: 'sổ Excel',
      docx: 'văn bản Word',
      csv: 'bảng CSV, UTF-8',
      json: 'dữ liệu JSON',
      html: 'trang HTML để in',
      pdf: 'tệp PDF để in',
    } satisfies Record<FormatId, string>,
    /** After the file name: "x.doc: định dạng không hỗ trợ; dùng .xlsx hoặc .json". */
    unknown: (exts: readonly string[]) => `định dạng không hỗ trợ; dùng ${either(exts, 'hoặc')}`,
    either: (exts: readonly string[]) => either(exts, 'hoặc'),
  },
  en: {
    names: {
      xlsx: 'Excel workbook',
      docx: 'Word document',
      csv: 'CSV table, UTF-8',
      json: 'JSON data',
      html: 'printable HTML page',
      pdf: 'printable PDF',
    } satisfies Record<FormatId, string>,
    unknown: (exts: readonly string[]) => `unsupported format; use ${either(exts, 'or')}`,
    either: (exts: readonly string[]) => either(exts, 'or'),
  },
} as const;
