import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { InputError, InternalError } from '../../src/errors';
import { inTaskOrder, runPool, TaskQueue, WorkerPool, type PoolOptions } from '../../src/pipeline/worker-pool';
import { tempDir } from '../helpers/temp-dir';

/** A handler for both paths: doubles a number; -1 is bad input, -2 a bug. */
const HANDLER_SOURCE = `(n) => {
  if (n === -1) throw new InputError('task.txt', 'negative input');
  if (n === -2) throw new Error('plain failure');
  return n * 2;
}`;

function inlineDouble(n: number): number {
  if (n === -1) throw new InputError('task.txt', 'negative input');
  if (n === -2) throw new Error('plain failure');
  return n * 2;
}

function options(tasks: number[], more: Partial<PoolOptions<number, number>> = {}): PoolOptions<number, number> {
  return { script: join(tmpdir(), 'no-such-worker.js'), workerData: null, workers: 4, tasks, inline: () => inlineDouble, ...more };
}

describe('runPool in this thread (from sources)', () => {
  test('results in task order; onResult once per task', async () => {
    const seen: [number, number][] = [];
    const results = await runPool(options([3, 1, 2], { onResult: (i, r) => seen.push([i, r]) }));
    expect(results).toEqual([6, 2, 4]);
    expect(seen).toEqual([
      [0, 6],
      [1, 2],
      [2, 4],
    ]);
  });

  test('no tasks: no results', async () => {
    expect(await runPool(options([]))).toEqual([]);
  });

  test('an InputError rejects as InputError with its message', async () => {
    const failure = runPool(options([1, -1, 2]));
    await expect(failure).rejects.toBeInstanceOf(InputError);
    await expect(failure).rejects.toThrow('task.txt: negative input');
  });

  test('an ordinary Error rejects as InternalError with its message', async () => {
    const failure = runPool(options([1, -2]));
    await expect(failure).rejects.toBeInstanceOf(InternalError);
    await expect(failure).rejects.toThrow('plain failure');
  });
});

describe('WorkerPool in this thread (from sources)', () => {
  test('runs one after another on one handler, made once; set-ups reach it before the tasks after them', async () => {
    let made = 0;
    const pool = new WorkerPool<number, number>({
      ...options([]),
      inline: () => {
        made++;
        let add = 0;
        // A negative task sets what later tasks add (as a set-up); others are answered.
        return (n) => (n < 0 ? ((add = -n), 0) : n * 2 + add);
      },
    });
    const results = (tasks: number[]) => {
      const out: number[] = [];
      return pool.run(tasks, (i, r) => (out[i] = r)).then(() => out);
    };
    await pool.setUp(-100);
    expect(await results([1, 2])).toEqual([102, 104]);
    await pool.setUp(-1000);
    expect(await results([3])).toEqual([1006]);
    pool.close();
    expect(made).toBe(1);
  });
});

describe('TaskQueue', () => {
  test('gives its tasks in order, as they are pushed; ended once end() is called; no push after that', () => {
    const made: number[] = [];
    const queue = new TaskQueue<number>((n) => (made.push(n), n));
    let woken = 0;
    queue.listen(() => woken++);
    expect(queue.shift()).toBeUndefined();
    queue.push(1);
    queue.push(2);
    // Tasks are made as they are drawn, not as they are pushed.
    expect(made).toEqual([]);
    expect([queue.shift(), queue.shift(), queue.shift()]).toEqual([1, 2, undefined]);
    expect(made).toEqual([1, 2]);
    for (let n = 0; n < 3000; n++) queue.push(n);
    const taken = Array.from({ length: 3000 }, () => queue.shift());
    expect(taken).toEqual(Array.from({ length: 3000 }, (_, n) => n));
    expect(queue.ended).toBe(false);
    queue.end();
    expect(queue.ended).toBe(true);
    expect(woken).toBe(3003);
    expect(() => queue.push(4)).toThrow(InternalError);
  });

  test('a WorkerPool in this thread runs tasks pushed while the run is under way, and ends once the queue is ended', async () => {
    const pool = new WorkerPool<number, number>(options([]));
    const queue = new TaskQueue<number>((n) => n, 1);
    const results: number[] = [];
    let finished = false;
    const running = pool.run(queue, (i, r) => (results[i] = r)).then(() => (finished = true));
    queue.push(1);
    await new Promise((done) => setImmediate(done));
    expect(results).toEqual([2]);
    expect(finished).toBe(false);
    queue.push(2);
    queue.push(3);
    queue.end();
    await running;
    expect(results).toEqual([2, 4, 6]);
    pool.close();
  });
});

describe('runPool on worker threads (compiled dist/)', () => {
  const dist = join(__dirname, '..', '..', 'dist');
  // npm test builds dist/ before jest runs; a missing build is a setup error, not a skip.
  const built = (): typeof import('../../src/pipeline/worker-pool') => require(join(dist, 'pipeline', 'worker-pool.js'));
  const builtErrors = (): typeof import('../../src/errors') => require(join(dist, 'errors.js'));

  /** A worker script in a temporary folder: logs its start, then serves HANDLER_SOURCE (or `body`). */
  function workerScript(body = `serveTasks(${HANDLER_SOURCE});`): { script: string; starts: () => number } {
    const dir = tempDir('reprint-pool-');
    const log = join(dir, 'starts.log');
    const script = join(dir, 'worker.js');
    writeFileSync(
      script,
      [
        `const { appendFileSync } = require('node:fs');`,
        `const { serveTasks } = require(${JSON.stringify(join(dist, 'pipeline', 'worker-pool.js'))});`,
        `const { InputError } = require(${JSON.stringify(join(dist, 'errors.js'))});`,
        `appendFileSync(${JSON.stringify(log)}, 'started\\n');`,
        body,
      ].join('\n'),
    );
    return { script, starts: () => (existsSync(log) ? readFileSync(log, 'utf8').split('\n').length - 1 : 0) };
  }

  test('two threads: results in task order, onResult once per task', async () => {
    const { script, starts } = workerScript();
    const seen: number[] = [];
    const tasks = Array.from({ length: 20 }, (_, i) => i);
    const results = await built().runPool({ ...options(tasks), script, workers: 2, onResult: (i) => seen.push(i) });
    expect(results).toEqual(tasks.map((n) => n * 2));
    expect([...seen].sort((a, b) => a - b)).toEqual(tasks);
    expect(starts()).toBe(2);
  });

  test('more workers than tasks: only as many threads as tasks', async () => {
    const { script, starts } = workerScript();
    expect(await built().runPool({ ...options([5, 6]), script, workers: 8 })).toEqual([10, 12]);
    expect(starts()).toBe(2);
  });

  test("a worker's InputError is rebuilt as one, same message; other errors as InternalError", async () => {
    const { script } = workerScript();
    const { InputError: BuiltInputError, InternalError: BuiltInternalError } = builtErrors();
    const input = built().runPool({ ...options([1, 2, -1, 3]), script, workers: 2 });
    await expect(input).rejects.toBeInstanceOf(BuiltInputError);
    await expect(input).rejects.toMatchObject({ message: 'task.txt: negative input', where: 'task.txt', code: 'E_INPUT' });
    const plain = built().runPool({ ...options([1, -2, 3]), script, workers: 2 });
    await expect(plain).rejects.toBeInstanceOf(BuiltInternalError);
    await expect(plain).rejects.toThrow('plain failure');
  });

  test("serveTasks' transferList moves a result's buffers (the worker's own copy is detached); without it they are copied", async () => {
    // Each result carries the length the worker's previous result has after being sent: 0 once moved, 2 when copied, -1 for a worker's first.
    const serve = (transfer: boolean): string =>
      `let last = null;
serveTasks((n) => {
  const previous = last === null ? -1 : last.length;
  last = Float64Array.of(n, previous);
  return last;
}${transfer ? ', { transferList: (result) => [result.buffer] }' : ''});`;
    const tasks = Array.from({ length: 8 }, (_, i) => i);
    for (const transfer of [true, false]) {
      const { script } = workerScript(serve(transfer));
      const results = await built().runPool<number, Float64Array>({
        script,
        workerData: null,
        workers: 2,
        tasks,
        inline: () => () => new Float64Array(0),
      });
      expect(results.map((r) => r[0])).toEqual(tasks);
      const previous = results.map((r) => r[1]).filter((p) => p !== -1);
      // 8 tasks on 2 threads: at least 6 were not a thread's first.
      expect(previous.length).toBeGreaterThanOrEqual(6);
      expect(new Set(previous)).toEqual(new Set([transfer ? 0 : 2]));
    }
  });

  /**
   * A WorkerPool of two threads whose worker answers `n` with `n * 2 + add`
   * and takes a negative `n` as its set-up (`add = -n`); `run` gives a run's
   * results in task order, `starts` how many threads have started.
   */
  function setUpPool(): { pool: import('../../src/pipeline/worker-pool').WorkerPool<number, number>; starts: () => number; run: (tasks: number[]) => Promise<number[]> } {
    const { script, starts } = workerScript(`let add = 0;\nserveTasks((n) => (n < 0 ? ((add = -n), 0) : n * 2 + add));`);
    const pool = new (built().WorkerPool)<number, number>({ ...options([]), script, workers: 2 });
    const run = async (tasks: number[]): Promise<number[]> => {
      const out: number[] = [];
      await pool.run(tasks, (i, r) => (out[i] = r));
      return out;
    };
    return { pool, starts, run };
  }

  test('WorkerPool: runs share the threads (each starts once); a set-up reaches threads started before and after it', async () => {
    const { pool, starts, run } = setUpPool();
    try {
      // One task and no thread yet: this thread answers (the script's set-up is not its handler's).
      expect(await run([1])).toEqual([2]);
      expect(starts()).toBe(0);
      await pool.setUp(-10);
      expect(await run([1, 2, 3, 4, 5, 6])).toEqual([12, 14, 16, 18, 20, 22]);
      expect(starts()).toBe(2);
      await pool.setUp(-100);
      expect(await run([1, 2, 3, 4])).toEqual([102, 104, 106, 108]);
      // One task once threads run: a thread takes it, with the set-ups so far.
      expect(await run([7])).toEqual([114]);
      expect(starts()).toBe(2);
    } finally {
      pool.close();
    }
  });

  test('WorkerPool.warm starts the threads before the first run, which they then serve, set-ups first', async () => {
    const { pool, starts, run } = setUpPool();
    try {
      pool.warm();
      await pool.setUp(-5);
      for (let waited = 0; starts() < 2 && waited < 5000; waited += 20) await new Promise((done) => setTimeout(done, 20));
      expect(starts()).toBe(2);
      // A single task goes to the warm threads.
      expect(await run([1])).toEqual([7]);
      expect(starts()).toBe(2);
    } finally {
      pool.close();
    }
  });

  test('WorkerPool: a set-up is copied to every thread, never moved, even when tasks move their buffers', async () => {
    type Task = { readonly setup: boolean; readonly values: Float64Array };
    const { script } = workerScript(`let size = -1;\nserveTasks((t) => (t.setup ? ((size = t.values.length), 0) : size));`);
    const pool = new (built().WorkerPool)<Task, number>({ script, workerData: null, workers: 2, inline: () => () => -1, transferList: (t) => [t.values.buffer as ArrayBuffer] });
    const task = (setup: boolean): Task => ({ setup, values: new Float64Array(setup ? 3 : 0) });
    const run = async (count: number): Promise<number[]> => {
      const out: number[] = [];
      await pool.run(Array.from({ length: count }, () => task(false)), (i, r) => (out[i] = r));
      return out;
    };
    try {
      expect(await run(2)).toEqual([-1, -1]);
      await pool.setUp(task(true));
      expect(await run(6)).toEqual([3, 3, 3, 3, 3, 3]);
    } finally {
      pool.close();
    }
  });

  test('WorkerPool over a TaskQueue: tasks pushed while it runs, results in order; it ends once the queue is; while open, its spare thread stays out', async () => {
    // Each task waits (40 ms, 150 from task 4 on) and answers [n, start, end].
    const { script } = workerScript(
      `serveTasks((n) => { const start = Date.now(); Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, n < 4 ? 40 : 150); return [n, start, Date.now()]; });`,
    );
    const pool = new (built().WorkerPool)<number, number[]>({ script, workerData: null, workers: 2, inline: () => () => [] });
    const queue = new (built().TaskQueue)<number>((n) => n, 1);
    const results: number[][] = [];
    let finished = false;
    const running = pool.run(queue, (i, r) => (results[i] = r)).then(() => (finished = true));
    /** Whether some two of the tasks ran at once. */
    const overlap = (tasks: number[][]): boolean => {
      const byStart = [...tasks].sort((x, y) => x[1]! - y[1]!);
      return byStart.some((t, i) => i > 0 && t[1]! < byStart[i - 1]![2]!);
    };
    try {
      for (let n = 0; n < 4; n++) queue.push(n);
      for (let waited = 0; results.filter(Boolean).length < 4 && waited < 10_000; waited += 20) await new Promise((done) => setTimeout(done, 20));
      expect(results.map((r) => r[0])).toEqual([0, 1, 2, 3]);
      expect(finished).toBe(false);
      // Open: one thread of two at work, so no two tasks at once.
      expect(overlap(results)).toBe(false);
      for (let n = 4; n < 10; n++) queue.push(n);
      queue.end();
      await running;
      expect(results.map((r) => r[0])).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
      // Ended: both threads take tasks.
      expect(overlap(results.slice(4))).toBe(true);
    } finally {
      pool.close();
    }
  });

  test('WorkerPool over a TaskQueue: no thread starts for a queue that ends holding one task (it runs in this thread); two start them', async () => {
    const { script } = workerScript(`serveTasks((n) => ['thread', n]);`);
    const pool = new (built().WorkerPool)<number, (string | number)[]>({ script, workerData: null, workers: 2, inline: () => (n: number) => ['inline', n] });
    const runQueue = async (count: number): Promise<(string | number)[][]> => {
      const queue = new (built().TaskQueue)<number>((n) => n, 1);
      const results: (string | number)[][] = [];
      const running = pool.run(queue, (i, r) => (results[i] = r));
      // Pushed a turn of the event loop later, as a scan pushes candidates while it sorts bands.
      await new Promise((next) => setImmediate(next));
      for (let n = 0; n < count; n++) queue.push(n);
      queue.end();
      await running;
      return results;
    };
    try {
      expect(await runQueue(1)).toEqual([['inline', 0]]);
      expect(await runQueue(0)).toEqual([]);
      expect(await runQueue(2)).toEqual([
        ['thread', 0],
        ['thread', 1],
      ]);
      // Once started, threads take even a single task.
      expect(await runQueue(1)).toEqual([['thread', 0]]);
    } finally {
      pool.close();
    }
  });

  test('WorkerPool over a TaskQueue: each thread holds TASKS_AHEAD tasks, so it goes on working while this thread is busy and cannot hand it the next; over a list, one', async () => {
    // Each task waits 30 ms and answers [n, start]; this thread then blocks for a second, hearing no result meanwhile.
    const { script } = workerScript(
      `serveTasks((n) => { const start = Date.now(); Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 30); return [n, start]; });`,
    );
    const pool = new (built().WorkerPool)<number, number[]>({ script, workerData: null, workers: 2, inline: () => () => [] });
    const ahead = built().TASKS_AHEAD;
    /** How many of `count` tasks started while this thread was busy, over a queue (all pushed at once) or a list. */
    const startedWhileBusy = async (over: 'queue' | 'list', count: number): Promise<number> => {
      const results: number[][] = [];
      const tasks = Array.from({ length: count }, (_, n) => n);
      const queue = over === 'queue' ? new (built().TaskQueue)<number>((n) => n) : undefined;
      for (const n of queue === undefined ? [] : tasks) queue?.push(n);
      const running = queue === undefined ? pool.run(tasks, (i, r) => (results[i] = r)) : pool.run(queue, (i, r) => (results[i] = r));
      // The run posts its first tasks on its next turn of the event loop; then this thread is busy.
      await new Promise((next) => setImmediate(next));
      const busyUntil = Date.now() + 1000;
      while (Date.now() < busyUntil);
      queue?.end();
      await running;
      return results.filter((r) => r[1]! < busyUntil).length;
    };
    try {
      pool.warm();
      // Both threads started and serving (a run of two tasks answers only once they are).
      await pool.run([0, 1], () => undefined);
      // Both threads worked through all they held, more than one task each; none was handed more while this thread was busy.
      const overQueue = await startedWhileBusy('queue', 4 * ahead);
      expect(overQueue).toBe(2 * ahead);
      expect(overQueue).toBeGreaterThan(2);
      expect(await startedWhileBusy('list', 4 * ahead)).toBe(2);
    } finally {
      pool.close();
    }
  });

  test("WorkerPool: a worker's error fails the pool: the run rejects, and so does the next", async () => {
    const { script } = workerScript();
    const pool = new (built().WorkerPool)<number, number>({ ...options([]), script, workers: 2 });
    try {
      await expect(pool.run([1, 2, -1, 3], () => undefined)).rejects.toThrow('task.txt: negative input');
      await expect(pool.run([1, 2], () => undefined)).rejects.toThrow('task.txt: negative input');
    } finally {
      pool.close();
    }
  });

  test('threads are ended once idle for RETIRE_MS, after the pool has answered, before the next pool starts its own', async () => {
    // Linux: a thread is an entry of /proc/self/task.
    const threads = (): number => readdirSync('/proc/self/task').length;
    const { script } = workerScript();
    const { runPool: run, RETIRE_MS } = built();
    await run({ ...options([1, 2]), script, workers: 2 });
    await new Promise((done) => setTimeout(done, RETIRE_MS + 500));
    const before = threads();
    expect(await run({ ...options([1, 2, 3]), script, workers: 2 })).toEqual([2, 4, 6]);
    // Answered, its two threads still there (idle: ended a RETIRE_MS later, so that V8 has nothing left to do for them).
    expect(threads()).toBe(before + 2);
    // A pool started now starts its threads once those are gone: never four at once.
    const during: number[] = [];
    expect(await run({ ...options([4, 5, 6]), script, workers: 2, onResult: () => during.push(threads()) })).toEqual([8, 10, 12]);
    expect(Math.max(...during)).toBe(before + 2);
    await new Promise((done) => setTimeout(done, RETIRE_MS + 500));
    expect(threads()).toBe(before);
  });

  test('a crashing worker rejects with InternalError "worker failed: ...", once the threads are gone', async () => {
    const { script } = workerScript(`serveTasks(() => new Promise(() => setImmediate(() => { throw new Error('boom'); })));`);
    const { runPool: run, RETIRE_MS } = built();
    await new Promise((done) => setTimeout(done, RETIRE_MS + 500));
    const before = readdirSync('/proc/self/task').length;
    let after = -1;
    const crash = run({ ...options([1, 2]), script, workers: 2 }).finally(() => (after = readdirSync('/proc/self/task').length));
    await expect(crash).rejects.toBeInstanceOf(builtErrors().InternalError);
    await expect(crash).rejects.toThrow('worker failed: boom');
    // A failed run is often the process's last: no thread of it is left when it hears why.
    expect(after).toBe(before);
  });
});

describe('inTaskOrder', () => {
  it('hands results on in task order, each as soon as those before it are in', () => {
    const seen: string[] = [];
    const ordered = inTaskOrder<string>((r) => seen.push(r));
    ordered(2, 'c');
    expect(seen).toEqual([]);
    ordered(0, 'a');
    expect(seen).toEqual(['a']);
    ordered(1, 'b');
    expect(seen).toEqual(['a', 'b', 'c']);
    ordered(3, 'd');
    expect(seen).toEqual(['a', 'b', 'c', 'd']);
  });
});
