// Wording of the documents handed to the standing committee: the heading and signature blocks
// (Hướng dẫn 36-HD/VPTW for the Party, Nghị định 30/2020/NĐ-CP for the State) and the counting
// minutes. Kept apart from labels.ts: these are the words of an official document.

/** What a clerk writes in by hand where a value was not given. */
export const DOTS = '…………………………';
const SHORT_DOTS = '……';

export const DOCUMENT_TEXT = {
  vi: {
    party: ['ĐẢNG CỘNG SẢN VIỆT NAM'],
    state: ['CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'Độc lập - Tự do - Hạnh phúc'],
    /** Party: "Số 05-BB/BKP" or "Số     -BB/BKP"; State: "Số: 05/BB-BKP" or "Số:      /BB-BKP". */
    number: (convention: 'party' | 'state', given: string | null, symbol: { party: string; state: string }) =>
      convention === 'party' ? (given === null ? `Số     -${symbol.party}` : `Số ${given}`) : given === null ? `Số:      /${symbol.state}` : `Số: ${given}`,
    placeDate: (place: string | null, d: string | null, m: string | null, y: string | null) =>
      `${place ?? SHORT_DOTS}, ngày ${d ?? SHORT_DOTS} tháng ${m ?? SHORT_DOTS} năm ${y ?? SHORT_DOTS}`,
    /** "T/M" in Party documents, "TM." in State ones. */
    onBehalf: (convention: 'party' | 'state') => (convention === 'party' ? 'T/M' : 'TM.'),
    countingCommittee: 'BAN KIỂM PHIẾU',
    head: 'TRƯỞNG BAN',
    members: 'CÁC THÀNH VIÊN',
    resultsType: 'KẾT QUẢ LẤY PHIẾU TÍN NHIỆM',
    minutesType: 'BIÊN BẢN KIỂM PHIẾU',
    minutesSubject: 'Lấy phiếu tín nhiệm đối với người giữ chức vụ lãnh đạo, quản lý',
    classification: 'Độ mật',
    page: 'Trang',
  },
  en: {
    party: ['COMMUNIST PARTY OF VIETNAM'],
    state: ['SOCIALIST REPUBLIC OF VIETNAM', 'Independence - Freedom - Happiness'],
    number: (convention: 'party' | 'state', given: string | null, symbol: { party: string; state: string }) =>
      convention === 'party' ? (given === null ? `No.     -${symbol.party}` : `No. ${given}`) : given === null ? `No.:      /${symbol.state}` : `No.: ${given}`,
    placeDate: (place: string | null, d: string | null, m: string | null, y: string | null) =>
      `${place ?? SHORT_DOTS}, ${y ?? SHORT_DOTS}-${m ?? SHORT_DOTS}-${d ?? SHORT_DOTS}`,
    onBehalf: (_convention: 'party' | 'state') => 'FOR THE',
    countingCommittee: 'COUNTING COMMITTEE',
    head: 'HEAD',
    members: 'MEMBERS',
    resultsType: 'CONFIDENCE VOTE RESULT',
    minutesType: 'MINUTES OF THE BALLOT COUNT',
    minutesSubject: 'Confidence vote on leaders holding elected or appointed positions',
    classification: 'Classification',
    page: 'Page',
  },
} as const;

/** The wording of the counting minutes (biên bản kiểm phiếu). */
export const MINUTES_TEXT = {
  vi: {
    opening: (time: string, date: string, place: string) => `Vào hồi ${time}, ${date}, tại ${place}, Ban kiểm phiếu gồm các đồng chí:`,
    headRole: 'Trưởng ban',
    memberRole: 'Thành viên',
    proceeded: (instrument: string) => `đã tiến hành kiểm phiếu lấy phiếu tín nhiệm theo ${instrument}. Kết quả như sau:`,
    sections: {
      ballots: 'I. SỐ NGƯỜI VÀ SỐ PHIẾU',
      results: 'II. KẾT QUẢ LẤY PHIẾU TÍN NHIỆM',
      flagged: 'III. NGƯỜI CÓ PHIẾU TÍN NHIỆM THẤP VƯỢT NGƯỠNG',
      invalid: 'IV. PHIẾU KHÔNG HỢP LỆ VÀ DÒNG KHÔNG HỢP LỆ',
      adjudications: 'V. QUYẾT ĐỊNH CỦA BAN KIỂM PHIẾU',
    },
    ballotType: (id: string) => `Loại phiếu ${id}:`,
    convened: 'Số người được triệu tập',
    /** An assembly's word for those convened: its deputies (Nghị quyết 96/2023/QH15). */
    convenedDeputies: 'Tổng số đại biểu',
    present: 'Số người có mặt',
    quorum: (required: number, met: boolean, byAnalogy: boolean) =>
      `${met ? 'đủ' : 'KHÔNG đủ'} 2/3 ${byAnalogy ? 'tổng số đại biểu' : 'số người được triệu tập'} (cần ít nhất ${required})${byAnalogy ? ', áp dụng tương tự Quy định 96, Điều 3' : ''}`,
    issued: 'Số phiếu phát ra',
    returned: 'Số phiếu thu về',
    valid: 'Số phiếu hợp lệ',
    voided: 'Số phiếu không hợp lệ',
    basis: (basis: string, value: number | null) => `Tỷ lệ phần trăm tính trên ${basis}${value === null ? '' : ` (${value})`}.`,
    nameAndPosition: 'Họ và tên, chức vụ',
    flaggedLine: (low: number, total: string, pct: string) => `${low}/${total} phiếu tín nhiệm thấp (${pct})`,
    action: 'Biện pháp theo quy định',
    ballotNo: (n: string) => `Phiếu số ${n}`,
    closing: `Biên bản kết thúc vào hồi ${SHORT_DOTS} giờ ${SHORT_DOTS} phút cùng ngày, được lập thành ${SHORT_DOTS} bản, đã đọc lại cho Ban kiểm phiếu cùng nghe, nhất trí và ký tên.`,
  },
  en: {
    opening: (time: string, date: string, place: string) => `At ${time} on ${date}, at ${place}, the counting committee, made up of:`,
    headRole: 'Head',
    memberRole: 'Member',
    proceeded: (instrument: string) => `counted the confidence-vote ballots under ${instrument}, with this result:`,
    sections: {
      ballots: 'I. PEOPLE AND BALLOTS',
      results: 'II. RESULT OF THE CONFIDENCE VOTE',
      flagged: 'III. LEADERS ABOVE A LOW-CONFIDENCE THRESHOLD',
      invalid: 'IV. INVALID BALLOTS AND LINES',
      adjudications: 'V. DECISIONS OF THE COUNTING COMMITTEE',
    },
    ballotType: (id: string) => `Ballot type ${id}:`,
    convened: 'Number convened',
    convenedDeputies: 'Total number of deputies',
    present: 'Number present',
    quorum: (required: number, met: boolean, byAnalogy: boolean) =>
      `${met ? 'quorum met' : 'quorum NOT met'}: at least ${required} needed${byAnalogy ? ', Regulation 96 Article 3 applied by analogy' : ''}`,
    issued: 'Ballots issued',
    returned: 'Ballots returned',
    valid: 'Valid ballots',
    voided: 'Ballots void as a whole',
    basis: (basis: string, value: number | null) => `Shares are of ${basis}${value === null ? '' : ` (${value})`}.`,
    nameAndPosition: 'Name, position',
    flaggedLine: (low: number, total: string, pct: string) => `${low}/${total} low-confidence votes (${pct})`,
    action: 'Prescribed action',
    ballotNo: (n: string) => `Ballot ${n}`,
    closing: `The minutes closed at ${SHORT_DOTS} the same day, made in ${SHORT_DOTS} copies, read out to the counting committee, agreed and signed.`,
  },
} as const;
