/**
 * Disjoint sets over the integers `0 … size − 1` (union-find with path
 * compression): the connected components of a graph given edge by edge.
 * The smaller number of two joined sets stays the root, so a set's root is
 * its smallest member whatever order the edges come in.
 */
export class DisjointSets {
  private readonly parent: Int32Array;

  constructor(size: number) {
    this.parent = Int32Array.from({ length: size }, (_, i) => i);
  }

  /** The root (smallest member) of the set holding `i`. */
  find(i: number): number {
    let root = i;
    while (this.parent[root] !== root) root = this.parent[root]!;
    for (let cur = i; cur !== root; ) {
      const next = this.parent[cur]!;
      this.parent[cur] = root;
      cur = next;
    }
    return root;
  }

  /** Join the sets of `a` and `b`. */
  union(a: number, b: number): void {
    const ra = this.find(a);
    const rb = this.find(b);
    if (ra !== rb) this.parent[Math.max(ra, rb)] = Math.min(ra, rb);
  }
}
