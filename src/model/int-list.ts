// A growable array of 32-bit integers: the readers' batches and the counter's invalid lines
// are kept in these rather than in arrays of objects.

export class IntList {
  data: Int32Array;
  length = 0;

  constructor(capacity = 1024) {
    this.data = new Int32Array(capacity);
  }

  push(v: number): void {
    if (this.length === this.data.length) this.grow(this.length + 1);
    this.data[this.length++] = v;
  }

  grow(need: number): void {
    const next = new Int32Array(Math.max(need, this.data.length * 2));
    next.set(this.data.subarray(0, this.length));
    this.data = next;
  }

  /** A copy of the contents, sized to fit. */
  take(): Int32Array {
    return this.data.slice(0, this.length);
  }
}

