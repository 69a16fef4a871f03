import { extractTitle, isTitleLike } from '../../src/ingest/extract-title';

const HEADLINE = "Lavrov Tells Blinken Propaganda About 'Russian Aggression' Against Ukraine Has Provocative Purposes";

describe('extractTitle', () => {
  test('seed 004: skips the date/URL line, takes the headline', () => {
    expect(extractTitle(` date 2022-02-12 https://sputniknews.com/x.html\n\n${HEADLINE}\n\n${HEADLINE}\n`)).toBe(HEADLINE);
  });

  test('seed 001: skips the dateline and "Story Code : 538334"', () => {
    expect(extractTitle(`Publish date12 Feb 2022 - 18:40\nStory Code : 538334\n\n${HEADLINE}\n\nRussian Foreign Minister...`)).toBe(HEADLINE);
  });

  test('seed 002: skips the icon junk line (too many words) and the date', () => {
    const junk = Array.from({ length: 40 }, (_, i) => `icon${i}`).join(' ');
    expect(extractTitle(`${junk}\n12 Feb, 2022 16:59\n\nRussia issues warning to US\n`)).toBe('Russia issues warning to US');
  });

  test('seed 000: paragraphs only → null', () => {
    const sentence = 'In the midst of mounting concern about a Russian invasion of Ukraine, US Secretary of State Antony Blinken and Russia’s Foreign Minister held talks.';
    expect(extractTitle(`${sentence}\n\n${sentence}\n\n${sentence}\n\nShort Line Here Today`)).toBeNull();
  });

  test('trims the line', () => {
    expect(extractTitle('  \n  Russia issues warning to US  \r\n')).toBe('Russia issues warning to US');
  });
});

describe('isTitleLike', () => {
  test.each([
    ['Russia issues warning to US', true],
    ['Will Russia invade Ukraine?', true], // a question is a fine headline
    ['Lavrov spoke with Blinken.', false], // a sentence
    ['Breaking news!', false],
    ['Two words', false], // fewer than 3 words
    [Array.from({ length: 26 }, () => 'word').join(' '), false], // more than 25
    ['Read more at https://example.com now', false],
    ['By John Smith and Jane Doe', false],
    ['Updated 12 Feb 2022 18:40', false], // a date line
    ['Story Code : 538334', false], // mostly non-letters
    ['Ahead of the talks, Blinken claimed that…', false], // truncated teaser
  ])('%s → %s', (line, expected) => {
    expect(isTitleLike(line)).toBe(expected);
  });
});
