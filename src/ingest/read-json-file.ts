/**
 * Reading a small JSON configuration file (outlets registry, manifest) whole.
 */
import { InputError } from '../errors';
import { formatErrorMessage } from './format-error-message';
import { readUtf8File } from './read-utf8-file';

/**
 * Read and parse a JSON file (strict UTF-8, a leading BOM allowed).
 *
 * @throws InputError when the file is missing or unreadable, not UTF-8, or not JSON.
 */
export async function readJsonFile(file: string): Promise<unknown> {
  const text = await readUtf8File(file);
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw new InputError(file, `not valid JSON (${formatErrorMessage(error)})`, { cause: error });
  }
}
