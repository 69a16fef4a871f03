/**
 * The HTML report in a real headless browser (Debian's chromium through
 * playwright-core): markup from the articles never runs and shows literally,
 * also in an opened side-by-side view, also with the page's CSP removed (so
 * escaping alone is tested); the page makes no request but for itself.
 *
 * Without /usr/bin/chromium the tests are skipped with a message, unless
 * REPRINT_REQUIRE_BROWSER=1 (CI), which makes a missing browser a failure.
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { scanWithTexts } from '../../src';
import { renderHtml } from '../../src/report';
import { PAYLOADS, scanInjection } from '../report/injection-corpus';
import { scanSamples } from '../report/samples-scan';
import { tempDir } from '../helpers/temp-dir';

const CHROMIUM = '/usr/bin/chromium';
const HAVE_BROWSER = existsSync(CHROMIUM);
const REQUIRED = process.env['REPRINT_REQUIRE_BROWSER'] === '1';
if (!HAVE_BROWSER && !REQUIRED) {
  console.warn(`SKIPPED: HTML report browser tests: ${CHROMIUM} not found (apt-get install chromium; REPRINT_REQUIRE_BROWSER=1 makes this a failure)`);
}
const describeBrowser = HAVE_BROWSER || REQUIRED ? describe : describe.skip;

jest.setTimeout(60_000);

interface Opened {
  readonly page: Page;
  readonly requests: string[];
  readonly problems: string[];
  readonly url: string;
}

const dir = tempDir('reprint-html-');
let browser: Browser | undefined;

async function open(html: string, name: string): Promise<Opened> {
  if (browser === undefined) throw new Error('no browser');
  const file = join(dir, name);
  writeFileSync(file, html);
  const url = pathToFileURL(file).href;
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  const requests: string[] = [];
  const problems: string[] = [];
  page.on('request', (r) => requests.push(r.url()));
  page.on('dialog', (d) => {
    problems.push(`dialog: ${d.message()}`);
    void d.dismiss();
  });
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(`console error: ${m.text()}`);
  });
  await page.goto(url, { waitUntil: 'load' });
  return { page, requests, problems, url };
}

async function pwned(page: Page): Promise<unknown> {
  return page.evaluate('window.__reprintPwned');
}

beforeAll(async () => {
  if (!HAVE_BROWSER) {
    if (REQUIRED) throw new Error(`REPRINT_REQUIRE_BROWSER=1 but ${CHROMIUM} is missing: install Debian's chromium`);
    return;
  }
  browser = await chromium.launch({ executablePath: CHROMIUM });
});

afterAll(async () => {
  await browser?.close();
});

describeBrowser('HTML report in chromium: markup in the input', () => {
  let page: string;
  beforeAll(async () => {
    const { report, texts } = await scanInjection();
    expect(report.pairs).toHaveLength(1);
    page = renderHtml(report, texts);
  });

  const variants: [string, (html: string) => string][] = [
    ['as written (with its CSP)', (html) => html],
    ['with the CSP removed (escaping alone)', (html) => html.replace(/<meta http-equiv="Content-Security-Policy"[^>]*>/, '')],
  ];

  test.each(variants)('%s: nothing runs, the text shows literally, before and after opening the side-by-side view', async (name, variant) => {
    const html = variant(page);
    if (name.startsWith('with the CSP removed')) expect(html).not.toContain('Content-Security-Policy');
    const { page: p, requests, problems, url } = await open(html, `injection-${name.length}.html`);
    const title = await p.title();
    expect(title).toBe('reprint report: 2 documents, 1 pairs');
    expect(await pwned(p)).toBeUndefined();
    const before = await p.locator('body').innerText();
    expect(before).toContain('Evil <script>window.__reprintPwned');
    expect(before).toContain('Copier <svg onload=');
    expect(before).toContain('Talks <script>');

    await p.click('button.view');
    const view = p.locator('.sbs');
    await view.waitFor();
    const sides = view.locator('.side .text');
    expect(await sides.count()).toBe(2);
    for (let k = 0; k < 2; k++) {
      const text = (await sides.nth(k).textContent()) ?? '';
      for (const payload of PAYLOADS) expect(text).toContain(payload);
    }
    const heads = (await view.locator('.side-head').allInnerTexts()).join('\n');
    expect(heads).toContain(`Talks ${PAYLOADS[0]} resume </p> <img src=x onerror=`);
    expect(heads).toContain('Copy: <svg onload=');
    expect(heads).toContain('javascript:window.__reprintPwned = "url"; document.title = "PWNED" (not an http(s) URL: no link)');
    // the copied passage is a highlighted mark that carries the markup as text
    const marked = (await sides.nth(0).locator('mark').allTextContents()).join('');
    expect(marked).toContain(PAYLOADS[0]);
    await sides.nth(0).locator('mark').first().click();
    expect(await sides.nth(1).locator('mark.active').count()).toBeGreaterThan(0);

    // nothing the input carried became an element, and the javascript: URL is no link
    expect(await p.locator('img, iframe, object, embed, link, style:not(head > style)').count()).toBe(0);
    expect(await p.locator('svg').count()).toBe(1);
    expect(await p.locator('script').count()).toBe(2);
    const hrefs = await p.locator('a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    expect(hrefs).toEqual(['https://copier.example/story?a="><script>window.__reprintPwned="href"</script>']);

    expect(await pwned(p)).toBeUndefined();
    expect(await p.title()).toBe(title);
    expect(problems).toEqual([]);
    expect(requests).toEqual([url]);
    await p.close();
  });
});

describeBrowser('HTML report in chromium: the samples', () => {
  test('names Sputnik → Taghrib, loads nothing external, and links passages across the two sides', async () => {
    const { report, texts } = await scanSamples();
    const { page: p, requests, problems, url } = await open(renderHtml(report, texts), 'samples.html');
    const firstRow = await p.locator('#pairs tbody tr').first().innerText();
    expect(firstRow).toMatch(/Sputnik International \(sputniknews\.com\)[\s\S]*→[\s\S]*Taghrib News \(taghribnews\.com\)[\s\S]*syndication/);
    expect(await p.locator('.matrix').innerText()).toContain('Sputnik International');
    expect(await p.locator('svg.graph').innerHTML()).toContain('Sputnik International → Taghrib News');

    await p.click('button.view >> nth=0');
    const sides = p.locator('.sbs .side .text');
    const pair = report.pairs[0];
    if (pair === undefined) throw new Error('no pair');
    // each passage's source text is one run of marks on the left
    const leftMarks = await sides.nth(0).locator('mark').count();
    expect(leftMarks).toBeGreaterThanOrEqual(pair.passages.length);
    // clicking a passage in the list marks it on both sides, and those marks hold its two texts
    for (let i = 0; i < pair.passages.length; i++) {
      const passage = pair.passages[i];
      if (passage === undefined) continue;
      await p.locator('.sbs .plist li').nth(i).click();
      const activeLeft = (await sides.nth(0).locator('mark.active').allTextContents()).join('');
      const activeRight = (await sides.nth(1).locator('mark.active').allTextContents()).join('');
      const src = texts.get(pair.source) ?? '';
      const tgt = texts.get(pair.target) ?? '';
      expect(src.slice(passage.source.start, passage.source.end)).toContain(activeLeft.slice(0, 40));
      expect(tgt.slice(passage.target.start, passage.target.end)).toContain(activeRight.slice(0, 40));
      expect(activeLeft.length).toBeGreaterThan(0);
      expect(activeRight.length).toBeGreaterThan(0);
    }
    // the filter keeps the rows holding every word typed
    const visible = async (): Promise<number> => p.locator('#pairs > tbody > tr:not(.viewer):visible').count();
    await p.fill('#filter', 'sputnik TAGHRIB');
    expect(await visible()).toBe(report.pairs.filter((x) => [x.source, x.target].includes('004_c4d09dfc72624344') && [x.source, x.target].includes('001_69955482a43b296f')).length);
    await p.fill('#filter', 'partial');
    expect(await visible()).toBe(report.pairs.filter((x) => x.relation === 'partial').length);
    await p.fill('#filter', '');
    expect(await visible()).toBe(report.pairs.length);
    expect(problems).toEqual([]);
    expect(requests).toEqual([url]);
    await p.close();
  });
});

describeBrowser('HTML report in chromium: a duplicate record of one outlet', () => {
  test('its pairs stand on the matrix diagonal, shaded and readable (not hatched over), and its row carries the note', async () => {
    const story = 'Lavrov and Blinken spoke by phone on Saturday at the request of the US side, and the ministers discussed security guarantees and the situation around Ukraine at length. ';
    const docs = join(dir, 'duplicate');
    mkdirSync(docs, { recursive: true });
    const record = (id: string, url: string): string => JSON.stringify({ id, url, text: story.repeat(3) });
    writeFileSync(join(docs, 'dump.jsonl'), `${record('a', 'https://example.com/a')}\n${record('b', 'https://example.com/a?page=1')}\n`);
    const { report, texts } = await scanWithTexts([docs], {});
    expect(report.pairs.map((x) => x.sameOutlet)).toEqual([true]);
    const { page: p, problems } = await open(renderHtml(report, texts), 'duplicate.html');
    const cell = p.locator('.matrix td.self').first();
    expect(await cell.innerText()).toBe('1↔');
    // Runs in the page (this project's types have no DOM): the cell's computed style.
    type Style = { readonly backgroundImage: string; readonly color: string; readonly backgroundColor: string };
    const look = await cell.evaluate((td) => {
      const style = (globalThis as unknown as { getComputedStyle(element: unknown): Style }).getComputedStyle(td);
      return { image: style.backgroundImage, color: style.color, background: style.backgroundColor };
    });
    // A pattern over the heat colour hid the count: white text on a white hatch.
    expect(look.image).toBe('none');
    expect(look.background).not.toBe(look.color);
    expect(await p.locator('#pairs tbody tr').first().innerText()).toContain('same outlet, example.com: a duplicate record');
    expect(problems).toEqual([]);
    await p.close();
  });
});

describeBrowser('HTML report in chromium: a credited wire story', () => {
  test('the credit line is outlined in the side-by-side view', async () => {
    const { report, texts } = await scanWithTexts([join(__dirname, '..', 'fixtures', 'wire-ap')], {});
    const index = report.pairs.findIndex((p) => p.credit !== null);
    const pair = report.pairs[index];
    if (pair === undefined || pair.credit === null) throw new Error('the fixture has no credited pair');
    const { page: p, problems } = await open(renderHtml(report, texts), 'wire-ap.html');
    await p.click(`button.view[data-pair="${index}"]`);
    const credit = p.locator('.sbs .credit');
    expect(await credit.count()).toBeGreaterThan(0);
    const shown = (await credit.allTextContents()).join('');
    expect(texts.get(pair.credit.in)?.slice(pair.credit.span.start, pair.credit.span.end)).toBe(shown);
    expect(problems).toEqual([]);
    await p.close();
  });
});

describeBrowser('HTML report in chromium: right-to-left text', () => {
  test('a Persian copy reads right to left in the side-by-side view', async () => {
    const { report, texts } = await scanWithTexts([join(__dirname, '..', 'fixtures', 'persian')], {});
    expect(report.pairs).toHaveLength(1);
    const { page: p, problems } = await open(renderHtml(report, texts), 'persian.html');
    await p.click('button.view >> nth=0');
    const sides = p.locator('.sbs .side .text');
    expect(await sides.count()).toBe(2);
    const direction = (e: unknown): string => (globalThis as unknown as { getComputedStyle(x: unknown): { direction: string } }).getComputedStyle(e).direction;
    for (let i = 0; i < 2; i++) expect(await sides.nth(i).evaluate(direction)).toBe('rtl');
    expect(problems).toEqual([]);
    await p.close();
  });
});
