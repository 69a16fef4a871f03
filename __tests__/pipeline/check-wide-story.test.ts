/**
 * A draft that copies a story the archive holds hundreds of times is found.
 * Every band bucket of such a story's windows holds more than 200 archived
 * articles; when check mode skipped oversized buckets, the draft was
 * reported clean (measured: 250 archived copies, no pair, exit 0).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkDrafts, type Article } from '../../src';
import { DEFAULT_MAX_BUCKET_SIZE } from '../../src/lsh';
import { addArticlesToIndex } from '../../src/pipeline/index-articles';
import { openIndex } from '../../src/pipeline/open-index';
import { article } from '../helpers/article';
import { tempDir } from '../helpers/temp-dir';

const STORY = readFileSync(join(__dirname, '..', '..', 'samples', '004_c4d09dfc72624344.txt'), 'utf8');

/** A distinct short article of its own words. */
function unrelated(n: number): string {
  return Array.from({ length: 6 }, (_, i) => `Reporter ${n * 100 + i} wrote about river ${n + i} and bridge ${n * 7 + i} near town ${n * 13 + i} yesterday.`).join(' ');
}

/** An archive of `copies` outlets carrying the story (in id order) and 10 articles of their own. */
function archive(copies: number): Article[] {
  const carriers = Array.from({ length: copies }, (_, i) => article(`copy-${String(i).padStart(3, '0')}`, `Outlet ${i} carries this report.\n\n${STORY}`, `carrier${i}.example`));
  const others = Array.from({ length: 10 }, (_, i) => article(`own-${i}`, unrelated(i + 1), `own${i}.example`));
  return [...carriers, ...others];
}

const DRAFT: Article = {
  ...article('draft', `An editor's opening line, written for this draft alone.\n\n${STORY}\n\nA closing paragraph of the draft's own, with nothing copied in it.`, 'x'),
  meta: { ...article('draft', '', 'x').meta, outlet: null },
};

async function check(copies: number): Promise<string[]> {
  const { store, options } = openIndex(join(tempDir('reprint-wide-'), 'index.db'), {}, { create: true });
  try {
    await addArticlesToIndex(store, archive(copies), options);
    const { report } = checkDrafts(store, [DRAFT], options);
    for (const pair of report.pairs) expect([pair.source, pair.target]).toContain('draft');
    return report.pairs.map((p) => (p.source === 'draft' ? p.target : p.source)).sort();
  } finally {
    store.close();
  }
}

describe('check against a story archived many times', () => {
  test('a story archived fewer times than the bucket limit: every copy is a source', async () => {
    const sources = await check(40);
    expect(sources).toEqual(Array.from({ length: 40 }, (_, i) => `copy-${String(i).padStart(3, '0')}`));
  });

  test(`a story archived more than ${DEFAULT_MAX_BUCKET_SIZE} times: the draft is not clean, its sources are the earliest archived copies`, async () => {
    const copies = DEFAULT_MAX_BUCKET_SIZE + 20;
    const sources = await check(copies);
    expect(sources).toEqual(Array.from({ length: DEFAULT_MAX_BUCKET_SIZE }, (_, i) => `copy-${String(i).padStart(3, '0')}`));
  }, 60_000);
});
