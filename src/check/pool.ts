// Running check jobs: in this thread, or spread over worker threads. Workers start before the
// jobs are known, read the workbooks' sheet names that tell sessions from anything else, then
// take jobs in batches, so the main thread sends few messages. One bad session never stops
// the others: a crash in a job is reported as that job's result.
import { getAsset, isSea } from 'node:sea';
import { Worker } from 'node:worker_threads';
import { bookSheetNames } from '../read/book.js';
import { checkSession, type CheckedSession, type SessionJob } from './session.js';

export type Progress = (done: number, total: number) => void;

/**
 * The worker is the bundled dist/check-worker.cjs, whether this module runs from the bundle
 * (dist/tally.cjs), from dist/check/ or, under the test runner, from src/check/.
 */
const here = import.meta.url;
const WORKER = here.endsWith('/tally.cjs') ? new URL('./check-worker.cjs', here) : here.endsWith('.ts') ? new URL('../../dist/check-worker.cjs', here) : new URL('../check-worker.cjs', here);

/**
 * The release's single executable (tally.exe, scripts/release.mjs) has no files beside it: the
 * same worker bundle travels inside it as an asset, and each worker starts from its text.
 */
export const WORKER_ASSET = 'check-worker.cjs';
const startWorker = (): Worker => (isSea() ? new Worker(getAsset(WORKER_ASSET, 'utf8'), { eval: true }) : new Worker(WORKER));

/** What a worker is asked: to check sessions, or to read workbooks' sheet names. */
export type Question = { kind: 'check'; jobs: readonly SessionJob[] } | { kind: 'names'; files: readonly string[] };
type Answer = { ok: true; results: CheckedSession[] } | { ok: true; names: SheetNames[] } | { ok: false; error: string };

/** A workbook's sheet names, or null when it cannot be read (its job will say why). */
export type SheetNames = string[] | null;

/** Workbooks whose sheet names are read at once by a thread: mostly waiting on the disk. */
const NAMES_IN_FLIGHT = 16;

export function sheetNamesHere(files: readonly string[]): Promise<SheetNames[]> {
  return inFlight(files, (f) => bookSheetNames(f).catch(() => null), undefined, NAMES_IN_FLIGHT);
}

export class Pool {
  private readonly workers: Worker[];

  constructor(size: number) {
    this.workers = size <= 1 ? [] : Array.from({ length: size }, startWorker);
  }

  /** Sheet names of the workbooks, read by the workers (they have nothing else to do yet). */
  async sheetNames(files: readonly string[]): Promise<SheetNames[]> {
    if (this.workers.length === 0 || files.length <= 1) return sheetNamesHere(files);
    const out: SheetNames[] = new Array(files.length);
    const size = Math.ceil(files.length / this.workers.length);
    await Promise.all(
      this.workers.map(async (worker, w) => {
        const from = w * size;
        const part = files.slice(from, from + size);
        if (part.length === 0) return;
        const answer = await ask(worker, { kind: 'names', files: part });
        // A worker that fails here leaves the names unknown: each such workbook becomes a job,
        // whose own reading says what is wrong.
        part.forEach((_, k) => (out[from + k] = answer.ok && 'names' in answer ? (answer.names[k] ?? null) : null));
      }),
    );
    return out;
  }

  async run(jobs: readonly SessionJob[], progress: Progress): Promise<CheckedSession[]> {
    const results: CheckedSession[] = new Array(jobs.length);
    let done = 0;
    const finish = (i: number, r: CheckedSession) => {
      results[i] = r;
      progress(++done, jobs.length);
    };
    try {
      if (this.workers.length === 0 || jobs.length <= 1) {
        const answers = await inFlight(jobs, (job) => checkSession(job).catch((e: unknown) => crashed(job, e)), (i, r) => finish(i, r));
        return answers;
      }
      // Batches large enough to keep messages few, and smaller as the jobs run out, so the
      // workers finish together.
      let next = 0;
      await Promise.all(
        this.workers.map(async (worker) => {
          while (next < jobs.length) {
            const from = next;
            const size = Math.max(1, Math.min(MAX_BATCH, Math.ceil((jobs.length - from) / (this.workers.length * 4))));
            const batch = jobs.slice(from, (next = Math.min(jobs.length, from + size)));
            const answer = await ask(worker, { kind: 'check', jobs: batch });
            batch.forEach((job, k) => finish(from + k, !answer.ok ? crashed(job, new Error(answer.error)) : 'results' in answer ? (answer.results[k] as CheckedSession) : crashed(job, new Error('no results'))));
          }
        }),
      );
      return results;
    } finally {
      await this.close();
    }
  }

  /** Stops the workers; the pool is done. */
  async close(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.terminate()));
  }
}

/** Sessions sent to a worker at a time, at most. */
const MAX_BATCH = 64;

/** Sessions a thread keeps in flight, so one's file reads overlap another's work. */
export const IN_FLIGHT = 4;

/** Runs `each` over the jobs with `width` at a time; results in job order. */
export async function inFlight<T, R>(jobs: readonly T[], each: (job: T) => Promise<R>, done: (i: number, r: R) => void = () => {}, width = IN_FLIGHT): Promise<R[]> {
  const out: R[] = new Array(jobs.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(width, jobs.length) }, async () => {
      while (next < jobs.length) {
        const i = next++;
        out[i] = await each(jobs[i] as T);
        done(i, out[i] as R);
      }
    }),
  );
  return out;
}

function ask(worker: Worker, question: Question): Promise<Answer> {
  return new Promise((res) => {
    const onMessage = (m: Answer) => {
      worker.off('error', onError);
      res(m);
    };
    const onError = (e: Error) => {
      worker.off('message', onMessage);
      res({ ok: false, error: e.message });
    };
    worker.once('message', onMessage);
    worker.once('error', onError);
    worker.postMessage(question);
  });
}

function crashed(job: SessionJob, e: unknown): CheckedSession {
  return {
    label: job.label, status: 'invalid', title: null, date: null, round: null, regime: null, record: null, records: [], differences: [], leaders: [], places: [],
    problems: [{ code: 'unreadable-file', severity: 'error', location: { file: job.label }, params: { reason: (e as Error).message ?? String(e) } }],
    problemCounts: [{ severity: 'error', code: 'unreadable-file', total: 1, listed: 1 }],
  };
}
