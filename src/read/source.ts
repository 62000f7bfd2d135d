// A sheet of ballots as a stream of row batches: read once, front to back, never held whole.
//
// Each cell of a batch has a key: EMPTY for an empty cell, a positive id for a value the reader
// interned (within one source an id always stands for the same value), or OTHER for any other
// value, which cell() reads. Hot loops decide once per key and make no string for a cell they
// do not need; everything else reads rows as usual.
import type { CellValue, Row } from '../model/grid.js';
import { InputFileError } from '../model/input-error.js';
import { legacyEncoding } from './legacy.js';

export const EMPTY = 0;
export const OTHER = -1;

export interface RowBatch {
  readonly size: number;
  /** Each row's 1-based number. */
  rowNumber(i: number): number;
  /** Row i's cells have keys[start(i)] … keys[start(i + 1) - 1], by column. */
  start(i: number): number;
  readonly keys: Int32Array;
  /** One cell's value, as row(i) gives it (null past the row's end). */
  cell(i: number, col: number): CellValue;
  row(i: number): Row;
  /** Whether the cell holds a formula (its value then is the one the spreadsheet computed); absent where a format has none. */
  formula?(i: number, col: number): boolean;
}

export interface RowSource {
  readonly file: string;
  /** null for CSV files. */
  readonly name: string | null;
  /** The value of an interned key; the same for every batch of this source. */
  value(key: number): CellValue;
  batches(): AsyncIterable<RowBatch>;
}

/** Every row of a source, one at a time (for the readers whose rows are not the bulk). */
export async function* rowsOf(source: RowSource): AsyncGenerator<Row> {
  for await (const batch of source.batches()) {
    for (let i = 0; i < batch.size; i++) yield batch.row(i);
  }
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

/** A position in a source: row `from` of `batch`. */
export interface BatchRun {
  readonly batch: RowBatch;
  readonly from: number;
}

/**
 * The first `n` rows of a source as rows, and the source from any row on as batch runs: for a
 * reader that looks for its header before it reads the bulk. Only the batches holding the
 * first rows are kept.
 */
export async function openRows(source: RowSource, n: number): Promise<{ head: Row[]; runs(skip: number): AsyncGenerator<BatchRun> }> {
  const it = source.batches()[Symbol.asyncIterator]();
  const kept: RowBatch[] = [];
  const head: Row[] = [];
  let done = false;
  while (head.length < n) {
    const r = await it.next();
    if (r.done === true) {
      done = true;
      break;
    }
    kept.push(r.value);
    for (let i = 0; i < r.value.size && head.length < n; i++) head.push(r.value.row(i));
  }
  let used = false;
  return {
    head,
    async *runs(skip: number) {
      if (used) throw new Error('a source is read once');
      used = true;
      let left = skip;
      for (const batch of kept.splice(0)) {
        if (left < batch.size) yield { batch, from: left };
        left = Math.max(0, left - batch.size);
      }
      if (done) return;
      for (let r = await it.next(); r.done !== true; r = await it.next()) {
        if (left < r.value.size) yield { batch: r.value, from: left };
        left = Math.max(0, left - r.value.size);
      }
    },
  };
}

/** The first `n` rows of a source, and a source that gives them again followed by the rest. */
export async function peek(source: RowSource, n: number): Promise<{ head: Row[]; source: RowSource }> {
  const { head, runs } = await openRows(source, n);
  return {
    head,
    source: {
      file: source.file,
      name: source.name,
      value: (key) => source.value(key),
      async *batches() {
        for await (const run of runs(0)) yield run.batch;
      },
    },
  };
}

const LOOK_AT = 100;

/** Refuses text in a legacy Vietnamese font encoding, judged on the first rows. */
export function legacyChecked(source: RowSource): RowSource {
  return {
    file: source.file,
    name: source.name,
    value: (key) => source.value(key),
    async *batches() {
      const { head, source: all } = await peek(source, LOOK_AT);
      const legacy = legacyEncoding([{ file: source.file, name: source.name, rows: head }]);
      if (legacy !== null) throw new InputFileError(source.file, 'legacy-encoding', legacy);
      yield* all.batches();
    },
  };
}
