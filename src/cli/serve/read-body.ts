/** Reading a request body with a size limit (413 past it), then as strict UTF-8 text. */
import type { IncomingMessage } from 'node:http';
import { decodeText, WarningCode } from '../../ingest';
import { HttpError } from './http-error';

/** The bytes of `request`'s body; rejects with a 413 {@link HttpError} past `limit` bytes (stops reading at once). */
export function readBody(request: IncomingMessage, limit: number): Promise<Buffer> {
  const declared = Number(request.headers['content-length']);
  if (Number.isFinite(declared) && declared > limit) return Promise.reject(tooLarge(limit));
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let failed = false;
    request.on('data', (chunk: Buffer) => {
      if (failed) return;
      size += chunk.length;
      if (size > limit) {
        failed = true;
        reject(tooLarge(limit));
        return;
      }
      chunks.push(chunk);
    });
    request.on('end', () => {
      if (!failed) resolve(Buffer.concat(chunks));
    });
    request.on('error', (error) => {
      if (!failed) reject(new HttpError(400, 'E_REQUEST', `request body could not be read (${error.message})`));
      failed = true;
    });
  });
}

/** The 413 answer; the connection is closed after it (the rest of the body is never read, so it must not be taken for a next request). */
function tooLarge(limit: number): HttpError {
  return new HttpError(413, 'E_TOO_LARGE', `request body is over the limit of ${limit} bytes`, { Connection: 'close' });
}

/**
 * A body's text, decoded as files are (`decodeText`: strict UTF-8, one
 * leading byte order mark dropped): binary data, UTF-16 or bytes that are not
 * UTF-8 are a 400 (`E_BAD_TEXT`) saying what and where, not a draft of
 * replacement characters checked as if it were text. An empty or blank body
 * is left to the route, which says what it expected (`E_EMPTY`).
 */
export function decodeBody(bytes: Buffer): string {
  const decoded = decodeText(bytes);
  if (decoded.ok) return decoded.text;
  if (decoded.code === WarningCode.emptyFile) return bytes.toString('utf8');
  throw new HttpError(400, 'E_BAD_TEXT', `body: ${decoded.message}`);
}
