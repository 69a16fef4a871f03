/**
 * Who published first. Each published time is an interval of the UTC instants
 * it allows (a minute for `12:29+0000`, a whole day for a bare date, ±14 hours
 * for a wall-clock time of unknown zone). The earlier article is the source only
 * when the two intervals do not overlap; otherwise the pair stays undirected.
 */
import type { PublishedTime } from '../model';

/** What direction needs to know of one document. */
export interface DatedDocument {
  readonly id: string;
  readonly published: PublishedTime | null;
}

/** Stable codes for the basis of a direction decision. */
export type DirectionBasis = 'published-time' | 'times-overlap' | 'time-unknown';

/** The outcome: source and target (origin first when directed), and why. */
export interface Direction {
  readonly source: string;
  readonly target: string;
  readonly directed: boolean;
  readonly basis: DirectionBasis;
  /** One human-readable sentence explaining the basis. */
  readonly basisDetail: string;
}

/** Render a published time for people, with its precision and zone. */
export function describeTime(t: PublishedTime): string {
  switch (t.kind) {
    case 'instant':
      return t.zoneSource === 'outlet' ? `${t.text} (${t.zone}, zone from outlets file)` : t.text;
    case 'local':
      return `${t.text} (local time, zone unknown)`;
    case 'date':
      return `${t.text} (date only)`;
  }
}

/** Decide the direction of a pair of documents from their published times. */
export function decideDirection(x: DatedDocument, y: DatedDocument): Direction {
  const [first, second] = x.id <= y.id ? [x, y] : [y, x];
  const undirected = (basis: DirectionBasis, basisDetail: string): Direction => ({
    source: first.id,
    target: second.id,
    directed: false,
    basis,
    basisDetail,
  });
  if (first.published === null || second.published === null) {
    const missing = [first, second].filter((d) => d.published === null).map((d) => d.id);
    return undirected('time-unknown', `no published time for ${missing.join(' and ')}`);
  }
  const a = first.published.interval;
  const b = second.published.interval;
  if (a.to <= b.from || b.to <= a.from) {
    const [src, dst] = a.to <= b.from ? [first, second] : [second, first];
    return {
      source: src.id,
      target: dst.id,
      directed: true,
      basis: 'published-time',
      basisDetail: `${src.id} published ${describeTime(src.published as PublishedTime)}, before ${dst.id} at ${describeTime(dst.published as PublishedTime)}`,
    };
  }
  return undirected(
    'times-overlap',
    `published times overlap within their precision: ${first.id} ${describeTime(first.published)}, ${second.id} ${describeTime(second.published)}`,
  );
}
