/**
 * Checking drafts against an index: each draft is sketched and signed as a
 * scan would (`sketchDocument`, `markSketchBoilerplate`, `signWindows`), its
 * windows' band keys are looked up in the index's posting lists, and every
 * archived article sharing a bucket is a candidate when some window of the
 * draft that collided with it estimates, against some window of it, at or
 * above `minEstimate` (the scan's rule; here over all of the article's
 * windows, since the index keeps documents, not windows, per bucket); of a
 * bucket over the limit, only its earliest archived articles are.
 * Candidates are aligned with the scan's `comparePair`, so the report is the
 * scan's contract: the drafts and the archived articles they reuse are its
 * documents, each draft–article pair with passages a pair. Drafts are not
 * compared with one another, and an archived article with a draft's id (an
 * earlier version of it) is not compared with it.
 */
import { coveredShare } from '../attribute';
import { compareCodeUnits } from '../code-unit-order';
import { DEFAULT_MAX_BUCKET_SIZE } from '../lsh';
import { lowBits, lowBitsAgreement } from '../minhash';
import type { Article, DraftShare, Pair, Report, Warning } from '../model';
import type { ResolvedOptions } from '../options';
import { computeWindowBandKeys, type IndexStore, type StoredDocument } from '../store';
import { comparePair, sameOutlet } from './compare-pair';
import { createWindowHasher, minEstimate, resolveBanding, signWindows, type CandidateDocumentPair } from './find-candidates';
import { PreparedDocuments } from './prepared-documents';
import { buildReport } from './scan';
import { blockedGramSets, type BlockedGramSets } from './find-boilerplate';
import { markSketchBoilerplate, sketchDocument, sketchSettingsOf } from './sketch-document';

export type { DraftShare } from '../model';

/** A check's report, the texts it points into, and each draft's shares. */
export interface CheckResult {
  readonly report: Report;
  readonly texts: ReadonlyMap<string, string>;
  /** One per draft, in the order given: the archived article it reuses most, and what it reuses in all (the report's `drafts`). */
  readonly largest: readonly DraftShare[];
}

/**
 * Check drafts against the index. `options` must be those the index was
 * made with (`resolveIndexOptions`). Reads the index only.
 */
export function checkDrafts(store: IndexStore, drafts: readonly Article[], options: ResolvedOptions, warnings: readonly Warning[] = []): CheckResult {
  const banding = resolveBanding(options);
  const blocked = blockedGramSets(store.readBlocked().blocked);
  const sources = new Map<string, Article>();
  const found: Pair[] = [];
  const largest: DraftShare[] = [];
  for (const draft of drafts) {
    const candidates = findIndexedCandidates(store, draft, blocked, options).filter(
      (c) => c.stored.article.id !== draft.id && (options.includeSameOutlet || !sameOutlet(draft.meta, c.stored.article.meta)),
    );
    const articles = [draft, ...candidates.map((c) => c.stored.article)];
    const pairs: CandidateDocumentPair[] = candidates.map((c, i) => ({ a: 0, b: i + 1, estimatedSimilarity: c.estimate }));
    const docs = new PreparedDocuments(articles, pairs, options, blocked);
    let best: { source: string | null; share: number } = { source: null, share: 0 };
    const mine: Pair[] = [];
    pairs.forEach((p, i) => {
      const pair = comparePair(docs.get(p.a), docs.get(p.b), p.estimatedSimilarity, options);
      docs.done(i);
      if (pair === null) return;
      const source = articles[p.b]!;
      found.push(pair);
      mine.push(pair);
      sources.set(source.id, source);
      const share = draftShareOf(pair, draft.id);
      if (share > best.share) best = { source: source.id, share };
    });
    const onDraft = mine.flatMap((pair) => pair.passages.map((passage) => ({ passage, side: pair.target === draft.id ? ('target' as const) : ('source' as const) })));
    largest.push({ draft: draft.id, ...best, reused: coveredShare(onDraft, draft.text.length), sources: mine.length });
  }
  const documents = [...drafts, ...sources.values()].sort((a, b) => compareCodeUnits(a.id, b.id));
  return {
    report: { ...buildReport(documents, found, options, banding, warnings), drafts: largest },
    texts: new Map(documents.map((a) => [a.id, a.text])),
    largest,
  };
}

/** The share of the draft `draftId` inside a pair's passages: its coverage on the draft's side. */
export function draftShareOf(pair: Pair, draftId: string): number {
  return pair.target === draftId ? pair.coverage.target : pair.coverage.source;
}

/** An archived article worth aligning with a draft, and its best window estimate. */
interface IndexedCandidate {
  readonly stored: StoredDocument;
  readonly estimate: number;
}

/** Archived articles whose windows collide with the draft's and estimate at or above the floor, by row number. */
function findIndexedCandidates(store: IndexStore, draft: Article, blocked: BlockedGramSets, options: ResolvedOptions): IndexedCandidate[] {
  const k = options.numPerm;
  const { bands, rows } = resolveBanding(options);
  const sketch = sketchDocument(draft.text, sketchSettingsOf(options));
  markSketchBoilerplate(sketch, blocked, options);
  const signatures = signWindows(sketch, createWindowHasher(options), options.shingleSize);
  const windows = signatures.length / k;
  const draftLow = lowBits(signatures);
  const keys = computeWindowBandKeys(signatures, k, bands, rows);
  /** Draft windows by the band key they fall in. */
  const windowsOf = new Map<number, number[]>();
  for (let w = 0; w < windows; w++) {
    for (let j = 0; j < bands; j++) {
      const key = keys[w * bands + j]!;
      const list = windowsOf.get(key);
      if (list === undefined) windowsOf.set(key, [w]);
      else if (list[list.length - 1] !== w) list.push(w);
    }
  }
  /** Draft windows that collided with each archived article. */
  const collided = new Map<number, Set<number>>();
  const collide = (key: number, doc: number): void => {
    let set = collided.get(doc);
    if (set === undefined) collided.set(doc, (set = new Set()));
    for (const w of windowsOf.get(key)!) set.add(w);
  };
  const { buckets, oversized } = store.lookup(windowsOf.keys(), DEFAULT_MAX_BUCKET_SIZE);
  for (const [key, docs] of buckets) if (!oversized.has(key)) for (const doc of docs) collide(key, doc);
  // A bucket over the limit is a passage archived hundreds of times (a wire
  // story: exactly what a draft may copy). Skipped, as it once was, a draft
  // copying a story archived more than 200 times was "clean". Its earliest
  // archived articles are candidates instead, at most the limit's number in
  // all from such buckets (keys in order), so a draft costs what a full
  // bucket costs however many buckets overflow.
  const wide = new Set<number>();
  for (const key of [...oversized].sort((a, b) => a - b)) {
    for (const doc of buckets.get(key)!) {
      if (!collided.has(doc) && !wide.has(doc)) {
        if (wide.size === DEFAULT_MAX_BUCKET_SIZE) continue;
        wide.add(doc);
      }
      collide(key, doc);
    }
  }
  const floor = minEstimate(options.threshold, k);
  const out: IndexedCandidate[] = [];
  for (const doc of [...collided.keys()].sort((a, b) => a - b)) {
    const stored = store.signaturesOf(doc);
    if (stored === null) continue;
    let best = 0;
    for (const w of collided.get(doc)!) {
      for (let v = 0; v * k < stored.length; v++) best = Math.max(best, lowBitsAgreement(draftLow, w * k, stored, v * k, k));
    }
    if (best < floor) continue;
    const document = store.readDocument(doc);
    if (document !== null) out.push({ stored: document, estimate: best });
  }
  return out;
}
