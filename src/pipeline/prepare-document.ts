/**
 * Per-document preparation, computed once and shared by every pair the
 * document takes part in: tokens with offsets, sentences, passage windows and
 * quotation regions.
 */
import { prepareAlignable, type AlignableDocument } from '../align';
import { findCredits, type Credit } from '../attribute';
import type { Article } from '../model';
import type { ResolvedOptions } from '../options';
import { buildPassageWindows, type PassageWindow } from '../text';

/** An article ready for fingerprinting and alignment. */
export interface PreparedDocument extends AlignableDocument {
  readonly article: Article;
  readonly windows: readonly PassageWindow[];
  /** Credit lines in the text (wire datelines, bylines, source lines, links). */
  readonly credits: readonly Credit[];
}

/** Prepare one article. Pure. */
export function prepareDocument(article: Article, options: ResolvedOptions): PreparedDocument {
  const alignable = prepareAlignable(article.text, options.maxSentenceWords, options.boilerplate);
  return {
    ...alignable,
    article,
    windows: buildPassageWindows(alignable.sentences, options.passageWords),
    credits: findCredits(article.text, article.meta.outlet, alignable.quotes),
  };
}
