/** How a document is named for people: outlet display name, domain, or "unknown outlet". */
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
