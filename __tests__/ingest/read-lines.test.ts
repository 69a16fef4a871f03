import fc from 'fast-check';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { Readable } from 'node:stream';
import { decodeUtf8Lines, readLines, readStreamLines } from '../../src/ingest/read-lines';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'reprint-lines-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function all(lines: AsyncIterable<string>): Promise<string[]> {
  const out: string[] = [];
  for await (const line of lines) out.push(line);
  return out;
}

describe('readLines', () => {
  test('LF and CRLF both end lines; a leading BOM is removed; last line without terminator kept', async () => {
    const file = join(dir, 'a.jsonl');
    writeFileSync(file, Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('one\r\ntwo\n\nfour é')]));
    expect(await all(readLines(file, () => undefined))).toEqual(['one', 'two', '', 'four é']);
  });

  test('a line that is not UTF-8 is reported by number and read as empty', async () => {
    const file = join(dir, 'b.jsonl');
    writeFileSync(file, Buffer.concat([Buffer.from('ok 1\nbad '), Buffer.from([0xff, 0xfe]), Buffer.from('\nok 3\n')]));
    const invalid: number[] = [];
    expect(await all(readLines(file, (line) => invalid.push(line)))).toEqual(['ok 1', '', 'ok 3']);
    expect(invalid).toEqual([2]);
  });
});

describe('decodeUtf8Lines', () => {
  async function* chunked(bytes: Uint8Array, cuts: readonly number[]): AsyncGenerator<Uint8Array> {
    let start = 0;
    for (const cut of [...cuts].sort((a, b) => a - b)) {
      yield bytes.subarray(start, cut);
      start = cut;
    }
    yield bytes.subarray(start);
  }

  test('a multi-byte character split between chunks is decoded whole', async () => {
    const bytes = new TextEncoder().encode('€uro\n😀\n'); // € = E2 82 AC, 😀 = F0 9F 98 80
    const out = (await all(decodeUtf8Lines(chunked(bytes, [1, 2, 7, 9]), () => undefined))).join('');
    expect(out).toBe('€uro\n😀\n');
  });

  test('an invalid line is numbered as readline numbers lines: LF, CRLF and a lone CR each end one, across chunks', async () => {
    const invalid: number[] = [];
    const bytes = Buffer.concat([Buffer.from('a\rb\r\nc\n'), Buffer.from('ok\r\n\r'), Buffer.from('\n'), Buffer.from([0xff]), Buffer.from('\nlast\n')]);
    const out = await all(decodeUtf8Lines(chunked(bytes, [7, 12, 13]), (line) => invalid.push(line)));
    expect(out.join('')).toBe('a\rb\r\nc\nok\r\n\r\n\nlast\n');
    // a, b, c, ok, the empty line of "\r\n", then the invalid one.
    expect(invalid).toEqual([6]);
  });

  test('a line over the bound is reported and passed on as an empty line, dropped as it is read when it spans chunks; lines split by lone CRs are lines', async () => {
    const long: [number, number][] = [];
    const invalid: number[] = [];
    const longLines = { maxBytes: 10, onLongLine: (line: number, bytes: number) => long.push([line, bytes]) };
    const run = async (pieces: readonly (string | Buffer)[]): Promise<string> => {
      const bytes = Buffer.concat(pieces.map((p) => (typeof p === 'string' ? Buffer.from(p) : p)));
      const cuts: number[] = [];
      let at = 0;
      for (const p of pieces.slice(0, -1)) cuts.push((at += Buffer.byteLength(p)));
      return (await all(decodeUtf8Lines(chunked(bytes, cuts), (line) => invalid.push(line), longLines))).join('');
    };
    // Line 2 (17 bytes) spans three chunks; line 4 is not UTF-8 and keeps its number.
    expect(await run(['short\n', 'aaaaaaa', 'aaaaaaa', 'aaa\nnext\n', Buffer.from([0xff, 0x0a]), 'end\n'])).toBe('short\n\nnext\n\nend\n');
    expect(long).toEqual([[2, 17]]);
    expect(invalid).toEqual([4]);
    // A last line without its end, over the bound: reported, nothing passed on.
    long.length = 0;
    expect(await run(['ok\n', 'bbbbbbbb', 'bbbbbbbb'])).toBe('ok\n');
    expect(long).toEqual([[2, 16]]);
    // Whole in the chunk that ends it, counted in bytes (é is two), its CRLF kept; lines of lone CRs are short lines.
    long.length = 0;
    expect(await run(['ok\n', 'cccccccccccccccc\r\nshort\n', 'éééééé\n'])).toBe('ok\n\r\nshort\n\n');
    expect(long).toEqual([
      [2, 16],
      [4, 12],
    ]);
    long.length = 0;
    expect(await run(['d\rdd\rddd\r', 'dddd\rddddd\r', 'x\n'])).toBe('d\rdd\rddd\rdddd\rddddd\rx\n');
    expect(await run(['eeeeee\reeeeeeeeeeee\ree\n'])).toBe('eeeeee\r\ree\n');
    expect(long).toEqual([[2, 12]]);
  });

  test('property: the lines are those readline gives (crlfDelay: Infinity), whatever the line breaks and the chunking', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.constantFrom('a', 'é', 'x y', '{"k": 1}', '\r', '\n', '\r\n', '\n\r', ''), { maxLength: 30 }).map((parts) => parts.join('')),
        fc.array(fc.nat(), { maxLength: 6 }),
        async (text, rawCuts) => {
          const bytes = new TextEncoder().encode(text);
          const cuts = rawCuts.map((c) => c % (bytes.length + 1));
          const ours = await all(readStreamLines(chunked(bytes, cuts), () => undefined));
          const reference = await all(createInterface({ input: Readable.from([Buffer.from(bytes)]), crlfDelay: Infinity }));
          expect(ours).toEqual(reference);
        },
      ),
      { seed: 11, numRuns: 400 },
    );
  });

  test('property: any chunking of valid UTF-8 gives back the same text', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.string({ unit: 'grapheme', maxLength: 60 }).map((s) => s.replace(/\r/g, '')),
        fc.array(fc.nat(), { maxLength: 6 }),
        async (text, rawCuts) => {
          const bytes = new TextEncoder().encode(text);
          const cuts = rawCuts.map((c) => c % (bytes.length + 1));
          const out = (await all(decodeUtf8Lines(chunked(bytes, cuts), () => undefined))).join('');
          expect(out).toBe(text.startsWith('\ufeff') ? text.slice(1) : text);
        },
      ),
      { seed: 7, numRuns: 300 },
    );
  });
});
