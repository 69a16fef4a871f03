/**
 * Test helper (not a test): two articles whose shared passage, titles, outlet
 * names and URLs carry markup that would run code if a report pasted it into
 * HTML. Each payload, if it ran, would set `window.__reprintPwned` and the
 * document title to `PWNED`.
 */
import type { Article, PublishedTime } from '../../src';
import { scanArticles, type Report } from '../../src';
import { resolveOptions } from '../../src/options';
import { article } from '../helpers/article';

/** The markup, each piece as it stands in the article text. */
export const PAYLOADS = [
  `<script>window.__reprintPwned = 'script'; document.title = 'PWNED'</script>`,
  `<img src=x onerror="window.__reprintPwned = 'img'; document.title = 'PWNED'">`,
  `<svg onload="window.__reprintPwned = 'svg'; document.title = 'PWNED'">`,
  `</p>`,
  `</script><script>window.__reprintPwned = 'breakout'; document.title = 'PWNED'</script>`,
  `<!-- <style>body{display:none}</style>`,
] as const;

const SHARED = [
  `The ministry said on Saturday that talks with its neighbours would resume next week in the capital, ${PAYLOADS[0]} according to officials who spoke after the meeting.`,
  `Negotiators from both sides are expected to discuss border crossings, grain exports and the release of detained fishermen ${PAYLOADS[1]} before the end of the month.`,
  `A spokesman described the earlier round as constructive but warned that no agreement was likely ${PAYLOADS[2]} until the question of tariffs had been settled.`,
  `Opposition leaders criticised the government for keeping the agenda secret ${PAYLOADS[3]} and demanded that parliament be briefed on every proposal put forward.`,
  `Analysts said the outcome would shape regional trade for years ${PAYLOADS[4]} and that markets had already priced in a modest deal on fishing rights.`,
  `The next meeting is planned for Thursday morning ${PAYLOADS[5]} at the foreign ministry, where both delegations will present revised drafts of the accord.`,
].join('\n\n');

function instant(iso: string): PublishedTime {
  const from = Date.parse(iso);
  return { kind: 'instant', text: iso, interval: { from, to: from + 60_000 }, zoneSource: 'explicit', zone: 'UTC+00:00' };
}

function injected(id: string, text: string, outlet: string, outletName: string, url: string, title: string, published: string): Article {
  const base = article(id, text, outlet);
  const sources = { outlet: 'field', url: 'field', published: 'field', title: 'field' } as const;
  return { ...base, meta: { ...base.meta, outletName, url, published: instant(published), title, sources } };
}

/** The two articles: `evil-source` published first, `evil-copy` reusing its body. */
export function injectionArticles(): Article[] {
  return [
    injected(
      'evil-source',
      `Talks to resume next week, ministry says\n\n${SHARED}\n\nReporting by the desk staff.`,
      'evil.example',
      `Evil <script>window.__reprintPwned = 'outlet'; document.title = 'PWNED'</script> News`,
      'javascript:window.__reprintPwned = "url"; document.title = "PWNED"',
      `Talks ${PAYLOADS[0]} resume </p> <img src=x onerror="window.__reprintPwned = 'title'; document.title = 'PWNED'">`,
      '2022-02-12T08:00+00:00',
    ),
    injected(
      'evil-copy',
      `Regional talks back on the table\n\nOur correspondent writes from the capital.\n\n${SHARED}\n\nMore on this story later today.`,
      'copier.example',
      `Copier <svg onload="window.__reprintPwned = 'outlet2'; document.title = 'PWNED'"> Daily`,
      'https://copier.example/story?a="><script>window.__reprintPwned="href"</script>',
      `Copy: <svg onload="window.__reprintPwned = 'title2'; document.title = 'PWNED'"> talks </p>`,
      '2022-02-12T15:00+00:00',
    ),
  ];
}

/** The injection articles scanned, with their texts. */
export async function scanInjection(): Promise<{ report: Report; texts: ReadonlyMap<string, string> }> {
  const articles = injectionArticles();
  const report = await scanArticles(articles, resolveOptions());
  return { report, texts: new Map(articles.map((a) => [a.id, a.text])) };
}
