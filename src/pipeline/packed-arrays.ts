/**
 * Per-document arrays of a batch, end to end in one array: how batches of
 * sketches, k-gram sets and signatures cross between threads and wait in a
 * scan's space, as a few buffers rather than a few per document (each typed
 * array sent is a buffer made, copied or moved, and freed).
 */

/** Document `d`'s values are `values[ends[d - 1] .. ends[d])` (from 0 for the first). */
export interface PackedArrays<A extends Uint8Array | Uint16Array | Uint32Array | Float64Array> {
  readonly values: A;
  readonly ends: Uint32Array;
}

/** Pack `parts` end to end into a new array made by `make(length)`. */
export function packArrays<A extends Uint8Array | Uint16Array | Uint32Array | Float64Array>(parts: readonly A[], make: (length: number) => A): PackedArrays<A> {
  const ends = new Uint32Array(parts.length);
  let n = 0;
  parts.forEach((part, d) => (ends[d] = n += part.length));
  const values = make(n);
  parts.forEach((part, d) => values.set(part, ends[d]! - part.length));
  return { values, ends };
}

/** Document `d`'s array of a packing (a view, no copy). */
export function unpackArray<A extends Uint8Array | Uint16Array | Uint32Array | Float64Array>(packed: PackedArrays<A>, d: number): A {
  return packed.values.subarray(d === 0 ? 0 : packed.ends[d - 1]!, packed.ends[d]!) as A;
}

/** The buffers of a packing (each its own: {@link packArrays} made them), to move it to another thread. */
export function buffersOf(packed: PackedArrays<Uint8Array | Uint16Array | Uint32Array | Float64Array>): ArrayBuffer[] {
  return [packed.values.buffer as ArrayBuffer, packed.ends.buffer as ArrayBuffer];
}
