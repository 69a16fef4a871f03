/**
 * How values are laid out in the index's BLOB columns: texts deflated
 * (raw DEFLATE, no header: the column says what it is), typed arrays as
 * their little-endian bytes.
 */
import { deflateRawSync, inflateRawSync } from 'node:zlib';

const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

/** A text as stored: UTF-8, raw DEFLATE at level 1 (most of the cost of a call is setting up the stream; level 6 saves 3% more bytes). */
export function encodeText(text: string): Buffer {
  const deflated = deflateRawSync(Buffer.from(text, 'utf8'), { level: 1 });
  // The result is a view of zlib's 16 KB output chunk: kept (as index add keeps a run's texts), copy it to its own size.
  return deflated.buffer.byteLength > 2 * deflated.byteLength ? Buffer.from(deflated) : deflated;
}

/** The text of {@link encodeText}'s bytes. */
export function decodeText(blob: Uint8Array): string {
  return inflateRawSync(blob).toString('utf8');
}

/** A typed array's bytes, little-endian whatever the machine (a copy). */
export function encodeArray(values: Uint16Array | Uint32Array | Float64Array): Buffer {
  if (LITTLE_ENDIAN) return Buffer.from(new Uint8Array(values.buffer, values.byteOffset, values.byteLength));
  const out = Buffer.alloc(values.byteLength);
  const view = new DataView(out.buffer, out.byteOffset, out.byteLength);
  values.forEach((v: number, i: number) => {
    if (values instanceof Uint16Array) view.setUint16(2 * i, v, true);
    else if (values instanceof Uint32Array) view.setUint32(4 * i, v, true);
    else view.setFloat64(8 * i, v, true);
  });
  return out;
}

/** The uint16 values of {@link encodeArray}'s bytes (a copy, aligned). */
export function decodeUint16(blob: Uint8Array): Uint16Array {
  const out = new Uint16Array(blob.byteLength >>> 1);
  copyLittleEndian(blob, out, (view, i) => view.getUint16(2 * i, true));
  return out;
}

/** The uint32 values of {@link encodeArray}'s bytes (a copy, aligned). */
export function decodeUint32(blob: Uint8Array): Uint32Array {
  const out = new Uint32Array(blob.byteLength >>> 2);
  copyLittleEndian(blob, out, (view, i) => view.getUint32(4 * i, true));
  return out;
}

/**
 * The uint32 values of {@link encodeArray}'s bytes without a copy when they
 * can be read in place (a little-endian machine, bytes at a multiple of 4):
 * a view that shares `blob`'s memory. For blobs read once and dropped, as a
 * merge reads posting chunks: a copy each is garbage for the collector.
 */
export function viewUint32(blob: Uint8Array): Uint32Array {
  if (LITTLE_ENDIAN && blob.byteOffset % 4 === 0) return new Uint32Array(blob.buffer, blob.byteOffset, blob.byteLength >>> 2);
  return decodeUint32(blob);
}

/** The float64 values of {@link encodeArray}'s bytes (a copy, aligned). */
export function decodeFloat64(blob: Uint8Array): Float64Array {
  const out = new Float64Array(blob.byteLength >>> 3);
  copyLittleEndian(blob, out, (view, i) => view.getFloat64(8 * i, true));
  return out;
}

/** Fill `out` from little-endian bytes: one copy on a little-endian machine, value by value otherwise. */
function copyLittleEndian(blob: Uint8Array, out: Uint16Array | Uint32Array | Float64Array, read: (view: DataView, i: number) => number): void {
  if (LITTLE_ENDIAN) {
    new Uint8Array(out.buffer).set(blob.subarray(0, out.byteLength));
    return;
  }
  const view = new DataView(blob.buffer, blob.byteOffset, blob.byteLength);
  for (let i = 0; i < out.length; i++) out[i] = read(view, i);
}
