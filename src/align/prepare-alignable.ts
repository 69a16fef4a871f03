/** Preparing a text for alignment: tokens, sentences, content terms (once per document). */
import { computeTerms, findQuotedSpans, markRepeatedLines, splitSentences, tokenizeText } from '../text';
import type { AlignableDocument } from './alignable-document';

/** Lines repeated this often inside one document are boilerplate. */
export const REPEATED_LINE_BOILERPLATE = 3;

/** Tokenise, split into sentences, stem, find the quotations and page boilerplate of a text. Pure. */
export function prepareAlignable(original: string, maxSentenceWords: number, boilerplate = true): AlignableDocument {
  const text = tokenizeText(original);
  const sentences = splitSentences(original, text.normalized.text, text.tokens, { maxWords: maxSentenceWords });
  return {
    text,
    sentences,
    terms: computeTerms(text),
    quotes: findQuotedSpans(original),
    boilerplate: boilerplate
      ? markRepeatedLines(text.normalized.text, text.tokens, REPEATED_LINE_BOILERPLATE)
      : new Uint8Array(text.tokens.count),
  };
}
