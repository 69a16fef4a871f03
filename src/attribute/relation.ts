/**
 * Relation of a document pair and its score, from its passages.
 *
 * - `shared-quote`: every shared passage is a quotation in both documents;
 * - `syndication`: verbatim and near-verbatim passages cover at least
 *   `syndicationShare` of either document (a substantial part of one article
 *   is the other's text; reworded passages alone make a pair `partial`, since
 *   two outlets rewording the same statement look alike too);
 * - `partial`: anything else (some passages reused).
 *
 * Coverage is the share of a document's characters inside the union of the
 * pair's passages (of a condensed passage's segments, not the text the copier
 * left out between them). The score is the larger side's share of reused characters
 * where quotation and paraphrase passages count half (quoting or rewording the
 * same statement is normal in news; copying the reporting is not), in [0, 1].
 */
import type { PassageKind, RelationKind, Span } from '../model';
import { mergeSpans } from '../text';

/** What relation needs of one passage. */
export interface ClassifiedSpanPair {
  readonly source: Span;
  readonly target: Span;
  readonly kind: PassageKind;
  /** A condensed passage's aligned stretches: coverage counts these, not the text left out between them. */
  readonly segments?: readonly { readonly source: Span; readonly target: Span }[];
}

/** The spans of one side a passage actually covers. */
function coveredSpans(p: ClassifiedSpanPair, side: 'source' | 'target'): Span[] {
  return p.segments === undefined ? [p[side]] : p.segments.map((s) => s[side]);
}

/** Coverage, score and relation of a pair. */
export interface PairAssessment {
  readonly relation: RelationKind;
  readonly score: number;
  readonly coverage: { readonly source: number; readonly target: number };
}

function unionLength(spans: readonly Span[]): number {
  return mergeSpans(spans).reduce((n, s) => n + (s.end - s.start), 0);
}

function share(covered: number, length: number): number {
  return length === 0 ? 0 : Math.min(1, covered / length);
}

/**
 * The share of a document of `length` characters inside the union of
 * passages, on the side each is given for (`source` or `target`): the
 * coverage a pair reports, taken over passages of several pairs (a draft's
 * share reused from all the articles it reuses).
 */
export function coveredShare(passages: readonly { readonly passage: ClassifiedSpanPair; readonly side: 'source' | 'target' }[], length: number): number {
  return round(share(unionLength(passages.flatMap(({ passage, side }) => coveredSpans(passage, side))), length));
}

/** Assess a pair from its passages and the two documents' lengths. */
export function assessPair(
  passages: readonly ClassifiedSpanPair[],
  sourceLength: number,
  targetLength: number,
  syndicationShare: number,
): PairAssessment {
  const own = passages.filter((p) => p.kind !== 'quote');
  const copied = own.filter((p) => p.kind !== 'paraphrase');
  const side = (which: 'source' | 'target', length: number) => {
    const all = share(unionLength(passages.flatMap((p) => coveredSpans(p, which))), length);
    const copiedShare = share(unionLength(copied.flatMap((p) => coveredSpans(p, which))), length);
    // Verbatim and near-verbatim count fully; paraphrase and quotation passages half.
    return { all, copiedShare, weighted: copiedShare + (all - copiedShare) / 2 };
  };
  const s = side('source', sourceLength);
  const t = side('target', targetLength);
  let relation: RelationKind;
  if (own.length === 0 && passages.length > 0) relation = 'shared-quote';
  else if (Math.max(s.copiedShare, t.copiedShare) >= syndicationShare) relation = 'syndication';
  else relation = 'partial';
  return {
    relation,
    score: round(Math.max(s.weighted, t.weighted)),
    coverage: { source: round(s.all), target: round(t.all) },
  };
}

/**
 * Coverage each side of a pair must reach for the pair to be a duplicate
 * record: one article, twice (a page crawled twice, a record exported twice,
 * a story re-filed with a word changed), not an outlet reusing a paragraph
 * of its own.
 */
export const DUPLICATE_SHARE = 0.8;

/**
 * Whether a pair is a duplicate record: a `syndication` or `shared-quote`
 * pair whose passages cover at least {@link DUPLICATE_SHARE} of each side.
 * A `shared-quote` pair counts too: an article made mostly of quotations,
 * filed twice, has passages that are quotes in both copies. A `partial`
 * pair does not (reworded: two tellings, not one article twice).
 */
export function isDuplicate(pair: Pick<PairAssessment, 'relation' | 'coverage'>): boolean {
  return pair.relation !== 'partial' && Math.min(pair.coverage.source, pair.coverage.target) >= DUPLICATE_SHARE;
}

/** Round to 4 decimals so reports are byte-stable and readable. */
export function round(x: number): number {
  return Math.round(x * 10000) / 10000;
}
