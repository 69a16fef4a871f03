/**
 * Reading a single-article file (`.txt`, `.md`, `.html`, or any file named directly).
 */
import { readFile, stat } from 'node:fs/promises';
import { InputError } from '../errors';
import type { Warning } from '../model';
import { decodeFileText } from './decode-text';
import { describeFsError } from './describe-fs-error';
import type { InputFile } from './discover-inputs';
import { NOTHING_STATED, type StatedMeta } from './raw-document';
import { reduceHtml } from './reduce-html';
import { WarningCode } from './warning-codes';

/** The article text of a file (and what its markup states), or why it was skipped. */
export type ArticleFileResult =
  | { readonly ok: true; readonly text: string; readonly embedded: StatedMeta }
  | { readonly ok: false; readonly warning: Warning };

/**
 * Read one article from a file: size check against `maxFileBytes`, strict decoding
 * ({@link decodeFileText}: UTF-8, or UTF-16 by a byte order mark, or the charset an
 * HTML page declares), and for HTML reduction to text ({@link reduceHtml}). Text files
 * are returned exactly as decoded (BOM removed).
 *
 * @throws InputError when a file named directly cannot be read (inside a scanned folder
 *   that is a `W_UNREADABLE` warning instead).
 */
export async function readArticleFile(file: InputFile, maxFileBytes: number): Promise<ArticleFileResult> {
  const skip = (code: Warning['code'], message: string): ArticleFileResult => ({ ok: false, warning: { code, where: file.display, message } });
  let bytes: Uint8Array;
  try {
    const { size } = await stat(file.realPath);
    if (size > maxFileBytes) {
      return skip(WarningCode.fileTooLarge, `file of ${size} bytes is over the ${maxFileBytes}-byte limit for one article (a dump of many is read as JSONL or WARC, with no such limit); skipped`);
    }
    bytes = await readFile(file.realPath);
  } catch (error) {
    if (file.explicit) throw new InputError(file.display, describeFsError(error), { cause: error });
    return skip(WarningCode.unreadable, `${describeFsError(error)}; skipped`);
  }
  const decoded = decodeFileText(bytes, file.format === 'html');
  if (!decoded.ok) return skip(decoded.code, `${decoded.message}; skipped`);
  if (file.format !== 'html') return { ok: true, text: decoded.text, embedded: NOTHING_STATED };

  const page = reduceHtml(decoded.text);
  if (page.text.trim() === '') return skip(WarningCode.emptyFile, 'empty file (no text in the HTML); skipped');
  return { ok: true, text: page.text, embedded: { outlet: null, url: page.url, published: page.published, title: page.title } };
}
