/**
 * The bytes of an input, streamed and unpacked: a file or standard input, gunzipped when
 * it is gzip. Nothing is read whole.
 */
import { createReadStream } from 'node:fs';
import { pipeline, Readable } from 'node:stream';
import { createGunzip } from 'node:zlib';
import { InputError } from '../errors';
import type { InputFile } from './discover-inputs';

/** The first two bytes of every gzip member (RFC 1952). */
const GZIP_MAGIC = [0x1f, 0x8b] as const;

/**
 * Stream the bytes of `file`, gunzipped (`node:zlib`, every member of a multi-member file
 * such as a WARC.gz) when its compression is `gzip` — or, for standard input, when its
 * first bytes are gzip's magic number.
 *
 * Errors are thrown while iterating, after every byte before them was yielded: a gzip
 * stream that ends early is a `zlib` error with code `Z_BUF_ERROR`, data that is not gzip
 * `Z_DATA_ERROR` (see {@link describeStreamError}).
 *
 * @param stdin the stream the path `-` reads.
 * @throws InputError when `file` is standard input and no `stdin` stream was given.
 */
export async function* openInputBytes(file: InputFile, stdin: NodeJS.ReadableStream | null): AsyncGenerator<Uint8Array> {
  let source: AsyncIterable<Uint8Array>;
  let gzip = file.compression === 'gzip';
  if (file.source === 'stdin') {
    if (stdin === null) throw new InputError(file.display, 'standard input is not available here (the caller gives it as the `stdin` option)');
    const chunks = toBytes(stdin);
    const first = await nextChunk(chunks);
    if (first === null) return;
    gzip = first[0] === GZIP_MAGIC[0] && first[1] === GZIP_MAGIC[1];
    source = prepend(first, chunks);
  } else {
    source = createReadStream(file.realPath);
  }
  if (!gzip) {
    yield* source;
    return;
  }
  const gunzip = createGunzip();
  // pipeline destroys the gunzip stream with the source's error, so iterating it throws.
  pipeline(Readable.from(source), gunzip, () => undefined);
  yield* gunzip as AsyncIterable<Uint8Array>;
}

/** Is this streaming error gzip data that ends early (a truncated file)? */
export function isTruncatedStream(error: unknown): boolean {
  return (error as { code?: unknown } | null)?.code === 'Z_BUF_ERROR';
}

/**
 * A one-line description of an error met while streaming an input: gzip that ends early
 * or is not gzip, else a file system error in a few words.
 */
export function describeStreamError(error: unknown): string | null {
  if (isTruncatedStream(error)) return 'gzip data ends early (truncated file)';
  const code = (error as { code?: unknown } | null)?.code;
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

async function nextChunk(chunks: AsyncIterator<Uint8Array>): Promise<Uint8Array | null> {
  for (;;) {
    const next = await chunks.next();
    if (next.done === true) return null;
    if (next.value.length > 0) return next.value;
  }
}

async function* prepend(first: Uint8Array, rest: AsyncIterator<Uint8Array>): AsyncGenerator<Uint8Array> {
  yield first;
  for (;;) {
    const next = await rest.next();
    if (next.done === true) return;
    yield next.value;
  }
}
