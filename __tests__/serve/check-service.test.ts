/**
 * The check service in-process on a loopback port: answers, bad input with
 * the right status and a JSON error body, additions visible to later checks,
 * and checks answered while a large addition is being written.
 */
import Database from 'better-sqlite3';
import { request as httpRequest, type Server } from 'node:http';
import { connect, type AddressInfo } from 'node:net';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Report } from '../../src';
import { buildReuseDraft } from '../../bench/reuse-draft';
import { createCheckServer } from '../../src/cli/serve/check-service';
import { addArticlesToIndex } from '../../src/pipeline/index-articles';
import { openIndex, type OpenedIndex } from '../../src/pipeline/open-index';
import { readArticles } from '../../src/pipeline/read-articles';
import { tempDir } from '../helpers/temp-dir';
import { mosaicDraft } from '../helpers/mosaic-draft';

const SAMPLES = resolve(__dirname, '../../samples');
const SOURCE_ID = '002_7d7de9a9c5d4ee85';
const MAX_BODY = 2 * 1024 * 1024;

interface Answer {
  readonly status: number;
  readonly headers: Record<string, string | string[] | undefined>;
  readonly body: string;
}

let port = 0;
function call(method: string, path: string, body?: string | Buffer, headers: Record<string, string> = {}): Promise<Answer> {
  return new Promise((ok, fail) => {
    const req = httpRequest({ host: '127.0.0.1', port, method, path, headers }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (d: string) => (text += d));
      res.on('end', () => ok({ status: res.statusCode ?? 0, headers: res.headers, body: text }));
    });
    // The server may answer (413) and close before the whole body is sent: that is not the test's failure.
    req.on('error', (error: NodeJS.ErrnoException) => (error.code === 'EPIPE' || error.code === 'ECONNRESET' ? undefined : fail(error)));
    if (body !== undefined) req.write(body);
    req.end();
  });
}

function errorOf(answer: Answer): { code: string; message: string } {
  expect(answer.headers['content-type']).toMatch(/^application\/json/);
  const parsed = JSON.parse(answer.body) as { error: { code: string; message: string } };
  expect(typeof parsed.error.code).toBe('string');
  expect(parsed.error.message.length).toBeGreaterThan(0);
  return parsed.error;
}

describe('check service', () => {
  let server: Server;
  let reader: OpenedIndex;
  let writer: OpenedIndex;
  const file = join(tempDir('reprint-serve-'), 'archive.db');

  beforeAll(async () => {
    writer = openIndex(file, {}, { create: true, writeWaitMs: 0 });
    await addArticlesToIndex(writer.store, (await readArticles([SAMPLES], {})).articles, writer.options);
    reader = openIndex(file, {});
    server = createCheckServer(reader, writer, { maxBodyBytes: MAX_BODY, requestTimeoutMs: 5000, registry: new Map() });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
    port = (server.address() as AddressInfo).port;
  });

  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((r) => server.close(r));
    reader.store.close();
    writer.store.close();
  });

  test('GET /health', async () => {
    const a = await call('GET', '/health');
    expect(a.status).toBe(200);
    expect(JSON.parse(a.body)).toEqual({ status: 'ok', documents: 5 });
  });

  test('POST /check with a plain-text draft returns the report, naming the reused article', async () => {
    const draft = buildReuseDraft(readFileSync(join(SAMPLES, `${SOURCE_ID}.txt`), 'utf8'))!;
    const a = await call('POST', '/check', draft.text, { 'Content-Type': 'text/plain' });
    expect(a.status).toBe(200);
    const report = JSON.parse(a.body) as Report;
    expect(report.schemaVersion).toBe(1);
    expect(report.pairs.some((p) => p.source === SOURCE_ID || p.target === SOURCE_ID)).toBe(true);
    expect(Number(a.headers['x-reprint-largest-share'])).toBeGreaterThan(0.2);
    expect(a.headers['x-reprint-largest-source']).toBe(SOURCE_ID);
  });

  test('a multipart form upload → 415 naming the types read, on both POST endpoints', async () => {
    const form = '--b\r\nContent-Disposition: form-data; name="file"; filename="draft.txt"\r\n\r\nsome text\r\n--b--\r\n';
    for (const path of ['/check', '/articles']) {
      const a = await call('POST', path, form, { 'Content-Type': 'multipart/form-data; boundary=b' });
      expect(a.status).toBe(415);
      expect(errorOf(a)).toEqual({ code: 'E_MEDIA_TYPE', message: expect.stringContaining('text/plain') as unknown as string });
    }
    // Other types are read as before: plain text for /check.
    expect((await call('POST', '/check', 'some text of a draft', { 'Content-Type': 'application/x-www-form-urlencoded' })).status).toBe(200);
  });

  test('POST /check with a JSON article', async () => {
    const text = readFileSync(join(SAMPLES, '004_c4d09dfc72624344.txt'), 'utf8');
    const a = await call('POST', '/check', JSON.stringify({ id: 'mine', title: 'A title', text }), { 'Content-Type': 'application/json' });
    expect(a.status).toBe(200);
    const report = JSON.parse(a.body) as Report;
    expect(report.documents.find((d) => d.id === 'mine')?.title).toBe('A title');
    expect(report.pairs.length).toBeGreaterThan(0);
  });

  test('POST /check of a draft pieced together from two articles: headers give the largest share, what it reuses in all, and from how many', async () => {
    const a = await call('POST', '/check', JSON.stringify({ id: 'mosaic', text: mosaicDraft(SAMPLES) }), { 'Content-Type': 'application/json' });
    expect(a.status).toBe(200);
    const mine = (JSON.parse(a.body) as Report).pairs.filter((p) => p.source === 'mosaic' || p.target === 'mosaic');
    expect(mine.length).toBe(2);
    expect(Number(a.headers['x-reprint-sources'])).toBe(2);
    const shares = mine.map((p) => (p.target === 'mosaic' ? p.coverage.target : p.coverage.source));
    expect(Number(a.headers['x-reprint-largest-share'])).toBe(Math.max(...shares));
    // The two paragraphs do not overlap in the draft: what it reuses in all is the sum of the two shares.
    expect(Number(a.headers['x-reprint-reused-share'])).toBeCloseTo(shares[0]! + shares[1]!, 3);
    // The body's `drafts` says the same as the headers.
    expect((JSON.parse(a.body) as Report).drafts).toEqual([
      expect.objectContaining({ draft: 'mosaic', share: Number(a.headers['x-reprint-largest-share']), reused: Number(a.headers['x-reprint-reused-share']), sources: 2 }),
    ]);
  });

  test.each([
    ['malformed JSON', 'POST', '/check', '{"text": "unterminated', { 'Content-Type': 'application/json' }, 400, 'E_MALFORMED_JSON'],
    ['JSON without text', 'POST', '/check', '{"title": "no text"}', { 'Content-Type': 'application/json' }, 400, 'E_BAD_ARTICLE'],
    ['a JSON array', 'POST', '/check', '[1, 2]', { 'Content-Type': 'application/json' }, 400, 'E_BAD_ARTICLE'],
    ['an empty body', 'POST', '/check', '', { 'Content-Type': 'text/plain' }, 400, 'E_EMPTY'],
    ['an empty JSON body', 'POST', '/check', '', { 'Content-Type': 'application/json' }, 400, 'E_EMPTY'],
    ['an article without id', 'POST', '/articles', '{"text": "some words"}', { 'Content-Type': 'application/json' }, 400, 'E_BAD_ARTICLE'],
    ['malformed JSONL', 'POST', '/articles', '{"id": "x", "text": "t"}\n{oops', { 'Content-Type': 'application/x-ndjson' }, 400, 'E_MALFORMED_JSON'],
    ['wrong method on /check', 'GET', '/check', undefined, {}, 405, 'E_METHOD'],
    ['wrong method on /health', 'DELETE', '/health', undefined, {}, 405, 'E_METHOD'],
    ['an unknown path', 'GET', '/admin', undefined, {}, 404, 'E_NOT_FOUND'],
  ] as const)('%s', async (_name, method, path, body, headers, status, code) => {
    const a = await call(method, path, body, headers);
    expect(a.status).toBe(status);
    expect(errorOf(a).code).toBe(code);
    if (status === 405) expect(a.headers['allow']).toBe(method === 'GET' ? 'POST' : 'GET');
  });

  test.each([
    ['binary data', '/check', Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x00, 0x00, 0x08, 0x00]), 'text/plain', /binary/],
    ['bytes that are not UTF-8', '/check', Buffer.concat([Buffer.from('A first line.\nCaf'), Buffer.from([0xe9]), Buffer.from(' au lait.\n')]), 'text/plain', /invalid UTF-8 at line 2/],
    ['UTF-16', '/check', Buffer.from('\ufeffA draft in UTF-16.', 'utf16le'), 'text/plain', /UTF-16/],
    ['JSON with bytes that are not UTF-8', '/check', Buffer.concat([Buffer.from('{"text": "caf'), Buffer.from([0xe9]), Buffer.from('"}')]), 'application/json', /invalid UTF-8 at line 1/],
    ['JSONL with bytes that are not UTF-8', '/articles', Buffer.concat([Buffer.from('{"id": "u1", "text": "fine"}\n{"id": "u2", "text": "caf'), Buffer.from([0xe9]), Buffer.from('"}\n')]), 'application/x-ndjson', /invalid UTF-8 at line 2/],
  ] as const)('a body of %s → 400 E_BAD_TEXT saying where, nothing checked or added', async (_name, path, body, type, message) => {
    const before = JSON.parse((await call('GET', '/health')).body) as { documents: number };
    const a = await call('POST', path, body, { 'Content-Type': type });
    expect(a.status).toBe(400);
    const error = errorOf(a);
    expect(error.code).toBe('E_BAD_TEXT');
    expect(error.message).toMatch(message);
    expect((JSON.parse((await call('GET', '/health')).body) as { documents: number }).documents).toBe(before.documents);
  });

  test('a draft\'s published time may be a Unix time (a number); a published time of another type is a 400', async () => {
    const a = await call('POST', '/check', JSON.stringify({ text: 'Harbour pilots counted seals on the sandbank at low tide.', published: 1644668940 }), { 'Content-Type': 'application/json' });
    expect(a.status).toBe(200);
    const report = JSON.parse(a.body) as Report;
    expect(report.documents[0]?.published).toMatchObject({ kind: 'instant', text: '2022-02-12T12:29:00+00:00' });
    const wrong = await call('POST', '/check', JSON.stringify({ text: 'Seals again.', published: true }), { 'Content-Type': 'application/json' });
    expect(wrong.status).toBe(400);
    expect(errorOf(wrong)).toEqual({ code: 'E_BAD_ARTICLE', message: 'body: "published" must be a string or number' });
  });

  test('an oversize body → 413, declared or streamed', async () => {
    const big = Buffer.alloc(MAX_BODY + 1, 'a');
    const declared = await call('POST', '/check', big, { 'Content-Type': 'text/plain', 'Content-Length': String(big.length) });
    expect(declared.status).toBe(413);
    expect(errorOf(declared).code).toBe('E_TOO_LARGE');
    expect(declared.headers['connection']).toBe('close');
    const streamed = await call('POST', '/check', big, { 'Content-Type': 'text/plain', 'Transfer-Encoding': 'chunked' });
    expect(streamed.status).toBe(413);
    // The server is still there.
    expect((await call('GET', '/health')).status).toBe(200);
  });

  test('while another process holds the write lock, an addition waits without blocking checks, then completes', async () => {
    const other = new Database(file, { timeout: 0 });
    other.exec('BEGIN IMMEDIATE');
    const order: string[] = [];
    const adding = call('POST', '/articles', JSON.stringify({ id: 'locked-out', text: 'Written once the other writer lets go of the lock.' }), { 'Content-Type': 'application/json' }).then((a) => {
      order.push('articles');
      return a;
    });
    await new Promise((r) => setTimeout(r, 300));
    const health = await call('GET', '/health');
    order.push('health');
    expect(health.status).toBe(200);
    other.exec('ROLLBACK');
    other.close();
    const added = await adding;
    // One assertion, so a failure shows the order, status and body together.
    expect({ order, status: added.status, body: JSON.parse(added.body) as unknown }).toMatchObject({ order: ['health', 'articles'], status: 200, body: { added: 1 } });
  }, 20000);

  test('a body that stops arriving → 408 with a JSON body, connection closed', async () => {
    const slow = createCheckServer(reader, writer, { maxBodyBytes: MAX_BODY, requestTimeoutMs: 500, registry: new Map() });
    await new Promise<void>((r) => slow.listen(0, '127.0.0.1', () => r()));
    const slowPort = (slow.address() as AddressInfo).port;
    const answer = await new Promise<string>((ok) => {
      const socket = connect(slowPort, '127.0.0.1', () => socket.write('POST /check HTTP/1.1\r\nHost: x\r\nContent-Type: text/plain\r\nContent-Length: 100\r\n\r\nonly part'));
      let text = '';
      socket.on('data', (d: Buffer) => (text += d.toString()));
      socket.on('close', () => ok(text));
    });
    slow.close();
    expect(answer).toMatch(/^HTTP\/1\.1 408 /);
    expect(JSON.parse(answer.slice(answer.indexOf('\r\n\r\n') + 4))).toEqual({ error: { code: 'E_TIMEOUT', message: 'request took too long to arrive' } });
  }, 10000);

  test('articles added by POST /articles are found by later checks; checks are answered while a batch is written', async () => {
    const filler = readFileSync(join(SAMPLES, '000_6ebd8b03c1841edc.txt'), 'utf8').split(/\s+/);
    const lines: string[] = [];
    for (let i = 0; i < 1500; i++) {
      const words = Array.from({ length: 120 }, (_, j) => filler[(i * 31 + j * 7) % filler.length]);
      lines.push(JSON.stringify({ id: `bulk${i}`, text: `Bulk ${i}. ${words.join(' ')}.` }));
    }
    const unique = 'Harbour pilots on the northern coast counted forty-one grey seals on the sandbank at low tide, the highest figure since records began. The count was made from two boats and a drone over three hours on Sunday morning. Local fishermen said the seals had followed a late run of mackerel into the estuary this autumn.';
    lines.push(JSON.stringify({ id: 'seals', text: unique, outlet: 'coastnews.example' }));
    const before = (JSON.parse((await call('GET', '/health')).body) as { documents: number }).documents;
    const order: string[] = [];
    const adding = call('POST', '/articles', lines.join('\n'), { 'Content-Type': 'application/x-ndjson' }).then((a) => {
      order.push('articles');
      return a;
    });
    await new Promise((r) => setTimeout(r, 50));
    const during = await call('POST', '/check', readFileSync(join(SAMPLES, '003_07aa18f49e5e91c1.txt')), { 'Content-Type': 'text/plain' }).then((a) => {
      order.push('check');
      return a;
    });
    const added = await adding;
    expect(during.status).toBe(200);
    expect(order).toEqual(['check', 'articles']);
    expect((JSON.parse(during.body) as Report).pairs.length).toBeGreaterThan(0);
    expect(added.status).toBe(200);
    expect(JSON.parse(added.body)).toEqual({ added: 1501, replaced: 0, unchanged: 0, documents: before + 1501 });
    const check = await call('POST', '/check', `Breaking: ${unique}`, { 'Content-Type': 'text/plain' });
    const report = JSON.parse(check.body) as Report;
    expect(report.pairs.map((p) => (p.source === 'draft' ? p.target : p.source))).toContain('seals');
  }, 60000);
});
