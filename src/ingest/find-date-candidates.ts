/**
 * Finding dates and date-times in free text.
 *
 * Recognised (case-insensitive; each may be followed by a time and a zone):
 * - ISO 8601: `2022-02-12`, `2022-02-12T12:29+0000`, `2022-02-12T12:29:05.123+03:00`,
 *   `2022-02-12 12:29`, `2022/02/12`.
 * - Day, month name, year: `12 Feb 2022 - 18:40`, `12 Feb, 2022 16:59`, `12th February 2022`,
 *   RFC 2822 `Sat, 12 Feb 2022 12:29:00 +0000`, Reuters `26-FEB-1987 15:01:01.79`.
 * - Month name, day, year: `February 12, 2022`, `Feb 12, 2022 4:59 PM`.
 * - Numeric: `12.02.2022` (always day first); `13/02/2022` and `02-13-2022` only when the
 *   order is unambiguous (one number above 12, or both equal).
 *
 * Times: `HH:MM`, `HH:MM:SS`, fractions (dropped), `AM`/`PM`/`a.m.`/`p.m.`; `HH.MM` only
 * with a zone or `am`/`pm` after it (`18.40 GMT`, `6.40pm`), else the date alone is kept;
 * between date and time a space, `T`, `,`, `-`, `|`, `@` or `at`. Zones: `Z`, `GMT`, `UTC`,
 * `GMT+3`, `UTC+03:30`, `+0300`, `+03:00`, and the abbreviations of {@link ZONE_NAMES}
 * (upper case only: `EST`, `ET`, `CET`, `MSK`, …). Years outside 1800–2199 are ignored, as
 * are impossible dates and times. Digits glued to other digits, dots or slashes are not
 * taken, so phone numbers, story codes and URL paths do not read as dates.
 */
import type { DateCandidate } from './date-candidate';
import { zonedWallTimeToUtc } from './zoned-wall-time-to-utc';

/**
 * Zone abbreviations news pages print after a time, each with what it means:
 * minutes east of UTC, or an IANA zone whose offset on the day is taken. A
 * zone is named where writers use the standard and the daylight names
 * loosely ("EST" in July for New York): the zone's own offset that day is
 * then right either way. Abbreviations that name several zones (IST: India,
 * Ireland, Israel; CST: China, US Central; BST; AST; GST) are left out: a
 * time followed by one stays a local time of unknown zone.
 */
export const ZONE_NAMES: Readonly<Record<string, number | string>> = Object.freeze({
  ET: 'America/New_York', EST: 'America/New_York', EDT: 'America/New_York',
  CT: 'America/Chicago', CDT: 'America/Chicago',
  MT: 'America/Denver', MDT: 'America/Denver', MST: -420,
  PT: 'America/Los_Angeles', PST: 'America/Los_Angeles', PDT: 'America/Los_Angeles',
  AKST: 'America/Anchorage', AKDT: 'America/Anchorage', HST: -600,
  WET: 'Europe/Lisbon', WEST: 'Europe/Lisbon',
  CET: 'Europe/Paris', CEST: 'Europe/Paris',
  EET: 'Europe/Athens', EEST: 'Europe/Athens',
  MSK: 'Europe/Moscow',
  SAST: 120, EAT: 180, WAT: 60, CAT: 120,
  IRST: 210, IRDT: 270, PKT: 300, WIB: 420, SGT: 480, HKT: 480, PHT: 480, JST: 540, KST: 540,
  AWST: 480, ACST: 570, ACDT: 630, AEST: 600, AEDT: 660, NZST: 720, NZDT: 780,
});

const S = '[ \\t\\u00a0]';
/**
 * Month names of other languages news is written in, whole (abbreviations
 * are English only): German, French, Spanish, Italian, Portuguese, Dutch,
 * Russian (in the genitive a date uses: "12 февраля 2022") and Arabic (the
 * Egyptian and the Levantine names).
 */
export const FOREIGN_MONTHS: Readonly<Record<string, number>> = Object.freeze(
  Object.fromEntries(
    [
      ['januar jänner janvier enero gennaio janeiro januari января يناير', 1],
      ['februar février fevrier febrero febbraio fevereiro februari февраля فبراير شباط', 2],
      ['märz maerz mars marzo março marco maart марта مارس آذار', 3],
      ['avril abril aprile апреля أبريل ابريل نيسان', 4],
      ['mai mayo maggio maio mei мая مايو أيار', 5],
      ['juni juin junio giugno junho июня يونيو حزيران', 6],
      ['juli juillet julio luglio julho июля يوليو تموز', 7],
      ['août aout agosto augustus августа أغسطس اغسطس آب', 8],
      ['septembre septiembre setiembre settembre setembro сентября سبتمبر أيلول', 9],
      ['oktober octobre octubre ottobre outubro октября أكتوبر اكتوبر', 10],
      ['novembre noviembre novembro ноября نوفمبر', 11],
      ['dezember décembre decembre diciembre dicembre dezembro декабря ديسمبر', 12],
    ].flatMap(([names, month]) => (names as string).split(' ').map((name) => [name, month as number])),
  ),
);
/** A letter a month name may not run on into (Latin, Latin-1 and Extended-A/B, Cyrillic, Arabic). */
const NOT_LETTER = '(?![a-z\\u00c0-\\u024f\\u0400-\\u04ff\\u0600-\\u06ff])';

/** The months of the Solar Hijri calendar, Iran's (Persian names), by number. */
const JALALI_MONTHS: readonly string[] = ['فروردین', 'اردیبهشت', 'خرداد', 'تیر', 'مرداد', 'شهریور', 'مهر', 'آبان', 'آذر', 'دی', 'بهمن', 'اسفند'];
const MONTH =
  '(?<mon>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?|' +
  `${Object.keys(FOREIGN_MONTHS).sort((x, y) => y.length - x.length).join('|')})${NOT_LETTER}\\.?`;
const ZONE =
  `(?:${S}*(?<zone>z(?![a-z0-9])|(?:gmt|utc)(?:${S}*[+-]${S}*\\d{1,2}(?::?\\d{2})?)?(?![a-z0-9])|[+-]\\d{2}:?\\d{2}(?!\\d)|` +
  `(?:${Object.keys(ZONE_NAMES).sort((a, b) => b.length - a.length).join('|')})(?![a-z0-9])))?`;
const CLOCK =
  `(?<h>\\d{1,2})(?<tsep>[:.]|${S}?h${S}?)(?<mi>\\d{2})(?::(?<s>\\d{2})(?:[.,]\\d{1,9})?)?(?!\\d)(?:${S}*(?<ap>[ap])\\.?m\\.?(?![a-z]))?`;
/** Optional time after a date written with words or numbers. */
const TIME = `(?:${S}*(?:[-\\u2013\\u2014,|@]|(?:at|um|om|à|às|alle|a${S}+las|в)${NOT_LETTER})?${S}*${CLOCK}${ZONE})?`;
const ORDINAL = '(?:st|nd|rd|th)?';
const SEP = `${S}*[-/.,]?${S}*`;
/** Between a month and its year: SEP, or Spanish and Portuguese "de" ("12 de febrero de 2022"). */
const MONTH_YEAR = `(?:${S}+de${S}+|${SEP})`;

type Order = 'ymd' | 'dmy' | 'mdy' | 'numeric' | 'jalali';

const PATTERNS: readonly { readonly order: Order; readonly re: RegExp }[] = [
  {
    // Iran's calendar: ۲۳ بهمن ۱۴۰۰ (digits made ASCII first), 1400/11/23; years 1300–1499, which no Gregorian pattern takes.
    order: 'jalali',
    re: new RegExp(
      `(?:(?<![\\d./-])(?<y>1[34]\\d{2})(?<sep>[/.-])(?<m>\\d{1,2})\\k<sep>(?<d>\\d{1,2})(?![\\d./-])|(?<!\\d)(?<d2>\\d{1,2})${S}*(?<jmon>${JALALI_MONTHS.join('|')})${NOT_LETTER}${S}*(?<y2>1[34]\\d{2})(?!\\d))` +
        `(?:${S}*(?:[-\\u2013,|\\u060C]|ساعت)?${S}*${CLOCK}${ZONE})?`,
      'gu',
    ),
  },
  {
    order: 'ymd',
    re: new RegExp(
      `(?<![\\d./-])(?<y>\\d{4})(?<sep>[-/])(?<m>\\d{1,2})\\k<sep>(?<d>\\d{1,2})(?!\\d)` +
        `(?:(?:t|${S}+|${S}*,${S}*)(?<h>\\d{2}):(?<mi>\\d{2})(?::(?<s>\\d{2})(?:[.,]\\d{1,9})?)?(?!\\d)${ZONE})?`,
      'gi',
    ),
  },
  {
    // Chinese, Japanese and Korean: 2022年2月12日 18:40, 2022年2月12日(土) 18時40分, 2022년 2월 12일 18:40.
    order: 'ymd',
    re: new RegExp(
      `(?<!\\d)(?<y>\\d{4})${S}*[年년]${S}*(?<m>\\d{1,2})${S}*[月월]${S}*(?<d>\\d{1,2})${S}*[日일](?:${S}*[(（][^)）\\n]{1,3}[)）])?` +
        `(?:${S}*(?<h>\\d{1,2})${S}*(?:[:：]|[時时시])${S}*(?<mi>\\d{2})(?!\\d)(?:${S}*[分분])?${ZONE})?`,
      'gi',
    ),
  },
  {
    order: 'dmy',
    re: new RegExp(
      `(?<!\\d)(?<d>\\d{1,2})${ORDINAL}(?:${S}+(?:(?:of|de)${S}+)?|${S}*[-/.]${S}*)${MONTH}${MONTH_YEAR}(?<y>\\d{4})(?!\\d)${TIME}`,
      'gi',
    ),
  },
  {
    order: 'mdy',
    re: new RegExp(
      `(?<![a-z])${MONTH}${S}*(?<d>\\d{1,2})${ORDINAL}(?!\\d)${S}*,?${S}*(?<y>\\d{4})(?!\\d)${TIME}`,
      'gi',
    ),
  },
  {
    order: 'numeric',
    re: new RegExp(
      `(?<![\\d./-])(?<a>\\d{1,2})(?<sep>[./-])(?<b>\\d{1,2})\\k<sep>(?<y>\\d{4})(?!\\d|[./-]\\d)${TIME}`,
      'gi',
    ),
  },
];

const MONTHS: Readonly<Record<string, number>> = {
  jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, oct: 10, nov: 11, dec: 12,
};

/**
 * Find every date or date-time in `text`, in text order, without overlaps (where two
 * readings overlap the earlier, then the longer, wins).
 */
export function findDateCandidates(text: string): DateCandidate[] {
  const found: DateCandidate[] = [];
  // Persian and Arabic-Indic digits as ASCII ones: one unit for one, so offsets stay.
  const ascii = text.replace(EASTERN_DIGITS, (d) => String((d.charCodeAt(0) - 0x0660) % 0x90));
  // The Solar Hijri pattern is tried only where it may match: Persian text, or a year 13xx/14xx with a separator.
  const jalali = ARABIC_SCRIPT.test(ascii) || JALALI_NUMERIC.test(ascii);
  for (const { order, re } of PATTERNS) {
    if (order === 'jalali' && !jalali) continue;
    for (const match of ascii.matchAll(re)) {
      const candidate = toCandidate(order, match);
      if (candidate !== null) found.push(candidate);
    }
  }
  found.sort((a, b) => a.start - b.start || b.end - a.end);
  const kept: DateCandidate[] = [];
  for (const candidate of found) {
    const last = kept[kept.length - 1];
    if (last === undefined || candidate.start >= last.end) kept.push(candidate);
  }
  return kept;
}

/** Arabic-Indic (U+0660…) and Persian (U+06F0…) digits: `(unit − 0x660) mod 0x90` is the digit. */
const EASTERN_DIGITS = /[\u0660-\u0669\u06F0-\u06F9]/g;
const ARABIC_SCRIPT = /[\u0600-\u06FF]/;
const JALALI_NUMERIC = /(?<!\d)1[34]\d{2}[/.-]\d/;

function toCandidate(order: Order, match: RegExpMatchArray): DateCandidate | null {
  const g = match.groups ?? {};
  let year = Number(g['y'] ?? g['y2']);
  let month: number;
  let day: number;
  if (order === 'jalali') {
    const gregorian = jalaliToGregorian(year, g['jmon'] === undefined ? Number(g['m']) : JALALI_MONTHS.indexOf(g['jmon']) + 1, Number(g['d'] ?? g['d2']));
    if (gregorian === null) return null;
    [year, month, day] = gregorian;
  } else if (order === 'numeric') {
    const a = Number(g['a']);
    const b = Number(g['b']);
    if (g['sep'] === '.' || a > 12 || a === b) {
      [day, month] = [a, b];
    } else if (b > 12) {
      [month, day] = [a, b];
    } else {
      return null; // 03/04/2022: March 4 or 3 April? Do not guess.
    }
  } else {
    day = Number(g['d']);
    const name = g['mon']?.toLowerCase();
    month = name === undefined ? Number(g['m']) : (FOREIGN_MONTHS[name] ?? MONTHS[name.slice(0, 3)] ?? 0);
  }
  if (!isValidDate(year, month, day)) return null;

  let time: DateCandidate['time'] = null;
  let offsetMinutes: number | null = null;
  // A lower-case "est" or "cat" after a time is more likely a word than a zone: it gives no offset.
  const zone = g['zone'];
  const lowerCaseName = zone !== undefined && ZONE_NAMES[zone.toUpperCase()] !== undefined && zone !== zone.toUpperCase();
  // `18.40` is a time only with am/pm or a zone that gives an offset after it (else `12.50 euros`, `12.50 cat food` would be one).
  const dotted = g['tsep'] === '.' && g['ap'] === undefined && (zone === undefined || lowerCaseName);
  if (g['h'] !== undefined && g['mi'] !== undefined && !dotted) {
    let hour = Number(g['h']);
    const minute = Number(g['mi']);
    const second = g['s'] === undefined ? null : Number(g['s']);
    const ap = g['ap']?.toLowerCase();
    if (ap !== undefined) {
      if (hour < 1 || hour > 12) return null;
      hour = (hour % 12) + (ap === 'p' ? 12 : 0);
    }
    if (!isValidClock(hour, minute, second)) return null;
    time = { hour, minute, second };
    if (zone !== undefined && !lowerCaseName) {
      const named = ZONE_NAMES[zone.toUpperCase()];
      if (named === undefined) {
        offsetMinutes = parseOffset(zone);
        if (offsetMinutes === null) return null;
      } else {
        offsetMinutes = typeof named === 'number' ? named : offsetOnWallTime(year, month, day, time, named);
      }
    }
  }
  const start = match.index ?? 0;
  // A dotted time that is not one is left out of the match (the date alone).
  const end = dotted ? start + matchedDateLength(match) : start + match[0].length;
  return { start, end, year, month, day, time, offsetMinutes };
}

/** Length of the match up to the date's year (a dotted number after it is not a time). */
function matchedDateLength(match: RegExpMatchArray): number {
  const text = match[0];
  const year = match.groups?.['y'] ?? '';
  const at = text.indexOf(year);
  return at < 0 ? text.length : at + year.length;
}

/** Minutes east of UTC that IANA zone `zone` was at this wall time. */
function offsetOnWallTime(year: number, month: number, day: number, time: NonNullable<DateCandidate['time']>, zone: string): number {
  const wall = Date.UTC(year, month - 1, day, time.hour, time.minute, time.second ?? 0);
  return Math.round((wall - zonedWallTimeToUtc(year, month, day, time.hour, time.minute, time.second ?? 0, zone)) / 60000);
}

/** A day that exists, in the years news dates are read in (1800–2199). */
export function isValidDate(year: number, month: number, day: number): boolean {
  if (year < 1800 || year > 2199 || month < 1 || month > 12 || day < 1) return false;
  return day <= new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** A time of day (`second` null when not given). */
export function isValidClock(hour: number, minute: number, second: number | null): boolean {
  return hour <= 23 && minute <= 59 && (second === null || second <= 59);
}

/** Minutes east of UTC for `Z`, `GMT`, `UTC+3`, `+0330`, `-05:00`; `null` when out of range. */
export function parseOffset(zone: string): number | null {
  const z = zone.replace(/[ \t\u00a0]/g, '').toLowerCase();
  if (z === 'z' || z === 'gmt' || z === 'utc') return 0;
  const m = /^(?:gmt|utc)?([+-])(\d{1,2}):?(\d{2})?$/.exec(z);
  if (m === null) return null;
  const hours = Number(m[2]);
  const minutes = Number(m[3] ?? '0');
  if (hours > 14 || minutes > 59) return null;
  return (m[1] === '-' ? -1 : 1) * (hours * 60 + minutes);
}

const persianDate = new Intl.DateTimeFormat('en-u-ca-persian', { timeZone: 'UTC', year: 'numeric', month: 'numeric', day: 'numeric' });

/** Year, month and day of a UTC day in the Solar Hijri calendar. */
function toJalali(ms: number): [number, number, number] {
  const parts = persianDate.formatToParts(new Date(ms));
  const part = (type: string): number => Number(parts.find((p) => p.type === type)?.value);
  return [part('year'), part('month'), part('day')];
}

/**
 * The Gregorian date of Solar Hijri `jy/jm/jd`, by the platform's Persian
 * calendar: the year's first day (Nowruz, 20–22 March of `jy + 621`) plus
 * the days before `jm/jd` (months 1–6 have 31 days, 7–11 30, 12 29 or 30);
 * `null` for a day that does not exist (checked by converting back).
 */
function jalaliToGregorian(jy: number, jm: number, jd: number): [number, number, number] | null {
  if (jm < 1 || jm > 12 || jd < 1 || jd > 31) return null;
  let nowruz: number | null = null;
  for (let d = 19; d <= 22 && nowruz === null; d++) {
    const ms = Date.UTC(jy + 621, 2, d);
    const [y, m, day] = toJalali(ms);
    if (y === jy && m === 1 && day === 1) nowruz = ms;
  }
  if (nowruz === null) return null;
  const ms = nowruz + ((jm <= 6 ? (jm - 1) * 31 : 186 + (jm - 7) * 30) + jd - 1) * 86_400_000;
  const [y, m, day] = toJalali(ms);
  if (y !== jy || m !== jm || day !== jd) return null;
  const date = new Date(ms);
  return [date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate()];
}
