#!/usr/bin/env node
// Starts the CLI; all behaviour lives in src/cli. CommonJS (bin/package.json), as is the bundle
// it loads: Node starts a CommonJS program a few milliseconds sooner than a module.
'use strict';
const { main, preferShortRuns, processHost } = require('../dist/tally.cjs');

preferShortRuns();

// A closed pipe (`tally … | more` quit early) is not an error worth a stack trace.
process.stdout.on('error', (e) => {
  if (e.code !== 'EPIPE') throw e;
});
main(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr, env: process.env, host: processHost() }).then((code) => {
  process.exitCode = code;
});
