import { extractArticleHtml } from '../../src/ingest/extract-article-html';
import { FOOTER_TEXT, articlePage, sampleText } from './streaming-fixtures';

describe('extractArticleHtml', () => {
  test('keeps the article paragraphs, drops nav and footer; metadata comes from the whole page', () => {
    const text = sampleText('001_69955482a43b296f');
    const page = extractArticleHtml(articlePage('Lavrov Tells Blinken', text, '2022-02-12T18:40:00+03:30'));
    expect(page.extractor).toBe('readability');
    expect(page.text).toContain('Russian Foreign Minister Sergei Lavrov and his US counterpart Antony Blinken held telephone talks Saturday');
    expect(page.text).not.toContain('Subscribe');
    expect(page.text).not.toContain(FOOTER_TEXT);
    // paragraphs stay paragraphs, <br> line breaks stay line breaks
    expect(page.text.split('\n\n').length).toBeGreaterThanOrEqual(4);
    expect(page.text).toContain('Publish date12 Feb 2022 - 18:40\nStory Code : 538334');
    expect(page.published).toBe('2022-02-12T18:40:00+03:30');
    expect(page.title).toBe('Lavrov Tells Blinken');
  });

  test('a page Readability finds no article in (only a sidebar) is reduced whole', () => {
    const page = extractArticleHtml('<html><body><aside class="sidebar"><p>Only a sidebar here</p></aside></body></html>');
    expect(page.extractor).toBe('whole-page');
    expect(page.text).toBe('Only a sidebar here');
  });
});
