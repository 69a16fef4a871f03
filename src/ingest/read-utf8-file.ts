/**
 * Reading a whole file as strict UTF-8, with one-line errors naming the file:
 * why it could not be read, or the line of its first invalid byte.
 */
import { readFile } from 'node:fs/promises';
import { InputError } from '../errors';
import { describeInvalidUtf8 } from './decode-text';
import { describeFsError } from './describe-fs-error';

/** How {@link readUtf8File} reads and words its errors. */
export interface ReadUtf8Options {
  /** What the file is, for messages (`pairs file`): "cannot read pairs file (…)". Without it, just the reason. */
  readonly what?: string;
  /** Keep a leading byte order mark in the text (PAN's offsets count it). @default false */
  readonly keepBom?: boolean;
}

/**
 * Read `file` whole and decode it as strict UTF-8.
 *
 * @throws InputError when the file is missing or unreadable, or not UTF-8.
 */
export async function readUtf8File(file: string, options: ReadUtf8Options = {}): Promise<string> {
  const what = options.what;
  let bytes: Uint8Array;
  try {
    bytes = await readFile(file);
  } catch (error) {
    const reason = describeFsError(error);
    throw new InputError(file, what === undefined ? reason : `cannot read ${what} (${reason})`, { cause: error });
  }
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: options.keepBom === true }).decode(bytes);
  } catch (error) {
    const reason = describeInvalidUtf8(bytes);
    const message = what === undefined ? reason : `${what} is not valid ${reason.replace(/^invalid /, '')}`;
    throw new InputError(file, message, { cause: error });
  }
}
