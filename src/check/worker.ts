// A worker thread of `tally check`: takes a batch of jobs at a time and answers each batch.
import { parentPort } from 'node:worker_threads';
import { inFlight } from './pool.js';
import { checkSession, type SessionJob } from './session.js';

parentPort?.on('message', (batch: SessionJob[]) => {
  inFlight(batch, (job) => checkSession(job)).then(
    (results) => parentPort?.postMessage({ ok: true, results }),
    (e: unknown) => parentPort?.postMessage({ ok: false, error: (e as Error).message ?? String(e) }),
  );
});
