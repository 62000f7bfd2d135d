// A worker thread of `tally check`: takes jobs one at a time and answers each.
import { parentPort } from 'node:worker_threads';
import { checkSession, type SessionJob } from './session.js';

parentPort?.on('message', (job: SessionJob) => {
  checkSession(job).then(
    (result) => parentPort?.postMessage({ ok: true, result }),
    (e: unknown) => parentPort?.postMessage({ ok: false, error: (e as Error).message ?? String(e) }),
  );
});
