/**
 * A small pool of worker threads for CPU-bound work: serialisable tasks go to
 * idle workers one at a time and results come back in task order.
 *
 * A worker script calls {@link serveTasks} with its handler; {@link runPool}
 * starts the workers (never more than there are tasks) and feeds them. Threads
 * only run from compiled code (`dist/`): from TypeScript sources (tests), with
 * one worker, or when the script is missing, the same handler (made by the
 * `inline` factory) runs in this thread, one task after another.
 *
 * Errors cross the thread boundary as a name and a message: an
 * {@link InputError} is rebuilt as one with the same message, anything else
 * becomes an {@link InternalError}. The first error or crash stops every
 * worker and rejects once, when the workers are gone; workers are always
 * terminated at the end (after {@link RETIRE_MS} idle).
 */
import { existsSync } from 'node:fs';
import { parentPort, Worker } from 'node:worker_threads';
import { InputError, InternalError, ReprintError } from '../errors';

/** Handles one task, in a worker or in this thread. */
export type TaskHandler<Req, Res> = (task: Req) => Res | Promise<Res>;

/** What to run, and on how many threads. */
export interface PoolOptions<Req, Res> {
  /** Absolute path of the compiled worker script (it calls {@link serveTasks}). */
  readonly script: string;
  /** Given to every worker as `workerData`. */
  readonly workerData: unknown;
  /** Worker threads; 1 or fewer runs the tasks in this thread. */
  readonly workers: number;
  /** Serialisable requests. */
  readonly tasks: readonly Req[];
  /** Makes the handler the worker script serves, to run it in this thread. */
  readonly inline: () => TaskHandler<Req, Res>;
  /** Called as each task finishes, in any order (for progress or streaming). */
  readonly onResult?: (index: number, result: Res) => void;
  /** Buffers moved (not copied) to the worker with a task. */
  readonly transferList?: (task: Req) => readonly ArrayBuffer[];
}

/** A task as posted to a worker. */
interface TaskMessage<Req> {
  readonly index: number;
  readonly task: Req;
}

/** What stopped a task, in a form that survives `postMessage`. */
interface ErrorDescription {
  readonly name: string;
  readonly message: string;
  /** An InputError's `where` and `code`; empty for other errors. */
  readonly where: string;
  readonly code: string;
}

/** A worker's answer to one task. */
type ReplyMessage<Res> =
  | { readonly kind: 'ok'; readonly index: number; readonly result: Res }
  | ({ readonly kind: 'error'; readonly index: number } & ErrorDescription);

/** Results of `options.tasks`, in task order. */
export async function runPool<Req, Res>(options: PoolOptions<Req, Res>): Promise<Res[]> {
  const results = new Array<Res>(options.tasks.length);
  await streamPool({
    ...options,
    onResult: (index, result) => {
      results[index] = result;
      options.onResult?.(index, result);
    },
  });
  return results;
}

/**
 * {@link runPool} for work too large to hold: tasks are drawn from `tasks`
 * only as threads are free for them, and results go to `onResult` alone, so
 * neither all requests nor all results need to be in memory at once.
 */
export async function streamPool<Req, Res>(
  options: Omit<PoolOptions<Req, Res>, 'tasks' | 'onResult'> & {
    readonly tasks: Iterable<Req>;
    readonly onResult: (index: number, result: Res) => void;
  },
): Promise<void> {
  const queue = indexed(options.tasks);
  const first = queue.next();
  if (first.done === true) return;
  const second = queue.next();
  const pending = second.done === true ? [first.value] : [first.value, second.value];
  const tasks = prepend(pending, queue);
  if (options.workers <= 1 || pending.length < 2 || !existsSync(options.script) || __filename.endsWith('.ts')) {
    return runInline(options, tasks);
  }
  await retiring;
  try {
    return await runThreads(options, tasks, options.workers);
  } catch (error: unknown) {
    // A failed run is often the process's last: its threads end (idle, as any pool's) before it hears why.
    await retiring;
    throw error;
  }
}

/** `[index, item]` pairs of an iterable, lazily. */
function* indexed<T>(items: Iterable<T>): Generator<[number, T]> {
  let i = 0;
  for (const item of items) yield [i++, item];
}

function* prepend<T>(head: readonly T[], rest: Iterator<T>): Generator<T> {
  yield* head;
  for (let next = rest.next(); next.done !== true; next = rest.next()) yield next.value;
}

/**
 * Wrap `consume` so that, called with results in any order (as
 * `PoolOptions.onResult` is), it sees them in task order, each as soon as all
 * before it have arrived. For consumers whose output must not depend on which
 * worker finished first.
 */
export function inTaskOrder<Res>(consume: (result: Res) => void): (index: number, result: Res) => void {
  const waiting = new Map<number, Res>();
  let next = 0;
  return (index, result) => {
    waiting.set(index, result);
    while (waiting.has(next)) {
      const ready = waiting.get(next) as Res;
      waiting.delete(next++);
      consume(ready);
    }
  };
}

/**
 * Serve tasks posted by {@link runPool} with `handler`, one at a time, until
 * the pool terminates this worker. Call it once, from the worker script.
 */
export function serveTasks<Req, Res>(handler: TaskHandler<Req, Res>, options: ServeOptions<Res> = {}): void {
  const port = parentPort;
  if (port === null) throw new InternalError('serveTasks: not in a worker thread');
  port.on('message', (message: TaskMessage<Req>) => {
    void answer(handler, message).then((reply) =>
      port.postMessage(reply, reply.kind === 'ok' && options.transferList !== undefined ? options.transferList(reply.result) : undefined),
    );
  });
}

/** How a worker sends its results back. */
export interface ServeOptions<Res> {
  /**
   * Buffers of a result moved (not copied) to the main thread: the worker
   * must not touch them again, and none may be shared with anything the
   * worker keeps (a pooled `Buffer`'s memory, a scratch array). @default none (all copied)
   */
  readonly transferList?: (result: Res) => readonly ArrayBuffer[];
}

async function answer<Req, Res>(handler: TaskHandler<Req, Res>, { index, task }: TaskMessage<Req>): Promise<ReplyMessage<Res>> {
  try {
    return { kind: 'ok', index, result: await handler(task) };
  } catch (error: unknown) {
    return { kind: 'error', index, ...describeError(error) };
  }
}

function describeError(error: unknown): ErrorDescription {
  if (error instanceof InputError) return { name: 'InputError', message: error.message, where: error.where, code: error.code };
  if (error instanceof Error) return { name: error.name, message: error.message, where: '', code: '' };
  return { name: 'Error', message: String(error), where: '', code: '' };
}

/** The main thread's error for a worker's error reply. */
function rebuildError(error: ErrorDescription): InputError | InternalError {
  if (error.name !== 'InputError') return new InternalError(error.message);
  const prefix = `${error.where}: `;
  const message = error.message.startsWith(prefix) ? error.message.slice(prefix.length) : error.message;
  return new InputError(error.where, message, { code: error.code });
}

/** An error thrown in this thread as the pool reports it: reprint's own errors as they are, others as InternalError. */
function asPoolError(error: unknown): Error {
  if (error instanceof ReprintError) return error;
  return new InternalError(error instanceof Error ? error.message : String(error), { cause: error });
}

type StreamOptions<Req, Res> = Omit<PoolOptions<Req, Res>, 'tasks' | 'onResult'> & {
  readonly onResult: (index: number, result: Res) => void;
};

async function runInline<Req, Res>(options: StreamOptions<Req, Res>, tasks: Iterator<[number, Req]>): Promise<void> {
  const handle = options.inline();
  for (let next = tasks.next(); next.done !== true; next = tasks.next()) {
    const [index, task] = next.value;
    let result: Res;
    try {
      result = await handle(task);
    } catch (error: unknown) {
      throw asPoolError(error);
    }
    options.onResult(index, result);
  }
}

/**
 * How long a pool's workers stay idle before they are terminated. Node 20
 * now and then aborts the whole process (a `NodePlatform::ForIsolate`
 * assertion) when a worker thread is torn down while V8 still compiles or
 * marks for it in the background, as it may for a few milliseconds after the
 * worker's last task: seen in about one of eight loaded runs of four of the
 * index test files. An idle worker has nothing left in the background.
 */
export const RETIRE_MS = 100;

/** Ended pools' workers, idling until they are terminated: a new pool's threads start once they are gone (no two pools' heaps at once). */
let retiring: Promise<void> = Promise.resolve();

/** Resolves once every ended pool's workers are gone (for a caller whose workers hold what it must close last, e.g. connections to a file). */
export function poolsRetired(): Promise<void> {
  return retiring;
}

/** Terminate `workers` once they have been idle for {@link RETIRE_MS} (the pool's caller goes on meanwhile; the process waits for it). */
function retire(workers: readonly Worker[]): void {
  const ended = new Promise<void>((resolve) => {
    setTimeout(() => void Promise.all(workers.map((w) => w.terminate())).then(() => resolve()), RETIRE_MS);
  });
  retiring = Promise.all([retiring, ended]).then(() => undefined);
}

function runThreads<Req, Res>(options: StreamOptions<Req, Res>, queue: Iterator<[number, Req]>, wanted: number): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    const workers: Worker[] = [];
    let posted = 0;
    let done = 0;
    let exhausted = false;
    let settled = false;
    const finish = (error?: Error): void => {
      if (settled) return;
      settled = true;
      retire(workers);
      if (error === undefined) resolve();
      else reject(error);
    };
    /** The next task, or undefined when the queue is empty. */
    const take = (): [number, Req] | undefined => {
      if (exhausted) return undefined;
      const next = queue.next();
      if (next.done === true) {
        exhausted = true;
        return undefined;
      }
      return next.value;
    };
    const post = (worker: Worker, [index, task]: [number, Req]): void => {
      const message: TaskMessage<Req> = { index, task };
      worker.postMessage(message, options.transferList?.(task));
      posted++;
    };
    const receive = (worker: Worker, reply: ReplyMessage<Res>): void => {
      if (settled) return;
      if (reply.kind === 'error') return finish(rebuildError(reply));
      done++;
      // The worker gets its next task before this thread handles the result: it does not wait while this thread works.
      const next = take();
      if (next !== undefined) post(worker, next);
      options.onResult(reply.index, reply.result);
      if (next === undefined && done === posted) finish();
    };
    const guarded = (step: () => void): void => {
      try {
        step();
      } catch (error: unknown) {
        finish(asPoolError(error));
      }
    };
    const start = (): Worker => {
      const worker = new Worker(options.script, { workerData: options.workerData });
      workers.push(worker);
      worker.on('message', (reply: ReplyMessage<Res>) => guarded(() => receive(worker, reply)));
      worker.on('error', (error) => finish(new InternalError(`worker failed: ${error.message}`, { cause: error })));
      worker.on('exit', (code) => finish(new InternalError(`worker failed: exited with code ${code}`)));
      return worker;
    };
    guarded(() => {
      // Never more threads than tasks: a worker starts only with a task to do.
      for (let t = 0; t < wanted; t++) {
        const next = take();
        if (next === undefined) break;
        post(start(), next);
      }
    });
  });
}
