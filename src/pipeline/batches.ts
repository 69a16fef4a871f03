/** Lazy batching for the pool's task streams: nothing is copied before a thread is free for it. */
import { InternalError } from '../errors';

/** `items` cut into consecutive batches of at most `size`, lazily. */
export function* batches<T>(items: readonly T[], size: number): Generator<T[]> {
  for (let i = 0; i < items.length; i += size) yield items.slice(i, i + size);
}

/**
 * {@link batches} that clears each slot of `items` as it hands it out, so
 * what was handed out can be collected once its batch is done.
 *
 * @throws InternalError when a slot is handed out twice (a caller bug).
 */
export function* drain<T>(items: (T | undefined)[], size: number): Generator<T[]> {
  for (let i = 0; i < items.length; i += size) {
    const batch: T[] = [];
    for (let j = i; j < Math.min(i + size, items.length); j++) {
      const item = items[j];
      if (item === undefined) throw new InternalError(`drain: item ${j} handed out twice`);
      batch.push(item);
      items[j] = undefined;
    }
    yield batch;
  }
  items.length = 0;
}

/** `f` over `items`, lazily. */
export function* mapLazily<T, U>(items: Iterable<T>, f: (item: T) => U): Generator<U> {
  for (const item of items) yield f(item);
}
