/** What the alignment engine needs of a document, computed once per document. */
import type { Span } from '../model';
import type { Sentence, TokenizedText } from '../text';

/** A document prepared for alignment. */
export interface AlignableDocument {
  /** Original text, normalisation and word tokens. */
  readonly text: TokenizedText;
  /** Sentences as token ranges. */
  readonly sentences: readonly Sentence[];
  /** Content-term id of each token (stemmed, hashed; 0 for stop words). */
  readonly terms: Uint32Array;
  /** Quotation regions (original spans), sorted and disjoint. */
  readonly quotes: readonly Span[];
  /** 1 for tokens that are boilerplate (see `text/boilerplate.ts`); may be extended by the pipeline. */
  readonly boilerplate: Uint8Array;
}
