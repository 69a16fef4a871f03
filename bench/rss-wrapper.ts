/**
 * Fallback peak-RSS probe when `/usr/bin/time -v` is missing: runs a Node
 * script in this process and, on exit, writes `process.resourceUsage().maxRSS`
 * (KiB, worker threads included) to RSS_OUT.
 *
 * `node dist-bench/bench/rss-wrapper.js RSS_OUT SCRIPT [ARGS ...]`
 */
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';

const [rssOut, script, ...args] = process.argv.slice(2);
if (rssOut === undefined || script === undefined) {
  process.stderr.write('usage: rss-wrapper RSS_OUT SCRIPT [ARGS ...]\n');
  process.exitCode = 2;
} else {
  process.on('exit', () => writeFileSync(rssOut, String(process.resourceUsage().maxRSS)));
  const path = resolve(script);
  process.argv = [process.argv[0] ?? 'node', path, ...args];
  require(path);
}
