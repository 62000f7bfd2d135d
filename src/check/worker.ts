// A worker thread of `tally check`: answers one question at a time — a batch of jobs to check,
// or workbooks whose sheet names are wanted.
import { parentPort } from 'node:worker_threads';
import { inFlight, sheetNamesHere, type Question } from './pool.js';
import { checkSession } from './session.js';

parentPort?.on('message', (q: Question) => {
  const answer = q.kind === 'names' ? sheetNamesHere(q.files).then((names) => ({ ok: true, names })) : inFlight(q.jobs, (job) => checkSession(job)).then((results) => ({ ok: true, results }));
  answer.then(
    (a) => parentPort?.postMessage(a),
    (e: unknown) => parentPort?.postMessage({ ok: false, error: (e as Error).message ?? String(e) }),
  );
});
