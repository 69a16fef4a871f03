/**
 * PAN's text-alignment measures: macro-averaged character precision and recall,
 * granularity and plagdet (Potthast, Stein, Barrón-Cedeño & Rosso, "An Evaluation
 * Framework for Plagiarism Detection", COLING 2010), with the semantics of the official
 * PAN evaluation script (`perfmeasures.py`, used for the 2013 text-alignment task), plus
 * pair-level precision and recall.
 *
 * Definitions:
 * - Each case (ground truth) and each detection is a pair of half-open character ranges:
 *   `[thisOffset, thisOffset + thisLength)` in the suspicious document and
 *   `[sourceOffset, sourceOffset + sourceLength)` in the source document. Both
 *   documents' characters count: a case's characters are its suspicious characters ∪ its
 *   source characters, the two being disjoint sets, so `|s| = thisLength + sourceLength`.
 * - A detection r *detects* case s iff they belong to the same pair and overlap in BOTH
 *   documents (their suspicious ranges intersect AND their source ranges intersect).
 * - Macro recall = mean over cases s of |s ∩ (⋃ detections that detect s)| / |s|.
 * - Macro precision = mean over detections r of |r ∩ (⋃ cases detected by r)| / |r|.
 *   A detection on a pair without cases is counted in the mean and contributes 0.
 * - Empty sides, as in the official script: with no cases and no detections, precision =
 *   recall = 1 (nothing to find, nothing wrongly claimed); with cases but no detections,
 *   precision = recall = 0; with detections but no cases, precision = recall = 0. (The
 *   script's `macro_avg_recall` returns 1 when both lists are empty and 0 when either is;
 *   precision is the same function with the arguments swapped.) This matters per
 *   category: on `01-no-plagiarism` (no cases) a run scores plagdet 1 with no detection
 *   and 0 with any.
 * - Granularity = mean over detected cases (cases detected by ≥ 1 detection) of the
 *   number of detections that detect them; 1 when no case is detected.
 * - plagdet = F1(precision, recall) / log2(1 + granularity); F1 = 0 when P + R = 0.
 * - Pair level: a pair is *positive* if it has ≥ 1 case and *predicted* if it has ≥ 1
 *   detection; pairPrecision = TP / (TP + FP), pairRecall = TP / (TP + FN), with the same
 *   empty-side convention (0/0 is 1 when the other side is empty too, else 0).
 * - Duplicates: the official script reads cases and detections into sets, so identical
 *   annotations of one pair count once. Here too: identical cases or identical detections
 *   within a pair are merged before anything is counted, and `cases` / `detections` in
 *   the result count distinct ones.
 * - Every case and detection must have integer offsets ≥ 0 and lengths ≥ 1 on both sides
 *   (a zero-length range cannot be intersected; the official script divides by zero or
 *   counts it inconsistently); anything else is an {@link InputError}.
 *
 * Character sets are handled as interval unions, never as per-character arrays, so a
 * corpus of thousands of pairs of long documents costs O(cases × detections) per pair.
 *
 * Pure: data in, data out.
 */
import { compareCodeUnits } from '../code-unit-order';
import { InputError } from '../errors';

/** A ground-truth reuse case: a suspicious range and a source range (UTF-16 code units). */
export interface PanCase {
  readonly thisOffset: number;
  readonly thisLength: number;
  readonly sourceOffset: number;
  readonly sourceLength: number;
}

/** A detection, in the same shape as a {@link PanCase}. */
export interface PanDetection {
  readonly thisOffset: number;
  readonly thisLength: number;
  readonly sourceOffset: number;
  readonly sourceLength: number;
}

/** One document pair to score: its ground-truth cases and the detections made on it. */
export interface PanPairResult {
  readonly cases: readonly PanCase[];
  readonly detections: readonly PanDetection[];
}

/** A {@link PanPairResult} with the corpus category (folder name) of its pair. */
export interface PanCategorizedPairResult extends PanPairResult {
  readonly category: string;
}

/** PAN's measures over a set of pairs. */
export interface PanMeasures {
  /** Macro-averaged character precision, in [0, 1]. */
  readonly precision: number;
  /** Macro-averaged character recall, in [0, 1]. */
  readonly recall: number;
  /** Mean detections per detected case, ≥ 1. */
  readonly granularity: number;
  /** F1(precision, recall) / log2(1 + granularity), in [0, 1]. */
  readonly plagdet: number;
  /** Share of pairs with a detection that have a case, in [0, 1]. */
  readonly pairPrecision: number;
  /** Share of pairs with a case that have a detection, in [0, 1]. */
  readonly pairRecall: number;
  /** Number of distinct cases. */
  readonly cases: number;
  /** Number of distinct detections. */
  readonly detections: number;
}

/** The measures of one category. */
export interface PanCategoryMeasures {
  readonly category: string;
  /** Number of pairs in the category. */
  readonly pairs: number;
  readonly measures: PanMeasures;
}

/** Measures over all pairs, and per category sorted by category name. */
export interface PanMeasuresByCategory {
  readonly overall: PanMeasures;
  readonly categories: readonly PanCategoryMeasures[];
}

/**
 * Compute PAN's measures over pairs (definitions in the module header).
 *
 * @throws {@link InputError} (`where` = `pairs[i].cases[j]` or `pairs[i].detections[j]`)
 *   for a range that is not integer, negative or empty
 */
export function computePanMeasures(pairs: readonly PanPairResult[]): PanMeasures {
  let caseCount = 0;
  let detectionCount = 0;
  let recallSum = 0;
  let precisionSum = 0;
  let detectedCases = 0;
  let detectionsOfDetectedCases = 0;
  let truePositivePairs = 0;
  let falsePositivePairs = 0;
  let falseNegativePairs = 0;

  pairs.forEach((pair, i) => {
    const cases = distinctRanges(pair.cases, `pairs[${i}].cases`);
    const detections = distinctRanges(pair.detections, `pairs[${i}].detections`);
    caseCount += cases.length;
    detectionCount += detections.length;
    for (const s of cases) {
      const hit = coveredBy(s, detections);
      recallSum += hit.covered / (s.thisLength + s.sourceLength);
      if (hit.count > 0) {
        detectedCases += 1;
        detectionsOfDetectedCases += hit.count;
      }
    }
    for (const r of detections) {
      precisionSum += coveredBy(r, cases).covered / (r.thisLength + r.sourceLength);
    }
    const positive = cases.length > 0;
    const predicted = detections.length > 0;
    if (positive && predicted) truePositivePairs += 1;
    else if (predicted) falsePositivePairs += 1;
    else if (positive) falseNegativePairs += 1;
  });

  const recall = divideOrConvention(recallSum, caseCount, detectionCount);
  const precision = divideOrConvention(precisionSum, detectionCount, caseCount);
  const granularity = detectedCases === 0 ? 1 : detectionsOfDetectedCases / detectedCases;
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return {
    precision,
    recall,
    granularity,
    plagdet: f1 / Math.log2(1 + granularity),
    pairPrecision: divideOrConvention(
      truePositivePairs,
      truePositivePairs + falsePositivePairs,
      truePositivePairs + falseNegativePairs,
    ),
    pairRecall: divideOrConvention(
      truePositivePairs,
      truePositivePairs + falseNegativePairs,
      truePositivePairs + falsePositivePairs,
    ),
    cases: caseCount,
    detections: detectionCount,
  };
}

/**
 * Compute PAN's measures over all pairs and separately for each category, as PAN
 * reports per obfuscation type. Each category is scored on its own pairs only.
 */
export function measureByCategory(pairs: readonly PanCategorizedPairResult[]): PanMeasuresByCategory {
  const groups = new Map<string, PanCategorizedPairResult[]>();
  for (const pair of pairs) {
    const group = groups.get(pair.category);
    if (group === undefined) groups.set(pair.category, [pair]);
    else group.push(pair);
  }
  const names = [...groups.keys()].sort(compareCodeUnits);
  return {
    overall: computePanMeasures(pairs),
    categories: names.map((category) => {
      const group = groups.get(category) as PanCategorizedPairResult[];
      return { category, pairs: group.length, measures: computePanMeasures(group) };
    }),
  };
}

/** `sum / count`; when `count` is 0: 1 if `other` is 0 too, else 0 (the official convention). */
function divideOrConvention(sum: number, count: number, other: number): number {
  if (count === 0) return other === 0 ? 1 : 0;
  return sum / count;
}

/** Validated ranges with exact duplicates removed, first occurrence kept. */
function distinctRanges(ranges: readonly PanCase[], where: string): PanCase[] {
  const seen = new Set<string>();
  const out: PanCase[] = [];
  ranges.forEach((r, j) => {
    checkRange(r, `${where}[${j}]`);
    const key = `${r.thisOffset},${r.thisLength},${r.sourceOffset},${r.sourceLength}`;
    if (seen.has(key)) return;
    seen.add(key);
    out.push(r);
  });
  return out;
}

function checkRange(r: PanCase, where: string): void {
  for (const field of ['thisOffset', 'sourceOffset'] as const) {
    if (!Number.isSafeInteger(r[field]) || r[field] < 0) {
      throw new InputError(where, `${field} must be an integer ≥ 0, got ${String(r[field])}`);
    }
  }
  for (const field of ['thisLength', 'sourceLength'] as const) {
    if (!Number.isSafeInteger(r[field]) || r[field] < 1) {
      throw new InputError(where, `${field} must be an integer ≥ 1, got ${String(r[field])}`);
    }
  }
}

/**
 * How much of `a` (suspicious + source characters) the annotations that overlap `a` in
 * both documents cover, and how many such annotations there are.
 */
function coveredBy(a: PanCase, others: readonly PanCase[]): { covered: number; count: number } {
  const thisParts: [number, number][] = [];
  const sourceParts: [number, number][] = [];
  const aThisEnd = a.thisOffset + a.thisLength;
  const aSourceEnd = a.sourceOffset + a.sourceLength;
  for (const b of others) {
    const thisStart = Math.max(a.thisOffset, b.thisOffset);
    const thisEnd = Math.min(aThisEnd, b.thisOffset + b.thisLength);
    const sourceStart = Math.max(a.sourceOffset, b.sourceOffset);
    const sourceEnd = Math.min(aSourceEnd, b.sourceOffset + b.sourceLength);
    if (thisStart < thisEnd && sourceStart < sourceEnd) {
      thisParts.push([thisStart, thisEnd]);
      sourceParts.push([sourceStart, sourceEnd]);
    }
  }
  return { covered: measureUnion(thisParts) + measureUnion(sourceParts), count: thisParts.length };
}

/** Total length of a union of half-open intervals. */
function measureUnion(parts: [number, number][]): number {
  parts.sort((x, y) => x[0] - y[0]);
  let total = 0;
  let runStart = -1;
  let runEnd = -1;
  for (const [start, end] of parts) {
    if (start > runEnd) {
      total += runEnd - runStart;
      runStart = start;
      runEnd = end;
    } else if (end > runEnd) {
      runEnd = end;
    }
  }
  return total + (runEnd - runStart);
}
