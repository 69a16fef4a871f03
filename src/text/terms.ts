/**
 * Content terms of a text: each word token's stem (Porter2, via the
 * `wink-porter2-stemmer` package), hashed to a uint32; 0 marks a stop word.
 * Stemming makes "emancipated" and "emancipation" one term, which is what lets
 * reworded sentences still share their vocabulary.
 */
import stem from 'wink-porter2-stemmer';
import { hashString32 } from '../shingle/hash';
import { STOPWORDS } from './stopwords';
import type { TokenizedText } from './tokenize';

const cache = new Map<string, number>();
const CACHE_LIMIT = 500_000;

/** The term id of one normalised word: hash of its stem, or 0 for a stop word. */
export function termOf(word: string): number {
  const cached = cache.get(word);
  if (cached !== undefined) return cached;
  let id = 0;
  if (!STOPWORDS.has(word)) {
    const base = word.endsWith("'s") ? word.slice(0, -2) : word;
    // Hash 0 is reserved for "no term".
    id = hashString32(stem(base)) || 1;
  }
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(word, id);
  return id;
}

/** Term id of every token of a tokenised text (0 for stop words). */
export function computeTerms(text: TokenizedText): Uint32Array {
  const { tokens, normalized } = text;
  const out = new Uint32Array(tokens.count);
  for (let i = 0; i < tokens.count; i++) {
    out[i] = termOf(normalized.text.slice(tokens.normStart[i] ?? 0, tokens.normEnd[i] ?? 0));
  }
  return out;
}
