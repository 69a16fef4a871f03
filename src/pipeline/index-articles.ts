/**
 * Adding articles to a persistent index: the same sketch and sign stages as a
 * scan (`sketchDocument`, `markSketchBoilerplate`, `signWindows`), then band
 * keys and the low 16 bits of each signature, written in batches (one
 * transaction each).
 *
 * Collection boilerplate in an index that grows: every article's distinct
 * anchor k-grams are stored with it; the blocked k-grams are recounted over
 * the whole index (the scan's `BoilerplateCounter`, same rules) when a run
 * adds at least {@link RECOUNT_GROWTH} of what the last count saw, or when
 * there was none, and kept in the index. Articles are signed with the blocked
 * set known when they are added; alignment always uses the latest.
 */
import { createHash } from 'node:crypto';
import type { Article } from '../model';
import type { ResolvedOptions } from '../options';
import { computeStoreBandKeys, lowBits, type IndexEntry, type IndexStore, type WriteCounts } from '../store';
import { BoilerplateCounter } from './find-boilerplate';
import { createWindowHasher, resolveBanding, signWindows } from './find-candidates';
import { markSketchBoilerplate, sketchDocument, sketchSettingsOf, type DocumentSketch } from './sketch-document';

/** Articles per write transaction. */
export const INDEX_BATCH = 500;
/** A run that adds at least this share of the articles the last boilerplate count saw recounts it. */
export const RECOUNT_GROWTH = 0.1;

/** What an index run reports as it goes. */
export interface IndexRun {
  /** `done` of `total` articles to store were written. */
  readonly onProgress?: (done: number, total: number) => void;
}

/** What a run did. */
export interface IndexAddResult extends WriteCounts {
  /** Articles in the index afterwards. */
  readonly documents: number;
  /** Were the blocked k-grams recounted? */
  readonly recounted: boolean;
}

/** The content hash of an article: its text and metadata (not its path: a moved dump is the same content). */
export function contentHash(article: Article): string {
  return createHash('sha256').update(article.text).update('\u0000').update(JSON.stringify(article.meta)).digest('hex').slice(0, 32);
}

/**
 * Add `articles` to the index: new ids added, changed content replacing the
 * stored version, the same content left alone. `options` must be those the
 * index was made with (`resolveIndexOptions`).
 */
export function addArticlesToIndex(store: IndexStore, articles: readonly Article[], options: ResolvedOptions, run: IndexRun = {}): IndexAddResult {
  const counts: WriteCounts = { added: 0, replaced: 0, unchanged: 0 };
  const todo: { article: Article; hash: string }[] = [];
  for (const article of articles) {
    const hash = contentHash(article);
    if (store.hashOf(article.id) === hash) counts.unchanged++;
    else todo.push({ article, hash });
  }
  const settings = sketchSettingsOf(options);
  const sketches = todo.map((t) => sketchDocument(t.article.text, settings));
  const recount = decideRecount(store, todo.length, options);
  const blocked = recount ? countBlocked(store, todo, sketches, options) : new Set(store.readBlocked().blocked);

  const hasher = createWindowHasher(options);
  run.onProgress?.(0, todo.length);
  for (let from = 0; from < todo.length; from += INDEX_BATCH) {
    const batch: IndexEntry[] = [];
    for (let i = from; i < Math.min(todo.length, from + INDEX_BATCH); i++) {
      const { article, hash } = todo[i]!;
      const sketch = sketches[i]!;
      batch.push(indexEntryOf(article, hash, sketch, blocked, hasher, options));
      sketches[i] = EMPTY_SKETCH;
    }
    const written = store.write(batch);
    counts.added += written.added;
    counts.replaced += written.replaced;
    counts.unchanged += written.unchanged;
    run.onProgress?.(Math.min(todo.length, from + INDEX_BATCH), todo.length);
  }
  store.mergePending();
  const documents = store.countDocuments();
  if (recount) store.saveBlocked(Uint32Array.from(blocked).sort(), documents);
  return { ...counts, documents, recounted: recount };
}

const EMPTY_SKETCH: DocumentSketch = { hashes: new Uint32Array(0), mask: new Uint8Array(0), windows: new Uint32Array(0), grams: new Uint32Array(0) };

/** What the index stores of one article, signed with the blocked k-grams `blocked`. */
export function indexEntryOf(
  article: Article,
  hash: string,
  sketch: DocumentSketch,
  blocked: ReadonlySet<number>,
  hasher: ReturnType<typeof createWindowHasher>,
  options: ResolvedOptions,
): IndexEntry {
  markSketchBoilerplate(sketch, blocked, options.anchorSize);
  const signatures = signWindows(sketch, hasher, options.shingleSize);
  const { bands, rows } = resolveBanding(options);
  return {
    article,
    hash,
    signatures: lowBits(signatures),
    keys: computeStoreBandKeys(signatures, options.numPerm, bands, rows),
    grams: sketch.grams,
  };
}

/** Recount when boilerplate is on and the run adds enough to matter (or nothing was counted yet). */
function decideRecount(store: IndexStore, adding: number, options: ResolvedOptions): boolean {
  if (!options.boilerplate || adding === 0) return false;
  const last = store.readBlocked().documents;
  return last === 0 || adding >= RECOUNT_GROWTH * last;
}

/** The blocked k-grams of the stored articles (less those being replaced) and the new ones. */
function countBlocked(
  store: IndexStore,
  todo: readonly { readonly article: Article }[],
  sketches: readonly DocumentSketch[],
  options: ResolvedOptions,
): Set<number> {
  const counter = new BoilerplateCounter();
  const replacing = new Set(todo.map((t) => t.article.id));
  store.forEachGrams((id, outlet, grams) => {
    if (!replacing.has(id)) counter.add(grams, outlet);
  });
  todo.forEach((t, i) => counter.add(sketches[i]!.grams, t.article.meta.outlet));
  return counter.blocked(options);
}
