/**
 * Domain types shared by every stage of the pipeline.
 *
 * Offsets everywhere are half-open `[start, end)` UTF-16 code-unit indices into
 * the *original* text of a document, as reprint read it (decoded, BOM removed,
 * before any normalisation). They are named `start` / `end`.
 */

/** A half-open `[start, end)` range of UTF-16 offsets into a document's original text. */
export interface Span {
  readonly start: number;
  readonly end: number;
}

/**
 * A point in time as an article states it, with the precision that is known.
 *
 * - `instant`: an absolute time (explicit offset or zone known), with a precision in
 *   seconds (60 for `12:29+0000`, 1 for `12:29:05Z`).
 * - `local`: a wall-clock time whose zone is unknown (`12 Feb 2022 - 18:40`); it can be
 *   anywhere between UTC-12 and UTC+14.
 * - `date`: a calendar date with no time of day; the whole day, zone unknown.
 *
 * `interval` is the range of UTC milliseconds `[from, to)` the statement allows;
 * direction is decided only when two intervals do not overlap.
 */
export type PublishedTime =
  | {
      readonly kind: 'instant';
      /** ISO 8601 as read, normalised (e.g. `2022-02-12T12:29+00:00`). */
      readonly text: string;
      readonly interval: Interval;
      /** How the zone is known: stated in the text, or supplied by the outlets file. */
      readonly zoneSource: 'explicit' | 'outlet';
      /** IANA zone or `UTC±hh:mm`. */
      readonly zone: string;
    }
  | {
      readonly kind: 'local';
      /** Local wall-clock time, ISO without offset (e.g. `2022-02-12T18:40`). */
      readonly text: string;
      readonly interval: Interval;
    }
  | {
      readonly kind: 'date';
      /** `YYYY-MM-DD`. */
      readonly text: string;
      readonly interval: Interval;
    };

/** UTC milliseconds, half-open `[from, to)`. */
export interface Interval {
  readonly from: number;
  readonly to: number;
}

/** Where a metadata field came from, so the report can say what is known and how. */
export type MetaSource = 'field' | 'manifest' | 'text' | 'outlets' | 'unknown';

/** What reprint knows of an article besides its text. Unknown stays `null`. */
export interface ArticleMeta {
  /** Registered domain (e.g. `sputniknews.com`), or `null` when unknown. */
  readonly outlet: string | null;
  /** Display name of the outlet from the outlets file, or `null`. */
  readonly outletName: string | null;
  /** Owner group of the outlet from the outlets file (`Rossiya Segodnya`), or `null`. */
  readonly outletGroup: string | null;
  readonly url: string | null;
  readonly published: PublishedTime | null;
  readonly title: string | null;
  /** Provenance of each known field. */
  readonly sources: {
    readonly outlet: MetaSource;
    readonly url: MetaSource;
    readonly published: MetaSource;
    readonly title: MetaSource;
  };
}

/** One article as ingested: an id, its original text and metadata. */
export interface Article {
  /** Stable id: the file name without extension, or the JSONL `id` field as a string. */
  readonly id: string;
  /** Where it was read from (relative path, or `file:line` for JSONL), if any. */
  readonly path: string | null;
  /** The original text (decoded, BOM removed). All offsets point into it. */
  readonly text: string;
  readonly meta: ArticleMeta;
}

/** A text put aside in a {@link TextStore} while the rest of a dump is read. */
export interface StoredText {
  /** The store's name for it. */
  readonly handle: number;
  /** Its length in UTF-16 code units (what offsets count). */
  readonly length: number;
}

/**
 * Where ingest puts texts as it reads them, so a dump's texts need not all be
 * in memory at once (a scan's spool file). `get` gives back exactly the text
 * `put` was given.
 */
export interface TextStore {
  put(text: string): StoredText;
  get(handle: number): string;
}

/** An article whose text is in a {@link TextStore}: everything else, and where the text is. */
export interface StoredArticle {
  readonly id: string;
  readonly path: string | null;
  readonly text: StoredText;
  readonly meta: ArticleMeta;
}

/** A diagnostic about input that was skipped or degraded; the scan goes on. */
export interface Warning {
  readonly code: string;
  /** File (and `:line` for line-oriented inputs) the warning is about. */
  readonly where: string;
  readonly message: string;
}

/** Kinds of reused passage. */
export type PassageKind = 'verbatim' | 'near-verbatim' | 'paraphrase' | 'quote';

/** Relation between two documents. */
export type RelationKind = 'syndication' | 'partial' | 'shared-quote';

/** One contiguous aligned stretch of a condensed passage. */
export interface PassageSegment {
  readonly source: Span;
  readonly target: Span;
  /** Edit similarity of the two spans' normalised texts, in [0, 1]. */
  readonly similarity: number;
}

/** One aligned passage: a span in the source, a span in the target. */
export interface Passage {
  readonly source: Span;
  readonly target: Span;
  /**
   * Edit similarity of the two spans' normalised texts, in [0, 1]; for a
   * condensed passage, its segments' similarity weighted by their length in
   * the target.
   */
  readonly similarity: number;
  readonly kind: PassageKind;
  /**
   * Present when the passage is a condensed copy: the stretches actually
   * aligned, in order. The passage's spans run from the first to the last;
   * the source text between segments is what the copier left out.
   */
  readonly segments?: readonly PassageSegment[];
}

/** A reported pair of documents. */
export interface Pair {
  readonly source: string;
  readonly target: string;
  readonly directed: boolean;
  /**
   * Basis of the direction decision: `published-time` (directed), `times-overlap`
   * or `time-unknown` (undirected).
   */
  readonly basis: 'published-time' | 'times-overlap' | 'time-unknown';
  /** One sentence for people: the times compared, or what was missing. */
  readonly basisDetail: string;
  readonly relation: RelationKind;
  readonly score: number;
  readonly coverage: { readonly source: number; readonly target: number };
  /** Estimated (MinHash) Jaccard of the best candidate passage pair that led here. */
  readonly estimatedSimilarity: number;
  /** Does one article credit the other (or the wire agency both credit)? */
  readonly credited: boolean;
  /** The credit found, `null` when uncredited. */
  readonly credit: PairCredit | null;
  /** The two articles are of different outlets that the outlets file puts in one owner group (sister outlets). */
  readonly sameGroup: boolean;
  /**
   * The two articles are of the same known outlet. A scan reports such a pair
   * only as a duplicate record (`isDuplicate`: the same article twice), unless
   * asked for every one (`includeSameOutlet`).
   */
  readonly sameOutlet: boolean;
  readonly passages: readonly Passage[];
}

/** A credit line that credits the other document of a pair. */
export interface PairCredit {
  /** The document whose text carries the credit (the target, unless the pair is undirected). */
  readonly in: string;
  readonly span: Span;
  readonly kind: 'agency-dateline' | 'byline' | 'source-line' | 'via' | 'dash-credit' | 'link';
  /** Lower-case names credited (`ap`, `reuters`, a domain for links). */
  readonly names: readonly string[];
}

/**
 * How the origin of a cluster or a group of duplicate records was decided:
 * `earliest` (one member published before every other beyond their
 * precision), `simultaneous` (times tie within their precision) or
 * `time-unknown` (a member has no published time).
 */
export type OriginBasis = 'earliest' | 'simultaneous' | 'time-unknown';

/** A passage shared by three or more documents, with its likely origin. */
export interface ReuseCluster {
  readonly id: number;
  /** Distinct documents. */
  readonly size: number;
  readonly members: readonly { readonly id: string; readonly spans: readonly Span[] }[];
  /** The member published first beyond every other's time precision, or `null`. */
  readonly origin: string | null;
  readonly originBasis: OriginBasis;
}

/**
 * Documents that are one article several times over: joined by pairs that
 * are duplicate records (a `syndication` or `shared-quote` pair covering at
 * least 80% of each side), whatever their outlets.
 */
export interface DuplicateRecords {
  readonly id: number;
  /** Distinct documents (at least 2). */
  readonly size: number;
  /** Document ids, sorted. */
  readonly members: readonly string[];
  /** The member published first beyond every other's time precision, or `null`. */
  readonly origin: string | null;
  readonly originBasis: OriginBasis;
}

/** A document as it appears in the report. */
export interface ReportDocument {
  readonly id: string;
  readonly path?: string;
  readonly outlet: string | null;
  readonly outletName: string | null;
  readonly outletGroup: string | null;
  readonly url: string | null;
  readonly published: PublishedTime | null;
  readonly title: string | null;
  readonly length: number;
}

/** How much of a checked draft was found in the archive: from one article at most, and from all of them. */
export interface DraftShare {
  readonly draft: string;
  /** The archived article it reuses most, or `null` when nothing of the draft was found. */
  readonly source: string | null;
  /** Characters of the draft inside that article's passages / the draft's length (the pair's coverage on the draft's side). */
  readonly share: number;
  /**
   * Characters of the draft inside the passages of any archived article / the
   * draft's length: what a draft pieced together from several articles
   * reuses in all (at least {@link share}).
   */
  readonly reused: number;
  /** How many archived articles it reuses. */
  readonly sources: number;
}

/** The scan report: the JSON contract (schemaVersion 1). */
export interface Report {
  readonly schemaVersion: 1;
  readonly parameters: Readonly<Record<string, unknown>>;
  readonly documents: readonly ReportDocument[];
  readonly pairs: readonly Pair[];
  readonly clusters: readonly ReuseCluster[];
  /** Groups of duplicate records, largest first. */
  readonly duplicates: readonly DuplicateRecords[];
  readonly warnings: readonly Warning[];
  /** A check's report only: one entry per draft, in the order given (a scan's report has none). */
  readonly drafts?: readonly DraftShare[];
}
