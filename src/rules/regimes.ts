// The regulation as data: one entry per regime. A new regime is a new entry here (and its id in
// model/types.ts REGIME_IDS, which the typecheck ties to this record); everything a report, the
// help, the template, the minutes, the JSON Schema, `check`'s band reader and the round summary
// say about a regime is read from its entry (test/rules/registry.test.ts proves it per regime).
import { REGIME_IDS, type Band, type DenominatorBasis, type RegimeId } from '../model/types.js';
import { meets, type Threshold } from '../model/exact.js';
import { fold } from '../model/fold.js';

export interface Text {
  readonly vi: string;
  readonly en: string;
}

export interface BandRule {
  readonly threshold: Threshold;
  /** The band in full, as every report names it. */
  readonly label: Text;
  /** The band in a table's column header. */
  readonly short: Text;
  readonly action: Text;
}

export interface Regime {
  readonly id: RegimeId;
  /** Other names a clerk types for it (session key `regime`, `--regime`); the first is shown. */
  readonly aliases: readonly string[];
  readonly instrument: Text;
  /** The articles its thresholds and denominator come from. */
  readonly citation: Text;
  readonly defaultBasis: DenominatorBasis;
  /** Under the assembly resolutions the basis is written into law and cannot be changed. */
  readonly basisFixed: boolean;
  /** The quorum test of Quy định 96 Điều 3 is applied by analogy outside the Party regimes. */
  readonly quorumByAnalogy: boolean;
  /** Leaders in neither band, as the round's totals count them. */
  readonly below: Text;
  /** Said when nobody is in a band. */
  readonly noneAbove: Text;
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
const SHORT_REVIEW: Text = { vi: 'Trên 1/2 đến dưới 2/3', en: 'Over 1/2, under 2/3' };
const LABEL_DISMISSAL: Text = {
  vi: 'Từ 2/3 phiếu tín nhiệm thấp trở lên',
  en: '2/3 or more low-confidence votes',
};
const SHORT_DISMISSAL: Text = { vi: 'Từ 2/3 trở lên', en: '2/3 or more' };
/** Every regime so far flags from more than a half. */
const BELOW_HALF: Text = { vi: 'Dưới hoặc bằng 50% phiếu tín nhiệm thấp', en: '50% or less low-confidence votes' };
const NONE_ABOVE_HALF: Text = { vi: 'Không ai có trên 50% phiếu tín nhiệm thấp.', en: 'No leader has more than 50% low-confidence votes.' };

const ASSEMBLY_MAY_RESIGN: Text = { vi: 'Có thể xin từ chức.', en: 'May resign.' };
const ASSEMBLY_FORMAL_VOTE: Text = {
  vi: 'Ủy ban Thường vụ Quốc hội / Thường trực HĐND trình bỏ phiếu tín nhiệm.',
  en: 'The National Assembly Standing Committee / People’s Council Standing Body submits a formal vote of confidence.',
};

export const REGIMES: Readonly<Record<RegimeId, Regime>> = {
  // Quy định 96-QĐ/TW (2023), Điều 11 khoản 2 and 3.
  'party-96': {
    id: 'party-96',
    aliases: ['96-QĐ/TW', 'QĐ 96-QĐ/TW', 'Quy định 96-QĐ/TW', 'Quy định 96'],
    convention: 'party',
    instrument: { vi: 'Quy định 96-QĐ/TW (2023)', en: 'Regulation 96-QĐ/TW (2023)' },
    citation: { vi: 'Quy định 96-QĐ/TW, Điều 11 khoản 2 và 3', en: 'Regulation 96-QĐ/TW, Article 11(2) and (3)' },
    defaultBasis: 'returned',
    basisFixed: false,
    quorumByAnalogy: false,
    below: BELOW_HALF,
    noneAbove: NONE_ABOVE_HALF,
    review: {
      threshold: OVER_HALF,
      label: LABEL_REVIEW,
      short: SHORT_REVIEW,
      action: {
        vi: 'Cấp có thẩm quyền đưa ra khỏi quy hoạch chức vụ cao hơn; xem xét cho thôi giữ chức vụ, bố trí công tác khác, cho từ chức hoặc tiến hành bỏ phiếu tín nhiệm theo quy định.',
        en: 'The competent authority removes the person from planning for higher posts and considers relief from post, reassignment, resignation or a formal vote of confidence as regulated.',
      },
    },
    dismissal: {
      threshold: TWO_THIRDS_OR_MORE,
      label: LABEL_DISMISSAL,
      short: SHORT_DISMISSAL,
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
    aliases: ['262-QĐ/TW', 'Quy định 262-QĐ/TW', 'Quy định 262'],
    convention: 'party',
    instrument: { vi: 'Quy định 262-QĐ/TW (2014)', en: 'Regulation 262-QĐ/TW (2014)' },
    citation: { vi: 'Quy định 262-QĐ/TW, Điều 11', en: 'Regulation 262-QĐ/TW, Article 11' },
    defaultBasis: 'returned',
    basisFixed: false,
    quorumByAnalogy: false,
    below: BELOW_HALF,
    noneAbove: NONE_ABOVE_HALF,
    review: {
      threshold: OVER_HALF,
      label: { vi: 'Trên 50% phiếu tín nhiệm thấp', en: 'More than 50% low-confidence votes' },
      short: { vi: 'Trên 1/2', en: 'Over 1/2' },
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
    aliases: ['NQ 96/2023', 'NQ 96/2023/QH15', 'Nghị quyết 96/2023/QH15'],
    convention: 'state',
    instrument: { vi: 'Nghị quyết 96/2023/QH15', en: 'Resolution 96/2023/QH15' },
    citation: { vi: 'Nghị quyết 96/2023/QH15, Điều 19 khoản 3', en: 'Resolution 96/2023/QH15, Article 19(3)' },
    defaultBasis: 'returned',
    basisFixed: true,
    quorumByAnalogy: true,
    below: BELOW_HALF,
    noneAbove: NONE_ABOVE_HALF,
    review: {
      threshold: OVER_HALF,
      label: LABEL_REVIEW,
      short: SHORT_REVIEW,
      action: {
        vi: 'Có thể xin từ chức; nếu không, Ủy ban Thường vụ Quốc hội / Thường trực HĐND trình bỏ phiếu tín nhiệm tại kỳ họp đó hoặc kỳ họp gần nhất.',
        en: 'May resign; otherwise the National Assembly Standing Committee / People’s Council Standing Body submits a formal vote of confidence at that session or the next.',
      },
    },
    dismissal: {
      threshold: TWO_THIRDS_OR_MORE,
      label: LABEL_DISMISSAL,
      short: SHORT_DISMISSAL,
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
    aliases: ['NQ 85/2014', 'NQ 85/2014/QH13', 'Nghị quyết 85/2014/QH13'],
    convention: 'state',
    instrument: { vi: 'Nghị quyết 85/2014/QH13', en: 'Resolution 85/2014/QH13' },
    citation: { vi: 'Nghị quyết 85/2014/QH13, Điều 17 khoản 1', en: 'Resolution 85/2014/QH13, Article 17(1)' },
    defaultBasis: 'convened',
    basisFixed: true,
    quorumByAnalogy: true,
    below: BELOW_HALF,
    noneAbove: NONE_ABOVE_HALF,
    review: { threshold: OVER_HALF, label: LABEL_REVIEW, short: SHORT_REVIEW, action: ASSEMBLY_MAY_RESIGN },
    dismissal: { threshold: TWO_THIRDS_OR_MORE, label: LABEL_DISMISSAL, short: SHORT_DISMISSAL, action: ASSEMBLY_FORMAL_VOTE },
    exactlyTwoThirdsNote: false,
  },
  // Nghị quyết 35/2012/QH13: "trên 2/3 tổng số đại biểu" is strict.
  'assembly-35': {
    id: 'assembly-35',
    aliases: ['NQ 35/2012', 'NQ 35/2012/QH13', 'Nghị quyết 35/2012/QH13'],
    convention: 'state',
    instrument: { vi: 'Nghị quyết 35/2012/QH13', en: 'Resolution 35/2012/QH13' },
    citation: { vi: 'Nghị quyết 35/2012/QH13, Điều 11', en: 'Resolution 35/2012/QH13, Article 11' },
    defaultBasis: 'convened',
    basisFixed: true,
    quorumByAnalogy: true,
    below: BELOW_HALF,
    noneAbove: NONE_ABOVE_HALF,
    review: {
      threshold: OVER_HALF,
      label: { vi: 'Trên 50% đến 2/3 phiếu tín nhiệm thấp', en: 'More than 50% up to 2/3 low-confidence votes' },
      short: { vi: 'Trên 1/2 đến 2/3', en: 'Over 1/2, up to 2/3' },
      action: ASSEMBLY_MAY_RESIGN,
    },
    dismissal: {
      threshold: OVER_TWO_THIRDS,
      label: { vi: 'Trên 2/3 phiếu tín nhiệm thấp', en: 'More than 2/3 low-confidence votes' },
      short: { vi: 'Trên 2/3', en: 'Over 2/3' },
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

/** Every regime, in the order of REGIME_IDS (the default first). */
export const REGIME_LIST: readonly Regime[] = REGIME_IDS.map((id) => REGIMES[id]);

/** A regime's name in its matching form: folded, spaces around a hyphen dropped. */
export const regimeKey = (text: string) => fold(text).replace(/\s*-\s*/g, '-');

/** Every name of every regime (its id and aliases), in matching form. Two regimes sharing one is a bug. */
export const REGIME_ALIASES: Readonly<Record<string, RegimeId>> = (() => {
  const names: Record<string, RegimeId> = {};
  for (const r of REGIME_LIST) {
    // The instrument as every report prints it ("Quy định 262-QĐ/TW (2014)") names it too: a
    // clerk copies what the reports say.
    for (const name of [r.id, ...r.aliases, r.instrument.vi, r.instrument.en]) {
      const key = regimeKey(name);
      if (names[key] !== undefined && names[key] !== r.id) throw new Error(`regime name '${name}' given to ${names[key]} and ${r.id}`);
      names[key] = r.id;
    }
  }
  return names;
})();

/** The band for `low` votes out of `total`, decided in integers only. */
export function bandOf(regime: Regime, low: number, total: number): Band {
  if (regime.dismissal !== null && meets(low, total, regime.dismissal.threshold)) return 'dismissal';
  if (meets(low, total, regime.review.threshold)) return 'review';
  return 'none';
}

/** A band drawn by its threshold, "> 1/2" or "≥ 2/3": stated once, for reports and for reading records. */
export function thresholdMark(rule: BandRule): string {
  const { num, den, inclusive } = rule.threshold;
  return `${inclusive ? '≥' : '>'} ${num}/${den}`;
}

export function bandRule(regime: Regime, band: Exclude<Band, 'none'>): BandRule | null {
  return band === 'review' ? regime.review : regime.dismissal;
}
