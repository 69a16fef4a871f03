/**
 * Spooling: what a scan puts aside between phases (texts, sketches, k-gram
 * sets, signatures) reads back exactly, from memory or from files, and a scan
 * whose texts and signatures live in files reports exactly what a scan in
 * memory reports, then leaves no file behind.
 */
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { readInputs, readInputsToStore } from '../../src/ingest';
import { FileLog, MemoryLog, RecordLog, ScanSpace, type ByteLog } from '../../src/pipeline/byte-log';
import { CandidateCollector, createWindowHasher, minEstimate, resolveBanding, signWindows } from '../../src/pipeline/find-candidates';
import { lowBits, lowBitsAgreement } from '../../src/minhash';
import { NO_BLOCKED_GRAMS } from '../../src/pipeline/find-boilerplate';
import { sketchDocument } from '../../src/pipeline/sketch-document';
import { readSpooledTexts, SpooledSketchBatches, SpooledTexts, SpooledWords } from '../../src/pipeline/spooled-records';
import { indexTaskHandler, scanTaskHandler, type IndexSketchBatch, type ScanSketchBatch, type SignedBatch } from '../../src/pipeline/scan-tasks';
import { resolveOptions, scanArticles, scanWithTexts } from '../../src';
import { tempDir } from '../helpers/temp-dir';

const SAMPLES = resolve(__dirname, '../../samples');

/** A reproducible byte source. */
function bytes(seed: number, length: number): Uint8Array {
  const out = new Uint8Array(length);
  let x = seed >>> 0 || 1;
  for (let i = 0; i < length; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    out[i] = x & 0xff;
  }
  return out;
}

/**
 * Candidate document pairs by brute force: every pair of windows of different
 * documents that `meet` (share a bucket), kept when its estimate reaches
 * `floor`; a document pair's estimate is its best window pair's.
 */
function referenceCandidates(
  windows: readonly { readonly doc: number; readonly low: Uint16Array }[],
  floor: number,
  k: number,
  meet: (p: { readonly low: Uint16Array }, q: { readonly low: Uint16Array }, x: number, y: number) => boolean,
): { a: number; b: number; estimatedSimilarity: number }[] {
  const best = new Map<string, number>();
  for (let x = 0; x < windows.length; x++) {
    for (let y = x + 1; y < windows.length; y++) {
      const [p, q] = [windows[x]!, windows[y]!];
      if (p.doc === q.doc || !meet(p, q, x, y)) continue;
      const est = lowBitsAgreement(p.low, 0, q.low, 0, k);
      const key = `${Math.min(p.doc, q.doc)},${Math.max(p.doc, q.doc)}`;
      if (est >= floor && est > (best.get(key) ?? -1)) best.set(key, est);
    }
  }
  return [...best.entries()]
    .map(([key, est]) => ({ a: Number(key.split(',')[0]), b: Number(key.split(',')[1]), estimatedSimilarity: est }))
    .sort((p, q) => p.a - q.a || p.b - q.b);
}

function tempFolder(): string {
  return tempDir('reprint-spool-test-');
}

describe('byte logs', () => {
  it('a file log and a memory log give back the same bytes, across its write buffer and beyond it', () => {
    const folder = tempFolder();
    const file = new FileLog(join(folder, 'log'));
    const memory = new MemoryLog();
    const chunks = [10, 1 << 19, (1 << 20) - 3, 7, 3 << 20, 1, 0, 65536].map((n, i) => bytes(i + 1, n));
    const starts: number[] = [];
    for (const chunk of chunks) {
      starts.push(file.append(chunk));
      expect(memory.append(chunk)).toBe(starts[starts.length - 1]);
      // Reads while part of the file is still buffered.
      const at = starts[starts.length - 1]!;
      expect(Buffer.from(file.read(at, chunk.length)).equals(Buffer.from(chunk))).toBe(true);
    }
    expect(file.size).toBe(memory.size);
    // Ranges across chunk edges.
    for (const [position, length] of [[0, 20], [5, 1 << 20], [(1 << 19) + 5, 2 << 20], [file.size - 9, 9]] as const) {
      expect(Buffer.from(file.read(position, length)).equals(Buffer.from(memory.read(position, length)))).toBe(true);
    }
    expect(() => file.read(file.size - 1, 2)).toThrow(/past its end/);
    file.close();
  });

  it('records read in order (through its read-ahead window), out of order, and while more are appended come back exactly', () => {
    const file = new RecordLog(new FileLog(join(tempFolder(), 'ahead')));
    const memory = new RecordLog(new MemoryLog());
    // 3 MB of records of 1 byte to 300 KB: windows of 1 MB end inside records, and some records are too large for one.
    const sizes = Array.from({ length: 400 }, (_, i) => (i % 97 === 0 ? 300_000 : 1 + ((i * 7919) % 9000)));
    const written = sizes.map((n, i) => bytes(1000 + i, n));
    const half = written.length / 2;
    written.slice(0, half).forEach((b) => expect(file.append(b)).toBe(memory.append(b)));
    const same = (i: number): void => expect(Buffer.from(file.read(i)).equals(Buffer.from(memory.read(i)))).toBe(true);
    for (let i = 0; i < half; i++) same(i);
    // Appending while reading on: records still in the write buffer, then flushed ones past the old end.
    written.slice(half).forEach((b, j) => {
      expect(file.append(b)).toBe(memory.append(b));
      same(half + j);
    });
    for (let i = 0; i < written.length; i++) same(i);
    for (const i of [399, 3, 250, 0, 1, 2, 198, 97, 98, 120]) same(i);
    for (let i = written.length - 1; i >= 0; i -= 3) same(i);
  });

  it('records start at multiples of 8 bytes and read back as written', () => {
    for (const log of [new MemoryLog(), new FileLog(join(tempFolder(), 'records'))] as ByteLog[]) {
      const records = new RecordLog(log);
      const written = [3, 0, 17, 8, 1000].map((n, i) => bytes(100 + i, n));
      const numbers = written.map((b) => records.append(b));
      expect(numbers).toEqual([0, 1, 2, 3, 4]);
      written.forEach((b, i) => {
        const read = records.read(i);
        expect(read.byteOffset % 8).toBe(0);
        expect(Buffer.from(read).equals(Buffer.from(b))).toBe(true);
      });
      expect(() => records.read(5)).toThrow(/no record 5/);
    }
  });

  it('a space on disk is a folder of its own while open, and is gone after close', () => {
    const parent = tempFolder();
    const space = ScanSpace.onDisk(parent);
    const log = space.log('x');
    log.append(bytes(1, 100));
    expect(space.folder).not.toBeNull();
    expect(readdirSync(space.folder!)).toEqual(['x']);
    space.close();
    expect(existsSync(space.folder!)).toBe(false);
    expect(readdirSync(parent)).toEqual([]);
  });

  it('a folder that cannot be made is a one-line input error naming it', () => {
    expect(() => ScanSpace.onDisk('/nonexistent/reprint-parent')).toThrow(/^\/nonexistent\/reprint-parent: cannot make a temporary folder for spool files \(ENOENT\)/);
  });
});

describe('spooled records', () => {
  it('texts come back exactly: ASCII, accents, emoji, CJK, empty, and lone surrogates', () => {
    const texts = ['Plain ASCII text.', 'Déjà vu — naïve café', '👍🏽 emoji 𝒳', '中文新闻报道', '', 'lone \ud800 high and \udc00 low'];
    for (const log of [new MemoryLog(), new FileLog(join(tempFolder(), 'texts'))] as ByteLog[]) {
      const store = new SpooledTexts(log);
      const stored = texts.map((t) => store.put(t));
      stored.forEach((s, i) => {
        expect(s.length).toBe(texts[i]!.length);
        expect(store.get(s.handle)).toBe(texts[i]);
      });
    }
  });

  it('a thread given where texts are in the spool file reads them back exactly, still buffered ones too; in memory there is no file to give', () => {
    const texts = ['Plain ASCII text.', 'Déjà vu — naïve café', '👍🏽 emoji 𝒳', '中文新闻报道', '', 'lone \ud800 high and \udc00 low', 'x'.repeat(5000)];
    const store = new SpooledTexts(new FileLog(join(tempFolder(), 'texts')));
    const handles = texts.map((t) => store.put(t).handle);
    // Out of order and repeated, as documents in id order may lie in the file; nothing written out yet (all in the write buffer).
    const order = [3, 0, 6, 5, 1, 4, 2, 3];
    const refs = store.refs(order.map((i) => handles[i]!));
    expect(refs).not.toBeNull();
    expect(readSpooledTexts(refs!)).toEqual(order.map((i) => texts[i]));
    expect(new SpooledTexts(new MemoryLog()).refs([])).toBeNull();
  });

  it('a ref that does not point at a text record is an internal error naming the file and the byte', () => {
    const store = new SpooledTexts(new FileLog(join(tempFolder(), 'texts')));
    const handles = ['first text', 'second text'].map((t) => store.put(t).handle);
    const refs = store.refs(handles)!;
    const shifted = { ...refs, positions: refs.positions.map((p) => p + 1) };
    expect(() => readSpooledTexts(shifted)).toThrow(`SpooledTexts: the record at byte ${shifted.positions[0]} of ${refs.file} is not a text record`);
  });

  it('k-gram sets come back exactly', () => {
    const options = resolveOptions({});
    const words = new SpooledWords(new FileLog(join(tempFolder(), 'words')));
    const made = ['One short sentence here. And a second one follows it.', 'x', ''].map((t) => sketchDocument(`${t} ${'Word '.repeat(50)}`, options));
    for (const s of made) words.add(s.grams);
    made.forEach((s, i) => expect(Array.from(words.get(i))).toEqual(Array.from(s.grams)));
  });

  it("a scan's sketch batches come back exactly, with no k-gram sets or texts kept", () => {
    const handle = scanTaskHandler({ options: resolveOptions({}), blocked: NO_BLOCKED_GRAMS });
    const made = handle({ kind: 'sketch', texts: ['One short sentence here. And a second one follows it.', 'x', ''] }) as ScanSketchBatch;
    made.sketches.mask[3] = 1;
    const batches = new SpooledSketchBatches(new FileLog(join(tempFolder(), 'sketches')));
    batches.add({ sketches: made.sketches });
    const back = batches.get(0);
    expect(Array.from(back.sketches.hashes.values)).toEqual(Array.from(made.sketches.hashes.values));
    expect(Array.from(back.sketches.hashes.ends)).toEqual(Array.from(made.sketches.hashes.ends));
    expect(Array.from(back.sketches.mask)).toEqual(Array.from(made.sketches.mask));
    expect(Array.from(back.sketches.windows.values)).toEqual(Array.from(made.sketches.windows.values));
    expect(Array.from(back.sketches.windows.ends)).toEqual(Array.from(made.sketches.windows.ends));
    expect(back.sketches.mask[3]).toBe(1);
    expect(back.grams.values.length + back.grams.ends.length + back.storedTexts.values.length + back.storedTexts.ends.length).toBe(0);
  });

  it("index add's sketch batches come back exactly (odd byte lengths padded), every array in a buffer of its own", () => {
    const handler = indexTaskHandler({ options: resolveOptions({}), blocked: NO_BLOCKED_GRAMS });
    // Texts of 1, 2, 3… bytes deflated, masks of odd lengths: the arrays laid end to end must keep their alignment.
    const made = [['Ab.', 'One short sentence here. And a second one follows it, café.'], [''], ['x y z', `${'Word '.repeat(61)}end.`, '☕']].map((texts) => handler({ kind: 'index-sketch', texts }) as IndexSketchBatch);
    for (const log of [new MemoryLog(), new FileLog(join(tempFolder(), 'batches'))]) {
      const batches = new SpooledSketchBatches(log);
      made.forEach((b) => batches.add(b));
      expect(batches.count).toBe(3);
      made.forEach((b, i) => {
        const back = batches.get(i);
        const original = b;
        const pairs: [ArrayLike<number>, ArrayLike<number>][] = [
          [back.sketches.hashes.values, original.sketches.hashes.values],
          [back.sketches.hashes.ends, original.sketches.hashes.ends],
          [back.sketches.mask, original.sketches.mask],
          [back.sketches.windows.values, original.sketches.windows.values],
          [back.sketches.windows.ends, original.sketches.windows.ends],
          [back.grams.values, original.grams.values],
          [back.grams.ends, original.grams.ends],
          [back.storedTexts.values, original.storedTexts.values],
          [back.storedTexts.ends, original.storedTexts.ends],
        ];
        for (const [got, want] of pairs) expect(Array.from(got)).toEqual(Array.from(want));
        const buffers = pairs.map(([got]) => (got as Uint8Array).buffer);
        expect(new Set(buffers).size).toBe(buffers.length);
        pairs.forEach(([got]) => expect((got as Uint8Array).buffer.byteLength).toBe((got as Uint8Array).byteLength));
      });
      expect(made[0]!.storedTexts.values.length % 4).not.toBe(0);
    }
  });
});

/** 120 articles: 40 stories, each copied by two other outlets with a new opening; ids out of order in the file. */
function writeDump(file: string): void {
  const lines: string[] = [];
  for (let i = 119; i >= 0; i--) {
    const story = i % 40;
    const body = Array.from({ length: 9 }, (_, j) => `Official ${story * 17 + j} of region ${story} said plan ${story}-${j} costs ${story + j * 3} million from ${1990 + j}.`).join(' ');
    const text = i < 40 ? body : `Outlet ${i % 5} adds a word on day ${i}: café ☕. ${body}`;
    lines.push(JSON.stringify({ id: `doc-${i}`, url: `https://outlet${i % 5}.example/${i}`, text }));
  }
  writeFileSync(file, `${lines.join('\n')}\n`);
}

describe('a scan spooled to disk', () => {
  it('reads the same articles into a text store as into memory', async () => {
    const dump = join(tempFolder(), 'dump.jsonl');
    writeDump(dump);
    const inMemory = await readInputs([dump, SAMPLES]);
    const store = new SpooledTexts(new FileLog(join(tempFolder(), 'texts')));
    const stored = await readInputsToStore([dump, SAMPLES], {}, store);
    expect(stored.warnings).toEqual(inMemory.warnings);
    expect(stored.articles.map((a) => [a.id, a.path, a.meta])).toEqual(inMemory.articles.map((a) => [a.id, a.path, a.meta]));
    stored.articles.forEach((a, i) => expect(store.get(a.text.handle)).toBe(inMemory.articles[i]!.text));
  });

  it('reads a text back to resolve metadata only when a field the text may state is missing, with the same metadata as in memory', async () => {
    const dir = tempFolder();
    const body = 'The minister said the port would reopen on Monday after the storm. 12 Feb 2022 - 18:40';
    const record = (i: number, stated: boolean): string =>
      JSON.stringify({ id: `doc-${i}`, text: `${body} ${i}.`, ...(stated ? { url: `https://outlet.example/${i}`, published: '2022-02-12T18:40:00Z', title: `Title ${i}` } : {}) });
    /** Texts read back from the store (by handle) while the dump is read. */
    const readBack = async (stated: boolean): Promise<number> => {
      const dump = join(dir, `dump-${stated}.jsonl`);
      writeFileSync(dump, `${Array.from({ length: 6 }, (_, i) => record(i, stated)).join('\n')}\n`);
      const store = new SpooledTexts(new MemoryLog());
      const texts = new Set<number>();
      const got = new Set<number>();
      const spy = {
        put: (text: string) => {
          const stored = store.put(text);
          if (text.startsWith(body)) texts.add(stored.handle);
          return stored;
        },
        get: (handle: number) => {
          if (texts.has(handle)) got.add(handle);
          return store.get(handle);
        },
      };
      const stored = await readInputsToStore([dump], {}, spy);
      const inMemory = await readInputs([dump]);
      expect(stored.articles.map((a) => [a.id, a.meta])).toEqual(inMemory.articles.map((a) => [a.id, a.meta]));
      expect(texts.size).toBe(6);
      return got.size;
    };
    expect(await readBack(true)).toBe(0);
    expect(await readBack(false)).toBe(6);
  });

  it('gives the same ids, warnings and metadata when ids clash and fields need escaping, ladders read back from the store', async () => {
    const dir = tempFolder();
    const dump = join(dir, 'dump.jsonl');
    writeDump(dump);
    // Clashes with the dump's ids and with each other, a record without id, and
    // fields JSON must escape (a lone surrogate, quotes, a line separator).
    const clashes = join(dir, 'clashes.jsonl');
    const body = 'The minister said the port would reopen on Monday after the storm.';
    writeFileSync(
      clashes,
      [
        { id: 'doc-1', text: `${body} One.` },
        { id: 'doc-1', text: `${body} Two.`, title: 'Caf\u00e9 "quoted" \ud800 lone \u2028 end' },
        { text: `${body} No id.`, url: 'https://outlet.example/ü?q="x"' },
        { id: 'doc-2', text: `${body} Three.`, outlet: 'Ünïcode Néws' },
      ]
        .map((r) => JSON.stringify(r))
        .join('\n'),
    );
    // A file whose name clashes with a sample's, in a folder of its own.
    const sub = join(dir, 'sub');
    mkdirSync(sub);
    writeFileSync(join(sub, '000_6ebd8b03c1841edc.txt'), `${body} A file.`);
    const inputs = [dump, clashes, sub, SAMPLES];
    const inMemory = await readInputs(inputs);
    const store = new SpooledTexts(new FileLog(join(tempFolder(), 'texts')));
    const stored = await readInputsToStore(inputs, {}, store);
    expect(inMemory.warnings.filter((w) => w.code === 'W_DUPLICATE_ID').length).toBeGreaterThanOrEqual(3);
    expect(stored.warnings).toEqual(inMemory.warnings);
    expect(stored.articles.map((a) => [a.id, a.path, a.meta])).toEqual(inMemory.articles.map((a) => [a.id, a.path, a.meta]));
    stored.articles.forEach((a, i) => expect(store.get(a.text.handle)).toBe(inMemory.articles[i]!.text));
  });

  it('reports exactly what the scan in memory reports, returns the texts of documents in pairs, and removes its files', async () => {
    const dump = join(tempFolder(), 'dump.jsonl');
    writeDump(dump);
    // This process's spool folders only: other test files and other scans run beside this one.
    const ours = (): string[] => readdirSync(tmpdir()).filter((f) => f.startsWith(`reprint-scan-${process.pid}-`));
    const before = ours();
    for (const paths of [[dump], [SAMPLES]]) {
      const options = resolveOptions({});
      const { articles, warnings } = await readInputs(paths);
      const expected = await scanArticles(articles, options, warnings);
      const { report, texts } = await scanWithTexts(paths, {});
      expect(report).toEqual(expected);
      expect(report.pairs.length).toBeGreaterThan(0);
      const inPairs = new Set(report.pairs.flatMap((p) => [p.source, p.target]));
      expect(new Set(texts.keys())).toEqual(inPairs);
      for (const a of articles) if (inPairs.has(a.id)) expect(texts.get(a.id)).toBe(a.text);
    }
    expect(ours()).toEqual(before);
  });

  it('finds every colliding window pair a brute-force reference finds, in memory and with signatures in files read through a cache of two or five blocks', async () => {
    const options = resolveOptions({});
    const banding = resolveBanding(options);
    const hasher = createWindowHasher(options);
    const texts = Array.from({ length: 60 }, (_, i) => {
      const story = i % 20;
      return Array.from({ length: 12 }, (_, j) => `Minister ${story * 13 + j} told port ${story} that ship ${j} carries ${story * j + 5} tonnes of grain.`).join(' ') + (i >= 20 ? ` Extra line ${i}.` : '');
    });
    const space = ScanSpace.onDisk(tempFolder());
    const onDisk = new CandidateCollector(options, banding, 1, space, 1);
    // Five blocks of 16 windows of 128 16-bit values: evictions from the middle of the use order too.
    const fiveBlocks = new CandidateCollector(options, banding, 1, ScanSpace.inMemory(), 5 * 16 * 128 * 2);
    const inMemory = new CandidateCollector(options, banding);
    const windows: { doc: number; low: Uint16Array }[] = [];
    const k = options.numPerm;
    texts.forEach((t, d) => {
      const signatures = signWindows(sketchDocument(t, options), hasher, options.shingleSize);
      onDisk.add(d, signatures);
      fiveBlocks.add(d, signatures);
      inMemory.add(d, signatures);
      for (let w = 0; w * k < signatures.length; w++) windows.push({ doc: d, low: lowBits(signatures.subarray(w * k, (w + 1) * k)) });
    });
    // As a scan adds them: its sketch and sign batches (seven documents each here), each batch's band rows appended at once.
    const batched = new CandidateCollector(options, banding, 1, ScanSpace.onDisk(tempFolder()));
    const handle = scanTaskHandler({ options, blocked: NO_BLOCKED_GRAMS });
    for (let first = 0; first < texts.length; first += 7) {
      const sketched = handle({ kind: 'sketch', texts: texts.slice(first, first + 7) }) as ScanSketchBatch;
      const signed = handle({ kind: 'sign', sketches: sketched.sketches }) as SignedBatch;
      batched.addSigned(first, signed.signatures, signed.bandRows);
    }
    // The reference, by brute force: every pair of windows of different documents
    // whose 16-bit values agree on all rows of some band, kept when its estimate
    // reaches the floor; a document pair's estimate is its best window pair's.
    const expected = referenceCandidates(windows, minEstimate(options.threshold, k), k, (p, q) => {
      for (let j = 0; j < banding.bands; j++) {
        let collide = true;
        for (let r = j * banding.rows; r < (j + 1) * banding.rows; r++) if (p.low[r] !== q.low[r]) collide = false;
        if (collide) return true;
      }
      return false;
    });
    // 40 copies of 20 stories (and the stories' common wording): 720-odd windows, dozens of blocks of 16.
    expect(windows.length).toBeGreaterThan(2 * 256);
    expect(expected.length).toBeGreaterThanOrEqual(60);
    expect(await inMemory.candidates(options.threshold)).toEqual(expected);
    expect(await onDisk.candidates(options.threshold)).toEqual(expected);
    expect(await fiveBlocks.candidates(options.threshold)).toEqual(expected);
    expect(await batched.candidates(options.threshold)).toEqual(expected);
    space.close();
  });

  it('lets the event loop run within each band, between its steps, not only between bands', async () => {
    // Threads aligning the pairs found get their next tasks only when this thread's event loop runs.
    const options = resolveOptions({});
    const banding = resolveBanding(options);
    const hasher = createWindowHasher(options);
    const collector = new CandidateCollector(options, banding);
    const story = Array.from({ length: 12 }, (_, j) => `The port authority said ship ${j} carried ${j * 17 + 3} tonnes of grain to the northern terminal.`).join(' ');
    [story, `Earlier today: ${story}`, 'Nothing alike here at all, only a short note about the weather in the hills.'].forEach((t, d) => collector.add(d, signWindows(sketchDocument(t, options), hasher, options.shingleSize)));
    let turns = 0;
    let running = true;
    const tick = (): void => {
      turns++;
      if (running) setImmediate(tick);
    };
    setImmediate(tick);
    const turnsAtBand: number[] = [];
    const found = await collector.candidates(options.threshold, () => turnsAtBand.push(turns));
    running = false;
    expect(found.map((c) => [c.a, c.b])).toEqual([[0, 1]]);
    expect(turnsAtBand).toHaveLength(banding.bands);
    // Keys, sort, buckets, estimates: four turns of the loop in the first band already, and in each after it.
    expect(turnsAtBand[0]).toBeGreaterThanOrEqual(4);
    for (let j = 1; j < banding.bands; j++) expect(turnsAtBand[j]! - turnsAtBand[j - 1]!).toBeGreaterThanOrEqual(4);
  });

  it('pairs the first window of a bucket too large with each other document’s, and estimates a window pair again in a later band when the band it met in first did not pair it', async () => {
    const options = resolveOptions({});
    const banding = resolveBanding(options);
    const hasher = createWindowHasher(options);
    // Eight copies of each of five stories: a window's copies fill buckets of eight, over a limit of six.
    const texts = Array.from({ length: 40 }, (_, i) => {
      const story = i % 5;
      const edit = Math.floor(i / 5);
      return Array.from({ length: 10 }, (_, j) => `Minister ${story * 11 + j} told port ${story} that ship ${j} carries ${(story * j + 5) * (j === edit ? 7 : 1)} tonnes of grain.`).join(' ');
    });
    const maxBucketSize = 6;
    const collector = new CandidateCollector(options, banding, 1, ScanSpace.inMemory(), undefined, maxBucketSize);
    const windows: { doc: number; low: Uint16Array }[] = [];
    const k = options.numPerm;
    texts.forEach((t, d) => {
      const signatures = signWindows(sketchDocument(t, options), hasher, options.shingleSize);
      collector.add(d, signatures);
      for (let w = 0; w * k < signatures.length; w++) windows.push({ doc: d, low: lowBits(signatures.subarray(w * k, (w + 1) * k)) });
    });
    // The reference: a band's buckets are the windows with the same rows; a pair meets in a band when it
    // shares a bucket of at most six, or a larger one whose first (lowest-numbered) window is one of the two.
    const bucketOf = (j: number, w: number): string => Array.from(windows[w]!.low.subarray(j * banding.rows, (j + 1) * banding.rows)).join(',');
    const sizes = Array.from({ length: banding.bands }, (_, j) => {
      const size = new Map<string, number>();
      windows.forEach((_, w) => size.set(bucketOf(j, w), (size.get(bucketOf(j, w)) ?? 0) + 1));
      return size;
    });
    const firsts = Array.from({ length: banding.bands }, (_, j) => {
      const first = new Map<string, number>();
      windows.forEach((_, w) => {
        if (!first.has(bucketOf(j, w))) first.set(bucketOf(j, w), w);
      });
      return first;
    });
    let metInSkippedFirst = 0;
    let pairedWithFirst = 0;
    const expected = referenceCandidates(windows, minEstimate(options.threshold, k), k, (_p, _q, x, y) => {
      const shared = Array.from({ length: banding.bands }, (_, j) => j).filter((j) => bucketOf(j, x) === bucketOf(j, y));
      const small = shared.filter((j) => sizes[j]!.get(bucketOf(j, x))! <= maxBucketSize);
      const withFirst = shared.filter((j) => sizes[j]!.get(bucketOf(j, x))! > maxBucketSize && [x, y].includes(firsts[j]!.get(bucketOf(j, x))!));
      if (small.length > 0 && shared[0]! < small[0]! && !withFirst.includes(shared[0]!)) metInSkippedFirst++;
      if (withFirst.length > 0 && small.length === 0) pairedWithFirst++;
      return small.length > 0 || withFirst.length > 0;
    });
    // Pairs whose first shared bucket was too large and did not pair them, and a later one did: one case at stake.
    expect(metInSkippedFirst).toBeGreaterThan(0);
    // Pairs met only in buckets too large, by their first window: the other.
    expect(pairedWithFirst).toBeGreaterThan(0);
    expect(expected.length).toBeGreaterThan(0);
    expect(await collector.candidates(options.threshold)).toEqual(expected);
  });
});
