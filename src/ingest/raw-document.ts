/**
 * A document as read from disk, before ids are made unique and metadata is resolved.
 */
import { InternalError } from '../errors';
import type { StoredText, TextStore } from '../model';
import type { IdClaim } from './assign-ids';

export type { StoredText, TextStore };

/** Metadata values as a source states them, unparsed. Unknown is `null`. */
export interface StatedMeta {
  readonly outlet: string | null;
  readonly url: string | null;
  readonly published: string | null;
  readonly title: string | null;
}

/** Nothing stated. */
export const NOTHING_STATED: StatedMeta = Object.freeze({ outlet: null, url: null, published: null, title: null });

/** A text as read: in memory, or put in a {@link TextStore}. */
export type DocumentText = string | StoredText;

/** `text`, put in `store` when there is one. */
export function keepText(text: string, store: TextStore | null): DocumentText {
  return store === null ? text : store.put(text);
}

/** The text itself, read back from `store` when it was put there. */
export function readText(text: DocumentText, store: TextStore | null): string {
  if (typeof text === 'string') return text;
  if (store === null) throw new InternalError('readText: a stored text with no store');
  return store.get(text.handle);
}

/** One document read from an input file. */
export interface RawDocument {
  readonly claim: IdClaim;
  /** Display path of the file, or `file:line` for a JSONL record. */
  readonly path: string;
  /** Original text: decoded, BOM removed (for HTML: the reduced text); or where it was put. */
  readonly text: DocumentText;
  /** Values of JSONL fields (source `field`). */
  readonly fields: StatedMeta;
  /** Values stated by the document's markup, e.g. HTML meta tags (source `text`). */
  readonly embedded: StatedMeta;
}
