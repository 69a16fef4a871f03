#!/usr/bin/env node
/** The executable: the only file that reads `process.argv` or sets `process.exitCode`. */
import { main } from './main';
import { processIo } from './io';

// A reader that stops early (`reprint scan … | head`) is not an error of ours.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw error;
});

main(process.argv.slice(2), processIo()).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`reprint: internal error (please report): ${String(error)}\n`);
    process.exitCode = 3;
  },
);
