/** How a document is named for people: outlet display name, domain, or "unknown outlet". */
import { isDuplicate } from '../attribute';
import type { Pair, ReportDocument } from '../model';

/** `Sputnik International (sputniknews.com)`, `sputniknews.com`, `Reuters` or `unknown outlet`. */
export function outletLabel(doc: ReportDocument | undefined): string {
  if (doc === undefined) return 'unknown outlet';
  if (doc.outletName !== null && doc.outlet !== null && doc.outletName !== doc.outlet) {
    return `${doc.outletName} (${doc.outlet})`;
  }
  return doc.outletName ?? doc.outlet ?? 'unknown outlet';
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
