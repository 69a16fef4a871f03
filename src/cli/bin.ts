#!/usr/bin/env node
/** The executable: the only file that reads `process.argv` or sets `process.exitCode`. */
import { main } from './main';
import { processIo } from './io';

// A reader that stops early (`reprint scan … | head`) is not an error of ours.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw error;
});
// Nor is one that stops reading messages (`… 2>&1 | head`): the run goes on to its report and
// its own exit code (unhandled, the EPIPE ended it at once with exit code 1, "findings").
process.stderr.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE' || error.code === 'ERR_STREAM_DESTROYED') return;
  throw error;
});

// Interrupted (Ctrl-C, a job scheduler's SIGTERM), exit the usual way, 130 or 143, through
// process.exit, so that 'exit' handlers remove temporary files (a scan's spool folder, a
// partial report). A command that handles the signal itself (serve) is left to do so.
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (process.listenerCount(signal) === 1) process.exit(signal === 'SIGINT' ? 130 : 143);
  });
}

main(process.argv.slice(2), processIo()).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`reprint: internal error (please report): ${String(error)}\n`);
    process.exitCode = 3;
  },
);
