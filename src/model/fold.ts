// Text normalisation for matching. All input text is NFC; matching of fixed vocabulary
// (headers, keys, codes) is by the folded form, which ignores case and diacritics.

const WHITESPACE = /[\s\u00a0\u2000-\u200b\u202f\u205f\u3000\ufeff]+/gu;

/** NFC with white space (including non-breaking spaces) collapsed and trimmed. */
const PLAIN = /^[\x21-\x7e]*$/;

export function clean(text: string): string {
  // Most cells are plain ASCII without spaces: nothing to do.
  if (PLAIN.test(text)) return text;
  return text.normalize('NFC').replace(WHITESPACE, ' ').trim();
}

/** Names and headers repeat (across rows, files and sessions): each is folded once. */
function memo(f: (text: string) => string): (text: string) => string {
  const cache = new Map<string, string>();
  return (text) => {
    let v = cache.get(text);
    if (v === undefined) {
      v = f(text);
      if (cache.size >= 50_000) cache.clear();
      cache.set(text, v);
    }
    return v;
  };
}

/**
 * Old and new tone placement as one spelling (SPEC §2): in an open syllable ending "oa", "oe"
 * or "uy" (not "quy"), the tone goes on the first vowel — "hoà" → "hòa", "thuỷ" → "thủy",
 * "khoẻ" → "khỏe" (Unikey's two settings). A closed syllable ("hoàng", "thuyền") has one placement.
 */
const SECOND_VOWEL_TONE = /(?<![qQ])([oOuU])([àáảãạèéẻẽẹỳýỷỹỵÀÁẢÃẠÈÉẺẼẸỲÝỶỸỴ])(?![\p{L}\p{M}])/gu;
export function canonicalTones(text: string): string {
  return text.replace(SECOND_VOWEL_TONE, (m, first: string, second: string) => {
    const [base = '', ...tone] = second.normalize('NFD');
    const pair = (first + base).toLowerCase();
    if (pair !== 'oa' && pair !== 'oe' && pair !== 'uy') return m;
    return (first + tone.join('')).normalize('NFC') + base;
  });
}

/** Case-folded, still with diacritics, one tone placement: how leader names are compared. */
export const caseFold = memo((text: string) => canonicalTones(clean(text).toLocaleLowerCase('vi')));

/** Case and diacritics removed ("Tín nhiệm Cao" → "tin nhiem cao"; đ → d). */
export const fold = memo((text: string) =>
  caseFold(text)
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .normalize('NFC'),
);

/** Whether the text carries any Vietnamese diacritic (or đ). */
export function hasDiacritics(text: string): boolean {
  return fold(text) !== caseFold(text);
}

/** Levenshtein distance, for "did you mean" suggestions on short names. */
export function editDistance(a: string, b: string): number {
  const s = [...a];
  const t = [...b];
  let prev = Array.from({ length: t.length + 1 }, (_, j) => j);
  for (let i = 1; i <= s.length; i++) {
    const cur = [i];
    for (let j = 1; j <= t.length; j++) {
      const cost = s[i - 1] === t[j - 1] ? 0 : 1;
      cur[j] = Math.min((prev[j] ?? 0) + 1, (cur[j - 1] ?? 0) + 1, (prev[j - 1] ?? 0) + cost);
    }
    prev = cur;
  }
  return prev[t.length] ?? 0;
}

/**
 * Up to `limit` candidates closest to `query`, best first. Vietnamese names share long
 * prefixes ("Nguyễn Văn …"), so the given name (last word) weighs double.
 */
export function closest(query: string, candidates: readonly string[], limit = 3): string[] {
  const q = fold(query);
  const qGiven = q.split(' ').at(-1) ?? q;
  const scored = candidates.map((c) => {
    const f = fold(c);
    const given = f.split(' ').at(-1) ?? f;
    return { c, score: editDistance(q, f) + editDistance(qGiven, given) };
  });
  const cutoff = Math.max(3, Math.ceil(q.length * 0.6));
  return scored
    .filter((s) => s.score <= cutoff)
    .sort((x, y) => x.score - y.score || x.c.localeCompare(y.c, 'vi'))
    .slice(0, limit)
    .map((s) => s.c);
}
