/**
 * Duplicate groups: the documents that are one article several times over (a
 * page crawled twice, a record exported twice, a wire story filed unchanged
 * by several outlets), for whoever cleans a dump. The caller says which
 * pairs are duplicates (a scan: `attribute`'s `isDuplicate`, a `syndication`
 * or `shared-quote` pair whose passages cover at least 80% of each side); a group is a
 * connected component of those pairs, so two members need not be duplicates
 * of each other directly (A ≈ B ≈ C). Its origin is chosen as a cluster's
 * (`choose-origin.ts`).
 */
import { compareCodeUnits } from '../code-unit-order';
import type { DuplicateRecords } from '../model';
import { chooseOrigin, type OriginCandidate } from './choose-origin';
import { DisjointSets } from './disjoint-sets';

/** A pair of documents that are duplicates of each other. */
export interface DuplicatePairInput {
  readonly source: string;
  readonly target: string;
}

/** Documents that are one article, repeated: the report's {@link DuplicateRecords}. */
export type DuplicateGroup = DuplicateRecords;

/**
 * Group the documents of duplicate `pairs`, each group sorted by id; groups
 * sorted by size (descending), then by their member lists; ids 1, 2, … in
 * that order. Documents missing from `documents` count as undated.
 */
export function groupDuplicates(pairs: readonly DuplicatePairInput[], documents: readonly OriginCandidate[]): DuplicateGroup[] {
  // Each document a number, in order of first appearance.
  const numbers = new Map<string, number>();
  for (const p of pairs) for (const id of [p.source, p.target]) if (!numbers.has(id)) numbers.set(id, numbers.size);
  const sets = new DisjointSets(numbers.size);
  for (const p of pairs) sets.union(numbers.get(p.source)!, numbers.get(p.target)!);

  const components = new Map<number, string[]>();
  numbers.forEach((n, id) => {
    const root = sets.find(n);
    const members = components.get(root);
    if (members === undefined) components.set(root, [id]);
    else members.push(id);
  });
  const published = new Map(documents.map((d) => [d.id, d.published] as const));
  return [...components.values()]
    .filter((members) => members.length >= 2)
    .map((members) => members.sort(compareCodeUnits))
    .sort((a, b) => b.length - a.length || compareLists(a, b))
    .map((members, i) => ({
      id: i + 1,
      size: members.length,
      members,
      ...chooseOrigin(members.map((id) => ({ id, published: published.get(id) ?? null }))),
    }));
}

function compareLists(a: readonly string[], b: readonly string[]): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    const c = compareCodeUnits(a[i]!, b[i]!);
    if (c !== 0) return c;
  }
  return a.length - b.length;
}
