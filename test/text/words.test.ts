// Issue 22, item 7: no English word on a page printed in Vietnamese — a denominator basis is said
// in the reader's words, not by its JSON code.
import { describe, expect, it } from 'vitest';
import { problem } from '../../src/model/problem.js';
import { problemMessage } from '../../src/text/messages.js';

describe('denominator bases in problem messages', () => {
  it('a zero denominator names the basis in Vietnamese', () => {
    const m = problemMessage(problem('zero-denominator', 'error', {}, { ballotType: 'default', basis: 'returned', scope: 'ballot-type' }), 'vi');
    expect(m).toBe('mẫu số (số phiếu thu về) bằng 0: không tính được tỷ lệ');
    expect(problemMessage(problem('zero-denominator', 'error', {}, { ballotType: 'default', basis: 'present', scope: 'ballot-type' }), 'en')).toBe(
      'the denominator (number present) is 0: no percentage can be computed',
    );
  });

  it('a basis fixed by law is said in words, the option value quoted', () => {
    const m = problemMessage(problem('denominator-fixed', 'error', {}, { regime: 'assembly-96', basis: 'issued', fixed: 'returned' }), 'vi');
    expect(m).toContain('mẫu số do luật định là số phiếu thu về');
    expect(m).toContain('không dùng được số phiếu phát ra');
  });
});
