/**
 * `index remove`, `index vacuum`, `index stats` through the CLI, and
 * collection boilerplate in an index: an outlet's footer, in every one of its
 * articles, is not reported as reuse (it is, with --no-boilerplate).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Report } from '../../src';
import { OWN_SENTENCES } from '../../bench/reuse-draft';
import { runCli } from './run-cli';
import { tempDir } from '../helpers/temp-dir';

const SAMPLES = resolve(__dirname, '../../samples');
const FOOTER =
  'Sign up for the Harbour Gazette morning briefing and get every top story of the day delivered to your inbox before breakfast. ' +
  'The Harbour Gazette is an independent newsroom supported by its readers, and every subscription pays for local reporting in the county.';

/** `n` articles of one outlet, each its own text (shuffled sample words) and the outlet's footer. */
function outletDump(file: string, n: number): void {
  const words = readFileSync(join(SAMPLES, '001_69955482a43b296f.txt'), 'utf8').split(/\s+/).filter((w) => /^[a-z]+$/i.test(w));
  const lines: string[] = [];
  for (let i = 0; i < n; i++) {
    const own = Array.from({ length: 90 }, (_, j) => words[(i * 131 + j * 17 + ((i * j) % 7)) % words.length]).join(' ');
    lines.push(JSON.stringify({ id: `g${i}`, outlet: 'harbourgazette.example', text: `Story ${i}. ${own}.\n\n${FOOTER}\n` }));
  }
  writeFileSync(file, `${lines.join('\n')}\n`);
}

describe('index commands', () => {
  const dir = tempDir('reprint-index-cli-');

  test('remove, stats and vacuum', async () => {
    const index = join(dir, 'samples.db');
    expect((await runCli(['index', 'add', SAMPLES, '--index', index])).stdout).toMatch(/5 added, 0 replaced, 0 unchanged, 0 failed; 5 articles in the index/);
    const removed = await runCli(['index', 'remove', '000_6ebd8b03c1841edc', 'nope', '--index', index]);
    expect(removed.code).toBe(0);
    expect(removed.stdout).toContain('1 removed; 4 articles in the index');
    expect(removed.stderr).toContain('not in the index: nope');
    const vacuum = await runCli(['index', 'vacuum', '--index', index]);
    expect(vacuum.code).toBe(0);
    const text = await runCli(['index', 'stats', '--index', index]);
    expect(text.stdout).toMatch(/^articles: 4$/m);
    expect(text.stdout).toMatch(/^ {2}numPerm: 128$/m);
    // Removed articles are not found any more; the others still are.
    const draft = join(dir, 'copy.txt');
    writeFileSync(draft, readFileSync(join(SAMPLES, '000_6ebd8b03c1841edc.txt')));
    const check = JSON.parse((await runCli(['check', draft, '--index', index, '--format', 'json', '--quiet'])).stdout) as Report;
    expect(check.pairs.flatMap((p) => [p.source, p.target])).not.toContain('000_6ebd8b03c1841edc');
  });

  test('index add of records without ids: added under their positions, not counted as failed', async () => {
    const index = join(dir, 'no-ids.db');
    const dump = join(dir, 'no-ids.jsonl');
    writeFileSync(dump, '{"body": "The river rose by two metres overnight."}\n{"body": "The council met on Tuesday to discuss the bridge."}\n{"id": "x"}\n');
    const run = await runCli(['index', 'add', dump, '--index', index, '--field', 'text=body']);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/2 added, 0 replaced, 0 unchanged, 1 failed; 2 articles in the index/);
    expect(run.stderr).toContain('using "no-ids.jsonl:1", and likewise for 1 more record of this file');
  });

  test('index add that reads no article is exit 2 naming the inputs; the index is left as it was', async () => {
    const index = join(dir, 'nothing.db');
    expect((await runCli(['index', 'add', SAMPLES, '--index', index, '--quiet'])).code).toBe(0);
    const dump = join(dir, 'wrong-field.jsonl');
    writeFileSync(dump, '{"id": "x", "body": "some text"}\n');
    const run = await runCli(['index', 'add', dump, '--index', index, '--field', 'text=content']);
    expect(run.code).toBe(2);
    expect(run.stdout).toMatch(/0 added, 0 replaced, 0 unchanged, 1 failed; 5 articles in the index/);
    expect(run.stderr).toContain(`reprint: ${dump}: no article to add: every input was empty or skipped (1 warning above)`);
    // Something read, even if nothing new: exit 0.
    expect((await runCli(['index', 'add', SAMPLES, '--index', index, '--quiet'])).code).toBe(0);
  });

  test("an outlet's footer is boilerplate in the index, not reuse", async () => {
    const dump = join(dir, 'gazette.jsonl');
    outletDump(dump, 30);
    const draft = join(dir, 'footer-draft.txt');
    writeFileSync(draft, `${OWN_SENTENCES.join(' ')}\n\n${FOOTER}\n`);
    const withBoilerplate = join(dir, 'b.db');
    const without = join(dir, 'nb.db');
    expect((await runCli(['index', 'add', dump, '--index', withBoilerplate, '--quiet'])).code).toBe(0);
    expect((await runCli(['index', 'add', dump, '--index', without, '--quiet', '--no-boilerplate'])).code).toBe(0);
    const stats = JSON.parse((await runCli(['index', 'stats', '--index', withBoilerplate, '--format', 'json'])).stdout) as { blockedGrams: number; blockedAtDocuments: number };
    expect(stats.blockedGrams).toBeGreaterThan(30); // the footer's 4-grams, at least
    expect(stats.blockedAtDocuments).toBe(30);
    const found = JSON.parse((await runCli(['check', draft, '--index', without, '--format', 'json', '--quiet'])).stdout) as Report;
    expect(found.pairs.length).toBeGreaterThan(0);
    const clean = JSON.parse((await runCli(['check', draft, '--index', withBoilerplate, '--format', 'json', '--quiet'])).stdout) as Report;
    expect(clean.pairs).toEqual([]);
  });
});
