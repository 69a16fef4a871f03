/**
 * The process of a {@link Checkpointer} (forked, talking over IPC): its own
 * connection to the index file folds committed write-ahead-log frames into
 * the file (a passive checkpoint: it neither waits for nor blocks the writer
 * and readers) each time it is told that a transaction committed; requests
 * that come while one runs are served by one more round.
 */
import Database from 'better-sqlite3';
import type { CheckpointReply, CheckpointRequest } from './checkpointer';

const send = process.send?.bind(process);
if (send === undefined) throw new Error('checkpoint-worker: not forked with an IPC channel');
const reply = (message: CheckpointReply): void => void send(message);
const messageOf = (error: unknown): string => (error instanceof Error ? error.message : String(error));

let db: Database.Database | null = null;
try {
  db = new Database(process.argv[2] ?? '', { fileMustExist: true });
} catch (error: unknown) {
  reply({ kind: 'failed', message: messageOf(error) });
}
let wanted = false;
let running = false;
let stopped = false;

/** One passive checkpoint of what is committed so far. */
function fold(connection: Database.Database): void {
  wanted = false;
  try {
    const [result] = connection.pragma('wal_checkpoint(PASSIVE)') as { log: number; checkpointed: number }[];
    reply({ kind: 'checkpointed', left: (result?.log ?? 0) - (result?.checkpointed ?? 0) });
  } catch (error: unknown) {
    reply({ kind: 'failed', message: messageOf(error) });
  }
}

function round(): void {
  if (stopped || !wanted || db === null) {
    running = false;
    return;
  }
  running = true;
  fold(db);
  // Messages (another commit, or stop) come in before the next round.
  setImmediate(round);
}

process.on('message', (message: CheckpointRequest) => {
  if (message === 'stop') {
    stopped = true;
    // A commit told of during the last round (its next round would come after this message): folded before the end.
    if (wanted && db !== null) fold(db);
    reply({ kind: 'stopped' });
    // The connection closes as the channel does (below).
    process.disconnect();
    return;
  }
  wanted = true;
  if (!running) round();
});
// The channel closed, by 'stop' or because the writer is gone (killed, or crashed): the connection closes and the process ends.
process.on('disconnect', () => {
  stopped = true;
  db?.close();
});
