import fc from 'fast-check';
import { chooseDateCandidate } from '../../src/ingest/date-candidate';
import { findDateCandidates } from '../../src/ingest/find-date-candidates';
import { extractPublished, parseCompactIsoTime, parsePlainIsoTime, parsePublishedValue } from '../../src/ingest/extract-published';

describe('extractPublished', () => {
  test('seed 004: the earliest explicit instant beats dates and the later update', () => {
    const text = [
      ' date 2022-02-12 https://sputniknews.com/20220212/x-1092963955.html',
      '',
      'Lavrov Tells Blinken Propaganda',
      'Russian Foreign Minister Sergei Lavrov ... 12.02.2022, Sputnik International',
      '2022-02-12T12:29+0000',
      '2022-02-12T12:29+0000',
      '2022-02-12T12:55+0000',
    ].join('\n');
    const found = extractPublished(text);
    expect(found && text.slice(found.start, found.end)).toBe('2022-02-12T12:29+0000');
  });

  test('seed 001: local time from "Publish date12 Feb 2022 - 18:40"', () => {
    expect(extractPublished('Publish date12 Feb 2022 - 18:40\nStory Code : 538334\n\nLavrov Tells Blinken')).toMatchObject({
      year: 2022, month: 2, day: 12, time: { hour: 18, minute: 40, second: null }, offsetMinutes: null,
    });
  });

  test('an instant beats an earlier local time', () => {
    expect(extractPublished('12 Feb 2022 08:00\n2022-02-12T12:00Z')).toMatchObject({ time: { hour: 12 }, offsetMinutes: 0 });
  });

  test('equal precision: the earliest (published precedes updated)', () => {
    expect(extractPublished('Updated: 2022-02-13T10:00Z\nPublished: 2022-02-12T09:00Z')).toMatchObject({ day: 12, time: { hour: 9 } });
    // Earliest as instants: 10:00+03:00 is 07:00Z, before 08:00Z.
    expect(extractPublished('2022-02-12T08:00Z\n2022-02-12T10:00+03:00')).toMatchObject({ time: { hour: 10 }, offsetMinutes: 180 });
  });

  test('only the first 12 non-empty lines are searched', () => {
    const lines = Array.from({ length: 12 }, (_, i) => `line ${i + 1}`);
    expect(extractPublished([...lines, '2022-02-12'].join('\n\n'))).toBeNull();
    expect(extractPublished([...lines.slice(0, 11), '2022-02-12'].join('\n\n'))).toMatchObject({ day: 12 });
  });

  test('only dates starting in the first 1,500 characters are taken', () => {
    expect(extractPublished(`${'x'.repeat(1500)} 2022-02-12`)).toBeNull();
    expect(extractPublished(`${'x'.repeat(1480)} 2022-02-12`)).toMatchObject({ day: 12 });
  });

  test('never invents a date', () => {
    expect(extractPublished('Sputnik International feedback@sputniknews.com +74956456601\nStory Code : 538334')).toBeNull();
  });
});

describe('parsePublishedValue', () => {
  test('reads metadata values', () => {
    expect(parsePublishedValue('2022-02-12T12:29:05Z')).toMatchObject({ time: { second: 5 }, offsetMinutes: 0 });
    expect(parsePublishedValue('Sat, 12 Feb 2022 12:29:00 +0000')).toMatchObject({ day: 12, offsetMinutes: 0 });
    expect(parsePublishedValue('yesterday')).toBeNull();
  });

  test('reads a Unix time in seconds (a fraction dropped) or milliseconds as a UTC instant', () => {
    const at = { year: 2022, month: 2, day: 12, time: { hour: 12, minute: 29, second: 0 }, offsetMinutes: 0 };
    expect(parsePublishedValue('1644668940')).toMatchObject({ ...at, start: 0, end: 10 });
    expect(parsePublishedValue(' 1644668940.75 ')).toMatchObject({ ...at, start: 1, end: 14 });
    expect(parsePublishedValue('1644668940999')).toMatchObject(at);
    expect(parsePublishedValue('999999999')).toMatchObject({ year: 2001, month: 9, day: 9, time: { hour: 1, minute: 46, second: 39 } });
  });

  test('digits of other lengths are not a Unix time: a year, a compact date, a story code', () => {
    expect(parsePublishedValue('2022')).toBeNull();
    expect(parsePublishedValue('538334')).toBeNull();
    expect(parsePublishedValue('16446689401')).toBeNull();
    expect(parsePublishedValue('16446689400001')).toBeNull();
    expect(parsePublishedValue('1644668940 and more')).toBeNull();
  });
});

describe('parseCompactIsoTime (ISO 8601 basic form, as a whole value)', () => {
  test('a date, a date-time with T (seconds and offset optional) or fourteen digits; without an offset a local time', () => {
    const day = { year: 2022, month: 2, day: 12 };
    expect(parsePublishedValue('20220212')).toEqual({ start: 0, end: 8, ...day, time: null, offsetMinutes: null });
    expect(parsePublishedValue('20220212T1840')).toMatchObject({ ...day, time: { hour: 18, minute: 40, second: null }, offsetMinutes: null });
    expect(parsePublishedValue('20220212T184005Z')).toMatchObject({ ...day, time: { hour: 18, minute: 40, second: 5 }, offsetMinutes: 0 });
    expect(parsePublishedValue('20220212t184005+0330')).toMatchObject({ time: { second: 5 }, offsetMinutes: 210 });
    expect(parsePublishedValue('20220212T184005-05:00')).toMatchObject({ offsetMinutes: -300 });
    // GDELT's DATEADDED, a Wayback timestamp: no zone stated, so none assumed.
    expect(parsePublishedValue(' 20220212184005 ')).toEqual({ start: 1, end: 15, ...day, time: { hour: 18, minute: 40, second: 5 }, offsetMinutes: null });
  });

  test('out of range, other lengths and Unix times are not read as one', () => {
    for (const other of ['20220230', '20221312', '20220212T2440', '20220212T184060Z', '20220212T1840+1500', '2022021218400', '202202121840051', '20220212 1840', '17990212']) {
      expect(parseCompactIsoTime(other)).toBeNull();
    }
    // A 9- to 13-digit value stays a Unix time, in UTC.
    expect(parsePublishedValue('1644691200')).toMatchObject({ year: 2022, month: 2, day: 12, offsetMinutes: 0 });
    expect(parsePublishedValue('1644691200000')).toMatchObject({ year: 2022, offsetMinutes: 0 });
  });
});

describe('parsePlainIsoTime (the fast reading of parsePublishedValue)', () => {
  const general = (value: string) => chooseDateCandidate(findDateCandidates(value));
  const pad = (n: number, width: number) => String(n).padStart(width, '0');

  test('reads the plain ISO forms exactly as the general date finder does', () => {
    // Values near and beyond every range the fast reading checks: years, days per month, hours, offsets.
    const iso = fc
      .record({
        year: fc.integer({ min: 1790, max: 2210 }),
        month: fc.integer({ min: 0, max: 13 }),
        day: fc.integer({ min: 0, max: 32 }),
        time: fc.option(
          fc.record({
            hour: fc.integer({ min: 0, max: 25 }),
            minute: fc.integer({ min: 0, max: 61 }),
            second: fc.option(fc.integer({ min: 0, max: 61 })),
            fraction: fc.option(fc.stringMatching(/^[0-9]{1,9}$/)),
            sep: fc.constantFrom('T', ' '),
            zone: fc.option(
              fc.oneof(
                fc.constant('Z'),
                fc.tuple(fc.constantFrom('+', '-'), fc.integer({ min: 0, max: 16 }), fc.integer({ min: 0, max: 61 }), fc.boolean()).map(
                  ([sign, h, mi, colon]) => `${sign}${pad(h, 2)}${colon ? ':' : ''}${pad(mi, 2)}`,
                ),
              ),
            ),
          }),
        ),
      })
      .map(({ year, month, day, time }) => {
        let v = `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`;
        if (time === null) return v;
        v += `${time.sep}${pad(time.hour, 2)}:${pad(time.minute, 2)}`;
        if (time.second !== null) v += `:${pad(time.second, 2)}${time.fraction !== null ? `.${time.fraction}` : ''}`;
        return v + (time.zone ?? '');
      });
    let read = 0;
    fc.assert(
      fc.property(iso, (value) => {
        const fast = parsePlainIsoTime(value);
        if (fast !== null) {
          read++;
          expect(fast).toEqual(general(value));
        }
      }),
      { numRuns: 5000 },
    );
    // Most generated values are in range: the fast reading must take them, not hand them all on.
    expect(read).toBeGreaterThan(1000);
  });

  test('takes the dumps\' usual forms and hands on anything else', () => {
    expect(parsePlainIsoTime('2024-01-01T02:02:00+02:00')).toEqual({
      start: 0, end: 25, year: 2024, month: 1, day: 1, time: { hour: 2, minute: 2, second: 0 }, offsetMinutes: 120,
    });
    expect(parsePlainIsoTime('2022-02-12T12:29:05.123Z')).toMatchObject({ time: { second: 5 }, offsetMinutes: 0 });
    expect(parsePlainIsoTime('2022-02-12 18:40')).toMatchObject({ time: { hour: 18, minute: 40, second: null }, offsetMinutes: null });
    expect(parsePlainIsoTime('2022-02-12')).toMatchObject({ time: null, offsetMinutes: null });
    for (const other of ['2022-02-30', '2022-02-12T24:00', '2022-02-12t12:29z', ' 2022-02-12', '2022/02/12', '2022-02-12T12:29 GMT', '2022-02-12T12:29+15:00']) {
      expect(parsePlainIsoTime(other)).toBeNull();
    }
    // Handed on, the general reading still has its say.
    expect(parsePublishedValue('2022-02-12t12:29z')).toMatchObject({ offsetMinutes: 0 });
  });
});
