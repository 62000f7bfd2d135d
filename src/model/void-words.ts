// The void column's vocabulary (SPEC §2.4, §2.5): one module, read alike by the wide and the
// long layout, by reconcile and by the wording of the errors. A ballot is voided only on
// positive evidence — a tick, the column's own words, or a recognised cause that nothing in
// the text negates or contradicts. Everything else that is not empty is refused, never guessed.
// Words are matched folded (case and diacritics ignored, so tone placement does not matter).
import { fold } from './fold.js';

/** Ticks: the whole cell is one of these (a checkbox exported as TRUE too). */
const TICKS = ['x', 'v', '✓', '✔', '☑', '☒', '✗', '✘', '×', 'true'];
/** The column's own words: the ballot is void. */
const OWN = ['không hợp lệ', 'phiếu không hợp lệ', 'KHL', 'phiếu KHL', 'không đúng quy định', 'sai quy định', 'invalid', 'void'];
/**
 * Causes of a void ballot (Regulation 96's and the election law's), as clerks write them; the
 * first of each group is the form the error messages list. Some contain "không" themselves.
 */
const CAUSES: readonly (readonly string[])[] = [
  ['không theo mẫu', 'không đúng mẫu', 'sai mẫu', 'khác mẫu'],
  ['không do Ban kiểm phiếu phát ra', 'không do Ban kiểm phiếu phát hành', 'không phải phiếu do Ban kiểm phiếu phát ra', 'không phải do Ban kiểm phiếu phát ra', 'phiếu ngoài'],
  ['không có dấu', 'không đóng dấu', 'thiếu dấu', 'không có con dấu'],
  ['ghi thêm tên', 'thêm tên'],
  ['ghi thêm nội dung', 'ghi thêm'],
  ['viết thêm'],
  ['ký tên', 'có chữ ký', 'chữ ký', 'ký vào phiếu'],
  ['đánh dấu riêng', 'ký hiệu riêng', 'dấu riêng', 'làm dấu riêng', 'dấu hiệu riêng', 'có dấu riêng', 'có dấu hiệu riêng'],
  ['gạch xóa hết', 'gạch hết', 'gạch xóa toàn bộ', 'gạch xóa tất cả', 'gạch tất cả', 'gạch toàn bộ'],
  ['rách', 'rách nát'],
  ['nhàu nát', 'nát'],
];
/**
 * Words of validity: a text holding one is refused, whatever else it says. Phrases, not "đúng"
 * or "đạt" alone: folded, those are "dung" of "nội dung" and "dat" of "đặt".
 */
const VALID = [
  'hợp lệ', 'phiếu hợp lệ', 'đúng quy định', 'đúng mẫu', 'theo mẫu', 'bình thường', 'không có vấn đề', 'không vấn đề', 'không sao',
  'không vi phạm', 'không lỗi', 'không có lỗi', 'không bất thường', 'không có dấu hiệu', 'có dấu', 'đủ dấu', 'có đóng dấu', 'đạt yêu cầu',
  'tốt', 'hợp quy', 'ok', 'okay', 'valid', 'fine', 'good',
];
/** Words that mean nothing: refused as the whole text; inside a longer text they say nothing either. */
const NOTHING = ['không', 'không có', 'không có gì', 'chưa', 'chưa có', 'không ghi', 'rỗng', 'trống', 'no', 'none', 'nothing', 'nil', 'null', 'n/a', 'na', 'empty', '0', 'false'];
/** A returned blank ballot: the whole text is one of these. */
const BLANK = ['trắng', 'phiếu trắng', 'để trắng', 'phiếu để trắng', 'bỏ trắng', 'bỏ phiếu trắng', 'blank', 'blank ballot'];
/** Words that negate a cause written after them in the same clause ("không ghi thêm tên"). */
const NEGATORS = new Set(['khong', 'chua', 'chang', 'not', 'no', 'never', 'non']);
/** Abbreviations read as the words they stand for. */
const ABBREVIATIONS: Readonly<Record<string, string>> = { ko: 'khong', k: 'khong', kh: 'khong', khg: 'khong', kg: 'khong', bkp: 'ban kiem phieu' };

/** What the error lists as accepted, from the tables above (one fact, one place). */
export const VOID_ACCEPTED = {
  ticks: ['x', 'v', '✓', 'TRUE'],
  own: ['không hợp lệ', 'phiếu không hợp lệ', 'KHL'],
  causes: CAUSES.map((g) => g[0] as string),
  blank: ['trắng', 'phiếu trắng', 'blank'],
} as const;

/** Why a text is not evidence (SPEC §2.4): a negated cause, a word of validity, a word meaning nothing, or unknown. */
export type VoidRefusal = 'negated' | 'valid' | 'nothing' | 'unknown';

export type VoidReading =
  | { readonly kind: 'none' }
  | { readonly kind: 'blank' }
  | { readonly kind: 'void'; readonly reason: string }
  | { readonly kind: 'refused'; readonly why: VoidRefusal };

type Kind = 'own' | 'cause' | 'valid' | 'nothing' | 'blank';

/** Words of a folded text, each with the clause it is in (punctuation separates clauses). */
function words(text: string): { word: string; clause: number }[] {
  const out: { word: string; clause: number }[] = [];
  let clause = 0;
  for (const m of fold(text).replace(/\bn\/a\b/gu, 'na').matchAll(/([\p{L}\p{N}]+)|([^\p{L}\p{N}\s]+)/gu)) {
    if (m[1] === undefined) {
      clause++;
      continue;
    }
    for (const part of (ABBREVIATIONS[m[1]] ?? m[1]).split(' ')) out.push({ word: part, clause });
  }
  return out;
}

const phraseKey = (ws: readonly string[]) => ws.join(' ');
/** Every phrase by its words, with its kind; and the longest phrase's length. */
const PHRASES = new Map<string, Kind>();
let LONGEST = 1;
for (const [kind, list] of [
  ['nothing', NOTHING],
  ['valid', VALID],
  ['blank', BLANK],
  ['cause', CAUSES.flat()],
  ['own', OWN],
] as const) {
  for (const p of list) {
    const ws = words(p).map((w) => w.word);
    PHRASES.set(phraseKey(ws), kind);
    LONGEST = Math.max(LONGEST, ws.length);
  }
}
const TICK_SET = new Set(TICKS);
const WHOLE_BLANK = new Set(BLANK.map((b) => phraseKey(words(b).map((w) => w.word))));
const WHOLE_NOTHING = new Set(NOTHING.map((b) => phraseKey(words(b).map((w) => w.word))));

/** A tick as clerks type one (x, v, ✓, an emoji tick…): in a void column or a level's box. */
export function isTick(text: string): boolean {
  return TICK_SET.has(fold(text).replace(/[\ufe0e\ufe0f]/gu, '').replace(/[.\s]+$/u, ''));
}

const WHOLE_OWN = new Set(OWN.map((b) => phraseKey(words(b).map((w) => w.word))));

/**
 * Whether a void text only says "void" — a tick or the column's own words — and gives no cause:
 * reports then say so in words instead of printing "x".
 */
export function voidWithoutCause(text: string): boolean {
  const t = fold(text).replace(/[\ufe0e\ufe0f]/gu, '');
  return TICK_SET.has(t.replace(/[.\s]+$/u, '')) || WHOLE_OWN.has(phraseKey(words(text).map((w) => w.word)));
}

/** The void column's cell, as text (a checkbox reads TRUE/FALSE). */
export function readVoidCell(text: string): VoidReading {
  // An emoji tick carries a variation selector ("✔️").
  const t = fold(text).replace(/[\ufe0e\ufe0f]/gu, '');
  if (t === '') return { kind: 'none' };
  if (TICK_SET.has(t.replace(/[.\s]+$/u, ''))) return { kind: 'void', reason: text };
  const ws = words(text);
  // Only dashes and dots: a placeholder for "nothing".
  if (ws.length === 0) return { kind: 'refused', why: /^[\s\-–—.]+$/u.test(t) ? 'nothing' : 'unknown' };
  const whole = phraseKey(ws.map((w) => w.word));
  if (WHOLE_BLANK.has(whole)) return { kind: 'blank' };
  if (WHOLE_NOTHING.has(whole)) return { kind: 'refused', why: 'nothing' };

  // The longest known phrase at each word, within one clause.
  const found: { kind: Kind | 'negator' | 'other'; clause: number }[] = [];
  for (let i = 0; i < ws.length; ) {
    let kind: Kind | null = null;
    let n = Math.min(LONGEST, ws.length - i);
    for (; n > 0; n--) {
      const span = ws.slice(i, i + n);
      if (span.some((w) => w.clause !== span[0]?.clause)) continue;
      kind = PHRASES.get(phraseKey(span.map((w) => w.word))) ?? null;
      if (kind !== null) break;
    }
    const w = ws[i] as { word: string; clause: number };
    if (kind === null) {
      found.push({ kind: NEGATORS.has(w.word) ? 'negator' : 'other', clause: w.clause });
      i++;
    } else {
      // "không có", "chưa có" before a cause negate it as "không" does ("không có chữ ký").
      found.push({ kind: kind === 'nothing' && NEGATORS.has(w.word) ? 'negator' : kind, clause: w.clause });
      i += n;
    }
  }
  if (found.some((f) => f.kind === 'valid')) return { kind: 'refused', why: 'valid' };
  const positive = (f: { kind: string }) => f.kind === 'own' || f.kind === 'cause';
  // A cause after a negator of its clause is negated ("không ghi thêm tên", "chưa bị rách").
  const negated = found.some((f, i) => positive(f) && found.slice(0, i).some((g) => g.clause === f.clause && g.kind === 'negator'));
  if (negated) return { kind: 'refused', why: 'negated' };
  if (!found.some(positive)) return { kind: 'refused', why: 'unknown' };
  // A clause saying only "no" beside a cause ("Ký tên: không") takes it back; a blank word beside one contradicts it.
  const clauses = new Set(found.map((f) => f.clause));
  for (const c of clauses) {
    const inClause = found.filter((f) => f.clause === c);
    if (inClause.every((f) => f.kind === 'negator' || f.kind === 'nothing')) return { kind: 'refused', why: 'negated' };
  }
  if (found.some((f) => f.kind === 'blank')) return { kind: 'refused', why: 'unknown' };
  return { kind: 'void', reason: text };
}
