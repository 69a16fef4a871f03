/**
 * A reproducible synthetic news corpus with planted syndication, written as a
 * JSONL dump (`id`, `url`, `published`, `title`, `text`) with its ground truth.
 *
 * - 50 invented outlets, each with its own domain, UTC offset and footer
 *   (a sign-up blurb and a copyright line from shared templates, so stock
 *   phrases recur across outlets as they do on the web), appended to every
 *   article it publishes.
 * - Originals: a story of 7–10 paragraphs from `news-text.ts` (≈ 2.5 KB with
 *   the footer).
 * - Planted copies (`copyShare`, default 10 %): an earlier original of another
 *   outlet (each original copied at most once, so no pair is implied by two
 *   copies of one source), published 10 minutes to 3 days later, every
 *   sentence lightly edited (up to 10 % of its words replaced or dropped) and
 *   re-paragraphed, with the copier's footer. Half are whole copies (some
 *   credit the source); half embed 3–6 consecutive paragraphs of the original
 *   between 1–3 paragraphs of the copier's own before and after.
 *
 * Everything comes from one seeded stream: the same seed and size give the
 * same bytes. The writer streams, keeping only recent originals in memory, so
 * a million articles need no more memory than ten thousand.
 */
import { closeSync, openSync, writeFileSync, writeSync } from 'node:fs';
import { createNewsWriter, type NewsWriter, type Story, type Topic } from './news-text';
import { generateNameLists } from './news-words';
import { createSeededRandom, type SeededRandom } from './seeded-random';

/** Bumped whenever the generator's output changes (cached corpora carry it in their name). */
export const GENERATOR_VERSION = 2;

/** An invented outlet. */
export interface Outlet {
  readonly name: string;
  readonly domain: string;
  /** UTC offset in minutes of the times it prints. */
  readonly offsetMinutes: number;
  readonly footer: readonly string[];
}

/** One planted (source, copy) pair. */
export interface PlantedPair {
  readonly source: string;
  readonly copy: string;
  readonly kind: 'whole' | 'embedded';
  readonly credited: boolean;
}

/** The ground truth written next to the dump. */
export interface GroundTruth {
  readonly version: 1;
  readonly generatorVersion: number;
  readonly seed: number;
  readonly articles: number;
  readonly bytes: number;
  readonly pairs: readonly PlantedPair[];
}

/** Options of {@link writeSyntheticCorpus}. */
export interface SyntheticCorpusOptions {
  readonly articles: number;
  /** @default 1 */
  readonly seed?: number;
  /** Share of articles that are planted copies. @default 0.1 */
  readonly copyShare?: number;
}

const NEWSPAPER_WORDS = [
  'Herald', 'Courier', 'Gazette', 'Tribune', 'Post', 'Chronicle', 'Observer', 'Ledger', 'Times', 'Journal',
  'Dispatch', 'Sentinel', 'Review', 'Express', 'Record', 'Mirror', 'Star', 'Echo', 'Bulletin', 'Register',
];
const TLDS = ['.com', '.com', '.com', '.net', '.co.uk', '.com.au', '.ca', '.ie', '.co.nz', '.org', '.news', '.co.za'];
const OFFSETS = [0, 60, 120, -300, -240, -480, 330, 600, 180, 540, -180, 480];
const SIGN_UPS = [
  "Sign up for the {name} morning briefing and get the day's top stories in your inbox. Subscribe at {domain}/newsletter.",
  'Never miss a story: follow {name} on social media and download our free app for breaking news alerts.',
  'Support independent journalism. Become a {name} member today from just $1 a week at {domain}/support.',
  'Get the {name} weekend edition delivered to your door. Subscribers can read every article without ads.',
  'Have a news tip? Contact the {name} newsroom at tips@{domain} or message us securely.',
  'Enjoyed this article? Share it with a friend and sign up for our free daily newsletter at {domain}.',
  'This story is part of our local news coverage. Read more from {name} at {domain}.',
];
const COPYRIGHTS = [
  '© {year} {name}. All rights reserved.',
  'Copyright {year} {name} Media Group. This material may not be published, broadcast, rewritten or redistributed.',
  '{name} is an independent news publisher. Terms of use and privacy policy apply.',
  '© {name} {year}. Reproduction without written permission is prohibited.',
];
const SECTIONS = ['news', 'world', 'politics', 'business', 'local', 'national', 'economy', 'society'];
/** 2024-01-01T00:00:00Z: the first article's time. */
const START_MS = Date.UTC(2024, 0, 1);
/** Originals a copier may draw from (the most recent ones). */
const RECENT_ORIGINALS = 2000;

/** Fifty invented outlets with distinct names and domains. */
export function generateOutlets(random: SeededRandom, count = 50): Outlet[] {
  const places = generateNameLists(random.fork()).places;
  const outlets: Outlet[] = [];
  const domains = new Set<string>();
  while (outlets.length < count) {
    const name = `${random.chance(0.3) ? 'The ' : ''}${random.pick(places)} ${random.pick(NEWSPAPER_WORDS)}`;
    const domain = name.replace(/^The /, '').replace(/\s+/g, '').toLowerCase() + random.pick(TLDS);
    if (domains.has(domain)) continue;
    domains.add(domain);
    const fill = (template: string): string =>
      template.replaceAll('{name}', name).replaceAll('{domain}', domain).replaceAll('{year}', '2024').replace(/\bthe The /g, 'the ');
    const footer = [fill(random.pick(SIGN_UPS))];
    if (random.chance(0.7)) footer.push(fill(random.pick(COPYRIGHTS)));
    outlets.push({ name, domain, offsetMinutes: random.pick(OFFSETS), footer });
  }
  return outlets;
}

/** An original kept for copying: its story, topic, outlet, time and id. */
interface Original {
  readonly id: string;
  readonly outlet: Outlet;
  readonly publishedMs: number;
  readonly story: Story;
  readonly topic: Topic;
}

/**
 * Write `articles` articles to `file` (JSONL) and return the ground truth (also
 * written to `truthFile` when given).
 */
export function writeSyntheticCorpus(file: string, options: SyntheticCorpusOptions, truthFile?: string): GroundTruth {
  const seed = options.seed ?? 1;
  const copyShare = options.copyShare ?? 0.1;
  const random = createSeededRandom(seed);
  const writer = createNewsWriter(random.fork());
  const outlets = generateOutlets(random.fork());
  const recent: Original[] = [];
  const pairs: PlantedPair[] = [];
  const fd = openSync(file, 'w');
  let pending: string[] = [];
  let pendingChars = 0;
  let bytes = 0;
  const flush = (): void => {
    const chunk = Buffer.from(pending.join(''), 'utf8');
    writeSync(fd, chunk);
    bytes += chunk.length;
    pending = [];
    pendingChars = 0;
  };
  try {
    let clock = START_MS;
    for (let i = 0; i < options.articles; i++) {
      clock += random.between(1, 6) * 60_000;
      const id = `syn-${String(i).padStart(7, '0')}`;
      const outlet = random.pick(outlets);
      const r = random.fork();
      let story: Story;
      let extra: string[] = [];
      const source = random.chance(copyShare) ? takeSource(random, recent, outlet, clock) : null;
      if (source === null) {
        const topic = writer.newTopic(r);
        story = writer.story(r, topic, r.between(7, 10));
        recent.push({ id, outlet, publishedMs: clock, story, topic });
        if (recent.length > RECENT_ORIGINALS) recent.shift();
      } else {
        const whole = r.chance(0.5);
        const credited = whole && r.chance(0.3);
        story = whole ? copyWhole(r, source.story, writer.substitutes) : embedPart(r, writer, source);
        if (credited) extra = [r.pick([`This article was originally published by ${source.outlet.name}.`, `Source: ${source.outlet.domain}`])];
        pairs.push({ source: source.id, copy: id, kind: whole ? 'whole' : 'embedded', credited });
      }
      const text = [...story.paragraphs.map((p) => p.join(' ')), ...extra, ...outlet.footer].join('\n\n');
      const line = JSON.stringify({
        id,
        url: articleUrl(outlet, clock, story.title, i, r),
        published: formatZoned(clock, outlet.offsetMinutes),
        title: story.title,
        text,
      });
      pending.push(line, '\n');
      pendingChars += line.length + 1;
      if (pendingChars > 1 << 20) flush();
    }
    flush();
  } finally {
    closeSync(fd);
  }
  const truth: GroundTruth = { version: 1, generatorVersion: GENERATOR_VERSION, seed, articles: options.articles, bytes, pairs };
  if (truthFile !== undefined) writeFileSync(truthFile, `${JSON.stringify(truth)}\n`);
  return truth;
}

/**
 * Take (and remove) a recent original of another outlet published at least 10
 * minutes and at most 3 days before `now`; `null` when none is found in a few tries.
 */
function takeSource(random: SeededRandom, recent: Original[], outlet: Outlet, now: number): Original | null {
  for (let attempt = 0; attempt < 8 && recent.length > 0; attempt++) {
    const k = recent.length - 1 - random.int(Math.min(recent.length, 400));
    const candidate = recent[k]!;
    const age = now - candidate.publishedMs;
    if (candidate.outlet === outlet || age < 10 * 60_000 || age > 3 * 86_400_000) continue;
    recent.splice(k, 1);
    return candidate;
  }
  return null;
}

/** Replace or drop up to 10 % of a sentence's words (at least none, at most ⌊10 %⌋). */
export function editSentence(random: SeededRandom, sentence: string, substitutes: readonly string[]): string {
  const words = sentence.split(' ');
  const edits = random.int(Math.floor(words.length * 0.1) + 1);
  for (let e = 0; e < edits; e++) {
    const k = random.between(1, words.length - 1);
    const word = words[k]!;
    const match = /^([A-Za-z]+)(.*)$/.exec(word);
    if (match === null) continue;
    const tail = match[2] ?? '';
    if (tail === '' && random.chance(0.4)) words.splice(k, 1);
    else words[k] = random.pick(substitutes) + tail;
  }
  return words.join(' ');
}

/** Group sentences into paragraphs of 1–4 sentences. */
function reparagraph(random: SeededRandom, sentences: readonly string[]): string[][] {
  const out: string[][] = [];
  for (let k = 0; k < sentences.length; ) {
    const n = random.between(1, 4);
    out.push(sentences.slice(k, k + n));
    k += n;
  }
  return out;
}

/** A whole copy: every sentence edited, re-paragraphed; sometimes the last paragraph dropped. */
function copyWhole(random: SeededRandom, story: Story, substitutes: readonly string[]): Story {
  const paragraphs = random.chance(0.3) && story.paragraphs.length > 3 ? story.paragraphs.slice(0, -1) : story.paragraphs;
  const sentences = paragraphs.flat().map((s) => editSentence(random, s, substitutes));
  const title = random.chance(0.5) ? story.title : editSentence(random, story.title, substitutes);
  return { title, paragraphs: reparagraph(random, sentences) };
}

/** 3–6 consecutive paragraphs of the original, edited and re-paragraphed, inside the copier's own. */
function embedPart(random: SeededRandom, writer: NewsWriter, source: Original): Story {
  const paragraphs = source.story.paragraphs;
  const count = random.between(3, Math.min(6, paragraphs.length));
  const start = random.int(paragraphs.length - count + 1);
  const sentences = paragraphs.slice(start, start + count).flat().map((s) => editSentence(random, s, writer.substitutes));
  const own = (n: number): string[][] => writer.story(random, source.topic, n).paragraphs.map((p) => [...p]);
  return {
    title: writer.title(random, source.topic),
    paragraphs: [...own(random.between(1, 3)), ...reparagraph(random, sentences), ...own(random.between(1, 3))],
  };
}

/** `https://www.<domain>/<section>/<yyyy>/<mm>/<dd>/<slug>-<n>`. */
function articleUrl(outlet: Outlet, ms: number, title: string, n: number, random: SeededRandom): string {
  const d = new Date(ms + outlet.offsetMinutes * 60_000);
  const slug = title
    .toLowerCase()
    .replace(/[^a-z0-9 ]+/g, '')
    .split(' ')
    .slice(0, 6)
    .join('-');
  const date = `${d.getUTCFullYear()}/${pad(d.getUTCMonth() + 1)}/${pad(d.getUTCDate())}`;
  return `https://www.${outlet.domain}/${random.pick(SECTIONS)}/${date}/${slug}-${n}`;
}

/** ISO 8601 local time with its offset: `2024-01-03T17:42:00+05:30`. */
export function formatZoned(ms: number, offsetMinutes: number): string {
  const d = new Date(ms + offsetMinutes * 60_000);
  const sign = offsetMinutes < 0 ? '-' : '+';
  const abs = Math.abs(offsetMinutes);
  return (
    `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}` +
    `T${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:00${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`
  );
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}
