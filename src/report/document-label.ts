/** How a document is named for people: outlet display name, domain, or "unknown outlet". */
import type { ReportDocument } from '../model';

/** `Sputnik International (sputniknews.com)`, `sputniknews.com`, `Reuters` or `unknown outlet`. */
export function outletLabel(doc: ReportDocument | undefined): string {
  if (doc === undefined) return 'unknown outlet';
  if (doc.outletName !== null && doc.outlet !== null && doc.outletName !== doc.outlet) {
    return `${doc.outletName} (${doc.outlet})`;
  }
  return doc.outletName ?? doc.outlet ?? 'unknown outlet';
}
