/** Test helper (not a test): run the CLI in-process and capture its output. */
import { main } from '../../src/cli/main';

export interface CliRun {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

export async function runCli(argv: string[], stdin?: NodeJS.ReadableStream): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const code = await main(argv, {
    stdout: (t) => {
      stdout += t;
    },
    stderr: (t) => {
      stderr += t;
    },
    stderrIsTty: false,
    ...(stdin !== undefined ? { stdin } : {}),
  });
  return { code, stdout, stderr };
}
