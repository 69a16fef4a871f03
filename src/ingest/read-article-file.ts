/**
 * Reading a single-article file (`.txt`, `.md`, `.html`, or any file named directly),
 * or one article of text or HTML on standard input.
 */
import { readFile, stat } from 'node:fs/promises';
import { InputError } from '../errors';
import type { Warning } from '../model';
import { decodeFileText } from './decode-text';
import { describeFsError } from './describe-fs-error';
import type { InputFile } from './discover-inputs';
import { describeStreamError, openInputBytes } from './open-input-bytes';
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
 * Standard input (`file.source` 'stdin', read from `stdin`) is read the same way,
 * to its end or to the limit.
 *
 * @throws InputError when a file named directly cannot be read (inside a scanned folder
 *   that is a `W_UNREADABLE` warning instead).
 */
export async function readArticleFile(file: InputFile, maxFileBytes: number, stdin: NodeJS.ReadableStream | null = null): Promise<ArticleFileResult> {
  const skip = (code: Warning['code'], message: string): ArticleFileResult => ({ ok: false, warning: { code, where: file.display, message } });
  const tooLarge = (size: string): ArticleFileResult =>
    skip(WarningCode.fileTooLarge, `${size} is over the ${maxFileBytes}-byte limit for one article (a dump of many is read as JSONL or WARC, with no such limit); skipped`);
  const read = async (): Promise<Uint8Array | ArticleFileResult> => {
    try {
      if (file.source === 'stdin') return (await readWhole(openInputBytes(file, stdin), maxFileBytes)) ?? tooLarge('standard input');
      const { size } = await stat(file.realPath);
      if (size > maxFileBytes) return tooLarge(`file of ${size} bytes`);
      return await readFile(file.realPath);
    } catch (error) {
      if (error instanceof InputError) throw error;
      const reason = describeStreamError(error) ?? describeFsError(error);
      if (file.explicit) throw new InputError(file.display, reason, { cause: error });
      return skip(WarningCode.unreadable, `${reason}; skipped`);
    }
  };
  const bytes = await read();
  if (!(bytes instanceof Uint8Array)) return bytes;
  const decoded = decodeFileText(bytes, file.format === 'html');
  if (!decoded.ok) return skip(decoded.code, `${decoded.message}; skipped`);
  if (file.format !== 'html') return { ok: true, text: decoded.text, embedded: NOTHING_STATED };

  const page = reduceHtml(decoded.text);
  if (page.text.trim() === '') return skip(WarningCode.emptyFile, 'empty file (no text in the HTML); skipped');
  return { ok: true, text: page.text, embedded: { outlet: null, url: page.url, published: page.published, title: page.title } };
}

/** The bytes of `chunks` joined, or `null` once they are more than `limit` (the rest is not read). */
async function readWhole(chunks: AsyncIterable<Uint8Array>, limit: number): Promise<Uint8Array | null> {
  const parts: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of chunks) {
    size += chunk.length;
    if (size > limit) return null;
    parts.push(chunk);
  }
  return Buffer.concat(parts);
}
