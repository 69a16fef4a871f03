/**
 * Zstandard (RFC 8878) decompression of a byte stream, streamed, with the pure-JavaScript
 * decoder `fzstd` (Node 20's `node:zlib` has no zstd).
 */
import { Decompress } from 'fzstd';
import { peekBytes } from './peek-bytes';

/** The first four bytes of every Zstandard frame (0xFD2FB528, little-endian). */
export const ZSTD_MAGIC = [0x28, 0xb5, 0x2f, 0xfd] as const;

/**
 * Input is pushed to the decoder in slices of at most this many bytes, and what each
 * slice gives is yielded before the next is pushed: the decoder has no back-pressure, and
 * four bytes can stand for a 128 KB block of one repeated byte, so a slice gives at most
 * 64 such blocks, 8 MB, however the data was made. Slicing costs nothing measurable (the
 * same MB/s as 64 KB pushes): the decoder keeps a partial block until it is whole.
 */
const SLICE_BYTES = 256;

/** How a Zstandard stream failed: it ends inside a frame, or it is not (readable) zstd. */
export type ZstdFailure = 'truncated' | 'invalid';

/**
 * Zstandard data that cannot be decompressed; thrown while iterating
 * {@link decompressZstd}, after every byte decoded before the problem was yielded.
 */
export class ZstdDataError extends Error {
  /** `ZSTD_TRUNCATED` for data that ends inside a frame, `ZSTD_INVALID` for anything else. */
  readonly code: 'ZSTD_TRUNCATED' | 'ZSTD_INVALID';
  readonly failure: ZstdFailure;
  constructor(failure: ZstdFailure, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'ZstdDataError';
    this.failure = failure;
    this.code = failure === 'truncated' ? 'ZSTD_TRUNCATED' : 'ZSTD_INVALID';
  }
}

/** fzstd's error code for input that ends before the frame does (`ZstdErrorCode.UnexpectedEOF`). */
const FZSTD_UNEXPECTED_EOF = 5;

/** Enough bytes to see a whole frame header: magic, descriptor, window, 4-byte id, 8-byte size. */
const HEADER_BYTES = 18;

/**
 * The largest window (the decoder's buffer) accepted: 128 MiB, the `zstd` command's own
 * default limit (`--memory`). fzstd would allocate up to 2 GB for what a header claims.
 */
const MAX_WINDOW_BYTES = 128 * 1024 * 1024;

/**
 * Stream the decompressed bytes of `source`, one or more Zstandard frames (and skippable
 * frames) one after the other, as `zstd` writes them. Memory stays at the frame's window
 * (`zstd` uses 8 MB at most unless told `--long`) plus a few MB, whatever the file size.
 *
 * The content checksum, when a frame has one, is not verified (fzstd reads past it).
 * Frames that need a dictionary are refused rather than decoded wrong (fzstd has no
 * dictionary support): one whose header names a dictionary, or a stream that opens with
 * the skippable frame a dictionary-compressed `.warc.zst` keeps its dictionary in. So is
 * a window over 128 MiB, as `zstd -d` does. Only the first frame's header is checked;
 * the frames of one file are made alike.
 *
 * @throws ZstdDataError (while iterating) for data that ends inside a frame, is not
 *   zstd, or needs a dictionary; errors of `source` pass through unchanged.
 */
export async function* decompressZstd(source: AsyncIterable<Uint8Array>): AsyncGenerator<Uint8Array> {
  const decoded: Uint8Array[] = [];
  const decoder = new Decompress((chunk) => {
    if (chunk.length > 0) decoded.push(chunk);
  });
  // The first bytes are looked at before anything is decoded.
  const { head, bytes } = await peekBytes(source, HEADER_BYTES);
  checkFirstFrame(head);
  for await (const chunk of bytes) {
    for (let at = 0; at < chunk.length; at += SLICE_BYTES) {
      const failure = push(decoder, chunk.subarray(at, at + SLICE_BYTES), false);
      // The blocks decoded before a failure in the same slice come first.
      yield* decoded.splice(0);
      if (failure !== null) throw failure;
    }
  }
  const failure = push(decoder, new Uint8Array(0), true);
  yield* decoded.splice(0);
  if (failure !== null) throw failure;
}

/** Push bytes to the decoder; what went wrong, if anything. */
function push(decoder: Decompress, bytes: Uint8Array, final: boolean): ZstdDataError | null {
  try {
    decoder.push(bytes, final);
    return null;
  } catch (error) {
    const eof = (error as { code?: unknown } | null)?.code === FZSTD_UNEXPECTED_EOF;
    const reason = error instanceof Error ? error.message : String(error);
    return new ZstdDataError(eof ? 'truncated' : 'invalid', eof ? 'zstd data ends early' : reason, { cause: error });
  }
}

/**
 * Throw when the stream opens with a dictionary's skippable frame, or with a frame that
 * names a dictionary or needs a window over {@link MAX_WINDOW_BYTES} (RFC 8878 §3.1.1.1).
 */
function checkFirstFrame(head: Uint8Array): void {
  // Skippable frame 0x184D2A5D: where a `.warc.zst` keeps the dictionary its records need.
  if (head[0] === 0x5d && head[1] === 0x2a && head[2] === 0x4d && head[3] === 0x18) {
    throw new ZstdDataError('invalid', 'compressed with a dictionary, which reprint cannot use (decompress it with `zstd -d` first)');
  }
  if (!ZSTD_MAGIC.every((byte, i) => head[i] === byte) || head.length < 6) return;
  const descriptor = head[4] as number;
  const singleSegment = (descriptor & 0x20) !== 0;
  const idSize = [0, 1, 2, 4][descriptor & 3] as number;
  const idAt = singleSegment ? 5 : 6;
  const id = readLittleEndian(head, idAt, idSize);
  if (id !== 0) throw new ZstdDataError('invalid', `frame needs zstd dictionary ${id}, which reprint cannot use (decompress it with \`zstd -d\` first)`);
  let window: number;
  if (singleSegment) {
    // The window is the whole content: Frame_Content_Size, 1, 2 (+256), 4 or 8 bytes.
    const sizeBytes = [1, 2, 4, 8][descriptor >> 6] as number;
    window = readLittleEndian(head, idAt + idSize, sizeBytes) + (sizeBytes === 2 ? 256 : 0);
  } else {
    const windowDescriptor = head[5] ?? 0;
    const base = 2 ** (10 + (windowDescriptor >> 3));
    window = base + (base / 8) * (windowDescriptor & 7);
  }
  if (window > MAX_WINDOW_BYTES) {
    const mib = Math.ceil(window / 2 ** 20);
    throw new ZstdDataError('invalid', `frame needs a ${mib} MiB window, over the 128 MiB reprint allows (decompress it with \`zstd -d --memory=${mib}MB\` first)`);
  }
}

/** An unsigned little-endian number of `size` bytes at `at` (0 for no bytes). */
function readLittleEndian(bytes: Uint8Array, at: number, size: number): number {
  let value = 0;
  for (let i = size - 1; i >= 0; i -= 1) value = value * 256 + (bytes[at + i] ?? 0);
  return value;
}
