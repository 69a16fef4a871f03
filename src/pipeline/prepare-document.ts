/**
 * Per-document preparation, computed once and shared by every pair the
 * document takes part in: tokens with offsets, sentences, passage windows and
 * quotation regions.
 */
import type { Article, Span } from '../model';
import type { ResolvedOptions } from '../options';
import {
  buildPassageWindows,
  findQuotedSpans,
  splitSentences,
  tokenizeText,
  type PassageWindow,
  type TokenizedText,
} from '../text';

/** An article ready for fingerprinting and alignment. */
export interface PreparedDocument {
  readonly article: Article;
  readonly text: TokenizedText;
  readonly windows: readonly PassageWindow[];
  readonly quotes: readonly Span[];
}

/** Prepare one article. Pure. */
export function prepareDocument(article: Article, options: ResolvedOptions): PreparedDocument {
  const text = tokenizeText(article.text);
  const sentences = splitSentences(article.text, text.normalized.text, text.tokens, {
    maxWords: options.maxSentenceWords,
  });
  return {
    article,
    text,
    windows: buildPassageWindows(sentences, options.passageWords),
    quotes: findQuotedSpans(article.text),
  };
}
