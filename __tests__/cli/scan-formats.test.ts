/** `scan --format html|csv|csv-passages|md`, to stdout and through --out. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { runCli } from './run-cli';
import { tempDir } from '../helpers/temp-dir';

const SAMPLES = join(__dirname, '..', '..', 'samples');

describe('reprint scan --format', () => {
  test.each([
    ['html', /^<!DOCTYPE html>\n[\s\S]*Sputnik International[\s\S]*<\/html>\n$/],
    ['csv', /^rank,source,target,[^\n]*\r\n1,004_c4d09dfc72624344,001_69955482a43b296f,sputniknews\.com,taghribnews\.com,true,/],
    ['csv-passages', /^rank,source,target,relation,passage,kind,[^\n]*\r\n1,004_c4d09dfc72624344,001_69955482a43b296f,syndication,1,/],
    ['md', /^## reprint: reused passages\n[\s\S]*\| 1 \| Sputnik International/],
  ])('%s to stdout, exit 0, the same bytes as through --out', async (format, shape) => {
    const r = await runCli(['scan', SAMPLES, '--format', format, '--quiet']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(shape);
    const out = join(tempDir('reprint-format-'), `report.${format}`);
    const w = await runCli(['scan', SAMPLES, '--format', format, '--out', out]);
    expect(w.code).toBe(0);
    expect(w.stderr).toContain(`reprint: wrote ${out}`);
    expect(readFileSync(out, 'utf8')).toBe(r.stdout);
  });

  test('an unknown format exits 2 and lists the choices', async () => {
    const r = await runCli(['scan', SAMPLES, '--format', 'pdf']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/Choices: .*"html", "csv", "csv-passages", "md"/);
  });

  test('--color forces ANSI colour into a file; text into a pipe stays plain', async () => {
    expect((await runCli(['scan', SAMPLES, '--quiet'])).stdout).not.toContain('\u001b');
    expect((await runCli(['scan', SAMPLES, '--quiet', '--color'])).stdout).toContain('\u001b[');
  });
});

describe('HTML report of a credited wire story', () => {
  test('the credit line is carried to the side-by-side view (side and span)', async () => {
    const r = await runCli(['scan', join(__dirname, '..', 'fixtures', 'wire-ap'), '--format', 'html', '--quiet']);
    expect(r.code).toBe(0);
    const block = /<script type="application\/json" id="reprint-data">([\s\S]*?)<\/script>/.exec(r.stdout)?.[1] ?? '';
    const data = JSON.parse(block) as { docs: { id: string; text: string }[]; pairs: { source: number; target: number; credit: { side: 0 | 1; start: number; end: number } | null }[] };
    const credited = data.pairs.filter((p) => p.credit !== null);
    expect(credited.length).toBeGreaterThan(0);
    for (const p of credited) {
      const c = p.credit;
      if (c === null) continue;
      const doc = data.docs[c.side === 0 ? p.source : p.target];
      // a credit line names an agency: the span holds AP
      expect(doc?.text.slice(c.start, c.end)).toMatch(/\bAP\b|Associated Press/);
    }
    expect(r.stdout).toContain('<span class="chip credit">');
  });
});
