/** Counting labels for summaries: "3 verbatim, 1 near-verbatim". */

/** A whole number as people read it in a summary: `99,617`. */
export function thousands(n: number): string {
  return n.toLocaleString('en-US', { maximumFractionDigits: 0 });
}

/** Counts of each distinct item, in order of first appearance: `3 verbatim, 1 quote`. */
export function countBy<T extends string>(items: readonly T[]): string {
  const counts = new Map<T, number>();
  for (const i of items) counts.set(i, (counts.get(i) ?? 0) + 1);
  return [...counts.entries()].map(([k, n]) => `${thousands(n)} ${k}`).join(', ');
}

/** `1 warning`, `3 warnings`, `1,000,000 articles`: a count and its noun, plural unless the count is 1. */
export function counted(n: number, noun: string): string {
  return `${thousands(n)} ${noun}${n === 1 ? '' : 's'}`;
}

/** `6 pairs{middle} (1 syndication, 4 partial, 1 shared-quote)`. */
export function pairCount(pairs: readonly { readonly relation: string }[], middle = ''): string {
  const relations = countBy(pairs.map((p) => p.relation));
  return `${counted(pairs.length, 'pair')}${middle}${relations !== '' ? ` (${relations})` : ''}`;
}

/** `12.5%`. */
export function percent(x: number): string {
  return `${(x * 100).toFixed(1)}%`;
}
