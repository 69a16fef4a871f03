/**
 * 32-bit hashing used by every stage that fingerprints text.
 *
 * `hashString32` is FNV-1a over UTF-16 code units followed by the MurmurHash3
 * finaliser (`mix32`) for avalanche; it is deterministic across runs and
 * platforms. `mix32` and `combine32` are the building blocks for shingle and
 * band keys.
 *
 * `Math.imul` is read once into a module constant: under jest (modules run in a
 * `vm` context) every read of a global such as `Math` goes through the context's
 * interceptor and made the MinHash loop two orders of magnitude slower; in plain Node both forms
 * compile to the same machine multiply.
 */

const imul = Math.imul;

/** MurmurHash3's 32-bit finaliser: a bijection on uint32 with full avalanche. */
export function mix32(h: number): number {
  h ^= h >>> 16;
  h = imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** @internal `combine32`'s salt of the incoming value (exported for loops that premix values). */
export const COMBINE_SALT = 0x9e3779b9;
/** @internal `combine32`'s additive constant. */
export const COMBINE_ADD = 0xe6546b64;

/**
 * Order-dependent combination of a running hash with one more 32-bit value:
 * `imul(rotl(h ^ mix32(v + COMBINE_SALT), 13), 5) + COMBINE_ADD`, as uint32.
 */
export function combine32(h: number, v: number): number {
  h ^= mix32(v + COMBINE_SALT);
  h = imul((h << 13) | (h >>> 19), 5) + COMBINE_ADD;
  return h >>> 0;
}

/** @internal FNV-1a's 32-bit offset basis (exported for scanners that hash as they go). */
export const FNV_OFFSET = 0x811c9dc5;
/** @internal FNV-1a's 32-bit prime. */
export const FNV_PRIME = 0x01000193;

/** Hash the code units of `s[start, end)` to a uint32 (FNV-1a, then `mix32`). */
export function hashString32(s: string, start = 0, end = s.length, seed = 0): number {
  let h = (FNV_OFFSET ^ seed) >>> 0;
  for (let i = start; i < end; i++) {
    h ^= s.charCodeAt(i);
    h = imul(h, FNV_PRIME);
  }
  return mix32(h);
}
