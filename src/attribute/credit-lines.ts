/**
 * Credit lines: where an article says whose work it carries. Reused news is often
 * credited (`WASHINGTON (AP) —`, `By Reuters`, `Source: TASS`, `— AFP`, a link), and a
 * credited copy is syndication, not plagiarism.
 *
 * Rules, applied per line (a paragraph) of the original text:
 * - `agency-dateline`: `(Name)` where the name is a known agency (`AP`, `Reuters`,
 *   `AFP`, `TASS`, …), or 1–4 capitalised words followed by a dash (`(CNN) —`). It
 *   counts only (i) at the paragraph start, (ii) after a place of capitalised words or
 *   numbers that starts the paragraph (`New York (Reuters)`, `BEIJING, March 3 (Xinhua)`),
 *   (iii) after an ALL-CAPS place anywhere (`… WASHINGTON (AP)`, for glued scraped
 *   text), or (iv) after a capitalised place when a dash follows. The span runs from
 *   the place (or the parenthesis) through `)` and the dash, if any.
 * - `byline`: a line that is only `By <names>` (capitalised names, connectors such as
 *   `and`/`of`/`the`, separators `,` `|` `/` `&`, role words such as `staff`); or `By
 *   <agency>` at a line start followed by a separator (`By Reuters | March 5`).
 * - `source-line`: `Source(s): <names|domain|URL>` to the line end, at a line start or
 *   after a sentence end; `Originally published by X`, `This article originally appeared
 *   on X` (also `first`, `ran`, `posted`, `in`/`at`), X being a URL, a domain or
 *   capitalised names up to the sentence end.
 * - `via`: `(via <names|domain|URL>)`; `via <agency>` anywhere; a line that is `via <names>`.
 * - `dash-credit`: a dash and a name ending a paragraph (`… said. — Reuters`, `- AP`): an
 *   agency after any dash preceded by a space; other names (1–3 capitalised words) only
 *   after a sentence end or alone on the line.
 * - `link`: an `http(s)` URL whose registered domain is not the article's own
 *   (`ownDomain`), skipping image and page assets.
 *
 * A credit that starts inside quotation marks ({@link findQuotedSpans}) is dropped, as
 * is a credit inside another credit's span (a URL inside `Source: https://…`).
 *
 * Names are lower-cased; agency aliases are normalised (`the associated press`, `ap` →
 * `ap`; `agence france-presse` → `afp`; `thomson reuters` → `reuters`; `itar-tass` →
 * `tass`); trailing role words (`staff`, `writer`, …) are dropped.
 */
import { parse } from 'tldts';
import type { Span } from '../model';
import { findQuotedSpans } from '../text';

/** How a credit is stated. */
export type CreditKind = 'agency-dateline' | 'byline' | 'source-line' | 'via' | 'dash-credit' | 'link';

/** One credit line found in an article's original text. */
export interface Credit {
  /** Where the credit is stated, in the original text. */
  readonly span: Span;
  readonly kind: CreditKind;
  /** Lower-case names credited, agency aliases normalised (`['ap']`, `['sputnik']`); a link names its registered domain. */
  readonly names: readonly string[];
  /** The URL a `link` (or a `source-line`/`via` that gives one) points to, as written. */
  readonly url?: string;
}

/** What {@link findCreditFor} needs to know of the source document. */
export interface CreditedSource {
  /** Registered domain (`sputniknews.com`), or `null`. */
  readonly outlet: string | null;
  /** Display name (`Sputnik International`), or `null`. */
  readonly outletName: string | null;
  readonly url: string | null;
  /** The source's own credits ({@link findCredits} of its text). */
  readonly credits: readonly Credit[];
}

interface Agency {
  /** Canonical lower-case name. */
  readonly name: string;
  /** Forms as written (matched case-sensitively, and in upper case). */
  readonly forms: readonly string[];
}

const AGENCIES: readonly Agency[] = [
  // Names in other scripts as those agencies' own and other countries' outlets write them.
  { name: 'ap', forms: ['The Associated Press', 'Associated Press', 'AP', '美联社', '美聯社'] },
  { name: 'afp', forms: ['Agence France-Presse', 'Agence France Presse', 'AFP', '法新社'] },
  { name: 'reuters', forms: ['Thomson Reuters', 'Reuters', 'Рейтер', '路透社', 'ロイター'] },
  { name: 'tass', forms: ['ITAR-TASS', 'TASS', 'ИТАР-ТАСС', 'ТАСС'] },
  { name: 'xinhua', forms: ['Xinhua', '新华社', '新華社'] },
  { name: 'upi', forms: ['United Press International', 'UPI'] },
  { name: 'dpa', forms: ['dpa', 'DPA'] },
  { name: 'ansa', forms: ['ANSA'] },
  { name: 'efe', forms: ['EFE'] },
  { name: 'kyodo', forms: ['Kyodo', '共同通信', '共同社'] },
  { name: 'yonhap', forms: ['Yonhap', '연합뉴스'] },
  { name: 'pti', forms: ['PTI'] },
  { name: 'ians', forms: ['IANS'] },
  { name: 'ani', forms: ['ANI'] },
  { name: 'ria novosti', forms: ['RIA Novosti', 'РИА Новости'] },
  { name: 'interfax', forms: ['Interfax', 'Интерфакс'] },
  { name: 'anadolu', forms: ['Anadolu Agency', 'Anadolu'] },
  { name: 'irna', forms: ['IRNA'] },
  { name: 'sputnik', forms: ['Sputnik', 'Спутник'] },
  { name: 'bloomberg', forms: ['Bloomberg'] },
  { name: 'aap', forms: ['AAP'] },
  { name: 'bernama', forms: ['Bernama'] },
  { name: 'china news service', forms: ['China News Service', '中新社'] },
];

/** Canonical names of wire agencies (for crediting a shared wire story). */
const WIRE_AGENCIES: ReadonlySet<string> = new Set(AGENCIES.map((a) => a.name));

/** Lower-case alias → canonical name. */
const ALIASES: ReadonlyMap<string, string> = new Map(
  AGENCIES.flatMap((a) => a.forms.map((f) => [f.toLowerCase(), a.name] as const)),
);

/** Written form (and its upper-case variant) → canonical name. */
const AGENCY_FORMS: ReadonlyMap<string, string> = new Map(
  AGENCIES.flatMap((a) => a.forms.flatMap((f) => [[f, a.name] as const, [f.toUpperCase(), a.name] as const])),
);

const AGENCY_PATTERN = [...AGENCY_FORMS.keys()]
  .sort((a, b) => b.length - a.length)
  .map((f) => f.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
  .join('|');

const CONNECTORS: ReadonlySet<string> = new Set(['and', 'of', 'the', 'for', 'in', 'at', 'de', 'da', 'del', 'van', 'von', 'y', 'und', 'with', 'on']);
const ROLE_WORDS: ReadonlySet<string> = new Set([
  'staff', 'writer', 'writers', 'reporter', 'reporters', 'correspondent', 'correspondents',
  'editor', 'editors', 'desk', 'wire', 'wires', 'reports', 'report',
]);
const PLACE_PARTICLES = 'de|da|do|dos|das|del|della|di|la|le|les|al|el|of|upon|on|am|an|der';
const DASH = '--|[\u2014\u2013\u2015-]';
const SEPARATOR_TOKEN = /^(?:[|/&\u00B7\u2022]|--|[\u2014\u2013\u2015-])$/u;
const CAPITALISED = /^[\p{Lu}][\p{L}\p{N}.'\u2019&-]*$/u;
const DOMAIN_LIKE = /^[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)+$/u;
const URL_PATTERN = /https?:\/\/[^\s<>"'`]+/giu;
const URL_TRAILING = /[.,;:!?)\]}'"»”’]+$/u;
const ASSET_EXTENSIONS = /\.(?:jpe?g|png|gif|webp|svg|css|js|ico|mp4|mp3)$/i;
const ASSET_HOST = /^(?:cdn|img|static)\d*\./i;
const IGNORED_NAME_WORDS: ReadonlySet<string> = new Set(['the', 'news', 'international', 'agency', 'online', 'newswire', 'service']);
const KIND_ORDER: readonly CreditKind[] = ['agency-dateline', 'byline', 'source-line', 'via', 'dash-credit', 'link'];
const BYLINE_AGENCY = new RegExp(String.raw`^(?:${AGENCY_PATTERN})(?=[ \t]*(?:$|[,|:;/]|${DASH}))`, 'u');
const VIA_AGENCY = new RegExp(String.raw`(?<![\p{L}\p{N}])(?:via|Via|VIA)[ \t]+(${AGENCY_PATTERN})(?![\p{L}\p{N}])`, 'gu');
const VIA_LINE = new RegExp(String.raw`^[ \t]*(?:(?:${DASH})[ \t]*)?((?:via|Via|VIA)[ \t]+)`, 'u');
const LEADING_DASH = new RegExp(String.raw`^[ \t]*(?:${DASH})`, 'u');
const DASH_CREDIT = new RegExp(
  String.raw`(?:^|(?<=[\s.!?"”’)]))(${DASH})[ \t]*(${AGENCY_PATTERN}|[\p{Lu}][\p{L}.'’&-]*(?:[ \t]+[\p{Lu}][\p{L}.'’&-]*){0,2})[ \t]*\.?[ \t]*$`,
  'du',
);
const PLACE_TOKEN = String.raw`(?:[\p{Lu}\p{N}][\p{L}\p{N}.'’-]*)`;
/** The longest run of capitalised words, numbers and particles ending `before` a dateline parenthesis. */
const DATELINE_PLACE = new RegExp(
  String.raw`(?<![\p{L}\p{N}.'’-])${PLACE_TOKEN}(?:(?:[ \t]+|,[ \t]*)(?:${PLACE_TOKEN}|(?:${PLACE_PARTICLES})(?![\p{L}])))*[ \t]+$`,
  'u',
);

/**
 * Find the credit lines of an article (see the module header for the exact rules).
 *
 * @param text the article's original text; spans point into it.
 * @param ownDomain the article's own outlet (a domain, host or URL): links to it are no credit.
 * @param quoted the text's quotation regions (`findQuotedSpans`), if already known: credits inside them are not the article's.
 * @returns credits sorted by span start, then end, then kind.
 */
export function findCredits(
  text: string,
  ownDomain?: string | null,
  quoted: readonly Span[] = findQuotedSpans(text),
): Credit[] {
  const found: Credit[] = [];
  for (const line of splitLines(text)) {
    const body = text.slice(line.start, line.end);
    findBylines(body, line.start, found);
    findSourceLines(body, line.start, found);
    findOriginallyPublished(body, line.start, found);
    findVia(body, line.start, found);
    findDashCredits(body, line.start, found);
    findDatelines(body, line.start, found);
  }
  findLinks(text, ownDomain ?? null, found);

  const unquoted = found.filter((c) => !quoted.some((q) => q.start <= c.span.start && c.span.start < q.end));
  const sorted = unquoted.sort(compareCredits);
  return sorted.filter(
    (c, i) =>
      !sorted.some(
        (o, j) =>
          j !== i &&
          o.span.start <= c.span.start &&
          c.span.end <= o.span.end &&
          (o.span.end - o.span.start > c.span.end - c.span.start || j < i),
      ),
  );
}

/**
 * The target's credit that credits `source`, if any. A credit matches when:
 * (a) one of its names matches the source outlet: its display name (case-insensitive,
 *     ignoring `the`, `news`, `international`, `agency`, `online`, `newswire`, `service`,
 *     agency aliases normalised), or its registered domain's first label (`sputniknews`),
 *     written together (`Sputnik News`), as a prefix of that label of ≥ 4 letters
 *     (`sputnik`), or equal to the label without a trailing `news` (`apnews` → `ap`); a
 *     name that is a domain matches by registered domain;
 * (b) its URL equals the source URL (ignoring scheme, `www.`, trailing slash, query and
 *     fragment) or its registered domain is the source outlet's;
 * (c) it names a wire agency that the source's own credits also name (both carry `(AP)`:
 *     the shared text is the agency's).
 *
 * @returns the first matching credit by span start, or `null`.
 */
export function findCreditFor(credits: readonly Credit[], source: CreditedSource): Credit | null {
  const sourceDomain = toRegisteredDomain(source.outlet) ?? toRegisteredDomain(source.url);
  const label = sourceDomain === null ? null : firstLabel(sourceDomain);
  const outletKey = source.outletName === null ? '' : nameKey(source.outletName);
  const sourceUrl = source.url === null ? null : comparableUrl(source.url);
  const sourceWires = new Set(source.credits.flatMap((c) => c.names).filter((n) => WIRE_AGENCIES.has(n)));

  const namesOutlet = (name: string): boolean => {
    const domain = DOMAIN_LIKE.test(name) ? toRegisteredDomain(name) : null;
    if (domain !== null) return domain === sourceDomain;
    const key = nameKey(name);
    if (key === '') return false;
    if (key === outletKey) return true;
    if (label === null) return false;
    const compact = compactName(key);
    const compactRaw = compactName(name.toLowerCase());
    if (compact === label || compactRaw === label) return true;
    if (compact.length >= 4 && label.startsWith(compact)) return true;
    return label.endsWith('news') && label.length > 'news'.length + 1 && compact === label.slice(0, -'news'.length);
  };
  const linksSource = (url: string): boolean =>
    (sourceUrl !== null && comparableUrl(url) === sourceUrl) ||
    (sourceDomain !== null && toRegisteredDomain(url) === sourceDomain);

  for (const credit of [...credits].sort(compareCredits)) {
    if (credit.names.some(namesOutlet)) return credit;
    if (credit.url !== undefined && linksSource(credit.url)) return credit;
    if (credit.names.some((n) => sourceWires.has(n))) return credit;
  }
  return null;
}

// ---------------------------------------------------------------------------
// Patterns

function findBylines(line: string, offset: number, out: Credit[]): void {
  const m = /^([ \t]*)(By|BY)[ \t]+/u.exec(line);
  if (m === null) return;
  const start = (m[1] ?? '').length;
  const namesStart = m[0].length;
  const list = readNameList(line, namesStart, 'whole');
  if (list !== null) {
    out.push(credit(offset + start, offset + list.end, 'byline', list.names));
    return;
  }
  const agency = BYLINE_AGENCY.exec(line.slice(namesStart));
  if (agency !== null) {
    out.push(credit(offset + start, offset + namesStart + agency[0].length, 'byline', [canonical(agency[0])]));
  }
}

/**
 * "Source:" in English and the languages news is most written in (and a
 * full-width colon after the Chinese and Japanese labels), at a line's or a
 * sentence's start.
 */
const SOURCE_LINE = new RegExp(
  `(?:^[ \\t]*|(?<=[.!?"”’)][ \\t]+)|(?<=[。！？]))(${[
    'Sources?', 'SOURCES?', 'Quellen?', 'QUELLEN?', 'Fuentes?', 'FUENTES?', 'Fonte', 'Fonti', 'FONTE', 'Bron', 'BRON',
    'Источник', 'ИСТОЧНИК', 'Джерело', 'Źródło', 'Kaynak', 'Sumber', '消息来源', '来源', '來源', '出典', '출처',
  ].join('|')})[ \\t]*[:：][ \\t]*`,
  'gu',
);

function findSourceLines(line: string, offset: number, out: Credit[]): void {
  // Every label is followed by a colon; most lines have none (the pattern's look-behinds, tried at every position, are what costs).
  if (!line.includes(':') && !line.includes('：')) return;
  for (const m of line.matchAll(SOURCE_LINE)) {
    const keyword = m[1] ?? '';
    const start = m.index + m[0].indexOf(keyword);
    const valueStart = m.index + m[0].length;
    const value = readCreditValue(line, valueStart, 'whole');
    if (value !== null) out.push(credit(offset + start, offset + value.end, 'source-line', value.names, value.url));
  }
}

/** What every "originally published" phrase contains: a cheap scan before the pattern proper. */
const ORIGINALLY_OR_FIRST = /originally|first/iu;

function findOriginallyPublished(line: string, offset: number, out: Credit[]): void {
  if (!ORIGINALLY_OR_FIRST.test(line)) return;
  const re =
    /(?:^[ \t]*|(?<=[.!?"”’)][ \t]+))((?:(?:This|The) (?:article|story|piece|report|post|item) (?:was )?)?(?:originally|first) (?:published|appeared|ran|posted) (?:by|on|in|at) )/giu;
  for (const m of line.matchAll(re)) {
    const phrase = m[1] ?? '';
    const start = m.index + m[0].length - phrase.length;
    const value = readCreditValue(line, m.index + m[0].length, 'prefix');
    if (value !== null) out.push(credit(offset + start, offset + value.end, 'source-line', value.names, value.url));
  }
}

function findVia(line: string, offset: number, out: Credit[]): void {
  // Every pattern below needs the word "via" (in one of three casings).
  if (!line.includes('via') && !line.includes('Via') && !line.includes('VIA')) return;
  for (const m of line.matchAll(/\((via|Via|VIA)[ \t]+([^()\n]{1,80})\)/dgu)) {
    const valueStart = m.indices?.[2]?.[0];
    if (valueStart === undefined) continue;
    const inner = line.slice(0, m.index + m[0].length - 1);
    const value = readCreditValue(inner, valueStart, 'whole');
    if (value !== null) out.push(credit(offset + m.index, offset + m.index + m[0].length, 'via', value.names, value.url));
  }
  for (const m of line.matchAll(VIA_AGENCY)) {
    out.push(credit(offset + m.index, offset + m.index + m[0].length, 'via', [canonical(m[1] ?? '')]));
  }
  const own = VIA_LINE.exec(line);
  if (own !== null) {
    const keyword = own[1] ?? '';
    const start = own[0].length - keyword.length;
    const value = readCreditValue(line, own[0].length, 'whole');
    if (value !== null) out.push(credit(offset + start, offset + value.end, 'via', value.names, value.url));
  }
}

/** A dash of {@link DASH}: every dash credit has one. */
const ANY_DASH = /[\u2014\u2013\u2015-]/u;

function findDashCredits(line: string, offset: number, out: Credit[]): void {
  if (!ANY_DASH.test(line)) return;
  const m = DASH_CREDIT.exec(line);
  const nameAt = m?.indices?.[2];
  if (m === null || nameAt === undefined) return;
  const name = (m[2] ?? '').replace(/\.$/u, '');
  const agency = AGENCY_FORMS.get(name);
  if (agency === undefined) {
    const before = line.slice(0, m.index);
    if (before.trim() !== '' && !/[.!?"”’][ \t]*$/u.test(before)) return;
  }
  out.push(credit(offset + m.index, offset + nameAt[0] + name.length, 'dash-credit', [agency ?? normaliseName(name)]));
}

/** The dateline of Chinese and Japanese agencies: 新华社莫斯科2月12日电, 【新华社北京2月12日電】. */
const CJK_AGENCY_DATELINE = /^[ \t]*[【［\[]?(新华社|新華社|中新社|共同社|共同通信)[^\s\d]{0,12}\d{1,2}月\d{1,2}日(?:电|電)[】］\]]?/u;

function findDatelines(line: string, offset: number, out: Credit[]): void {
  const cjk = CJK_AGENCY_DATELINE.exec(line);
  if (cjk !== null) {
    const name = cjk[1] ?? '';
    const start = cjk[0].length - cjk[0].trimStart().length;
    out.push(credit(offset + start, offset + cjk[0].length, 'agency-dateline', [canonical(name)]));
  }
  if (!line.includes('(')) return;
  for (const m of line.matchAll(/\(([^()\n]{1,40})\)/gu)) {
    const inner = m[1] ?? '';
    const parenStart = m.index;
    const parenEnd = m.index + m[0].length;
    const agency = AGENCY_FORMS.get(inner);
    const dash = LEADING_DASH.exec(line.slice(parenEnd));
    if (agency === undefined && (dash === null || !isGenericName(inner))) continue;
    const start = datelineStart(line.slice(0, parenStart), dash !== null);
    if (start === null) continue;
    const end = dash === null ? parenEnd : parenEnd + dash[0].length;
    out.push(credit(offset + start, offset + end, 'agency-dateline', [agency ?? normaliseName(inner)]));
  }
}

/** Where a dateline whose parenthesis follows `before` starts, or `null` when it is no dateline. */
function datelineStart(before: string, dashFollows: boolean): number | null {
  if (before.trim() === '') return before.length;
  const place = DATELINE_PLACE.exec(before);
  if (place === null) return null;
  if (before.slice(0, place.index).trim() === '') return place.index;
  // An ALL-CAPS place anywhere: start at the last run of space-separated ALL-CAPS words.
  const tokens = [...place[0].matchAll(/[^\s,]+/gu)].map((t) => ({ text: t[0], start: place.index + t.index }));
  const isCaps = (t: string): boolean => /^[\p{Lu}][\p{Lu}.'’-]*$/u.test(t);
  let last = -1;
  tokens.forEach((t, i) => {
    if (isCaps(t.text) && t.text.replace(/[^\p{L}]/gu, '').length >= 3) last = i;
  });
  if (last >= 0) {
    let first = last;
    while (first > 0) {
      const prev = tokens[first - 1];
      const cur = tokens[first];
      if (prev === undefined || cur === undefined || !isCaps(prev.text) || before.slice(prev.start + prev.text.length, cur.start).includes(',')) break;
      first -= 1;
    }
    return tokens[first]?.start ?? null;
  }
  return dashFollows ? place.index : null;
}

function findLinks(text: string, ownDomain: string | null, out: Credit[]): void {
  const own = toRegisteredDomain(ownDomain);
  for (const m of text.matchAll(URL_PATTERN)) {
    const url = m[0].replace(URL_TRAILING, '');
    const domain = toRegisteredDomain(url);
    if (domain === null || domain === own || isAsset(url)) continue;
    out.push(credit(m.index, m.index + url.length, 'link', [domain], url));
  }
}

// ---------------------------------------------------------------------------
// Names

interface CreditValue {
  /** End of the value in the line (trailing period excluded). */
  readonly end: number;
  readonly names: string[];
  readonly url?: string;
}

/** A URL, a domain, or a list of names starting at `from`; `whole` requires it to reach the line end. */
function readCreditValue(line: string, from: number, mode: 'whole' | 'prefix'): CreditValue | null {
  const rest = line.slice(from);
  const url = /^https?:\/\/[^\s<>"'`]+/iu.exec(rest);
  if (url !== null) {
    const written = url[0].replace(URL_TRAILING, '');
    const domain = toRegisteredDomain(written);
    if (domain === null || (mode === 'whole' && rest.slice(written.length).replace(/^[.;]/u, '').trim() !== '')) return null;
    return { end: from + written.length, names: [domain], url: written };
  }
  // An agency written as it is in a script without capitals (新华社), alone in what is left.
  const whole = rest.trim().replace(/[.。]$/u, '');
  const agency = mode === 'whole' ? AGENCY_FORMS.get(whole) : undefined;
  if (agency !== undefined) return { end: from + rest.indexOf(whole) + whole.length, names: [agency] };
  const word = /^[^\s]+/u.exec(rest)?.[0] ?? '';
  const bareDomain = word.replace(URL_TRAILING, '');
  if (DOMAIN_LIKE.test(bareDomain) && toRegisteredDomain(bareDomain) !== null) {
    if (mode === 'whole' && rest.slice(bareDomain.length).replace(/^[.;]/u, '').trim() !== '') return null;
    return { end: from + bareDomain.length, names: [bareDomain.toLowerCase()] };
  }
  return readNameList(line, from, mode);
}

/**
 * Capitalised names, connectors, role words and separators from `from`. In `prefix` mode
 * the list stops after a token ending a sentence (`.;:!?`) or before the first other
 * word; in `whole` mode it must reach the line end.
 */
function readNameList(line: string, from: number, mode: 'whole' | 'prefix'): CreditValue | null {
  let end = from;
  let capitalised = 0;
  let count = 0;
  for (const m of line.slice(from).matchAll(/\S+/gu)) {
    const raw = m[0];
    const core = raw.replace(/^[(["“‘]+/u, '').replace(/[.,;:!?)"”’]+$/u, '');
    const isName = core !== '' && CAPITALISED.test(core);
    const isRole = ROLE_WORDS.has(core.toLowerCase());
    const ok = isName || isRole || SEPARATOR_TOKEN.test(raw) || CONNECTORS.has(core);
    if (!ok || (count === 0 && !isName && core !== 'the')) {
      if (mode === 'whole') return null;
      break;
    }
    count += 1;
    if (count > 14) return null;
    if (isName) capitalised += 1;
    // Names and role words extend the list; connectors and separators never end it.
    if (isName || isRole) end = from + m.index + raw.replace(/[.,;:!?]+$/u, '').length;
    if (mode === 'prefix' && /[.;:!?]$/u.test(raw)) break;
  }
  if (capitalised === 0) return null;
  const text = line.slice(from, end);
  const parts = text.split(/\s*(?:[,;|/&\u00B7\u2022]|\s(?:--|[\u2014\u2013\u2015-])\s|\b(?:and|for|with)\b)\s*/iu);
  const names = uniqueNames(parts.map(normaliseName));
  return names.length === 0 ? null : { end, names };
}

/** One credited name, lower-cased, role words dropped, agency aliases normalised. */
function normaliseName(raw: string): string {
  const words = raw
    .toLowerCase()
    .split(/\s+/u)
    .map((w) => w.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, ''))
    .filter((w) => w !== '');
  while (words.length > 1 && ROLE_WORDS.has(words[words.length - 1] ?? '')) words.pop();
  while (words.length > 0 && (CONNECTORS.has(words[words.length - 1] ?? '') || ROLE_WORDS.has(words[words.length - 1] ?? ''))) words.pop();
  const joined = words.join(' ');
  return ALIASES.get(joined) ?? joined;
}

function uniqueNames(names: readonly string[]): string[] {
  return [...new Set(names.filter((n) => n !== '' && !CONNECTORS.has(n)))];
}

/** The canonical name of an agency as written. */
function canonical(form: string): string {
  return AGENCY_FORMS.get(form) ?? normaliseName(form);
}

/** 1–4 capitalised words: a name that may credit in a dateline followed by a dash. */
function isGenericName(inner: string): boolean {
  const words = inner.trim().split(/\s+/u);
  return words.length <= 4 && words.every((w) => CAPITALISED.test(w));
}

/** A name reduced for comparison with an outlet: lower case, ignored words dropped, aliases normalised. */
function nameKey(name: string): string {
  const full = normaliseName(name);
  const alias = ALIASES.get(full);
  if (alias !== undefined) return alias;
  const kept = full.split(' ').filter((w) => !IGNORED_NAME_WORDS.has(w)).join(' ');
  return ALIASES.get(kept) ?? kept;
}

function compactName(name: string): string {
  return name.replace(/[^\p{L}\p{N}]/gu, '');
}

// ---------------------------------------------------------------------------
// Domains and URLs

/** The registered domain of a domain, host or URL, or `null`. */
function toRegisteredDomain(value: string | null): string | null {
  if (value === null || value.trim() === '') return null;
  const parsed = parse(value.trim());
  if (parsed.isIp === true || parsed.isIcann !== true || parsed.domain === null) return null;
  return parsed.domain.toLowerCase();
}

/** `sputniknews.com` → `sputniknews`; `bbc.co.uk` → `bbc`. */
function firstLabel(domain: string): string {
  return parse(domain).domainWithoutSuffix ?? domain.split('.')[0] ?? domain;
}

/** A URL without scheme, `www.`, query, fragment or trailing slash, host lower-cased. */
function comparableUrl(url: string): string {
  const noScheme = url.trim().replace(/^[a-z][a-z0-9+.-]*:\/\//iu, '');
  const noQuery = noScheme.replace(/[?#].*$/su, '');
  const slash = noQuery.indexOf('/');
  const host = (slash < 0 ? noQuery : noQuery.slice(0, slash)).toLowerCase().replace(/^www\./u, '');
  const path = slash < 0 ? '' : noQuery.slice(slash).replace(/\/+$/u, '');
  return host + path;
}

function isAsset(url: string): boolean {
  try {
    const { hostname, pathname } = new URL(url);
    return ASSET_HOST.test(hostname) || ASSET_EXTENSIONS.test(pathname);
  } catch {
    return true;
  }
}

// ---------------------------------------------------------------------------
// Plumbing

function credit(start: number, end: number, kind: CreditKind, names: readonly string[], url?: string): Credit {
  return url === undefined ? { span: { start, end }, kind, names } : { span: { start, end }, kind, names, url };
}

function compareCredits(a: Credit, b: Credit): number {
  return a.span.start - b.span.start || a.span.end - b.span.end || KIND_ORDER.indexOf(a.kind) - KIND_ORDER.indexOf(b.kind);
}

/** Lines of `text` as spans, without their line breaks. */
function splitLines(text: string): Span[] {
  const lines: Span[] = [];
  let start = 0;
  for (const m of text.matchAll(/\r\n|\n|\r/gu)) {
    lines.push({ start, end: m.index });
    start = m.index + m[0].length;
  }
  lines.push({ start, end: text.length });
  return lines;
}
