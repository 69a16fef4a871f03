import { assessPair, classifyPassage } from '../../src/attribute';

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
