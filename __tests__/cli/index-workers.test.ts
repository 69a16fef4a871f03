/**
 * `index add` on worker threads (compiled CLI, --workers 2) stores exactly
 * what one thread stores: several sketch batches (128 articles each) and two
 * write batches (512 and 188 articles, each signed as one task), results
 * moved back out of order, and the end-of-run merge of their two segments
 * done key range by key range by the workers. And the CLI's run, its texts
 * and sketches put aside in files, stores exactly what the library stores
 * from the same articles in memory, then leaves no file behind.
 */
import Database from 'better-sqlite3';
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { addArticlesToIndex } from '../../src/pipeline/index-articles';
import { openIndex } from '../../src/pipeline/open-index';
import { readArticles } from '../../src/pipeline/read-articles';
import { tempDir } from '../helpers/temp-dir';

const BIN = resolve(__dirname, '../../dist/cli/bin.js');

/** A sentence that only story `story` uses. */
function sentence(story: number, j: number): string {
  return `Council member ${story * 31 + j} of district ${story} said project ${story}-${j} would cost ${story + j * 7} million by ${2000 + j}.`;
}

/** 700 articles in 350 pairs, the second of each with an outlet's own opening (`edition`: 1 changes every tenth story). */
function writeDump(file: string, edition = 0): void {
  const lines: string[] = [];
  for (let i = 0; i < 700; i++) {
    const story = Math.floor(i / 2);
    const body = Array.from({ length: 8 }, (_, j) => sentence(story, j)).join(' ') + (edition > 0 && story % 10 === 0 ? ` Updated in edition ${edition}.` : '');
    const text = i % 2 === 0 ? body : `Reported by outlet ${i % 7} on day ${i}. ${body}`;
    lines.push(JSON.stringify({ id: `a${String(i).padStart(3, '0')}`, url: `https://outlet${i % 7}.example/${i}`, text }));
  }
  writeFileSync(file, `${lines.join('\n')}\n`);
}

/** Every table's rows, as text, in a stable order. */
function dumpTables(file: string): Record<string, string[]> {
  const db = new Database(file, { readonly: true });
  try {
    const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").all() as { name: string }[];
    return Object.fromEntries(
      tables.map(({ name }) => [
        name,
        (db.prepare(`SELECT * FROM "${name}"`).all() as Record<string, unknown>[])
          .map((row) => JSON.stringify(Object.entries(row).map(([k, v]) => [k, Buffer.isBuffer(v) ? v.toString('hex') : v])))
          .sort(),
      ]),
    );
  } finally {
    db.close();
  }
}

describe('index add on worker threads', () => {
  test('--workers 2 and --workers 1 store the same rows', () => {
    // npm test builds dist/ before jest runs; a missing build is a setup error, not a skip.
    expect(existsSync(BIN)).toBe(true);
    const dir = tempDir('reprint-index-workers-');
    const dump = join(dir, 'dump.jsonl');
    writeDump(dump);
    const run = (workers: string): Record<string, string[]> => {
      const index = join(dir, `index-${workers}.db`);
      const r = spawnSync('node', [BIN, 'index', 'add', dump, '--index', index, '--quiet', '--workers', workers], { encoding: 'utf8' });
      expect(r.stderr).toBe('');
      expect(r.status).toBe(0);
      // Closed cleanly, the last connection: the log folded into the file and removed.
      expect(existsSync(`${index}-wal`)).toBe(false);
      return dumpTables(index);
    };
    const threaded = run('2');
    const single = run('1');
    expect(single['docs']).toHaveLength(700);
    expect(single['chunks']!.length).toBeGreaterThan(0);
    expect(threaded).toEqual(single);
  });
});

describe('index add of a dump, its texts put aside', () => {
  test('the CLI (texts and sketches in files) stores what the library stores from the articles in memory, and leaves no file', async () => {
    expect(existsSync(BIN)).toBe(true);
    const dir = tempDir('reprint-index-spooled-');
    const spool = tempDir('reprint-index-spool-tmp-');
    const first = join(dir, 'dump.jsonl');
    const second = join(dir, 'dump-2.jsonl');
    writeDump(first);
    writeDump(second, 1);
    const cli = join(dir, 'cli.db');
    const add = (dump: string): void => {
      const r = spawnSync('node', [BIN, 'index', 'add', dump, '--index', cli, '--quiet', '--workers', '1'], { encoding: 'utf8', env: { ...process.env, TMPDIR: spool } });
      expect(r.stderr).toBe('');
      expect(r.status).toBe(0);
    };
    const library = join(dir, 'library.db');
    const { store, options } = openIndex(library, {}, { create: true });
    try {
      for (const dump of [first, second]) {
        add(dump);
        // The second dump replaces 70 articles (every tenth story changed) and leaves 630 alone.
        const result = await addArticlesToIndex(store, (await readArticles([dump], {})).articles, options);
        expect(result.documents).toBe(700);
        if (dump === second) expect(result).toMatchObject({ added: 0, replaced: 70, unchanged: 630 });
      }
    } finally {
      store.close();
    }
    const expected = dumpTables(library);
    expect(expected['docs']).toHaveLength(700);
    expect(dumpTables(cli)).toEqual(expected);
    expect(readdirSync(spool)).toEqual([]);
  });
});
