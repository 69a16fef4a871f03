/**
 * Reading a small JSON configuration file (outlets registry, manifest) whole.
 */
import { readFile } from 'node:fs/promises';
import { InputError } from '../errors';
import { describeFsError } from './describe-fs-error';
import { describeInvalidUtf8 } from './decode-text';
import { formatErrorMessage } from './format-error-message';

/**
 * Read and parse a JSON file (strict UTF-8, a leading BOM allowed).
 *
 * @throws InputError when the file is missing or unreadable, not UTF-8, or not JSON.
 */
export async function readJsonFile(file: string): Promise<unknown> {
  let bytes: Uint8Array;
  try {
    bytes = await readFile(file);
  } catch (error) {
    throw new InputError(file, describeFsError(error), { cause: error });
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch (error) {
    throw new InputError(file, describeInvalidUtf8(bytes), { cause: error });
  }
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw new InputError(file, `not valid JSON (${formatErrorMessage(error)})`, { cause: error });
  }
}
