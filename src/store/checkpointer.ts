/**
 * Folding an index's write-ahead log into its file in another process.
 *
 * In WAL mode SQLite checkpoints on the connection that commits, once the log
 * passes 1,000 pages: during `index add` that is the main thread copying each
 * 50 MB write batch a second time and waiting for the disk to take it, while
 * the workers wait for their next batch (half of the main thread's commit
 * time at 100k articles). A {@link Checkpointer} does the copying in a
 * process of its own, with its own connection, after each commit; the writer
 * turns its own checkpoints off meanwhile (`IndexStore.checkpointingElsewhere`).
 * What is committed is the same either way: a checkpoint only moves committed
 * pages from the log to the file, and a kill at any moment leaves them in one
 * or the other.
 *
 * A process rather than a worker thread: the end of a worker thread can
 * abort the whole process in Node 20 (see `RETIRE_MS` in `worker-pool.ts`),
 * and this one ends right after its last round; a child that dies ends
 * alone, and what it did not fold the writer's connection folds.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

/** What the writer tells the checkpoint process: a transaction committed, or the run is over. */
export type CheckpointRequest = 'committed' | 'stop';

/** What the checkpoint process answers. */
export type CheckpointReply =
  /** A round ended with `left` frames of the log not yet in the file (committed while it ran, or held by a reader). */
  | { readonly kind: 'checkpointed'; readonly left: number }
  | { readonly kind: 'failed'; readonly message: string }
  | { readonly kind: 'stopped' };

/** The compiled script of the checkpoint process (absent when running from TypeScript sources). */
export const CHECKPOINT_WORKER_SCRIPT = join(__dirname, 'checkpoint-worker.js');

/** How a checkpoint process's run went. */
export interface CheckpointerSummary {
  /** Checkpoint rounds that completed. */
  readonly rounds: number;
  /** Log frames the last round left unfolded (0: the file had everything committed before it). */
  readonly left: number;
  /** The first failure (of a round, or of the process), or null: the log still holds what was not folded. */
  readonly failure: string | null;
}

/** A process folding `file`'s write-ahead log into the file after each {@link committed}. */
export class Checkpointer {
  private rounds = 0;
  private left = 0;
  private failure: string | null = null;
  private stopped = false;
  private readonly ended: Promise<void>;

  private constructor(private readonly child: ChildProcess) {
    this.ended = new Promise<void>((resolve) => {
      child.on('message', (reply: CheckpointReply) => {
        if (reply.kind === 'checkpointed') {
          this.rounds++;
          this.left = reply.left;
        } else if (reply.kind === 'failed') this.failure ??= reply.message;
        else this.stopped = true;
      });
      child.on('error', (error) => {
        this.failure ??= error.message;
      });
      // An end after 'stopped' is the one asked for, whatever its status.
      child.on('exit', (code, signal) => {
        if (!this.stopped) this.failure ??= `the checkpoint process ended (${signal ?? `exit code ${code}`})`;
        resolve();
      });
    });
  }

  /** Start a checkpoint process on `file` (an index file in WAL mode), or null when `script` is not there (TypeScript sources: tests). */
  static start(file: string, script: string = CHECKPOINT_WORKER_SCRIPT): Checkpointer | null {
    if (!existsSync(script)) return null;
    // Not this process's flags (a profiler's, an inspector's); nothing on the terminal.
    return new Checkpointer(fork(script, [file], { execArgv: [], stdio: ['ignore', 'ignore', 'ignore', 'ipc'] }));
  }

  /** A transaction committed: fold the log (now, or after the round under way). */
  committed(): void {
    this.send('committed');
  }

  /** Finish the round under way (and fold once more for a commit told of meanwhile), close the process's connection and end it. */
  async stop(): Promise<CheckpointerSummary> {
    this.send('stop');
    await this.ended;
    return { rounds: this.rounds, left: this.left, failure: this.failure };
  }

  private send(request: CheckpointRequest): void {
    if (this.child.connected) this.child.send(request);
  }
}
