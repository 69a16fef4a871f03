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

/** Describe a Node file system error in a few words (`no such file or directory`). */
export function describeFsError(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code === 'string') return MESSAGES[code] ?? `cannot be read (${code})`;
  return `cannot be read (${error instanceof Error ? error.message.replace(/\s+/g, ' ') : String(error)})`;
}
