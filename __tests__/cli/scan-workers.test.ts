/**
 * A scan on worker threads (compiled CLI, --workers 2) writes the same report
 * as one thread: several sketch, sign and align batches, so results come
 * back out of order and must be put back in order.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { tempDir } from '../helpers/temp-dir';

const BIN = resolve(__dirname, '../../dist/cli/bin.js');
/** A sentence that only story `story` uses. */
function sentence(story: number, j: number): string {
  return `Council member ${story * 31 + j} of district ${story} said project ${story}-${j} would cost ${story + j * 7} million by ${2000 + j}.`;
}

/** `count` articles in pairs: each pair shares its own story, copied with a new opening by another outlet. */
function writeDump(file: string, count = 300): void {
  const lines: string[] = [];
  for (let i = 0; i < count; i++) {
    const story = Math.floor(i / 2);
    const body = Array.from({ length: 8 }, (_, j) => sentence(story, j)).join(' ');
    const text = i % 2 === 0 ? body : `Reported by outlet ${i % 7} on day ${i}. ${body}`;
    lines.push(JSON.stringify({ id: `a${String(i).padStart(3, '0')}`, url: `https://outlet${i % 7}.example/${i}`, text }));
  }
  writeFileSync(file, `${lines.join('\n')}\n`);
}

describe('scan on worker threads', () => {
  /** The JSON reports of `dump` with `--workers 2` and with `--workers 1`. */
  function reports(dir: string, dump: string): { threaded: string; single: string } {
    const run = (workers: string): string => {
      const out = join(dir, `report-${workers}.json`);
      const r = spawnSync('node', [BIN, 'scan', dump, '--format', 'json', '--out', out, '--quiet', '--workers', workers], { encoding: 'utf8' });
      expect(r.stderr).toBe('');
      expect(r.status).toBe(0);
      return readFileSync(out, 'utf8');
    };
    return { threaded: run('2'), single: run('1') };
  }

  test('--workers 2 and --workers 1 write the same JSON report', () => {
    // npm test builds dist/ before jest runs; a missing build is a setup error, not a skip.
    expect(existsSync(BIN)).toBe(true);
    const dir = tempDir('reprint-workers-');
    const dump = join(dir, 'dump.jsonl');
    writeDump(dump);
    const { threaded, single } = reports(dir, dump);
    const report = JSON.parse(single) as { pairs: unknown[] };
    // Every story's pair, so align ran in several batches (32 pairs each).
    expect(report.pairs.length).toBeGreaterThanOrEqual(150);
    expect(threaded).toBe(single);
  });

  test('the same over a megabyte of input: threads started while it is read, aligning while the bands are sorted', () => {
    const dir = tempDir('reprint-workers-');
    const dump = join(dir, 'dump.jsonl');
    writeDump(dump, 1400);
    expect(statSync(dump).size).toBeGreaterThan(1e6);
    const { threaded, single } = reports(dir, dump);
    expect((JSON.parse(single) as { pairs: unknown[] }).pairs.length).toBeGreaterThanOrEqual(700);
    expect(threaded).toBe(single);
  });
});
