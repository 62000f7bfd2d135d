import type { RegimeExpectation } from './expectation.js';

export const expectation: RegimeExpectation = {
  id: 'assembly-96',
  names: ['NQ 96/2023'],
  basis: 'returned',
  basisFixed: true,
  // SPEC §1: lower `2L > T` and `3L < 2T`; upper `3L >= 2T`.
  band: (L, T) => (3 * L >= 2 * T ? 'dismissal' : 2 * L > T ? 'review' : 'none'),
  labels: { review: 'Trên 50% đến dưới 2/3 phiếu tín nhiệm thấp', dismissal: 'Từ 2/3 phiếu tín nhiệm thấp trở lên' },
  actions: {
    review: 'Có thể xin từ chức; nếu không, Ủy ban Thường vụ Quốc hội / Thường trực HĐND trình bỏ phiếu tín nhiệm tại kỳ họp đó hoặc kỳ họp gần nhất.',
    dismissal: 'Cơ quan hoặc người có thẩm quyền đã giới thiệu trình miễn nhiệm hoặc phê chuẩn đề nghị miễn nhiệm tại kỳ họp đó hoặc kỳ họp gần nhất.',
  },
};
