// The ballot numbers seen so far in one ballot type, and where each was: a number seen twice
// is refused with both places. Plain integers (the usual ballot numbers) are kept in a table
// by value; any other text in a map.

/** Values below this use the table (4 MB at most). */
const TABLE_LIMIT = 1 << 20;

export class BallotNumbers<Place> {
  private readonly byText = new Map<string, Place | number>();
  /**
   * byValue[n] is 0 when number n has not been seen; else 1 + its packed place, or minus
   * (1 + its place's index in `places`) when the place is not a packed one.
   */
  private byValue = new Int32Array(1024);
  private readonly places: Place[] = [];
  private count = 0;

  get size(): number {
    return this.count;
  }

  /** The numbers seen when every one is a whole number, in ascending order; null when some are not. */
  wholeNumbers(): number[] | null {
    if (this.byText.size > 0) return null;
    const out: number[] = [];
    for (let n = 0; n < this.byValue.length; n++) if (this.byValue[n] !== 0) out.push(n);
    return out;
  }

  /**
   * Remembers `number` at `place` (packed as a non-negative integer, or anything else); when
   * it was seen before, returns the earlier place and remembers nothing.
   */
  remember(number: string, place: Place | number): Place | number | undefined {
    const value = plainInteger(number);
    if (value < 0) {
      const prev = this.byText.get(number);
      if (prev !== undefined) return prev;
      this.byText.set(number, place);
      this.count++;
      return undefined;
    }
    if (value >= this.byValue.length) {
      const next = new Int32Array(Math.min(TABLE_LIMIT, Math.max(value + 1, this.byValue.length * 2)));
      next.set(this.byValue);
      this.byValue = next;
    }
    const prev = this.byValue[value] as number;
    if (prev > 0) return prev - 1;
    if (prev < 0) return this.places[-prev - 1];
    this.byValue[value] = typeof place === 'number' && place >= 0 && place < 0x7ffffffe ? place + 1 : -this.places.push(place as Place);
    this.count++;
    return undefined;
  }
}

/** The value of a number written in plain decimal digits without leading zeros below TABLE_LIMIT, else -1. */
function plainInteger(text: string): number {
  const n = text.length;
  if (n === 0 || n > 7 || (n > 1 && text.charCodeAt(0) === 0x30)) return -1;
  let v = 0;
  for (let i = 0; i < n; i++) {
    const d = text.charCodeAt(i) - 0x30;
    if (d < 0 || d > 9) return -1;
    v = v * 10 + d;
  }
  return v < TABLE_LIMIT ? v : -1;
}
