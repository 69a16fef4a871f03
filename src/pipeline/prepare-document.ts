/**
 * Per-document preparation for alignment, shared by every candidate pair the
 * document takes part in: tokens with offsets, sentences, stems, quotation
 * regions and credit lines. (Fingerprinting reads a lighter sketch:
 * `sketch-document.ts`.)
 */
import { prepareAlignable, type AlignableDocument } from '../align';
import { findCredits, type Credit } from '../attribute';
import type { Article } from '../model';
import type { ResolvedOptions } from '../options';

/** An article ready for alignment. */
export interface PreparedDocument extends AlignableDocument {
  readonly article: Article;
  /** Credit lines in the text (wire datelines, bylines, source lines, links). */
  readonly credits: readonly Credit[];
}

/** Prepare one article. Pure. */
export function prepareDocument(article: Article, options: ResolvedOptions): PreparedDocument {
  const alignable = prepareAlignable(article.text, options.maxSentenceWords, options.boilerplate);
  return {
    ...alignable,
    article,
    credits: findCredits(article.text, article.meta.outlet, alignable.quotes),
  };
}
