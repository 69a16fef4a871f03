/**
 * Recall and precision of reported pairs against the planted (source, copy)
 * pairs of a synthetic corpus. A reported pair is a hit when its two ids are a
 * planted pair in either order; its direction is scored separately.
 */
import type { PlantedPair } from './synthetic-corpus';

/** The part of a report's pair the scoring reads. */
export interface ReportedPair {
  readonly source: string;
  readonly target: string;
  readonly relation: string;
  readonly directed: boolean;
}

/** Recall and precision of one selection of reported pairs. */
export interface Accuracy {
  readonly reported: number;
  readonly hits: number;
  readonly planted: number;
  /** hits / planted. */
  readonly recall: number;
  /** hits / reported (1 when nothing is reported). */
  readonly precision: number;
}

/** Accuracy of the reported pairs whose relation `keep` accepts. */
export function scorePairs(
  reported: readonly ReportedPair[],
  planted: readonly PlantedPair[],
  keep: (relation: string) => boolean,
): Accuracy {
  const truth = new Set(planted.map((p) => pairKey(p.source, p.copy)));
  const found = new Set<string>();
  let count = 0;
  for (const p of reported) {
    if (!keep(p.relation)) continue;
    count++;
    const key = pairKey(p.source, p.target);
    if (truth.has(key)) found.add(key);
  }
  return {
    reported: count,
    hits: found.size,
    planted: planted.length,
    recall: planted.length === 0 ? 1 : found.size / planted.length,
    precision: count === 0 ? 1 : found.size / count,
  };
}

/** Share of the planted pairs found (any relation) whose reported direction is the planted one. */
export function directionCorrect(reported: readonly ReportedPair[], planted: readonly PlantedPair[]): number {
  const sourceOf = new Map(planted.map((p) => [pairKey(p.source, p.copy), p.source]));
  let found = 0;
  let right = 0;
  for (const p of reported) {
    const source = sourceOf.get(pairKey(p.source, p.target));
    if (source === undefined) continue;
    found++;
    if (p.directed && p.source === source) right++;
  }
  return found === 0 ? 0 : right / found;
}

/** Unordered pair key. */
export function pairKey(a: string, b: string): string {
  return a < b ? `${a}\t${b}` : `${b}\t${a}`;
}
