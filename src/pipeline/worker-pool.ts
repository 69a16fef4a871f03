/**
 * A small pool of worker threads for CPU-bound work: serialisable tasks go to
 * idle workers one at a time (or, from a {@link TaskQueue}, up to
 * {@link TASKS_AHEAD} at a time) and results come back in task order.
 *
 * A worker script calls {@link serveTasks} with its handler; {@link runPool}
 * starts the workers (never more than there are tasks) and feeds them;
 * {@link WorkerPool} keeps them for several runs (a scan's phases). Threads
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
  const pool = new WorkerPool<Req, Res>(options);
  try {
    await pool.run(options.tasks, options.onResult);
  } finally {
    pool.close();
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

/**
 * Tasks that become known while a run is under way, for {@link WorkerPool.run}:
 * {@link push} them as they come and {@link end} the queue when no more will;
 * the run draws them as threads are free (or runs them in this thread as
 * they come) and ends once the queue is ended and every task is done. What
 * is pushed is an item that `make` turns into the task only when it is
 * drawn, so a queue that grows faster than it is drawn holds items, not
 * tasks (a scan's align task carries its articles' texts).
 */
export class TaskQueue<Req, Item = Req> {
  private items: (Item | undefined)[] = [];
  private head = 0;
  private closed = false;
  private wake: (() => void) | undefined;

  /**
   * @param make - the task of an item, made as it is drawn.
   * @param spare - threads left idle while the queue is open (never all):
   *   the thread pushing the tasks works too, and threads beyond the cores
   *   only take time from it.
   */
  constructor(
    private readonly make: (item: Item) => Req,
    readonly spare = 0,
  ) {}

  push(item: Item): void {
    if (this.closed) throw new InternalError('task queue: push after end');
    this.items.push(item);
    this.wake?.();
  }

  /** No more tasks will come. */
  end(): void {
    this.closed = true;
    this.wake?.();
  }

  /** Items pushed and not yet drawn. */
  get waiting(): number {
    return this.items.length - this.head;
  }

  /** Whether {@link end} was called: once {@link shift} finds nothing, nothing more comes. */
  get ended(): boolean {
    return this.closed;
  }

  /** The next task (made from the next item waiting), or undefined when none is waiting. */
  shift(): Req | undefined {
    if (this.head === this.items.length) return undefined;
    const item = this.items[this.head] as Item;
    this.items[this.head++] = undefined;
    // Drop the taken slots now and then (a long run pushes many).
    if (this.head >= 1024 && 2 * this.head >= this.items.length) {
      this.items = this.items.slice(this.head);
      this.head = 0;
    }
    return this.make(item);
  }

  /** @internal The one listener told of every push and of the end (the run drawing from the queue), or none. */
  listen(wake: (() => void) | undefined): void {
    this.wake = wake;
  }
}

/**
 * Whether `tasks` comes to hold two tasks or more before it ends, waiting
 * for its pushes: a run of one task is not worth starting threads for (as
 * {@link WorkerPool.run} decides for a list of tasks).
 */
async function twoOrMore<Req, Item>(tasks: TaskQueue<Req, Item>): Promise<boolean> {
  while (tasks.waiting < 2 && !tasks.ended) await new Promise<void>((wake) => tasks.listen(wake));
  tasks.listen(undefined);
  return tasks.waiting >= 2;
}

/** What a {@link WorkerPool} runs: {@link PoolOptions} but the tasks, given run by run. */
export type WorkerPoolOptions<Req, Res> = Omit<PoolOptions<Req, Res>, 'tasks' | 'onResult'>;

/**
 * Tasks a thread holds at once in a run over a {@link TaskQueue}: the one
 * it works on and the next, already posted. The thread pushing a queue's
 * tasks works too (a scan sorts bands while threads align), and a thread
 * that held one task waited, after each, for that work to pause before it
 * was given another: at 100k articles the thread aligning beside the bands
 * was busy 11–23% of the time. A run over a list holds one task a thread:
 * its results are taken as they come, and two a thread only raised the peak
 * memory of a 10k scan by 30–40 MB, no faster (measured).
 */
export const TASKS_AHEAD = 2;

/** One {@link WorkerPool.run} under way on threads. */
interface ThreadRun<Req, Res> {
  readonly queue: Iterator<[number, Req]>;
  /** Whether more tasks may come after `queue` says it is done (a {@link TaskQueue} not yet ended). */
  readonly open: () => boolean;
  /** Threads holding the run's tasks at once, at most, while it is open. */
  readonly openThreads: number;
  /** Tasks a thread may hold at once. */
  readonly ahead: number;
  exhausted: boolean;
  posted: number;
  done: number;
  readonly onResult: (index: number, result: Res) => void;
  readonly resolve: () => void;
  readonly reject: (error: Error) => void;
}

/**
 * Worker threads for several runs of tasks, one after another — a scan's
 * phases. Threads start with the first run that has two tasks or more (never
 * more threads than that run's tasks), or earlier when asked to
 * ({@link warm}); until then, and always with one worker or from sources,
 * runs go on in this thread. Threads serve run after run (fresh threads for
 * each phase of a scan were measured and dropped: starting them and warming
 * their code again cost more than their smaller heaps saved).
 * {@link setUp} hands every thread (and any started later) what the
 * following tasks need; {@link close} retires the threads. The first error
 * or crash fails the pool: the run under way (or the next) rejects once the
 * threads are gone.
 */
export class WorkerPool<Req, Res> {
  private readonly workers: Worker[] = [];
  /** Tasks (of the run under way) each thread holds: posted, not yet answered. */
  private readonly held = new Map<Worker, number>();
  private readonly setups: Req[] = [];
  private inlineHandler: TaskHandler<Req, Res> | undefined;
  private current: ThreadRun<Req, Res> | undefined;
  private failure: Error | undefined;
  private closed = false;
  private warming = false;

  constructor(private readonly options: WorkerPoolOptions<Req, Res>) {}

  /**
   * Run `tasks` (drawn lazily, as threads are free); `onResult(index, result)`
   * sees each result as it arrives, in any order. One run at a time. Tasks
   * that become known while the run is under way come through a
   * {@link TaskQueue}: the run ends once it is ended and its tasks are done.
   */
  async run<Item>(tasks: Iterable<Req> | TaskQueue<Req, Item>, onResult: (index: number, result: Res) => void): Promise<void> {
    if (this.closed || this.current !== undefined) throw new InternalError('worker pool: run on a closed or busy pool');
    if (this.failure !== undefined) throw this.failure;
    if (tasks instanceof TaskQueue) return this.runQueue(tasks, onResult);
    const queue = indexed(tasks);
    const first = queue.next();
    if (first.done === true) return;
    const second = queue.next();
    const pending = second.done === true ? [first.value] : [first.value, second.value];
    const all = prepend(pending, queue);
    if (!this.threaded() || (this.workers.length === 0 && pending.length < 2)) return this.runInline(all, onResult);
    return this.runOnThreads(all, onResult);
  }

  /**
   * A run on threads: `queue`'s tasks as threads are free, `ahead` at once
   * a thread at most. While `open()`, a task `queue` does not have yet may
   * still come (at most `openThreads` threads work meanwhile); once not, the
   * run ends with its last result.
   */
  private async runOnThreads(
    queue: Iterator<[number, Req]>,
    onResult: (index: number, result: Res) => void,
    open: () => boolean = () => false,
    openThreads = this.options.workers,
    ahead = 1,
  ): Promise<void> {
    // No two pools' heaps at once: threads start once ended pools' are gone.
    if (this.workers.length === 0) await retiring;
    return new Promise<void>((resolve, reject) => {
      this.current = { queue, open, openThreads, ahead, exhausted: false, posted: 0, done: 0, onResult, resolve, reject };
      this.guarded(() => this.feed());
    });
  }

  /**
   * {@link run} over a {@link TaskQueue}: threads are fed as tasks are pushed;
   * or, in this thread, tasks run as they come: with one worker, or when no
   * thread has started and the queue ends holding fewer than two tasks.
   */
  private async runQueue<Item>(tasks: TaskQueue<Req, Item>, onResult: (index: number, result: Res) => void): Promise<void> {
    let index = 0;
    const next = (): [number, Req] | undefined => {
      const task = tasks.shift();
      return task === undefined ? undefined : [index++, task];
    };
    if (!this.threaded() || (this.workers.length === 0 && !(await twoOrMore(tasks)))) {
      const handler = await this.inline();
      for (;;) {
        const item = next();
        if (item !== undefined) {
          onResult(item[0], await this.callInline(handler, item[1]));
          continue;
        }
        if (tasks.ended) return;
        await new Promise<void>((wake) => tasks.listen(wake));
        tasks.listen(undefined);
      }
    }
    const queue: Iterator<[number, Req]> = {
      next: () => {
        const item = next();
        return item === undefined ? { done: true, value: undefined } : { done: false, value: item };
      },
    };
    // A push before the run is under way finds no run to feed; the run's first feed takes it.
    tasks.listen(() => this.guarded(() => this.feed()));
    try {
      await this.runOnThreads(queue, onResult, () => !tasks.ended, Math.max(1, this.options.workers - tasks.spare), TASKS_AHEAD);
    } finally {
      tasks.listen(undefined);
    }
  }

  /**
   * Hand `task` to every thread, and to any started later, before its next
   * task (its result is dropped): what the following runs' tasks all need,
   * sent once rather than with each. Between runs only.
   */
  async setUp(task: Req): Promise<void> {
    if (this.current !== undefined) throw new InternalError('worker pool: setUp during a run');
    this.setups.push(task);
    for (const worker of this.workers) this.postSetup(worker, this.setups.length - 1);
    if (this.inlineHandler !== undefined) await this.callInline(this.inlineHandler, task);
  }

  /**
   * Start the threads now, with no task yet (unless the pool has them, or
   * runs in this thread): their start-up — each loads its code — then
   * overlaps what this thread does before the first run, such as reading
   * the input. For work known to be large enough for threads.
   */
  warm(): void {
    if (this.warming || !this.threaded()) return;
    this.warming = true;
    void retiring.then(() =>
      this.guarded(() => {
        while (!this.closed && this.failure === undefined && this.workers.length < this.options.workers) this.start();
        this.feed();
      }),
    );
  }

  /** Retire the threads (after {@link RETIRE_MS} idle; {@link poolsRetired} resolves once they are gone). */
  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.retireThreads();
  }

  /** Retire every thread: no longer heard (see {@link start}), ended once idle for {@link RETIRE_MS}. */
  private retireThreads(): void {
    this.held.clear();
    const workers = this.workers.splice(0);
    if (workers.length > 0) retire(workers);
  }

  private threaded(): boolean {
    return this.options.workers > 1 && existsSync(this.options.script) && !__filename.endsWith('.ts');
  }

  private async runInline(tasks: Iterator<[number, Req]>, onResult: (index: number, result: Res) => void): Promise<void> {
    const handler = await this.inline();
    for (let next = tasks.next(); next.done !== true; next = tasks.next()) {
      const [index, task] = next.value;
      onResult(index, await this.callInline(handler, task));
    }
  }

  /** The handler that runs tasks in this thread, made (and given the set-ups) on first use. */
  private async inline(): Promise<TaskHandler<Req, Res>> {
    if (this.inlineHandler === undefined) {
      const handler = this.options.inline();
      for (const setup of this.setups) await this.callInline(handler, setup);
      this.inlineHandler = handler;
    }
    return this.inlineHandler;
  }

  private async callInline(handler: TaskHandler<Req, Res>, task: Req): Promise<Res> {
    try {
      return await handler(task);
    } catch (error: unknown) {
      throw asPoolError(error);
    }
  }

  /**
   * Give idle threads a task each, then start threads (up to the number
   * wanted) while tasks remain, then give every thread its tasks ahead (a
   * queue run's).
   */
  private feed(): void {
    const run = this.current;
    if (run === undefined) return;
    for (const worker of this.workers) if (this.heldBy(worker) === 0 && !this.give(run, worker)) break;
    while (this.workers.length < this.options.workers && this.busyThreads() < this.threadsAllowed(run)) {
      const next = this.take(run);
      if (next === undefined) break;
      this.post(run, this.start(), next);
    }
    for (const worker of this.workers) while (this.give(run, worker));
    this.settleIfDone(run);
  }

  /** Give `worker` the run's next task if it may hold one more and one is waiting; whether it was given one. */
  private give(run: ThreadRun<Req, Res>, worker: Worker): boolean {
    if (!this.mayHold(run, worker)) return false;
    const next = this.take(run);
    if (next !== undefined) this.post(run, worker, next);
    return next !== undefined;
  }

  private heldBy(worker: Worker): number {
    return this.held.get(worker) ?? 0;
  }

  /** Threads holding a task. */
  private busyThreads(): number {
    let busy = 0;
    for (const n of this.held.values()) if (n > 0) busy++;
    return busy;
  }

  /** Threads that may hold tasks now: all, or `openThreads` while the run is open. */
  private threadsAllowed(run: ThreadRun<Req, Res>): number {
    return run.open() ? run.openThreads : this.options.workers;
  }

  /** Whether `worker` may be given another of the run's tasks now. */
  private mayHold(run: ThreadRun<Req, Res>, worker: Worker): boolean {
    const held = this.heldBy(worker);
    return held < run.ahead && (held > 0 || this.busyThreads() < this.threadsAllowed(run));
  }

  /** The run's next task, or undefined when its queue is empty. */
  private take(run: ThreadRun<Req, Res>): [number, Req] | undefined {
    if (run.exhausted) return undefined;
    const next = run.queue.next();
    if (next.done === true) {
      // An open queue has no task waiting now; one pushed later feeds the threads again.
      if (!run.open()) run.exhausted = true;
      return undefined;
    }
    return next.value;
  }

  private post(run: ThreadRun<Req, Res>, worker: Worker, [index, task]: [number, Req]): void {
    const message: TaskMessage<Req> = { index, task };
    worker.postMessage(message, this.options.transferList?.(task));
    this.held.set(worker, this.heldBy(worker) + 1);
    run.posted++;
  }

  /**
   * Setups carry negative indexes (-1 the first), which no run's task has.
   * They are copied, never moved: every thread gets one, and threads started
   * later get it from {@link setups}.
   */
  private postSetup(worker: Worker, setup: number): void {
    const message: TaskMessage<Req> = { index: -1 - setup, task: this.setups[setup] as Req };
    worker.postMessage(message);
  }

  private settleIfDone(run: ThreadRun<Req, Res>): void {
    if (!run.exhausted || run.done !== run.posted || this.current !== run) return;
    this.current = undefined;
    run.resolve();
  }

  private receive(worker: Worker, reply: ReplyMessage<Res>): void {
    if (this.failure !== undefined) return;
    if (reply.kind === 'error') return this.fail(rebuildError(reply));
    if (reply.index < 0) return;
    const run = this.current;
    if (run === undefined) throw new InternalError(`worker pool: a result (task ${reply.index}) with no run under way`);
    run.done++;
    this.held.set(worker, this.heldBy(worker) - 1);
    // The worker gets its next task before this thread handles the result: it does not wait while this thread works.
    while (this.give(run, worker));
    run.onResult(reply.index, reply.result);
    this.settleIfDone(run);
  }

  private guarded(step: () => void): void {
    try {
      step();
    } catch (error: unknown) {
      this.fail(asPoolError(error));
    }
  }

  /** Fail the pool: retire its threads; the run under way rejects once they are gone. */
  private fail(error: Error): void {
    if (this.failure !== undefined || this.closed) return;
    this.failure = error;
    this.retireThreads();
    const run = this.current;
    this.current = undefined;
    // A failed run is often the process's last: its threads end (idle, as any pool's) before it hears why.
    if (run !== undefined) void retiring.then(() => run.reject(error));
  }

  private start(): Worker {
    const worker = new Worker(this.options.script, { workerData: this.options.workerData });
    this.workers.push(worker);
    this.held.set(worker, 0);
    // A thread retired (closed or failed) is no longer heard: its exit is expected.
    const live = (): boolean => this.workers.includes(worker);
    worker.on('message', (reply: ReplyMessage<Res>) => live() && this.guarded(() => this.receive(worker, reply)));
    worker.on('error', (error) => live() && this.fail(new InternalError(`worker failed: ${error.message}`, { cause: error })));
    worker.on('exit', (code) => live() && this.fail(new InternalError(`worker failed: exited with code ${code}`)));
    for (let s = 0; s < this.setups.length; s++) this.postSetup(worker, s);
    return worker;
  }
}
