/**
 * Collection boilerplate counting in bounded memory gives exactly the k-grams
 * a plain count of every k-gram gives.
 */
import { BoilerplateCounter, NEAR_SHARE, OUTLET_MIN_DOCS, OUTLET_SHARE, type BlockedGrams } from '../../src/pipeline/find-boilerplate';
import { distinctSorted } from '../../src/pipeline/gram-counter';
import { distinctValues } from '../minhash/overlapping-sets';

interface Doc {
  readonly grams: Uint32Array;
  readonly outlet: string | null;
}

/** Random documents: mostly one-off k-grams, some stock phrases, some outlet furniture. */
function corpus(seed: number, docs: number): Doc[] {
  const rare = distinctValues(seed, docs * 60);
  const stock = distinctValues(seed + 1, 40);
  const furniture = distinctValues(seed + 2, 30);
  let r = seed >>> 0 || 1;
  const next = (): number => {
    r ^= r << 13;
    r ^= r >>> 17;
    r ^= r << 5;
    return (r >>> 0) / 2 ** 32;
  };
  return Array.from({ length: docs }, (_, d) => {
    const outlet = d % 7 === 0 ? null : `o${d % 5}.example`;
    const grams = rare.slice(d * 60, d * 60 + 60);
    // Stock phrase i is in a share of documents that grows with i (0 % to ~20 %).
    stock.forEach((g, i) => {
      if (next() < i / 200) grams.push(g);
    });
    // Furniture j of outlet o: in a share of its documents around one half.
    furniture.forEach((g, j) => {
      if (outlet !== null && j % 5 === d % 5 && next() < 0.3 + (j / 30) * 0.4) grams.push(g);
    });
    return { grams: distinctSorted(Uint32Array.from(grams)), outlet };
  });
}

/** Blocked k-grams by rule, as sorted lists. */
interface Blocked {
  readonly always: number[];
  readonly everywhere: number[];
  /** The k-grams near the bar, each `[k-gram, article count]`. */
  readonly near: [number, number][];
}

/**
 * The blocked k-grams by the definition, counting everything: always an
 * outlet's, and those in the share of all articles when most of their
 * articles have no outlet; the others in the share of all articles everywhere.
 * Near: in at least half the share's articles but fewer, most of them of known
 * outlets, and no outlet's furniture.
 */
function bruteForce(docs: readonly Doc[], share: number, minDocs: number): Blocked {
  const all = new Map<number, number>();
  const known = new Map<number, number>();
  const byOutlet = new Map<string, { n: number; df: Map<number, number> }>();
  for (const d of docs) {
    for (const g of d.grams) all.set(g, (all.get(g) ?? 0) + 1);
    if (d.outlet === null) continue;
    for (const g of d.grams) known.set(g, (known.get(g) ?? 0) + 1);
    const o = byOutlet.get(d.outlet) ?? { n: 0, df: new Map<number, number>() };
    byOutlet.set(d.outlet, o);
    o.n++;
    for (const g of d.grams) o.df.set(g, (o.df.get(g) ?? 0) + 1);
  }
  const outlet = new Set<number>();
  const globalMin = Math.max(minDocs, Math.ceil(share * docs.length));
  for (const o of byOutlet.values()) {
    if (o.n < OUTLET_MIN_DOCS) continue;
    const min = Math.max(OUTLET_MIN_DOCS, Math.ceil(OUTLET_SHARE * o.n));
    for (const [g, c] of o.df) if (c >= min) outlet.add(g);
  }
  const many = [...all].filter(([g, c]) => c >= globalMin && !outlet.has(g));
  const everywhere = many.filter(([g, c]) => 2 * (known.get(g) ?? 0) >= c).map(([g]) => g);
  const always = [...outlet, ...many.filter(([g, c]) => 2 * (known.get(g) ?? 0) < c).map(([g]) => g)];
  const nearMin = Math.max(2, Math.ceil(NEAR_SHARE * globalMin));
  const near = [...all].filter(([g, c]) => c >= nearMin && c < globalMin && !outlet.has(g) && 2 * (known.get(g) ?? 0) >= c);
  return { always: sorted(always), everywhere: sorted(everywhere), near: near.sort((a, b) => a[0] - b[0]) };
}

function blockedBy(docs: readonly Doc[], capacity: number, share: number, minDocs: number, outletCapacity?: number): Blocked {
  const counter = new BoilerplateCounter(capacity, undefined, outletCapacity);
  for (const d of docs) counter.add(d.grams, d.outlet);
  return listsOf(counter.blocked({ boilerplate: true, boilerplateShare: share, boilerplateMinDocs: minDocs }));
}

const sorted = (s: Iterable<number>): number[] => [...s].sort((a, b) => a - b);
const listsOf = (b: BlockedGrams): Blocked => ({
  always: Array.from(b.always),
  everywhere: Array.from(b.everywhere),
  near: Array.from(b.near, (g, i): [number, number] => [g, b.nearCounts[i]!]),
});
const sizeOf = (b: Blocked): number => b.always.length + b.everywhere.length;

describe('BoilerplateCounter', () => {
  const docs = corpus(11, 600);

  it('blocks exactly what counting every k-gram blocks, with a summary far smaller than the vocabulary', () => {
    const expected = bruteForce(docs, 0.05, 20);
    // 36,000 one-off k-grams against 4,000 counters: the summary evicts, and must keep the frequent ones
    // (it undercounts by up to 40,000 / 4,001 ≈ 10, under half the bar of 30 articles, where near k-grams start).
    expect(blockedBy(docs, 4000, 0.05, 20)).toEqual(expected);
    // The case is not trivial: some stock phrases and some outlet furniture are in, some are out.
    expect(sizeOf(expected)).toBeGreaterThan(10);
    expect(sizeOf(expected)).toBeLessThan(70);
    expect(expected.always.length).toBeGreaterThan(0);
    expect(expected.everywhere.length).toBeGreaterThan(0);
    expect(expected.near.length).toBeGreaterThan(0);
  });

  it('blocks k-grams whose articles mostly have no outlet wherever they are, the others in short runs only', () => {
    // Outlets forgotten for 5 documents of 7: the stock phrases are mostly in articles of no known outlet.
    const unknown = docs.map((d, i) => ({ ...d, outlet: i % 7 < 5 ? null : d.outlet }));
    const expected = bruteForce(unknown, 0.05, 20);
    expect(blockedBy(unknown, 2000, 0.05, 20)).toEqual(expected);
    expect(blockedBy(unknown, 100, 0.05, 20)).toEqual(expected);
    // With outlets known, stock phrases are blocked in short runs only; with most unknown, they are blocked wherever they are.
    const stock = bruteForce(docs, 0.05, 20).everywhere;
    expect(stock.length).toBeGreaterThan(0);
    expect(stock.every((g) => expected.always.includes(g))).toBe(true);
  });

  it('falls back to counting everything when the summary cannot guarantee the threshold', () => {
    // 40,000 occurrences / 101 counters ≈ 396 ≥ the threshold of 3 documents: not covered.
    const expected = bruteForce(docs, 0.001, 3);
    expect(blockedBy(docs, 100, 0.001, 3)).toEqual(expected);
    expect(sizeOf(expected)).toBeGreaterThan(40);
     // 2,000 counters undercount by ≈ 20: under the bar of 30 articles, not under the near k-grams' 15; counted whole, the near ones too.
    const nearBar = bruteForce(docs, 0.05, 20);
    expect(nearBar.near.some(([, c]) => c <= 20)).toBe(true);
    expect(blockedBy(docs, 2000, 0.05, 20)).toEqual(nearBar);
  });

  it('blocks exactly each outlet’s furniture: from the collection summary when it covers their thresholds, else with per-outlet summaries far smaller than their vocabularies, and when those fall back', () => {
    // Five outlets of ≈ 100 articles, ≈ 6,400 k-gram occurrences each (≈ 6,000 one-off), a threshold of half the outlet (≈ 52).
    const expected = bruteForce(docs, 0.5, 1000);
    expect(sizeOf(expected)).toBeGreaterThan(5);
    // 2,000 collection counters undercount by up to 40,000 / 2,001 ≈ 20 occurrences: the outlets' furniture is among their keys.
    expect(blockedBy(docs, 2000, 0.5, 1000, 200)).toEqual(expected);
    // 500 undercount by ≈ 80, above the outlets' thresholds: each outlet is counted on its own, 200 counters covering it (6,400 / 201 < 52), 50 not.
    expect(blockedBy(docs, 500, 0.5, 1000, 200)).toEqual(expected);
    expect(blockedBy(docs, 500, 0.5, 1000, 50)).toEqual(expected);
  });

  it('reads each document’s k-grams once when the collection summary covers every outlet’s threshold, twice more for an outlet it does not', () => {
    const reads = (capacity: number): number[] => {
      const sets: Uint32Array[] = [];
      const counts = new Array<number>(docs.length).fill(0);
      const counter = new BoilerplateCounter(capacity, {
        get count() {
          return sets.length;
        },
        add: (grams) => sets.push(grams) - 1,
        get: (d) => {
          counts[d]!++;
          return sets[d]!;
        },
      });
      for (const d of docs) counter.add(d.grams, d.outlet);
      expect(listsOf(counter.blocked({ boilerplate: true, boilerplateShare: 0.05, boilerplateMinDocs: 20 }))).toEqual(bruteForce(docs, 0.05, 20));
      return counts;
    };
    // 4,000 counters undercount by ≈ 10, under every outlet's threshold of ≈ 52 and the near k-grams' 15: one read each.
    expect(new Set(reads(4000))).toEqual(new Set([1]));
    // 500 counters undercount by ≈ 80: the outlets' articles are read by their own two passes too.
    const counts = reads(500);
    docs.forEach((d, i) => expect(counts[i]).toBe(d.outlet === null ? 1 : 3));
  });

  it('blocks nothing when boilerplate handling is off or there are too few documents', () => {
    const counter = new BoilerplateCounter();
    for (const d of docs) counter.add(d.grams, d.outlet);
    expect(sizeOf(listsOf(counter.blocked({ boilerplate: false, boilerplateShare: 0.05, boilerplateMinDocs: 20 })))).toBe(0);
    expect(sizeOf(blockedBy(docs.slice(0, 2), 2000, 0.05, 2))).toBe(0);
  });
});
