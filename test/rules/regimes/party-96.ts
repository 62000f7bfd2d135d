import type { RegimeExpectation } from './expectation.js';

export const expectation: RegimeExpectation = {
  id: 'party-96',
  names: ['96-QĐ/TW'],
  basis: 'returned',
  basisFixed: false,
  // SPEC §1: lower `2L > T` and `3L < 2T`; upper `3L >= 2T`.
  band: (L, T) => (3 * L >= 2 * T ? 'dismissal' : 2 * L > T ? 'review' : 'none'),
  labels: { review: 'Trên 50% đến dưới 2/3 phiếu tín nhiệm thấp', dismissal: 'Từ 2/3 phiếu tín nhiệm thấp trở lên' },
  actions: {
    review: 'Cấp có thẩm quyền đưa ra khỏi quy hoạch chức vụ cao hơn; xem xét cho thôi giữ chức vụ, bố trí công tác khác, cho từ chức hoặc tiến hành bỏ phiếu tín nhiệm theo quy định.',
    dismissal: 'Cấp có thẩm quyền thực hiện miễn nhiệm chức vụ đang đảm nhiệm và bố trí công tác khác (thấp hơn) mà không chờ đến hết nhiệm kỳ, hết thời hạn bổ nhiệm.',
  },
};
