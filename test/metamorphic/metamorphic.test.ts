// The metamorphic suite on a few fixed seeds (issue 11, item 3): every equivalent form of each
// generated session must give exactly the oracle's figures through the real program, and every
// refused form must be refused with the code of its real cause. Many more seeds:
// `npm run variants -- --seeds N`.
import { describe, expect, it } from 'vitest';
import { describeSession, formsFor, report, runForm } from './harness.js';
import { EQUIVALENT } from './forms.js';
import { generate } from './session.js';

/**
 * Chosen for coverage: 7 has codes as ids, blank and void ballots and a Hùng/Hưng-style pair;
 * 10 has zero-padded ids that are other people's STT (numeric headers refused); 16 has two
 * ballot types with per-type counts; 2 is tiny (5 ballots); 11 has three leaders.
 */
export const FIXED_SEEDS = [7, 10, 16, 2, 11];

describe.each(FIXED_SEEDS)('seed %i', (seed) => {
  const session = generate(seed);
  const forms = formsFor(session);

  it(`has at least 30 equivalent forms (${describeSession(session)})`, () => {
    expect(forms.filter((f) => EQUIVALENT.includes(f)).length).toBeGreaterThanOrEqual(30);
  });

  it.each(forms.map((f) => [f.name, f] as const))('%s', async (_name, form) => {
    const outcome = await runForm(seed, form, session);
    if (outcome.failure !== null) expect.fail(report(outcome));
  });
});
