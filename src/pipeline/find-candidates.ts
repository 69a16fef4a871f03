/**
 * Candidate document pairs: every passage window is shingled and signed with
 * MinHash; LSH banding proposes passage pairs from different documents whose
 * estimated Jaccard is likely above the threshold. Shingles that touch a
 * boilerplate token are left out of a window's set, so windows that share only
 * outlet furniture (footers, sign-up blurbs) do not collide.
 *
 * Banding is a sieve with soft edges: at threshold 0.3 (37 bands × 3 rows) a
 * pair of windows with Jaccard 0.1 still collides in some band with
 * probability ≈ 0.03, and among millions of window pairs that is most of the
 * candidates. So a colliding pair is kept only when its estimated Jaccard is
 * within two standard errors of the threshold ({@link minEstimate}): a pair
 * whose true similarity is at the threshold passes with probability ≈ 0.98.
 * Measured on the 10k synthetic benchmark: 305,922 candidate document pairs
 * before these two rules (34,448 with the first alone), 982 after: exactly the planted pairs. Candidates are
 * not answers: each is verified by alignment afterwards.
 *
 * Signing (`signWindows`) is pure and runs where the sketches are (worker
 * threads in a scan); collecting (`CandidateCollector`) keeps, for every
 * window, the low 16 bits of its signature values (b-bit minwise hashing,
 * Li & König 2010): 256 bytes a window instead of 512 for the values and 296
 * for 37 stored band keys. The estimates are taken from them (two different
 * minima agree in their low bits with probability 2^−16) and so are the band
 * keys, folded when the candidates are asked for.
 */
import { BandingScratch, BucketFigures, chooseBandsRows, DEFAULT_MAX_BUCKET_SIZE, fillBandKeys16, pairSortedBand, PairBuffer, sortFilledBand, type BucketPairing } from '../lsh';
import { InternalError } from '../errors';
import { createMinHasher, createOnePermutationHasher, lowBits, lowBitsAgreement, type MinHasher, type MinHashScheme } from '../minhash';
import type { ResolvedOptions } from '../options';
import { computeShingles, computeUnmarkedShingles, mix32 } from '../shingle';
import { countMarked } from '../text';
import { bytesOf, ScanSpace, type ByteLog } from './byte-log';
import type { PackedArrays } from './packed-arrays';

/** A pair of documents (indexes into the document list, `a < b`) worth aligning. */
export interface CandidateDocumentPair {
  readonly a: number;
  readonly b: number;
  /** Highest estimated Jaccard among the pair's colliding passage windows. */
  readonly estimatedSimilarity: number;
}

/** LSH geometry actually used. */
export interface Banding {
  readonly bands: number;
  readonly rows: number;
}

/** What signing reads of a document (a `DocumentSketch` has it). */
export interface SignableDocument {
  /** uint32 hash of each token. */
  readonly hashes: Uint32Array;
  /** 1 for boilerplate tokens. */
  readonly mask: Uint8Array;
  /** Passage windows as flat token ranges `[start0, end0, …]`. */
  readonly windows: Uint32Array;
}

/** Resolve bands × rows from the options (explicit, or optimised for the threshold). */
export function resolveBanding(options: ResolvedOptions): Banding {
  if (options.bands !== null && options.rows !== null) return { bands: options.bands, rows: options.rows };
  return chooseBandsRows(options.numPerm, options.threshold);
}

/** The signer a scan with these options uses (`minhashScheme`: permutations unless asked otherwise). */
export function createWindowHasher(options: Pick<ResolvedOptions, 'numPerm' | 'seed'> & { readonly minhashScheme?: MinHashScheme }): MinHasher {
  const params = { numPerm: options.numPerm, seed: options.seed };
  return options.minhashScheme === 'one-permutation' ? createOnePermutationHasher(params) : createMinHasher(params);
}

/**
 * Sign a document's windows: one `numPerm`-long signature per window that is
 * less than half boilerplate and keeps at least one shingle clear of it,
 * flat in one array (its length / numPerm windows). Pure.
 *
 * Windows overlap (one starts at every sentence, each spans about 2.5
 * sentences), and a window's shingles are a run of the document's shingles:
 * those starting in `[from, to − shingleSize]`. A MinHash signature of a union
 * is the position-wise minimum of its parts' signatures, so with permutation
 * MinHash the runs are cut at every window edge into pieces, each piece is
 * signed once, and a window's signature is the minimum over its pieces
 * (`MinHasher.signUnions`: vector minima in the WebAssembly kernel): every
 * shingle is hashed `numPerm` times once instead of once per window holding
 * it, and the signatures are exactly those of signing each window whole.
 * (One-permutation signatures are densified per set and do not combine this
 * way; they are cheap enough to sign window by window.)
 */
export function signWindows(doc: SignableDocument, hasher: MinHasher, shingleSize: number): Uint32Array {
  const kept: number[] = [];
  for (let w = 0; w + 1 < doc.windows.length; w += 2) {
    const from = doc.windows[w]!;
    const to = doc.windows[w + 1]!;
    // Windows that are mostly boilerplate fingerprint nothing.
    if (2 * countMarked(doc.mask, from, to) >= to - from) continue;
    kept.push(from, to);
  }
  const combinable = hasher.params.scheme === 'permutations';
  const pieces = combinable ? cutPieces(doc, kept, shingleSize) : null;
  // Windows signed as unions of pieces: their piece ranges, and the slot of each in the result.
  const ranges: number[] = [];
  const unionSlots: number[] = [];
  const direct: { readonly slot: number; readonly shingles: Uint32Array }[] = [];
  let slots = 0;
  for (let w = 0; w < kept.length; w += 2) {
    const from = kept[w]!;
    const to = kept[w + 1]!;
    if (pieces !== null && to - from >= shingleSize) {
      const first = pieces.pieceOf(from);
      const last = pieces.pieceOf(to - shingleSize + 1);
      if (pieces.startOf(first) === pieces.startOf(last)) continue; // no shingle clear of boilerplate
      ranges.push(first, last);
      unionSlots.push(slots++);
      continue;
    }
    const shingles = computeUnmarkedShingles(doc.hashes, from, to, shingleSize, doc.mask);
    if (shingles.length > 0) direct.push({ slot: slots++, shingles });
  }
  const block = hasher.createBlock(slots);
  const k = hasher.params.numPerm;
  if (pieces !== null && ranges.length > 0) {
    // Straight into the result unless short windows signed whole sit between them.
    const unions = direct.length === 0 ? block : hasher.createBlock(unionSlots.length);
    hasher.signUnions(unions, pieces.shingles, pieces.ends, Uint32Array.from(ranges));
    if (unions !== block) unionSlots.forEach((slot, u) => block.values.set(unions.values.subarray(u * k, (u + 1) * k), slot * k));
  }
  for (const { slot, shingles } of direct) hasher.signInto(block, slot, shingles);
  return block.values;
}

/**
 * The document's unmarked shingles cut at every window edge into pieces
 * (end to end in `shingles`, piece `p` ending at `ends[p]`):
 * `pieceOf(edge)` is the piece starting at a window edge, so window
 * `[from, to)` (at least `shingleSize` tokens) is the union of pieces
 * `[pieceOf(from), pieceOf(to − shingleSize + 1))`, whose shingles are
 * `shingles[startOf(first), startOf(last))`.
 */
function cutPieces(
  doc: SignableDocument,
  windows: readonly number[],
  shingleSize: number,
): { readonly shingles: Uint32Array; readonly ends: Uint32Array; pieceOf(edge: number): number; startOf(piece: number): number } {
  const n = doc.hashes.length;
  const all = computeShingles(doc.hashes, 0, n, shingleSize);
  // clear[t] = 1 when shingle t (tokens [t, t + size)) touches no marked token.
  const clear = new Uint8Array(all.length);
  let nextMarked = n;
  for (let t = n - 1; t >= 0; t--) {
    if (doc.mask[t] === 1) nextMarked = t;
    if (t < all.length) clear[t] = nextMarked >= t + shingleSize ? 1 : 0;
  }
  // Window [from, to) holds shingles [from, to − size + 1); cut at every such edge.
  const edgeSet = new Set<number>();
  for (let w = 0; w < windows.length; w += 2) {
    if (windows[w + 1]! - windows[w]! < shingleSize) continue;
    edgeSet.add(windows[w]!);
    edgeSet.add(windows[w + 1]! - shingleSize + 1);
  }
  const edges = Int32Array.from(edgeSet).sort();
  const shingles = new Uint32Array(all.length);
  const ends = new Uint32Array(Math.max(0, edges.length - 1));
  let m = 0;
  for (let p = 0; p + 1 < edges.length; p++) {
    for (let t = edges[p]!; t < edges[p + 1]!; t++) if (clear[t] === 1) shingles[m++] = all[t]!;
    ends[p] = m;
  }
  return {
    shingles: shingles.subarray(0, m),
    ends,
    pieceOf(edge) {
      let lo = 0;
      let hi = edges.length - 1;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (edges[mid]! < edge) lo = mid + 1;
        else hi = mid;
      }
      return lo;
    },
    startOf: (piece) => (piece === 0 ? 0 : ends[piece - 1]!),
  };
}

/**
 * The band rows of windows' signatures, band by band: band `j`'s `rows`
 * values of every window in window order, then band `j + 1`'s (what each
 * band's log of a {@link CandidateCollector} holds). `values` holds
 * `numPerm` values a window. Pure.
 */
export function bandMajorRows(values: Uint16Array, numPerm: number, { bands, rows }: Banding): Uint16Array {
  const count = Math.floor(values.length / numPerm);
  const out = new Uint16Array(bands * count * rows);
  let to = 0;
  for (let j = 0; j < bands; j++) {
    for (let w = 0; w < count; w++) for (let r = w * numPerm + j * rows, end = r + rows; r < end; r++) out[to++] = values[r]!;
  }
  return out;
}

/**
 * Collects signed windows document by document and yields candidate document
 * pairs. It keeps 16 bits of every signature value (256 bytes a window at
 * 128 values) in two logs of a {@link ScanSpace} (in memory, or files of a
 * scan's temporary folder): by window, for the estimates, and by band (the
 * band's rows of every window, in window order), from which the band keys
 * are folded when the candidates are asked for, one band at a time. Two
 * windows share a bucket when their band's values agree in their low 16 bits
 * (48 bits for 3 rows: unrelated windows meet by chance with probability
 * 2^−48, and the estimate that follows checks every pair anyway). In memory
 * it keeps the owner of each window (4 bytes) and a bounded cache of
 * signatures read back for the estimates ({@link SignatureReader}).
 */
export class CandidateCollector {
  private readonly numPerm: number;
  readonly banding: Banding;
  private readonly signatures: ByteLog;
  private readonly bandRows: ByteLog[];
  private owner: Uint32Array;
  private windows = 0;

  /**
   * @param expectedWindows - how many windows will be added, if known (storage is then allocated once).
   * @param space - where the signatures are kept (default: in memory).
   * @param readCacheBytes - signatures kept cached when read back for the estimates (tests make it small).
   * @param maxBucketSize - buckets with more windows than this are skipped (tests make it small).
   */
  constructor(
    options: ResolvedOptions,
    banding: Banding,
    expectedWindows = 16,
    space: ScanSpace = ScanSpace.inMemory(),
    private readonly readCacheBytes = READ_CACHE_BYTES,
    private readonly maxBucketSize = DEFAULT_MAX_BUCKET_SIZE,
  ) {
    this.numPerm = options.numPerm;
    this.banding = banding;
    this.owner = new Uint32Array(Math.max(1, expectedWindows));
    this.signatures = space.log('signatures');
    this.bandRows = Array.from({ length: banding.bands }, (_, j) => space.log(`band-${j}`));
  }

  /** Add document `doc`'s window signatures (as {@link signWindows} returns them). */
  add(doc: number, signatures: Uint32Array): void {
    const low = lowBits(signatures);
    this.addSigned(doc, { values: low, ends: Uint32Array.of(low.length) }, bandMajorRows(low, this.numPerm, this.banding));
  }

  /**
   * Add documents `first`, `first + 1`, …: the low 16 bits of each one's
   * window signatures (`lowBits` of what {@link signWindows} returns), and
   * the band rows of all of them ({@link bandMajorRows}), as a scan's sign
   * batch gives them.
   */
  addSigned(first: number, low: PackedArrays<Uint16Array>, bandRows: Uint16Array): void {
    const k = this.numPerm;
    const { bands, rows } = this.banding;
    const count = Math.floor(low.values.length / k);
    if (count * k !== low.values.length) throw new InternalError(`CandidateCollector: ${low.values.length} values are not whole signatures of ${k}`);
    if (bandRows.length !== count * bands * rows) throw new InternalError(`CandidateCollector: ${bandRows.length} band rows for ${count} windows`);
    this.reserve(this.windows + count);
    let from = this.windows;
    low.ends.forEach((end, d) => {
      const to = this.windows + end / k;
      this.owner.fill(first + d, from, to);
      from = to;
    });
    this.signatures.append(bytesOf(low.values));
    const perBand = count * rows;
    this.bandRows.forEach((log, j) => log.append(bytesOf(bandRows.subarray(j * perBand, (j + 1) * perBand))));
    this.windows += count;
  }

  /**
   * Candidate pairs, sorted by (a, b), each with its best window estimate at
   * or above {@link minEstimate}. `onBand(done)` is told as each band is
   * done; the event loop runs between bands and within them, every
   * {@link PAIRS_BETWEEN_YIELDS} pairs (a large dump's bands take seconds
   * each: an interrupt must not wait for all of them, nor threads aligning
   * for their next tasks).
   * `onFound(a, b, estimate)` is told of each pair in the band it first
   * reaches the floor in (its estimate may still rise in a later band), so
   * its alignment can start while the other bands are sorted.
   */
  async candidates(threshold: number, onBand?: (done: number) => void, onFound?: (a: number, b: number, estimate: number) => void): Promise<CandidateDocumentPair[]> {
    const k = this.numPerm;
    const floor = minEstimate(threshold, k);
    const best = new BestByPair();
    const { bands, rows } = this.banding;
    const count = this.windows;
    const groups = this.owner.subarray(0, count);
    const reader = new SignatureReader(this.signatures, k, this.readCacheBytes);
    // One band at a time, so only that band's colliding pairs are held; a
    // pair colliding in several bands is estimated in the first band only
    // (the same estimate each time: a copy's windows meet in most bands, and
    // on the 10k benchmark, 365,120 of 489,824 estimates).
    // The band's values, sort buffers and pair list are allocated once for
    // all bands: tens of millions of windows make them hundreds of megabytes,
    // which the collector would otherwise see afresh for every band.
    const scratch = new BandingScratch(count);
    const pairs = new PairBuffer();
    const values = new Uint16Array(count * rows);
    const valueBytes = bytesOf(values);
    // Windows that sat in a bucket too large to pair all with all, in a band done.
    const skipped = new Uint8Array(count);
    const bucketing: BucketPairing = {
      count,
      items: null,
      groups,
      maxBucketSize: this.maxBucketSize,
      // A story hundreds of outlets carry fills such buckets: its first window (of the first
      // document in id order) is paired with every other document's, so each is a candidate.
      oversized: 'pair-with-first',
      onSkippedBucket: (entries, from, to) => {
        for (let x = from; x < to; x++) skipped[entries[x]!] = 1;
      },
    };
    const figures = new BucketFigures(count);
    for (let j = 0; j < bands; j++) {
      const log = this.bandRows[j]!;
      if (log.size !== valueBytes.length) throw new InternalError(`CandidateCollector: band ${j} holds ${log.size} bytes, ${valueBytes.length} expected`);
      log.readInto(0, log.size, valueBytes, 0);
      pairs.clear();
      // bandPairsInto's steps, with the event loop run between them (see PAIRS_BETWEEN_YIELDS).
      fillBandKeys16(values, count, rows, scratch.keys1, scratch.keys2);
      await yieldToEventLoop();
      sortFilledBand(count, scratch);
      await yieldToEventLoop();
      pairSortedBand(bucketing, scratch, pairs, figures);
      const owner = this.owner;
      const visit = (a: number, b: number): void => {
        const atA = reader.offsetOf(a);
        const atB = reader.offsetOf(b);
        // A pair whose rows agree in a band done met there and was estimated
        // then (unless that band skipped its bucket): the same estimate.
        if (j > 0 && skipped[a] === 0 && skipped[b] === 0 && reader.agreeInBandBefore(atA, atB, j, rows)) return;
        const est = reader.agreement(atA, atB);
        if (est < floor) return;
        const da = owner[a]!;
        const db = owner[b]!;
        const lo = da < db ? da : db;
        const hi = da < db ? db : da;
        if (best.raise(lo, hi, est)) onFound?.(lo, hi, est);
      };
      await yieldToEventLoop();
      const colliding = pairs.sort();
      for (let p = 0; p < colliding; ) {
        p = pairs.forEachCountedFrom(colliding, p, p + PAIRS_BETWEEN_YIELDS, visit);
        await yieldToEventLoop();
      }
      onBand?.(j + 1);
    }
    return best.pairs();
  }

  private reserve(windows: number): void {
    if (windows <= this.owner.length) return;
    let size = this.owner.length;
    while (size < windows) size *= 2;
    const owner = new Uint32Array(size);
    owner.set(this.owner);
    this.owner = owner;
  }
}

/**
 * The best estimate seen for each document pair, in an open-addressing table
 * of typed arrays. A band of a large dump has millions of colliding window
 * pairs; a `Map` keyed by `a · n + b` boxed a number for every lookup once
 * keys passed 2^30, hundreds of megabytes of garbage a band. This allocates
 * only when it grows.
 */
class BestByPair {
  /** `a + 1` of the pair in each slot; 0 marks an empty slot. */
  private firsts = new Uint32Array(16);
  private seconds = new Uint32Array(16);
  private estimates = new Float64Array(16);
  private size = 0;

  /** Keep `estimate` for the pair `(a, b)`, `a < b`, if it beats the one kept; true when the pair is new. */
  raise(a: number, b: number, estimate: number): boolean {
    const mask = this.firsts.length - 1;
    for (let slot = hashPair(a, b) & mask; ; slot = (slot + 1) & mask) {
      const first = this.firsts[slot]!;
      if (first === 0) {
        this.firsts[slot] = a + 1;
        this.seconds[slot] = b;
        this.estimates[slot] = estimate;
        if (++this.size * 2 > this.firsts.length) this.grow();
        return true;
      }
      if (first === a + 1 && this.seconds[slot] === b) {
        if (estimate > this.estimates[slot]!) this.estimates[slot] = estimate;
        return false;
      }
    }
  }

  /** The pairs kept, sorted by (a, b). */
  pairs(): CandidateDocumentPair[] {
    const out: CandidateDocumentPair[] = [];
    for (let slot = 0; slot < this.firsts.length; slot++) {
      const first = this.firsts[slot]!;
      if (first !== 0) out.push({ a: first - 1, b: this.seconds[slot]!, estimatedSimilarity: this.estimates[slot]! });
    }
    return out.sort((p, q) => p.a - q.a || p.b - q.b);
  }

  private grow(): void {
    const { firsts, seconds, estimates } = this;
    this.firsts = new Uint32Array(firsts.length * 2);
    this.seconds = new Uint32Array(firsts.length * 2);
    this.estimates = new Float64Array(firsts.length * 2);
    this.size = 0;
    for (let slot = 0; slot < firsts.length; slot++) {
      if (firsts[slot] !== 0) this.raise(firsts[slot]! - 1, seconds[slot]!, estimates[slot]!);
    }
  }
}

/** A 32-bit mix of a pair of 32-bit numbers, for table slots. */
function hashPair(a: number, b: number): number {
  return mix32(Math.imul(a, 0x9e3779b1) ^ b);
}

/**
 * Colliding window pairs of a band estimated between two turns of the event
 * loop, which also runs between the band's other steps (its keys, its sort,
 * its buckets): 16,384 take tens of milliseconds (reads of signatures
 * included), so threads aligning meanwhile are not kept waiting for their
 * next tasks for a whole band (hundreds of milliseconds at 100k articles,
 * seconds at 1M).
 */
const PAIRS_BETWEEN_YIELDS = 1 << 14;

function yieldToEventLoop(): Promise<void> {
  return new Promise<void>((next) => setImmediate(next));
}

/** Windows per block the {@link SignatureReader} reads and caches. */
const READ_BLOCK_WINDOWS = 16;
/**
 * Bytes of signatures the {@link SignatureReader} keeps cached by default.
 * One side of an estimate is almost always cached; the other is random, so a
 * larger cache buys little once the signatures outgrow it: at 100k articles
 * (490 MB of signatures) 64 MB instead of 256 MB made the scan 150 MB smaller
 * and no slower (35.8–39.8 s against 38.7–41.8 s, reports identical); at 10k
 * all of them fit either way.
 */
const READ_CACHE_BYTES = 64 * 1024 * 1024;

/**
 * 16-bit window signatures read back from a log for the estimates, a block
 * of {@link READ_BLOCK_WINDOWS} windows at a time, into one slab of at most
 * a budget's size ({@link READ_CACHE_BYTES} by default; the signatures'
 * size when smaller), the block least recently used giving its slot up when
 * the slab is full. One allocation, freed whole: thousands of small blocks
 * would leave the process's memory fragmented after the phase. Candidate
 * pairs come sorted by their first window, so one side of each estimate is
 * almost always cached; the other is random.
 */
class SignatureReader {
  private readonly slab: Uint16Array;
  private readonly slabBytes: Uint8Array;
  private readonly capacity: number;
  private readonly blockBytes: number;
  /** Slot holding each block, −1 when it is not cached. */
  private readonly slotOfBlock: Int32Array;
  /** Block in each slot. */
  private readonly blockOfSlot: Int32Array;
  /** The slots in a ring by last use: `older[s]` and `newer[s]`; {@link newest} was used last. */
  private readonly older: Int32Array;
  private readonly newer: Int32Array;
  private newest = -1;
  private used = 0;

  constructor(
    private readonly log: ByteLog,
    private readonly numPerm: number,
    cacheBytes: number,
  ) {
    this.blockBytes = READ_BLOCK_WINDOWS * numPerm * 2;
    const blocks = Math.ceil(log.size / this.blockBytes);
    this.capacity = Math.max(2, Math.min(blocks, Math.floor(cacheBytes / this.blockBytes)));
    this.slab = new Uint16Array((this.capacity * this.blockBytes) / 2);
    this.slabBytes = bytesOf(this.slab);
    this.slotOfBlock = new Int32Array(blocks).fill(-1);
    this.blockOfSlot = new Int32Array(this.capacity);
    this.older = new Int32Array(this.capacity);
    this.newer = new Int32Array(this.capacity);
  }

  /** The estimated Jaccard of two windows, at slab offsets `atA` and `atB` ({@link offsetOf}). */
  agreement(atA: number, atB: number): number {
    return lowBitsAgreement(this.slab, atA, this.slab, atB, this.numPerm);
  }

  /**
   * Whether the windows at slab offsets `atA` and `atB` agree in every row of
   * some band before `band` (band `j` is values `[j · rows, (j + 1) · rows)`):
   * then they shared its bucket, whose key is a function of those values.
   */
  agreeInBandBefore(atA: number, atB: number, band: number, rows: number): boolean {
    const slab = this.slab;
    for (let j = 0, r = 0; j < band; j++) {
      const end = r + rows;
      while (r < end && slab[atA + r] === slab[atB + r]) r++;
      if (r === end) return true;
      r = end;
    }
    return false;
  }

  /**
   * Where window `w`'s signature is in the slab (read in if it is not
   * cached; the slot used last is never the one given up, so the offset of
   * the window asked for just before stays good: a pair's two offsets may be
   * taken one after the other and used together).
   */
  offsetOf(w: number): number {
    const k = this.numPerm;
    return this.slotOf(Math.floor(w / READ_BLOCK_WINDOWS)) * READ_BLOCK_WINDOWS * k + (w % READ_BLOCK_WINDOWS) * k;
  }

  /**
   * The slot holding block `index`, read into the slab (over the least
   * recently used slot when the slab is full) if it is not there. The
   * bookkeeping is typed arrays: millions of lookups a band allocate nothing
   * (a `Map` kept in use order left tables to collect as it rehashed).
   */
  private slotOf(index: number): number {
    let slot = this.slotOfBlock[index]!;
    if (slot >= 0) {
      if (slot !== this.newest) {
        this.unlink(slot);
        this.linkNewest(slot);
      }
      return slot;
    }
    if (this.used < this.capacity) {
      slot = this.used++;
    } else {
      slot = this.newer[this.newest]!; // the oldest, next round the ring from the newest
      this.slotOfBlock[this.blockOfSlot[slot]!] = -1;
      this.unlink(slot);
    }
    const start = index * this.blockBytes;
    this.log.readInto(start, Math.min(this.blockBytes, this.log.size - start), this.slabBytes, slot * this.blockBytes);
    this.slotOfBlock[index] = slot;
    this.blockOfSlot[slot] = index;
    this.linkNewest(slot);
    return slot;
  }

  /** Take `slot` out of the ring (which keeps at least one other slot). */
  private unlink(slot: number): void {
    const o = this.older[slot]!;
    const n = this.newer[slot]!;
    if (o === slot) {
      this.newest = -1;
      return;
    }
    this.newer[o] = n;
    this.older[n] = o;
    if (this.newest === slot) this.newest = o;
  }

  /** Put `slot` into the ring as the one used last. */
  private linkNewest(slot: number): void {
    if (this.newest < 0) {
      this.older[slot] = slot;
      this.newer[slot] = slot;
    } else {
      const oldest = this.newer[this.newest]!;
      this.older[slot] = this.newest;
      this.newer[slot] = oldest;
      this.newer[this.newest] = slot;
      this.older[oldest] = slot;
    }
    this.newest = slot;
  }
}

/** Sign every document and return candidate document pairs, sorted by (a, b). */
export function findCandidates(
  docs: readonly SignableDocument[],
  options: ResolvedOptions,
  banding: Banding,
  onProgress?: (documentsSigned: number) => void,
): Promise<CandidateDocumentPair[]> {
  const hasher = createWindowHasher(options);
  const collector = new CandidateCollector(options, banding);
  docs.forEach((doc, d) => {
    onProgress?.(d);
    collector.add(d, signWindows(doc, hasher, options.shingleSize));
  });
  return collector.candidates(options.threshold);
}

/**
 * Lowest estimated Jaccard a colliding pair of windows may have and still be
 * aligned: the threshold less two standard errors of a MinHash estimate at
 * the threshold, `t − 2·sqrt(t(1 − t)/numPerm)` (0.219 at 0.3 and 128).
 */
export function minEstimate(threshold: number, numPerm: number): number {
  return threshold - 2 * Math.sqrt((threshold * (1 - threshold)) / numPerm);
}
