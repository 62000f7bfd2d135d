// Ballot numbers compare as numbers when they are numbers (SPEC §2.4): "3", "03" and "3.0" are
// one ballot. Shared by the readers and the tally, so a decision about ballot "03" finds ballot 3.

const WHOLE = /^0*(\d+)(?:[.,]0{1,2})?$/;

/**
 * The number a ballot is known by: a whole number as its digits without leading zeros ("03",
 * "3.0", "3,00" → "3"). At most two zeros after the point or comma, so a thousands grouping
 * ("1.000") is never read as 1. Other text in capitals with the numbers in it unpadded:
 * "P01", "p01" and "P1" are one ballot, typed by two clerks with two habits.
 */
export function ballotKey(text: string): string {
  if (plainNumber(text)) return text;
  const m = WHOLE.exec(text);
  if (m !== null) return m[1] as string;
  return text.toLocaleUpperCase('vi').replace(/(^|[^\d.,])0+(?=\d)/g, '$1');
}

/** Digits without a leading zero: the usual ballot number, already in its form (checked per ballot, so without a regex). */
function plainNumber(text: string): boolean {
  const n = text.length;
  if (n === 0 || (n > 1 && text.charCodeAt(0) === 0x30)) return false;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x30 || c > 0x39) return false;
  }
  return true;
}
