/**
 * Zstandard frames built in JavaScript for tests (a helper, not a test file): raw blocks,
 * stored as they are, so a test knows exactly which bytes each block holds and where to
 * cut. Valid zstd (RFC 8878 §3.1.1); `zstd -d` reads them.
 */

/** The block size used: well under the 128 KB maximum and the 128 KB window declared. */
export const RAW_BLOCK_BYTES = 1000;

/**
 * One frame holding `content` in raw blocks of {@link RAW_BLOCK_BYTES}: magic, a frame
 * header with a 128 KB window and no content size, dictionary or checksum, then blocks.
 * Returns the frame and the offset in it where each block's header starts.
 */
export function rawZstdFrame(content: Uint8Array): { frame: Buffer; blockStarts: number[] } {
  const parts: Buffer[] = [Buffer.from([0x28, 0xb5, 0x2f, 0xfd, 0x00, 7 << 3])]; // window 2^(10+7)
  const blockStarts: number[] = [];
  let offset = 6;
  for (let at = 0; at === 0 || at < content.length; at += RAW_BLOCK_BYTES) {
    const body = content.subarray(at, at + RAW_BLOCK_BYTES);
    const last = at + RAW_BLOCK_BYTES >= content.length ? 1 : 0;
    const header = (body.length << 3) | (0 << 1) | last; // Block_Size, Block_Type 0 (raw), Last_Block
    blockStarts.push(offset);
    parts.push(Buffer.from([header & 0xff, (header >> 8) & 0xff, (header >> 16) & 0xff]), Buffer.from(body));
    offset += 3 + body.length;
  }
  return { frame: Buffer.concat(parts), blockStarts };
}
