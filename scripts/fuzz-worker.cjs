// The worker thread of the fuzzer (scripts/fuzz-lib.mjs): runs the built program on one case
// at a time and answers with its exit code and output.
'use strict';
const { parentPort } = require('node:worker_threads');
const { main } = require('../dist/tally.cjs');

parentPort.on('message', async ({ args }) => {
  let stdout = '';
  let stderr = '';
  const keep = (text, s) => (text.length < 200_000 ? text + s : text);
  try {
    const code = await main(args, { stdout: { write: (s) => (stdout = keep(stdout, s)) }, stderr: { write: (s) => (stderr = keep(stderr, s)) }, env: {} });
    parentPort.postMessage({ kind: 'done', code, stdout: stdout.slice(0, 20_000), stderr: stderr.slice(0, 20_000) });
  } catch (e) {
    parentPort.postMessage({ kind: `main threw: ${e && e.message}` });
  }
});
