/**
 * The documents of a scan, in id order, as its phases read them: each
 * document's outlet (boilerplate is counted per outlet, same-outlet pairs are
 * dropped), the whole article when a candidate pair of it is aligned, and its
 * entry in the report.
 *
 * In memory ({@link documentsInMemory}) that is the articles themselves. For a
 * dump ({@link SpooledDocuments}) it is about 150 bytes a document: its id,
 * its outlet (one string per outlet), where its text is and where its
 * metadata is; texts are in the ingest's text store, metadata (path, URL,
 * title, time, provenance) in a log of JSON records, read back for the pairs
 * and for the report.
 */
import { InternalError } from '../errors';
import type { Article, ArticleMeta, ReportDocument, StoredArticle, StoredText } from '../model';
import { RecordLog, type ByteLog } from './byte-log';
import type { SpooledTexts, TaskTexts } from './spooled-records';

/** What a scan reads of its documents (index `i` in id order). */
export interface ScanDocuments {
  readonly count: number;
  id(i: number): string;
  outlet(i: number): string | null;
  /**
   * The texts of documents `ids` for a batch: where they are in a spool
   * file, for a worker thread to read them itself, or, when they are not in
   * a file, the texts.
   */
  batchTexts(ids: readonly number[]): TaskTexts;
  /** The article, text and all (read back when it was put aside). */
  article(i: number): Article;
  /** The article without reading its text back: id, path, metadata, and its text or where it is (its length either way). */
  outline(i: number): Article | StoredArticle;
}

/** Articles in memory, in the order given (a scan sorts them by id first), as {@link ScanDocuments}. */
export function documentsInMemory(articles: readonly Article[]): ScanDocuments {
  const at = (i: number): Article => {
    const a = articles[i];
    if (a === undefined) throw new InternalError(`scan documents: no document ${i} of ${articles.length}`);
    return a;
  };
  return {
    count: articles.length,
    id: (i) => at(i).id,
    outlet: (i) => at(i).meta.outlet,
    batchTexts: (ids) => ids.map((i) => at(i).text),
    article: at,
    outline: at,
  };
}

/** The report's entry for an article. */
export function toReportDocument(a: Article | StoredArticle): ReportDocument {
  return {
    id: a.id,
    ...(a.path !== null ? { path: a.path } : {}),
    outlet: a.meta.outlet,
    outletName: a.meta.outletName,
    outletGroup: a.meta.outletGroup,
    url: a.meta.url,
    published: a.meta.published,
    title: a.meta.title,
    length: a.text.length,
  };
}

/** A document kept by {@link SpooledDocuments.keep}: the little a scan needs at hand. */
export interface KeptArticle {
  readonly id: string;
  readonly outlet: string | null;
  readonly text: StoredText;
  /** Its metadata record. */
  readonly record: number;
}

/**
 * Documents whose texts are in a {@link SpooledTexts} and whose metadata is in a
 * log: {@link keep} each article as ingest resolves it, then {@link sorted}.
 */
export class SpooledDocuments {
  private readonly records: RecordLog;
  private readonly outlets = new Map<string, string>();

  constructor(
    log: ByteLog,
    private readonly texts: SpooledTexts,
  ) {
    this.records = new RecordLog(log);
  }

  /** Put the article's path and metadata aside; keep its id, outlet and text handle. */
  keep(article: StoredArticle): KeptArticle {
    const record = this.records.append(Buffer.from(JSON.stringify({ path: article.path, meta: article.meta }), 'utf8'));
    return { id: article.id, outlet: this.intern(article.meta.outlet), text: article.text, record };
  }

  /** The kept articles, sorted by id, as {@link ScanDocuments}. */
  sorted(kept: readonly KeptArticle[]): ScanDocuments {
    const at = (i: number): KeptArticle => {
      const k = kept[i];
      if (k === undefined) throw new InternalError(`scan documents: no document ${i} of ${kept.length}`);
      return k;
    };
    const stated = (k: KeptArticle): { path: string | null; meta: ArticleMeta } => {
      const bytes = this.records.read(k.record);
      return JSON.parse(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length).toString('utf8')) as { path: string | null; meta: ArticleMeta };
    };
    return {
      count: kept.length,
      id: (i) => at(i).id,
      outlet: (i) => at(i).outlet,
      batchTexts: (ids) => {
        const handles = ids.map((i) => at(i).text.handle);
        return this.texts.refs(handles) ?? handles.map((handle) => this.texts.get(handle));
      },
      article: (i) => {
        const k = at(i);
        return { id: k.id, ...stated(k), text: this.texts.get(k.text.handle) };
      },
      outline: (i) => {
        const k = at(i);
        return { id: k.id, ...stated(k), text: k.text };
      },
    };
  }

  /** One string per outlet name. */
  private intern(outlet: string | null): string | null {
    if (outlet === null) return null;
    const known = this.outlets.get(outlet);
    if (known !== undefined) return known;
    this.outlets.set(outlet, outlet);
    return outlet;
  }
}
