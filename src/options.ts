/**
 * Scan options: every default and every validation in one place.
 * `resolveOptions()` turns user input into a frozen, checked `ResolvedOptions`.
 */
import { OptionsError } from './errors';
import type { MinHashScheme } from './minhash/minhash-params';

/**
 * How the path `-` (standard input) is read: JSON Lines, one article a line
 * (gzip and zstd recognised by their magic bytes), or one article of plain
 * text or HTML (a draft piped to `check`).
 */
export type StdinFormat = 'jsonl' | 'text' | 'html';

/** Names of the JSONL fields that carry each part of an article. */
export interface FieldMap {
  readonly id: string;
  readonly text: string;
  readonly outlet: string;
  readonly url: string;
  readonly published: string;
  readonly title: string;
}

/** Options of `scan` (all optional; see each field's default). */
export interface ScanOptions {
  /**
   * Words per shingle for MinHash. Smaller shingles keep lightly edited copies
   * similar (recall) but make unrelated passages look more alike (more candidates).
   * @default 3
   */
  readonly shingleSize?: number;
  /**
   * MinHash permutations per passage. More gives tighter similarity estimates at
   * proportionally more hashing time and memory.
   * @default 128
   */
  readonly numPerm?: number;
  /**
   * How passage windows are signed: `permutations` (`numPerm` hashes per
   * shingle; each shingle signed once and windows combined by minimum) or
   * `one-permutation` (one hash per shingle, binned and densified: about half
   * the signing time, noisier estimates on 40-word windows — see the README).
   * @default 'permutations'
   */
  readonly minhashScheme?: MinHashScheme;
  /** Seed of the MinHash permutations; signatures made with different seeds never compare. @default 1 */
  readonly seed?: number;
  /**
   * Estimated passage Jaccard at which two passages become candidates, used to
   * choose bands × rows when they are not given. Lower finds more reuse (recall)
   * and aligns more pairs that turn out unrelated (time).
   * @default 0.3
   */
  readonly threshold?: number;
  /** LSH bands; with `rows`, overrides `threshold`. */
  readonly bands?: number;
  /** LSH rows per band; with `bands`, overrides `threshold`. */
  readonly rows?: number;
  /**
   * Words per passage window (whole sentences, at least this many). Shorter windows
   * catch shorter reused stretches; longer windows cost less.
   * @default 40
   */
  readonly passageWords?: number;
  /**
   * Words per exact anchor in alignment. Shorter anchors survive denser edits but
   * match stock phrases more often.
   * @default 4
   */
  readonly anchorSize?: number;
  /**
   * Largest gap (words, on either side) bridged inside one passage. Larger merges
   * lightly edited stretches into one passage; too large glues unrelated matches.
   * @default 10
   */
  readonly maxGap?: number;
  /**
   * Fewest exactly matching words for a passage to be reported. Lower reports
   * short shared phrases (noise); higher misses short reused sentences.
   * @default 12
   */
  readonly minPassageWords?: number;
  /**
   * Share of either document's characters reused, outside quotations, at which a
   * pair is `syndication` rather than `partial`.
   * @default 0.3
   */
  readonly syndicationShare?: number;
  /** Share of a passage inside quotation marks, in both documents, for it to be a `quote`. @default 0.5 */
  readonly quoteShare?: number;
  /**
   * Align reworded passages too (sentence bag-of-words channel), not only exact
   * anchors. Off finds verbatim and lightly edited reuse only, a little faster.
   * @default true
   */
  readonly sentenceChannel?: boolean;
  /**
   * Sentence seeds need a tf-isf cosine above this (and a Dice above `seedDice`).
   * Lower finds more heavily reworded reuse and more coincidences.
   * @default 0.3
   */
  readonly seedCosine?: number;
  /** Sentence seeds need a Dice coefficient of their term sets above this. @default 0.33 */
  readonly seedDice?: number;
  /** Largest gap, in sentences, when growing sentence seeds into passages. @default 4 */
  readonly sentenceGap?: number;
  /**
   * Condensed copies: aligned stretches at most this many words apart in the
   * copy, in the same order in the source however far apart there, form one
   * passage made of segments (a brief or summary that drops paragraphs is one
   * act of reuse). 0 reports every stretch alone.
   * @default 50
   */
  readonly condenseGap?: number;
  /** A grown sentence passage is kept when its ranges' cosine exceeds this. @default 0.34 */
  readonly fragmentCosine?: number;
  /**
   * Fewest sentence pairs in a passage only the sentence channel found. 1 reports a
   * single reworded sentence (in news, often two outlets describing the same event).
   * @default 2
   */
  readonly minSentenceSeeds?: number;
  /**
   * A reworded-only passage with fewer seeds is still kept when the cosine of its
   * sentences reaches this: one strongly matching reworded sentence. Lower finds
   * more single reworded sentences and more coincidences.
   * @default 0.5
   */
  readonly strongSeedCosine?: number;
  /**
   * Fewest characters, on both sides, of a passage only the sentence channel found.
   * Lower reports short reworded sentences (and more coincidences).
   * @default 150
   */
  readonly minSentencePassageChars?: number;
  /**
   * Keep boilerplate out of matches: lines repeated 3+ times in a document,
   * text recurring across one outlet's articles, and text in a large share of
   * all articles. Off treats page furniture as text (it can then be "reused").
   * @default true
   */
  readonly boilerplate?: boolean;
  /** Share of all articles a word k-gram must recur in to be boilerplate. @default 0.05 */
  readonly boilerplateShare?: number;
  /** …and the fewest articles. @default 20 */
  readonly boilerplateMinDocs?: number;
  /**
   * Report every pair of articles from the same outlet: an outlet reusing part
   * of its own text too, which is not syndication. Without it a scan reports a
   * pair of one outlet only as a duplicate record (`isDuplicate`: the same
   * article twice); `check` leaves the draft's own outlet out. Unknown outlets
   * never count as the same.
   * @default false
   */
  readonly includeSameOutlet?: boolean;
  /** Fewest documents sharing a passage for it to form a reuse cluster. @default 3 */
  readonly minClusterSize?: number;
  /** JSONL field names, overriding the defaults per field. */
  readonly fields?: Partial<FieldMap>;
  /** Sidecar manifest (id → metadata) to use instead of a discovered `manifest.json`. */
  readonly manifest?: string;
  /** Outlets file to use instead of discovered `outlets.json` files. */
  readonly outlets?: string;
  /** Fail on the first malformed JSONL line instead of warning. @default false */
  readonly strict?: boolean;
  /** The stream a path `-` reads; without it, `-` is an input error. The library never touches `process`. */
  readonly stdin?: NodeJS.ReadableStream;
  /** How `stdin` is read: JSONL, or one article of text or HTML. @default 'jsonl' */
  readonly stdinFormat?: StdinFormat;
}

/** Options after defaults and validation. */
export interface ResolvedOptions {
  readonly shingleSize: number;
  readonly numPerm: number;
  readonly minhashScheme: MinHashScheme;
  readonly seed: number;
  readonly threshold: number;
  readonly bands: number | null;
  readonly rows: number | null;
  readonly passageWords: number;
  readonly anchorSize: number;
  readonly maxGap: number;
  readonly minPassageWords: number;
  readonly syndicationShare: number;
  readonly quoteShare: number;
  readonly includeSameOutlet: boolean;
  readonly minClusterSize: number;
  readonly boilerplate: boolean;
  readonly boilerplateShare: number;
  readonly boilerplateMinDocs: number;
  readonly sentenceChannel: boolean;
  readonly seedCosine: number;
  readonly seedDice: number;
  readonly sentenceGap: number;
  readonly condenseGap: number;
  readonly fragmentCosine: number;
  readonly minSentenceSeeds: number;
  readonly strongSeedCosine: number;
  readonly minSentencePassageChars: number;
  readonly maxSentenceWords: number;
  readonly maxOccurrences: number;
  readonly maxEditChars: number;
  readonly fields: Partial<FieldMap>;
  readonly manifest: string | null;
  readonly outlets: string | null;
  readonly strict: boolean;
}

/** The defaults, in one place. */
export const DEFAULTS = Object.freeze({
  shingleSize: 3,
  numPerm: 128,
  minhashScheme: 'permutations' as MinHashScheme,
  seed: 1,
  threshold: 0.3,
  passageWords: 40,
  anchorSize: 4,
  maxGap: 10,
  minPassageWords: 12,
  syndicationShare: 0.3,
  quoteShare: 0.5,
  includeSameOutlet: false,
  minClusterSize: 3,
  boilerplate: true,
  boilerplateShare: 0.05,
  boilerplateMinDocs: 20,
  sentenceChannel: true,
  seedCosine: 0.3,
  seedDice: 0.33,
  sentenceGap: 4,
  condenseGap: 50,
  fragmentCosine: 0.34,
  minSentenceSeeds: 2,
  strongSeedCosine: 0.5,
  minSentencePassageChars: 150,
  maxSentenceWords: 80,
  maxOccurrences: 16,
  maxEditChars: 20000,
});

function integer(name: string, value: number | undefined, fallback: number, min: number, max: number): number {
  if (value === undefined) return fallback;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
    throw new OptionsError(name, `must be a whole number from ${min} to ${max} (got ${String(value)})`);
  }
  return value;
}

function fraction(name: string, value: number | undefined, fallback: number, openZero = true): number {
  if (value === undefined) return fallback;
  const ok = typeof value === 'number' && Number.isFinite(value) && value <= 1 && (openZero ? value > 0 : value >= 0);
  if (!ok) throw new OptionsError(name, `must be a number in ${openZero ? '(0' : '[0'}, 1] (got ${String(value)})`);
  return value;
}

const SCHEMES: readonly MinHashScheme[] = ['permutations', 'one-permutation'];

function scheme(value: MinHashScheme | undefined): MinHashScheme {
  if (value === undefined) return DEFAULTS.minhashScheme;
  if (!SCHEMES.includes(value)) throw new OptionsError('minhash-scheme', `must be one of ${SCHEMES.join(', ')} (got ${String(value)})`);
  return value;
}

/** Apply defaults and validate; throws {@link OptionsError} naming the flag and what to do. */
export function resolveOptions(options: ScanOptions = {}): ResolvedOptions {
  const numPerm = integer('num-perm', options.numPerm, DEFAULTS.numPerm, 16, 1024);
  const bands = options.bands === undefined ? null : integer('bands', options.bands, 0, 1, numPerm);
  const rows = options.rows === undefined ? null : integer('rows', options.rows, 0, 1, numPerm);
  if ((bands === null) !== (rows === null)) {
    throw new OptionsError(bands === null ? 'bands' : 'rows', 'give --bands and --rows together, or neither (then --threshold chooses them)');
  }
  if (bands !== null && rows !== null && bands * rows > numPerm) {
    throw new OptionsError('bands', `bands × rows (${bands} × ${rows}) must not exceed --num-perm (${numPerm})`);
  }
  // Field names are validated where they are used, by the ingest stage.
  const fields = options.fields ?? {};
  return Object.freeze({
    shingleSize: integer('shingle-size', options.shingleSize, DEFAULTS.shingleSize, 1, 16),
    numPerm,
    minhashScheme: scheme(options.minhashScheme),
    seed: integer('seed', options.seed, DEFAULTS.seed, 0, 0xffffffff),
    threshold: fraction('threshold', options.threshold, DEFAULTS.threshold),
    bands,
    rows,
    passageWords: integer('passage-words', options.passageWords, DEFAULTS.passageWords, 5, 2000),
    anchorSize: integer('anchor-size', options.anchorSize, DEFAULTS.anchorSize, 2, 16),
    maxGap: integer('max-gap', options.maxGap, DEFAULTS.maxGap, 0, 200),
    minPassageWords: integer('min-passage-words', options.minPassageWords, DEFAULTS.minPassageWords, 2, 10000),
    syndicationShare: fraction('syndication-share', options.syndicationShare, DEFAULTS.syndicationShare),
    quoteShare: fraction('quote-share', options.quoteShare, DEFAULTS.quoteShare),
    includeSameOutlet: options.includeSameOutlet ?? DEFAULTS.includeSameOutlet,
    minClusterSize: integer('min-cluster-size', options.minClusterSize, DEFAULTS.minClusterSize, 2, 1e6),
    boilerplate: options.boilerplate ?? DEFAULTS.boilerplate,
    boilerplateShare: fraction('boilerplate-share', options.boilerplateShare, DEFAULTS.boilerplateShare),
    boilerplateMinDocs: integer('boilerplate-min-docs', options.boilerplateMinDocs, DEFAULTS.boilerplateMinDocs, 2, 1e9),
    sentenceChannel: options.sentenceChannel ?? DEFAULTS.sentenceChannel,
    seedCosine: fraction('seed-cosine', options.seedCosine, DEFAULTS.seedCosine),
    seedDice: fraction('seed-dice', options.seedDice, DEFAULTS.seedDice),
    sentenceGap: integer('sentence-gap', options.sentenceGap, DEFAULTS.sentenceGap, 0, 50),
    condenseGap: integer('condense-gap', options.condenseGap, DEFAULTS.condenseGap, 0, 10000),
    fragmentCosine: fraction('fragment-cosine', options.fragmentCosine, DEFAULTS.fragmentCosine),
    minSentenceSeeds: integer('min-sentence-seeds', options.minSentenceSeeds, DEFAULTS.minSentenceSeeds, 1, 1000),
    strongSeedCosine: fraction('strong-seed-cosine', options.strongSeedCosine, DEFAULTS.strongSeedCosine),
    minSentencePassageChars: integer('min-sentence-passage-chars', options.minSentencePassageChars, DEFAULTS.minSentencePassageChars, 0, 100000),
    maxSentenceWords: DEFAULTS.maxSentenceWords,
    maxOccurrences: DEFAULTS.maxOccurrences,
    maxEditChars: DEFAULTS.maxEditChars,
    fields: Object.freeze({ ...fields }),
    manifest: options.manifest ?? null,
    outlets: options.outlets ?? null,
    strict: options.strict ?? false,
  });
}
