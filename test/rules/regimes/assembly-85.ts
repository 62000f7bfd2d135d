import type { RegimeExpectation } from './expectation.js';

export const expectation: RegimeExpectation = {
  id: 'assembly-85',
  names: ['NQ 85/2014'],
  basis: 'convened',
  basisFixed: true,
  // SPEC §1: lower `2L > T` and `3L < 2T`; upper `3L >= 2T`.
  band: (L, T) => (3 * L >= 2 * T ? 'dismissal' : 2 * L > T ? 'review' : 'none'),
  labels: { review: 'Trên 50% đến dưới 2/3 phiếu tín nhiệm thấp', dismissal: 'Từ 2/3 phiếu tín nhiệm thấp trở lên' },
  actions: { review: 'Có thể xin từ chức.', dismissal: 'Ủy ban Thường vụ Quốc hội / Thường trực HĐND trình bỏ phiếu tín nhiệm.' },
};
