/**
 * A scan killed with SIGKILL leaves no complete-looking output: the report is
 * written to a hidden temporary file and renamed only when complete.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { tempDir } from '../helpers/temp-dir';

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
    const dir = tempDir('reprint-kill-');
    const dump = join(dir, 'dump.jsonl');
    writeDump(dump, 1500);
    const out = join(dir, `report.${format}`);
    // The scan's spool folder goes to a TMPDIR of the test's own (a killed scan leaves it behind).
    const spool = tempDir('reprint-spool-');
    const child = spawn('node', [BIN, 'scan', dump, '--format', format, '--out', out, '--quiet'], { stdio: 'ignore', env: { ...process.env, TMPDIR: spool } });
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

describe('scan interrupted, and its temporary folder', () => {
  /** A scan of a 1,500-article dump with TMPDIR set to a folder of the test's own. */
  function startScan(dir: string, spool: string, out: string, format = 'json'): ReturnType<typeof spawn> {
    return spawn('node', [BIN, 'scan', join(dir, 'dump.jsonl'), '--format', format, '--out', out, '--quiet'], {
      stdio: 'ignore',
      env: { ...process.env, TMPDIR: spool },
    });
  }
  const spoolFolders = (spool: string): string[] => readdirSync(spool).filter((f) => f.startsWith('reprint-scan-'));

  test.each([['SIGTERM', 143], ['SIGINT', 130]] as const)('%s: exit %d, and neither the report, its temporary file nor the spool folder is left', async (signal, code) => {
    const dir = tempDir('reprint-interrupt-');
    const spool = tempDir('reprint-spool-');
    writeDump(join(dir, 'dump.jsonl'), 1500);
    const out = join(dir, 'report.ndjson');
    // NDJSON: pairs go to the temporary report file while the scan runs.
    const child = startScan(dir, spool, out, 'ndjson');
    const started = await waitFor(() => spoolFolders(spool).length === 1 && readdirSync(dir).some((f) => f.endsWith('.tmp')), 20000);
    child.kill(signal);
    const status = await new Promise((done) => child.on('exit', (exitCode) => done(exitCode)));
    expect(started).toBe(true);
    expect(status).toBe(code);
    expect(readdirSync(dir)).toEqual(['dump.jsonl']);
    expect(spoolFolders(spool)).toEqual([]);
  }, 30000);

  test('SIGKILL leaves the spool folder; the next scan with the same TMPDIR removes it', async () => {
    const dir = tempDir('reprint-orphan-');
    const spool = tempDir('reprint-spool-');
    writeDump(join(dir, 'dump.jsonl'), 1500);
    const child = startScan(dir, spool, join(dir, 'report.json'));
    expect(await waitFor(() => spoolFolders(spool).length === 1, 20000)).toBe(true);
    const orphan = spoolFolders(spool)[0]!;
    child.kill('SIGKILL');
    await new Promise((done) => child.on('exit', done));
    expect(spoolFolders(spool)).toEqual([orphan]);
    // A folder of a live process (this one) is not touched.
    const live = join(spool, `reprint-scan-${process.pid}-keep`);
    mkdirSync(live);
    const again = startScan(dir, spool, join(dir, 'again.json'));
    const status = await new Promise((done) => again.on('exit', (exitCode) => done(exitCode)));
    expect(status).toBe(0);
    expect(existsSync(join(dir, 'again.json'))).toBe(true);
    expect(spoolFolders(spool)).toEqual([`reprint-scan-${process.pid}-keep`]);
  }, 60000);
});
