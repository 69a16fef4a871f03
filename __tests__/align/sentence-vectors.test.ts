import type { AlignableDocument } from '../../src/align/alignable-document';
import { buildSentenceVectors } from '../../src/align/sentence-seeds';

/** Just what buildSentenceVectors reads: sentences, terms and the boilerplate mask. */
function doc(terms: number[], sentences: [number, number][], boilerplate: number[] = []): AlignableDocument {
  const mask = new Uint8Array(terms.length);
  for (const t of boilerplate) mask[t] = 1;
  return {
    sentences: sentences.map(([tokenStart, tokenEnd]) => ({ start: 0, end: 0, tokenStart, tokenEnd })),
    terms: Uint32Array.from(terms),
    boilerplate: mask,
  } as unknown as AlignableDocument;
}

describe('buildSentenceVectors', () => {
  it('weights each term count × ln(sentences / sentences with the term), terms ascending', () => {
    // a: one sentence, terms 7, 5, 5, a stop word (0) and a boilerplate token (9).
    // b: sentences [7, 8] and [5]. Three sentences: 5 and 7 in two each, 8 in one.
    const a = doc([7, 5, 5, 0, 9], [[0, 5]], [4]);
    const b = doc([7, 8, 5], [[0, 2], [2, 3]]);
    const v = buildSentenceVectors(a, b);
    const l15 = Math.log(3 / 2);
    const l3 = Math.log(3);
    expect(Array.from(v.a[0]!.terms)).toEqual([5, 7]);
    expect(Array.from(v.a[0]!.weights)).toEqual([2 * l15, l15]);
    expect(v.a[0]!.norm).toBe(Math.sqrt(2 * l15 * (2 * l15) + l15 * l15));
    expect(Array.from(v.b[0]!.terms)).toEqual([7, 8]);
    expect(Array.from(v.b[0]!.weights)).toEqual([l15, l3]);
    expect(Array.from(v.b[1]!.terms)).toEqual([5]);
    expect(Array.from(v.b[1]!.weights)).toEqual([l15]);
  });

  it('gives an empty vector to a sentence of stop words and boilerplate, and orders large term ids as unsigned', () => {
    const a = doc([0, 0, 0xffff_fff0, 3, 0x8000_0000], [[0, 2], [2, 5]]);
    const b = doc([3], [[0, 1]]);
    const v = buildSentenceVectors(a, b);
    expect(v.a[0]!.terms).toHaveLength(0);
    expect(v.a[0]!.norm).toBe(0);
    expect(Array.from(v.a[1]!.terms)).toEqual([3, 0x8000_0000, 0xffff_fff0]);
    expect(Array.from(v.a[1]!.weights)).toEqual([Math.log(3 / 2), Math.log(3), Math.log(3)]);
  });
});
