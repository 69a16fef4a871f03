/**
 * Error messages fit for a one-line warning or `InputError`.
 */

/** The message of a caught error, white space collapsed to one line. */
export function formatErrorMessage(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).replace(/\s+/g, ' ').trim();
}
