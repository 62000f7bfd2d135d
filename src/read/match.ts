// Matching a ballot header (or long-layout cadre value) to one roster entry (SPEC §2):
// by id, stt or full name with diacritics; a name typed without diacritics only when unique.
import type { Cadre } from '../model/types.js';
import { caseFold, clean, closest, fold, hasDiacritics } from '../text/fold.js';

export type CadreMatch =
  | { readonly kind: 'exact'; readonly cadre: Cadre }
  | { readonly kind: 'without-diacritics'; readonly cadre: Cadre }
  | { readonly kind: 'ambiguous'; readonly candidates: readonly Cadre[] }
  | { readonly kind: 'unknown'; readonly suggestions: readonly Cadre[] };

export class RosterIndex {
  private readonly byId = new Map<string, Cadre[]>();
  private readonly byStt = new Map<number, Cadre[]>();
  private readonly byName = new Map<string, Cadre[]>();
  private readonly byFoldedName = new Map<string, Cadre[]>();

  constructor(readonly cadres: readonly Cadre[]) {
    for (const c of cadres) {
      if (c.id !== null) push(this.byId, caseFold(c.id), c);
      if (c.stt !== null) push(this.byStt, c.stt, c);
      push(this.byName, caseFold(c.name), c);
      push(this.byFoldedName, fold(c.name), c);
    }
  }

  /** Whether the text names somebody (or several people): no suggestions computed. */
  names(header: string): boolean {
    const text = clean(header);
    if (this.byId.has(caseFold(text)) || this.byName.has(caseFold(text))) return true;
    if (/^\d+$/.test(text) && this.byStt.has(Number(text))) return true;
    return !hasDiacritics(text) && this.byFoldedName.has(fold(text));
  }

  match(header: string): CadreMatch {
    const text = clean(header);
    const found = new Set<Cadre>([
      ...(this.byId.get(caseFold(text)) ?? []),
      ...(/^\d+$/.test(text) ? (this.byStt.get(Number(text)) ?? []) : []),
      ...(this.byName.get(caseFold(text)) ?? []),
    ]);
    if (found.size === 1) return { kind: 'exact', cadre: [...found][0] as Cadre };
    if (found.size > 1) return { kind: 'ambiguous', candidates: [...found] };
    if (!hasDiacritics(text)) {
      const folded = this.byFoldedName.get(fold(text)) ?? [];
      if (folded.length === 1) return { kind: 'without-diacritics', cadre: folded[0] as Cadre };
      if (folded.length > 1) return { kind: 'ambiguous', candidates: folded };
    }
    const names = closest(text, this.cadres.map((c) => c.name));
    return { kind: 'unknown', suggestions: names.flatMap((n) => this.cadres.filter((c) => c.name === n)).slice(0, 3) };
  }
}

function push<K>(map: Map<K, Cadre[]>, key: K, cadre: Cadre): void {
  const list = map.get(key);
  if (list === undefined) map.set(key, [cadre]);
  else list.push(cadre);
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

  /** The ballot type whose leaders the most headers name; null when two types tie. */
  bestType(headers: readonly string[]): string | null {
    let best: string | null = null;
    let bestCount = -1;
    let tie = false;
    for (const t of this.types) {
      const index = this.forType(t);
      const n = headers.filter((h) => {
        const k = index.match(h).kind;
        return k === 'exact' || k === 'without-diacritics';
      }).length;
      if (n > bestCount) [best, bestCount, tie] = [t, n, false];
      else if (n === bestCount) tie = true;
    }
    return tie ? null : best;
  }
}
