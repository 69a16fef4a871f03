import { Readable } from 'node:stream';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runCli } from './run-cli';
import { tempDir } from '../helpers/temp-dir';

const SAMPLES = join(__dirname, '..', '..', 'samples');

function samplesPlusBadFiles(): string {
  const dir = tempDir('reprint-cli-');
  for (const f of readdirSync(SAMPLES)) copyFileSync(join(SAMPLES, f), join(dir, f));
  writeFileSync(join(dir, 'empty.txt'), '');
  writeFileSync(join(dir, 'binary.txt'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x00, 0x01, 0x02, 0x00, 0x41]));
  writeFileSync(join(dir, 'latin1.txt'), Buffer.from('Caf\xe9 au lait, line one\nline two \xff\n', 'latin1'));
  return dir;
}

describe('reprint scan (CLI)', () => {
  test('text report on the samples names Sputnik and Taghrib, exit 0', async () => {
    const r = await runCli(['scan', SAMPLES]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/Sputnik/);
    expect(r.stdout).toMatch(/Taghrib/);
    expect(r.stdout.split('\n')[0]).toBe('reprint: 5 documents, 6 pairs with reused passages (1 syndication, 4 partial, 1 shared-quote)');
    // no progress when stderr is not a terminal; one summary line at the end
    expect(r.stderr).toMatch(/^reprint: 5 articles, 6 pairs \(1 syndication, 4 partial, 1 shared-quote\), 2 clusters, 0 warnings in \d+\.\d s/);
    expect(r.stderr.split('\n')).toHaveLength(2);
    expect((await runCli(['scan', SAMPLES, '--quiet'])).stderr).toBe('');
  });

  test('--format json is the report contract', async () => {
    const r = await runCli(['scan', SAMPLES, '--format', 'json']);
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout) as { schemaVersion: number; pairs: unknown[] };
    expect(report.schemaVersion).toBe(1);
    expect(report.pairs.length).toBeGreaterThan(0);
  });

  test('empty, binary and invalid UTF-8 files are named on stderr and the samples still scanned', async () => {
    const dir = samplesPlusBadFiles();
    const r = await runCli(['scan', dir, '--format', 'json']);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/empty\.txt.*empty/);
    expect(r.stderr).toMatch(/binary\.txt.*binary/);
    expect(r.stderr).toMatch(/latin1\.txt: invalid UTF-8 at line 1/);
    const lines = r.stderr.trim().split('\n');
    for (const line of lines.slice(0, -1)) expect(line).toMatch(/^reprint: warning: /);
    expect(lines[lines.length - 1]).toMatch(/^reprint: 5 articles, .* 3 warnings in /);
    const report = JSON.parse(r.stdout) as { documents: { id: string }[]; pairs: { relation: string }[] };
    expect(report.documents).toHaveLength(5);
    expect(report.pairs.some((p) => p.relation === 'syndication')).toBe(true);
  });

  test('a missing path exits 2 and names it, without a stack trace', async () => {
    const r = await runCli(['scan', 'no/such/folder']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/no\/such\/folder/);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).not.toMatch(/\bat .*\.(ts|js):\d+/);
  });

  test.each([
    [['--num-perm', '-5'], /--num-perm/],
    [['--num-perm', 'abc'], /--num-perm/],
    [['--threshold', '1.5'], /--threshold/],
    [['--bands', '64'], /--bands and --rows together/],
    [['--format', 'xml'], /format/i],
    [['--field', 'text'], /--field/],
    [['--bogus'], /bogus/],
  ])('invalid option %j exits 2 with a one-line message', async (flags, pattern) => {
    const r = await runCli(['scan', SAMPLES, ...flags]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(pattern);
    expect(r.stdout).toBe('');
  });

  test('no command is a usage error; --help prints usage and exits 0', async () => {
    expect((await runCli([])).code).toBe(2);
    const help = await runCli(['scan', '--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/--num-perm/);
    expect(help.stdout).toMatch(/Exit codes/);
    // A required list of paths has no default to show (yargs gives variadic positionals an empty one).
    expect(help.stdout).toMatch(/\[array\] \[required\]\n/);
    expect(help.stdout).not.toMatch(/\[default: \[\]\]/);
  });

  test('nothing to scan (an empty folder, every record skipped) is exit 2 naming the inputs, and no report is written', async () => {
    const dir = tempDir('reprint-nothing-');
    const empty = join(dir, 'empty');
    mkdirSync(empty);
    const empty1 = await runCli(['scan', empty]);
    expect(empty1.code).toBe(2);
    expect(empty1.stderr).toBe(`reprint: ${empty}: no article to scan: the inputs hold none\n`);
    // A wrong field name: every record is skipped; a report of nothing would read as "no reuse found".
    const dump = join(dir, 'dump.jsonl');
    writeFileSync(dump, '{"id": "a", "body": "text one"}\n{"id": "b", "body": "text two"}\n');
    const out = join(dir, 'report.json');
    const skipped = await runCli(['scan', dump, '--format', 'json', '--out', out, '--field', 'text=content']);
    expect(skipped.code).toBe(2);
    expect(skipped.stderr.split('\n').filter((l) => l.includes('W_NO_TEXT') || l.includes('no text field'))).toHaveLength(2);
    expect(skipped.stderr).toContain(`reprint: ${dump}: no article to scan: every input was empty or skipped (2 warnings above)`);
    expect(existsSync(out)).toBe(false);
    expect((await runCli(['scan', dump, '--quiet', '--field', 'text=content'])).stderr).toContain('(2 warnings; run without --quiet to see them)');
    // One article is something scanned: exit 0.
    expect((await runCli(['scan', dump, '--quiet'])).code).toBe(0);
  });

  test('--out writes the report atomically and prints nothing on stdout', async () => {
    const dir = tempDir('reprint-out-');
    const out = join(dir, 'report.json');
    const r = await runCli(['scan', SAMPLES, '--format', 'json', '--out', out]);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('');
    expect(JSON.parse(readFileSync(out, 'utf8'))).toHaveProperty('schemaVersion', 1);
    expect(readdirSync(dir)).toEqual(['report.json']);
  });

  test('--format ndjson streams every pair as a line, then documents, clusters and a closing summary', async () => {
    const json = JSON.parse((await runCli(['scan', SAMPLES, '--format', 'json'])).stdout) as { pairs: { source: string; target: string }[]; clusters: unknown[] };
    const r = await runCli(['scan', SAMPLES, '--format', 'ndjson']);
    expect(r.code).toBe(0);
    const lines = r.stdout.trim().split('\n').map((l) => JSON.parse(l) as { type: string; [k: string]: unknown });
    const pairs = lines.filter((l) => l.type === 'pair').map(({ type: _, ...rest }) => rest);
    expect(pairs).toHaveLength(json.pairs.length);
    const key = (p: { readonly [k: string]: unknown }) => `${String(p['source'])}→${String(p['target'])}`;
    expect(pairs.map(key).sort()).toEqual(json.pairs.map(key).sort());
    for (const p of json.pairs) expect(pairs.find((q) => key(q) === key(p))).toEqual(p);
    expect(lines.filter((l) => l.type === 'document')).toHaveLength(5);
    expect(lines.filter((l) => l.type === 'cluster')).toHaveLength(json.clusters.length);
    const last = lines[lines.length - 1];
    expect(last).toMatchObject({ type: 'summary', schemaVersion: 1, documents: 5, pairs: json.pairs.length });
    // Drafts are a check's: a scan's stream and report have none.
    expect(last).not.toHaveProperty('drafts');
    expect(lines.some((l) => l.type === 'draft')).toBe(false);
    expect(json).not.toHaveProperty('drafts');
    // pairs come first, as they are found
    expect(lines.slice(0, pairs.length).every((l) => l.type === 'pair')).toBe(true);
  });

  test('--out in a folder that cannot be made (a file stands there) is one line naming it, exit 2', async () => {
    const dir = tempDir('reprint-out-');
    writeFileSync(join(dir, 'plain-file'), 'x');
    const out = join(dir, 'plain-file', 'report.json');
    for (const format of ['json', 'ndjson']) {
      const r = await runCli(['scan', SAMPLES, '--format', format, '--out', out, '--quiet']);
      expect(r.code).toBe(2);
      expect(r.stderr).toBe(`reprint: ${out}: cannot write output (ENOTDIR)\n`);
    }
  });

  test('--format ndjson --out leaves only the finished file', async () => {
    const dir = tempDir('reprint-out-');
    const out = join(dir, 'pairs.ndjson');
    const r = await runCli(['scan', SAMPLES, '--format', 'ndjson', '--out', out, '--quiet']);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('');
    expect(readdirSync(dir)).toEqual(['pairs.ndjson']);
    const lines = readFileSync(out, 'utf8').trim().split('\n');
    expect(JSON.parse(lines[lines.length - 1] ?? '{}')).toHaveProperty('type', 'summary');
  });

  test('- reads JSONL from standard input (a lone dash survives argument parsing)', async () => {
    const text = (f: string) => readFileSync(join(SAMPLES, f), 'utf8');
    const lines = [
      JSON.stringify({ id: 'sputnik', url: 'https://sputniknews.com/x', text: text('004_c4d09dfc72624344.txt') }),
      JSON.stringify({ id: 'taghrib', url: 'https://www.taghribnews.com/y', text: text('001_69955482a43b296f.txt') }),
    ];
    const r = await runCli(['scan', '-', '--format', 'json'], Readable.from([`${lines.join('\n')}\n`]));
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout) as { documents: { id: string }[]; pairs: { relation: string }[] };
    expect(report.documents.map((d) => d.id)).toEqual(['sputnik', 'taghrib']);
    expect(report.pairs.map((p) => p.relation)).toEqual(['syndication']);
    const without = await runCli(['scan', '-']);
    expect(without.code).toBe(2);
    expect(without.stderr).toMatch(/<stdin>/);
    // Plain text read as JSONL: nothing scanned, and the error names standard input as warnings do, with the flag to use.
    const plain = await runCli(['scan', '-'], Readable.from(['Just a sentence of plain text.\n']));
    expect(plain.code).toBe(2);
    expect(plain.stderr.split('\n')).toContain(
      'reprint: <stdin>: no article to scan: every input was empty or skipped (1 warning above); standard input is read as JSONL, one article a line (one article of plain text: --stdin-format text)',
    );
    const asText = await runCli(['scan', '-', '--stdin-format', 'text', '--format', 'json'], Readable.from(['Just a sentence of plain text.\n']));
    expect(asText.code).toBe(0);
    expect((JSON.parse(asText.stdout) as { documents: { id: string; length: number }[] }).documents).toEqual([expect.objectContaining({ id: '<stdin>', length: 31 })]);
  });

  test('an unwritable --out exits 2 naming the file', async () => {
    const r = await runCli(['scan', SAMPLES, '--out', '/no/such/dir/report.txt']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/\/no\/such\/dir\/report\.txt/);
  });

  test('a dump whose records lack their text: five warnings of that kind on stderr, then one line counting the rest; the report keeps them all', async () => {
    const dir = tempDir('reprint-warnings-');
    const dump = join(dir, 'dump.jsonl');
    const records = Array.from({ length: 12 }, (_, i) => JSON.stringify({ id: `s${i}`, title: `Story number ${i}` }));
    writeFileSync(dump, `${records.join('\n')}\n{oops\n${JSON.stringify({ id: 'kept', body: 'The river rose by two metres overnight.' })}\n`);
    const r = await runCli(['scan', dump, '--field', 'text=body', '--format', 'json']);
    expect(r.code).toBe(0);
    const lines = r.stderr.split('\n').filter((l) => l.startsWith('reprint: warning:'));
    const noText = lines.filter((l) => l.includes('no text field'));
    expect(noText).toHaveLength(5);
    expect(noText[0]).toBe(`reprint: warning: ${dump}:1: no text field (looked for body); skipped`);
    // The malformed line is another kind: shown in full.
    expect(lines.filter((l) => l.includes(`${dump}:13: malformed JSON`))).toHaveLength(1);
    expect(lines).toContain(`reprint: warning: ${dump}: 7 more W_NO_TEXT warnings like these not shown (all are in the report with --format json or ndjson)`);
    expect(lines).toHaveLength(7);
    const report = JSON.parse(r.stdout) as { warnings: { code: string }[] };
    expect(report.warnings.filter((w) => w.code === 'W_NO_TEXT')).toHaveLength(12);
    expect(r.stderr).toMatch(/1 article, 0 pairs, 0 clusters, 13 warnings in /);
  });

  test('a dump without ids, with a field of another type: its records are scanned (under their positions, without the field), one warning of each kind for the file counting them', async () => {
    const dir = tempDir('reprint-no-ids-');
    const dump = join(dir, 'dump.jsonl');
    const records = Array.from({ length: 12 }, (_, i) =>
      JSON.stringify({ body: `Story number ${i} says the river rose by ${i} metres overnight.`, published: { $date: '2022-02-12T18:40:00Z' }, ...(i === 3 ? { title: 7 } : {}) }),
    );
    writeFileSync(dump, `${records.join('\n')}\n`);
    const r = await runCli(['scan', dump, '--field', 'text=body', '--format', 'json']);
    expect(r.code).toBe(0);
    const lines = r.stderr.split('\n').filter((l) => l.startsWith('reprint: warning:'));
    expect(lines).toEqual([
      `reprint: warning: ${dump}:1: no id field (looked for id); using "dump.jsonl:1", and likewise for 11 more records of this file`,
      `reprint: warning: ${dump}:1: field "published" is not a string or number; ignored, and likewise for 11 more records of this file`,
      `reprint: warning: ${dump}:4: field "title" is not a string; ignored`,
    ]);
    const report = JSON.parse(r.stdout) as { documents: { id: string }[]; warnings: { code: string; where: string }[] };
    expect(report.documents.map((d) => d.id)).toHaveLength(12);
    expect(report.documents.map((d) => d.id)).toContain('dump.jsonl:12');
    expect(report.warnings.map((w) => [w.code, w.where])).toEqual([
      ['W_NO_ID', `${dump}:1`],
      ['W_BAD_FIELD', `${dump}:1`],
      ['W_BAD_FIELD', `${dump}:4`],
    ]);
    expect(r.stderr).toMatch(/12 articles, 0 pairs, 0 clusters, 3 warnings in /);
  });
});
