/** Preparing a text for alignment: tokens, sentences, content terms (once per document). */
import { computeTerms, findQuotedSpans, splitSentences, tokenizeText } from '../text';
import type { AlignableDocument } from './alignable-document';

/** Tokenise, split into sentences, stem and find the quotations of a text. Pure. */
export function prepareAlignable(original: string, maxSentenceWords: number): AlignableDocument {
  const text = tokenizeText(original);
  const sentences = splitSentences(original, text.normalized.text, text.tokens, { maxWords: maxSentenceWords });
  return { text, sentences, terms: computeTerms(text), quotes: findQuotedSpans(original) };
}
