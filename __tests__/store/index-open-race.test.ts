/**
 * Opening a new index while another connection is making it: switching the
 * file to WAL is a step SQLite's busy handler does not cover (a connection
 * holding a read lock that wants the write lock another holds is answered
 * SQLITE_BUSY at once), so the store tries it again until the other
 * connection lets go. Two `index add` starting together on a new index
 * failed this way now and then, with "index is locked by another writer".
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { openIndex } from '../../src/pipeline/open-index';
import { retryWhileBusy } from '../../src/store/sqlite-errors';
import { tempDir } from '../helpers/temp-dir';

/** A process that holds the write lock of `file` (a new, rollback-journal database) for `ms` milliseconds; resolves once it holds it. */
function holdWriteLock(file: string, ms: number): Promise<{ done: Promise<number | null> }> {
  const script = `
    const Database = require('better-sqlite3');
    const db = new Database(process.argv[1]);
    db.exec('BEGIN IMMEDIATE');
    process.stdout.write('locked\\n');
    setTimeout(() => { db.exec('COMMIT'); db.close(); }, Number(process.argv[2]));
  `;
  const child = spawn(process.execPath, ['-e', script, file, String(ms)], { stdio: ['ignore', 'pipe', 'inherit'], cwd: join(__dirname, '../..') });
  const done = new Promise<number | null>((ok) => child.on('exit', ok));
  return new Promise((ok, fail) => {
    child.stdout!.on('data', (d: Buffer) => {
      if (d.toString().includes('locked')) ok({ done });
    });
    child.on('exit', (code) => fail(new Error(`lock holder exited early (${code})`)));
  });
}

describe('opening a new index another connection holds', () => {
  test('waits for the other connection and opens the index', async () => {
    const file = join(tempDir('reprint-open-race-'), 'new.db');
    const holder = await holdWriteLock(file, 1500);
    expect(existsSync(file)).toBe(true);
    const started = Date.now();
    const { store } = openIndex(file, {}, { create: true });
    const waited = Date.now() - started;
    expect(store.stats().documents).toBe(0);
    store.close();
    expect(await holder.done).toBe(0);
    // It waited for the holder rather than finding the file unlocked (the holder lets go 1.5 s after it took the lock: time enough for this thread to start opening under load).
    expect(waited).toBeGreaterThanOrEqual(100);
  }, 30000);
});

describe('retryWhileBusy', () => {
  const busy = (): Error => Object.assign(new Error('database is locked'), { code: 'SQLITE_BUSY' });

  test('tries a busy step again until it succeeds', () => {
    let tries = 0;
    const value = retryWhileBusy(() => {
      tries++;
      if (tries < 3) throw busy();
      return 'done';
    }, 5000);
    expect({ value, tries }).toEqual({ value: 'done', tries: 3 });
  });

  test('other errors are not tried again', () => {
    let tries = 0;
    expect(() =>
      retryWhileBusy(() => {
        tries++;
        throw Object.assign(new Error('disk I/O error'), { code: 'SQLITE_IOERR' });
      }, 5000),
    ).toThrow('disk I/O error');
    expect(tries).toBe(1);
  });

  test('a step busy past the wait keeps its error', () => {
    let tries = 0;
    expect(() =>
      retryWhileBusy(() => {
        tries++;
        throw busy();
      }, 100),
    ).toThrow('database is locked');
    expect(tries).toBeGreaterThan(1);
  });
});
