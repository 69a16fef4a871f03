/**
 * The data the HTML report's script reads: the texts of the documents in
 * pairs and every pair's passages, compact (documents by index, kinds by index).
 * Embedded once as JSON; side-by-side views are built from it on demand.
 */
import type { PassageKind, Report } from '../../model';
import { outletLabel } from '../document-label';

/** Passage kinds in the order the data's kind indices use. */
export const KIND_ORDER: readonly PassageKind[] = ['verbatim', 'near-verbatim', 'paraphrase', 'quote'];

/** A document as the script sees it. */
export interface ViewDocument {
  readonly id: string;
  readonly outlet: string;
  readonly title: string | null;
  /** The URL as read, shown as text. */
  readonly url: string | null;
  /** Whether {@link url} may be a link: only absolute `http:` and `https:` URLs. */
  readonly link: boolean;
  readonly published: string | null;
  readonly text: string;
}

/** `[sourceStart, sourceEnd, targetStart, targetEnd]`. */
export type ViewSpans = readonly [number, number, number, number];

/** A passage: spans, kind index, similarity, and the segments of a condensed one. */
export interface ViewPassage {
  readonly at: ViewSpans;
  readonly kind: number;
  readonly similarity: number;
  readonly segments?: readonly ViewSpans[];
}

/** A pair: its documents by index into {@link ViewData.docs}. */
export interface ViewPair {
  readonly source: number;
  readonly target: number;
  readonly directed: boolean;
  readonly passages: readonly ViewPassage[];
  /** The credit line: which side carries it (0 source, 1 target) and its span. */
  readonly credit: { readonly side: 0 | 1; readonly start: number; readonly end: number; readonly kind: string } | null;
}

/** Everything the script reads. */
export interface ViewData {
  readonly kinds: readonly PassageKind[];
  readonly docs: readonly ViewDocument[];
  readonly pairs: readonly ViewPair[];
}

/** A URL that may be a link: absolute http(s) only (no `javascript:`, `data:` or relative). */
export function safeLinkUrl(url: string | null): string | null {
  return url !== null && /^https?:\/\/[^\s]+$/i.test(url) ? url : null;
}

function spans(p: { readonly source: { start: number; end: number }; readonly target: { start: number; end: number } }): ViewSpans {
  return [p.source.start, p.source.end, p.target.start, p.target.end];
}

/** Build the script's data from a report and the texts it was made from. */
export function buildViewData(report: Report, texts: ReadonlyMap<string, string>): ViewData {
  const byId = new Map(report.documents.map((d) => [d.id, d]));
  const index = new Map<string, number>();
  const docs: ViewDocument[] = [];
  const docIndex = (id: string): number => {
    let i = index.get(id);
    if (i === undefined) {
      const d = byId.get(id);
      i = docs.length;
      index.set(id, i);
      docs.push({ id, outlet: outletLabel(d), title: d?.title ?? null, url: d?.url ?? null, link: safeLinkUrl(d?.url ?? null) !== null, published: d?.published?.text ?? null, text: texts.get(id) ?? '' });
    }
    return i;
  };
  const pairs = report.pairs.map((pair): ViewPair => ({
    source: docIndex(pair.source),
    target: docIndex(pair.target),
    directed: pair.directed,
    passages: pair.passages.map((p) => ({
      at: spans(p),
      kind: KIND_ORDER.indexOf(p.kind),
      similarity: Number(p.similarity.toFixed(3)),
      ...(p.segments !== undefined ? { segments: p.segments.map(spans) } : {}),
    })),
    credit: pair.credit === null ? null : { side: pair.credit.in === pair.source ? 0 : 1, start: pair.credit.span.start, end: pair.credit.span.end, kind: pair.credit.kind },
  }));
  return { kinds: KIND_ORDER, docs, pairs };
}
