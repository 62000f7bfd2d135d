#!/usr/bin/env node
// Starts the CLI; all behaviour lives in src/cli.
import { main } from '../dist/tally.mjs';

// A closed pipe (`tally … | more` quit early) is not an error worth a stack trace.
process.stdout.on('error', (e) => {
  if (e.code !== 'EPIPE') throw e;
});
process.exitCode = await main(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr, env: process.env });
