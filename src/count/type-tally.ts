// Everything that happens to one ballot type's ballots as they stream in: a number seen twice
// is refused, the counting committee's decisions are applied, undecided lines are reported,
// each ballot is hashed for the input digest, and the rest is counted.
import { createHash } from 'node:crypto';
import { problem, type Problem } from '../model/problem.js';
import type { Ballot, Cadre, LineReading, Location } from '../model/types.js';
import type { Adjudication, AppliedAdjudication } from '../read/adjudications.js';
import type { RosterIndex } from '../read/match.js';
import { fold } from '../text/fold.js';
import { Counter, type BallotTypeCount } from './count.js';

interface Decision {
  readonly cadre: Cadre;
  /** The cadre's line on this type's ballots. */
  readonly line: number;
  readonly adjudication: Adjudication;
}

/** One byte per line for the digest. */
const CODE: Record<string, number> = { high: 1, confidence: 2, low: 3, 'no-mark': 4, 'multiple-marks': 5, 'name-crossed-out': 6, 'declared-invalid': 7 };

export class TypeTally {
  readonly problems: Problem[] = [];
  readonly applied: AppliedAdjudication[] = [];
  /** The ballots as read, hashed in order for the input digest. */
  private readonly hash = createHash('sha256');
  private readonly numbers = new Map<string, Location>();
  private readonly decisions = new Map<string, Decision[]>();
  private readonly counter: Counter;

  constructor(
    readonly ballotType: string,
    readonly cadres: readonly Cadre[],
    strict: boolean,
    adjudications: readonly Adjudication[],
    index: RosterIndex,
  ) {
    this.counter = new Counter(ballotType, cadres.map((c) => c.key), { strict });
    for (const a of adjudications) {
      if (a.ballotType !== null && fold(a.ballotType) !== fold(ballotType)) continue;
      const m = index.match(a.cadreText);
      if (m.kind !== 'exact' && m.kind !== 'without-diacritics') continue;
      const line = cadres.indexOf(m.cadre);
      if (line >= 0) this.decisions.set(a.ballot, [...(this.decisions.get(a.ballot) ?? []), { cadre: m.cadre, line, adjudication: a }]);
    }
  }

  /** Ballots seen, counted or not (what "rows vs returned" compares). */
  get seen(): number {
    return this.numbers.size;
  }

  /** Adds one ballot; false when its number was already seen (the caller rejects the row). */
  add(ballot: Ballot): boolean {
    const prev = this.numbers.get(ballot.number);
    if (prev !== undefined) {
      const otherFile = prev.file !== ballot.location.file ? { otherFile: prev.file ?? '' } : {};
      this.problems.push(problem('duplicate-ballot', 'error', ballot.location, { ballot: ballot.number, otherRow: prev.row ?? 0, ...otherFile }, ballot.number));
      return false;
    }
    this.numbers.set(ballot.number, ballot.location);
    this.digestBallot(ballot);
    let lines = ballot.lines;
    const decisions = this.decisions.get(ballot.number);
    if (decisions !== undefined) {
      const changed = [...lines];
      for (const d of decisions) {
        const before = changed[d.line];
        if (before === undefined) continue;
        changed[d.line] = d.adjudication.decision;
        this.applied.push({ ballotType: this.ballotType, ballot: ballot.number, cadre: d.cadre, before, decision: d.adjudication.decision, decidedBy: d.adjudication.decidedBy, source: d.adjudication });
      }
      lines = changed;
    }
    // A line left undecided, or missing because its column was (already reported), blocks the
    // result: the ballot is seen but not counted.
    let open = false;
    for (let i = 0; i < this.cadres.length; i++) {
      const r = lines[i];
      if (r === undefined) open = true;
      else if (r.kind === 'undecided') {
        open = true;
        const cadre = this.cadres[i] as Cadre;
        this.problems.push(problem('undecided-mark', 'error', ballot.lineLocations?.get(cadre.key) ?? ballot.location, { ballot: ballot.number, name: cadre.name, fills: [...r.fills] }));
      }
    }
    if (!open) this.counter.add(lines === ballot.lines ? ballot : { ...ballot, lines });
    return true;
  }

  result(): BallotTypeCount & { readonly seen: number } {
    return { ...this.counter.result(), seen: this.seen };
  }

  /** SHA-256 of this type's ballots as read, in reading order. */
  digest(): string {
    this.flush();
    return this.hash.copy().digest('hex');
  }

  // Ballots are written to the hash in batches: number, void reason, one byte per line.
  private readonly block = Buffer.alloc(1 << 16);
  private used = 0;

  private digestBallot(ballot: Ballot): void {
    const need = 3 * (ballot.number.length + (ballot.voidReason?.length ?? 0)) + this.cadres.length + 8;
    if (this.used + need > this.block.length) this.flush();
    if (need > this.block.length) {
      this.hash.update(`${ballot.number}\u0001${ballot.voidReason ?? ''}\u0001${ballot.lines.map(code).join(',')}\n`);
      return;
    }
    this.used += this.block.write(ballot.number, this.used);
    this.block[this.used++] = 1;
    if (ballot.voidReason !== null) this.used += this.block.write(ballot.voidReason, this.used);
    this.block[this.used++] = 1;
    for (const r of ballot.lines) {
      if (r !== undefined && r.kind === 'undecided') {
        this.flush();
        this.hash.update(`?${r.fills.join('/')}`);
      } else this.block[this.used++] = r === undefined ? 0 : (CODE[r.kind === 'mark' ? r.level : r.reason] ?? 0);
    }
    this.block[this.used++] = 10;
  }

  private flush(): void {
    if (this.used > 0) this.hash.update(this.block.subarray(0, this.used));
    this.used = 0;
  }
}

function code(r: LineReading | undefined): string {
  if (r === undefined) return '';
  return r.kind === 'mark' ? r.level : r.kind === 'invalid' ? r.reason : `?${r.fills.join('/')}`;
}
