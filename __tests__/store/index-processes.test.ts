/**
 * The index under real processes (the compiled CLI): `index add` killed with
 * SIGKILL loses nothing it committed and leaves an index that opens, counts
 * and checks; two `index add` at once leave a consistent index with both
 * dumps in it.
 */
import Database from 'better-sqlite3';
import { spawn } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { openIndexStore } from '../../src';
import { INDEX_BATCH, writeBatchSize } from '../../src/pipeline/index-articles';
import { thousands } from '../../src/report';
import { tempDir } from '../helpers/temp-dir';

const BIN = resolve(__dirname, '../../dist/cli/bin.js');
const WORDS = readFileSync(resolve(__dirname, '../../samples/003_07aa18f49e5e91c1.txt'), 'utf8').split(/\s+/).filter((w) => w !== '');

/** A JSONL dump of `n` articles `prefix0…`, each its own mix of sample words (so each has windows and band keys). */
function writeDump(file: string, prefix: string, n: number): void {
  const lines: string[] = [];
  for (let i = 0; i < n; i++) {
    const words: string[] = [];
    for (let j = 0; j < 160; j++) words.push(WORDS[(i * 7919 + j * (i % 13 + 1)) % WORDS.length]!);
    lines.push(JSON.stringify({ id: `${prefix}${i}`, text: `Item ${prefix}${i}. ${words.join(' ')}.` }));
  }
  writeFileSync(file, `${lines.join('\n')}\n`);
}

interface Exit {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly stdout: string;
  readonly stderr: string;
}

function run(argv: readonly string[]): { child: ReturnType<typeof spawn>; done: Promise<Exit> } {
  const child = spawn(process.execPath, [BIN, ...argv], { stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
  const done = new Promise<Exit>((ok) => child.on('exit', (code, signal) => ok({ code, signal, stdout, stderr })));
  return { child, done };
}

/** Ids stored, read straight from SQLite (a reader never blocks the writer in WAL mode). */
function storedIds(file: string): string[] {
  try {
    const db = new Database(file, { readonly: true, fileMustExist: true });
    try {
      return (db.prepare('SELECT id FROM docs').all() as { id: string }[]).map((r) => r.id);
    } finally {
      db.close();
    }
  } catch {
    return []; // not created yet
  }
}

function consistency(file: string): { integrity: string; orphans: number; keyRows: number; bandRows: number } {
  const db = new Database(file, { readonly: true });
  const integrity = (db.pragma('integrity_check', { simple: true }) as string);
  const keyRows = (db.prepare('SELECT coalesce(sum(keyCount), 0) AS n FROM docs').get() as { n: number }).n;
  const documents = new Set((db.prepare('SELECT doc FROM docs').all() as { doc: number }[]).map((r) => r.doc));
  db.close();
  // Every stored article's band keys are in the posting segments (a batch and its segment are one transaction).
  const store = openIndexStore(file);
  const { perDocument, dead } = store.postingCensus();
  store.close();
  // No article was removed or replaced: no entry may name a row that is not there.
  const orphans = dead + [...perDocument.keys()].filter((doc) => !documents.has(doc)).length;
  const bandRows = [...perDocument.values()].reduce((a, b) => a + b, 0);
  return { integrity, orphans, keyRows, bandRows };
}

async function waitUntil(check: () => boolean, ms: number): Promise<boolean> {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    if (check()) return true;
    await new Promise((r) => setTimeout(r, 20));
  }
  return false;
}

describe('index add under real processes', () => {
  const dir = tempDir('reprint-procs-');
  const draft = join(dir, 'draft.txt');
  beforeAll(() => writeFileSync(draft, readFileSync(resolve(__dirname, '../../samples/003_07aa18f49e5e91c1.txt'))));

  test('SIGKILL mid-run: committed batches stay, the index opens, counts and checks', async () => {
    const dump = join(dir, 'big.jsonl');
    const total = 8 * INDEX_BATCH;
    writeDump(dump, 'k', total);
    const index = join(dir, 'killed.db');
    const { child, done } = run(['index', 'add', dump, '--index', index, '--quiet']);
    // Wait until at least one batch is committed, note what is there, then kill.
    expect(await waitUntil(() => storedIds(index).length > 0, 60000)).toBe(true);
    const seen = storedIds(index);
    child.kill('SIGKILL');
    const exit = await done;
    expect(exit.signal).toBe('SIGKILL');
    const after = storedIds(index);
    expect(after.length).toBeLessThan(total); // killed before the end
    expect(after.length % writeBatchSize(total)).toBe(0); // whole batches only
    const kept = new Set(after);
    for (const id of seen) expect(kept.has(id)).toBe(true);
    const stats = await run(['index', 'stats', '--index', index, '--format', 'json']).done;
    expect(stats.code).toBe(0);
    expect((JSON.parse(stats.stdout) as { documents: number }).documents).toBe(after.length);
    const check = await run(['check', draft, '--index', index, '--format', 'json']).done;
    expect(check.code).toBe(0);
    expect((JSON.parse(check.stdout) as { pairs: unknown[] }).pairs.length).toBeGreaterThan(0);
    const c = consistency(index);
    expect(c).toEqual({ integrity: 'ok', orphans: 0, keyRows: c.bandRows, bandRows: c.bandRows });
    expect(c.bandRows).toBeGreaterThan(0);
    // Adding again completes the index: the committed articles are unchanged, the rest added.
    const again = await run(['index', 'add', dump, '--index', index, '--quiet']).done;
    expect(again.code).toBe(0);
    expect(again.stdout).toContain(`${thousands(total - after.length)} added, 0 replaced, ${thousands(after.length)} unchanged`);
  }, 120000);

  test('two writers at once: both finish, every article once, no orphan band rows', async () => {
    const a = join(dir, 'a.jsonl');
    const b = join(dir, 'b.jsonl');
    writeDump(a, 'a', 4 * INDEX_BATCH);
    writeDump(b, 'b', 4 * INDEX_BATCH);
    const index = join(dir, 'shared.db');
    const [ra, rb] = await Promise.all([run(['index', 'add', a, '--index', index]).done, run(['index', 'add', b, '--index', index]).done]);
    // A writer that failed shows why.
    expect([ra, rb].map((r) => (r.code === 0 ? 0 : `exit ${r.code}: ${r.stderr}`))).toEqual([0, 0]);
    const ids = storedIds(index);
    expect(ids.length).toBe(8 * INDEX_BATCH);
    expect(new Set(ids).size).toBe(ids.length);
    const c = consistency(index);
    expect(c).toEqual({ integrity: 'ok', orphans: 0, keyRows: c.bandRows, bandRows: c.bandRows });
    expect(c.bandRows).toBeGreaterThan(0);
    // Whoever had to wait said so (both may have had their turn without waiting).
    for (const r of [ra, rb]) if (r.stderr !== '') expect(r.stderr).toMatch(/being written by another process/);
  }, 120000);
});
