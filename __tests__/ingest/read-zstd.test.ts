/**
 * Zstandard-compressed inputs (`.jsonl.zst`, `.ndjson.zst`, `.warc.zst`, zstd on stdin).
 *
 * The compressed samples are fixture files made with the `zstd` command (1.5.4), which CI
 * machines do not have; they are checked against the same articles built here, so a
 * stale fixture fails. To remake them where `zstd` is installed:
 * `REPRINT_MAKE_ZSTD_FIXTURES=1 npx jest __tests__/ingest/read-zstd`.
 * Cuts at exact places use frames built here of raw (stored) blocks (`zstd-frames.ts`).
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { gunzipSync, gzipSync } from 'node:zlib';
import { readInputs } from '../../src/ingest/read-inputs';
import type { Article } from '../../src/model';
import { runCli } from '../cli/run-cli';
import { SAMPLES_DIR, WARC_IDS, samplesJsonl, sampleText, samplesWarcMembers } from './streaming-fixtures';
import { RAW_BLOCK_BYTES, rawZstdFrame } from './zstd-frames';

const FIXTURES = join(__dirname, '..', 'fixtures', 'zstd');
const ALL_SAMPLES = ['000_6ebd8b03c1841edc', '001_69955482a43b296f', '002_7d7de9a9c5d4ee85', '003_07aa18f49e5e91c1', '004_c4d09dfc72624344'];

/** The WARC records of the samples, uncompressed (CC-NEWS style: one per gzip member there, one per zstd frame here). */
function warcRecords(): Buffer[] {
  return samplesWarcMembers().map((member) => gunzipSync(member));
}

/** 2,000 JSON lines, long enough for several zstd blocks. */
function manyLines(): string[] {
  const text = sampleText('004_c4d09dfc72624344');
  return Array.from({ length: 2000 }, (_, i) => JSON.stringify({ id: `doc-${i + 1}`, text: `Article number ${i + 1}. ${text.slice(i % 2000, (i % 2000) + 300)}` }));
}

const PLAIN = {
  'samples.jsonl': (): Buffer => Buffer.from(samplesJsonl(ALL_SAMPLES)),
  'samples.warc': (): Buffer => Buffer.concat(warcRecords()),
  'lines.jsonl': (): Buffer => Buffer.from(manyLines().join('\n') + '\n'),
} as const;

if (process.env['REPRINT_MAKE_ZSTD_FIXTURES'] === '1') {
  test('remake the zstd fixtures', () => {
    mkdirSync(FIXTURES, { recursive: true });
    const zstd = (data: Buffer): Buffer => execFileSync('zstd', ['-19', '-q', '-c'], { input: data });
    writeFileSync(join(FIXTURES, 'samples.jsonl.zst'), zstd(PLAIN['samples.jsonl']()));
    // One frame per record, as a `.warc.zst` is written (without a dictionary).
    writeFileSync(join(FIXTURES, 'samples.warc.zst'), Buffer.concat(warcRecords().map(zstd)));
    writeFileSync(join(FIXTURES, 'lines.jsonl.zst'), zstd(PLAIN['lines.jsonl']()));
  });
}

let root: string;
beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'reprint-zst-'));
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

/** Write the plain file `name` and its fixture `name.zst` side by side in the temp folder. */
function writePair(name: keyof typeof PLAIN): { plain: string; zst: string } {
  const plain = join(root, name);
  const zst = `${plain}.zst`;
  writeFileSync(plain, PLAIN[name]());
  copyFileSync(join(FIXTURES, `${name}.zst`), zst);
  return { plain, zst };
}

/** Articles as JSON, with the `.zst` taken out of the paths they were read from. */
function comparable(articles: readonly Article[]): unknown {
  return JSON.parse(JSON.stringify(articles).replace(/\.zst([#:"])/g, '$1'));
}

/** A stream that yields `data` in small chunks, like a pipe; `first` bytes come alone first. */
function pipeOf(data: Buffer, first = 997): PassThrough {
  const stream = new PassThrough();
  stream.write(data.subarray(0, first));
  for (let at = first; at < data.length; at += 997) stream.write(data.subarray(at, at + 997));
  stream.end();
  return stream;
}

describe('zstd-compressed inputs', () => {
  test('the fixtures exist (made with the zstd command; see the header)', () => {
    for (const name of Object.keys(PLAIN)) expect(existsSync(join(FIXTURES, `${name}.zst`))).toBe(true);
  });

  test('.jsonl.zst reads to the same articles as the plain .jsonl: ids, texts, metadata', async () => {
    const { plain, zst } = writePair('samples.jsonl');
    const expected = await readInputs([plain], { outlets: join(SAMPLES_DIR, 'outlets.json') });
    const got = await readInputs([zst], { outlets: join(SAMPLES_DIR, 'outlets.json') });
    expect(got.warnings).toEqual([]);
    expect(got.articles.map((a) => a.id)).toEqual(ALL_SAMPLES);
    expect(got.articles.map((a) => a.path)).toEqual(ALL_SAMPLES.map((_, i) => `${zst}:${i + 1}`));
    expect(comparable(got.articles)).toEqual(comparable(expected.articles));
    expect(got.articles.map((a) => a.text)).toEqual(ALL_SAMPLES.map(sampleText));
  });

  test('.warc.zst (a frame per record) reads to the same articles as the plain .warc', async () => {
    const { plain, zst } = writePair('samples.warc');
    const expected = await readInputs([plain]);
    const got = await readInputs([zst]);
    expect(got.warnings).toEqual([]);
    expect(got.articles.map((a) => [a.id, a.path])).toEqual([
      [WARC_IDS.other, `${zst}#7`],
      [WARC_IDS.taghrib, `${zst}#5`],
      [WARC_IDS.sputnik, `${zst}#3`],
    ]);
    expect(comparable(got.articles)).toEqual(comparable(expected.articles));
    expect(got.articles.map((a) => a.meta.url)).toEqual(expected.articles.map((a) => a.meta.url));
  });

  test('in a folder, .ndjson.zst and .warc.zst are discovered and read', async () => {
    copyFileSync(join(FIXTURES, 'samples.jsonl.zst'), join(root, 'feed.NDJSON.ZST'));
    copyFileSync(join(FIXTURES, 'samples.warc.zst'), join(root, 'crawl.warc.zst'));
    const { articles, warnings } = await readInputs([root]);
    expect(warnings).toEqual([]);
    expect(articles.map((a) => a.id).sort()).toEqual([...ALL_SAMPLES, WARC_IDS.sputnik, WARC_IDS.taghrib, WARC_IDS.other].sort());
  });

  test('zstd on stdin is recognised by its magic bytes (also when the pipe gives one byte first): the same articles', async () => {
    const expected = await readInputs(['-'], { stdin: pipeOf(PLAIN['samples.jsonl']()) });
    const zst = readFileSync(join(FIXTURES, 'samples.jsonl.zst'));
    const got = await readInputs(['-'], { stdin: pipeOf(zst) });
    expect(got.warnings).toEqual([]);
    expect(got.articles).toEqual(expected.articles);
    const trickled = await readInputs(['-'], { stdin: pipeOf(zst, 1) });
    expect(trickled.articles).toEqual(expected.articles);
    // gzip still is, with the same one-byte start.
    const gz = await readInputs(['-'], { stdin: pipeOf(gzipSync(PLAIN['samples.jsonl']()), 1) });
    expect(gz.articles).toEqual(expected.articles);
  });

  test('a .jsonl.zst cut inside a block: one W_TRUNCATED naming the first line lost; every line of the blocks before it read', async () => {
    const content = PLAIN['lines.jsonl']();
    const { frame, blockStarts } = rawZstdFrame(content);
    const block = 40;
    const file = join(root, 'cut.jsonl.zst');
    writeFileSync(file, frame.subarray(0, (blockStarts[block] as number) + 500));
    // What zstd -d gives of the cut file: the 40 whole blocks; their whole lines are kept.
    const decoded = content.subarray(0, block * RAW_BLOCK_BYTES).toString('utf8');
    const kept = decoded.split('\n').length - 1;
    expect(kept).toBeGreaterThan(50);

    const { articles, warnings } = await readInputs([file]);
    expect(warnings).toEqual([
      {
        code: 'W_TRUNCATED',
        where: `${file}:${kept + 1}`,
        message: `zstd data ends early (truncated file); line ${kept + 1} and anything after it lost, the ${kept} lines before it read`,
      },
    ]);
    const byId = new Map(articles.map((a) => [a.id, a.text]));
    expect(byId.size).toBe(kept);
    manyLines()
      .slice(0, kept)
      .forEach((line) => {
        const record = JSON.parse(line) as { id: string; text: string };
        expect(byId.get(record.id)).toBe(record.text);
      });
  });

  test('the zstd fixture cut in half: W_TRUNCATED at the first line lost; the lines before it are the right ones', async () => {
    const packed = readFileSync(join(FIXTURES, 'lines.jsonl.zst'));
    const file = join(root, 'half.jsonl.zst');
    writeFileSync(file, packed.subarray(0, Math.floor(packed.length / 2)));
    const { articles, warnings } = await readInputs([file]);
    const kept = articles.length;
    expect(kept).toBeGreaterThan(10);
    expect(kept).toBeLessThan(2000);
    expect(warnings.map((w) => [w.code, w.where])).toEqual([['W_TRUNCATED', `${file}:${kept + 1}`]]);
    expect(articles.map((a) => a.id).sort()).toEqual(Array.from({ length: kept }, (_, i) => `doc-${i + 1}`).sort());
  });

  test('a .warc.zst cut inside a record: W_TRUNCATED naming the record; the records before it kept whole', async () => {
    const frames = warcRecords().map((record) => rawZstdFrame(record).frame);
    const whole = join(root, 'whole.warc.zst');
    writeFileSync(whole, Buffer.concat(frames));
    const cut = join(root, 'cut.warc.zst');
    const taghrib = frames[4] as Buffer; // record 5
    writeFileSync(cut, Buffer.concat([...frames.slice(0, 4), taghrib.subarray(0, Math.floor(taghrib.length / 2))]));

    const expected = await readInputs([whole]);
    expect(expected.articles).toHaveLength(3);
    const { articles, warnings } = await readInputs([cut]);
    expect(warnings.map((w) => [w.code, w.where])).toEqual([['W_TRUNCATED', `${cut}#5`]]);
    expect(warnings[0]?.message).toMatch(/^zstd data ends early \(truncated file\); record 5 .*the 4 records before it read$/);
    const sputnik = expected.articles.filter((a) => a.id === WARC_IDS.sputnik);
    expect(sputnik).toHaveLength(1);
    expect(articles).toEqual(sputnik.map((a) => JSON.parse(JSON.stringify(a).replaceAll('whole.warc.zst', 'cut.warc.zst')) as Article));
  });

  test('bytes that are not zstd under a .zst name: one W_CORRUPT_INPUT, the scan goes on', async () => {
    writeFileSync(join(root, 'a.jsonl.zst'), '{"id": "x", "text": "not compressed"}\n');
    writeFileSync(join(root, 'b.jsonl.zst'), gzipSync('{"id": "z", "text": "gzip, not zstd"}\n'));
    writeFileSync(join(root, 'c.warc.zst'), 'WARC/1.0\r\nnot compressed either\r\n');
    writeFileSync(join(root, 'd.jsonl'), '{"id": "y", "text": "fine"}\n');
    const { articles, warnings } = await readInputs([root]);
    expect(articles.map((a) => a.id)).toEqual(['y']);
    expect(warnings.map((w) => [w.code, w.where])).toEqual([
      ['W_CORRUPT_INPUT', `${root}/a.jsonl.zst`],
      ['W_CORRUPT_INPUT', `${root}/b.jsonl.zst`],
      ['W_CORRUPT_INPUT', `${root}/c.warc.zst#1`],
    ]);
    expect(warnings[0]?.message).toBe('not valid zstd data (invalid zstd data); file skipped');
    expect(warnings[2]?.message).toMatch(/^not valid zstd data \(invalid zstd data\); record 1 /);
  });

  test('valid zstd followed by junk: the lines before it read, then W_CORRUPT_INPUT', async () => {
    const file = join(root, 'junk.jsonl.zst');
    writeFileSync(file, Buffer.concat([readFileSync(join(FIXTURES, 'samples.jsonl.zst')), Buffer.from('trailing junk bytes')]));
    const { articles, warnings } = await readInputs([file]);
    expect(articles.map((a) => a.id)).toEqual(ALL_SAMPLES);
    expect(warnings).toEqual([{ code: 'W_CORRUPT_INPUT', where: `${file}:6`, message: 'not valid zstd data (invalid zstd data); rest of file skipped' }]);
  });

  test('a frame that needs a dictionary is refused (fzstd would decode it wrong), not read as garbage', async () => {
    const { frame } = rawZstdFrame(PLAIN['samples.jsonl']());
    // Dictionary_ID_flag 1: a one-byte dictionary id (7) after the window descriptor.
    const withDictionary = Buffer.concat([frame.subarray(0, 4), Buffer.from([0x01, 7 << 3, 7]), frame.subarray(6)]);
    const file = join(root, 'dict.jsonl.zst');
    writeFileSync(file, withDictionary);
    const dictionaryFrame = Buffer.alloc(16);
    dictionaryFrame.writeUInt32LE(0x184d2a5d, 0);
    dictionaryFrame.writeUInt32LE(8, 4);
    const warc = join(root, 'dict.warc.zst');
    writeFileSync(warc, Buffer.concat([dictionaryFrame, rawZstdFrame(warcRecords()[0] as Buffer).frame]));

    const { articles, warnings } = await readInputs([file, warc]);
    expect(articles).toEqual([]);
    expect(warnings.map((w) => [w.code, w.where])).toEqual([
      ['W_CORRUPT_INPUT', file],
      ['W_CORRUPT_INPUT', `${warc}#1`],
    ]);
    expect(warnings[0]?.message).toMatch(/^not valid zstd data \(frame needs zstd dictionary 7, which reprint cannot use/);
    expect(warnings[1]?.message).toMatch(/^not valid zstd data \(compressed with a dictionary/);
  });

  test('a frame that asks for a window over 128 MiB is refused, as `zstd -d` does, before anything is allocated', async () => {
    const { frame } = rawZstdFrame(PLAIN['samples.jsonl']());
    const file = join(root, 'wide.jsonl.zst');
    writeFileSync(file, Buffer.concat([frame.subarray(0, 5), Buffer.from([18 << 3]), frame.subarray(6)])); // 2^28
    const ok = join(root, 'ok.jsonl.zst');
    writeFileSync(ok, Buffer.concat([frame.subarray(0, 5), Buffer.from([17 << 3]), frame.subarray(6)])); // 2^27
    const { articles, warnings } = await readInputs([file, ok]);
    expect(articles.map((a) => a.path)).toEqual(ALL_SAMPLES.map((_, i) => `${ok}:${i + 1}`));
    expect(warnings).toEqual([{ code: 'W_CORRUPT_INPUT', where: file, message: expect.stringMatching(/^not valid zstd data \(frame needs a 256 MiB window, over the 128 MiB/) }]);
  });

  test('the CLI: `scan dump.jsonl.zst --format json` prints the report of the plain dump', async () => {
    const { plain, zst } = writePair('samples.jsonl');
    const outlets = ['--outlets', join(SAMPLES_DIR, 'outlets.json')];
    const fromPlain = await runCli(['scan', plain, '--format', 'json', ...outlets]);
    const fromZst = await runCli(['scan', zst, '--format', 'json', ...outlets]);
    expect(fromZst.code).toBe(fromPlain.code);
    const untimed = (stderr: string): string => stderr.replace(/ in [\d.]+ s \([^)]*\)/g, ' in <time>');
    expect(untimed(fromZst.stderr)).toBe(untimed(fromPlain.stderr));
    expect(fromZst.stdout.replaceAll('samples.jsonl.zst', 'samples.jsonl')).toBe(fromPlain.stdout);
    const report = JSON.parse(fromZst.stdout) as { pairs: { relation: string; source: string; target: string }[] };
    expect(report.pairs.filter((p) => p.relation === 'syndication').map((p) => [p.source, p.target])).toEqual([['004_c4d09dfc72624344', '001_69955482a43b296f']]);
  }, 30_000);
});
