import type { RegimeExpectation } from './expectation.js';

export const expectation: RegimeExpectation = {
  id: 'assembly-35',
  names: ['NQ 35/2012'],
  basis: 'convened',
  basisFixed: true,
  // SPEC §1: lower `2L > T` and `3L <= 2T`; upper `3L > 2T`.
  band: (L, T) => (3 * L > 2 * T ? 'dismissal' : 2 * L > T ? 'review' : 'none'),
  labels: { review: 'Trên 50% đến 2/3 phiếu tín nhiệm thấp', dismissal: 'Trên 2/3 phiếu tín nhiệm thấp' },
  actions: { review: 'Có thể xin từ chức.', dismissal: 'Ủy ban Thường vụ Quốc hội / Thường trực HĐND trình bỏ phiếu tín nhiệm.' },
};
