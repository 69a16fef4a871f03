import { findDateCandidates } from '../../src/ingest/find-date-candidates';
import type { DateCandidate } from '../../src/ingest/date-candidate';

/** The calendar fields of every candidate found, without offsets into the text. */
function read(text: string): Omit<DateCandidate, 'start' | 'end'>[] {
  return findDateCandidates(text).map(({ start: _s, end: _e, ...rest }) => rest);
}

const date = (year: number, month: number, day: number) => ({ year, month, day, time: null, offsetMinutes: null });
const at = (
  year: number, month: number, day: number, hour: number, minute: number, second: number | null, offsetMinutes: number | null,
) => ({ year, month, day, time: { hour, minute, second }, offsetMinutes });

describe('findDateCandidates: ISO 8601', () => {
  test.each([
    // [text, expected]
    ['2022-02-12T12:29+0000', at(2022, 2, 12, 12, 29, null, 0)],
    ['2022-02-12T12:29:05Z', at(2022, 2, 12, 12, 29, 5, 0)],
    ['2022-02-12T12:29:05.123+03:00', at(2022, 2, 12, 12, 29, 5, 180)], // fraction dropped
    ['2022-02-12T12:29:05-05:00', at(2022, 2, 12, 12, 29, 5, -300)],
    ['2022-02-12 12:29', at(2022, 2, 12, 12, 29, null, null)], // no zone: local
    ['2022-02-12', date(2022, 2, 12)],
    ['2022/02/12', date(2022, 2, 12)],
    ['2022-02-12 12:29 UTC', at(2022, 2, 12, 12, 29, null, 0)],
    ['2022-02-12 12:29 GMT', at(2022, 2, 12, 12, 29, null, 0)],
  ])('%s', (text, expected) => {
    expect(read(text)).toEqual([expected]);
  });

  test('date after the word "date" (seed 000/004 first line), URL not taken', () => {
    const line =
      ' date 2022-02-12 https://sputniknews.com/20220212/lavrov-tells-blinken-propaganda-about-russian-aggression-against-ukraine-has-provocative-purposes-1092963955.html';
    const found = findDateCandidates(line);
    expect(found.map(({ start, end }) => line.slice(start, end))).toEqual(['2022-02-12']);
  });
});

describe('findDateCandidates: month names', () => {
  test.each([
    ['Publish date12 Feb 2022 - 18:40', at(2022, 2, 12, 18, 40, null, null)], // seed 001: no space after "date"
    ['12 Feb 2022 - 18:40', at(2022, 2, 12, 18, 40, null, null)],
    ['12 Feb, 2022 16:59', at(2022, 2, 12, 16, 59, null, null)], // seed 002
    ['12th February 2022', date(2022, 2, 12)],
    ['February 12, 2022', date(2022, 2, 12)],
    ['Feb 12, 2022 4:59 PM', at(2022, 2, 12, 16, 59, null, null)], // 4:59 PM = 16:59
    ['Feb 12, 2022 12:05 a.m.', at(2022, 2, 12, 0, 5, null, null)], // 12 a.m. = 00
    ['Feb. 12, 2022 at 12:05 pm', at(2022, 2, 12, 12, 5, null, null)], // 12 p.m. = 12
    ['Sat, 12 Feb 2022 12:29:00 +0000', at(2022, 2, 12, 12, 29, 0, 0)], // RFC 2822
    ['Sat, 12 Feb 2022 12:29:00 GMT', at(2022, 2, 12, 12, 29, 0, 0)],
    ['12 Feb 2022 18:40 GMT+3', at(2022, 2, 12, 18, 40, null, 180)],
    ['12 Feb 2022 18:40 UTC+03:30', at(2022, 2, 12, 18, 40, null, 210)],
    ['26-FEB-1987 15:01:01.79', at(1987, 2, 26, 15, 1, 1, null)], // Reuters-21578
    ['12 May 2022', date(2022, 5, 12)],
    ['12. Februar 2022 um 18:40 Uhr', at(2022, 2, 12, 18, 40, null, null)], // German
    ['12 février 2022 à 18h40', at(2022, 2, 12, 18, 40, null, null)], // French
    ['Publié le 3 mai 2022', date(2022, 5, 3)],
    ['12 de febrero de 2022, 18:40', at(2022, 2, 12, 18, 40, null, null)], // Spanish
    ['12 febbraio 2022 alle 18:40', at(2022, 2, 12, 18, 40, null, null)], // Italian
    ['12 de fevereiro de 2022 às 18h40', at(2022, 2, 12, 18, 40, null, null)], // Portuguese
    ['12 maart 2022 om 18:40', at(2022, 3, 12, 18, 40, null, null)], // Dutch
    ['12 февраля 2022, 18:40 MSK', at(2022, 2, 12, 18, 40, null, 180)], // Russian
    ['12 Mars 2022', date(2022, 3, 12)],
    ['2022年2月12日 18:40', at(2022, 2, 12, 18, 40, null, null)], // Chinese
    // Iran's Solar Hijri calendar, in Persian digits or ASCII: 23 Bahman 1400 is 12 February 2022.
    ['شنبه ۲۳ بهمن ۱۴۰۰ ساعت ۱۸:۴۰', at(2022, 2, 12, 18, 40, null, null)],
    ['۱۴۰۰/۱۱/۲۳ - ۱۸:۴۰', at(2022, 2, 12, 18, 40, null, null)],
    ['1400/11/23', date(2022, 2, 12)],
    ['30 اسفند 1399', date(2021, 3, 20)], // the leap day of a leap year
    // Arabic month names (Egyptian, Levantine), in Arabic-Indic digits or ASCII.
    ['١٢ فبراير ٢٠٢٢', date(2022, 2, 12)],
    ['12 شباط 2022', date(2022, 2, 12)],
    ['2022年02月12日(土) 18時40分', at(2022, 2, 12, 18, 40, null, null)], // Japanese, with the weekday
    ['2022年2月12日', date(2022, 2, 12)],
    ['2022년 2월 12일 18:40 KST', at(2022, 2, 12, 18, 40, null, 540)], // Korean
  ])('%s', (text, expected) => {
    expect(read(text)).toEqual([expected]);
  });

  test('a Solar Hijri day that does not exist is no date (Esfand 1400 has 29 days)', () => {
    expect(read('30 اسفند 1400')).toEqual([]);
  });

  test('a word that begins like a month is not one ("Mayor 12 2022", "Marsh 3, 2022", "12 juniors 2022")', () => {
    expect(read('Mayor 12 2022 and Marsh 3, 2022 and 12 juniors 2022')).toEqual([]);
  });

  test('seed 000: "(@SecBlinken) February 12, 2022"', () => {
    expect(read('— Secretary Antony Blinken (@SecBlinken) February 12, 2022')).toEqual([date(2022, 2, 12)]);
  });

  test('one reading per date, not one per pattern', () => {
    expect(findDateCandidates('Sat, 12 Feb 2022 12:29:00 +0000')).toHaveLength(1);
  });

  test('a month name inside a word is not a month', () => {
    expect(read('Mayor 12, 2022 votes')).toEqual([]);
  });
});

describe('findDateCandidates: numeric', () => {
  test.each([
    ['12.02.2022', date(2022, 2, 12)], // dots: day first (seed 004 "12.02.2022, Sputnik International")
    ['13/02/2022', date(2022, 2, 13)], // 13 cannot be a month
    ['02/13/2022', date(2022, 2, 13)], // US order, unambiguous
    ['02/02/2022', date(2022, 2, 2)], // both orders agree
    ['12.02.2022 18:40', at(2022, 2, 12, 18, 40, null, null)],
  ])('%s', (text, expected) => {
    expect(read(text)).toEqual([expected]);
  });

  test('ambiguous day/month order is skipped', () => {
    expect(read('12/02/2022')).toEqual([]);
    expect(read('03-04-2022')).toEqual([]);
  });
});

describe('findDateCandidates: not dates', () => {
  test.each([
    '+74956456601', // phone number in seed 004
    'Story Code : 538334', // seed 001
    '1920 1080',
    '1920 1920 true',
    'Sputnik International feedback@sputniknews.com +74956456601 MIA „Rosiya Segodnya“ 252 60',
    'https://cdnn1.img.sputniknews.com/img/102559/25/1025592560_0:566:3952:2789_1920x0_80_0_0_cff26c2289b9f0d7879d2431563d7d5b.jpg',
    'https://example.com/2022/02/12/story', // a date in a URL path
    '2022-02-30', // no such day
    '2022-13-01', // no such month
    '31.04.2022', // April has 30 days
    'version 1.2.2022.5',
    'On Saturday, February 12, the talks', // no year
  ])('%s', (text) => {
    expect(read(text)).toEqual([]);
  });

  test('an impossible time does not make a date-time', () => {
    expect(read('Feb 12, 2022 13:05 PM')).toEqual([]); // 13 PM
    expect(read('2022-02-12T24:30Z')).toEqual([]);
  });
});

test('offsets point at the match', () => {
  const text = 'Posted: 12 Feb 2022 - 18:40 | News';
  const [found] = findDateCandidates(text);
  expect(found && text.slice(found.start, found.end)).toBe('12 Feb 2022 - 18:40');
});

describe('findDateCandidates: zone abbreviations and dotted times', () => {
  test.each([
    ['Saturday 12 February 2022 18.40 GMT', at(2022, 2, 12, 18, 40, null, 0)], // the Guardian's form
    ['12 Feb 2022 6.40pm', at(2022, 2, 12, 18, 40, null, null)],
    ['Feb. 12, 2022 6:40 p.m. ET', at(2022, 2, 12, 18, 40, null, -300)], // New York in February: UTC−5
    ['July 12, 2022 6:40 p.m. ET', at(2022, 7, 12, 18, 40, null, -240)], // …and in July: UTC−4
    ['July 12, 2022 6:40 PM EST', at(2022, 7, 12, 18, 40, null, -240)], // "EST" written loosely in summer: the zone's offset that day
    ['12 February 2022, 18:40 CET', at(2022, 2, 12, 18, 40, null, 60)],
    ['12 August 2022, 18:40 CET', at(2022, 8, 12, 18, 40, null, 120)],
    ['Feb 12 2022 18:40 MSK', at(2022, 2, 12, 18, 40, null, 180)],
    ['12 Feb 2022 18:40 IRST', at(2022, 2, 12, 18, 40, null, 210)],
    ['12 Feb 2022 18:40 AEDT', at(2022, 2, 12, 18, 40, null, 660)],
    ['12 Feb 2022 18:40 MST', at(2022, 2, 12, 18, 40, null, -420)],
    ['2022-02-12 18:40 PST', at(2022, 2, 12, 18, 40, null, -480)],
    // Names shared by several zones, or lower case (a word, not a zone): a local time.
    ['12 Feb 2022 18:40 IST', at(2022, 2, 12, 18, 40, null, null)],
    ['12 Feb 2022 18:40 CST', at(2022, 2, 12, 18, 40, null, null)],
    ['Feb 12, 2022 6:40 pm est', at(2022, 2, 12, 18, 40, null, null)],
  ])('%s', (text, expected) => {
    expect(read(text)).toEqual([expected]);
  });

  test('a dotted number after a date with no zone or am/pm is not a time, and is left out of the match', () => {
    const text = 'On 12 Feb 2022 12.50 euros changed hands; 12.02.2022 18.40';
    expect(findDateCandidates(text).map(({ start, end, time }) => [text.slice(start, end), time])).toEqual([
      ['12 Feb 2022', null],
      ['12.02.2022', null],
    ]);
  });

  test('a dotted number followed by a lower-case word that spells a zone is not a time either', () => {
    const text = 'On 12 Feb 2022 12.50 cat food was sold; 12 Feb 2022 6.40 est. arrival';
    expect(findDateCandidates(text).map(({ start, end, time, offsetMinutes }) => [text.slice(start, end), time, offsetMinutes])).toEqual([
      ['12 Feb 2022', null, null],
      ['12 Feb 2022', null, null],
    ]);
  });
});
