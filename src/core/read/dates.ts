import { isBlank, isDate, showValue } from '../common/cell.ts';
import { MONTH_NAMES } from '../time/names.ts';
import { DAY_MS, fromWallMs, MINUTE_MS, utcMs, type ZoneClock } from '../time/zone.ts';

/**
 * Reading cell values as instants.
 *
 * - `Date` objects are instants (checked with Object.prototype.toString, so Dates from another
 *   realm work too). An invalid Date is unreadable. A Date before 1900 is what Sheets gives for
 *   a time typed without a date (30 Dec 1899): unreadable.
 * - Numbers are Sheets serial date-times: days since 1899-12-30, the fraction is the time of day,
 *   read as WALL time in the clock's zone (the spreadsheet's). Below 1 (a bare time) is unreadable.
 * - Text: ISO (`2026-11-23`, `2026-11-23 14:05`, `2026-11-23T14:05:00Z`, `...+01:00`),
 *   numeric dates `23/11/2026 14:05` (also with `.` or `-`, 2-digit years = 20xx),
 *   `Nov 23, 2026 2:05 PM`, `23 Nov 2026`, `Monday 23 November 2026`,
 *   French `23 novembre 2026 14h05`, `lundi 23 nov. 2026 à 14 h 05`, `1er mars 2026`.
 *   An explicit offset (`Z`, `+01:00`, `UTC`, `GMT+2`) wins; otherwise the text is wall time
 *   in the clock's zone.
 * - Day-first rule for numeric dates `a/b/yyyy`: with `dayFirst` (the default, our users are
 *   French) it is day/month, unless b > 12 and a ≤ 12, which can only be month/day (`11/23/2026`).
 *   With `dayFirst: false` it is month/day unless a > 12. So `11/03/2026` is 11 March by default.
 */
export type DateRead =
  | { kind: 'blank' }
  | { kind: 'instant'; ms: number }
  | { kind: 'unreadable'; reason: string };

export interface ReadDateOptions {
  /** Numeric dates like 11/03/2026 are day/month (true, default) or month/day (false). */
  dayFirst?: boolean;
  /**
   * When set, an ambiguous numeric date (both numbers 12 or less) is unreadable with this
   * reason: its column proves both orders (see dateOrder.ts).
   */
  undecided?: string;
}

const SHEETS_EPOCH_WALL = Date.UTC(1899, 11, 30);
const MIN_WALL = Date.UTC(1900, 0, 1);
const MAX_SERIAL = 2958466; // 10000-01-01

const BLANK: DateRead = { kind: 'blank' };

function unreadable(reason: string): DateRead {
  return { kind: 'unreadable', reason };
}

/** How a value is quoted in messages: text in quotes (shortened), others as they print. */

/** Reads a cell value as an instant. Never throws. */
export function readInstant(value: unknown, clock: ZoneClock, options?: ReadDateOptions): DateRead {
  if (isBlank(value)) return BLANK;
  if (isDate(value)) {
    const ms = value.getTime();
    if (!Number.isFinite(ms)) return unreadable('is not a valid date');
    if (ms < MIN_WALL - DAY_MS) return unreadable('is a time without a date');
    return { kind: 'instant', ms };
  }
  if (typeof value === 'number') return readSerial(value, clock);
  if (typeof value === 'string') {
    const parsed = parseDateText(value, options?.dayFirst ?? true, options?.undecided);
    if (typeof parsed === 'string') return unreadable(`${showValue(value)} ${parsed}`);
    const ms =
      parsed.offsetMinutes === null
        ? fromWallMs(clock, parsed.wallMs)
        : parsed.wallMs - parsed.offsetMinutes * MINUTE_MS;
    return { kind: 'instant', ms };
  }
  return unreadable(`${showValue(value)} is not a date`);
}

function readSerial(serial: number, clock: ZoneClock): DateRead {
  if (!Number.isFinite(serial)) return unreadable(`${serial} is not a date`);
  if (serial < 0 || serial >= MAX_SERIAL) return unreadable(`${serial} is not a date`);
  if (serial < 1) return unreadable(`${serial} is a time without a date`);
  const wallMs = SHEETS_EPOCH_WALL + Math.round(serial * DAY_MS);
  return { kind: 'instant', ms: fromWallMs(clock, wallMs) };
}

/** Instant → Sheets serial number in the clock's zone (wall time), for writing back. */
export function toSerial(clock: ZoneClock, instantMs: number): number {
  const wall = instantMs + clock.offsetMinutes(instantMs) * MINUTE_MS;
  return (wall - SHEETS_EPOCH_WALL) / DAY_MS;
}

// ------------------------------------------------------------------------------------------
// Text parsing

interface ParsedText {
  wallMs: number;
  offsetMinutes: number | null;
}

const MONTHS: Record<string, number> = {};
function months(names: string, month: number): void {
  for (const n of names.split(' ')) MONTHS[n] = month;
}
months('january jan janvier janv', 1);
months('february feb febr fevrier fev fevr', 2);
months('march mar mars', 3);
months('april apr avril avr', 4);
months('may mai', 5);
months('june jun juin', 6);
months('july jul juillet juil', 7);
months('august aug aout', 8);
months('september sep sept septembre', 9);
months('october oct octobre', 10);
months('november nov novembre', 11);
months('december dec decembre', 12);

const WEEKDAY_WORDS = new Set(
  (
    'monday mon tuesday tue tues wednesday wed thursday thu thur thurs friday fri saturday sat ' +
    'sunday sun lundi lun mardi mar mercredi mer jeudi jeu vendredi ven samedi sam dimanche dim'
  ).split(' '),
);

function normalize(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function fullYear(y: string): number {
  const n = Number(y);
  return y.length <= 2 ? 2000 + n : n;
}

/** Time and offset after the date: "", "14:05", "2:05 PM", "14h05", "14 h", "T14:05:00.123Z", "+01:00"... */
const TAIL =
  /^(?:(?:t|at|a|,|-)\s*)?(?:(\d{1,2})(?:\s*(?::|h)\s*(\d{2})?(?:\s*:\s*(\d{2})(?:[.,](\d{1,9}))?)?)?\s*(am|pm|a\.m\.|p\.m\.)?)?\s*(z|utc|gmt)?\s*(?:([+-])(\d{1,2})(?::?(\d{2}))?)?$/;

function parseTail(
  tail: string,
): { minuteOfDay: number; ms: number; offset: number | null } | string {
  const t = tail.trim();
  if (t === '') return { minuteOfDay: 0, ms: 0, offset: null };
  const m = TAIL.exec(t);
  if (!m) return 'is not a date';
  const [, h, mi, s, frac, ampm, zulu, sign, oh, om] = m;
  // a bare number after the date ("23/11/2026 14") is not a time unless it has h, : or am/pm
  if (h !== undefined && mi === undefined && ampm === undefined && !/\d\s*h/.test(t)) {
    return 'is not a date';
  }
  let hour = h === undefined ? 0 : Number(h);
  const minute = mi === undefined ? 0 : Number(mi);
  const second = s === undefined ? 0 : Number(s);
  if (ampm) {
    if (hour < 1 || hour > 12) return 'has an impossible time';
    hour = (hour % 12) + (ampm.startsWith('p') ? 12 : 0);
  }
  if (hour > 23 || minute > 59 || second > 59) return 'has an impossible time';
  const ms = frac === undefined ? 0 : Math.round(Number(`0.${frac}`) * 1000);
  let offset: number | null = zulu ? 0 : null;
  if (sign !== undefined) {
    const oMinutes = Number(oh) * 60 + (om === undefined ? 0 : Number(om));
    if (Number(oh) > 14 || (om !== undefined && Number(om) > 59)) return 'has an impossible offset';
    offset = sign === '-' ? -oMinutes : oMinutes;
  }
  return { minuteOfDay: hour * 60 + minute, ms: second * 1000 + ms, offset };
}

function build(year: number, month: number, day: number, tail: string): ParsedText | string {
  if (month < 1 || month > 12) return `is not a date (no month ${month})`;
  if (year < 1900 || year > 9999) return 'is not a date (year out of range)';
  if (day < 1 || day > daysInMonth(year, month)) {
    return `is not a date (there is no ${day} ${MONTH_NAMES[month - 1]} ${year})`;
  }
  const t = parseTail(tail);
  if (typeof t === 'string') return t;
  return {
    wallMs: utcMs(year, month, day) + t.minuteOfDay * MINUTE_MS + t.ms,
    offsetMinutes: t.offset,
  };
}

/** Parses date text; returns the reason (to follow the quoted text) when it cannot. */
export function parseDateText(
  text: string,
  dayFirst = true,
  undecided?: string,
): ParsedText | string {
  const s = normalize(text);
  // ISO: 2026-11-23, 2026/11/23, 2026-11-23T14:05:00Z
  let m = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(.*)$/.exec(s);
  if (m) return build(Number(m[1]), Number(m[2]), Number(m[3]), m[4]!);
  // Numeric: 23/11/2026, 11/23/2026, 23.11.26, 23-11-2026
  m = /^(\d{1,2})([/.-])(\d{1,2})\2(\d{4}|\d{2})(?!\d)(.*)$/.exec(s);
  if (m) {
    const a = Number(m[1]);
    const b = Number(m[3]);
    if (undecided !== undefined && a <= 12 && b <= 12 && a !== b) return undecided;
    let day = a;
    let month = b;
    if (dayFirst ? b > 12 && a <= 12 : a <= 12) {
      day = b;
      month = a;
    }
    return build(fullYear(m[4]!), month, day, m[5]!);
  }
  // Words: [weekday] 23 nov[.] 2026 [time] | [weekday] nov 23[,] 2026 [time]
  // ("mar" is both March and mardi: try the text as is, then without a leading weekday)
  const stripped = s
    .replace(/^([a-z]+)\.?,?\s+/, (all, w: string) => (WEEKDAY_WORDS.has(w) ? '' : all))
    .replace(/^le\s+/, '');
  for (const words of stripped === s ? [s] : [s, stripped]) {
    m = /^(\d{1,2})(?:er|st|nd|rd|th)?\s*(?:de\s+)?([a-z]+)\.?,?\s*(\d{4})(?!\d)(.*)$/.exec(words);
    if (m && MONTHS[m[2]!] !== undefined) {
      return build(Number(m[3]), MONTHS[m[2]!]!, Number(m[1]), m[4]!);
    }
    m = /^([a-z]+)\.?\s*(\d{1,2})(?:st|nd|rd|th)?,?\s*(\d{4})(?!\d)(.*)$/.exec(words);
    if (m && MONTHS[m[1]!] !== undefined) {
      return build(Number(m[3]), MONTHS[m[1]!]!, Number(m[2]), m[4]!);
    }
  }
  return 'is not a date';
}

/** A time of day written in a text date (`14:05`, `14h05`, `2 PM`). */
const TIME_IN_TEXT = /\d{1,2}\s*[:h]\s*\d{2}|\d\s*[ap]\.?m\b/i;

/** How many midnight dates, with no text to tell, make a column one of days rather than times. */
const MIDNIGHTS_FOR_DAYS = 3;

/**
 * Does a column hold days without a time of day? Its dates (the instants `read` gives, with
 * their cells) are all at midnight, and that is no accident: a text date written without a time,
 * or several midnights in a row. One date at 00:00 proves nothing.
 */
export function holdsDaysOnly(
  cells: Iterable<{ value: unknown; ms: number }>,
  clock: ZoneClock,
  sample = 200,
): boolean {
  let seen = 0;
  let writtenAsDay = false;
  for (const { value, ms } of cells) {
    const offset = clock.offsetMinutes(ms) * MINUTE_MS;
    if ((ms + offset) % DAY_MS !== 0) return false;
    if (typeof value === 'string' && !TIME_IN_TEXT.test(value)) writtenAsDay = true;
    if (++seen >= sample) break;
  }
  return writtenAsDay || seen >= MIDNIGHTS_FOR_DAYS;
}
