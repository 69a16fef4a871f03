/**
 * `reprint check` against an index of the samples: a draft reusing three
 * lightly edited paragraphs of one sample among sentences of its own is
 * found, with passages covering the reused characters; a fresh draft is not;
 * `--fail-above` decides the exit code; the draft is stored only with --add.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { Readable } from 'node:stream';
import { join, resolve } from 'node:path';
import type { Report } from '../../src';
import { buildFreshDraft, buildReuseDraft, coverageOf } from '../../bench/reuse-draft';
import { runCli } from './run-cli';
import { tempDir } from '../helpers/temp-dir';
import { mosaicDraft } from '../helpers/mosaic-draft';

const SAMPLES = resolve(__dirname, '../../samples');
const SOURCE_ID = '002_7d7de9a9c5d4ee85';
const SOURCE = readFileSync(join(SAMPLES, `${SOURCE_ID}.txt`), 'utf8');

describe('reprint check', () => {
  const dir = tempDir('reprint-check-');
  const index = join(dir, 'archive.db');
  const draft = buildReuseDraft(SOURCE)!;
  const draftFile = join(dir, 'draft.txt');
  const freshFile = join(dir, 'fresh.txt');

  beforeAll(async () => {
    writeFileSync(draftFile, draft.text);
    writeFileSync(freshFile, buildFreshDraft());
    const added = await runCli(['index', 'add', SAMPLES, '--index', index, '--quiet']);
    expect(added.code).toBe(0);
  });

  test('the draft is built as intended: three reused paragraphs, about half of it', () => {
    expect(draft.reused).toHaveLength(3);
    const reusedChars = draft.reused.reduce((sum, r) => sum + r.end - r.start, 0);
    expect(reusedChars / draft.text.length).toBeGreaterThan(0.4);
    expect(reusedChars / draft.text.length).toBeLessThan(0.9);
  });

  test('names the source article, its passages cover ≥ 90% of the reused characters, --fail-above 0.2 exits 1', async () => {
    const run = await runCli(['check', draftFile, '--index', index, '--format', 'json', '--fail-above', '0.2']);
    expect(run.code).toBe(1);
    const report = JSON.parse(run.stdout) as Report;
    const pair = report.pairs.find((p) => p.source === SOURCE_ID || p.target === SOURCE_ID);
    expect(pair).toBeDefined();
    const draftSide = pair!.source === 'draft' ? 'source' : 'target';
    const spans = pair!.passages.flatMap((p) => (p.segments ?? [p]).map((s) => s[draftSide]));
    expect(coverageOf(draft.reused, spans)).toBeGreaterThanOrEqual(0.9);
    // Offsets point into the draft as written.
    for (const s of spans) expect(s.end).toBeLessThanOrEqual(draft.text.length);
    expect(report.documents.map((d) => d.id)).toContain('draft');
    expect(run.stderr).toMatch(/draft: \d+\.\d% of it from /);
  });

  test('a draft piped on standard input with --stdin-format text: the same shares as from its file, exit 1; as JSONL (the default) it is refused, saying how', async () => {
    const fromFile = await runCli(['check', draftFile, '--index', index, '--fail-above', '0.2']);
    const piped = await runCli(['check', '-', '--index', index, '--fail-above', '0.2', '--stdin-format', 'text'], Readable.from([draft.text]));
    expect(piped.code).toBe(1);
    const share = (stderr: string): string => /: (\d+\.\d% of it from \S+)/.exec(stderr)?.[1] ?? 'none';
    expect(share(piped.stderr)).toBe(share(fromFile.stderr));
    expect(share(piped.stderr)).toContain(SOURCE_ID);
    expect(piped.stderr).toContain('reprint: check: <stdin>: ');

    const asJsonl = await runCli(['check', '-', '--index', index], Readable.from([draft.text]));
    expect(asJsonl.code).toBe(2);
    expect(asJsonl.stderr).toContain('no draft to check: every input was empty or skipped; standard input is read as JSONL, one draft a line (one draft of plain text: --stdin-format text)');
  });

  test('writes every report format scan writes: CSV rows and the HTML page carry the JSON report’s pairs', async () => {
    const json = JSON.parse((await runCli(['check', draftFile, '--index', index, '--format', 'json'])).stdout) as Report;
    const csv = await runCli(['check', draftFile, '--index', index, '--format', 'csv']);
    expect(csv.code).toBe(0);
    const rows = csv.stdout.trim().split('\r\n');
    expect(rows).toHaveLength(1 + json.pairs.length);
    for (const p of json.pairs) expect(rows.some((r) => r.includes(p.source) && r.includes(p.target))).toBe(true);
    const htmlFile = join(dir, 'check.html');
    const html = await runCli(['check', draftFile, '--index', index, '--format', 'html', '--out', htmlFile, '--fail-above', '0.2']);
    expect(html.code).toBe(1);
    const page = readFileSync(htmlFile, 'utf8');
    expect(page.toLowerCase().startsWith('<!doctype html>')).toBe(true);
    expect(page).toContain(SOURCE_ID);
    const md = await runCli(['check', draftFile, '--index', index, '--format', 'md']);
    expect(md.stdout).toContain(SOURCE_ID.replace(/_/g, '\\_')); // Markdown escapes the underscore
  });

  test('--fail-above above the largest share exits 0', async () => {
    const run = await runCli(['check', draftFile, '--index', index, '--format', 'json', '--fail-above', '0.95']);
    expect(run.code).toBe(0);
    expect((JSON.parse(run.stdout) as Report).pairs.length).toBeGreaterThan(0);
  });

  test('a fresh draft exits 0 with no sources', async () => {
    const run = await runCli(['check', freshFile, '--index', index, '--format', 'json', '--fail-above', '0.2']);
    expect(run.code).toBe(0);
    const report = JSON.parse(run.stdout) as Report;
    expect(report.pairs).toEqual([]);
    expect(report.documents.map((d) => d.id)).toEqual(['fresh']);
    expect(report.drafts).toEqual([{ draft: 'fresh', source: null, share: 0, reused: 0, sources: 0 }]);
  });

  test('the draft is stored only with --add', async () => {
    const count = async () => (JSON.parse((await runCli(['index', 'stats', '--index', index, '--format', 'json'])).stdout) as { documents: number }).documents;
    expect(await count()).toBe(5);
    await runCli(['check', freshFile, '--index', index, '--quiet']);
    expect(await count()).toBe(5);
    const added = await runCli(['check', freshFile, '--index', index, '--quiet', '--add']);
    expect(added.code).toBe(0);
    expect(await count()).toBe(6);
  });

  test('JSONL of drafts: each checked on its own, exit 1 when any one is at or above --fail-above', async () => {
    const jsonl = join(dir, 'drafts.jsonl');
    writeFileSync(jsonl, `${JSON.stringify({ id: 'fresh-one', text: readFileSync(freshFile, 'utf8') })}\n${JSON.stringify({ id: 'reusing-one', title: 'Draft', text: draft.text })}\n`);
    const run = await runCli(['check', jsonl, '--index', index, '--format', 'json', '--fail-above', '0.2']);
    expect(run.code).toBe(1);
    const report = JSON.parse(run.stdout) as Report;
    expect(report.documents.map((d) => d.id)).toEqual(expect.arrayContaining(['fresh-one', 'reusing-one', SOURCE_ID]));
    // Drafts are never compared with each other.
    expect(report.pairs.filter((p) => [p.source, p.target].includes('reusing-one') && [p.source, p.target].includes('fresh-one'))).toEqual([]);
    expect(report.pairs.some((p) => [p.source, p.target].includes('reusing-one') && [p.source, p.target].includes(SOURCE_ID))).toBe(true);
    expect(run.stderr).toMatch(/reprint: check: reusing-one: \d+\.\d% of it from /);
    // One `drafts` entry per draft, in the order given, agreeing with the pairs: how many archived
    // articles it reuses, the one it reuses most and that pair's coverage on the draft's side.
    expect(report.drafts?.map((d) => d.draft)).toEqual(['fresh-one', 'reusing-one']);
    for (const d of report.drafts ?? []) {
      const mine = report.pairs.filter((p) => p.source === d.draft || p.target === d.draft);
      const onDraft = (p: Report['pairs'][number]) => (p.target === d.draft ? p.coverage.target : p.coverage.source);
      expect(d.sources).toBe(mine.length);
      const share = Math.max(0, ...mine.map(onDraft));
      expect(d.share).toBe(share);
      expect(d.reused).toBeGreaterThanOrEqual(d.share);
      expect(d.source).toBe(mine.length === 0 ? null : [mine.find((p) => onDraft(p) === share)!].map((p) => (p.target === d.draft ? p.source : p.target))[0]);
    }
    expect(report.drafts?.[1]?.source).toBe(SOURCE_ID);
    // NDJSON: a `draft` line each, before the summary, which counts them.
    const nd = (await runCli(['check', jsonl, '--index', index, '--format', 'ndjson'])).stdout.trim().split('\n').map((l) => JSON.parse(l) as { type: string; draft?: string; drafts?: number });
    expect(nd.filter((l) => l.type === 'draft').map((l) => l.draft)).toEqual(['fresh-one', 'reusing-one']);
    expect(nd[nd.length - 1]).toMatchObject({ type: 'summary', drafts: 2 });
  });

  test('a draft pieced together from two articles: --fail-above-total weighs what it reuses from all of them, --fail-above from one', async () => {
    const mosaic = mosaicDraft(SAMPLES);
    const file = join(dir, 'mosaic.txt');
    writeFileSync(file, mosaic);
    const run = await runCli(['check', file, '--index', index, '--format', 'json', '--fail-above', '0.6']);
    const report = JSON.parse(run.stdout) as Report;
    const mine = report.pairs.filter((p) => p.source === 'mosaic' || p.target === 'mosaic');
    expect(mine.length).toBeGreaterThanOrEqual(2);
    const side = (p: Report['pairs'][number]) => (p.target === 'mosaic' ? 'target' : 'source');
    // What it reuses in all, recomputed from the report: the union of its passages' spans.
    const spans = mine.flatMap((p) => p.passages.flatMap((x) => (x.segments ?? [x]).map((s) => s[side(p)]))).sort((a, b) => a.start - b.start);
    let covered = 0;
    let end = 0;
    for (const s of spans) {
      if (s.end > end) covered += s.end - Math.max(s.start, end);
      end = Math.max(end, s.end);
    }
    const reused = covered / mosaic.length;
    const largest = Math.max(...mine.map((p) => p.coverage[side(p)]));
    // The case at stake: each source under the bar, the two together over it.
    expect(largest).toBeLessThan(0.6);
    expect(reused).toBeGreaterThanOrEqual(0.6);
    expect(run.code).toBe(0);
    expect(run.stderr).toContain(`; ${(Math.round(reused * 10000) / 100).toFixed(1)}% in all, from ${mine.length} archived articles`);
    // The same figures for a machine, in the JSON report's `drafts`.
    const best = mine.find((p) => p.coverage[side(p)] === largest)!;
    expect(report.drafts).toEqual([{ draft: 'mosaic', source: best.source === 'mosaic' ? best.target : best.source, share: largest, reused: expect.closeTo(reused, 4), sources: mine.length }]);
    const total = await runCli(['check', file, '--index', index, '--format', 'json', '--fail-above', '0.6', '--fail-above-total', '0.6']);
    expect(total.code).toBe(1);
    expect(total.stderr).toMatch(/\(at or above --fail-above-total 0\.6\)/);
    expect((await runCli(['check', file, '--index', index, '--fail-above-total', '1.5'])).code).toBe(2);
  });

  test('a missing index is exit 2 with one line', async () => {
    const run = await runCli(['check', draftFile, '--index', join(dir, 'nope.db')]);
    expect(run.code).toBe(2);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stderr).toContain('nope.db');
  });
});
