/**
 * Reducing a crawled web page to its article: Mozilla's Readability (the algorithm
 * behind Firefox's Reader View) on a `linkedom` DOM keeps the article body and drops
 * navigation, footers, related-story lists and the like; the text is then made by
 * {@link reduceHtml}, so paragraphs look as for any HTML input.
 */
import { Readability } from '@mozilla/readability';
import { reduceHtml, type ReducedHtml } from './reduce-html';

type Linkedom = typeof import('linkedom', { with: { 'resolution-mode': 'import' } });
/**
 * linkedom, loaded with the first page to parse: about 120 modules, 60 ms of
 * every process's start (a check of a text draft, a scan of JSONL) that only
 * web pages need. Its type declarations describe only its ES module build;
 * `require` loads its CommonJS build (`cjs/`), which has the same API.
 */
let linkedom: Linkedom | null = null;
function parseHTML(html: string): ReturnType<Linkedom['parseHTML']> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  linkedom ??= require('linkedom') as Linkedom;
  return linkedom.parseHTML(html);
}

/** The article of a page, its markup's metadata, and which reduction made the text. */
export interface ExtractedArticle extends ReducedHtml {
  /** `readability` when Readability found an article, else `whole-page` ({@link reduceHtml} on the page). */
  readonly extractor: 'readability' | 'whole-page';
}

/**
 * The article text of an HTML page. Metadata (canonical URL, published time, title) is
 * read from the whole page by {@link reduceHtml}, never from Readability's guesses, so it
 * follows the same rules as for `.html` files. When Readability finds nothing (or
 * throws on odd markup), the whole page is reduced instead.
 */
export function extractArticleHtml(html: string): ExtractedArticle {
  const page = reduceHtml(html);
  const article = readArticle(html);
  if (article !== null) {
    const text = reduceHtml(article).text;
    if (text.trim() !== '') return { ...page, text, extractor: 'readability' };
  }
  return { ...page, extractor: 'whole-page' };
}

/** Readability's article markup, or `null` when it finds none. */
function readArticle(html: string): string | null {
  try {
    const { document } = parseHTML(html);
    // linkedom's document implements the part of the DOM Readability uses.
    const parsed = new Readability(document as unknown as ConstructorParameters<typeof Readability>[0]).parse();
    return parsed?.content ?? null;
  } catch {
    return null;
  }
}
