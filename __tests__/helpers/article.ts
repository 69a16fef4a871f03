/** Test articles: an id, a text and an outlet, nothing else known. */
import type { Article } from '../../src';

/** An article of `outlet` with no URL, time or title. */
export function article(id: string, text: string, outlet: string): Article {
  return {
    id,
    path: null,
    text,
    meta: {
      outlet,
      outletName: null,
      outletGroup: null,
      url: null,
      published: null,
      title: null,
      sources: { outlet: 'field', url: 'unknown', published: 'unknown', title: 'unknown' },
    },
  };
}
