// Everything that happens to one ballot type's ballots as they stream in: a number seen twice
// is refused, the counting committee's decisions are applied, undecided lines are reported,
// each ballot is hashed for the input digest, and the rest is counted.
import { createHash } from 'node:crypto';
import { ballotKey } from '../model/ballot-number.js';
import { MISSING, UNDECIDED, lineCode, readingOf } from '../model/line-codes.js';
import { problem, type Problem } from '../model/problem.js';
import type { Ballot, Cadre, LineReading, Location } from '../model/types.js';
import type { Adjudication, AppliedAdjudication } from '../model/adjudication.js';
import type { BallotSheet } from '../model/sheet.js';
import type { RosterIndex } from '../model/roster-index.js';
import { fold } from '../model/fold.js';
import { BallotNumbers } from './ballot-numbers.js';
import { Counter, countable, type BallotTypeCount } from './count.js';

interface Decision {
  readonly cadre: Cadre;
  /** The cadre's line on this type's ballots. */
  readonly line: number;
  readonly adjudication: Adjudication;
}

const sameReading = (a: LineReading, b: LineReading): boolean => lineCode(a) === lineCode(b);


/** What a ballot given as readings (long layout, scanner exports) has beside its codes. */
interface LineDetail {
  /** The fill values of an undecided line. */
  fills(line: number): readonly string[];
  /** Where one line is, when lines are rows of their own. */
  where(line: number): Location | undefined;
}

/** Rows of one sheet are remembered as row × SHEET_SLOTS + the sheet's slot. */
const SHEET_SLOTS = 256;

export class TypeTally {
  readonly problems: Problem[] = [];
  readonly applied: AppliedAdjudication[] = [];
  /**
   * Decisions set aside because an earlier row of the file decides the same line: each with
   * that earlier decision (reported as a repeat when they agree, an error when they do not).
   */
  readonly repeats = new Map<Adjudication, Adjudication>();
  /** The ballots as read, hashed in order for the input digest. */
  private readonly hash = createHash('sha256');
  /** Each number seen: where, as a packed sheet row or a location. */
  private readonly numbers = new BallotNumbers<Location>();
  private readonly sheets: BallotSheet[] = [];
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
      if (line < 0) continue;
      const key = ballotKey(a.ballot);
      const onBallot = this.decisions.get(key) ?? [];
      // One decision per line: applying two in turn would make the count depend on row order.
      const first = onBallot.find((d) => d.line === line);
      if (first !== undefined) {
        this.repeats.set(a, first.adjudication);
        const same = sameReading(first.adjudication.decision, a.decision);
        this.problems.push(
          problem('bad-adjudication', same ? 'warning' : 'error', a.location, {
            hint: same ? 'repeated' : 'conflict',
            ballot: key,
            cadre: m.cadre.name,
            otherRow: first.adjudication.location.row ?? 0,
            decision: a.decisionText,
            otherDecision: first.adjudication.decisionText,
          }, a.decisionText),
        );
        continue;
      }
      this.decisions.set(key, [...onBallot, { cadre: m.cadre, line, adjudication: a }]);
    }
  }

  /** Ballots seen, counted or not (what "rows vs returned" compares). */
  get seen(): number {
    return this.numbers.size;
  }

  /** Adds one ballot given as readings; false when its number was already seen. */
  add(ballot: Ballot): boolean {
    const codes = new Uint8Array(this.cadres.length);
    for (let i = 0; i < codes.length; i++) codes[i] = lineCode(ballot.lines[i]);
    const detail: LineDetail = {
      fills: (line) => {
        const r = ballot.lines[line];
        return r?.kind === 'undecided' ? r.fills : [];
      },
      where: (line) => ballot.lineLocations?.get((this.cadres[line] as Cadre).key),
    };
    return this.accept(ballot.number, ballot.voidReason, codes, { locate: () => ballot.location }, 0, ballot.location, detail);
  }

  /**
   * Adds one ballot given as line codes, one per leader in roster order (the wide layout's
   * path); false when its number was already seen. `codes` is not kept.
   */
  addCodes(number: string, voidReason: string | null, codes: Uint8Array, sheet: BallotSheet, row: number): boolean {
    let slot = this.sheets.lastIndexOf(sheet);
    if (slot < 0) slot = this.sheets.push(sheet) - 1;
    const remembered = slot < SHEET_SLOTS ? row * SHEET_SLOTS + slot : sheet.locate(row);
    return this.accept(number, voidReason, codes, sheet, row, remembered, null);
  }

  /**
   * Notes a ballot that is in the input but cannot be counted (a cell error, not typed yet):
   * its number is taken, so a second ballot with it is still a duplicate and the numbers
   * missing from the input can be named. False when the number was seen before.
   */
  reserve(typed: string, sheet: BallotSheet, row: number): boolean {
    const number = ballotKey(typed);
    let slot = this.sheets.lastIndexOf(sheet);
    if (slot < 0) slot = this.sheets.push(sheet) - 1;
    const prev = this.numbers.remember(number, slot < SHEET_SLOTS ? row * SHEET_SLOTS + slot : sheet.locate(row));
    if (prev === undefined) return true;
    this.duplicate(number, prev, sheet.locate(row));
    return false;
  }

  /** The ballot numbers seen, when every one is a whole number (ascending); else null. */
  wholeNumbers(): number[] | null {
    return this.numbers.wholeNumbers();
  }

  private duplicate(number: string, prev: number | Location, location: Location): void {
    const before = this.located(prev);
    const otherFile = before.file !== location.file ? { otherFile: before.file ?? '' } : {};
    // In the same workbook, another sheet ("Phiếu" and "Phiếu (2)") is named too.
    const otherSheet = before.file === location.file && before.sheet !== undefined && before.sheet !== location.sheet ? { otherSheet: before.sheet } : {};
    this.problems.push(problem('duplicate-ballot', 'error', { ...location, ballot: number }, { ballot: number, otherRow: before.row ?? 0, ...otherFile, ...otherSheet }, number));
  }

  private accept(typed: string, voidReason: string | null, codes: Uint8Array, sheet: BallotSheet, row: number, remembered: number | Location, detail: LineDetail | null): boolean {
    // 3, 03 and 3.0 are one ballot (SPEC §2.4).
    const number = ballotKey(typed);
    const prev = this.numbers.remember(number, remembered);
    if (prev !== undefined) {
      this.duplicate(number, prev, sheet.locate(row));
      return false;
    }
    this.digestBallot(number, voidReason, codes, detail);
    let lines = codes;
    const decisions = this.decisions.size === 0 ? undefined : this.decisions.get(number);
    if (decisions !== undefined) {
      lines = codes.slice();
      for (const d of decisions) {
        const code = lines[d.line] as number;
        if (code === MISSING) continue;
        const before: LineReading = code === UNDECIDED ? { kind: 'undecided', fills: detail?.fills(d.line) ?? [] } : (readingOf(code) as LineReading);
        lines[d.line] = lineCode(d.adjudication.decision);
        this.applied.push({ ballotType: this.ballotType, ballot: number, cadre: d.cadre, before, decision: d.adjudication.decision, decidedBy: d.adjudication.decidedBy, source: d.adjudication });
      }
    }
    // A line left undecided, or missing because its column was (already reported), blocks the
    // result: the ballot is seen but not counted.
    const open = !countable(lines);
    if (open) {
      for (let i = 0; i < lines.length; i++) {
        if (lines[i] !== UNDECIDED) continue;
        const cadre = this.cadres[i] as Cadre;
        this.problems.push(problem('undecided-mark', 'error', detail?.where(i) ?? sheet.locate(row), { ballot: number, name: cadre.name, fills: [...(detail?.fills(i) ?? [])] }));
      }
    }
    if (!open) this.counter.addCodes(number, voidReason, lines, sheet, row);
    return true;
  }

  private located(at: number | Location): Location {
    if (typeof at !== 'number') return at;
    return (this.sheets[at % SHEET_SLOTS] as BallotSheet).locate(Math.floor(at / SHEET_SLOTS));
  }

  result(): BallotTypeCount & { readonly seen: number } {
    // Not spread: the invalid lines are made only when a report reads them.
    return Object.assign(this.counter.result(), { seen: this.seen });
  }

  /** SHA-256 of this type's ballots as read, in reading order. */
  digest(): string {
    this.flush();
    return this.hash.copy().digest('hex');
  }

  // Ballots are written to the hash in batches: number, void reason, one byte per line (an
  // undecided line as "?" and its fill values).
  private readonly block = Buffer.alloc(1 << 16);
  private used = 0;

  private digestBallot(number: string, voidReason: string | null, codes: Uint8Array, detail: LineDetail | null): void {
    const need = 3 * (number.length + (voidReason?.length ?? 0)) + codes.length + 8;
    if (this.used + need > this.block.length) this.flush();
    if (need > this.block.length) {
      this.hash.update(`${number}\u0001${voidReason ?? ''}\u0001`);
      for (let i = 0; i < codes.length; i++) this.digestLine(codes, i, detail);
      this.byte(10);
      return;
    }
    this.used += this.block.write(number, this.used);
    this.block[this.used++] = 1;
    if (voidReason !== null) this.used += this.block.write(voidReason, this.used);
    this.block[this.used++] = 1;
    if (detail === null || !codes.includes(UNDECIDED)) {
      this.block.set(codes, this.used);
      this.used += codes.length;
    } else for (let i = 0; i < codes.length; i++) this.digestLine(codes, i, detail);
    this.block[this.used++] = 10;
  }

  private digestLine(codes: Uint8Array, i: number, detail: LineDetail | null): void {
    const code = codes[i] as number;
    if (code === UNDECIDED) {
      this.flush();
      this.hash.update(`?${(detail?.fills(i) ?? []).join('/')}`);
    } else this.byte(code);
  }

  private byte(b: number): void {
    if (this.used === this.block.length) this.flush();
    this.block[this.used++] = b;
  }

  private flush(): void {
    if (this.used > 0) this.hash.update(this.block.subarray(0, this.used));
    this.used = 0;
  }
}
