// The regulation as data: one entry per regime. A new regime is a new entry here.
import type { Band, DenominatorBasis, RegimeId } from '../model/types.js';
import { meets, type Threshold } from '../model/exact.js';

export interface Text {
  readonly vi: string;
  readonly en: string;
}

export interface BandRule {
  readonly threshold: Threshold;
  readonly label: Text;
  readonly action: Text;
}

export interface Regime {
  readonly id: RegimeId;
  readonly instrument: Text;
  readonly defaultBasis: DenominatorBasis;
  /** Under the assembly resolutions the basis is written into law and cannot be changed. */
  readonly basisFixed: boolean;
  /** The quorum test of Quy định 96 Điều 3 is applied by analogy outside the Party regimes. */
  readonly quorumByAnalogy: boolean;
  readonly review: BandRule;
  readonly dismissal: BandRule | null;
  /** Note at exactly two thirds (Quy định 96 Điều 11 khoản 3 vs Quy định 41 "trên 2/3"). */
  readonly exactlyTwoThirdsNote: boolean;
  /**
   * How its documents look: the Party's (Hướng dẫn 36-HD/VPTW, signed "T/M") or the State's
   * (Nghị định 30/2020/NĐ-CP, signed "TM.") — People's Councils and the National Assembly.
   */
  readonly convention: 'party' | 'state';
}

const OVER_HALF: Threshold = { num: 1, den: 2, inclusive: false };
const TWO_THIRDS_OR_MORE: Threshold = { num: 2, den: 3, inclusive: true };
const OVER_TWO_THIRDS: Threshold = { num: 2, den: 3, inclusive: false };

const LABEL_REVIEW: Text = {
  vi: 'Trên 50% đến dưới 2/3 phiếu tín nhiệm thấp',
  en: 'More than 50% and less than 2/3 low-confidence votes',
};
const LABEL_DISMISSAL: Text = {
  vi: 'Từ 2/3 phiếu tín nhiệm thấp trở lên',
  en: '2/3 or more low-confidence votes',
};

const ASSEMBLY_MAY_RESIGN: Text = { vi: 'Có thể xin từ chức.', en: 'May resign.' };
const ASSEMBLY_FORMAL_VOTE: Text = {
  vi: 'Ủy ban Thường vụ Quốc hội / Thường trực HĐND trình bỏ phiếu tín nhiệm.',
  en: 'The National Assembly Standing Committee / People’s Council Standing Body submits a formal vote of confidence.',
};

export const REGIMES: Readonly<Record<RegimeId, Regime>> = {
  // Quy định 96-QĐ/TW (2023), Điều 11 khoản 2 and 3.
  'party-96': {
    id: 'party-96',
    convention: 'party',
    instrument: { vi: 'Quy định 96-QĐ/TW (2023)', en: 'Regulation 96-QĐ/TW (2023)' },
    defaultBasis: 'returned',
    basisFixed: false,
    quorumByAnalogy: false,
    review: {
      threshold: OVER_HALF,
      label: LABEL_REVIEW,
      action: {
        vi: 'Cấp có thẩm quyền đưa ra khỏi quy hoạch chức vụ cao hơn; xem xét cho thôi giữ chức vụ, bố trí công tác khác, cho từ chức hoặc tiến hành bỏ phiếu tín nhiệm theo quy định.',
        en: 'The competent authority removes the person from planning for higher posts and considers relief from post, reassignment, resignation or a formal vote of confidence as regulated.',
      },
    },
    dismissal: {
      threshold: TWO_THIRDS_OR_MORE,
      label: LABEL_DISMISSAL,
      action: {
        vi: 'Cấp có thẩm quyền thực hiện miễn nhiệm chức vụ đang đảm nhiệm và bố trí công tác khác (thấp hơn) mà không chờ đến hết nhiệm kỳ, hết thời hạn bổ nhiệm.',
        en: 'The competent authority dismisses the person from the current post and assigns other (lower) work without waiting for the end of the term or appointment period.',
      },
    },
    exactlyTwoThirdsNote: true,
  },
  // Quy định 262-QĐ/TW (2014): only "trên 50%" has a consequence.
  'party-262': {
    id: 'party-262',
    convention: 'party',
    instrument: { vi: 'Quy định 262-QĐ/TW (2014)', en: 'Regulation 262-QĐ/TW (2014)' },
    defaultBasis: 'returned',
    basisFixed: false,
    quorumByAnalogy: false,
    review: {
      threshold: OVER_HALF,
      label: { vi: 'Trên 50% phiếu tín nhiệm thấp', en: 'More than 50% low-confidence votes' },
      action: {
        vi: 'Cấp có thẩm quyền xem xét đưa ra khỏi quy hoạch chức vụ cao hơn.',
        en: 'The competent authority considers removing the person from planning for higher posts.',
      },
    },
    dismissal: null,
    exactlyTwoThirdsNote: false,
  },
  // Nghị quyết 96/2023/QH15: the base is ballots returned (Điều 19 khoản 3).
  'assembly-96': {
    id: 'assembly-96',
    convention: 'state',
    instrument: { vi: 'Nghị quyết 96/2023/QH15', en: 'Resolution 96/2023/QH15' },
    defaultBasis: 'returned',
    basisFixed: true,
    quorumByAnalogy: true,
    review: {
      threshold: OVER_HALF,
      label: LABEL_REVIEW,
      action: {
        vi: 'Có thể xin từ chức; nếu không, Ủy ban Thường vụ Quốc hội / Thường trực HĐND trình bỏ phiếu tín nhiệm tại kỳ họp đó hoặc kỳ họp gần nhất.',
        en: 'May resign; otherwise the National Assembly Standing Committee / People’s Council Standing Body submits a formal vote of confidence at that session or the next.',
      },
    },
    dismissal: {
      threshold: TWO_THIRDS_OR_MORE,
      label: LABEL_DISMISSAL,
      action: {
        vi: 'Cơ quan hoặc người có thẩm quyền đã giới thiệu trình miễn nhiệm hoặc phê chuẩn đề nghị miễn nhiệm tại kỳ họp đó hoặc kỳ họp gần nhất.',
        en: 'The body or person who nominated the official submits dismissal, or approval of dismissal, at that session or the next.',
      },
    },
    exactlyTwoThirdsNote: false,
  },
  // Nghị quyết 85/2014/QH13: percentages of the total number of deputies (Điều 17 khoản 1).
  'assembly-85': {
    id: 'assembly-85',
    convention: 'state',
    instrument: { vi: 'Nghị quyết 85/2014/QH13', en: 'Resolution 85/2014/QH13' },
    defaultBasis: 'convened',
    basisFixed: true,
    quorumByAnalogy: true,
    review: { threshold: OVER_HALF, label: LABEL_REVIEW, action: ASSEMBLY_MAY_RESIGN },
    dismissal: { threshold: TWO_THIRDS_OR_MORE, label: LABEL_DISMISSAL, action: ASSEMBLY_FORMAL_VOTE },
    exactlyTwoThirdsNote: false,
  },
  // Nghị quyết 35/2012/QH13: "trên 2/3 tổng số đại biểu" is strict.
  'assembly-35': {
    id: 'assembly-35',
    convention: 'state',
    instrument: { vi: 'Nghị quyết 35/2012/QH13', en: 'Resolution 35/2012/QH13' },
    defaultBasis: 'convened',
    basisFixed: true,
    quorumByAnalogy: true,
    review: {
      threshold: OVER_HALF,
      label: { vi: 'Trên 50% đến 2/3 phiếu tín nhiệm thấp', en: 'More than 50% up to 2/3 low-confidence votes' },
      action: ASSEMBLY_MAY_RESIGN,
    },
    dismissal: {
      threshold: OVER_TWO_THIRDS,
      label: { vi: 'Trên 2/3 phiếu tín nhiệm thấp', en: 'More than 2/3 low-confidence votes' },
      action: ASSEMBLY_FORMAL_VOTE,
    },
    exactlyTwoThirdsNote: false,
  },
};

/** A person is voted on in at most this many places in one round (Quy định 96, principle 3). */

export const EXACTLY_TWO_THIRDS_NOTE: Text = {
  vi: "Đúng 2/3: thuộc mức 'từ 2/3 trở lên' theo Quy định 96 (Điều 11 khoản 3); Quy định 41-QĐ/TW (2021) ghi 'trên 2/3' — cần đối chiếu quy định hiện hành.",
  en: "Exactly 2/3: in the '2/3 or more' band under Regulation 96 (Article 11(3)); Regulation 41-QĐ/TW (2021) says 'more than 2/3' — check against the regulation in force.",
};

/** Spellings a clerk may use for a regime, folded (see text/fold.ts) before lookup. */
export const REGIME_ALIASES: Readonly<Record<string, RegimeId>> = {
  'party-96': 'party-96',
  '96-qd/tw': 'party-96',
  'qd 96-qd/tw': 'party-96',
  'quy dinh 96-qd/tw': 'party-96',
  'quy dinh 96': 'party-96',
  'party-262': 'party-262',
  '262-qd/tw': 'party-262',
  'quy dinh 262-qd/tw': 'party-262',
  'quy dinh 262': 'party-262',
  'assembly-96': 'assembly-96',
  'nq 96/2023': 'assembly-96',
  'nq 96/2023/qh15': 'assembly-96',
  'nghi quyet 96/2023/qh15': 'assembly-96',
  'assembly-85': 'assembly-85',
  'nq 85/2014': 'assembly-85',
  'nq 85/2014/qh13': 'assembly-85',
  'nghi quyet 85/2014/qh13': 'assembly-85',
  'assembly-35': 'assembly-35',
  'nq 35/2012': 'assembly-35',
  'nq 35/2012/qh13': 'assembly-35',
  'nghi quyet 35/2012/qh13': 'assembly-35',
};

/** The band for `low` votes out of `total`, decided in integers only. */
export function bandOf(regime: Regime, low: number, total: number): Band {
  if (regime.dismissal !== null && meets(low, total, regime.dismissal.threshold)) return 'dismissal';
  if (meets(low, total, regime.review.threshold)) return 'review';
  return 'none';
}

export function bandRule(regime: Regime, band: Exclude<Band, 'none'>): BandRule | null {
  return band === 'review' ? regime.review : regime.dismissal;
}
