/**
 * Reuse between outlets: the report's pairs summed per (source outlet, target
 * outlet). Documents of unknown outlet are one node, `unknown outlet`.
 */
import type { Report, ReportDocument } from '../model';

/** One outlet as a node of the matrix and the graph. */
export interface OutletNode {
  /** Registered domain, or `null` for the documents of unknown outlet. */
  readonly outlet: string | null;
  /** Short name for people: display name, else domain, else `unknown outlet`. */
  readonly label: string;
  /** Documents of this outlet in the report. */
  readonly documents: number;
  /** Pairs this outlet is a side of. */
  readonly pairs: number;
}

/** Pairs from one outlet to another. */
export interface OutletLink {
  /** Index into {@link OutletReuse.nodes}: the source side (the origin when directed). */
  readonly from: number;
  readonly to: number;
  /** Directed pairs, `from` published first. */
  readonly directed: number;
  /** Undirected pairs (time unknown or overlapping); counted once, `from` ≤ `to`. */
  readonly undirected: number;
  /** Characters of the target side inside reused passages, summed over the pairs. */
  readonly reusedChars: number;
  /** Directed pairs with no credit line. */
  readonly uncredited: number;
}

/** Outlet-level view of a report. */
export interface OutletReuse {
  /** Outlets, most pairs first (then by label). */
  readonly nodes: readonly OutletNode[];
  /** Links, most pairs first. */
  readonly links: readonly OutletLink[];
}

const UNKNOWN = 'unknown outlet';

/** Short outlet name: `Sputnik International`, `taghribnews.com` or `unknown outlet`. */
export function shortOutletLabel(doc: ReportDocument | undefined): string {
  return doc?.outletName ?? doc?.outlet ?? UNKNOWN;
}

function targetChars(pair: Report['pairs'][number]): number {
  let n = 0;
  for (const p of pair.passages) {
    if (p.segments === undefined) n += p.target.end - p.target.start;
    else for (const s of p.segments) n += s.target.end - s.target.start;
  }
  return n;
}

/** Sum a report's pairs per pair of outlets. */
export function computeOutletReuse(report: Report): OutletReuse {
  const docs = new Map(report.documents.map((d) => [d.id, d]));
  const keyOf = (id: string): string => docs.get(id)?.outlet ?? '';
  const nodeStats = new Map<string, { outlet: string | null; label: string; documents: number; pairs: number }>();
  for (const d of report.documents) {
    const key = d.outlet ?? '';
    const node = nodeStats.get(key) ?? { outlet: d.outlet, label: shortOutletLabel(d), documents: 0, pairs: 0 };
    node.documents += 1;
    nodeStats.set(key, node);
  }
  const linkStats = new Map<string, { from: string; to: string; directed: number; undirected: number; reusedChars: number; uncredited: number }>();
  for (const pair of report.pairs) {
    let from = keyOf(pair.source);
    let to = keyOf(pair.target);
    if (!pair.directed && from > to) [from, to] = [to, from];
    const key = `${from}\u0000${to}`;
    const link = linkStats.get(key) ?? { from, to, directed: 0, undirected: 0, reusedChars: 0, uncredited: 0 };
    if (pair.directed) {
      link.directed += 1;
      if (!pair.credited) link.uncredited += 1;
    } else link.undirected += 1;
    link.reusedChars += targetChars(pair);
    linkStats.set(key, link);
    const a = nodeStats.get(from);
    const b = nodeStats.get(to);
    if (a !== undefined) a.pairs += 1;
    if (b !== undefined && b !== a) b.pairs += 1;
  }
  const nodes = [...nodeStats.entries()].sort(([ka, a], [kb, b]) => b.pairs - a.pairs || a.label.localeCompare(b.label) || ka.localeCompare(kb));
  const index = new Map(nodes.map(([k], i) => [k, i]));
  const links = [...linkStats.values()]
    .map((l) => ({ from: index.get(l.from) ?? 0, to: index.get(l.to) ?? 0, directed: l.directed, undirected: l.undirected, reusedChars: l.reusedChars, uncredited: l.uncredited }))
    .sort((a, b) => b.directed + b.undirected - (a.directed + a.undirected) || a.from - b.from || a.to - b.to);
  return { nodes: nodes.map(([, n]) => n), links };
}
