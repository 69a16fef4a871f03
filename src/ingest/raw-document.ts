/**
 * A document as read from disk, before ids are made unique and metadata is resolved.
 */
import type { IdClaim } from './assign-ids';

/** Metadata values as a source states them, unparsed. Unknown is `null`. */
export interface StatedMeta {
  readonly outlet: string | null;
  readonly url: string | null;
  readonly published: string | null;
  readonly title: string | null;
}

/** Nothing stated. */
export const NOTHING_STATED: StatedMeta = Object.freeze({ outlet: null, url: null, published: null, title: null });

/** One document read from an input file. */
export interface RawDocument {
  readonly claim: IdClaim;
  /** Display path of the file, or `file:line` for a JSONL record. */
  readonly path: string;
  /** Original text: decoded, BOM removed (for HTML: the reduced text). */
  readonly text: string;
  /** Values of JSONL fields (source `field`). */
  readonly fields: StatedMeta;
  /** Values stated by the document's markup, e.g. HTML meta tags (source `text`). */
  readonly embedded: StatedMeta;
}
