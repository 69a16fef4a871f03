#!/usr/bin/env node
/** The executable: the only file that reads `process.argv` or sets `process.exitCode`. */
import { main } from './main';
import { processIo } from './io';

main(process.argv.slice(2), processIo()).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`reprint: internal error (please report): ${String(error)}\n`);
    process.exitCode = 3;
  },
);
