/**
 * Reading the articles of a WARC file (ISO 28500; `.warc`, or `.warc.gz` with one gzip
 * member per record as Common Crawl's CC-NEWS writes it, or `.warc.zst`), streamed record
 * by record with webrecorder's `warcio`. Gzip and zstd are undone ({@link openInputBytes})
 * before warcio sees the bytes, so a cut-off download is an error we see, not a silently
 * dropped last record.
 */
import { TextDecoder } from 'node:util';
import { brotliDecompressSync, gunzipSync, inflateRawSync, inflateSync } from 'node:zlib';
import type { WARCRecord } from 'warcio';
import { InputError } from '../errors';
import type { Warning } from '../model';
import { declaredEncoding } from './declared-encoding';
import { describeFsError } from './describe-fs-error';
import { detectBinary } from './detect-binary';
import type { InputFile } from './discover-inputs';
import { extractArticleHtml } from './extract-article-html';
import { extractPublished, parsePublishedValue } from './extract-published';
import { formatErrorMessage } from './format-error-message';
import { describeStreamError, isTruncatedStream, openInputBytes } from './open-input-bytes';
import { preflightInput } from './preflight-input';
import { NOTHING_STATED, rawDocument, type RawDocument, type TextStore } from './raw-document';
import { WarningCode } from './warning-codes';

type Warcio = typeof import('warcio');
/** warcio (and the pako it brings), loaded with the first WARC file: nothing else needs it at start-up. */
let warcio: Warcio | null = null;
function loadWarcio(): Warcio {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  warcio ??= require('warcio') as Warcio;
  return warcio;
}

/** The documents of a WARC file and the warnings about it, in record order. */
export interface WarcFileResult {
  readonly documents: readonly RawDocument[];
  readonly warnings: readonly Warning[];
}

/** What {@link readWarcFile} needs. */
export interface WarcReadOptions {
  /** Largest record body kept, in bytes; bigger pages are skipped with a warning. */
  readonly maxFileBytes: number;
  /** Told the size of every chunk of the file read (progress). */
  readonly onBytes?: ((bytes: number) => void) | null;
}

/** How a record's body is read: an HTML page, plain text, or not at all. */
type BodyKind = 'html' | 'text' | null;

/**
 * Read the articles of a WARC file. Kept: `response` records of status 2xx whose HTTP
 * `Content-Type` is HTML, and `resource`/`conversion` records whose `Content-Type` is HTML
 * or plain text (e.g. WET text). Everything else (requests, metadata, redirects, images)
 * is passed over silently. HTML is reduced to the article ({@link extractArticleHtml}).
 *
 * Each document:
 * - **id**: the `WARC-Record-ID` without its `<urn:uuid:…>` wrapper. The standard makes
 *   it unique per record and it does not change when the file is re-read, while a URL is
 *   not unique: news crawls capture the same article more than once, and two captures
 *   must stay two documents (compared, they show what changed). The URL is kept in `url`.
 *   A record without an id gets `<file name>#<record number>`.
 * - **path**: `file#N`, N the record's 1-based number in the file (every record counts).
 * - **url**: `WARC-Target-URI` (stated by the record, as a JSONL field would be).
 * - **published**: the page's own date (meta tags, `<time>`, or a date at the top of the
 *   article text, as for `.html` files); else `WARC-Date`. `WARC-Date` is when the page was
 *   *captured*, so it is only an upper bound of publication: an article recaptured days
 *   later would otherwise look days younger than it is.
 * - **title**: the page's (`og:title`, `<title>`).
 *
 * Bad input: a record cut short (a truncated file, or gzip or zstd data that ends early)
 * gives one `W_TRUNCATED` warning naming the file and record; the records before it are
 * kept. Data that is not a WARC (or not gzip or zstd) gives `W_CORRUPT_INPUT` and the
 * rest of the file is skipped. A page that cannot be decoded is skipped with a warning naming its record.
 *
 * @throws InputError when a file named directly cannot be read at all.
 */
export async function readWarcFile(file: InputFile, options: WarcReadOptions, store: TextStore | null = null): Promise<WarcFileResult> {
  const warnings: Warning[] = [];
  const documents: RawDocument[] = [];
  const unreadable = await preflightInput(file);
  if (unreadable !== null) return { documents: [], warnings: [unreadable] };

  // warcio ends quietly when its source ends or fails, so the failure is kept here, and
  // the bytes fed to it are counted to see whether it parsed them all.
  let streamError: unknown = null;
  let bytesFed = 0;
  async function* guarded(): AsyncGenerator<Uint8Array> {
    try {
      for await (const chunk of openInputBytes(file, null, options.onBytes ?? null)) {
        bytesFed += chunk.length;
        yield chunk;
      }
    } catch (error) {
      streamError = error;
    }
  }
  const { WARCParser, AsyncIterReader } = loadWarcio();
  const parser = new WARCParser(new AsyncIterReader(guarded(), null));
  const fileName = file.display.slice(file.display.lastIndexOf('/') + 1);

  let complete = 0;
  /** Ends the file with one warning about record `complete + 1`. */
  const stop = (code: Warning['code'], reason: string, lost: string): void => {
    const n = complete + 1;
    const before = complete === 1 ? 'the record before it read' : `the ${complete} records before it read`;
    warnings.push({ code, where: `${file.display}#${n}`, message: `${reason}; record ${n} ${lost}${complete === 0 ? '' : `, ${before}`}` });
  };
  for (;;) {
    let record: WARCRecord | null;
    try {
      record = await parser.parse();
    } catch (error) {
      stop(WarningCode.corruptInput, `not a readable WARC record (${formatErrorMessage(error)})`, 'and the rest of the file skipped');
      break;
    }
    if (record === null) break;
    const n = complete + 1;
    const where = `${file.display}#${n}`;
    const protocol = record.warcHeaders.protocol ?? record.warcHeaders.statusline;
    if (!protocol.startsWith('WARC/')) {
      stop(WarningCode.corruptInput, `not a WARC record (starts ${JSON.stringify(protocol.slice(0, 20))})`, 'and the rest of the file skipped');
      break;
    }
    if (record.warcHeader('Content-Length') === null || record.warcHeader('Content-Length') === undefined) {
      stop(WarningCode.truncated, streamError !== null ? describeStreamError(streamError) ?? 'file ends early' : 'record has no Content-Length (file truncated?)', 'and anything after it lost');
      break;
    }
    const kind = classifyRecord(record);
    const body = await drainBody(record, kind === null ? 0 : options.maxFileBytes);
    if (!body.complete) {
      const reason = streamError !== null ? describeStreamError(streamError) ?? formatErrorMessage(streamError) : 'file ends early (truncated file)';
      stop(WarningCode.truncated, reason, 'is cut short and lost, with anything after it');
      break;
    }
    complete = n;
    if (kind === null) continue;
    if (body.bytes === null) {
      warnings.push({ code: WarningCode.fileTooLarge, where, message: `record body over the ${options.maxFileBytes}-byte limit for one article; skipped` });
      continue;
    }
    const document = toDocument(record, kind, body.bytes, where, fileName, n, store);
    if ('warning' in document) warnings.push(document.warning);
    else documents.push(document.document);
  }
  if (warnings.every((w) => w.code !== WarningCode.truncated && w.code !== WarningCode.corruptInput)) {
    if (streamError !== null) {
      const reason = describeStreamError(streamError);
      if (reason === null && file.explicit) throw new InputError(file.display, describeFsError(streamError), { cause: streamError });
      const code = isTruncatedStream(streamError) ? WarningCode.truncated : WarningCode.corruptInput;
      stop(code, reason ?? describeFsError(streamError), 'and anything after it lost');
    } else if (parser.offset < bytesFed) {
      stop(WarningCode.truncated, `${bytesFed - parser.offset} bytes at the end are not a whole record (file truncated?)`, 'lost');
    }
  }
  return { documents, warnings };
}

/** What to make of a record's body: HTML, text, or nothing. */
function classifyRecord(record: WARCRecord): BodyKind {
  switch (record.warcType) {
    case 'response': {
      const http = record.httpHeaders;
      if (http === null) return null;
      const status = Number(http.statusCode);
      if (!(status >= 200 && status < 300)) return null;
      return mediaKind(http.headers.get('Content-Type'));
    }
    case 'resource':
    case 'conversion':
      return mediaKind(record.warcContentType);
    default:
      return null;
  }
}

function mediaKind(contentType: string | null | undefined): BodyKind {
  const media = (contentType ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
  if (media === 'text/html' || media === 'application/xhtml+xml') return 'html';
  if (media === 'text/plain') return 'text';
  return null;
}

/**
 * Read a record's body to its end, keeping at most `keep` bytes (`bytes` is `null` when it
 * was longer; nothing is kept when `keep` is 0). `complete` is false when the data ended
 * before the record's `Content-Length`.
 */
async function drainBody(record: WARCRecord, keep: number): Promise<{ bytes: Uint8Array | null; complete: boolean }> {
  const reader = record.reader;
  const chunks: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of reader) {
    size += chunk.length;
    if (size <= keep) chunks.push(chunk);
  }
  // Marked as read: warcio would otherwise skip the body itself, which never ends on a short record.
  record.consumed = 'skipped';
  const complete = !(reader instanceof loadWarcio().LimitReader) || reader.limit <= 0;
  return { bytes: size <= keep ? Buffer.concat(chunks) : null, complete };
}

/** A document from a record's body, or why it was skipped. */
function toDocument(
  record: WARCRecord,
  kind: 'html' | 'text',
  raw: Uint8Array,
  where: string,
  fileName: string,
  n: number,
  store: TextStore | null,
): { document: RawDocument } | { warning: Warning } {
  const http = record.httpHeaders;
  let bytes: Uint8Array;
  try {
    bytes = http === null ? raw : decodeHttpBody(raw, http.headers);
  } catch (error) {
    return { warning: { code: WarningCode.corruptInput, where, message: `cannot decode the page (${formatErrorMessage(error)}); skipped` } };
  }
  const binary = detectBinary(bytes.subarray(0, 8192));
  if (binary !== null) return { warning: { code: WarningCode.binaryFile, where, message: `binary content (${binary}); skipped` } };
  const contentType = http === null ? record.warcContentType : http.headers.get('Content-Type');
  const source = decodeBody(bytes, contentType ?? null, kind);

  const url = record.warcTargetURI ?? null;
  const recordId = record.warcHeader('WARC-Record-ID') ?? null;
  const id = recordId === null ? null : stripRecordId(recordId);
  const fallback = [`${fileName}#${n}`, where] as const;
  const claim = { ladder: id === null ? fallback : ([id, ...fallback] as const), where };
  const stated = { ...NOTHING_STATED, url: url === null || url.trim() === '' ? null : url.trim() };
  const captured = record.warcDate ?? null;

  if (kind === 'text') {
    if (source.trim() === '') return { warning: { code: WarningCode.emptyFile, where, message: 'empty record (no text); skipped' } };
    const published = extractPublished(source) === null ? captured : null;
    return { document: rawDocument(claim, { path: where, fields: stated, embedded: { ...NOTHING_STATED, published } }, source, store) };
  }
  const page = extractArticleHtml(source);
  if (page.text.trim() === '') return { warning: { code: WarningCode.emptyFile, where, message: 'no text in the HTML; skipped' } };
  // The page's own date wins (its meta tags, else a date at the top of its text, which
  // resolveMeta finds when nothing is stated); WARC-Date, the capture time, only bounds it.
  const ownDate = page.published !== null && parsePublishedValue(page.published) !== null ? page.published : null;
  const published = ownDate ?? (extractPublished(page.text) === null ? captured : null);
  return { document: rawDocument(claim, { path: where, fields: stated, embedded: { outlet: null, url: page.url, published, title: page.title } }, page.text, store) };
}

/** `<urn:uuid:0f…>` → `0f…`; other ids lose only their angle brackets. */
function stripRecordId(recordId: string): string | null {
  const id = recordId.trim().replace(/^<(.*)>$/, '$1').replace(/^urn:uuid:/i, '').trim();
  return id === '' ? null : id;
}

/** Undo `Transfer-Encoding: chunked` and `Content-Encoding` (gzip, deflate, br). */
function decodeHttpBody(raw: Uint8Array, headers: { get(name: string): string | null | undefined }): Uint8Array {
  let bytes = raw;
  const transfer = (headers.get('Transfer-Encoding') ?? '').toLowerCase();
  if (transfer.includes('chunked')) bytes = dechunk(bytes);
  const encodings = (headers.get('Content-Encoding') ?? '').toLowerCase().split(',').map((e) => e.trim()).filter((e) => e !== '' && e !== 'identity');
  for (const encoding of encodings.reverse()) {
    if (encoding === 'gzip' || encoding === 'x-gzip') bytes = gunzipSync(bytes);
    else if (encoding === 'deflate') bytes = inflateDeflate(bytes);
    else if (encoding === 'br') bytes = brotliDecompressSync(bytes);
    else throw new Error(`unknown Content-Encoding "${encoding}"`);
  }
  return bytes;
}

function inflateDeflate(bytes: Uint8Array): Uint8Array {
  try {
    return inflateSync(bytes);
  } catch {
    return inflateRawSync(bytes); // servers often send raw deflate under this name
  }
}

/** The body of a chunked HTTP message; a body that is not chunked after all is returned as it is. */
function dechunk(bytes: Uint8Array): Uint8Array {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const parts: Buffer[] = [];
  let at = 0;
  while (at < buffer.length) {
    const lineEnd = buffer.indexOf('\r\n', at);
    if (lineEnd < 0) return bytes;
    const size = Number.parseInt(buffer.subarray(at, lineEnd).toString('latin1').split(';')[0] ?? '', 16);
    if (!Number.isFinite(size) || size < 0) return bytes;
    if (size === 0) break;
    parts.push(buffer.subarray(lineEnd + 2, lineEnd + 2 + size));
    at = lineEnd + 2 + size + 2;
  }
  return Buffer.concat(parts);
}

/**
 * Decode a page's bytes: in the encoding it declares (`declaredEncoding`: its
 * `Content-Type`, else a `<meta charset>`), else UTF-8. Bytes invalid in that
 * encoding become U+FFFD (pages in the wild are often slightly off; the text
 * is reprint's own, so offsets stay valid).
 */
function decodeBody(bytes: Uint8Array, contentType: string | null, kind: 'html' | 'text'): string {
  return new TextDecoder(declaredEncoding(bytes, contentType, kind === 'html') ?? 'utf-8').decode(bytes);
}
