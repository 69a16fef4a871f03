/**
 * A file that is not a (whole) reprint index, given as --index: exit 2 and
 * one line naming the file, no stack trace, for each command that reads one.
 */
import Database from 'better-sqlite3';
import { spawn } from 'node:child_process';
import { readFileSync, truncateSync, writeFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { runCli } from '../cli/run-cli';
import { tempDir } from '../helpers/temp-dir';

const SAMPLES = resolve(__dirname, '../../samples');
const DRAFT = join(SAMPLES, '000_6ebd8b03c1841edc.txt');

function expectOneLineExit2(run: { code: number; stderr: string }, file: string): void {
  expect(run.code).toBe(2);
  const lines = run.stderr.trim().split('\n');
  expect(lines).toHaveLength(1);
  expect(lines[0]).toContain(file);
  expect(run.stderr).not.toMatch(/\n\s+at /);
}

describe('bad --index files', () => {
  const dir = tempDir('reprint-badindex-');

  test('a text file', async () => {
    const file = join(dir, 'notes.txt');
    writeFileSync(file, 'these are my notes, not an index\n'.repeat(20));
    for (const argv of [['check', DRAFT], ['index', 'stats'], ['index', 'add', SAMPLES]]) {
      expectOneLineExit2(await runCli([...argv, '--index', file, '--quiet'].filter((a) => a !== '--quiet' || argv[0] !== 'index' || argv[1] === 'add')), file);
    }
    // The foreign file is left as it was.
    expect(readFileSync(file, 'utf8')).toBe('these are my notes, not an index\n'.repeat(20));
  });

  test('an empty file', async () => {
    const file = join(dir, 'empty.db');
    writeFileSync(file, '');
    expectOneLineExit2(await runCli(['check', DRAFT, '--index', file]), file);
  });

  test('an SQLite database of something else', async () => {
    const file = join(dir, 'other.db');
    const db = new Database(file);
    db.exec('CREATE TABLE t (x INTEGER); INSERT INTO t VALUES (1);');
    db.close();
    const run = await runCli(['check', DRAFT, '--index', file]);
    expectOneLineExit2(run, file);
    expect(run.stderr).toContain('not a reprint index');
  });

  test('a truncated index', async () => {
    const file = join(dir, 'cut.db');
    expect((await runCli(['index', 'add', SAMPLES, '--index', file, '--quiet'])).code).toBe(0);
    // A clean close folds the log into the file; cut it in half.
    const size = statSync(file).size;
    truncateSync(file, Math.floor(size / 2));
    const run = await runCli(['check', DRAFT, '--index', file]);
    expectOneLineExit2(run, file);
    expect(run.stderr).toContain('truncated');
    expectOneLineExit2(await runCli(['index', 'stats', '--index', file]), file);
  });

  test('index add beside a writer still making the index: a file that looks truncated meanwhile is checked again, not refused', async () => {
    const whole = join(dir, 'whole.db');
    expect((await runCli(['index', 'add', SAMPLES, '--index', whole, '--quiet'])).code).toBe(0);
    const making = join(dir, 'making.db');
    // Another process writes the whole index once told to, 200 ms later; it says when it is listening.
    const writer = spawn(process.execPath, ['-e', `process.stdout.write('ready\\n'); process.stdin.once('data', () => setTimeout(() => { require('fs').writeFileSync(${JSON.stringify(making)}, require('fs').readFileSync(${JSON.stringify(whole)})); process.exit(0); }, 200));`], { stdio: ['pipe', 'pipe', 'inherit'] });
    const exited = new Promise((done) => writer.on('exit', done));
    await new Promise((ready) => writer.stdout.once('data', ready));
    // Its first page only, so far: the header counts pages the file has not got yet.
    writeFileSync(making, readFileSync(whole).subarray(0, 100));
    expect((await runCli(['check', DRAFT, '--index', making])).stderr).toContain('truncated');
    writer.stdin.write('go\n');
    const run = await runCli(['index', 'add', SAMPLES, '--index', making]);
    await exited;
    expect({ code: run.code, stderr: run.stderr }).toEqual({ code: 0, stderr: expect.not.stringContaining('truncated') as unknown as string });
    expect(run.stdout).toContain('0 added, 0 replaced, 5 unchanged');
  });

  test('an index of an older schema version: one line saying to rebuild, not a misread', async () => {
    const file = join(dir, 'v1.db');
    expect((await runCli(['index', 'add', SAMPLES, '--index', file, '--quiet'])).code).toBe(0);
    const db = new Database(file);
    db.prepare("UPDATE meta SET value = '1' WHERE key = 'schemaVersion'").run();
    db.close();
    for (const argv of [['check', DRAFT], ['index', 'stats'], ['index', 'add', SAMPLES]]) {
      const run = await runCli([...argv, '--index', file]);
      expectOneLineExit2(run, file);
      expect(run.stderr).toMatch(/schema version 1; this reprint reads version 2: rebuild the index/);
    }
  });

  test('a parameter mismatch through the CLI', async () => {
    const file = join(dir, 'p.db');
    expect((await runCli(['index', 'add', SAMPLES, '--index', file, '--quiet', '--num-perm', '64'])).code).toBe(0);
    const run = await runCli(['check', DRAFT, '--index', file, '--num-perm', '128']);
    expectOneLineExit2(run, file);
    expect(run.stderr).toContain('numPerm 64, not 128');
  });
});
