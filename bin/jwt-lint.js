#!/usr/bin/env node
// Thin launcher: the command lives in dist/src/cli (built on install by `npm run prepare`).

// `jwt-lint | head` closes the pipe early; that is not an error worth a stack trace.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (err) => {
    // eslint-disable-next-line n/no-process-exit -- the reader is gone: stop at once, nothing more can be written
    if (err && err.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw err;
  });
}

import('../dist/src/cli/main.js')
  .then((m) => m.run(process.argv.slice(2)))
  .then((code) => {
    process.exitCode = code;
  })
  .catch((err) => {
    process.stderr.write(`jwt-lint: internal error: ${err && err.message ? err.message.split('\n')[0] : String(err)}\n`);
    if (process.argv.includes('--debug') && err && err.stack) process.stderr.write(`${err.stack}\n`);
    process.exitCode = 2;
  });
