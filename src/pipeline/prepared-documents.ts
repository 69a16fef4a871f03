/**
 * Prepared documents for the align phase, built when a candidate pair first
 * needs one and dropped after its last candidate pair: memory holds the
 * documents of the pairs in flight, not the collection. A document's
 * preparation (offsets, sentences, stems, quotations, credits, boilerplate
 * mask with the collection's blocked k-grams) is the same whenever it is
 * built, so the order of building changes nothing in the result.
 */
import { InternalError } from '../errors';
import type { Article } from '../model';
import type { ResolvedOptions } from '../options';
import type { CandidateDocumentPair } from './find-candidates';
import { markBlockedTokens, type BlockedGramSets } from './find-boilerplate';
import { prepareDocument, type PreparedDocument } from './prepare-document';

export class PreparedDocuments {
  private readonly live = new Map<number, PreparedDocument>();
  /** Documents whose last candidate pair is pair `i`, by `i`. */
  private readonly lastUse = new Map<number, number[]>();

  /**
   * @param articles - the documents, indexed as the candidates index them.
   * @param candidates - the pairs to be aligned, in the order they will be.
   * @param blocked - the collection's blocked k-grams.
   */
  constructor(
    private readonly articles: readonly Article[],
    candidates: readonly CandidateDocumentPair[],
    private readonly options: ResolvedOptions,
    private readonly blocked: BlockedGramSets,
  ) {
    const last = new Map<number, number>();
    candidates.forEach((c, i) => {
      last.set(c.a, i);
      last.set(c.b, i);
    });
    for (const [doc, i] of last) {
      const list = this.lastUse.get(i);
      if (list === undefined) this.lastUse.set(i, [doc]);
      else list.push(doc);
    }
  }

  /** Document `index`, prepared (built now if it is not live). */
  get(index: number): PreparedDocument {
    const live = this.live.get(index);
    if (live !== undefined) return live;
    const article = this.articles[index];
    if (article === undefined) throw new InternalError(`PreparedDocuments: no document ${index}`);
    const doc = prepareDocument(article, this.options);
    markBlockedTokens(doc.text.tokens.hash, doc.text.tokens.count, doc.boilerplate, this.blocked, this.options);
    this.live.set(index, doc);
    return doc;
  }

  /** Candidate pair `i` is done: drop the documents it was the last to need. */
  done(i: number): void {
    for (const doc of this.lastUse.get(i) ?? []) this.live.delete(doc);
  }

  /** Documents currently held. */
  get size(): number {
    return this.live.size;
  }
}
