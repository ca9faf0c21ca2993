#!/usr/bin/env node
// Thin launcher: the command lives in dist/src/cli (built on install by `npm run prepare`).
import('../dist/src/cli/main.js')
  .then((m) => m.run(process.argv.slice(2)))
  .then((code) => {
    process.exitCode = code;
  })
  .catch((err) => {
    process.stderr.write(`jwt-lint: internal error: ${err && err.message ? err.message : String(err)}\n`);
    if (process.argv.includes('--debug') && err && err.stack) process.stderr.write(`${err.stack}\n`);
    process.exitCode = 2;
  });
