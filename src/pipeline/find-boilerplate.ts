/**
 * Collection-level boilerplate: word k-grams (k = the anchor size) that recur
 * across articles for reasons other than copying.
 *
 * - Per outlet: found in at least `OUTLET_MIN_DOCS` articles of one outlet and
 *   in at least half of that outlet's articles (footers, sign-up blurbs,
 *   bylines, navigation). Same-outlet pairs are not reported by default, so
 *   this is about keeping an outlet's furniture out of its pairs with others.
 * - Everywhere: found in at least `boilerplateMinDocs` articles and at least
 *   `boilerplateShare` of all articles (stock phrases, site-wide templates).
 * The blocked k-grams are marked on each document's boilerplate token mask
 * ({@link markBlockedTokens}): an outlet's wherever they are, the others only
 * in runs shorter than a passage window, unless most of the articles holding
 * them have no known outlet. Text as long as a passage in 5% of a collection
 * is a story many outlets carry (a wire story in a folder of articles on one
 * event), not a stock phrase; blocked, it was never reported.
 */
import { InternalError } from '../errors';
import type { ResolvedOptions } from '../options';
import { computeShingles } from '../shingle';
import { markBlockedGrams, markShortRuns, type BlockedGrams } from '../text';
import { FrequentKeys, GramCounter } from './gram-counter';

export type { BlockedGrams };

/** Fewest articles of one outlet a k-gram must recur in to be that outlet's boilerplate. */
export const OUTLET_MIN_DOCS = 3;
/** Share of one outlet's articles a k-gram must recur in to be its boilerplate. */
export const OUTLET_SHARE = 0.5;

/** {@link BlockedGrams} as a set and a map, to look k-grams up in. */
export interface BlockedGramSets {
  readonly always: ReadonlySet<number>;
  /** Each k-gram blocked everywhere, with the number of articles it is in. */
  readonly everywhere: ReadonlyMap<number, number>;
  /** Each k-gram near the bar (see `BlockedGrams.near`), with the number of articles it is in. */
  readonly near: ReadonlyMap<number, number>;
}

/** No k-gram blocked (before they are counted, or with boilerplate handling off). */
export const NO_BLOCKED_GRAMS: BlockedGrams = Object.freeze({
  always: new Uint32Array(0),
  everywhere: new Uint32Array(0),
  everywhereCounts: new Uint32Array(0),
  near: new Uint32Array(0),
  nearCounts: new Uint32Array(0),
});

/** The set and map of `blocked`. */
export function blockedGramSets(blocked: BlockedGrams): BlockedGramSets {
  return { always: new Set(blocked.always), everywhere: countsOf(blocked.everywhere, blocked.everywhereCounts), near: countsOf(blocked.near, blocked.nearCounts) };
}

/** `grams[i]` → `counts[i]`. */
function countsOf(grams: Uint32Array, counts: Uint32Array): Map<number, number> {
  return new Map(Array.from(grams, (h, i) => [h, counts[i]!]));
}

/**
 * Share of the collection bar (`max(boilerplateMinDocs, boilerplateShare ·
 * documents)`) from which a k-gram mostly of known outlets is near it:
 * counted, not blocked, and able to keep a run of blocked k-grams whole.
 */
export const NEAR_SHARE = 0.5;

/** Counters kept by the first pass over the collection's k-grams (see {@link BoilerplateCounter}). */
const FREQUENT_CAPACITY = 1 << 17;
/**
 * Counters of the first pass over one outlet's k-grams: enough for the
 * guarantee to cover half of an outlet's articles while they average under
 * 2,048 distinct k-grams (a 2,000-word article).
 */
const OUTLET_CAPACITY = 1 << 12;

/**
 * Counts k-gram document frequencies, overall and per outlet, one document at
 * a time, then names the blocked k-grams. Exact, in memory that does not grow
 * with the number of distinct k-grams (2.3 million in 10,000 articles, most of
 * them in one article only):
 *
 * - Overall: a k-gram is blocked only when it is in `max(boilerplateMinDocs,
 *   boilerplateShare · documents)` documents, and counted only from
 *   {@link NEAR_SHARE} of that, so it is among the frequent items a
 *   Misra–Gries summary of {@link FREQUENT_CAPACITY} counters keeps (Misra &
 *   Gries 1982: every item more frequent than `occurrences / (capacity + 1)`
 *   survives); its exact count is then taken in a second pass over the
 *   documents' k-grams. When the guarantee does not cover the
 *   threshold (documents with very many k-grams, a tiny share), the second
 *   pass counts every k-gram instead.
 * - Per outlet: when the collection's summary undercounts by less than the
 *   outlet's threshold, the outlet's furniture is among the summary's keys,
 *   and the outlet is counted exactly in the collection's second pass (one
 *   read of its documents' k-grams for both). Otherwise, the same two passes
 *   over the outlet's documents, one outlet at a time, with
 *   {@link OUTLET_CAPACITY} counters (a k-gram in half of an outlet's
 *   articles is frequent among its k-grams); an outlet that guarantee does
 *   not cover is counted whole. A 20,000-article outlet's vocabulary would
 *   otherwise take a 150 MB table.
 *
 * The counter keeps each document's distinct k-grams (in memory: the arrays
 * given to {@link add}, not copies; or in a scan's spool) until {@link blocked}.
 */
export class BoilerplateCounter {
  private readonly frequent: FrequentKeys;
  private readonly outletOf: (string | null)[] = [];
  private occurrences = 0;

  /**
   * @param capacity - counters of the frequent-items pass (tests make it small).
   * @param documents - where each document's k-grams are kept for the second
   *   pass (a scan of a large dump gives a spool file; default: in memory).
   * @param outletCapacity - counters of an outlet's frequent-items pass (tests make it small).
   */
  constructor(
    private readonly capacity = FREQUENT_CAPACITY,
    private readonly documents: GramSets = new GramSetsInMemory(),
    private readonly outletCapacity = OUTLET_CAPACITY,
  ) {
    this.frequent = new FrequentKeys(capacity);
  }

  /** Count one document's distinct k-gram hashes (`distinctSorted` of its grams). */
  add(distinct: Uint32Array, outlet: string | null): void {
    this.documents.add(distinct);
    this.outletOf.push(outlet);
    this.occurrences += distinct.length;
    for (const h of distinct) this.frequent.add(h);
  }

  /** The blocked k-grams of everything counted (none when boilerplate handling is off). */
  blocked(options: Pick<ResolvedOptions, 'boilerplate' | 'boilerplateShare' | 'boilerplateMinDocs'>): BlockedGrams {
    const always = new Set<number>();
    const everywhere = new Map<number, number>();
    const near = new Map<number, number>();
    const docs = this.documents.count;
    if (!options.boilerplate || docs < OUTLET_MIN_DOCS) return NO_BLOCKED_GRAMS;
    const globalMin = Math.max(options.boilerplateMinDocs, Math.ceil(options.boilerplateShare * docs));
    // Everything from half the bar up is counted: the k-grams near it keep runs whole (see `markShortRuns`).
    const nearMin = Math.max(2, Math.ceil(NEAR_SHARE * globalMin));
    const inOutlet = (h: number): void => {
      always.add(h);
    };
    /** A k-gram in `count` (at least `nearMin`) articles, `known` of them of a known outlet. */
    const inMany = (h: number, count: number, known: number): void => {
      if (2 * known < count) {
        if (count >= globalMin) always.add(h);
      } else {
        (count >= globalMin ? everywhere : near).set(h, count);
      }
    };
    const outlets = this.byOutlet();
    const outletMinOf = (members: readonly number[]): number => Math.max(OUTLET_MIN_DOCS, Math.ceil(OUTLET_SHARE * members.length));
    const undercount = this.occurrences / (this.capacity + 1);
    if (undercount < nearMin) {
      // The summary holds every k-gram that occurs more than `undercount` times, so also each outlet's furniture when its threshold is above that.
      const covered: number[][] = [];
      const own: number[][] = [];
      for (const members of outlets.values()) {
        if (members.length >= OUTLET_MIN_DOCS) (outletMinOf(members) > undercount ? covered : own).push(members);
      }
      this.countCovered(covered, outletMinOf, nearMin, inOutlet, inMany);
      for (const members of own) this.countOutlet(members, outletMinOf(members), inOutlet);
    } else {
      const everyone = Array.from({ length: docs }, (_, d) => d);
      this.countAtLeast(everyone, this.frequent, this.occurrences, this.capacity, nearMin, inMany);
      for (const members of outlets.values()) {
        if (members.length >= OUTLET_MIN_DOCS) this.countOutlet(members, outletMinOf(members), inOutlet);
      }
    }
    for (const h of always) {
      everywhere.delete(h);
      near.delete(h);
    }
    const shared = Uint32Array.from(everywhere.keys()).sort();
    const nearly = Uint32Array.from(near.keys()).sort();
    return {
      always: Uint32Array.from(always).sort(),
      everywhere: shared,
      everywhereCounts: shared.map((h) => everywhere.get(h)!),
      near: nearly,
      nearCounts: nearly.map((h) => near.get(h)!),
    };
  }

  /**
   * The collection's second pass when the summary covers `min`, and,
   * in the same reading of each document's k-grams, the exact counts of the
   * `covered` outlets (members each, threshold `outletMin`): every k-gram in
   * `outletMin` of an outlet's documents occurs more often than the
   * summary's undercount, so it is among the summary's keys, and only those
   * are counted per outlet. One read of every document instead of three for
   * those outlets' documents (their own summary pass and second pass).
   */
  private countCovered(
    covered: readonly (readonly number[])[],
    outletMin: (members: readonly number[]) => number,
    min: number,
    inOutlet: (h: number) => void,
    inMany: (h: number, count: number, known: number) => void,
  ): void {
    const exact = summaryKeys(this.frequent, this.capacity);
    // The same keys, counting the articles of a known outlet only.
    const known = summaryKeys(this.frequent, this.capacity);
    const outletCounts = new GramCounter(this.outletCapacity);
    const inCovered = new Uint8Array(this.documents.count);
    for (const members of covered) {
      outletCounts.clear();
      for (const d of members) {
        inCovered[d] = 1;
        for (const h of this.documents.get(d)) {
          if (!exact.incrementPresent(h)) continue;
          known.incrementPresent(h);
          outletCounts.increment(h);
        }
      }
      outletCounts.forEachAtLeast(outletMin(members), inOutlet);
    }
    for (let d = 0; d < inCovered.length; d++) {
      if (inCovered[d] === 1) continue;
      const ofKnown = this.outletOf[d] !== null;
      for (const h of this.documents.get(d)) if (exact.incrementPresent(h) && ofKnown) known.incrementPresent(h);
    }
    exact.forEachAtLeast(min, (h, count) => inMany(h, count, known.get(h)));
  }

  /**
   * Call `found` with every k-gram in at least `min` of the documents
   * `members`, exactly, in memory bounded by {@link OUTLET_CAPACITY} counters
   * when the Misra–Gries guarantee covers `min` (as for the collection), else
   * by counting every k-gram of the outlet.
   */
  private countOutlet(members: readonly number[], min: number, found: (h: number) => void): void {
    const frequent = new FrequentKeys(this.outletCapacity);
    let occurrences = 0;
    for (const d of members) {
      const grams = this.documents.get(d);
      occurrences += grams.length;
      for (const h of grams) frequent.add(h);
    }
    this.countAtLeast(members, frequent, occurrences, this.outletCapacity, min, found);
  }

  /**
   * The second pass: call `found` with every k-gram in at least `min` of the
   * documents `members` (with its count, and how many of those documents are
   * of a known outlet), given the Misra–Gries summary of their k-grams
   * (`capacity` counters over `occurrences`). It undercounts by at most
   * `occurrences / (capacity + 1)`; when that is below `min` only the
   * summary's keys are counted, else every k-gram is.
   */
  private countAtLeast(
    members: readonly number[],
    frequent: FrequentKeys,
    occurrences: number,
    capacity: number,
    min: number,
    found: (h: number, count: number, known: number) => void,
  ): void {
    const covered = occurrences / (capacity + 1) < min;
    const table = (): GramCounter => (covered ? summaryKeys(frequent, capacity) : new GramCounter(Math.min(occurrences, 1 << 16)));
    const exact = table();
    // The same k-grams, counting the articles of a known outlet only; not needed when every member has one (an outlet's own count).
    const known = members.some((d) => this.outletOf[d] === null) ? table() : null;
    for (const d of members) {
      const ofKnown = known !== null && this.outletOf[d] !== null;
      for (const h of this.documents.get(d)) {
        if (covered) {
          if (exact.incrementPresent(h) && ofKnown) known.incrementPresent(h);
        } else {
          exact.increment(h);
          if (ofKnown) known.increment(h);
        }
      }
    }
    exact.forEachAtLeast(min, (h, count) => found(h, count, known === null ? count : known.get(h)));
  }

  /** Document numbers by outlet. */
  private byOutlet(): Map<string, number[]> {
    const out = new Map<string, number[]>();
    this.outletOf.forEach((outlet, d) => {
      if (outlet === null) return;
      const members = out.get(outlet);
      if (members === undefined) out.set(outlet, [d]);
      else members.push(d);
    });
    return out;
  }
}

/** A table of the summary's keys (`capacity` counters), each at count 0: a second pass counts these exactly. */
function summaryKeys(frequent: FrequentKeys, capacity: number): GramCounter {
  const exact = new GramCounter(capacity);
  frequent.forEach((h) => exact.put(h, 0));
  return exact;
}

/** Documents' k-gram sets, numbered in the order added. */
export interface GramSets {
  readonly count: number;
  add(grams: Uint32Array): number;
  /** Set `index`; the caller reads it and does not keep it. */
  get(index: number): Uint32Array;
}

/** {@link GramSets} as an array of the arrays given (no copies). */
class GramSetsInMemory implements GramSets {
  private readonly sets: Uint32Array[] = [];

  get count(): number {
    return this.sets.length;
  }

  add(grams: Uint32Array): number {
    return this.sets.push(grams) - 1;
  }

  get(index: number): Uint32Array {
    const set = this.sets[index];
    if (set === undefined) throw new InternalError(`GramSets: no set ${index} of ${this.sets.length}`);
    return set;
  }
}

/**
 * Passage windows a run of k-grams blocked everywhere must span to be shared
 * text, not boilerplate: 40 words by default, the unit reprint reports reuse
 * in. Stock phrases and the legal lines many sites print are shorter. Two
 * windows (80 words) cut lightly edited copies short where their edits are
 * closer than that (measured: a story carried by 40 of 440 articles, each
 * copy with about one word in 15 changed, its own: each copy pair's reported
 * coverage, median 83% with one window, 68% with two; worst 55% and 27%);
 * a site's longer footer is caught by the outlet rule, or, with outlets
 * unknown, by the known-outlet condition.
 */
export const SHARED_TEXT_WINDOWS = 1;

/**
 * Mark the tokens of the blocked k-grams (k: the anchor size) among
 * `hashes[0, count)` on `mask` (in place): an outlet's wherever they are,
 * the collection's in runs of fewer than {@link SHARED_TEXT_WINDOWS}
 * passage windows.
 */
export function markBlockedTokens(
  hashes: Uint32Array,
  count: number,
  mask: Uint8Array,
  blocked: BlockedGramSets,
  options: Pick<ResolvedOptions, 'anchorSize' | 'passageWords'>,
): void {
  const k = options.anchorSize;
  if ((blocked.always.size === 0 && blocked.everywhere.size === 0) || count < k) return;
  const grams = computeShingles(hashes, 0, count, k);
  markBlockedGrams(grams, k, blocked.always, mask);
  markShortRuns(grams, k, blocked.everywhere, mask, SHARED_TEXT_WINDOWS * options.passageWords, blocked.near);
}
