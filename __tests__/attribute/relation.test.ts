import { assessPair, classifyPassage, isDuplicate } from '../../src/attribute';

describe('classifyPassage', () => {
  test('quote when quoted on both sides, else by similarity', () => {
    expect(classifyPassage(1, 0.9, 0.6, 0.5)).toBe('quote');
    expect(classifyPassage(1, 0.9, 0.1, 0.5)).toBe('verbatim');
    expect(classifyPassage(0.9, 0, 0, 0.5)).toBe('near-verbatim');
    expect(classifyPassage(0.5, 0, 0, 0.5)).toBe('paraphrase');
  });
});

describe('assessPair', () => {
  test('syndication when own passages cover the share of either side', () => {
    // source 1000 chars, 400 reused (0.4 ≥ 0.3); target 2000 chars
    const a = assessPair([{ source: { start: 0, end: 400 }, target: { start: 100, end: 500 }, kind: 'verbatim' }], 1000, 2000, 0.3);
    expect(a).toEqual({ relation: 'syndication', score: 0.4, coverage: { source: 0.4, target: 0.2 } });
  });

  test('a condensed passage covers its segments, not the source text left out between them', () => {
    const passage = {
      source: { start: 0, end: 800 },
      target: { start: 0, end: 300 },
      kind: 'verbatim' as const,
      segments: [
        { source: { start: 0, end: 150 }, target: { start: 0, end: 150 } },
        { source: { start: 650, end: 800 }, target: { start: 150, end: 300 } },
      ],
    };
    const a = assessPair([passage], 1000, 1000, 0.3);
    expect(a.coverage).toEqual({ source: 0.3, target: 0.3 });
    const { segments: _, ...outer } = passage;
    expect(assessPair([outer], 1000, 1000, 0.3).coverage.source).toBe(0.8);
  });

  test('partial below the share', () => {
    const a = assessPair([{ source: { start: 0, end: 100 }, target: { start: 0, end: 100 }, kind: 'near-verbatim' }], 1000, 1000, 0.3);
    expect(a.relation).toBe('partial');
  });

  test('shared-quote when every passage is a quote; quotes count half in the score', () => {
    const a = assessPair([{ source: { start: 0, end: 500 }, target: { start: 0, end: 500 }, kind: 'quote' }], 1000, 1000, 0.3);
    expect(a).toEqual({ relation: 'shared-quote', score: 0.25, coverage: { source: 0.5, target: 0.5 } });
  });

  test('overlapping passages are counted once in coverage', () => {
    const p = [
      { source: { start: 0, end: 300 }, target: { start: 0, end: 300 }, kind: 'verbatim' as const },
      { source: { start: 200, end: 400 }, target: { start: 500, end: 700 }, kind: 'verbatim' as const },
    ];
    expect(assessPair(p, 1000, 1000, 0.3).coverage).toEqual({ source: 0.4, target: 0.5 });
  });
});

describe('isDuplicate', () => {
  const both = (share: number) => ({ source: share, target: share });
  test('a syndication or shared-quote pair covering at least 80% of each side is a duplicate record; a partial one never is', () => {
    expect(isDuplicate({ relation: 'syndication', coverage: both(0.8) })).toBe(true);
    // An article made mostly of quotations, filed twice: its one passage is a quote in both.
    expect(isDuplicate({ relation: 'shared-quote', coverage: both(0.99) })).toBe(true);
    expect(isDuplicate({ relation: 'partial', coverage: both(1) })).toBe(false);
  });

  test('one side under 80% is reuse, not a duplicate', () => {
    expect(isDuplicate({ relation: 'syndication', coverage: { source: 0.95, target: 0.79 } })).toBe(false);
    expect(isDuplicate({ relation: 'shared-quote', coverage: { source: 0.5, target: 0.99 } })).toBe(false);
  });
});
