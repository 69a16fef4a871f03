/**
 * Reducing an HTML page to the plain text reprint works on, and collecting the page's
 * own metadata (canonical URL, published time, title) on the way, in one streaming
 * pass of `htmlparser2`.
 */
import { Parser } from 'htmlparser2';
import { isHttpUrl } from './extract-url';

/** The text of an HTML page and the metadata its markup states. Unknown is `null`. */
export interface ReducedHtml {
  /** Paragraphs separated by a blank line; `<br>` gives a line break. */
  readonly text: string;
  /** `<link rel=canonical>`, else `og:url` (absolute http(s) only). */
  readonly url: string | null;
  /** The raw value of `article:published_time` (or a similar meta tag), else the first `<time datetime>`. */
  readonly published: string | null;
  /** `og:title`, else `<title>`, whitespace collapsed. */
  readonly title: string | null;
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

  const parser = new Parser(
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
        if (SKIPPED.has(name)) skipping.push(name);
        if (skipping.length > 0) return;
        if (BLOCKS.has(name)) flush();
        else if (name === 'br') lines.push('');
        else if (name === 'td' || name === 'th') append(' ');
      },
      ontext(text) {
        if (titleDepth > 0) titleText += text;
        else if (skipping.length === 0) append(text);
      },
      onclosetag(name) {
        if (name === 'title' && titleDepth > 0) {
          titleDepth -= 1;
          return;
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

  const candidates = [canonical, meta.get('og:url') ?? null];
  const url = candidates.find((value): value is string => value !== null && isHttpUrl(value)) ?? null;
  const published =
    PUBLISHED_META.map((key) => meta.get(key)).find((value): value is string => value !== undefined && value !== '') ??
    timeDatetime;
  const title = [meta.get('og:title'), titleText].map((value) => value?.replace(/\s+/g, ' ').trim() ?? '').find((value) => value !== '') ?? null;
  return { text: paragraphs.join('\n\n'), url, published, title };
}
