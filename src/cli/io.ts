/** The CLI's window on the world, injected so `main` can be tested in-process. */

/** Where the CLI writes, and what it knows of the terminal. */
export interface Io {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  /** Is stderr a terminal (progress output is only shown there)? */
  readonly stderrIsTty: boolean;
  /** Is stdout a terminal (the text report is then coloured and fitted to it)? @default false */
  readonly stdoutIsTty?: boolean;
  /** Columns of the stdout terminal, when known. */
  readonly stdoutColumns?: number;
  /** Is `NO_COLOR` set to a non-empty value (https://no-color.org)? @default false */
  readonly noColor?: boolean;
  /** What a path `-` reads; absent where there is no standard input to read (tests). */
  readonly stdin?: NodeJS.ReadableStream;
}

/** The process's own streams. */
export function processIo(): Io {
  return {
    stdout: (t) => process.stdout.write(t),
    stderr: (t) => process.stderr.write(t),
    stderrIsTty: process.stderr.isTTY === true,
    stdoutIsTty: process.stdout.isTTY === true,
    ...(process.stdout.columns !== undefined ? { stdoutColumns: process.stdout.columns } : {}),
    noColor: (process.env['NO_COLOR'] ?? '') !== '',
    stdin: process.stdin,
  };
}
