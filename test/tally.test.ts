// tallySession on inputs held in memory: no file is opened. The expected figures are worked
// out by hand in each case.
import { describe, expect, it } from 'vitest';
import type { BallotReader, SessionInputs } from '../src/model/inputs.js';
import type { SessionEntries } from '../src/model/session-keys.js';
import type { BallotSheetRead } from '../src/model/sheet.js';
import { DEFAULT_BALLOT_TYPE, type Cadre, type LineReading } from '../src/model/types.js';
import { tallySession } from '../src/tally.js';

const cadre = (key: number, name: string): Cadre => ({ key, id: `CB${key}`, stt: key + 1, name, position: 'Ủy viên', unit: null, ballotType: DEFAULT_BALLOT_TYPE, excluded: null, location: {} });
const CADRES = [cadre(0, 'Nguyễn Văn An'), cadre(1, 'Trần Thị Bình')];

const at = { file: 'memory' };
const entries = (counts: Record<string, number>): SessionEntries =>
  Object.fromEntries(Object.entries(counts).map(([k, v]) => [k, { value: v, location: at }])) as SessionEntries;

const H: LineReading = { kind: 'mark', level: 'high' };
const C: LineReading = { kind: 'mark', level: 'confidence' };
const L: LineReading = { kind: 'mark', level: 'low' };
const NONE: LineReading = { kind: 'invalid', reason: 'no-mark' };

/** A ballot source that hands these ballots (lines in roster order) to the tally. */
function ballots(list: { n: string; lines: LineReading[]; void?: string }[]): BallotReader {
  return async (_context, tallyFor): Promise<BallotSheetRead> => {
    const t = tallyFor(DEFAULT_BALLOT_TYPE);
    let counted = 0;
    for (const b of list) if (t.add({ ballotType: DEFAULT_BALLOT_TYPE, number: b.n, voidReason: b.void ?? null, lines: b.lines, location: at })) counted++;
    const nonBallot = { title: 0, header: 0, empty: 0, total: 0, unused: 0 };
    return { ballotType: DEFAULT_BALLOT_TYPE, cadres: CADRES, problems: [], ballotsSeen: list.length, accounting: { file: 'memory', sheet: null, layout: 'wide', rowsRead: list.length, countedRows: counted, ballots: counted, rowsWithErrors: 0, nonBallot, rejected: list.length - counted } };
  };
}

function inputs(counts: Record<string, number>, reader: BallotReader): SessionInputs {
  return { files: [], problems: [], cadres: CADRES, rosterGiven: true, session: { entries: entries(counts), perType: new Map(), problems: [] }, adjudications: [], ballots: [reader], resultsSheet: null };
}

describe('tallySession on in-memory inputs', () => {
  it('counts, percentages and bands as worked by hand', async () => {
    // T = 3 returned. An: H, L, L → low 2 of 3: 3·2 ≥ 2·3, the upper band. Bình: C, none, void.
    const reader = ballots([
      { n: '1', lines: [H, C] },
      { n: '2', lines: [L, NONE] },
      { n: '3', lines: [L, H], void: 'Ghi thêm tên' },
    ]);
    const out = await tallySession(inputs({ convened: 4, present: 3, issued: 3, returned: 3 }, reader), {});
    expect(out.problems.filter((p) => p.severity === 'error')).toEqual([]);
    const [an, binh] = out.ballotTypes?.[0]?.cadres ?? [];
    // Ballot 3 is void as a whole: An's low line there does not count.
    expect([an?.high, an?.confidence, an?.low, an?.invalid, an?.band]).toEqual([1, 0, 1, 1, 'none']);
    expect([binh?.high, binh?.confidence, binh?.low, binh?.invalid]).toEqual([0, 1, 0, 2]);
    expect(out.quorum).toEqual({ convened: 4, present: 3, required: 3, met: true });
  });

  it('the upper band at exactly two thirds, from the ballots alone', async () => {
    const reader = ballots([
      { n: '1', lines: [L, H] },
      { n: '2', lines: [L, H] },
      { n: '3', lines: [H, H] },
    ]);
    const out = await tallySession(inputs({ convened: 3, present: 3, issued: 3, returned: 3 }, reader), {});
    expect(out.ballotTypes?.[0]?.cadres[0]?.band).toBe('dismissal');
  });

  it('a repeated ballot number (1 and 01) is refused and leaves no result', async () => {
    const reader = ballots([
      { n: '1', lines: [H, H] },
      { n: '01', lines: [L, L] },
    ]);
    const out = await tallySession(inputs({ convened: 2, present: 2, issued: 2, returned: 2 }, reader), {});
    expect(out.ballotTypes).toBeNull();
    // Two rows in the input for two returned: the count agrees; the repeat alone stops the result.
    expect(out.problems.map((p) => [p.code, p.params['ballot']])).toEqual([['duplicate-ballot', '1']]);
  });

  it('without the quorum, the counts stand and no band is given', async () => {
    const reader = ballots([{ n: '1', lines: [L, L] }]);
    // 3 · 1 < 2 · 2: one present of two convened is short of two thirds.
    const out = await tallySession(inputs({ convened: 2, present: 1, issued: 1, returned: 1 }, reader), {});
    expect(out.quorum?.met).toBe(false);
    expect(out.ballotTypes?.[0]?.cadres[0]?.low).toBe(1);
    expect(out.ballotTypes?.[0]?.cadres[0]?.band).toBeNull();
    expect(out.problems.map((p) => p.code)).toEqual(['quorum-not-met']);
  });
});
