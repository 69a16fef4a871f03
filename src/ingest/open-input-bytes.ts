/**
 * The bytes of an input, streamed and unpacked: a file or standard input, gunzipped when
 * it is gzip, decompressed when it is Zstandard. Nothing is read whole.
 */
import { createReadStream } from 'node:fs';
import { pipeline, Readable } from 'node:stream';
import { createGunzip } from 'node:zlib';
import { InputError } from '../errors';
import { decompressZstd, ZSTD_MAGIC, ZstdDataError } from './decompress-zstd';
import { errorCode } from './describe-fs-error';
import type { InputCompression } from './detect-format';
import type { InputFile } from './discover-inputs';
import { peekBytes } from './peek-bytes';

/** The first two bytes of every gzip member (RFC 1952). */
const GZIP_MAGIC = [0x1f, 0x8b] as const;

/**
 * Stream the bytes of `file`, unpacked by its compression: gunzipped (`node:zlib`, every
 * member of a multi-member file such as a WARC.gz) for `gzip`, decompressed
 * ({@link decompressZstd}, every frame) for `zstd`. Standard input is unpacked by its
 * first bytes, gzip's or Zstandard's magic number.
 *
 * Errors are thrown while iterating, after every byte before them was yielded: a gzip
 * stream that ends early is a `zlib` error with code `Z_BUF_ERROR`, data that is not gzip
 * `Z_DATA_ERROR`; zstd's are a {@link ZstdDataError} (see {@link describeStreamError}).
 *
 * @param stdin the stream the path `-` reads.
 * @param onBytes told the size of every chunk read (before unpacking), for progress.
 * @throws InputError when `file` is standard input and no `stdin` stream was given.
 */
export async function* openInputBytes(
  file: InputFile,
  stdin: NodeJS.ReadableStream | null,
  onBytes: ((bytes: number) => void) | null = null,
): AsyncGenerator<Uint8Array> {
  let source: AsyncIterable<Uint8Array>;
  let compression: InputCompression = file.compression;
  if (file.source === 'stdin') {
    if (stdin === null) throw new InputError(file.display, 'standard input is not available here (the caller gives it as the `stdin` option)');
    const { head, bytes } = await peekBytes(toBytes(stdin), ZSTD_MAGIC.length);
    if (head.length === 0) return;
    compression = sniffCompression(head);
    source = bytes;
  } else {
    source = createReadStream(file.realPath);
  }
  if (onBytes !== null) source = counted(source, onBytes);
  switch (compression) {
    case 'none':
      yield* source;
      return;
    case 'zstd':
      yield* decompressZstd(source);
      return;
    case 'gzip': {
      const gunzip = createGunzip();
      // pipeline destroys the gunzip stream with the source's error, so iterating it throws.
      pipeline(Readable.from(source), gunzip, () => undefined);
      yield* gunzip as AsyncIterable<Uint8Array>;
      return;
    }
  }
}

/** The compression whose magic number `head` starts with; `none` for any other bytes. */
function sniffCompression(head: Uint8Array): InputCompression {
  if (GZIP_MAGIC.every((byte, i) => head[i] === byte)) return 'gzip';
  if (ZSTD_MAGIC.every((byte, i) => head[i] === byte)) return 'zstd';
  return 'none';
}

/** Is this streaming error compressed data that ends early (a truncated gzip or zstd file)? */
export function isTruncatedStream(error: unknown): boolean {
  if (error instanceof ZstdDataError) return error.failure === 'truncated';
  return errorCode(error) === 'Z_BUF_ERROR';
}

/**
 * A one-line description of an error met while streaming an input: gzip or zstd data that
 * ends early or is not gzip or zstd; `null` for any other error (a file system error,
 * which the caller words).
 */
export function describeStreamError(error: unknown): string | null {
  if (error instanceof ZstdDataError) {
    return error.failure === 'truncated' ? 'zstd data ends early (truncated file)' : `not valid zstd data (${error.message})`;
  }
  if (isTruncatedStream(error)) return 'gzip data ends early (truncated file)';
  const code = errorCode(error);
  if (code === 'Z_DATA_ERROR') {
    const reason = error instanceof Error ? error.message : String(error);
    return `not valid gzip data (${reason})`;
  }
  return null;
}

async function* toBytes(stream: AsyncIterable<unknown>): AsyncGenerator<Uint8Array> {
  for await (const chunk of stream) {
    if (typeof chunk === 'string') yield Buffer.from(chunk, 'utf8');
    else if (chunk instanceof Uint8Array) yield chunk;
  }
}

/** `source`, telling `onBytes` the size of each chunk as it passes. */
async function* counted(source: AsyncIterable<Uint8Array>, onBytes: (bytes: number) => void): AsyncGenerator<Uint8Array> {
  for await (const chunk of source) {
    onBytes(chunk.length);
    yield chunk;
  }
}
