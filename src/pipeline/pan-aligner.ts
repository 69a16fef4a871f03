/**
 * Aligning PAN-style document pairs (suspicious = the copier, "this"; source)
 * with the one alignment engine, caching prepared documents: a suspicious
 * document takes part in many pairs, and so do some sources.
 */
import { join } from 'node:path';
import { alignDocuments, prepareAlignable, type AlignableDocument, type AlignSettings } from '../align';
import type { PanDetection } from '../eval';
import { readPanDocument } from '../ingest';

/** Turn aligned passages (a = source, b = suspicious) into PAN detections. Pure. */
export function detectPanPair(src: AlignableDocument, susp: AlignableDocument, settings: AlignSettings): PanDetection[] {
  return alignDocuments(src, susp, settings).map((p) => ({
    thisOffset: p.b.start,
    thisLength: p.b.end - p.b.start,
    sourceOffset: p.a.start,
    sourceLength: p.a.end - p.a.start,
  }));
}

/** Where the documents are and how to align them. */
export interface PanAlignerConfig {
  readonly suspDir: string;
  readonly srcDir: string;
  readonly settings: AlignSettings;
  readonly maxSentenceWords: number;
  readonly boilerplate: boolean;
}

/** Reads, prepares (cached) and aligns pairs by file name. */
export class PanAligner {
  private readonly cache = new Map<string, AlignableDocument>();
  private static readonly CACHE_SIZE = 64;

  constructor(private readonly config: PanAlignerConfig) {}

  private async document(dir: string, name: string): Promise<AlignableDocument> {
    const file = join(dir, name);
    const hit = this.cache.get(file);
    if (hit !== undefined) {
      // Refresh its place in the LRU order.
      this.cache.delete(file);
      this.cache.set(file, hit);
      return hit;
    }
    const doc = prepareAlignable(await readPanDocument(file), this.config.maxSentenceWords, this.config.boilerplate);
    this.cache.set(file, doc);
    if (this.cache.size > PanAligner.CACHE_SIZE) {
      const oldest = this.cache.keys().next().value;
      if (oldest !== undefined) this.cache.delete(oldest);
    }
    return doc;
  }

  /** Detections for one pair. */
  async align(susp: string, src: string): Promise<PanDetection[]> {
    const suspDoc = await this.document(this.config.suspDir, susp);
    const srcDoc = await this.document(this.config.srcDir, src);
    return detectPanPair(srcDoc, suspDoc, this.config.settings);
  }
}
