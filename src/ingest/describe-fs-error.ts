/**
 * One-line descriptions of file system errors, for `InputError` messages and warnings.
 */

const MESSAGES: Readonly<Record<string, string>> = {
  ENOENT: 'no such file or directory',
  ENOTDIR: 'no such file or directory',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  EISDIR: 'is a directory, not a file',
  ELOOP: 'too many levels of symbolic links',
  EMFILE: 'too many open files',
};

/** The code of a Node error (a system error's `ENOENT`, zlib's `Z_BUF_ERROR`), or null when it has none. */
export function errorCode(error: unknown): string | null {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : null;
}

/** Describe a Node file system error in a few words (`no such file or directory`). */
export function describeFsError(error: unknown): string {
  const code = errorCode(error);
  if (code !== null) return MESSAGES[code] ?? `cannot be read (${code})`;
  return `cannot be read (${error instanceof Error ? error.message.replace(/\s+/g, ' ') : String(error)})`;
}
