/**
 * The checks every streamed input file gets before it is read: it must exist, be
 * readable and not be empty. Standard input is not checked (it has no size).
 */
import { stat } from 'node:fs/promises';
import { InputError } from '../errors';
import type { Warning } from '../model';
import { describeFsError } from './describe-fs-error';
import type { InputFile } from './discover-inputs';
import { WarningCode } from './warning-codes';

/**
 * A warning that skips `file` (empty, unreadable, or whatever `more` finds wrong with it),
 * or `null` when it can be read.
 *
 * @param more a further check, run only on a readable, non-empty file; its I/O errors count as unreadable.
 * @throws InputError when a file named directly cannot be read.
 */
export async function preflightInput(file: InputFile, more?: () => Promise<string | null>): Promise<Warning | null> {
  if (file.source === 'stdin') return null;
  const skip = (code: Warning['code'], message: string): Warning => ({ code, where: file.display, message });
  try {
    const { size } = await stat(file.realPath);
    if (size === 0) return skip(WarningCode.emptyFile, 'empty file (0 bytes); skipped');
    const problem = more === undefined ? null : await more();
    return problem === null ? null : skip(WarningCode.binaryFile, `${problem}; skipped`);
  } catch (error) {
    if (file.explicit) throw new InputError(file.display, describeFsError(error), { cause: error });
    return skip(WarningCode.unreadable, `${describeFsError(error)}; skipped`);
  }
}
