/**
 * A draft pieced together from two sample articles: a paragraph of each
 * (neither found in the other samples' text as a whole), between sentences
 * of its own. Each source supplies well under half of it; together, most.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The samples' two borrowed paragraphs: article id and how the paragraph starts. */
export const MOSAIC_SOURCES = [
  { id: '003_07aa18f49e5e91c1', starts: 'US Secretary of State Anthony Blinken said earlier' },
  { id: '002_7d7de9a9c5d4ee85', starts: 'The Russian Ministry of Defense announced' },
] as const;

/** The draft's text, from the samples in `samples`. */
export function mosaicDraft(samples: string): string {
  const [first, second] = MOSAIC_SOURCES.map(({ id, starts }) => {
    const line = readFileSync(join(samples, `${id}.txt`), 'utf8').split('\n').find((l) => l.startsWith(starts));
    if (line === undefined) throw new Error(`mosaicDraft: no paragraph of ${id} starts "${starts}"`);
    return line;
  });
  return [
    'Our desk adds a first paragraph of its own about the week in diplomacy.',
    first,
    'Then a sentence of ours joins the two borrowed paragraphs together.',
    second,
    'And a closing line written here.',
  ].join('\n\n');
}
