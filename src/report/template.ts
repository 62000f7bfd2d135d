// The empty self-contained workbook a clerk types ballots into (SPEC §4 `tally template`).
import { caseFold } from '../model/fold.js';
import { DEFAULT_BALLOT_TYPE, type Cadre } from '../model/types.js';
import { columnLetter } from '../model/grid.js';
import { REGIME_LIST, type Regime } from '../rules/regimes.js';
import { workbookBytes } from './xlsx-blocks.js';

export interface TemplateOptions {
  /** Leaders to put on the ballot sheet; null leaves formulas that follow the roster sheet. */
  readonly cadres: readonly Cadre[] | null;
  /** Pre-numbered ballot rows (the ballots returned), or null for none. */
  readonly ballots: number | null;
}

const ROSTER_HEADERS = ['STT', 'Mã', 'Họ và tên', 'Chức vụ', 'Đơn vị', 'Loại phiếu', 'Không lấy phiếu'];
const SESSION_KEYS = [
  'Tên hội nghị', 'Cơ quan', 'Địa danh', 'Ngày', 'Đợt', 'Quy định',
  'Số người được triệu tập', 'Số người có mặt', 'Số phiếu phát ra', 'Số phiếu thu về',
  'Ban kiểm phiếu', 'Độ mật',
];
const COUNT_KEYS = new Set(['Số người được triệu tập', 'Số người có mặt', 'Số phiếu phát ra', 'Số phiếu thu về']);
/** What data validation lets a clerk type in a ballot cell (digits, crossed out, invalid). */
const CODES = ['1', '2', '3', '12', '13', '23', '123', 'gx', '0'];
const SLOTS_WITHOUT_ROSTER = 30;
const ENTRY_ROWS = 1000;

/** The name a clerk types for a regime, with the instrument it stands for. */
const regimeName = (r: Regime) => r.aliases[0] ?? r.id;


const INSTRUCTIONS = [
  'HƯỚNG DẪN NHẬP PHIẾU TÍN NHIỆM',
  '',
  '1. Trang "Danh sách": mỗi dòng một người được lấy phiếu, theo thứ tự in trên phiếu. Bắt buộc: Họ và tên, Chức vụ.',
  '   Cột "Không lấy phiếu": ghi lý do nếu người đó không lấy phiếu (đã có thông báo nghỉ hưu; được bổ nhiệm, bầu trong năm). Để trống nếu có lấy phiếu. Người có lý do ở cột này không có cột ở trang "Phiếu" (không in trên phiếu).',
  '2. Trang "Hội nghị": điền cột Giá trị. Bắt buộc: số người được triệu tập, số người có mặt, số phiếu phát ra, số phiếu thu về.',
  '   Ngày ghi dạng dd/mm/yyyy. Quy định: ghi một trong các tên sau (để trống là quy định đầu tiên):',
  // Every regime from its entry, the default first.
  ...REGIME_LIST.map((r, i) => `     ${regimeName(r)} — ${r.instrument.vi}${i === 0 ? ' (mặc định)' : ''}`),
  '3. Trang "Phiếu": mỗi dòng một phiếu thu về, ghi số phiếu ở cột đầu. Mỗi cột là một người. Mã nhập:',
  '   1 = Tín nhiệm cao; 2 = Tín nhiệm; 3 = Tín nhiệm thấp; để trống = không đánh dấu;',
  '   13, 12, 23, 123 = đánh dấu nhiều ô; gx = gạch tên; 0 = Ban kiểm phiếu xác định không hợp lệ.',
  '   Phiếu không hợp lệ cả phiếu (không do Ban kiểm phiếu phát ra, ghi thêm tên hoặc nội dung khác): ghi lý do ở cột "Phiếu không hợp lệ"; vẫn nhập dòng đó.',
  '   Phiếu trắng (không đánh dấu ô nào): ghi "trắng" ở cột "Phiếu không hợp lệ". Dòng chỉ có số phiếu là phiếu chưa nhập:',
  '   chương trình báo lỗi nếu nó nằm giữa các phiếu đã nhập, và bỏ qua (có báo) các dòng như vậy sau phiếu cuối cùng.',
  '   Có nhiều loại phiếu: mỗi loại một trang "Phiếu <loại>"; trang Hội nghị ghi số phiếu phát ra, thu về của từng loại ở cột "Loại phiếu".',
  '4. Số phiếu đã nhập phải bằng số phiếu thu về. Không thêm dòng tổng cộng.',
  '5. Lưu tệp (định dạng .xlsx) rồi chạy:  tally <tên tệp>.xlsx',
  '   Xuất báo cáo Excel cho Ban Thường vụ:  tally <tên tệp>.xlsx -o tong-hop.xlsx',
  '',
  'Chương trình kiểm tra từng ô; mọi lỗi được báo kèm tên trang, ô và giá trị để sửa.',
];

/** Roster rows the formulas look at: far more than any committee. */
const ROSTER_ROWS = 1000;

/**
 * Without a roster, ballot column k shows the k-th person typed on the roster sheet who is voted
 * on: a row with a name and nothing under "Không lấy phiếu". A person with a reason
 * there is skipped, so the ballot sheet never names them (they are not on the paper ballot).
 * An array formula (SMALL over IF), so that Excel 2010 and LibreOffice compute it alike.
 */
function votedOn(k: number): string {
  const name = columnLetter(ROSTER_HEADERS.indexOf('Họ và tên'));
  const excluded = columnLetter(ROSTER_HEADERS.indexOf('Không lấy phiếu'));
  const range = (c: string) => `'Danh sách'!$${c}$2:$${c}$${ROSTER_ROWS + 1}`;
  return `IFERROR(INDEX('Danh sách'!$${name}:$${name},SMALL(IF((TRIM(${range(name)})<>"")*(TRIM(${range(excluded)})=""),ROW(${range(name)})),${k})),"")`;
}

export async function renderTemplate(options: TemplateOptions): Promise<Uint8Array> {
  const { default: ExcelJS } = await import('exceljs');
  const wb = new ExcelJS.Workbook();
  wb.creator = 'tally';
  wb.created = new Date('2000-01-01T00:00:00Z');
  wb.modified = wb.created;
  // Header formulas that follow the roster must be computed when the file is opened.
  wb.calcProperties.fullCalcOnLoad = true;

  const help = wb.addWorksheet('Hướng dẫn');
  help.getColumn(1).width = 140;
  INSTRUCTIONS.forEach((line, i) => {
    const c = help.getCell(i + 1, 1);
    c.value = line;
    if (i === 0) c.font = { bold: true, size: 14 };
  });

  const roster = wb.addWorksheet('Danh sách');
  roster.addRow(ROSTER_HEADERS).font = { bold: true };
  roster.columns = [6, 10, 28, 40, 20, 12, 28].map((width) => ({ width }));
  for (const c of options.cadres ?? []) {
    roster.addRow([c.stt, c.id, c.name, c.position, c.unit, c.ballotType === DEFAULT_BALLOT_TYPE ? null : c.ballotType, c.excluded]);
  }
  roster.views = [{ state: 'frozen', ySplit: 1 }];

  // One ballot sheet per ballot type ("Phiếu <loại>"), or one "Phiếu" (SPEC §2.1).
  const voters = options.cadres?.filter((c) => c.excluded === null) ?? null;
  const types = [...new Set((voters ?? []).map((c) => c.ballotType))];
  const several = types.length > 1;

  const session = wb.addWorksheet('Hội nghị');
  session.addRow(several ? ['Mục', 'Giá trị', 'Loại phiếu'] : ['Mục', 'Giá trị']).font = { bold: true };
  session.columns = [{ width: 28 }, { width: 70 }, { width: 14 }];
  const countCell = (row: { getCell(n: number): { dataValidation: object } }) => {
    row.getCell(2).dataValidation = {
      type: 'whole', operator: 'greaterThanOrEqual', formulae: [0], allowBlank: true, showErrorMessage: true,
      errorTitle: 'Số không hợp lệ', error: 'Nhập một số nguyên không âm.',
    };
  };
  for (const key of SESSION_KEYS) {
    // With several ballot types, each type has its own ballots issued and returned.
    const perType = several && (key === 'Số phiếu phát ra' || key === 'Số phiếu thu về');
    for (const type of perType ? types : [null]) {
      const row = session.addRow([key, key === 'Quy định' ? regimeName(REGIME_LIST[0] as Regime) : key === 'Số phiếu thu về' && options.ballots !== null ? options.ballots : null, type]);
      if (COUNT_KEYS.has(key)) countCell(row);
      if (key === 'Ngày') row.getCell(2).numFmt = 'dd/mm/yyyy';
    }
  }

  for (const type of several ? types : [null]) {
    const ballots = wb.addWorksheet(type === null ? 'Phiếu' : `Phiếu ${type}`);
    const onSheet = voters === null ? null : voters.filter((c) => type === null || c.ballotType === type);
    const slots = onSheet?.length ?? SLOTS_WITHOUT_ROSTER;
    const header: (string | { formula: string; result: string; shareType?: 'array'; ref?: string })[] = ['Số phiếu', 'Phiếu không hợp lệ'];
    for (let i = 0; i < slots; i++) {
      const v = onSheet?.[i];
      // Namesakes are told apart as the printed ballot does: the name over the position.
      const namesake = v !== undefined && (onSheet ?? []).some((o) => o !== v && caseFold(o.name) === caseFold(v.name));
      header.push(v !== undefined ? (namesake ? `${v.name}\n${v.position}` : v.name) : { formula: votedOn(i + 1), result: '', shareType: 'array', ref: `${columnLetter(header.length)}1` });
    }
    const head = ballots.addRow(header);
    head.font = { bold: true };
    head.alignment = { wrapText: true, vertical: 'middle', horizontal: 'center' };
    head.height = 45;
    ballots.columns = [10, 22, ...Array.from({ length: slots }, () => 14)].map((width) => ({ width }));
    for (let n = 1; n <= (options.ballots ?? 0); n++) ballots.addRow([n]);
    const last = columnLetter(header.length - 1);
    const rows = Math.max(ENTRY_ROWS, (options.ballots ?? 0) + 1);
    // One validation rule for the whole entry area.
    // exceljs has a range form of data validation that its type definitions leave out.
    (ballots as unknown as { dataValidations: { add(range: string, rule: object): void } }).dataValidations.add(`C2:${last}${rows}`, {
      type: 'list', allowBlank: true, formulae: [`"${CODES.join(',')}"`], showErrorMessage: true, errorStyle: 'stop',
      errorTitle: 'Mã không hợp lệ',
      error: '1 = tín nhiệm cao, 2 = tín nhiệm, 3 = tín nhiệm thấp, trống = không đánh dấu, 13/12/23/123 = nhiều ô, gx = gạch tên, 0 = không hợp lệ.',
    });
    ballots.views = [{ state: 'frozen', xSplit: 2, ySplit: 1 }];
  }
  wb.views = [{ x: 0, y: 0, width: 20000, height: 12000, firstSheet: 0, activeTab: 0, visibility: 'visible' }];
  return workbookBytes(wb);
}
