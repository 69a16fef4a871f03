/**
 * `npm run bench:check`: figures for the index, `reprint check` and the
 * check service (printed, not asserted; this machine is shared and noisy).
 *
 * (a) Index a JSONL dump (default: the Reuters-21578 dump, ~19k records with
 *     a body) with the compiled CLI as one process: articles/s, bytes on
 *     disk per article (after `index vacuum` too).
 * (b) A draft reusing three lightly edited paragraphs of one indexed article
 *     among sentences of its own (`reuse-draft.ts`): `reprint check` as a
 *     whole process, `--runs` times: median wall time, whether the report
 *     names the article, passage coverage of the reused characters, exit code
 *     with --fail-above 0.2; a fresh draft: exit code and sources.
 * (c) With `--synthetic N`: an index of N synthetic articles
 *     (`synthetic-corpus.ts`), a ~1,000-word draft reusing one of them:
 *     whole-process check median, the service's latency (sequential
 *     requests, p50/p90) and an autocannon load test on loopback.
 *
 * Flags (after `npm run bench:check --`):
 *   --corpus FILE        JSONL dump for (a)/(b) (default ../shared/corpora/reuters21578.jsonl, from the current folder)
 *   --field NAME=FIELD   field mapping for --corpus, repeatable (default id=newid, text=body for the default corpus)
 *   --runs N             whole-process checks per draft (default 10)
 *   --dir DIR            where indexes, drafts and synthetic dumps go (default: a temporary folder)
 *   --synthetic N        also run (c) with N synthetic articles (e.g. 100000)
 *   --requests N         sequential service requests for p50 (default 100)
 *   --connections N      autocannon connections (default 10)
 *   --duration S         autocannon seconds (default 10)
 *   --cli PATH           the compiled CLI (default: this build's dist-bench/src/cli/bin.js)
 *   --skip-corpus        skip (a) and (b)
 *   --reuse-index        with --dir: check against DIR/synthetic-N.db as it is when it exists (no index add, no figures for it)
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Report } from '../src';
import { forEachLine } from './line-reader';
import { buildFreshDraft, buildReuseDraft, coverageOf, OWN_SENTENCES, type ReuseDraft } from './reuse-draft';
import { writeSyntheticCorpus } from './synthetic-corpus';

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

function args(name: string): string[] {
  return process.argv.flatMap((a, i) => (a === `--${name}` && process.argv[i + 1] !== undefined ? [process.argv[i + 1]!] : []));
}

const CLI = resolve(arg('cli') ?? join(__dirname, '../src/cli/bin.js'));
const RUNS = Number(arg('runs') ?? 10);

interface Timed {
  readonly seconds: number;
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Run the CLI as a whole process and time it. */
function cli(argv: readonly string[]): Timed {
  const started = process.hrtime.bigint();
  const r = spawnSync(process.execPath, [CLI, ...argv], { encoding: 'utf8', maxBuffer: 1 << 28 });
  return { seconds: Number(process.hrtime.bigint() - started) / 1e9, code: r.status, stdout: r.stdout, stderr: r.stderr };
}

function median(values: readonly number[]): number {
  const s = [...values].sort((a, b) => a - b);
  return s.length === 0 ? NaN : s.length % 2 === 1 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
}

function percentile(values: readonly number[], p: number): number {
  const s = [...values].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))]!;
}

/** Index `dump` into a new `index` (one left by an earlier run is removed: adding to it would add nothing) with the CLI; prints and returns the figures. */
function benchIndex(label: string, dump: string, fields: readonly string[], index: string): { articles: number } {
  for (const file of [index, `${index}-wal`, `${index}-shm`]) rmSync(file, { force: true });
  const add = cli(['index', 'add', dump, '--index', index, '--quiet', ...fields.flatMap((f) => ['--field', f])]);
  if (add.code !== 0) throw new Error(`index add failed (${add.code}): ${add.stderr}`);
  const added = Number(/: (\d+) added/.exec(add.stdout)?.[1] ?? NaN);
  const stats = JSON.parse(cli(['index', 'stats', '--index', index, '--format', 'json']).stdout) as { documents: number; windows: number; bandKeys: number; bytesOnDisk: number; bytesPerArticle: number };
  cli(['index', 'vacuum', '--index', index]);
  const vacuumed = JSON.parse(cli(['index', 'stats', '--index', index, '--format', 'json']).stdout) as { bytesOnDisk: number; bytesPerArticle: number };
  console.log(`\n(a) ${label}: index add as one process`);
  console.log(`    ${added} articles in ${add.seconds.toFixed(1)} s: ${(added / add.seconds).toFixed(0)} articles/s (whole process: reading, sketching, signing, writing)`);
  console.log(`    ${stats.windows} windows, ${stats.bandKeys} band keys; ${(stats.bytesOnDisk / 1e6).toFixed(1)} MB on disk, ${stats.bytesPerArticle} bytes/article; after vacuum ${(vacuumed.bytesOnDisk / 1e6).toFixed(1)} MB, ${vacuumed.bytesPerArticle} bytes/article`);
  return { articles: added };
}

/** Check `draft` `RUNS` times as a whole process; print the figures. */
function benchCheck(label: string, index: string, dir: string, draft: ReuseDraft, sourceId: string): void {
  const draftFile = join(dir, 'draft.txt');
  const freshFile = join(dir, 'fresh.txt');
  writeFileSync(draftFile, draft.text);
  writeFileSync(freshFile, buildFreshDraft());
  const runs: Timed[] = [];
  for (let i = 0; i < RUNS; i++) runs.push(cli(['check', draftFile, '--index', index, '--format', 'json', '--fail-above', '0.2', '--quiet']));
  const last = runs[runs.length - 1]!;
  const report = JSON.parse(last.stdout) as Report;
  const pair = report.pairs.find((p) => p.source === sourceId || p.target === sourceId);
  const side = pair?.source === 'draft' ? 'source' : 'target';
  const spans = pair === undefined ? [] : pair.passages.flatMap((p) => (p.segments ?? [p]).map((s) => s[side]));
  const words = draft.text.split(/\s+/).filter((w) => w !== '').length;
  console.log(`\n(b) ${label}: reprint check of a ${words}-word draft reusing 3 lightly edited paragraphs of ${sourceId}, ${RUNS} whole-process runs`);
  console.log(`    median ${(median(runs.map((r) => r.seconds)) * 1000).toFixed(0)} ms (min ${(Math.min(...runs.map((r) => r.seconds)) * 1000).toFixed(0)}, max ${(Math.max(...runs.map((r) => r.seconds)) * 1000).toFixed(0)})`);
  console.log(`    report names ${sourceId}: ${pair !== undefined ? 'yes' : 'NO'}; sources in the report: ${report.pairs.length}; passages cover ${(100 * coverageOf(draft.reused, spans)).toFixed(1)}% of the ${draft.reused.reduce((s, r) => s + r.end - r.start, 0)} reused characters`);
  console.log(`    exit code with --fail-above 0.2: ${last.code} (share of the draft from ${sourceId}: ${pair === undefined ? '-' : (100 * (pair.source === 'draft' ? pair.coverage.source : pair.coverage.target)).toFixed(1)}%)`);
  const fresh = cli(['check', freshFile, '--index', index, '--format', 'json', '--fail-above', '0.2', '--quiet']);
  console.log(`    fresh draft: exit code ${fresh.code}, sources ${(JSON.parse(fresh.stdout) as Report).pairs.length}, ${(fresh.seconds * 1000).toFixed(0)} ms`);
}

/** The first record of `dump` with a draft to build: its id and the draft. */
function pickSource(dump: string, idField: string, textField: string, minChars: number): { id: string; draft: ReuseDraft } {
  let found: { id: string; draft: ReuseDraft } | null = null;
  forEachLine(dump, (line) => {
    if (found !== null) return;
    const record = JSON.parse(line) as Record<string, unknown>;
    const text = record[textField];
    if (typeof text !== 'string' || text.length < minChars) return;
    const draft = buildReuseDraft(text);
    if (draft !== null) found = { id: String(record[idField]), draft };
  });
  if (found === null) throw new Error(`no record of ${dump} with ${minChars}+ characters to build a draft from`);
  return found;
}

/** A ~`words`-word draft: the reuse draft, then sentences of its own made from a seeded shuffle of its own words. */
function lengthen(draft: ReuseDraft, words: number): ReuseDraft {
  const vocabulary = OWN_SENTENCES.join(' ').replace(/[.,’]/g, '').toLowerCase().split(' ');
  let state = 12345;
  const next = (n: number): number => {
    state = (Math.imul(state, 1103515245) + 12345) >>> 0;
    return state % n;
  };
  let text = draft.text;
  while (text.split(/\s+/).length < words) {
    const sentence = Array.from({ length: 14 }, () => vocabulary[next(vocabulary.length)]).join(' ');
    text += `${sentence.charAt(0).toUpperCase()}${sentence.slice(1)}. `;
    if (next(4) === 0) text += '\n\n';
  }
  return { text: `${text.trim()}\n`, reused: draft.reused };
}

function post(port: number, path: string, body: string): Promise<{ status: number; ms: number; body: string }> {
  const started = process.hrtime.bigint();
  return new Promise((ok, fail) => {
    const req = request({ host: '127.0.0.1', port, path, method: 'POST', headers: { 'Content-Type': 'text/plain' } }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (d: string) => (text += d));
      res.on('end', () => ok({ status: res.statusCode ?? 0, ms: Number(process.hrtime.bigint() - started) / 1e6, body: text }));
    });
    req.on('error', fail);
    req.end(body);
  });
}

/** Start `reprint serve` on a free port; resolves with the port and a stop function. */
function startServer(index: string): Promise<{ port: number; stop: () => Promise<void> }> {
  const child = spawn(process.execPath, [CLI, 'serve', '--index', index, '--port', '0'], { stdio: ['ignore', 'ignore', 'pipe'] });
  return new Promise((ok, fail) => {
    let err = '';
    child.stderr.on('data', (d: Buffer) => {
      err += d.toString();
      const m = /on http:\/\/127\.0\.0\.1:(\d+)/.exec(err);
      if (m !== null) ok({ port: Number(m[1]), stop: () => new Promise((done) => { child.on('exit', () => done()); child.kill('SIGTERM'); }) });
    });
    child.on('exit', (code) => fail(new Error(`serve exited (${code}): ${err}`)));
  });
}

async function benchService(index: string, draft: ReuseDraft, sourceId: string): Promise<void> {
  const requests = Number(arg('requests') ?? 100);
  const server = await startServer(index);
  try {
    const times: number[] = [];
    let named = 0;
    for (let i = 0; i < requests; i++) {
      const r = await post(server.port, '/check', draft.text);
      if (r.status !== 200) throw new Error(`POST /check answered ${r.status}: ${r.body}`);
      times.push(r.ms);
      if ((JSON.parse(r.body) as Report).pairs.some((p) => p.source === sourceId || p.target === sourceId)) named++;
    }
    console.log(`    service, ${requests} sequential POST /check: p50 ${percentile(times, 50).toFixed(1)} ms, p90 ${percentile(times, 90).toFixed(1)} ms, max ${Math.max(...times).toFixed(1)} ms; ${named}/${requests} name ${sourceId}`);
    // autocannon has no types; its programmatic API returns a promise of the result.
    const autocannon = require('autocannon') as (opts: Record<string, unknown>) => Promise<{
      requests: { total: number; average: number };
      errors: number;
      timeouts: number;
      non2xx: number;
      latency: { p50: number; p90: number; p99: number; max: number; average: number };
    }>;
    const connections = Number(arg('connections') ?? 10);
    const duration = Number(arg('duration') ?? 10);
    const load = await autocannon({ url: `http://127.0.0.1:${server.port}/check`, method: 'POST', headers: { 'content-type': 'text/plain' }, body: draft.text, connections, duration });
    console.log(
      `    autocannon ${connections} connections × ${duration} s, POST /check: ${load.requests.total} requests (${load.requests.average.toFixed(1)}/s), ` +
        `errors ${load.errors}, timeouts ${load.timeouts}, non-2xx ${load.non2xx}; latency p50 ${load.latency.p50} ms, p90 ${load.latency.p90} ms, p99 ${load.latency.p99} ms, max ${load.latency.max} ms`,
    );
  } finally {
    await server.stop();
  }
}

async function main(): Promise<void> {
  const dir = arg('dir') ?? mkdtempSync(join(tmpdir(), 'reprint-check-bench-'));
  mkdirSync(dir, { recursive: true });
  console.log(`reprint check bench: CLI ${CLI}, files in ${dir}`);
  if (!process.argv.includes('--skip-corpus')) {
    const corpus = resolve(arg('corpus') ?? '../shared/corpora/reuters21578.jsonl');
    const fields = args('field').length > 0 ? args('field') : arg('corpus') === undefined ? ['id=newid', 'text=body'] : [];
    const field = (name: string, fallback: string): string => fields.find((f) => f.startsWith(`${name}=`))?.slice(name.length + 1) ?? fallback;
    const index = join(dir, 'corpus.db');
    benchIndex(corpus, corpus, fields, index);
    const { id, draft } = pickSource(corpus, field('id', 'id'), field('text', 'text'), 1500);
    benchCheck(corpus, index, dir, draft, id);
  }
  const synthetic = Number(arg('synthetic') ?? 0);
  if (synthetic > 0) {
    const dump = join(dir, `synthetic-${synthetic}.jsonl`);
    if (!existsSync(dump)) writeSyntheticCorpus(dump, { articles: synthetic, seed: 1 });
    const index = join(dir, `synthetic-${synthetic}.db`);
    if (process.argv.includes('--reuse-index') && existsSync(index)) console.log(`\n(a) ${synthetic} synthetic articles: reusing ${index}`);
    else benchIndex(`${synthetic} synthetic articles`, dump, [], index);
    const { id, draft } = pickSource(dump, 'id', 'text', 1500);
    const long = lengthen(draft, 1000);
    writeFileSync(join(dir, 'draft-1000.txt'), long.text);
    benchCheck(`${synthetic} synthetic articles`, index, dir, long, id);
    console.log(`\n(c) ${synthetic} synthetic articles: the check service`);
    await benchService(index, long, id);
  }
  // Keep the last draft for a look.
  if (existsSync(join(dir, 'draft.txt'))) console.log(`\ndrafts and indexes kept in ${dir}: ${readFileSync(join(dir, 'draft.txt'), 'utf8').length} chars in draft.txt`);
}

main().catch((error: unknown) => {
  // One line: what failed (a missing corpus names the file), not a stack trace.
  console.error(`reprint check bench: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
});
