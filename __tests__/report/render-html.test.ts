/**
 * The HTML report as text: self-contained, its CSP pins its own style and
 * script, its data block gives the texts back and cannot end early, and input
 * markup never becomes markup. (The browser test opens it for real.)
 */
import { createHash } from 'node:crypto';
import { renderHtml } from '../../src/report';
import type { Report } from '../../src';
import { sampleText, scanSamples } from './samples-scan';
import { PAYLOADS, scanInjection } from './injection-corpus';

let samples: { report: Report; texts: ReadonlyMap<string, string> };
let html: string;
beforeAll(async () => {
  samples = await scanSamples();
  html = renderHtml(samples.report, samples.texts);
});

function between(page: string, open: RegExp, close: string): string[] {
  const out: string[] = [];
  for (const m of page.matchAll(new RegExp(`${open.source}([\\s\\S]*?)${close}`, 'g'))) out.push(m[1] ?? '');
  return out;
}

/** The page without its JSON data block. */
function markupOnly(page: string): string {
  return page.replace(/<script type="application\/json" id="reprint-data">[\s\S]*?<\/script>/, '');
}

describe('renderHtml on the samples', () => {
  test('self-contained: no external style, script, font, image or link in the markup', () => {
    const markup = markupOnly(html);
    expect(markup).not.toMatch(/<link\b/i);
    expect(markup).not.toMatch(/\s(src|href|srcset|poster|action)=/i);
    expect(markup).not.toMatch(/url\((?!#)|@import|@font-face/i); // url(#id): the SVG's own arrow markers
    // the only URL in the markup is SVG's namespace
    expect(markup.match(/https?:\/\/[^\s"'<>]+/g)).toEqual(['http://www.w3.org/2000/svg']);
  });

  test('the Content-Security-Policy allows exactly the inline style and script by hash, and no fetches', () => {
    const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(html)?.[1]?.replace(/&#39;/g, "'") ?? '';
    expect(csp).toMatch(/default-src 'none'/);
    const hash = (s: string): string => `'sha256-${createHash('sha256').update(s, 'utf8').digest('base64')}'`;
    const styles = between(html, /<style>/, '</style>');
    const scripts = between(markupOnly(html), /<script>/, '</script>');
    expect(styles).toHaveLength(1);
    expect(scripts).toHaveLength(1);
    expect(csp).toContain(`style-src ${hash(styles[0] ?? '')};`);
    expect(csp).toContain(`script-src ${hash(scripts[0] ?? '')};`);
  });

  test('the data block holds no "<" and gives back every text of a document in a pair', () => {
    const block = between(html, /<script type="application\/json" id="reprint-data">/, '</script>')[0] ?? '';
    expect(block).not.toContain('<');
    const data = JSON.parse(block) as { docs: { id: string; text: string }[]; pairs: { source: number; target: number }[] };
    expect(data.pairs).toHaveLength(samples.report.pairs.length);
    for (const d of data.docs) expect(d.text).toBe(sampleText(d.id));
    const first = data.pairs[0];
    expect([data.docs[first?.source ?? -1]?.id, data.docs[first?.target ?? -1]?.id]).toEqual([samples.report.pairs[0]?.source, samples.report.pairs[0]?.target]);
  });

  test('names Sputnik → Taghrib in the matrix, the graph and the first pair', () => {
    expect(html).toMatch(/<th scope="row" title="Sputnik International">Sputnik International<\/th>(<td[^>]*><\/td>)*<td class="h\d"[^>]*title="Sputnik International → Taghrib News: 1 directed pair \(1 uncredited\), 0 undirected">1<\/td>/);
    expect(html).toMatch(/marker-end="url\(#arrow-u\)"><title>Sputnik International → Taghrib News: 1 directed pair, 1 uncredited<\/title>/);
    const firstRow = /<tr><td class="num">1<\/td>[\s\S]*?<\/tr>/.exec(html)?.[0] ?? '';
    expect(firstRow).toMatch(/Sputnik International \(sputniknews\.com\)[\s\S]*→[\s\S]*Taghrib News \(taghribnews\.com\)/);
  });
});

describe('renderHtml on articles carrying markup', () => {
  test('the shared passage carries the payloads (so this test tests something)', async () => {
    const { report, texts } = await scanInjection();
    const pair = report.pairs[0];
    expect(pair).toBeDefined();
    const copied = (pair?.passages ?? []).map((p) => texts.get(pair?.source ?? '')?.slice(p.source.start, p.source.end) ?? '').join('\n');
    expect(copied).toContain(PAYLOADS[0]);
    expect(copied).toContain(PAYLOADS[1]);
  });

  test('no input markup becomes markup: only the report\'s own two scripts and one svg, no img, no javascript: link', async () => {
    const { report, texts } = await scanInjection();
    const page = renderHtml(report, texts);
    expect(page.match(/<script\b/g)).toHaveLength(2);
    expect(page.match(/<svg\b/g)).toHaveLength(1);
    expect(page).not.toMatch(/<img\b|<style>body|<!--/);
    expect(page).not.toMatch(/<(?:[^>"]|"[^"]*")*\son(error|load)=/i);
    expect(markupOnly(page)).not.toMatch(/javascript:|\shref=/); // the URL is data, shown as text by the script
    // titles and outlet names are in the markup, escaped
    expect(markupOnly(page)).toContain('Talks &lt;script&gt;window.__reprintPwned');
    expect(markupOnly(page)).toContain('Evil &lt;script&gt;');
  });
});
