import { reduceHtml } from '../../src/ingest/reduce-html';

const PAGE = `<!doctype html>
<html><head>
  <title>Lavrov Tells Blinken | Sputnik International</title>
  <meta property="og:title" content="Lavrov Tells Blinken Propaganda">
  <meta property="og:url" content="https://sputniknews.com/og-url">
  <link rel="canonical" href="https://sputniknews.com/20220212/lavrov-1092963955.html">
  <meta property="article:published_time" content="2022-02-12T12:29:00+00:00">
  <style>p { color: red }</style>
  <script>var x = "<p>not text</p>";</script>
</head>
<body>
  <header><nav><a href="/">Home</a></nav></header>
  <article>
    <h1>Lavrov   Tells
       Blinken</h1>
    <time datetime="2022-02-13T00:00:00Z">13 Feb</time>
    <p>Russian Foreign Minister&nbsp;Sergei Lavrov &amp; his US counterpart held <b>telephone</b> talks.</p>
    <p>First line<br>second line<br/>third line</p>
    <noscript>Enable JavaScript</noscript>
    <svg><title>icon</title><path d="M0"/></svg>
    <ul><li>one</li><li>two</li></ul>
    <table><tr><td>a</td><td>b</td></tr></table>
    <p>It&#8217;s &quot;quoted&quot;</p>
  </article>
  <script>document.write('x')</script>
</body></html>`;

describe('reduceHtml', () => {
  const page = reduceHtml(PAGE);

  test('text: blocks as paragraphs, <br> as line breaks, entities decoded, spaces collapsed', () => {
    expect(page.text).toBe(
      [
        'Home',
        'Lavrov Tells Blinken',
        '13 Feb',
        'Russian Foreign Minister Sergei Lavrov & his US counterpart held telephone talks.',
        'First line\nsecond line\nthird line',
        'one',
        'two',
        'a b',
        'It’s "quoted"',
      ].join('\n\n'),
    );
  });

  test('no script, style, noscript, svg or head content', () => {
    expect(page.text).not.toMatch(/not text|color|JavaScript|icon|document\.write|Sputnik International/);
  });

  test('metadata: canonical over og:url, article:published_time over <time>, og:title over <title>', () => {
    expect(page.url).toBe('https://sputniknews.com/20220212/lavrov-1092963955.html');
    expect(page.published).toBe('2022-02-12T12:29:00+00:00');
    expect(page.title).toBe('Lavrov Tells Blinken Propaganda');
  });

  test('fallbacks: og:url, <time datetime>, <title>; relative canonical ignored', () => {
    const fallback = reduceHtml(`<html><head><title>  A   Title </title>
      <link rel="canonical" href="/relative"><meta property="og:url" content="https://example.com/a"></head>
      <body><p>Text <time datetime="2022-02-12">Feb 12</time></p></body></html>`);
    expect(fallback).toEqual({ text: 'Text Feb 12', url: 'https://example.com/a', published: '2022-02-12', title: 'A Title' });
  });

  test('a schema.org article in JSON-LD (in an @graph, a broken block before it) gives datePublished and url when no meta tag does, ahead of <time>', () => {
    const ld = reduceHtml(`<html><head><title>T</title>
      <script type="application/ld+json">{ broken</script>
      <script type="application/ld+json">{"@context": "https://schema.org", "@graph": [
        {"@type": "WebSite", "url": "https://example.com/"},
        {"@type": ["NewsArticle"], "datePublished": "2022-02-12T18:40:00+03:30", "mainEntityOfPage": {"@id": "https://example.com/news/1"}}
      ]}</script></head>
      <body><p>Text <time datetime="2022-02-13">Feb 13</time></p></body></html>`);
    expect(ld).toEqual({ text: 'Text Feb 13', url: 'https://example.com/news/1', published: '2022-02-12T18:40:00+03:30', title: 'T' });
    // A meta tag still comes first; JSON-LD's text is never article text.
    const both = reduceHtml(`<meta property="article:published_time" content="2022-02-12T10:00Z">
      <script type="application/ld+json">[{"@type": "Article", "datePublished": "2022-02-11", "url": "https://example.com/b"}]</script><p>Body</p>`);
    expect(both).toEqual({ text: 'Body', url: 'https://example.com/b', published: '2022-02-12T10:00Z', title: null });
  });

  test('nothing stated → nulls; a fragment without <html> works', () => {
    expect(reduceHtml('<p>Just a paragraph</p>')).toEqual({ text: 'Just a paragraph', url: null, published: null, title: null });
  });
});
