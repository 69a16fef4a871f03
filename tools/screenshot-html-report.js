#!/usr/bin/env node
/**
 * Screenshot of the samples' HTML report for the README (docs/html-report.png):
 * scans samples/ with the built library (npm run build first), opens the page in
 * Debian's chromium through playwright-core, opens the first pair's
 * side-by-side view, selects a passage, and captures the page from the top to
 * the end of that view.
 *
 *   node tools/screenshot-html-report.js [OUT.png]
 */
'use strict';
const { mkdtempSync, writeFileSync } = require('node:fs');
const { tmpdir } = require('node:os');
const { join } = require('node:path');
const { pathToFileURL } = require('node:url');
const { chromium } = require('playwright-core');
const { scanWithTexts, renderHtml } = require('../dist');

async function main() {
  const out = process.argv[2] ?? join(__dirname, '..', 'docs', 'html-report.png');
  const { report, texts } = await scanWithTexts(['samples']);
  const file = join(mkdtempSync(join(tmpdir(), 'reprint-shot-')), 'report.html');
  writeFileSync(file, renderHtml(report, texts));
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium' });
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(pathToFileURL(file).href);
    await page.click('button.view >> nth=0');
    await page.locator('.sbs .plist li').nth(1).click();
    const end = await page.locator('tr.viewer').evaluate((e) => e.getBoundingClientRect().bottom + window.scrollY);
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: out, fullPage: true, clip: { x: 0, y: 0, width: 1280, height: Math.ceil(end) + 16 } });
    process.stdout.write(`wrote ${out}\n`);
  } finally {
    await browser.close();
  }
}

main().catch((error) => {
  process.stderr.write(`${String(error)}\n`);
  process.exitCode = 1;
});
