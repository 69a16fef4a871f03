/**
 * Reuse clusters: one story carried by several documents. Pairs say that a passage of
 * one document was reused in another; a cluster joins every document that carries the
 * same text, whoever copied whom.
 *
 * Nodes are passage spans within a document. Spans of one document that overlap
 * (half-open: `a.start < b.end && b.start < a.end`; touching spans do not) are one node
 * (union-find); each passage joins its source span and its target span. A connected
 * component that reaches `minMembers` distinct documents is a cluster.
 *
 * The origin is chosen over every member at once (`choose-origin.ts`): the member
 * published before every other beyond their precision, else none.
 */
import { compareCodeUnits } from '../code-unit-order';
import { InternalError, OptionsError } from '../errors';
import type { Span } from '../model';
import { chooseOrigin, type OriginBasis, type OriginCandidate } from './choose-origin';
import { DisjointSets } from './disjoint-sets';

/** A pair as clustering needs it: two documents and their aligned passages. */
export interface ClusterPairInput {
  readonly source: string;
  readonly target: string;
  readonly passages: readonly {
    readonly source: Span;
    readonly target: Span;
    /** A condensed passage's stretches: clusters link these, not the text left out between them. */
    readonly segments?: readonly { readonly source: Span; readonly target: Span }[];
  }[];
}

/** A document's published time, for choosing the origin. */
export type ClusterDocumentInput = OriginCandidate;

/** One document of a cluster and the spans of it that the cluster's story covers. */
export interface ClusterMember {
  readonly id: string;
  /** Merged (overlapping or touching spans joined) and sorted by start. */
  readonly spans: readonly Span[];
}

/** A story shared by `size` documents. */
export interface Cluster {
  /** 1-based, in the sorted order. */
  readonly id: number;
  /** Distinct documents. */
  readonly size: number;
  /** Sorted by id. */
  readonly members: readonly ClusterMember[];
  /** The member published strictly before all others, or `null`. */
  readonly origin: string | null;
  readonly originBasis: OriginBasis;
}

/** Default least number of distinct documents for a cluster. */
export const DEFAULT_MIN_MEMBERS = 3;

/**
 * Build the reuse clusters of a scan (rules in the module header).
 *
 * Clusters are sorted by size (descending), then total characters covered over all
 * members (descending), then the first member's id, then the rest of the member list;
 * ids are assigned 1, 2, … in that order. Documents missing from `documents` count as
 * undated.
 *
 * @param minMembers least number of distinct documents, an integer ≥ 2.
 * @throws OptionsError when `minMembers` is not an integer ≥ 2.
 */
export function buildClusters(
  pairs: readonly ClusterPairInput[],
  documents: readonly ClusterDocumentInput[],
  minMembers: number = DEFAULT_MIN_MEMBERS,
): Cluster[] {
  if (!Number.isInteger(minMembers) || minMembers < 2) {
    throw new OptionsError('min-cluster-size', `must be an integer of at least 2 (got ${String(minMembers)})`);
  }

  // Every span occurrence is a node; passages link source and target occurrences.
  const nodes: { readonly doc: string; readonly span: Span }[] = [];
  const links: [number, number][] = [];
  for (const pair of pairs) {
    for (const passage of pair.passages) {
      for (const stretch of passage.segments ?? [passage]) {
        const a = nodes.push({ doc: pair.source, span: stretch.source }) - 1;
        const b = nodes.push({ doc: pair.target, span: stretch.target }) - 1;
        links.push([a, b]);
      }
    }
  }
  const sets = new DisjointSets(nodes.length);
  for (const [a, b] of links) sets.union(a, b);

  // Overlapping spans of one document are one node: sweep each document's spans by start.
  const byDoc = new Map<string, number[]>();
  nodes.forEach((node, i) => {
    const list = byDoc.get(node.doc);
    if (list === undefined) byDoc.set(node.doc, [i]);
    else list.push(i);
  });
  for (const indices of byDoc.values()) {
    indices.sort((x, y) => spanOf(nodes, x).start - spanOf(nodes, y).start || spanOf(nodes, x).end - spanOf(nodes, y).end);
    let reach = -Infinity;
    let reachNode = -1;
    for (const i of indices) {
      const span = spanOf(nodes, i);
      if (reachNode >= 0 && span.start < reach && span.start < span.end) sets.union(reachNode, i);
      if (span.end > reach) {
        reach = span.end;
        reachNode = i;
      }
    }
  }

  // Group occurrences by component, then by document.
  const components = new Map<number, Map<string, Span[]>>();
  nodes.forEach((node, i) => {
    const root = sets.find(i);
    let docs = components.get(root);
    if (docs === undefined) {
      docs = new Map();
      components.set(root, docs);
    }
    const spans = docs.get(node.doc);
    if (spans === undefined) docs.set(node.doc, [node.span]);
    else spans.push(node.span);
  });

  const published = new Map(documents.map((d) => [d.id, d.published] as const));
  const unsorted: Omit<Cluster, 'id'>[] = [];
  for (const docs of components.values()) {
    if (docs.size < minMembers) continue;
    const members = [...docs.entries()]
      .map(([id, spans]): ClusterMember => ({ id, spans: mergeTouching(spans) }))
      .sort((a, b) => compareCodeUnits(a.id, b.id));
    const { origin, originBasis } = chooseOrigin(members.map((m) => ({ id: m.id, published: published.get(m.id) ?? null })));
    unsorted.push({ size: members.length, members, origin, originBasis });
  }
  return unsorted.sort(compareClusters).map((c, i) => ({ id: i + 1, ...c }));
}

function compareClusters(a: Omit<Cluster, 'id'>, b: Omit<Cluster, 'id'>): number {
  const bySize = b.size - a.size;
  if (bySize !== 0) return bySize;
  const byChars = coveredChars(b) - coveredChars(a);
  if (byChars !== 0) return byChars;
  return compareCodeUnits(memberKey(a), memberKey(b));
}

/** Member ids and spans, for the last tie-breaks (first member id first). */
function memberKey(c: Omit<Cluster, 'id'>): string {
  return c.members.map((m) => `${m.id}\u0000${m.spans.map((s) => `${s.start}-${s.end}`).join(',')}`).join('\u0001');
}

function coveredChars(c: Omit<Cluster, 'id'>): number {
  return c.members.reduce((sum, m) => sum + m.spans.reduce((s, span) => s + (span.end - span.start), 0), 0);
}

/** Spans sorted by start, overlapping or touching ones joined. */
function mergeTouching(spans: readonly Span[]): Span[] {
  const sorted = [...spans].sort((a, b) => a.start - b.start || a.end - b.end);
  const merged: { start: number; end: number }[] = [];
  for (const span of sorted) {
    const last = merged[merged.length - 1];
    if (last !== undefined && span.start <= last.end) last.end = Math.max(last.end, span.end);
    else merged.push({ start: span.start, end: span.end });
  }
  return merged;
}

function spanOf(nodes: readonly { readonly span: Span }[], i: number): Span {
  const node = nodes[i];
  if (node === undefined) throw new InternalError(`cluster node ${i} does not exist`);
  return node.span;
}
