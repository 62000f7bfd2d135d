// Running check jobs: in this thread, or spread over worker threads (one job at a time each).
// One bad session never stops the others: a crash in a job is reported as that job's result.
import { Worker } from 'node:worker_threads';
import { checkSession, type CheckedSession, type SessionJob } from './session.js';

export type Progress = (done: number, total: number) => void;

/** Under the test runner this module is TypeScript; workers always run the built JavaScript. */
const WORKER = new URL(import.meta.url.endsWith('.ts') ? '../../dist/check/worker.js' : './worker.js', import.meta.url);

export async function runJobs(jobs: readonly SessionJob[], workers: number, progress: Progress): Promise<CheckedSession[]> {
  const results: CheckedSession[] = new Array(jobs.length);
  let done = 0;
  const finish = (i: number, r: CheckedSession) => {
    results[i] = r;
    progress(++done, jobs.length);
  };
  if (workers <= 1 || jobs.length <= 1) {
    for (const [i, job] of jobs.entries()) finish(i, await checkSession(job).catch((e: unknown) => crashed(job, e)));
    return results;
  }
  let next = 0;
  const pool = Array.from({ length: Math.min(workers, jobs.length) }, async () => {
    const worker = new Worker(WORKER);
    try {
      while (next < jobs.length) {
        const i = next++;
        const job = jobs[i] as SessionJob;
        const r = await new Promise<CheckedSession>((res) => {
          const onMessage = (m: { ok: true; result: CheckedSession } | { ok: false; error: string }) => {
            worker.off('error', onError);
            res(m.ok ? m.result : crashed(job, new Error(m.error)));
          };
          const onError = (e: Error) => {
            worker.off('message', onMessage);
            res(crashed(job, e));
          };
          worker.once('message', onMessage);
          worker.once('error', onError);
          worker.postMessage(job);
        });
        finish(i, r);
      }
    } finally {
      await worker.terminate();
    }
  });
  await Promise.all(pool);
  return results;
}

function crashed(job: SessionJob, e: unknown): CheckedSession {
  return {
    label: job.label, status: 'invalid', title: null, date: null, round: null, regime: null, record: null, differences: [], leaders: [],
    problems: [{ code: 'unreadable-file', severity: 'error', location: { file: job.label }, params: { reason: (e as Error).message ?? String(e) } }],
  };
}
