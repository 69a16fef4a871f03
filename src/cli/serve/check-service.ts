/**
 * The check service: `POST /check`, `POST /articles`, `GET /health` over
 * node:http, JSON in and out. Checks read through one connection, additions
 * write through another (SQLite's write-ahead log lets reads go on while a
 * write is open); a large addition is written in batches with the event loop
 * free between them, so checks keep being answered. Every failure is a JSON
 * error `{ error: { code, message } }` with its status; nothing a client
 * sends can stop the server.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { OutletRegistry } from '../../ingest';
import type { Article } from '../../model';
import { describeFailure } from '../exit-codes';
import { checkDrafts } from '../../pipeline/check-drafts';
import { addArticlesToIndex, INDEX_BATCH } from '../../pipeline/index-articles';
import type { OpenedIndex } from '../../pipeline/open-index';
import { renderJson } from '../../report';
import { ReprintError } from '../../errors';
import { INDEX_BUSY } from '../../store';
import { errorBody, HttpError } from './http-error';
import { articleFromJson, articleFromText, articlesFromBody, isJsonType, parseJson } from './parse-article-request';
import { decodeBody, readBody } from './read-body';

/** Settings of the service. */
export interface CheckServiceSettings {
  /** Largest request body in bytes (413 past it). */
  readonly maxBodyBytes: number;
  /** Milliseconds a request may take to arrive in full (408 past it). */
  readonly requestTimeoutMs: number;
  readonly registry: OutletRegistry;
}

/** The routes: path → allowed method. */
const ROUTES: Readonly<Record<string, string>> = { '/check': 'POST', '/articles': 'POST', '/health': 'GET' };

/**
 * An HTTP server answering checks from `reader` and adding through `writer`
 * (two connections to the same index). Not listening yet.
 */
export function createCheckServer(reader: OpenedIndex, writer: OpenedIndex, settings: CheckServiceSettings): Server {
  /** Additions run one at a time, in arrival order. */
  let writing: Promise<unknown> = Promise.resolve();
  const handle = async (request: IncomingMessage, response: ServerResponse): Promise<void> => {
    const path = (request.url ?? '/').split('?')[0]!;
    const method = ROUTES[path];
    if (method === undefined) throw new HttpError(404, 'E_NOT_FOUND', `no such endpoint ${path}: use POST /check, POST /articles or GET /health`);
    if (request.method !== method) throw new HttpError(405, 'E_METHOD', `${path} takes ${method}, not ${String(request.method)}`, { Allow: method });
    if (path === '/health') {
      send(response, 200, `${JSON.stringify({ status: 'ok', documents: reader.store.countDocuments() })}\n`);
      return;
    }
    rejectFormUpload(request.headers['content-type']);
    const body = decodeBody(await readBody(request, settings.maxBodyBytes));
    if (path === '/check') {
      const draft = draftOf(body, request.headers['content-type'], settings.registry);
      const { report, largest } = checkDrafts(reader.store, [draft], reader.options);
      const top = largest[0];
      send(response, 200, renderJson(report), {
        'X-Reprint-Largest-Share': String(top?.share ?? 0),
        ...(top?.source != null ? { 'X-Reprint-Largest-Source': encodeURIComponent(top.source) } : {}),
        'X-Reprint-Reused-Share': String(top?.reused ?? 0),
        'X-Reprint-Sources': String(top?.sources ?? 0),
      });
      return;
    }
    const articles = articlesFromBody(body, settings.registry);
    const done = writing.then(() => addInTurns(writer, articles));
    writing = done.catch(() => undefined);
    send(response, 200, `${JSON.stringify(await done)}\n`);
  };
  // Check for requests past their time every second (the default, 30 s, would let a slow client hold on twice as long).
  const server = createServer({ connectionsCheckingInterval: 1000 }, (request, response) => {
    handle(request, response).catch((error: unknown) => {
      if (error instanceof HttpError) {
        send(response, error.status, errorBody(error.code, error.message), error.headers);
        return;
      }
      const { code, message } = describeFailure(error);
      // Exit code 2 (input or format) is the client's or the index's problem; 3 is ours.
      send(response, code === 2 ? 400 : 500, errorBody(code === 2 ? 'E_INPUT' : 'E_INTERNAL', message));
    });
  });
  server.requestTimeout = settings.requestTimeoutMs;
  server.headersTimeout = Math.min(settings.requestTimeoutMs, 10_000);
  server.on('clientError', (error: NodeJS.ErrnoException, socket) => {
    if (!socket.writable || error.code === 'ECONNRESET') {
      socket.destroy();
      return;
    }
    const status = error.code === 'ERR_HTTP_REQUEST_TIMEOUT' ? 408 : 400;
    const body = errorBody(status === 408 ? 'E_TIMEOUT' : 'E_REQUEST', status === 408 ? 'request took too long to arrive' : 'malformed HTTP request');
    socket.end(`HTTP/1.1 ${status} ${status === 408 ? 'Request Timeout' : 'Bad Request'}\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`);
  });
  return server;
}

/**
 * A 415 for a form upload (`multipart/form-data`, a browser's file field): its
 * body is parts with boundaries and headers, which would otherwise be checked
 * as the draft's text.
 */
function rejectFormUpload(contentType: string | undefined): void {
  if (!/^\s*multipart\//i.test(contentType ?? '')) return;
  throw new HttpError(415, 'E_MEDIA_TYPE', 'a multipart form is not read: send the text as text/plain, or JSON (application/json, JSONL as application/x-ndjson)');
}

/** The draft of a /check body: JSON when the content type says so, else plain text. */
function draftOf(body: string, contentType: string | undefined, registry: OutletRegistry): Article {
  if (!isJsonType(contentType)) return articleFromText(body, registry);
  if (body.trim() === '') throw new HttpError(400, 'E_EMPTY', 'the request body is empty: send JSON {"text": …}');
  return articleFromJson(parseJson(body, 'body'), 'body', registry, false);
}

/** How long an addition waits, in all, for another process's write lock before answering 503. */
const BUSY_WAIT_MS = 30_000;
const BUSY_RETRY_MS = 100;

/**
 * Add articles batch by batch, yielding to the event loop between batches.
 * The writer connection does not wait for the lock (that would block every
 * request): a batch that finds another process writing is tried again a
 * little later, up to {@link BUSY_WAIT_MS}, then a 503.
 */
async function addInTurns(writer: OpenedIndex, articles: readonly Article[]): Promise<{ added: number; replaced: number; unchanged: number; documents: number }> {
  const total = { added: 0, replaced: 0, unchanged: 0, documents: 0 };
  const until = Date.now() + BUSY_WAIT_MS;
  for (let from = 0; from < articles.length; from += INDEX_BATCH) {
    const batch = articles.slice(from, from + INDEX_BATCH);
    let r;
    for (;;) {
      try {
        r = await addArticlesToIndex(writer.store, batch, writer.options, { settle: false });
        break;
      } catch (error: unknown) {
        if (!(error instanceof ReprintError && error.code === INDEX_BUSY)) throw error;
        if (Date.now() > until) {
          throw new HttpError(503, 'E_BUSY', `the index is being written by another process; ${total.added + total.replaced} articles of this request were stored, try the rest again later`, { 'Retry-After': '5' });
        }
        await new Promise((resolve) => setTimeout(resolve, BUSY_RETRY_MS));
      }
    }
    total.added += r.added;
    total.replaced += r.replaced;
    total.unchanged += r.unchanged;
    total.documents = r.documents;
    await new Promise((resolve) => setImmediate(resolve));
  }
  return total;
}

function send(response: ServerResponse, status: number, body: string, headers: Readonly<Record<string, string>> = {}): void {
  if (response.headersSent) {
    response.end();
    return;
  }
  response.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Content-Length': Buffer.byteLength(body), ...headers });
  response.end(body);
}
