/**
 * The checkpoint process (compiled: `npm test` builds dist/ first) folds a
 * write-ahead log into its database file from its own connection while the
 * writer's connection checkpoints nothing; a process that cannot open the
 * file reports that and still ends; from TypeScript sources there is none.
 */
import Database from 'better-sqlite3';
import { existsSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Checkpointer, CHECKPOINT_WORKER_SCRIPT } from '../../src/store/checkpointer';
import { tempDir } from '../helpers/temp-dir';

const SCRIPT = resolve(__dirname, '../../dist/store/checkpoint-worker.js');

/** A WAL-mode database whose writer never checkpoints, with `rows` rows of 4 KB committed (so in its log). */
function writer(file: string, rows: number): Database.Database {
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('wal_autocheckpoint = 0');
  db.exec('CREATE TABLE t (id INTEGER PRIMARY KEY, data BLOB NOT NULL)');
  const insert = db.prepare('INSERT INTO t (data) VALUES (?)');
  db.transaction(() => {
    for (let i = 0; i < rows; i++) insert.run(Buffer.alloc(4096, i % 251));
  })();
  return db;
}

describe('checkpoint process', () => {
  test('folds what the writer committed into the file', async () => {
    // npm test builds dist/ before jest runs; a missing build is a setup error, not a skip.
    expect(existsSync(SCRIPT)).toBe(true);
    const file = join(tempDir('reprint-checkpoint-'), 'db.sqlite');
    const db = writer(file, 500);
    // Committed, but only in the log: the file still has the first pages alone.
    expect(statSync(file).size).toBeLessThan(100_000);
    expect(statSync(`${file}-wal`).size).toBeGreaterThan(2_000_000);

    const checkpointer = Checkpointer.start(file, SCRIPT)!;
    expect(checkpointer).not.toBeNull();
    checkpointer.committed();
    const summary = await checkpointer.stop();
    expect(summary.failure).toBeNull();
    expect(summary.rounds).toBeGreaterThanOrEqual(1);
    expect(summary.left).toBe(0);
    expect(statSync(file).size).toBeGreaterThan(2_000_000);
    // Nothing left for the writer's connection to fold; the rows read back.
    const [left] = db.pragma('wal_checkpoint(PASSIVE)') as { log: number; checkpointed: number }[];
    expect(left!.checkpointed).toBe(left!.log);
    expect(db.prepare('SELECT count(*) AS n FROM t').get()).toEqual({ n: 500 });
    db.close();
  });

  test('a commit told of while a round runs is folded before the process ends', async () => {
    const file = join(tempDir('reprint-checkpoint-'), 'db.sqlite');
    const db = writer(file, 50);
    const checkpointer = Checkpointer.start(file, SCRIPT)!;
    // Told twice before it has started: the first round folds, the second commit is still wanted when 'stop' comes.
    checkpointer.committed();
    checkpointer.committed();
    const summary = await checkpointer.stop();
    expect(summary).toEqual({ rounds: 2, left: 0, failure: null });
    db.close();
  });

  test('a process that cannot open the file says so and ends', async () => {
    const checkpointer = Checkpointer.start(join(tempDir('reprint-checkpoint-'), 'missing.sqlite'), SCRIPT)!;
    checkpointer.committed();
    const summary = await checkpointer.stop();
    expect(summary.rounds).toBe(0);
    expect(summary.failure).toMatch(/unable to open|directory does not exist|no such file/i);
  });

  test('from TypeScript sources there is no script, and no process', () => {
    expect(CHECKPOINT_WORKER_SCRIPT.endsWith('.js')).toBe(true);
    expect(existsSync(CHECKPOINT_WORKER_SCRIPT)).toBe(false);
    expect(Checkpointer.start(join(tempDir('reprint-checkpoint-'), 'db.sqlite'))).toBeNull();
  });
});
