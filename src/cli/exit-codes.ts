/**
 * The only place errors become exit codes.
 *
 * | code | meaning |
 * | ---- | ------- |
 * | 0 | success |
 * | 1 | findings above a threshold the user asked about (`check --fail-above`, `--fail-above-total`) |
 * | 2 | usage or input error: bad flag or value, missing path, unreadable input |
 * | 3 | internal error: a bug in reprint |
 */
import { FormatError, InputError, OptionsError, ParameterMismatchError, ReprintError } from '../errors';

/** Stable exit codes. */
export const EXIT = Object.freeze({ ok: 0, findings: 1, usage: 2, internal: 3 });

/** A usage error found by the argument parser. */
export class UsageError extends ReprintError {
  constructor(message: string) {
    super('E_USAGE', message);
  }
}

/** Map an error to its exit code and one-line message. */
export function describeFailure(error: unknown): { code: number; message: string } {
  if (
    error instanceof UsageError ||
    error instanceof OptionsError ||
    error instanceof InputError ||
    error instanceof FormatError ||
    error instanceof ParameterMismatchError
  ) {
    return { code: EXIT.usage, message: oneLine(error.message) };
  }
  const detail = error instanceof Error ? error.message : String(error);
  return { code: EXIT.internal, message: `internal error (please report): ${oneLine(detail)}` };
}

function oneLine(s: string): string {
  return s.replace(/\s*\n\s*/g, ' ').trim();
}
