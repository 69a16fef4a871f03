/**
 * What a CLI process loads before it does anything: the web-page and WARC
 * readers (linkedom, warcio and what they bring, about 180 modules) only when
 * a page or a WARC file is read, so that a check of a text draft or a scan
 * of JSONL does not spend its start loading them.
 */
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';

const DIST = resolve(__dirname, '../../dist');

/** Run `script` in a fresh compiled-code process; it prints, as JSON, which of the lazily loaded packages are loaded at each step. */
function loadedAt(script: string): Record<string, string[]> {
  const prelude = `
    const loaded = () => ['linkedom', 'warcio'].filter((p) => Object.keys(require.cache).some((k) => k.includes('/node_modules/' + p + '/')));
    const out = {};
  `;
  const r = spawnSync('node', ['-e', `${prelude}${script}; console.log(JSON.stringify(out));`], { encoding: 'utf8', cwd: DIST });
  expect(r.stderr).toBe('');
  return JSON.parse(r.stdout) as Record<string, string[]>;
}

describe('CLI start-up', () => {
  test('the CLI loads neither the web-page reader nor the WARC reader until one is needed', () => {
    const out = loadedAt(`
      require('./cli/main.js');
      out.main = loaded();
      require('./ingest/extract-article-html.js').extractArticleHtml('<html><body><article><p>One paragraph of a page, long enough to read.</p></article></body></html>');
      out.page = loaded();
    `);
    expect(out.main).toEqual([]);
    expect(out.page).toEqual(['linkedom']);
  });
});
