/** Lazy batching for the pool's task streams: nothing is copied before a thread is free for it. */

/** `items` cut into consecutive batches of at most `size`, lazily. */
export function* batches<T>(items: readonly T[], size: number): Generator<T[]> {
  for (let i = 0; i < items.length; i += size) yield items.slice(i, i + size);
}

/** `f` over `items`, lazily. */
export function* mapLazily<T, U>(items: Iterable<T>, f: (item: T) => U): Generator<U> {
  for (const item of items) yield f(item);
}

/** `[0, n)`. */
export function range(n: number): number[] {
  return Array.from({ length: n }, (_, i) => i);
}
