/**
 * A scan killed with SIGKILL leaves no complete-looking output: the report is
 * written to a hidden temporary file and renamed only when complete.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const BIN = resolve(__dirname, '../../dist/cli/bin.js');
const SAMPLE = readFileSync(resolve(__dirname, '../../samples/004_c4d09dfc72624344.txt'), 'utf8');

/** A JSONL dump where every article carries a slice of one real article, so many pairs are found. */
function writeDump(file: string, articles: number): void {
  const words = SAMPLE.split(/\s+/);
  const lines: string[] = [];
  for (let i = 0; i < articles; i++) {
    const from = (i * 37) % (words.length - 200);
    const text = `Article ${i} opens with its own words about item ${i}. ${words.slice(from, from + 180).join(' ')}`;
    lines.push(JSON.stringify({ id: `a${i}`, text }));
  }
  writeFileSync(file, `${lines.join('\n')}\n`);
}

function waitFor(check: () => boolean, timeoutMs: number): Promise<boolean> {
  const until = Date.now() + timeoutMs;
  return new Promise((done) => {
    const tick = () => {
      if (check()) done(true);
      else if (Date.now() > until) done(false);
      else setTimeout(tick, 5);
    };
    tick();
  });
}

describe('scan killed with SIGKILL', () => {
  test.each(['json', 'ndjson'])('--format %s --out: no file under the output name, only a hidden temporary one at most', async (format) => {
    const dir = mkdtempSync(join(tmpdir(), 'reprint-kill-'));
    const dump = join(dir, 'dump.jsonl');
    writeDump(dump, 1500);
    const out = join(dir, `report.${format}`);
    const child = spawn('node', [BIN, 'scan', dump, '--format', format, '--out', out, '--quiet'], { stdio: 'ignore' });
    // ndjson: wait until pairs are being written to the temporary file; json: give it a moment to start.
    const started =
      format === 'ndjson'
        ? await waitFor(() => readdirSync(dir).some((f) => f.endsWith('.tmp')), 20000)
        : await waitFor(() => false, 300).then(() => true);
    child.kill('SIGKILL');
    const signal = await new Promise((done) => child.on('exit', (_code, sig) => done(sig)));
    expect(started).toBe(true);
    expect(signal).toBe('SIGKILL'); // killed while still running, not after finishing
    expect(existsSync(out)).toBe(false);
    for (const f of readdirSync(dir)) expect(f === 'dump.jsonl' || (f.startsWith('.report.') && f.endsWith('.tmp'))).toBe(true);
  }, 30000);
});
