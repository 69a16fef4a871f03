/**
 * Reducing an HTML page to the plain text reprint works on, and collecting the page's
 * own metadata (canonical URL, published time, title) on the way, in one streaming
 * pass of `htmlparser2`.
 */
import type { Parser as HtmlParser } from 'htmlparser2';
import { isHttpUrl } from './extract-url';
import { isJsonObject } from './is-json-object';

/** The text of an HTML page and the metadata its markup states. Unknown is `null`. */
export interface ReducedHtml {
  /** Paragraphs separated by a blank line; `<br>` gives a line break. */
  readonly text: string;
  /** `<link rel=canonical>`, else `og:url`, else the JSON-LD article's `url` (absolute http(s) only). */
  readonly url: string | null;
  /**
   * The raw value of `article:published_time` (or a similar meta tag), else the
   * `datePublished` of the page's schema.org article (JSON-LD), else the first
   * `<time datetime>`.
   */
  readonly published: string | null;
  /** `og:title`, else `<title>`, whitespace collapsed. */
  readonly title: string | null;
}

type Htmlparser2 = { readonly Parser: typeof HtmlParser };
/** htmlparser2 (and the DOM packages it brings, 20 ms to load), loaded with the first HTML page: a JSONL scan or a check never needs it. */
let htmlparser2: Htmlparser2 | null = null;
function loadHtmlparser2(): Htmlparser2 {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  htmlparser2 ??= require('htmlparser2') as Htmlparser2;
  return htmlparser2;
}

/** Elements whose content is never text of the article. */
const SKIPPED = new Set(['head', 'script', 'style', 'noscript', 'template', 'svg', 'math', 'iframe', 'object', 'canvas']);

/** Elements that start and end a block: their content becomes its own paragraph. */
const BLOCKS = new Set([
  'address', 'article', 'aside', 'blockquote', 'body', 'caption', 'dd', 'details', 'dialog', 'div', 'dl', 'dt',
  'fieldset', 'figcaption', 'figure', 'footer', 'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hgroup',
  'hr', 'html', 'li', 'main', 'nav', 'ol', 'p', 'pre', 'section', 'summary', 'table', 'tbody', 'tfoot',
  'thead', 'tr', 'ul',
]);

/** Meta names/properties stating the publication time, best first. */
const PUBLISHED_META = [
  'article:published_time',
  'datepublished',
  'og:published_time',
  'pubdate',
  'publishdate',
  'publish-date',
  'dc.date.issued',
  'dc.date',
  'date',
];

/**
 * Reduce an HTML document to text. Content of `head`, `script`, `style`, `noscript`,
 * `template`, `svg` (and similar) is dropped; block elements (`p`, `div`, `h1`–`h6`, `li`,
 * `tr`, `td`, `article`, `section`, `blockquote`, …) become paragraphs separated by a blank
 * line; `<br>` is a line break; table cells are separated by a space; entities are decoded; runs of white space inside a
 * paragraph collapse to one space (also inside `pre`: layout is not kept). Offsets of
 * later stages refer to the returned `text`, not to the markup.
 */
export function reduceHtml(html: string): ReducedHtml {
  const paragraphs: string[] = [];
  let lines: string[] = [''];
  const skipping: string[] = [];
  let titleDepth = 0;
  let titleText = '';
  let canonical: string | null = null;
  let timeDatetime: string | null = null;
  const meta = new Map<string, string>();
  /** Text of the `<script type="application/ld+json">` being read, and of those read. */
  let jsonLd: string | null = null;
  const jsonLdBlocks: string[] = [];

  const flush = (): void => {
    const cleaned = lines.map((line) => line.replace(/\s+/g, ' ').trim());
    const kept: string[] = [];
    for (const line of cleaned) {
      if (line !== '' || (kept.length > 0 && kept[kept.length - 1] !== '')) kept.push(line);
    }
    while (kept.length > 0 && kept[kept.length - 1] === '') kept.pop();
    if (kept.length > 0) paragraphs.push(kept.join('\n'));
    lines = [''];
  };
  const append = (text: string): void => {
    lines[lines.length - 1] += text;
  };

  const parser = new (loadHtmlparser2().Parser)(
    {
      onopentag(name, attributes) {
        if (name === 'meta') {
          const key = (attributes['property'] ?? attributes['name'] ?? attributes['itemprop'] ?? '').toLowerCase();
          const content = attributes['content'];
          if (key !== '' && content !== undefined && !meta.has(key)) meta.set(key, content.trim());
        } else if (name === 'link') {
          const rel = (attributes['rel'] ?? '').toLowerCase().split(/\s+/);
          const href = attributes['href']?.trim();
          if (canonical === null && rel.includes('canonical') && href !== undefined) canonical = href;
        } else if (name === 'time') {
          const datetime = attributes['datetime']?.trim();
          if (timeDatetime === null && datetime !== undefined && datetime !== '') timeDatetime = datetime;
        }
        if (name === 'title' && skipping.every((element) => element === 'head')) {
          titleDepth += 1;
          return;
        }
        if (name === 'script' && (attributes['type'] ?? '').trim().toLowerCase() === 'application/ld+json') jsonLd = '';
        if (SKIPPED.has(name)) skipping.push(name);
        if (skipping.length > 0) return;
        if (BLOCKS.has(name)) flush();
        else if (name === 'br') lines.push('');
        else if (name === 'td' || name === 'th') append(' ');
      },
      ontext(text) {
        if (jsonLd !== null) jsonLd += text;
        if (titleDepth > 0) titleText += text;
        else if (skipping.length === 0) append(text);
      },
      onclosetag(name) {
        if (name === 'title' && titleDepth > 0) {
          titleDepth -= 1;
          return;
        }
        if (name === 'script' && jsonLd !== null) {
          jsonLdBlocks.push(jsonLd);
          jsonLd = null;
        }
        if (SKIPPED.has(name)) {
          const at = skipping.lastIndexOf(name);
          if (at >= 0) skipping.length = at;
          return;
        }
        if (skipping.length === 0 && BLOCKS.has(name)) flush();
      },
    },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true },
  );
  parser.write(html);
  parser.end();
  flush();

  const article = jsonLdArticle(jsonLdBlocks);
  const candidates = [canonical, meta.get('og:url') ?? null, article?.url ?? null];
  const url = candidates.find((value): value is string => value !== null && isHttpUrl(value)) ?? null;
  const published =
    PUBLISHED_META.map((key) => meta.get(key)).find((value): value is string => value !== undefined && value !== '') ??
    article?.published ??
    timeDatetime;
  const title = [meta.get('og:title'), titleText].map((value) => value?.replace(/\s+/g, ' ').trim() ?? '').find((value) => value !== '') ?? null;
  return { text: paragraphs.join('\n\n'), url, published, title };
}

/** schema.org types of a news page's main item. */
const ARTICLE_TYPE = /(?:^|:|\/)(?:Article|NewsArticle|ReportageNewsArticle|AnalysisNewsArticle|OpinionNewsArticle|BackgroundNewsArticle|BlogPosting|Report|LiveBlogPosting)$/;

/**
 * The `datePublished` and `url` of the first schema.org article in the page's
 * JSON-LD blocks (an object, an array of them, or an `@graph`), as strings;
 * `null` when there is none. A block that is not JSON is passed over (pages
 * carry broken ones; the page's other metadata still counts).
 */
function jsonLdArticle(blocks: readonly string[]): { readonly published: string | null; readonly url: string | null } | null {
  for (const block of blocks) {
    let value: unknown;
    try {
      value = JSON.parse(block) as unknown;
    } catch {
      continue;
    }
    const found = findArticle(value, 0);
    if (found !== null) {
      const page = found['mainEntityOfPage'];
      const pageId = typeof page === 'string' ? page : isJsonObject(page) && typeof page['@id'] === 'string' ? page['@id'] : null;
      return {
        published: typeof found['datePublished'] === 'string' && found['datePublished'].trim() !== '' ? found['datePublished'].trim() : null,
        url: typeof found['url'] === 'string' ? found['url'].trim() : pageId,
      };
    }
  }
  return null;
}

/** The first object (depth first, a few levels deep) whose `@type` is an article type. */
function findArticle(value: unknown, depth: number): Record<string, unknown> | null {
  if (depth > 4) return null;
  if (Array.isArray(value)) {
    for (const item of value) {
      const found = findArticle(item, depth + 1);
      if (found !== null) return found;
    }
    return null;
  }
  if (!isJsonObject(value)) return null;
  const type = value['@type'];
  const types = Array.isArray(type) ? type : [type];
  if (types.some((t) => typeof t === 'string' && ARTICLE_TYPE.test(t))) return value;
  return findArticle(value['@graph'], depth + 1);
}
