import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runCli } from './run-cli';
import { tempDir } from '../helpers/temp-dir';

const MINI = join(__dirname, '..', 'fixtures', 'pan-mini');
const TOOL = join(__dirname, '..', '..', 'tools', 'pan_measures.py');

const COPIED =
  'The harbour commission approved a new schedule for the ferries on Tuesday, adding two evening crossings in summer and ' +
  'keeping the winter timetable unchanged, after a year of complaints from commuters who said the last boat left too early.';

/** A small PAN-layout corpus with one verbatim case and one negative pair, offsets computed, not typed. */
function buildCorpus(): string {
  const dir = tempDir('reprint-pan-corpus-');
  for (const d of ['src', 'susp', '01-no-plagiarism', '02-no-obfuscation']) mkdirSync(join(dir, d));
  const src = `Weather was mild across the region.\n\n${COPIED}\n\nOther local news followed in the evening bulletin.`;
  const susp = `A column about transport.\n${COPIED}\nThe columnist then wrote about bicycles and trains at length.`;
  const unrelated = 'Gardening tips for spring: prune roses early, water seedlings in the morning and mulch generously.';
  writeFileSync(join(dir, 'src', 'source-document00001.txt'), src);
  writeFileSync(join(dir, 'src', 'source-document00002.txt'), unrelated);
  writeFileSync(join(dir, 'susp', 'suspicious-document00001.txt'), susp);
  writeFileSync(join(dir, 'pairs'), 'suspicious-document00001.txt source-document00001.txt\nsuspicious-document00001.txt source-document00002.txt\n');
  writeFileSync(
    join(dir, '02-no-obfuscation', 'suspicious-document00001-source-document00001.xml'),
    `<document reference="suspicious-document00001.txt">\n<feature name="plagiarism" obfuscation="none" source_length="${COPIED.length}" source_offset="${src.indexOf(COPIED)}" source_reference="source-document00001.txt" this_length="${COPIED.length}" this_offset="${susp.indexOf(COPIED)}" type="artificial" />\n</document>\n`,
  );
  writeFileSync(join(dir, '01-no-plagiarism', 'suspicious-document00001-source-document00002.xml'), '<document reference="suspicious-document00001.txt">\n</document>\n');
  return dir;
}

describe('reprint align / eval pan (CLI)', () => {
  test('align writes one PAN XML per pair; the independent scorer agrees with eval pan', async () => {
    const corpus = buildCorpus();
    const out = tempDir('reprint-align-');
    const aligned = await runCli(['align', '--pairs', join(corpus, 'pairs'), '--src', join(corpus, 'src'), '--susp', join(corpus, 'susp'), '--out', out, '--workers', '1']);
    expect(aligned.code).toBe(0);
    const pairs = readFileSync(join(corpus, 'pairs'), 'utf8').trim().split('\n');
    expect(readdirSync(out)).toHaveLength(pairs.length);
    for (const f of readdirSync(out)) expect(readFileSync(join(out, f), 'utf8')).toMatch(/^<document reference="suspicious-document\d+\.txt">/);

    const evaluated = await runCli(['eval', 'pan', corpus, '--format', 'json', '--workers', '1']);
    expect(evaluated.code).toBe(0);
    const ours = JSON.parse(evaluated.stdout) as { overall: Record<string, number> };
    const python = spawnSync('python3', [TOOL, corpus, out], { encoding: 'utf8' });
    expect(python.status).toBe(0);
    const theirs = JSON.parse(python.stdout) as { overall: Record<string, number> };
    for (const key of ['precision', 'recall', 'granularity', 'plagdet', 'pairPrecision', 'pairRecall']) {
      expect(ours.overall[key]).toBeCloseTo(theirs.overall[key] ?? NaN, 9);
    }
    // One verbatim case, found exactly but for the final full stop; nothing on the negative pair.
    expect(ours.overall['recall']).toBeGreaterThan(0.99);
    expect(ours.overall['precision']).toBe(1);
    expect(ours.overall['granularity']).toBe(1);
  });

  test('worker threads (compiled CLI, --workers 2) write the same detections as one thread', async () => {
    const bin = join(__dirname, '..', '..', 'dist', 'cli', 'bin.js');
    // npm test builds dist/ before jest runs; a missing build is a setup error, not a skip.
    expect(existsSync(bin)).toBe(true);
    const corpus = buildCorpus();
    const threaded = tempDir('reprint-threads-');
    const single = tempDir('reprint-single-');
    const args = ['align', '--pairs', join(corpus, 'pairs'), '--src', join(corpus, 'src'), '--susp', join(corpus, 'susp'), '--quiet'];
    const r = spawnSync('node', [bin, ...args, '--out', threaded, '--workers', '2'], { encoding: 'utf8' });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect((await runCli([...args, '--out', single, '--workers', '1'])).code).toBe(0);
    for (const f of readdirSync(single)) expect(readFileSync(join(threaded, f), 'utf8')).toBe(readFileSync(join(single, f), 'utf8'));
  });

  test('eval pan: a corpus with a missing document exits 2 naming the file', async () => {
    const dir = tempDir('reprint-pan-bad-');
    cpSync(MINI, dir, { recursive: true });
    const first = readdirSync(join(dir, 'susp'))[0] ?? '';
    rmSync(join(dir, 'susp', first));
    const r = await runCli(['eval', 'pan', dir]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(first);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
  });

  test('eval pan: an unknown name in pairs and malformed XML exit 2 naming the file', async () => {
    const dir = tempDir('reprint-pan-bad-');
    cpSync(MINI, dir, { recursive: true });
    writeFileSync(join(dir, 'pairs'), `${readFileSync(join(dir, 'pairs'), 'utf8')}suspicious-document99999.txt source-document99999.txt\n`);
    const unknown = await runCli(['eval', 'pan', dir]);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/99999/);

    const dir2 = tempDir('reprint-pan-xml-');
    cpSync(MINI, dir2, { recursive: true });
    const cat = readdirSync(dir2).find((f) => /^0\d-/.test(f)) ?? '';
    const xml = readdirSync(join(dir2, cat)).find((f) => f.endsWith('.xml')) ?? '';
    writeFileSync(join(dir2, cat, xml), '<document reference="x.txt">\n<feature name="plagiarism" this_offset=\n');
    const malformed = await runCli(['eval', 'pan', dir2]);
    expect(malformed.code).toBe(2);
    expect(malformed.stderr).toContain(xml);
  });

  test('align: a missing pairs file exits 2', async () => {
    const r = await runCli(['align', '--pairs', '/no/such/pairs', '--src', MINI, '--susp', MINI, '--out', tempDir('reprint-align-')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/\/no\/such\/pairs/);
  });
});
