import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runCli } from './run-cli';
import { tempDir } from '../helpers/temp-dir';

const SAMPLES = join(__dirname, '..', '..', 'samples');

/** Six distinct bodies of 70 words: consecutive stretches of one sample article. */
function bodies(): string[] {
  const words = readFileSync(join(SAMPLES, '003_07aa18f49e5e91c1.txt'), 'utf8').split(/\s+/).filter((w) => w !== '');
  return Array.from({ length: 6 }, (_, i) => `${words.slice(i * 70, (i + 1) * 70).join(' ')}\n Reuter\n`);
}

// A Reuters-21578-shaped dump (`newid`, `title`, `date`, `body`): body 0 filed three times, body 1 twice, the rest once.
function reutersLikeDump(): string {
  const b = bodies();
  const records = [
    { newid: 1, date: '2-MAR-1987 10:00:00.00', body: b[0] },
    { newid: 2, date: '3-MAR-1987 09:00:00.00', body: b[1] },
    { newid: 3, date: '3-MAR-1987 09:30:00.00', body: b[2] },
    { newid: 4, date: '4-MAR-1987 11:00:00.00', body: b[3] },
    { newid: 5, date: '5-MAR-1987 15:01:01.79', body: b[0] },
    { newid: 6, date: '6-MAR-1987 08:00:00.00', body: b[4] },
    { newid: 7, date: '3-MAR-1987 09:05:00.00', body: b[1] },
    { newid: 8, date: '7-MAR-1987 12:00:00.00', body: b[5] },
    { newid: 9, date: '26-FEB-1987 15:01:01.79', body: b[0] },
    { newid: 10, date: '8-MAR-1987 12:00:00.00' },
  ].map((r) => JSON.stringify({ ...r, title: `Story ${r.newid}` }));
  const dump = join(tempDir('reprint-duplicates-'), 'reuters.jsonl');
  writeFileSync(dump, `${records.join('\n')}\n`);
  return dump;
}

describe('reprint scan: duplicate records', () => {
  test('a Reuters-shaped dump with its fields mapped: its groups of identical bodies are the duplicate groups, dated ones with their origin', async () => {
    const dump = reutersLikeDump();
    const r = await runCli(['scan', dump, '--field', 'id=newid', '--field', 'text=body', '--format', 'json']);
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout) as { duplicates: unknown[]; pairs: { source: string; target: string; relation: string }[] };
    expect(report.duplicates).toEqual([
      // 26 Feb is more than a day before 2 and 5 Mar: ordered even as local times of unknown zone.
      { id: 1, size: 3, members: ['1', '5', '9'], origin: '9', originBasis: 'earliest' },
      // Five minutes apart, zone unknown: not ordered.
      { id: 2, size: 2, members: ['2', '7'], origin: null, originBasis: 'simultaneous' },
    ]);
    const key = (p: { source: string; target: string }): string => [p.source, p.target].sort().join('-');
    expect(report.pairs.map(key).filter((k) => ['1-5', '1-9', '5-9', '2-7'].includes(k)).sort()).toEqual(['1-5', '1-9', '2-7', '5-9']);
    // Body 1 is mostly quotations: its two copies are a shared-quote pair, and still duplicate records.
    expect(report.pairs.find((p) => key(p) === '2-7')?.relation).toBe('shared-quote');

    const text = await runCli(['scan', dump, '--field', 'id=newid', '--field', 'text=body']);
    expect(text.stdout).toContain('Duplicate records (one article several times over: each pair at least 80% the same text), largest group first:\n  #1: 3 documents; origin unknown outlet (9)\n    - 1 (unknown outlet)\n    - 5 (unknown outlet)\n    - 9 (unknown outlet)\n  #2: 2 documents; origin: simultaneous');
    expect(text.stdout.match(/^ {3}duplicate record: /gm)).toHaveLength(4);

    const ndjson = (await runCli(['scan', dump, '--field', 'id=newid', '--field', 'text=body', '--format', 'ndjson'])).stdout.trim().split('\n').map((l) => JSON.parse(l) as { type: string; members?: string[]; duplicates?: number });
    expect(ndjson.filter((l) => l.type === 'duplicates').map((l) => l.members)).toEqual([['1', '5', '9'], ['2', '7']]);
    expect(ndjson[ndjson.length - 1]).toMatchObject({ type: 'summary', duplicates: 2 });
  });
});
