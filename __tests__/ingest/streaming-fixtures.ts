/**
 * Test inputs built from the sample articles: the same texts as JSONL, gzipped JSONL and
 * a WARC.gz of HTML pages. A helper, not a test file.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

export const SAMPLES_DIR = join(__dirname, '..', '..', 'samples');
export const SAMPLE_IDS = ['000_6ebd8b03c1841edc', '001_69955482a43b296f', '004_c4d09dfc72624344'] as const;

export function sampleText(id: string): string {
  return readFileSync(join(SAMPLES_DIR, `${id}.txt`), 'utf8');
}

/** One JSON line per sample, with its file name as `id`. */
export function samplesJsonl(ids: readonly string[] = SAMPLE_IDS): string {
  return ids.map((id) => JSON.stringify({ id, text: sampleText(id) })).join('\n') + '\n';
}

/** One WARC record (WARC/1.0), uncompressed. */
export interface WarcRecordSpec {
  readonly type: string;
  readonly id: string;
  readonly date: string;
  readonly uri?: string;
  readonly contentType: string;
  readonly block: Buffer;
}

export function warcRecord(spec: WarcRecordSpec): Buffer {
  const head = [
    'WARC/1.0',
    `WARC-Type: ${spec.type}`,
    `WARC-Record-ID: <urn:uuid:${spec.id}>`,
    `WARC-Date: ${spec.date}`,
    ...(spec.uri === undefined ? [] : [`WARC-Target-URI: ${spec.uri}`]),
    `Content-Type: ${spec.contentType}`,
    `Content-Length: ${spec.block.length}`,
  ].join('\r\n');
  return Buffer.concat([Buffer.from(`${head}\r\n\r\n`, 'utf8'), spec.block, Buffer.from('\r\n\r\n')]);
}

/** An HTTP response block: status line, headers, body. */
export function httpResponse(status: string, contentType: string, body: Buffer): Buffer {
  const head = `HTTP/1.1 ${status}\r\nContent-Type: ${contentType}\r\nContent-Length: ${body.length}\r\n\r\n`;
  return Buffer.concat([Buffer.from(head, 'latin1'), body]);
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

export const NAV_TEXT = 'Home World Politics Business Sport Subscribe to our newsletter';
export const FOOTER_TEXT = 'Copyright 2022 All rights reserved Privacy policy Terms of use Contact the editors';

/**
 * An article page: a nav of links and a footer (page furniture Readability drops), the
 * text's paragraphs (blank-line separated) as `<p>`, and `article:published_time` when given.
 */
export function articlePage(title: string, text: string, published: string | null): string {
  const paragraphs = text
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter((p) => p !== '')
    .map((p) => `<p>${p.split('\n').map(escapeHtml).join('<br>')}</p>`);
  const nav = NAV_TEXT.split(' ').map((word) => `<li><a href="/${word.toLowerCase()}">${word}</a></li>`).join('');
  return [
    '<!doctype html><html><head><meta charset="utf-8">',
    `<title>${escapeHtml(title)}</title>`,
    published === null ? '' : `<meta property="article:published_time" content="${published}">`,
    '</head><body>',
    `<header><nav class="menu"><ul>${nav}</ul></nav></header>`,
    `<main><article><h1>${escapeHtml(title)}</h1>`,
    ...paragraphs,
    '</article></main>',
    `<footer class="site-footer"><p>${FOOTER_TEXT}</p></footer>`,
    '</body></html>',
  ].join('\n');
}

/** The WARC record ids the sample pages get (predictable, so tests can name them). */
export const WARC_IDS = {
  sputnik: '11111111-1111-4111-8111-000000000004',
  taghrib: '11111111-1111-4111-8111-000000000001',
  other: '11111111-1111-4111-8111-000000000000',
} as const;

export const SPUTNIK_URL = 'https://sputniknews.com/20220212/lavrov-tells-blinken-propaganda-about-russian-aggression-against-ukraine-has-provocative-purposes-1092963955.html';
export const TAGHRIB_URL = 'https://www.taghribnews.com/en/news/538334/lavrov-tells-blinken-propaganda';

/**
 * Gzipped records (one gzip member each, as CC-NEWS writes them): warcinfo, a request,
 * the three sample pages as responses (000 without a published meta tag), an image and a
 * redirect. Returns the members, so a test can cut inside one.
 */
export function samplesWarcMembers(): Buffer[] {
  const date = '2022-02-14T08:00:00Z';
  const page = (n: number, id: string, uri: string, sample: string, published: string | null): Buffer =>
    warcRecord({
      type: 'response',
      id,
      date: `2022-02-14T08:00:0${n}Z`,
      uri,
      contentType: 'application/http; msgtype=response',
      block: httpResponse('200 OK', 'text/html; charset=utf-8', Buffer.from(articlePage(`Page ${sample}`, sampleText(sample), published), 'utf8')),
    });
  const records = [
    warcRecord({ type: 'warcinfo', id: '22222222-0000-4000-8000-000000000001', date, contentType: 'application/warc-fields', block: Buffer.from('software: test\r\n') }),
    warcRecord({
      type: 'request',
      id: '22222222-0000-4000-8000-000000000002',
      date,
      uri: SPUTNIK_URL,
      contentType: 'application/http; msgtype=request',
      block: Buffer.from('GET / HTTP/1.1\r\nHost: sputniknews.com\r\n\r\n'),
    }),
    page(1, WARC_IDS.sputnik, SPUTNIK_URL, '004_c4d09dfc72624344', '2022-02-12T12:29:00+00:00'),
    warcRecord({
      type: 'response',
      id: '22222222-0000-4000-8000-000000000003',
      date,
      uri: 'https://sputniknews.com/logo.png',
      contentType: 'application/http; msgtype=response',
      block: httpResponse('200 OK', 'image/png', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0])),
    }),
    page(2, WARC_IDS.taghrib, TAGHRIB_URL, '001_69955482a43b296f', '2022-02-12T18:40:00+03:30'),
    warcRecord({
      type: 'response',
      id: '22222222-0000-4000-8000-000000000004',
      date,
      uri: 'http://taghribnews.com/',
      contentType: 'application/http; msgtype=response',
      block: httpResponse('301 Moved Permanently', 'text/html', Buffer.from('<a href="https://www.taghribnews.com/">moved</a>')),
    }),
    page(3, WARC_IDS.other, 'https://example.org/news/lavrov-blinken', '000_6ebd8b03c1841edc', null),
  ];
  return records.map((record) => gzipSync(record));
}
