/**
 * A reader that stops reading the CLI's messages (`reprint … 2>&1 | head`, a
 * CI step that closes the pipe) does not change the run: its report is
 * written and its exit code is its own (unhandled, the EPIPE ended the
 * process with exit code 1, which means "findings").
 */
import { spawn, spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { tempDir } from '../helpers/temp-dir';

const BIN = resolve(__dirname, '../../dist/cli/bin.js');
const SAMPLES = resolve(__dirname, '../../samples');

/** Run the CLI with its standard error closed at once; its exit code and standard output. */
function withStderrClosed(args: readonly string[]): Promise<{ code: number | null; stdout: string }> {
  return new Promise((done, fail) => {
    const child = spawn('node', [BIN, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    child.stderr.destroy();
    let stdout = '';
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString('utf8');
    });
    child.on('error', fail);
    child.on('close', (code) => done({ code, stdout }));
  });
}

describe('closed standard error', () => {
  test('a scan with warnings and a summary to say still writes its report and exits 0', async () => {
    const dir = tempDir('reprint-closed-');
    const empty = join(dir, 'empty.jsonl');
    writeFileSync(empty, '');
    const out = join(dir, 'report.json');
    const run = await withStderrClosed(['scan', empty, SAMPLES, '--format', 'json', '--out', out]);
    expect(run.code).toBe(0);
    const report = JSON.parse(readFileSync(out, 'utf8')) as { documents: unknown[]; pairs: unknown[] };
    expect(report.documents).toHaveLength(5);
    expect(report.pairs).toHaveLength(6);
  });

  test('a check keeps its exit code 1 and prints its report', async () => {
    const index = join(tempDir('reprint-closed-'), 'index.db');
    const add = spawnSync('node', [BIN, 'index', 'add', SAMPLES, '--index', index, '--quiet'], { encoding: 'utf8' });
    expect(add.status).toBe(0);
    const draft = join(SAMPLES, '001_69955482a43b296f.txt');
    const run = await withStderrClosed(['check', draft, '--index', index, '--format', 'json', '--fail-above', '0.2']);
    expect(run.code).toBe(1);
    expect((JSON.parse(run.stdout) as { pairs: unknown[] }).pairs.length).toBeGreaterThan(0);
  });
});
