/** How a document is named for people: outlet display name, domain, or "unknown outlet". */
import { DUPLICATE_SHARE, isDuplicate } from '../attribute';
import type { Pair, ReportDocument, ReuseCluster } from '../model';

/** `Sputnik International (sputniknews.com)`, `sputniknews.com`, `Reuters` or `unknown outlet`. */
export function outletLabel(doc: ReportDocument | undefined): string {
  if (doc === undefined) return 'unknown outlet';
  if (doc.outletName !== null && doc.outlet !== null && doc.outletName !== doc.outlet) {
    return `${doc.outletName} (${doc.outlet})`;
  }
  return doc.outletName ?? doc.outlet ?? 'unknown outlet';
}

/** Whether a document's outlet is known (a domain or a display name). */
export function outletKnown(doc: ReportDocument | undefined): boolean {
  return (doc?.outlet ?? doc?.outletName ?? null) !== null;
}

/** The owner group both outlets of `pair` belong to (`Rossiya Segodnya`), or `null` unless the pair is of sister outlets. */
export function sisterGroup(pair: Pair, docs: ReadonlyMap<string, ReportDocument>): string | null {
  return pair.sameGroup ? (docs.get(pair.source)?.outletGroup ?? null) : null;
}

/**
 * What a pair of one outlet is, for people: `same outlet, Taghrib News
 * (taghribnews.com): a duplicate record` (the same article twice), or
 * `…: reuse of its own text` (reported with `--include-same-outlet`);
 * `null` for a pair of two outlets.
 */
export function sameOutletNote(pair: Pair, docs: ReadonlyMap<string, ReportDocument>): string | null {
  if (!pair.sameOutlet) return null;
  return `same outlet, ${outletLabel(docs.get(pair.source))}: ${isDuplicate(pair) ? 'a duplicate record' : 'reuse of its own text'}`;
}

/** {@link DUPLICATE_SHARE} as people read it: `80%`. */
export const DUPLICATE_PERCENT = `${Math.round(DUPLICATE_SHARE * 100)}%`;

/** What a duplicate record is, in words: `each article is at least 80% the other`. */
export const DUPLICATE_RECORD_MEANING = `each article is at least ${DUPLICATE_PERCENT} the other`;

/**
 * What a pair is beyond its relation, for people: the {@link sameOutletNote}
 * of a pair of one outlet; `duplicate record: each article is at least 80% the
 * other` for a duplicate record of two outlets, or of none (`isDuplicate`); `null` otherwise.
 */
export function pairNote(pair: Pair, docs: ReadonlyMap<string, ReportDocument>): string | null {
  return sameOutletNote(pair, docs) ?? (isDuplicate(pair) ? `duplicate record: ${DUPLICATE_RECORD_MEANING}` : null);
}

/** Where a cluster or duplicate group started: `origin Sputnik (004_…)`, or why none is named. */
export function describeOrigin(group: Pick<ReuseCluster, 'origin' | 'originBasis'>, docs: ReadonlyMap<string, ReportDocument>): string {
  if (group.origin !== null) return `origin ${outletLabel(docs.get(group.origin))} (${group.origin})`;
  return group.originBasis === 'simultaneous' ? 'origin: simultaneous (times tie within their precision)' : 'origin unknown (a member has no published time)';
}
