/**
 * Collection-level boilerplate: word k-grams (k = the anchor size) that recur
 * across articles for reasons other than copying.
 *
 * - Per outlet: found in at least `OUTLET_MIN_DOCS` articles of one outlet and
 *   in at least half of that outlet's articles (footers, sign-up blurbs,
 *   bylines, navigation). Same-outlet pairs are not reported by default, so
 *   this is about keeping an outlet's furniture out of its pairs with others.
 * - Everywhere: found in at least `boilerplateMinDocs` articles and at least
 *   `boilerplateShare` of all articles (stock phrases, site-wide templates). A
 *   wire story on many outlets stays below this unless it is on a large share
 *   of the collection.
 * The blocked k-grams are marked on each document's boilerplate token mask
 * ({@link markBlockedTokens}).
 */
import type { ResolvedOptions } from '../options';
import { computeShingles } from '../shingle';
import { markBlockedGrams } from '../text';
import { GramCounter } from './gram-counter';

/** Fewest articles of one outlet a k-gram must recur in to be that outlet's boilerplate. */
export const OUTLET_MIN_DOCS = 3;
/** Share of one outlet's articles a k-gram must recur in to be its boilerplate. */
export const OUTLET_SHARE = 0.5;

/**
 * Counts k-gram document frequencies, overall and per outlet, one document at
 * a time (documents can stream past it), then names the blocked k-grams.
 */
export class BoilerplateCounter {
  private readonly df = new GramCounter();
  private readonly byOutlet = new Map<string, { docs: number; df: GramCounter }>();
  private docs = 0;

  /** Count one document's distinct k-gram hashes (`distinctSorted` of its grams). */
  add(distinct: Uint32Array, outlet: string | null): void {
    this.docs++;
    for (const h of distinct) this.df.increment(h);
    if (outlet === null) return;
    let o = this.byOutlet.get(outlet);
    if (o === undefined) this.byOutlet.set(outlet, (o = { docs: 0, df: new GramCounter(1024) }));
    o.docs++;
    for (const h of distinct) o.df.increment(h);
  }

  /** The blocked k-grams of everything counted (empty when boilerplate handling is off). */
  blocked(options: Pick<ResolvedOptions, 'boilerplate' | 'boilerplateShare' | 'boilerplateMinDocs'>): Set<number> {
    const blocked = new Set<number>();
    if (!options.boilerplate || this.docs < OUTLET_MIN_DOCS) return blocked;
    const globalMin = Math.max(options.boilerplateMinDocs, Math.ceil(options.boilerplateShare * this.docs));
    this.df.forEachAtLeast(globalMin, (h) => blocked.add(h));
    for (const o of this.byOutlet.values()) {
      if (o.docs < OUTLET_MIN_DOCS) continue;
      const min = Math.max(OUTLET_MIN_DOCS, Math.ceil(OUTLET_SHARE * o.docs));
      o.df.forEachAtLeast(min, (h) => blocked.add(h));
    }
    return blocked;
  }
}

/** Mark the tokens of every blocked k-gram among `hashes[0, count)` on `mask` (in place). */
export function markBlockedTokens(hashes: Uint32Array, count: number, mask: Uint8Array, blocked: ReadonlySet<number>, k: number): void {
  if (blocked.size === 0 || count < k) return;
  markBlockedGrams(computeShingles(hashes, 0, count, k), k, blocked, mask);
}
