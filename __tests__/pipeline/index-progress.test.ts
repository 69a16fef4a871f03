/**
 * `index add` reports its phases in order, each from 0 to its total (the
 * library's onProgress), and on a terminal shows one line per phase, read
 * to merge, cleared at the end.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Article } from '../../src';
import { addArticlesToIndex } from '../../src/pipeline/index-articles';
import { openIndex } from '../../src/pipeline/open-index';
import { main } from '../../src/cli/main';
import { tempDir } from '../helpers/temp-dir';

/** `n` short articles, each its own story. */
function articles(n: number): Article[] {
  return Array.from({ length: n }, (_, i) => ({
    id: `p${String(i).padStart(4, '0')}`,
    path: null,
    text: `Story ${i} begins here. Officials in town ${i % 97} said item ${i} cost ${i * 3} dollars on day ${i % 28}. The vote on plan ${i} is due soon.`,
    meta: { outlet: null } as Article['meta'],
  }));
}

describe('index progress', () => {
  test('sketch → write → merge, each from 0 to its total', async () => {
    const { store, options } = openIndex(join(tempDir('reprint-index-progress-'), 'index.db'), {}, { create: true });
    const seen: [string, number, number][] = [];
    // 1,100 articles: three write batches (512, 512, 76), three segments merged at the end.
    await addArticlesToIndex(store, articles(1100), options, { onProgress: (phase, done, total) => seen.push([phase, done, total]) });
    expect(store.countSegments()).toBe(1);
    store.close();
    const phases = seen.map(([p]) => p).filter((p, i, all) => i === 0 || all[i - 1] !== p);
    expect(phases).toEqual(['sketch', 'write', 'merge']);
    for (const phase of phases) {
      const rows = seen.filter(([p]) => p === phase);
      expect(rows[0]![1]).toBe(0);
      const [, done, total] = rows[rows.length - 1]!;
      expect(done).toBe(total);
      for (let i = 1; i < rows.length; i++) expect(rows[i]![1]).toBeGreaterThan(rows[i - 1]![1]);
    }
    expect(seen.filter(([p]) => p === 'sketch').pop()![2]).toBe(1100);
    expect(seen.filter(([p]) => p === 'write').map(([, done]) => done)).toEqual([0, 512, 1024, 1100]);
    // At least four key ranges (four per thread).
    expect(seen.filter(([p]) => p === 'merge').pop()![2]).toBeGreaterThanOrEqual(4);
  });

  test('on a terminal: a line for each phase from read to merge, cleared at the end', async () => {
    const dir = tempDir('reprint-index-progress-cli-');
    const dump = join(dir, 'dump.jsonl');
    writeFileSync(dump, articles(1100).map((a) => JSON.stringify({ id: a.id, text: a.text })).join('\n'));
    let stderr = '';
    let stdout = '';
    const code = await main(['index', 'add', dump, '--index', join(dir, 'index.db'), '--workers', '1'], {
      stdout: (t) => (stdout += t),
      stderr: (t) => (stderr += t),
      stderrIsTty: true,
    });
    expect(code).toBe(0);
    expect(stdout).toMatch(/1,100 added/);
    const shown = [...stderr.matchAll(/\r(\w+): /g)].map((m) => m[1]).filter((p, i, all) => i === 0 || all[i - 1] !== p);
    expect(shown).toEqual(['read', 'sketch', 'write', 'merge']);
    expect(stderr).toMatch(/write: 1100\/1100 articles/);
    expect(stderr.endsWith('\r\u001b[K')).toBe(true);
  });
});
