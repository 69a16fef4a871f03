import { findCreditFor, findCredits, type Credit, type CreditedSource } from '../../src/attribute/credit-lines';

/** Each credit as `kind: "text it spans" → names`, to assert spans by slicing. */
const show = (text: string, ownDomain?: string): string[] =>
  findCredits(text, ownDomain).map((c) => `${c.kind}: ${JSON.stringify(text.slice(c.span.start, c.span.end))} → ${c.names.join('|')}`);

describe('findCredits: patterns', () => {
  test.each([
    ['SPRINGFIELD (AP) — The council voted.', 'agency-dateline: "SPRINGFIELD (AP) —" → ap'],
    ['KYIV, Ukraine (AP) — Text.', 'agency-dateline: "KYIV, Ukraine (AP) —" → ap'],
    ['New York (Reuters) - Text.', 'agency-dateline: "New York (Reuters) -" → reuters'],
    ['BEIJING, March 3 (Xinhua) -- Text.', 'agency-dateline: "BEIJING, March 3 (Xinhua) --" → xinhua'],
    ['(AFP) - Text.', 'agency-dateline: "(AFP) -" → afp'],
    ['(Reuters) Text.', 'agency-dateline: "(Reuters)" → reuters'],
    ['MOSCOW (Sputnik) - Text.', 'agency-dateline: "MOSCOW (Sputnik) -" → sputnik'],
    ['ATLANTA (CNN) — Text.', 'agency-dateline: "ATLANTA (CNN) —" → cnn'],
    ['Glued headline words PARIS (AFP) - Text.', 'agency-dateline: "PARIS (AFP) -" → afp'],
    ['By Reuters', 'byline: "By Reuters" → reuters'],
    ['By The Associated Press', 'byline: "By The Associated Press" → ap'],
    ['By AP', 'byline: "By AP" → ap'],
    ['By John Smith, Associated Press Writer', 'byline: "By John Smith, Associated Press Writer" → john smith|ap'],
    ['By Reuters Staff.', 'byline: "By Reuters Staff" → reuters'],
    ['By Reuters | March 5, 2024', 'byline: "By Reuters" → reuters'],
    ['Source: Sputnik', 'source-line: "Source: Sputnik" → sputnik'],
    ['The talks ended. Source: TASS', 'source-line: "Source: TASS" → tass'],
    // Other languages: the label, and agencies named in their own scripts.
    ['Die Gespräche endeten. Quelle: dpa', 'source-line: "Quelle: dpa" → dpa'],
    ['Fuente: EFE', 'source-line: "Fuente: EFE" → efe'],
    ['Источник: ТАСС', 'source-line: "Источник: ТАСС" → tass'],
    ['会谈结束。来源：新华社', 'source-line: "来源：新华社" → xinhua'],
    ['出典：共同通信', 'source-line: "出典：共同通信" → kyodo'],
    ['新华社莫斯科2月12日电 俄罗斯外交部12日发表声明。', 'agency-dateline: "新华社莫斯科2月12日电" → xinhua'],
    ['【共同社2月12日電】外相が述べた。', 'agency-dateline: "【共同社2月12日電】" → kyodo'],
    ['The deal was reported via Reuters on Monday.', 'via: "via Reuters" → reuters'],
    ['The photo was posted (via AFP) on Monday.', 'via: "(via AFP)" → afp'],
    ['via Thomson Reuters', 'via: "via Thomson Reuters" → reuters'],
    ['The ministry said on Friday. — Reuters', 'dash-credit: "— Reuters" → reuters'],
    ['Talks will resume next week - AP', 'dash-credit: "- AP" → ap'],
    ['The war is over, she said. — Sputnik', 'dash-credit: "— Sputnik" → sputnik'],
    // Every dash form (each line is looked at only if it has one).
    ['The talks ended. – Reuters', 'dash-credit: "– Reuters" → reuters'],
    ['The talks ended. ― Reuters', 'dash-credit: "― Reuters" → reuters'],
    ['The talks ended. -- Reuters', 'dash-credit: "-- Reuters" → reuters'],
    ['FIRST PUBLISHED BY Sputnik.', 'source-line: "FIRST PUBLISHED BY Sputnik" → sputnik'],
    ['Originally published by Agence France-Presse.', 'source-line: "Originally published by Agence France-Presse" → afp'],
    ['This article originally appeared on Sputnik International.', 'source-line: "This article originally appeared on Sputnik International" → sputnik international'],
    ['This article originally appeared on example.org and is republished.', 'source-line: "This article originally appeared on example.org" → example.org'],
  ])('%s', (text, expected) => {
    expect(show(text)).toEqual([expected]);
  });

  test('a link to another outlet, not to the article itself; spans point into the whole text', () => {
    const text = 'Intro line.\nAs reported at https://www.sputniknews.com/20240305/story.html?utm=x, the vote passed.\nhttps://www.dailyexample.com/news/vote\n';
    const credits = findCredits(text, 'dailyexample.com');
    expect(credits).toEqual([
      {
        kind: 'link',
        span: { start: 27, end: 80 },
        names: ['sputniknews.com'],
        url: 'https://www.sputniknews.com/20240305/story.html?utm=x',
      },
    ]);
    expect(text.slice(27, 80)).toBe('https://www.sputniknews.com/20240305/story.html?utm=x');
    // Without ownDomain, every outside link counts; images are no link to an article.
    expect(findCredits(text).map((c) => c.names[0])).toEqual(['sputniknews.com', 'dailyexample.com']);
    expect(findCredits('Photo: https://img.example.com/a.jpg and https://example.com/b.png')).toEqual([]);
  });

  test('a source line with a URL gives it once, as the source line', () => {
    const text = 'Source: https://sputniknews.com/x';
    expect(findCredits(text)).toEqual([
      { kind: 'source-line', span: { start: 0, end: text.length }, names: ['sputniknews.com'], url: 'https://sputniknews.com/x' },
    ]);
  });

  test('offsets count from the start of the text over several paragraphs (CRLF too)', () => {
    const text = '2024-03-05T09:00+00:00\r\nSPRINGFIELD (AP) — The council voted.\r\n\r\nIt will meet again. — AP\r\n';
    const credits = findCredits(text);
    expect(credits.map((c) => text.slice(c.span.start, c.span.end))).toEqual(['SPRINGFIELD (AP) —', '— AP']);
    expect(credits.map((c) => c.kind)).toEqual(['agency-dateline', 'dash-credit']);
  });
});

describe('findCredits: false positives', () => {
  test.each([
    ['(AP) mid-sentence after a lower-case word', 'Officials told the (AP) reporter on Monday.'],
    ['(AP) after a capitalised name with no dash', 'The letter from President Smith (AP) was read out.'],
    ['(AP) after an abbreviation mid-sentence', 'A report by the U.S. (AP) was cited.'],
    ['a photo credit in parentheses', 'The mayor speaks (AP Photo/Jane Doe) at the hall.'],
    ['"By" opening a sentence', 'By the time officials arrived, the fire had spread.'],
    ['"By" not at a line start', 'The bill was drafted By Reuters standards.'],
    ['"by" in the middle of a line', 'The report was written by Reuters reporters.'],
    ['a source of prose', 'Source: a senior official who asked not to be named'],
    ['"via" a place', 'He travelled via Istanbul.'],
    ['a dash before a name in prose', 'And one name stood out — Joe Biden'],
    ['a hyphenated word ending a line', 'The plan was well-Known'],
    ['a credit inside quotation marks', 'She said: "We read it via Reuters (AFP) - Sputnik" and left.'],
    ['a dateline inside quotation marks', '"WASHINGTON (AP) — it said," she recalled.'],
  ])('%s', (_label, text) => {
    expect(show(text)).toEqual([]);
  });

  test('the dash of a dateline is no dash credit for the word after it', () => {
    expect(show('NEW YORK (Reuters) - Stocks')).toEqual(['agency-dateline: "NEW YORK (Reuters) -" → reuters']);
  });
});

describe('findCreditFor', () => {
  const at = (start: number, kind: Credit['kind'], names: string[], url?: string): Credit =>
    url === undefined ? { span: { start, end: start + 5 }, kind, names } : { span: { start, end: start + 5 }, kind, names, url };
  const source = (over: Partial<CreditedSource>): CreditedSource => ({ outlet: null, outletName: null, url: null, credits: [], ...over });

  test('(a) a name matching the outlet display name, ignoring "the", "news", "international"', () => {
    const credits = findCredits('By Jane Doe\nMOSCOW, Feb 12 - The talks went on. Source: Sputnik News');
    const found = findCreditFor(credits, source({ outlet: 'sputniknews.com', outletName: 'Sputnik International' }));
    expect(found).toMatchObject({ kind: 'source-line', names: ['sputnik news'] });
    expect(findCreditFor([at(0, 'byline', ['the associated press'])], source({ outletName: 'AP News' }))).not.toBeNull();
  });

  test('(a) a name matching the first label of the outlet domain, or a prefix of it of 4+ letters', () => {
    const target = [at(10, 'dash-credit', ['sputnik']), at(3, 'byline', ['jane doe'])];
    expect(findCreditFor(target, source({ outlet: 'sputniknews.com' }))).toBe(target[0]);
    expect(findCreditFor([at(0, 'via', ['daily example'])], source({ outlet: 'dailyexample.com' }))).not.toBeNull();
    expect(findCreditFor([at(0, 'via', ['ap'])], source({ outlet: 'apnews.com' }))).not.toBeNull();
    // Three letters are too short for a prefix.
    expect(findCreditFor([at(0, 'via', ['spu'])], source({ outlet: 'sputniknews.com' }))).toBeNull();
  });

  test('(b) a link to the source URL (scheme, www, trailing slash, query ignored) or its domain', () => {
    const link = at(40, 'link', ['sputniknews.com'], 'http://sputniknews.com/20240305/story/?utm=1');
    const src = source({ outlet: null, url: 'https://www.sputniknews.com/20240305/story' });
    expect(findCreditFor([link], src)).toBe(link);
    const other = at(0, 'link', ['example.org'], 'https://example.org/x');
    expect(findCreditFor([other, link], source({ outlet: 'sputniknews.com', outletName: 'Totally Different' }))).toBe(link);
  });

  test('(c) a wire agency the source also credits: both run the AP story', () => {
    const targetText = 'By The Associated Press\nSPRINGFIELD — The council voted.';
    const sourceText = 'SPRINGFIELD (AP) — The council voted.';
    const found = findCreditFor(
      findCredits(targetText),
      source({ outlet: 'dailyexample.com', outletName: 'Daily Example', credits: findCredits(sourceText) }),
    );
    expect(found).toMatchObject({ kind: 'byline', names: ['ap'], span: { start: 0, end: 23 } });
  });

  test('returns the first match by span start', () => {
    const late = at(50, 'dash-credit', ['reuters']);
    const early = at(2, 'byline', ['reuters']);
    expect(findCreditFor([late, early], source({ outletName: 'Reuters' }))).toBe(early);
  });

  test('null when nothing credits the source', () => {
    const credits = findCredits('SPRINGFIELD (AP) — The council voted.\nSource: TASS');
    // The source is an outlet that itself credits nobody; the target credits AP and TASS.
    expect(findCreditFor(credits, source({ outlet: 'dailyexample.com', outletName: 'Daily Example', url: 'https://www.dailyexample.com/a' }))).toBeNull();
    // A wire name only one side gives is no shared wire credit.
    expect(findCreditFor(credits, source({ outlet: 'dailyexample.com', credits: [at(0, 'byline', ['reuters'])] }))).toBeNull();
  });
});
