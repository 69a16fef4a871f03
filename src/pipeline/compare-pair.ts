/**
 * Verify one candidate pair: align it, orient it by publication time, classify
 * its passages and assess the relation. Returns `null` when alignment finds no
 * passage (the candidate was a false positive of LSH).
 */
import { alignDocuments, alignSettingsOf } from '../align';
import { assessPair, classifyPassage, decideDirection, findCreditFor, round } from '../attribute';
import type { ArticleMeta, Pair, PairCredit, Passage } from '../model';
import type { ResolvedOptions } from '../options';
import { quotedShare } from '../text';
import type { PreparedDocument } from './prepare-document';


/** A credit in `carrier` that credits `credited`, as reported. */
function creditIn(carrier: PreparedDocument, credited: PreparedDocument): PairCredit | null {
  const meta = credited.article.meta;
  const c = findCreditFor(carrier.credits, {
    outlet: meta.outlet,
    outletName: meta.outletName,
    url: meta.url,
    credits: credited.credits,
  });
  return c === null ? null : { in: carrier.article.id, span: c.span, kind: c.kind, names: c.names };
}

/** Different outlets of one owner group. */
function sameGroup(a: ArticleMeta, b: ArticleMeta): boolean {
  return a.outletGroup !== null && a.outletGroup === b.outletGroup && a.outlet !== b.outlet;
}

/** Two articles of one known outlet (unknown outlets are never the same). */
export function sameOutlet(a: ArticleMeta, b: ArticleMeta): boolean {
  return a.outlet !== null && a.outlet === b.outlet;
}

/** Align and attribute a pair of prepared documents. */
export function comparePair(
  x: PreparedDocument,
  y: PreparedDocument,
  estimatedSimilarity: number,
  options: ResolvedOptions,
): Pair | null {
  const direction = decideDirection(
    { id: x.article.id, published: x.article.meta.published },
    { id: y.article.id, published: y.article.meta.published },
  );
  const [src, dst] = direction.source === x.article.id ? [x, y] : [y, x];
  const aligned = alignDocuments(src, dst, alignSettingsOf(options));
  if (aligned.length === 0) return null;
  const passages: Passage[] = aligned.map((p) => {
    const passage: Passage = {
      source: p.a,
      target: p.b,
      similarity: round(p.similarity),
      kind: classifyPassage(
        p.similarity,
        quotedShare(src.quotes, p.a),
        quotedShare(dst.quotes, p.b),
        options.quoteShare,
      ),
    };
    if (p.segments.length < 2) return passage;
    const segments = p.segments.map((s) => ({ source: s.a, target: s.b, similarity: round(s.similarity) }));
    return { ...passage, segments };
  });
  // The copy credits its origin; when the direction is unknown, either may carry the credit.
  const credit = creditIn(dst, src) ?? (direction.directed ? null : creditIn(src, dst));
  const assessment = assessPair(passages, src.article.text.length, dst.article.text.length, options.syndicationShare);
  return {
    source: src.article.id,
    target: dst.article.id,
    directed: direction.directed,
    basis: direction.basis,
    basisDetail: direction.basisDetail,
    relation: assessment.relation,
    score: assessment.score,
    coverage: assessment.coverage,
    estimatedSimilarity: round(estimatedSimilarity),
    credited: credit !== null,
    credit,
    sameGroup: sameGroup(src.article.meta, dst.article.meta),
    sameOutlet: sameOutlet(src.article.meta, dst.article.meta),
    passages,
  };
}
