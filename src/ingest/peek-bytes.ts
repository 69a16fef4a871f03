/**
 * Looking at the first bytes of a stream without losing them.
 */

/** The first bytes of a stream, and the whole stream again (those bytes first). */
export interface PeekedBytes {
  /** At least `count` bytes, or the whole stream when it is shorter; it may be longer. */
  readonly head: Uint8Array;
  /** Every byte of the stream, `head` first; iterate it once. */
  readonly bytes: AsyncIterable<Uint8Array>;
}

/**
 * Read chunks of `source` until `count` bytes are in hand (a pipe may deliver a single
 * byte first), and give them back with a stream that yields them again, then the rest.
 * Errors of `source` are thrown by the first read or, later, by `bytes`.
 */
export async function peekBytes(source: AsyncIterable<Uint8Array>, count: number): Promise<PeekedBytes> {
  const rest = source[Symbol.asyncIterator]();
  const chunks: Uint8Array[] = [];
  let size = 0;
  let ended = false;
  while (size < count) {
    const next = await rest.next();
    if (next.done === true) {
      ended = true;
      break;
    }
    if (next.value.length === 0) continue;
    chunks.push(next.value);
    size += next.value.length;
  }
  const head = chunks.length === 1 ? (chunks[0] as Uint8Array) : Buffer.concat(chunks, size);
  return { head, bytes: replay(head, ended ? null : rest) };
}

async function* replay(head: Uint8Array, rest: AsyncIterator<Uint8Array> | null): AsyncGenerator<Uint8Array> {
  if (head.length > 0) yield head;
  if (rest === null) return;
  for (;;) {
    const next = await rest.next();
    if (next.done === true) return;
    yield next.value;
  }
}
