import type { RegimeExpectation } from './expectation.js';

export const expectation: RegimeExpectation = {
  id: 'party-262',
  names: ['262-QĐ/TW'],
  basis: 'returned',
  basisFixed: false,
  // SPEC §1: lower `2L > T`; no upper band.
  band: (L, T) => (2 * L > T ? 'review' : 'none'),
  labels: { review: 'Trên 50% phiếu tín nhiệm thấp', dismissal: null },
  actions: { review: 'Cấp có thẩm quyền xem xét đưa ra khỏi quy hoạch chức vụ cao hơn.', dismissal: null },
};
