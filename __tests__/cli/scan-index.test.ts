/** `scan --index FILE`: the scanned articles go into the index, so a later check finds them. */
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Readable } from 'node:stream';
import type { Report } from '../../src';
import { buildReuseDraft } from '../../bench/reuse-draft';
import { runCli } from './run-cli';
import { tempDir } from '../helpers/temp-dir';

const SAMPLES = resolve(__dirname, '../../samples');

describe('scan --index', () => {
  const dir = tempDir('reprint-scan-index-');
  const index = join(dir, 'archive.db');

  test('the report is the scan report, and the articles are indexed for check', async () => {
    const plain = await runCli(['scan', SAMPLES, '--format', 'json', '--quiet']);
    const indexed = await runCli(['scan', SAMPLES, '--format', 'json', '--quiet', '--index', index]);
    expect(indexed.code).toBe(0);
    expect(indexed.stdout).toBe(plain.stdout);
    const stats = JSON.parse((await runCli(['index', 'stats', '--index', index, '--format', 'json'])).stdout) as { documents: number };
    expect(stats.documents).toBe(5);
    const draftFile = join(dir, 'draft.txt');
    writeFileSync(draftFile, buildReuseDraft(readFileSync(join(SAMPLES, '000_6ebd8b03c1841edc.txt'), 'utf8'))!.text);
    const check = await runCli(['check', draftFile, '--index', index, '--format', 'json', '--quiet']);
    expect((JSON.parse(check.stdout) as Report).pairs.map((p) => p.source)).toContain('000_6ebd8b03c1841edc');
    // A second scan adds nothing new.
    const again = await runCli(['scan', SAMPLES, '--format', 'json', '--index', index]);
    expect(again.stderr).toContain('0 added, 0 replaced, 5 unchanged');
  });

  test('standard input cannot be indexed by scan (it would be read twice)', async () => {
    const run = await runCli(['scan', '-', '--index', join(dir, 'stdin.db')], Readable.from(['{"id": "a", "text": "words"}\n']));
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('cannot take -');
  });
});
