import { assignIds, type IdClaim } from '../../src/ingest/assign-ids';

const claim = (where: string, ...ladder: [string, ...string[]]): IdClaim => ({ ladder, where });

describe('assignIds', () => {
  test('unique first choices are kept, no warnings', () => {
    expect(assignIds([claim('a.txt', 'a'), claim('b.txt', 'b')])).toEqual({ ids: ['a', 'b'], warnings: [] });
  });

  test('two files with the same name: both get their relative path, with a warning each', () => {
    const result = assignIds([claim('in/x/story.txt', 'story', 'x/story'), claim('in/y/story.md', 'story', 'y/story'), claim('in/z.txt', 'z')]);
    expect(result.ids).toEqual(['x/story', 'y/story', 'z']);
    expect(result.warnings).toEqual([
      { code: 'W_DUPLICATE_ID', where: 'in/x/story.txt', message: 'id "story" is used by more than one document; using "x/story"' },
      { code: 'W_DUPLICATE_ID', where: 'in/y/story.md', message: 'id "story" is used by more than one document; using "y/story"' },
    ]);
  });

  test('same name, different extension in one folder: moves on to the path with extension', () => {
    const result = assignIds([
      claim('d/x.txt', 'x', 'x', 'd/x', 'd/x.txt'),
      claim('d/x.md', 'x', 'x', 'd/x', 'd/x.md'),
    ]);
    expect(result.ids).toEqual(['d/x.txt', 'd/x.md']);
  });

  test('JSONL duplicate ids fall back to file:line', () => {
    const result = assignIds([claim('f.jsonl:1', '7', 'f.jsonl:1'), claim('f.jsonl:2', '7', 'f.jsonl:2'), claim('f.jsonl:3', '8', 'f.jsonl:3')]);
    expect(result.ids).toEqual(['f.jsonl:1', 'f.jsonl:2', '8']);
  });

  test('ladder exhausted: numbered suffixes in input order', () => {
    expect(assignIds([claim('p', 'same'), claim('q', 'same')]).ids).toEqual(['same~1', 'same~2']);
  });

  test('ids are always unique', () => {
    const claims = [claim('1', 'a', 'b'), claim('2', 'b'), claim('3', 'a', 'c'), claim('4', 'c')];
    const { ids } = assignIds(claims);
    expect(new Set(ids).size).toBe(ids.length);
  });
});
