import { alignDocuments, editSimilarity, prepareAlignable, alignSettingsOf } from '../../src/align';
import { resolveOptions } from '../../src/options';

const SETTINGS = alignSettingsOf(resolveOptions());
const tokenizeText = (text: string) => prepareAlignable(text, 80);

const COPIED =
  'Moscow has consistently dismissed increasingly shrill claims by Western officials and media that it is preparing to invade Ukraine, blasting the US and its allies.';

describe('alignDocuments', () => {
  test('a re-paragraphed verbatim copy aligns as one passage with exact spans', () => {
    const source = `Intro sentence that is only here. ${COPIED} Closing words of the source.`;
    const target = `Other opening.\n\n${COPIED.replace('media that', 'media\nthat')}\nAnd more.`;
    const [p, ...rest] = alignDocuments(tokenizeText(source), tokenizeText(target), SETTINGS);
    expect(rest).toEqual([]);
    expect(p).toBeDefined();
    if (p === undefined) return;
    // spans run from the first to the last copied word (final full stop excluded)
    expect(source.slice(p.a.start, p.a.end)).toBe(COPIED.slice(0, -1));
    expect(target.slice(p.b.start, p.b.end).replace('\n', ' ')).toBe(COPIED.slice(0, -1));
    expect(p.similarity).toBe(1);
  });

  test('light edits are bridged into one passage with similarity below 1', () => {
    const source = COPIED;
    const target = COPIED.replace('increasingly shrill', 'shrill').replace('blasting', 'and blasted');
    const ps = alignDocuments(tokenizeText(source), tokenizeText(target), SETTINGS);
    expect(ps).toHaveLength(1);
    expect(ps[0]?.similarity).toBeLessThan(1);
    expect(ps[0]?.similarity).toBeGreaterThan(0.8);
  });

  test('unrelated texts align to nothing', () => {
    const ps = alignDocuments(
      tokenizeText('The quick brown fox jumps over the lazy dog near the river bank today.'),
      tokenizeText(COPIED),
      SETTINGS,
    );
    expect(ps).toEqual([]);
  });

  test('a shared phrase under minPassageWords is not a passage', () => {
    const phrase = 'the propaganda campaign launched by the United States'; // 8 words
    const ps = alignDocuments(tokenizeText(`Alpha beta ${phrase} gamma.`), tokenizeText(`Delta ${phrase} epsilon.`), SETTINGS);
    expect(ps).toEqual([]);
  });
});

describe('editSimilarity', () => {
  test('reference values', () => {
    // kitten → sitting: distance 3, longer length 7 → 1 - 3/7
    expect(editSimilarity('kitten', 'sitting')).toBeCloseTo(1 - 3 / 7, 10);
    expect(editSimilarity('', '')).toBe(1);
    expect(editSimilarity('abc', '')).toBe(0);
  });
});
