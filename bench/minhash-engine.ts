/**
 * Micro-benchmark: reprint's MinHash engine against the `minhash` npm package
 * (0.0.9) on the same shingle sets, for speed and for accuracy against the
 * exact Jaccard. Not run by `npm test`; call {@link benchMinhashEngine}.
 *
 * What the package does slowly (read in node_modules/minhash/src/minhash.js):
 * - `update(str)` (lines 39–48) loops over the permutations and evaluates
 *   `(a * this.hash(str) + b) % this.prime` inside the loop, so the string hash
 *   (a Java-style `hash * 31 + charCode` over every UTF-16 unit) is recomputed
 *   `numPerm` times per shingle: O(numPerm × length) instead of O(length + numPerm).
 * - `a * hash` reaches ~2^65 (a < 2^32, hash < 2^33 after `+ maxHash`) in doubles,
 *   beyond 2^53, so low bits are rounded away before `% prime`.
 * - Every `new Minhash()` redraws its 2 × numPerm coefficients with `Math.sin`
 *   and a `used` object (lines 23–36), despite the comment saying they are
 *   shared; signatures are plain `number[]`.
 * And in src/lsh.js, `LshIndex.query` (line 29) reads
 * `this.index[band].length` without checking the band exists, so querying a
 * signature with any band never inserted throws a TypeError
 * ("Cannot read properties of undefined (reading 'length')").
 *
 * Method: a seeded synthetic corpus (Zipf-like word frequencies); half the
 * documents are edited copies of the other half, to give pairs with known
 * overlap. Tokenisation is outside the timings for both: reprint starts from
 * token hashes (`computeShingles` + `sign`), the package from prebuilt shingle
 * strings (`new Minhash` + `update` per shingle) — the way each is meant to be
 * fed. MB/s is corpus text bytes (ASCII words + spaces) per second.
 */

import { Minhash } from 'minhash';
import { createMinHasher } from '../src/minhash/create-min-hasher';
import { estimateJaccard } from '../src/minhash/estimate-jaccard';
import type { Signature } from '../src/minhash/signature';
import { computeShingles, countShingles } from '../src/shingle/compute-shingles';
import { exactJaccard } from '../src/shingle/exact-jaccard';
import { hashString32 } from '../src/shingle/hash';

/** What {@link benchMinhashEngine} measures. */
export interface MinhashEngineFigures {
  /** Text bytes signed per second by reprint's engine, in MB/s (10^6 bytes). */
  readonly oursMBps: number;
  /** The same for the `minhash` package. */
  readonly packageMBps: number;
  /** `oursMBps / packageMBps`. */
  readonly ratio: number;
  /** Corpus size in bytes and shingles. */
  readonly bytes: number;
  readonly shingles: number;
  /** Mean |estimate − exact Jaccard| over the edited-copy pairs, per engine. */
  readonly oursMeanAbsError: number;
  readonly packageMeanAbsError: number;
}

const SHINGLE_SIZE = 5;
const VOCABULARY = 20_000;

/**
 * Build a synthetic corpus of `docs` documents of `wordsPerDoc` words, sign it
 * with both engines at `numPerm` permutations, and report speed and accuracy.
 */
export async function benchMinhashEngine(opts: {
  readonly docs: number;
  readonly wordsPerDoc: number;
  readonly numPerm: number;
}): Promise<MinhashEngineFigures> {
  const { docs, wordsPerDoc, numPerm } = opts;
  const random = xorshift32(0x2545f491);
  const vocabulary = Array.from({ length: VOCABULARY }, () => randomWord(random));

  // Documents as word indices; odd documents are copies of the previous one with a
  // growing share of words replaced (0–60 %).
  const corpus: Uint32Array[] = [];
  for (let d = 0; d < docs; d++) {
    const words = new Uint32Array(wordsPerDoc);
    const original = corpus[d - 1];
    const replaced = 0.6 * ((d >> 1) / Math.max(1, docs >> 1));
    for (let w = 0; w < wordsPerDoc; w++) {
      words[w] = d % 2 === 1 && original !== undefined && random() / 2 ** 32 >= replaced ? original[w]! : zipf(random);
    }
    corpus.push(words);
  }

  const tokenHashes = corpus.map((doc) => Uint32Array.from(doc, (w) => hashString32(vocabulary[w]!)));
  const shingleStrings = corpus.map((doc) => {
    const out: string[] = [];
    for (let i = 0; i + SHINGLE_SIZE <= doc.length; i++) {
      out.push(Array.from(doc.subarray(i, i + SHINGLE_SIZE), (w) => vocabulary[w]!).join(' '));
    }
    return out;
  });
  let bytes = 0;
  for (const doc of corpus) for (const w of doc) bytes += vocabulary[w]!.length + 1;
  const shingles = corpus.reduce((n, doc) => n + countShingles(doc.length, SHINGLE_SIZE), 0);

  const hasher = createMinHasher({ numPerm, seed: 1 });
  const buffer = new Uint32Array(countShingles(wordsPerDoc, SHINGLE_SIZE));
  const signOurs = (i: number): Signature =>
    hasher.sign(computeShingles(tokenHashes[i]!, 0, tokenHashes[i]!.length, SHINGLE_SIZE, buffer));
  const signPackage = (i: number): Minhash => {
    const m = new Minhash({ numPerm, seed: 1 });
    for (const s of shingleStrings[i]!) m.update(s);
    return m;
  };

  // Warm up both (JIT), then time one full pass each.
  for (let i = 0; i < Math.min(docs, 20); i++) {
    signOurs(i);
    signPackage(i);
  }
  let start = process.hrtime.bigint();
  const ours = corpus.map((_, i) => signOurs(i));
  const oursSeconds = Number(process.hrtime.bigint() - start) / 1e9;
  start = process.hrtime.bigint();
  const theirs = corpus.map((_, i) => signPackage(i));
  const packageSeconds = Number(process.hrtime.bigint() - start) / 1e9;

  // Accuracy over the (original, edited copy) pairs.
  let oursError = 0;
  let packageError = 0;
  let pairs = 0;
  for (let d = 1; d < docs; d += 2) {
    const exact = exactJaccard(
      computeShingles(tokenHashes[d - 1]!, 0, wordsPerDoc, SHINGLE_SIZE),
      computeShingles(tokenHashes[d]!, 0, wordsPerDoc, SHINGLE_SIZE),
    );
    oursError += Math.abs(estimateJaccard(ours[d - 1]!, ours[d]!) - exact);
    packageError += Math.abs(theirs[d - 1]!.jaccard(theirs[d]!) - exact);
    pairs++;
  }

  const oursMBps = bytes / 1e6 / oursSeconds;
  const packageMBps = bytes / 1e6 / packageSeconds;
  return {
    oursMBps,
    packageMBps,
    ratio: oursMBps / packageMBps,
    bytes,
    shingles,
    oursMeanAbsError: pairs === 0 ? 0 : oursError / pairs,
    packageMeanAbsError: pairs === 0 ? 0 : packageError / pairs,
  };
}

/** Marsaglia's xorshift32: a seeded uint32 stream. */
function xorshift32(seed: number): () => number {
  let x = seed >>> 0 || 1;
  return () => {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    x >>>= 0;
    return x;
  };
}

/** A word index with Zipf-like frequencies: log-uniform rank, P(rank < k) = ln(k + 1) / ln(V). */
function zipf(random: () => number): number {
  const u = random() / 2 ** 32;
  return Math.min(VOCABULARY - 1, Math.floor(Math.pow(VOCABULARY, u)) - 1);
}

/** A lowercase ASCII word of 2–10 letters. */
function randomWord(random: () => number): string {
  const length = 2 + (random() % 9);
  let word = '';
  for (let i = 0; i < length; i++) word += String.fromCharCode(97 + (random() % 26));
  return word;
}
