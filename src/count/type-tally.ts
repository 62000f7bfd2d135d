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
  readonly adjudication: Adjudication;
}

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
      this.decisions.set(a.ballot, [...(this.decisions.get(a.ballot) ?? []), { cadre: m.cadre, adjudication: a }]);
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
    this.hash.update(canonical(ballot, this.cadres));
    let lines = ballot.lines;
    const decisions = this.decisions.get(ballot.number);
    if (decisions !== undefined) {
      const changed = new Map(lines);
      for (const d of decisions) {
        const before = changed.get(d.cadre.key);
        if (before === undefined) continue;
        changed.set(d.cadre.key, d.adjudication.decision);
        this.applied.push({ ballotType: this.ballotType, ballot: ballot.number, cadre: d.cadre, before, decision: d.adjudication.decision, decidedBy: d.adjudication.decidedBy, source: d.adjudication });
      }
      lines = changed;
    }
    let open = false;
    for (const [key, r] of lines) {
      if (r.kind !== 'undecided') continue;
      open = true;
      const name = this.cadres.find((c) => c.key === key)?.name ?? '';
      this.problems.push(problem('undecided-mark', 'error', ballot.lineLocations?.get(key) ?? ballot.location, { ballot: ballot.number, name, fills: [...r.fills] }));
    }
    // A line left undecided, or missing because its column was (already reported), blocks the
    // result: the ballot is seen but not counted.
    if (this.cadres.some((c) => !lines.has(c.key))) open = true;
    if (!open) this.counter.add(lines === ballot.lines ? ballot : { ...ballot, lines });
    return true;
  }

  result(): BallotTypeCount & { readonly seen: number } {
    return { ...this.counter.result(), seen: this.seen };
  }

  /** SHA-256 of this type's ballots as read, in reading order. */
  digest(): string {
    return this.hash.copy().digest('hex');
  }
}

function canonical(ballot: Ballot, cadres: readonly Cadre[]): string {
  let text = `${ballot.number}\u0001${ballot.voidReason ?? ''}\u0001`;
  for (const c of cadres) text += `${code(ballot.lines.get(c.key))},`;
  return `${text}\n`;
}

function code(r: LineReading | undefined): string {
  if (r === undefined) return '';
  return r.kind === 'mark' ? r.level : r.kind === 'invalid' ? r.reason : `?${r.fills.join('/')}`;
}
