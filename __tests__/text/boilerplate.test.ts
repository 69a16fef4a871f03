import { markBlockedGrams, markRepeatedLines, markShortRuns, tokenizeText } from '../../src/text';

function marked(text: string, minRepeats: number): string {
  const t = tokenizeText(text);
  const mask = markRepeatedLines(t.normalized.text, t.tokens, minRepeats);
  const out: string[] = [];
  for (let i = 0; i < t.tokens.count; i++) if (mask[i] === 1) out.push(text.slice(t.tokens.start[i], t.tokens.end[i]));
  return out.join(' ');
}

describe('markRepeatedLines', () => {
  test('a line printed three times is boilerplate; twice is not', () => {
    const footer = 'Sputnik International feedback line 252 60';
    const text = `Title here now\n\n${footer}\nBody text of the article.\n${footer}\n\n${footer}\nTitle here now`;
    // footer: 6 words × 3 occurrences; the title (twice) stays text
    expect(marked(text, 3)).toBe(Array(3).fill('Sputnik International feedback line 252 60').join(' '));
  });

  test('lines under three words never count', () => {
    expect(marked('News\nNews\nNews\nNews', 3)).toBe('');
  });
});

describe('markBlockedGrams', () => {
  test('marks every token of a blocked k-gram', () => {
    const grams = Uint32Array.from([10, 20, 30, 40]); // 4 grams of size 3 over 6 tokens
    const mask = new Uint8Array(6);
    markBlockedGrams(grams, 3, new Set([20]), mask);
    expect(Array.from(mask)).toEqual([0, 1, 1, 1, 0, 0]);
  });

  test('marks exactly what a plain set lookup marks, for hashes that share their low 16 bits', () => {
    // Blocked hashes and unblocked ones that agree with them in the low 16 bits (the
    // prefilter's key), at both ends of the uint32 range.
    const blockedValues = [0x0000_1234, 0xffff_1234, 0x8000_0000, 0xffff_ffff, 7];
    const decoys = [0x0001_1234, 0x7fff_1234, 0x8001_0000, 0x0000_ffff, 0x0001_0007];
    const grams = Uint32Array.from({ length: 200 }, (_, i) => (i % 3 === 0 ? blockedValues : decoys)[i % 5]!);
    const blocked = new Set(blockedValues);
    const expected = new Uint8Array(202);
    grams.forEach((g, i) => {
      if (blocked.has(g)) expected.fill(1, i, i + 3);
    });
    const mask = new Uint8Array(202);
    markBlockedGrams(grams, 3, blocked, mask);
    expect(Array.from(mask)).toEqual(Array.from(expected));
  });

  test('sees a set that grew since it was last used', () => {
    const blocked = new Set([5]);
    const mask = new Uint8Array(3);
    markBlockedGrams(Uint32Array.of(6), 3, blocked, mask);
    expect(Array.from(mask)).toEqual([0, 0, 0]);
    blocked.add(6);
    markBlockedGrams(Uint32Array.of(6), 3, blocked, mask);
    expect(Array.from(mask)).toEqual([1, 1, 1]);
  });
});

describe('markShortRuns', () => {
  /** The mask of `grams` (k = 3) with `blocked` (k-gram → article count), runs of 10 tokens or more left unmarked. */
  const marked = (grams: number[], blocked: [number, number][]): number[] => {
    const mask = new Uint8Array(grams.length + 2);
    markShortRuns(Uint32Array.from(grams), 3, new Map(blocked), mask, 10);
    return Array.from(mask);
  };

  test('marks a run shorter than a passage and leaves one as long as a passage', () => {
    // Grams 1–5 blocked: tokens [1, 8), 7 tokens, marked.
    expect(marked([0, 1, 2, 3, 4, 5, 0, 0, 0, 0], [[1, 30], [2, 30], [3, 30], [4, 30], [5, 30]])).toEqual([0, 1, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0]);
    // Grams 1–8 blocked: tokens [1, 11), 10 tokens, left as text.
    expect(marked([0, 1, 2, 3, 4, 5, 6, 7, 8, 0], [1, 2, 3, 4, 5, 6, 7, 8].map((g) => [g, 30]))).toEqual(new Array(12).fill(0));
  });

  test('bridges grams whose tokens overlap or leave up to 3 words between them (an edit), and not a longer gap', () => {
    const eight = [1, 2, 3, 4, 5, 6, 7, 8].map((g): [number, number] => [g, 30]);
    // Blocked grams at 0–3 and 5–8 (gram 4 not): their tokens overlap, one run of tokens [0, 11).
    expect(marked([1, 2, 3, 4, 0, 5, 6, 7, 8, 0], eight)).toEqual(new Array(12).fill(0));
    // Blocked grams at 0–3 and 7–10: tokens [0, 6) and [7, 13), one word between them (a changed word): one run, left.
    expect(marked([1, 2, 3, 4, 0, 0, 0, 5, 6, 7, 8], eight)).toEqual(new Array(13).fill(0));
    // Three words between them ([0, 6) and [9, 15)): still one run.
    expect(marked([1, 2, 3, 4, 0, 0, 0, 0, 0, 5, 6, 7, 8], eight)).toEqual(new Array(15).fill(0));
    // Four words between them ([0, 6) and [10, 16)): two short runs, each marked, the gap not.
    expect(marked([1, 2, 3, 4, 0, 0, 0, 0, 0, 0, 5, 6, 7, 8], eight)).toEqual([1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1]);
  });

  test('ends a run where the article counts jump: a footer more articles print is its own run', () => {
    // A story in 24 articles (grams 1–8) then a footer in 34 (grams 9–12): the story is left, the footer marked.
    const grams = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12];
    const blocked: [number, number][] = [...[1, 2, 3, 4, 5, 6, 7, 8].map((g): [number, number] => [g, 24]), ...[9, 10, 11, 12].map((g): [number, number] => [g, 34])];
    expect(marked(grams, blocked)).toEqual([0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1]);
    // Counts within the ratio: one run, all left.
    const close: [number, number][] = blocked.map(([g]) => [g, g <= 8 ? 30 : 34]);
    expect(marked(grams, close)).toEqual(new Array(14).fill(0));
    // A header line more articles print, before the story: its own run, marked.
    const header: [number, number][] = blocked.map(([g]) => [g, g <= 4 ? 34 : 24]);
    expect(marked(grams, header)).toEqual([1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0]);
  });

  test('k-grams near the bar keep a run whole and are never marked themselves', () => {
    // A story whose grams 3 and 8 reach the bar (20 articles, blocked) and the rest are just under it (19, near).
    const grams = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12];
    const blocked = new Map([[3, 20], [8, 20]]);
    const near = new Map(grams.filter((g) => !blocked.has(g)).map((g): [number, number] => [g, 19]));
    const mask = (withNear: ReadonlyMap<number, number>): number[] => {
      const m = new Uint8Array(grams.length + 2);
      markShortRuns(Uint32Array.from(grams), 3, blocked, m, 10, withNear);
      return Array.from(m);
    };
    // Without them, the blocked grams are two short runs: marked.
    expect(mask(new Map())).toEqual([0, 0, 1, 1, 1, 0, 0, 1, 1, 1, 0, 0, 0, 0]);
    // With them, one run of 14 tokens: left.
    expect(mask(near)).toEqual(new Array(14).fill(0));
    // A short run of near and blocked grams marks the blocked grams' tokens only; near grams alone mark nothing.
    const short = [0, 0, 1, 2, 3, 4, 0, 0, 0, 0, 0, 0];
    const m = new Uint8Array(short.length + 2);
    markShortRuns(Uint32Array.from(short), 3, new Map([[3, 20]]), m, 10, new Map([[1, 19], [2, 19], [4, 19]]));
    expect(Array.from(m)).toEqual([0, 0, 0, 0, 1, 1, 1, 0, 0, 0, 0, 0, 0, 0]);
    const none = new Uint8Array(short.length + 2);
    markShortRuns(Uint32Array.from(short), 3, new Map([[99, 20]]), none, 10, new Map([[1, 19], [2, 19], [4, 19]]));
    expect(Array.from(none)).toEqual(new Array(14).fill(0));
  });

  test('does not split a run inside it: a stock phrase in more articles, a sentence edited in some, all left', () => {
    const grams = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12];
    const story = (inside: number): [number, number][] => grams.map((g) => [g, g === 6 || g === 7 ? inside : 24]);
    // Grams 6–7: a stock phrase in 200 articles, or a sentence 14 of the 24 copies kept unedited.
    expect(marked(grams, story(200))).toEqual(new Array(14).fill(0));
    expect(marked(grams, story(14))).toEqual(new Array(14).fill(0));
    // The pieces on either side alone are shorter than a passage: split there, both would be marked.
    expect(marked([1, 2, 3, 4, 5], story(200).slice(0, 5))).toEqual([1, 1, 1, 1, 1, 1, 1]);
  });
});
