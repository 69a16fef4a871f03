/**
 * The permutation-MinHash inner loop in WebAssembly SIMD: the same values as
 * the scalar loop of `create-min-hasher.ts`, `min over x of mix32(x ^ a_i)`,
 * computed for four permutations per instruction.
 *
 * ## Why the results are identical
 *
 * `mix32(h)` starts with `h ^= h >>> 16`. Shifting distributes over XOR, so for
 * `h = x ^ a`: `h ^ (h >>> 16) = (x ^ (x >>> 16)) ^ (a ^ (a >>> 16))`. The keys
 * are stored pre-folded (`a ^ (a >>> 16)`) and each shingle is folded once on
 * its way in; the kernel then does the rest of `mix32` exactly (two 32-bit
 * multiplications mod 2^32, `i32x4.mul`, and two unsigned shifts) and keeps the
 * unsigned minimum (`i32x4.min_u`). Wasm integer arithmetic is defined bit for
 * bit, so the values do not depend on the machine.
 *
 * ## The module
 *
 * One exported function, `fill(keys, groups, shingles, count, out)` over
 * byte addresses in its own memory: for each group of 16 permutations (four
 * `v128` key vectors held in locals), it runs over the `count` folded
 * shingles, splats each one and updates four running minima, then stores the
 * 16 minima at `out`. The bytes are assembled below from named opcodes
 * (WebAssembly core spec 2.0, §5 binary format, SIMD opcodes under prefix
 * `0xFD`), so there is no build step and no binary blob.
 *
 * Memory layout per call: folded keys at 0 (padded to whole groups), minima
 * after them, then the shingles; the memory grows when a set does not fit.
 * When the engine lacks WebAssembly SIMD, {@link createSimdMinima} returns
 * `null` and the caller keeps its scalar loop.
 */

import { EMPTY_MIN } from './signature';

/** The part of the WebAssembly JS API used here (the project's `lib` has no WebAssembly types). */
interface WasmMemory {
  readonly buffer: ArrayBuffer;
  grow(pages: number): number;
}
interface WasmApi {
  validate(bytes: Uint8Array): boolean;
  readonly Module: new (bytes: Uint8Array) => object;
  readonly Instance: new (module: object, imports: object) => { readonly exports: Record<string, unknown> };
}
const wasm = (globalThis as { readonly WebAssembly?: WasmApi }).WebAssembly;

/** Permutations per kernel group: four `i32x4` vectors. */
const GROUP = 16;
const PAGE = 65536;

// Opcodes used below.
const I32 = 0x7f;
const V128 = 0x7b;
const BLOCK = 0x02;
const LOOP = 0x03;
const BR_IF = 0x0d;
const END = 0x0b;
const LOCAL_GET = 0x20;
const LOCAL_SET = 0x21;
const LOCAL_TEE = 0x22;
const I32_CONST = 0x41;
const I32_EQZ = 0x45;
const I32_LT_U = 0x49;
const I32_ADD = 0x6a;
const I32_SHL = 0x74;
const EMPTY_TYPE = 0x40;
const SIMD = 0xfd;
const V128_LOAD = [SIMD, 0x00];
const V128_LOAD32_SPLAT = [SIMD, 0x09];
const V128_STORE = [SIMD, 0x0b];
const I32X4_SPLAT = [SIMD, 0x11];
const V128_XOR = [SIMD, 0x51];
const I32X4_SHR_U = [SIMD, 0xad, 0x01];
const I32X4_MUL = [SIMD, 0xb5, 0x01];
const I32X4_MIN_U = [SIMD, 0xb7, 0x01];

/** Unsigned LEB128. */
function uleb(value: number): number[] {
  const out: number[] = [];
  let v = value >>> 0;
  do {
    let byte = v & 0x7f;
    v >>>= 7;
    if (v !== 0) byte |= 0x80;
    out.push(byte);
  } while (v !== 0);
  return out;
}

/** Signed LEB128 of an int32. */
function sleb(value: number): number[] {
  const out: number[] = [];
  let v = value | 0;
  for (;;) {
    const byte = v & 0x7f;
    v >>= 7;
    const done = (v === 0 && (byte & 0x40) === 0) || (v === -1 && (byte & 0x40) !== 0);
    out.push(done ? byte : byte | 0x80);
    if (done) return out;
  }
}

/** A memory immediate: alignment exponent, then offset. */
function memarg(alignLog2: number, offset: number): number[] {
  return [...uleb(alignLog2), ...uleb(offset)];
}

function section(id: number, body: number[]): number[] {
  return [id, ...uleb(body.length), ...body];
}

function name(text: string): number[] {
  return [...uleb(text.length), ...Array.from(text, (c) => c.charCodeAt(0))];
}

const get = (i: number): number[] => [LOCAL_GET, ...uleb(i)];
const set = (i: number): number[] => [LOCAL_SET, ...uleb(i)];
const tee = (i: number): number[] => [LOCAL_TEE, ...uleb(i)];
const i32 = (v: number): number[] => [I32_CONST, ...sleb(v)];

/** A function body being assembled. */
function assembler(): { readonly body: number[]; emit(...parts: number[][]): void } {
  const body: number[] = [];
  return {
    body,
    emit(...parts) {
      for (const p of parts) body.push(...p);
    },
  };
}

/** The start of both kernels' loop over groups of 16 lanes: return at once when `groups` is 0, else loop with `group` from 0 (closed by {@link endGroups}). */
function startGroups(locals: { readonly group: number; readonly groups: number }): number[] {
  return [BLOCK, EMPTY_TYPE, ...get(locals.groups), I32_EQZ, BR_IF, 0, ...i32(0), ...set(locals.group), LOOP, EMPTY_TYPE];
}

/**
 * The end of both kernels' loop over groups of 16 lanes: store the four
 * minima vectors at `out`, move `out` and `next` (the group's input) on by
 * a group, loop while `group` < `groups`; then close the loop, its guard
 * block and the function.
 */
function endGroups(locals: { readonly out: number; readonly minima: readonly number[]; readonly next: number; readonly group: number; readonly groups: number }): number[] {
  const { out, minima, next, group, groups } = locals;
  const { body, emit } = assembler();
  for (let v = 0; v < 4; v++) emit(get(out), get(minima[v]!), V128_STORE, memarg(4, 16 * v));
  emit(get(next), i32(4 * GROUP), [I32_ADD], set(next));
  emit(get(out), i32(4 * GROUP), [I32_ADD], set(out));
  emit(get(group), i32(1), [I32_ADD], tee(group), get(groups), [I32_LT_U], [BR_IF, 0]);
  emit([END], [END]); // group loop, its guard block
  emit([END]); // function
  return body;
}

/** The bytes of the kernel module (see the module header). */
export function assembleMinimaModule(): Uint8Array {
  // Parameters 0–4: keys, groups, shingles, count, out (all i32; addresses in bytes).
  const KEYS = 0;
  const GROUPS = 1;
  const SHINGLES = 2;
  const COUNT = 3;
  const OUT = 4;
  // i32 locals 5–7, v128 locals 8–19.
  const END_AT = 5;
  const P = 6;
  const G = 7;
  const A = [8, 9, 10, 11];
  const M = [12, 13, 14, 15];
  const X = 16;
  const T = 17;
  const C1 = 18;
  const C2 = 19;
  const { body, emit } = assembler();
  // c1, c2: mix32's multipliers in every lane.
  emit(i32(0x85ebca6b), I32X4_SPLAT, set(C1), i32(0xc2b2ae35), I32X4_SPLAT, set(C2));
  // end = shingles + 4 · count
  emit(get(COUNT), i32(2), [I32_SHL], get(SHINGLES), [I32_ADD], set(END_AT));
  emit(startGroups({ group: G, groups: GROUPS }));
  for (let v = 0; v < 4; v++) {
    emit(get(KEYS), V128_LOAD, memarg(4, 16 * v), set(A[v]!));
    emit(i32(-1), I32X4_SPLAT, set(M[v]!));
  }
  emit(get(SHINGLES), set(P));
  // if count > 0: loop over shingles
  emit([BLOCK, EMPTY_TYPE], get(COUNT), [I32_EQZ], [BR_IF, 0]);
  emit([LOOP, EMPTY_TYPE]);
  emit(get(P), V128_LOAD32_SPLAT, memarg(2, 0), set(X));
  for (let v = 0; v < 4; v++) {
    emit(get(X), get(A[v]!), V128_XOR, get(C1), I32X4_MUL, tee(T));
    emit(get(T), i32(13), I32X4_SHR_U, V128_XOR, get(C2), I32X4_MUL, tee(T));
    emit(get(T), i32(16), I32X4_SHR_U, V128_XOR, get(M[v]!), I32X4_MIN_U, set(M[v]!));
  }
  emit(get(P), i32(4), [I32_ADD], tee(P), get(END_AT), [I32_LT_U], [BR_IF, 0]);
  emit([END], [END]); // shingle loop, its guard block
  emit(endGroups({ out: OUT, minima: M, next: KEYS, group: G, groups: GROUPS }));

  const locals = [0x02, ...uleb(3), I32, ...uleb(12), V128];
  const func = [...locals, ...body];
  const mins = assembleMins();
  return Uint8Array.from([
    0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00,
    ...section(1, [0x01, 0x60, 0x05, I32, I32, I32, I32, I32, 0x00]),
    ...section(3, [0x02, 0x00, 0x00]),
    ...section(5, [0x01, 0x00, 0x01]),
    ...section(7, [0x03, ...name('fill'), 0x00, 0x00, ...name('mins'), 0x00, 0x01, ...name('memory'), 0x02, 0x00]),
    ...section(10, [0x02, ...uleb(func.length), ...func, ...uleb(mins.length), ...mins]),
  ]);
}

/**
 * The body of `mins(src, count, groups, stride, out)`: for each group of
 * 16 lanes, the lane-wise unsigned minimum of the `count` vectors at `src`,
 * `src + stride`, … (all ones when `count` is 0), stored at `out`; the next
 * group's vectors are 64 bytes further on, in `src` and `out` alike. A
 * window's signature is the minimum of its pieces' signatures, stored
 * `stride` bytes apart.
 */
function assembleMins(): number[] {
  const SRC = 0;
  const COUNT = 1;
  const GROUPS = 2;
  const STRIDE = 3;
  const OUT = 4;
  const P = 5;
  const G = 6;
  const C = 7;
  const M = [8, 9, 10, 11];
  const { body, emit } = assembler();
  emit(startGroups({ group: G, groups: GROUPS }));
  for (let v = 0; v < 4; v++) emit(i32(-1), I32X4_SPLAT, set(M[v]!));
  emit(get(SRC), set(P));
  // if count > 0: loop over the vectors
  emit([BLOCK, EMPTY_TYPE], get(COUNT), [I32_EQZ], [BR_IF, 0]);
  emit(i32(0), set(C));
  emit([LOOP, EMPTY_TYPE]);
  for (let v = 0; v < 4; v++) emit(get(M[v]!), get(P), V128_LOAD, memarg(4, 16 * v), I32X4_MIN_U, set(M[v]!));
  emit(get(P), get(STRIDE), [I32_ADD], set(P));
  emit(get(C), i32(1), [I32_ADD], tee(C), get(COUNT), [I32_LT_U], [BR_IF, 0]);
  emit([END], [END]); // vector loop, its guard block
  emit(endGroups({ out: OUT, minima: M, next: SRC, group: G, groups: GROUPS }));
  return [0x02, ...uleb(3), I32, ...uleb(4), V128, ...body];
}

let compiled: object | null | undefined;

/** The compiled kernel, or `null` when this engine cannot run it. Compiled once per thread. */
function minimaModule(): object | null {
  if (compiled !== undefined) return compiled;
  compiled = null;
  if (wasm === undefined) return compiled;
  const bytes = assembleMinimaModule();
  try {
    if (wasm.validate(bytes)) compiled = new wasm.Module(bytes);
  } catch {
    compiled = null;
  }
  return compiled;
}

/** A signer's kernels over one memory: see {@link createSimdMinima}. */
export interface SimdMinima {
  /** Write `min over x in shingles of mix32(x ^ keys[i])` to `out[offset + i]` for every `i` (`EMPTY_MIN` for an empty set). */
  fill(shingles: Uint32Array, out: Uint32Array, offset: number): void;
  /** `MinHasher.signUnions`, into `out` from `offset` (window after window). */
  unions(shingles: Uint32Array, pieceEnds: Uint32Array, ranges: Uint32Array, out: Uint32Array, offset: number): void;
}

/**
 * The signer's kernels for `keys`, or `null` when WebAssembly SIMD is not
 * available. They keep their own memory; one per signer.
 */
export function createSimdMinima(keys: Uint32Array): SimdMinima | null {
  const module = minimaModule();
  if (module === null || wasm === undefined) return null;
  const instance = new wasm.Instance(module, {});
  const fill = instance.exports['fill'] as (keys: number, groups: number, shingles: number, count: number, out: number) => void;
  const mins = instance.exports['mins'] as (src: number, count: number, groups: number, stride: number, out: number) => void;
  const memory = instance.exports['memory'] as WasmMemory;
  const k = keys.length;
  const groups = Math.ceil(k / GROUP);
  const padded = groups * GROUP;
  // Word addresses: keys [0, padded), minima [padded, 2·padded), shingles after (and, for unions, pieces and windows after them).
  const outWord = padded;
  const shingleWord = 2 * padded;
  let words = new Uint32Array(memory.buffer);
  const ensure = (count: number): void => {
    const needed = 4 * (shingleWord + count);
    if (needed <= memory.buffer.byteLength) return;
    memory.grow(Math.ceil((needed - memory.buffer.byteLength) / PAGE));
    words = new Uint32Array(memory.buffer);
  };
  ensure(0);
  for (let i = 0; i < k; i++) {
    const a = keys[i]!;
    words[i] = a ^ (a >>> 16);
  }
  const putShingles = (shingles: Uint32Array): void => {
    const w = words;
    for (let s = 0; s < shingles.length; s++) {
      const x = shingles[s]!;
      w[shingleWord + s] = x ^ (x >>> 16);
    }
  };
  return {
    fill(shingles, out, offset) {
      const n = shingles.length;
      if (n === 0) {
        out.fill(EMPTY_MIN, offset, offset + k);
        return;
      }
      ensure(n);
      putShingles(shingles);
      fill(0, groups, 4 * shingleWord, n, 4 * outWord);
      const w = words;
      for (let i = 0; i < k; i++) out[offset + i] = w[outWord + i]!;
    },
    unions(shingles, pieceEnds, ranges, out, offset) {
      const pieces = pieceEnds.length;
      const windows = ranges.length >>> 1;
      // Pieces' minima from a 16-byte boundary after the shingles, the windows' after them.
      const pieceWord = shingleWord + 4 * Math.ceil(shingles.length / 4);
      const windowWord = pieceWord + pieces * padded;
      ensure(windowWord + windows * padded - shingleWord);
      putShingles(shingles);
      for (let p = 0, start = 0; p < pieces; p++) {
        const end = pieceEnds[p]!;
        fill(0, groups, 4 * (shingleWord + start), end - start, 4 * (pieceWord + p * padded));
        start = end;
      }
      for (let v = 0; v < windows; v++) {
        const first = ranges[2 * v]!;
        mins(4 * (pieceWord + first * padded), ranges[2 * v + 1]! - first, groups, 4 * padded, 4 * (windowWord + v * padded));
      }
      const w = words;
      for (let v = 0; v < windows; v++) {
        const from = windowWord + v * padded;
        const to = offset + v * k;
        for (let i = 0; i < k; i++) out[to + i] = w[from + i]!;
      }
    },
  };
}
