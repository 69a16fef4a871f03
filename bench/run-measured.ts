/**
 * Run one command in a child process and measure it: wall time (from the
 * parent, Node start-up included), peak resident set size (`/usr/bin/time -v`
 * when it is there, else the `rss-wrapper` probe for Node scripts), output,
 * exit code, and a time limit after which the child's process group is killed.
 * Each job runs in its own process so one job's heap never inflates another's
 * figures.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** What {@link runMeasured} measured. */
export type Measured =
  | { readonly kind: 'done'; readonly seconds: number; readonly peakRssMB: number | null; readonly stdout: string; readonly stderr: string }
  | { readonly kind: 'failed'; readonly seconds: number; readonly exitCode: number | null; readonly stderr: string }
  | { readonly kind: 'timed-out'; readonly seconds: number };

let gnuTime: boolean | undefined;

/** Whether `/usr/bin/time -v` works here (GNU time; BusyBox's has no `-v`). */
function hasGnuTime(): boolean {
  if (gnuTime === undefined) {
    gnuTime = existsSync('/usr/bin/time') && spawnSync('/usr/bin/time', ['-v', 'true'], { encoding: 'utf8' }).status === 0;
  }
  return gnuTime;
}

/**
 * Run `node SCRIPT ARGS…` (with `nodeFlags`), killing it after `timeoutSeconds`.
 * Peak RSS in MB (10^6 bytes), or null when it could not be read.
 */
export function runMeasured(
  script: string,
  args: readonly string[],
  options: { readonly timeoutSeconds: number; readonly nodeFlags?: readonly string[]; readonly cwd?: string },
): Promise<Measured> {
  const flags = options.nodeFlags ?? [];
  const probeDir = mkdtempSync(join(tmpdir(), 'reprint-bench-rss-'));
  const rssFile = join(probeDir, 'maxrss');
  const useTime = hasGnuTime();
  const command = useTime ? '/usr/bin/time' : process.execPath;
  const commandArgs = useTime
    ? ['-v', process.execPath, ...flags, script, ...args]
    : [...flags, join(__dirname, 'rss-wrapper.js'), rssFile, script, ...args];
  const started = process.hrtime.bigint();
  return new Promise((resolve, reject) => {
    const child = spawn(command, commandArgs, { cwd: options.cwd, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (b: Buffer) => out.push(b));
    child.stderr.on('data', (b: Buffer) => err.push(b));
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      // The whole group: /usr/bin/time and the node it started.
      try {
        if (child.pid !== undefined) process.kill(-child.pid, 'SIGKILL');
      } catch {
        // Already gone.
      }
    }, options.timeoutSeconds * 1000);
    child.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      let stderr = Buffer.concat(err).toString('utf8');
      let peakKiB: number | null = null;
      if (useTime) {
        const m = /Maximum resident set size \(kbytes\): (\d+)/.exec(stderr);
        if (m !== null) peakKiB = Number(m[1]);
        // Keep only the child's own stderr (GNU time appends its report).
        stderr = stderr.replace(/\s*(Command (being timed|exited with non-zero status)|Command terminated by signal)[\s\S]*$/, '\n').trimEnd();
      } else if (existsSync(rssFile)) {
        peakKiB = Number(readFileSync(rssFile, 'utf8'));
      }
      rmSync(probeDir, { recursive: true, force: true });
      if (timedOut) resolve({ kind: 'timed-out', seconds });
      else if (code !== 0) resolve({ kind: 'failed', seconds, exitCode: code, stderr });
      else {
        const peakRssMB = peakKiB === null ? null : (peakKiB * 1024) / 1e6;
        resolve({ kind: 'done', seconds, peakRssMB, stdout: Buffer.concat(out).toString('utf8'), stderr });
      }
    });
  });
}
