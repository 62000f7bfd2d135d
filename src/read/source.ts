// A sheet of ballots as a stream of rows: read once, front to back, never held whole.
import type { Row, Sheet } from './grid.js';
import { InputFileError } from './input-error.js';
import { legacyEncoding } from './legacy.js';

export interface RowSource {
  readonly file: string;
  /** null for CSV files. */
  readonly name: string | null;
  rows(): AsyncIterable<Row>;
}

/** A sheet already in memory (small sheets, and tests). */
export function arraySource(sheet: Sheet): RowSource {
  return {
    file: sheet.file,
    name: sheet.name,
    async *rows() {
      yield* sheet.rows;
    },
  };
}

const LOOK_AT = 100;

/** Refuses text in a legacy Vietnamese font encoding, judged on the first rows. */
export function legacyChecked(source: RowSource): RowSource {
  return {
    file: source.file,
    name: source.name,
    async *rows() {
      const head: Row[] = [];
      const it = source.rows()[Symbol.asyncIterator]();
      for (let r = await it.next(); ; r = await it.next()) {
        if (r.done === true) break;
        head.push(r.value);
        if (head.length >= LOOK_AT) break;
      }
      const legacy = legacyEncoding([{ file: source.file, name: source.name, rows: head }]);
      if (legacy !== null) throw new InputFileError(source.file, 'legacy-encoding', legacy);
      yield* head;
      for (let r = await it.next(); r.done !== true; r = await it.next()) yield r.value;
    },
  };
}

/** Takes up to `n` rows from an iterator, for a reader's header window. */
export async function take(it: AsyncIterator<Row>, n: number): Promise<{ head: Row[]; done: boolean }> {
  const head: Row[] = [];
  while (head.length < n) {
    const r = await it.next();
    if (r.done === true) return { head, done: true };
    head.push(r.value);
  }
  return { head, done: false };
}

/** The first `n` rows of a source, and a source that gives them again followed by the rest. */
export async function peek(source: RowSource, n: number): Promise<{ head: Row[]; source: RowSource }> {
  const it = source.rows()[Symbol.asyncIterator]();
  const { head } = await take(it, n);
  let used = false;
  return {
    head,
    source: {
      file: source.file,
      name: source.name,
      async *rows() {
        if (used) throw new Error('a peeked source is read once');
        used = true;
        yield* head;
        for (let r = await it.next(); r.done !== true; r = await it.next()) yield r.value;
      },
    },
  };
}
