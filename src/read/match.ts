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
