// Matching a ballot header (or long-layout cadre value) to one roster entry (SPEC §2, §2.4):
// by id, stt or full name with diacritics; a name typed without diacritics only when unique;
// and the forms clerks type: "1. Nguyễn Văn An", "1 - Nguyễn Văn An", "Nguyễn Văn An (Bí thư)",
// "Nguyễn Văn An - Bí thư". A text that could be two people is ambiguous, never resolved.
import type { Cadre } from './types.js';
import { caseFold, clean, closest, fold, hasDiacritics } from './fold.js';

interface Found {
  readonly cadre: Cadre;
  /** The position written after the name, when it is not the roster's (a warning). */
  readonly otherPosition?: string;
}

export type CadreMatch =
  | ({ readonly kind: 'exact' } & Found)
  | ({ readonly kind: 'without-diacritics' } & Found)
  | { readonly kind: 'ambiguous'; readonly candidates: readonly Cadre[] }
  | { readonly kind: 'unknown'; readonly suggestions: readonly Cadre[] };

/** Digits only: compared as a number ("03" is 3; Excel turns a typed 03 into 3). */
const DIGITS = /^\d{1,9}$/;
/** "1. Name", "1) Name", "1 - Name", "1: Name". */
const NUMBERED = /^(\d{1,9})\s*[.):\-–—]\s*(\S.*)$/u;
/** "Name (Position)". */
const PAREN = /^(.+?)\s*\(([^()]+)\)$/u;
/** "Name - Position": a dash with spaces around it. */
const DASHED = /^(.+?)\s+[-–—]\s+(.+)$/u;
/** "Name, Position": names hold no comma. */
const COMMA = /^([^,]+?)\s*,\s*(.+)$/u;
/** Line breaks in a cell (Alt+Enter): "Name⏎Position" as printed on the ballot. */
const LINE_BREAK = /\r\n|\r|\n/;
/** How a ballot may address a person before the name: "Ông", "Bà", "Đồng chí", "Đ/c". */
const HONORIFIC = /^(ông|bà|anh|chị|đồng chí|đ\/c|đ\.c\.?|đc|ong|ba|dong chi|d\/c|dc)\s+(?=\S)/iu;

export class RosterIndex {
  private readonly byId = new Map<string, Cadre[]>();
  private readonly byNumber = new Map<number, Cadre[]>();
  private readonly byName = new Map<string, Cadre[]>();
  private readonly byFoldedName = new Map<string, Cadre[]>();
  private readonly byPosition = new Map<string, Cadre[]>();
  private readonly hasStt: boolean;

  constructor(readonly cadres: readonly Cadre[]) {
    for (const c of cadres) {
      if (c.id !== null) {
        push(this.byId, caseFold(c.id), c);
        // A numeric id is also that number: "03" and 3 are the same header.
        if (DIGITS.test(clean(c.id))) push(this.byNumber, Number(clean(c.id)), c);
      }
      if (c.stt !== null) push(this.byNumber, c.stt, c);
      push(this.byName, caseFold(c.name), c);
      push(this.byFoldedName, fold(c.name), c);
      push(this.byPosition, fold(c.position), c);
    }
    this.hasStt = cadres.some((c) => c.stt !== null);
  }

  /** Whether the text names somebody (or several people): no suggestions computed. */
  names(header: string): boolean {
    return this.read(header).kind !== 'unknown';
  }

  match(header: string): CadreMatch {
    const m = this.read(header);
    if (m.kind !== 'unknown') return m;
    let names = closest(clean(header), this.cadres.map((c) => c.name));
    // A given name alone ("Hùng") is far from every full name, but it says whom it may be.
    if (names.length === 0) names = this.cadres.map((c) => c.name).filter((n) => fold(n).split(' ').at(-1) === fold(header));
    return { kind: 'unknown', suggestions: names.flatMap((n) => this.cadres.filter((c) => c.name === n)).slice(0, 3) };
  }

  /** Whether a number (a plain code such as 1, 2, 3) is somebody's STT or numeric id. */
  isNumberOfSomebody(n: number): boolean {
    return this.byNumber.has(n);
  }

  private read(header: string): CadreMatch {
    if (LINE_BREAK.test(header)) return this.lines(header);
    const text = clean(header);
    const whole = this.whole(text);
    if (whole !== null) return whole;
    // The forms clerks type: a number before the name, a position after it.
    const numbered = NUMBERED.exec(text);
    if (numbered !== null) {
      const rest = this.named(numbered[2] as string);
      const byNumber = this.hasStt ? (this.byNumber.get(Number(numbered[1])) ?? []) : [];
      // Namesakes told apart by their number: the one person both the number and the name are.
      if (rest.kind === 'ambiguous' && new Set(rest.candidates.map((c) => caseFold(c.name))).size === 1) {
        const both = byNumber.filter((c) => rest.candidates.includes(c));
        return both.length === 1 ? { kind: 'exact', cadre: both[0] as Cadre } : rest;
      }
      if (rest.kind !== 'exact' && rest.kind !== 'without-diacritics') return rest;
      // The number and the name must be the same person; otherwise there are two readings.
      if (byNumber.length > 0 && !byNumber.includes(rest.cadre)) return { kind: 'ambiguous', candidates: unique([rest.cadre, ...byNumber]) };
      return rest;
    }
    return this.named(text);
  }

  /**
   * A cell of several lines: the name (perhaps numbered) on the first, the position under it.
   * A name broken over two lines is read whole first.
   */
  private lines(header: string): CadreMatch {
    const lines = header.split(LINE_BREAK).map(clean).filter((l) => l !== '');
    const joined = this.read(lines.join(' '));
    if (joined.kind !== 'unknown' || lines.length < 2) return joined;
    // "1⏎Name": the number and the name must be one person, as in "1. Name".
    if (DIGITS.test(lines[0] as string)) return this.read(`${lines[0] as string}. ${lines.slice(1).join(' ')}`);
    const first = this.read(lines[0] as string);
    if (first.kind === 'ambiguous') return this.byExactPosition(first, lines.slice(1).join(' '));
    if (first.kind !== 'exact' && first.kind !== 'without-diacritics') return first;
    return this.withPosition(first, lines.slice(1).join(' '));
  }

  /**
   * A name's match checked against the position written beside it: another person's name, or
   * a position that is exactly another person's (and not this one's), makes the header two
   * people's; one that differs from the roster is kept for a warning.
   */
  private withPosition(found: Extract<CadreMatch, Found>, written: string): CadreMatch {
    // "(Bí thư)" under the name says the same as "Bí thư".
    const position = clean(written).replace(/^\((.*)\)$/u, '$1').trim();
    const own = fold(found.cadre.position);
    // Another person's name where the position goes: the cell names two people.
    const named = (this.byFoldedName.get(fold(position)) ?? []).filter((c) => c !== found.cadre);
    if (named.length > 0) return { kind: 'ambiguous', candidates: [found.cadre, ...named] };
    const others = (this.byPosition.get(fold(position)) ?? []).filter((c) => c !== found.cadre);
    if (fold(position) !== own && others.length > 0) return { kind: 'ambiguous', candidates: [found.cadre, ...others] };
    return samePosition(position, found.cadre.position) ? found : { ...found, otherPosition: position };
  }

  /**
   * Namesakes (one name, several people) told apart by the position written beside the name:
   * the one candidate whose position it is exactly; else still ambiguous.
   */
  private byExactPosition(found: Extract<CadreMatch, { kind: 'ambiguous' }>, written: string): CadreMatch {
    if (new Set(found.candidates.map((c) => caseFold(c.name))).size !== 1) return found;
    const position = fold(clean(written).replace(/^\((.*)\)$/u, '$1').trim());
    const fits = found.candidates.filter((c) => fold(c.position) === position);
    return fits.length === 1 ? { kind: 'exact', cadre: fits[0] as Cadre } : found;
  }

  /** The whole text as an id, a number (STT or numeric id) or a full name. */
  private whole(text: string): CadreMatch | null {
    const found = new Set<Cadre>([
      ...(this.byId.get(caseFold(text)) ?? []),
      ...(DIGITS.test(text) ? (this.byNumber.get(Number(text)) ?? []) : []),
      ...(this.byName.get(caseFold(text)) ?? []),
    ]);
    if (found.size === 1) return { kind: 'exact', cadre: [...found][0] as Cadre };
    if (found.size > 1) return { kind: 'ambiguous', candidates: [...found] };
    if (!hasDiacritics(text)) {
      const folded = this.byFoldedName.get(fold(text)) ?? [];
      if (folded.length === 1) return { kind: 'without-diacritics', cadre: folded[0] as Cadre };
      if (folded.length > 1) return { kind: 'ambiguous', candidates: folded };
    }
    return null;
  }

  /** A name, alone or followed by a position ("Name (Position)", "Name - Position"), perhaps after "Ông", "Bà", "Đồng chí". */
  private named(written: string): CadreMatch {
    const alone = this.byNameOnly(written);
    if (alone !== null) return alone;
    const text = written.replace(HONORIFIC, '');
    if (text !== written) {
      const addressed = this.byNameOnly(text);
      if (addressed !== null) return addressed;
    }
    for (const form of [PAREN, DASHED, COMMA]) {
      const m = form.exec(text);
      if (m === null) continue;
      const found = this.byNameOnly(m[1] as string);
      if (found === null) continue;
      if (found.kind === 'ambiguous') return this.byExactPosition(found, m[2] as string);
      if (found.kind !== 'exact' && found.kind !== 'without-diacritics') return found;
      return this.withPosition(found, m[2] as string);
    }
    return { kind: 'unknown', suggestions: [] };
  }

  private byNameOnly(text: string): CadreMatch | null {
    const exact = this.byName.get(caseFold(text)) ?? [];
    if (exact.length === 1) return { kind: 'exact', cadre: exact[0] as Cadre };
    if (exact.length > 1) return { kind: 'ambiguous', candidates: exact };
    if (hasDiacritics(text)) return null;
    const folded = this.byFoldedName.get(fold(text)) ?? [];
    if (folded.length === 1) return { kind: 'without-diacritics', cadre: folded[0] as Cadre };
    if (folded.length > 1) return { kind: 'ambiguous', candidates: folded };
    return null;
  }
}

/** A position written beside a name agrees when it is the roster's, or a part of it ("Bí thư" of "Bí thư Huyện ủy"). */
function samePosition(written: string, roster: string): boolean {
  const a = fold(written);
  const b = fold(roster);
  return a === b || b.includes(a) || a.includes(b);
}

function unique(cadres: readonly Cadre[]): Cadre[] {
  return [...new Set(cadres)];
}

function push<K>(map: Map<K, Cadre[]>, key: K, cadre: Cadre): void {
  const list = map.get(key);
  if (list === undefined) map.set(key, [cadre]);
  else if (!list.includes(cadre)) list.push(cadre);
}

/** One index per ballot type, and one over everybody for finding a sheet's type. */
export class Roster {
  readonly all: RosterIndex;
  readonly types: readonly string[];
  private readonly byType = new Map<string, RosterIndex>();

  constructor(readonly cadres: readonly Cadre[]) {
    this.all = new RosterIndex(cadres);
    this.types = [...new Set(cadres.map((c) => c.ballotType))];
    for (const t of this.types) this.byType.set(t, new RosterIndex(cadres.filter((c) => c.ballotType === t)));
  }

  forType(type: string): RosterIndex {
    return this.byType.get(type) ?? new RosterIndex([]);
  }

  /**
   * The ballot type whose leaders the most headers name (a header naming two of its people
   * counts: the type is clear, the header is not); null when two types tie.
   */
  bestType(headers: readonly string[]): string | null {
    let best: string | null = null;
    let bestCount = -1;
    let tie = false;
    for (const t of this.types) {
      const index = this.forType(t);
      const n = headers.filter((h) => index.names(h)).length;
      if (n > bestCount) [best, bestCount, tie] = [t, n, false];
      else if (n === bestCount) tie = true;
    }
    return tie ? null : best;
  }
}
