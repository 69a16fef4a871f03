import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runCli } from './run-cli';
import { tempDir } from '../helpers/temp-dir';
import { parseCsv } from '../report/parse-csv';

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
    { newid: 11, date: '9-MAR-1987 12:00:00.00', body: `${b[3]}\n${b[5]}` },
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
    expect(text.stdout).toContain('Duplicate records (one article several times over: each article is at least 80% the other), largest group first:\n  #1: 3 documents; origin unknown outlet (9)\n    - 1 (unknown outlet)\n    - 5 (unknown outlet)\n    - 9 (unknown outlet)\n  #2: 2 documents; origin: simultaneous');
    expect(text.stdout.match(/^ {3}duplicate record: /gm)).toHaveLength(4);

    const ndjson = (await runCli(['scan', dump, '--field', 'id=newid', '--field', 'text=body', '--format', 'ndjson'])).stdout.trim().split('\n').map((l) => JSON.parse(l) as { type: string; members?: string[]; duplicates?: number });
    expect(ndjson.filter((l) => l.type === 'duplicates').map((l) => l.members)).toEqual([['1', '5', '9'], ['2', '7']]);
    expect(ndjson[ndjson.length - 1]).toMatchObject({ type: 'summary', duplicates: 2 });
  });

  test('HTML, Markdown and CSV mark the same pairs and list the same groups; the summary line counts the groups', async () => {
    const dump = reutersLikeDump();
    const args = ['scan', dump, '--field', 'id=newid', '--field', 'text=body'];
    const json = await runCli([...args, '--format', 'json']);
    const report = JSON.parse(json.stdout) as { pairs: { source: string; target: string }[] };
    const key = (p: { source: string; target: string }): string => [p.source, p.target].sort().join('-');
    const duplicatePairs = ['1-5', '1-9', '2-7', '5-9'];
    const ranks = report.pairs.map(key).flatMap((k, i) => (duplicatePairs.includes(k) ? [i + 1] : []));
    expect(ranks).toHaveLength(4);
    expect(report.pairs.map(key)).toEqual(expect.arrayContaining(['11-4', '11-8'])); // pairs, not duplicate records
    expect(json.stderr).toMatch(/, 2 groups of duplicate records, 1 warning in /);

    const csv = parseCsv((await runCli([...args, '--format', 'csv'])).stdout);
    const column = csv[0]?.indexOf('duplicate_record') ?? -1;
    expect(column).toBe((csv[0]?.length ?? 0) - 1);
    expect(csv.slice(1).flatMap((row) => (row[column] === 'true' ? [Number(row[0])] : []))).toEqual(ranks);
    expect(csv.slice(1).every((row) => row[column] === 'true' || row[column] === 'false')).toBe(true);

    const md = (await runCli([...args, '--format', 'md'])).stdout;
    expect(md).toContain('; 2 groups of duplicate records; ');
    const rows = md.split('\n').filter((l) => /^\| \d+ \|/.test(l));
    expect(rows.flatMap((row, i) => (row.includes('duplicate record: each article is at least 80% the other') ? [i + 1] : []))).toEqual(ranks);
    expect(md).toContain('### Duplicate records (one article several times over: each article is at least 80% the other)\n\n- #1: 3 documents; origin `9`; `1`, `5`, `9`\n- #2: 2 documents; origin: simultaneous (times tie within their precision); `2`, `7`');

    const html = (await runCli([...args, '--format', 'html'])).stdout;
    const table = html.indexOf('<table class="pairs"');
    const body = html.slice(html.indexOf('<tbody>', table), html.indexOf('</tbody>', table));
    const htmlRows = body.split('<tr>').slice(1);
    expect(htmlRows.flatMap((row, i) => (row.includes('>duplicate record: each article is at least 80% the other</span>') ? [i + 1] : []))).toEqual(ranks);
    expect(html).toContain('<dt>duplicate groups</dt><dd>2</dd>');
    const groups = /<ol class="clusters" id="duplicate-groups">(.*?)<\/ol>/.exec(html)?.[1] ?? '';
    expect(groups).not.toContain('unknown outlet'); // records without an outlet are listed by id alone
    expect(groups.split('<li>').slice(1).map((li) => [...li.matchAll(/<span class="id">([^<]*)<\/span>/g)].map((m) => m[1]))).toEqual([
      ['9', '1', '5', '9'], // origin first, then the members
      ['2', '7'],
    ]);
  });

  test('a record shorter than --min-passage-words holds no passage: two copies of it are no group unless the flag is lowered', async () => {
    const words = bodies().join(' ').split(/\s+/);
    const records = [11, 12].flatMap((n) => [0, 1].map((copy) => JSON.stringify({ newid: `w${n}-${copy}`, body: words.slice(n * 10, n * 11).join(' ') })));
    const dump = join(tempDir('reprint-short-'), 'short.jsonl');
    writeFileSync(dump, `${records.join('\n')}\n`);
    const groups = async (extra: string[]): Promise<string[][]> => {
      const r = await runCli(['scan', dump, '--field', 'id=newid', '--field', 'text=body', '--format', 'json', ...extra]);
      expect(r.code).toBe(0);
      return (JSON.parse(r.stdout) as { duplicates: { members: string[] }[] }).duplicates.map((g) => g.members);
    };
    expect(await groups([])).toEqual([['w12-0', 'w12-1']]);
    expect(await groups(['--min-passage-words', '4'])).toEqual([['w11-0', 'w11-1'], ['w12-0', 'w12-1']]);
  });
});
