/** The CLI's window on the world, injected so `main` can be tested in-process. */

/** Where the CLI writes, and what it knows of the terminal. */
export interface Io {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  /** Is stderr a terminal (progress output is only shown there)? */
  readonly stderrIsTty: boolean;
  /** What a path `-` reads; absent where there is no standard input to read (tests). */
  readonly stdin?: NodeJS.ReadableStream;
}

/** The process's own streams. */
export function processIo(): Io {
  return {
    stdout: (t) => process.stdout.write(t),
    stderr: (t) => process.stderr.write(t),
    stderrIsTty: process.stderr.isTTY === true,
    stdin: process.stdin,
  };
}
