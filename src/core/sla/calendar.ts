import { WEEKDAYS } from '../common/choices.ts';
import type { CalendarSettings } from '../settings/index.ts';
import {
  DAY_MS,
  fromWallMs,
  HOUR_MS,
  MINUTE_MS,
  offsetSegments,
  wallDayNumber,
  type ZoneClock,
} from '../time/zone.ts';

/**
 * Business calendar: working spans per weekday, holidays, in one time zone.
 *
 * Business time is REAL elapsed time during which the wall clock (in the calendar's zone)
 * reads a working span of a working day. So a 09:00-18:00 span is 9 real hours on a normal
 * day, and a 01:00-04:00 span in Paris covers 2 real hours on 2026-03-29 (02:00-03:00 does
 * not exist) and 4 on 2026-10-25 (02:00-03:00 happens twice). Spans are half-open
 * [start, end): 18:00 itself is closed.
 *
 * Limitation: a zone that moves the wall clock back across midnight would make a day's
 * instants interleave with the next day's; no zone in current use does that.
 */
export interface BusinessCalendar {
  readonly clock: ZoneClock;
  /** Working spans by weekday index 0 = Monday .. 6 = Sunday, in wall minutes [start, end), merged. */
  readonly weekSpans: ReadonlyArray<ReadonlyArray<readonly [number, number]>>;
  /** Holiday wall dates as day numbers (days since 1970-01-01). */
  readonly holidays: ReadonlySet<number>;
  /** Per wall day: business intervals as flat [start0, end0, start1, end1, ...] instants. */
  readonly dayCache: Map<number, readonly number[]>;
  /** Business ms of the week starting on the Monday with that day number. */
  readonly weekCache: Map<number, number>;
}

const MAX_CACHED_DAYS = 20000;
/** Safety stop for the day walks (about 30 years). */
const MAX_WALK_DAYS = 11000;
const EMPTY: readonly number[] = [];

function minutesOf(hhmm: string): number {
  const m = /^(\d{1,2}):(\d{2})$/.exec(hhmm.trim());
  if (!m) throw new Error(`Business calendar: "${hhmm}" is not a time (use HH:MM, e.g. 09:00)`);
  const minutes = Number(m[1]) * 60 + Number(m[2]);
  if (minutes > 1440 || Number(m[2]) > 59) {
    throw new Error(`Business calendar: "${hhmm}" is not a time (use HH:MM, e.g. 09:00)`);
  }
  return minutes;
}

function mergeSpans(spans: Array<[number, number]>): Array<readonly [number, number]> {
  spans.sort((a, b) => a[0] - b[0]);
  const out: Array<[number, number]> = [];
  for (const [s, e] of spans) {
    const last = out[out.length - 1];
    if (last && s <= last[1]) last[1] = Math.max(last[1], e);
    else out.push([s, e]);
  }
  return out;
}

/** Day number of a YYYY-MM-DD wall date, or null when it is not a real date. */
export function isoDayNumber(iso: string): number | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso.trim());
  if (!m) return null;
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  const t = Date.UTC(y, mo - 1, d);
  const check = new Date(t);
  if (check.getUTCMonth() !== mo - 1 || check.getUTCDate() !== d) return null;
  return t / DAY_MS;
}

/** Builds the calendar once; throws when no weekday has working time. */
export function createCalendar(settings: CalendarSettings, clock: ZoneClock): BusinessCalendar {
  const weekSpans = WEEKDAYS.map((day) => {
    const spans: Array<[number, number]> = [];
    for (const span of settings.hours[day] ?? []) {
      const s = minutesOf(span.start);
      const e = minutesOf(span.end);
      if (e > s) spans.push([s, e]);
    }
    return mergeSpans(spans);
  });
  if (weekSpans.every((d) => d.length === 0)) {
    throw new Error(
      'The business calendar has no working hours: add working hours to at least one weekday',
    );
  }
  const holidays = new Set<number>();
  for (const h of settings.holidays) {
    const n = isoDayNumber(h.date);
    if (n !== null) holidays.add(n);
  }
  return { clock, weekSpans, holidays, dayCache: new Map(), weekCache: new Map() };
}

/** Weekday index 0 = Monday .. 6 = Sunday of a day number (day 0 = Thursday 1970-01-01). */
function weekdayIndex(dayNumber: number): number {
  return (((dayNumber + 3) % 7) + 7) % 7;
}

/** Business intervals of one wall day, as instants, sorted and disjoint. */
export function dayIntervals(cal: BusinessCalendar, dayNumber: number): readonly number[] {
  const cached = cal.dayCache.get(dayNumber);
  if (cached) return cached;
  let result: readonly number[] = EMPTY;
  const spans = cal.weekSpans[weekdayIndex(dayNumber)] ?? [];
  if (spans.length > 0 && !cal.holidays.has(dayNumber)) {
    const w0 = dayNumber * DAY_MS;
    const from = w0 - 15 * HOUR_MS;
    const to = w0 + DAY_MS + 15 * HOUR_MS;
    const before = cal.clock.offsetMinutes(from);
    const after = cal.clock.offsetMinutes(to);
    const out: number[] = [];
    if (before === after) {
      const shift = before * MINUTE_MS;
      for (const [s, e] of spans) out.push(w0 + s * MINUTE_MS - shift, w0 + e * MINUTE_MS - shift);
    } else {
      const pieces: Array<[number, number]> = [];
      const segs = offsetSegments(cal.clock, from, to);
      for (const [s, e] of spans) {
        for (const seg of segs) {
          const shift = seg.offsetMinutes * MINUTE_MS;
          const a = Math.max(w0 + s * MINUTE_MS - shift, seg.start);
          const b = Math.min(w0 + e * MINUTE_MS - shift, seg.end);
          if (a < b) pieces.push([a, b]);
        }
      }
      for (const [a, b] of mergeSpans(pieces)) out.push(a, b);
    }
    result = out;
  }
  if (cal.dayCache.size >= MAX_CACHED_DAYS) cal.dayCache.clear();
  cal.dayCache.set(dayNumber, result);
  return result;
}

function dayTotal(cal: BusinessCalendar, dayNumber: number): number {
  const iv = dayIntervals(cal, dayNumber);
  let total = 0;
  for (let i = 0; i < iv.length; i += 2) total += (iv[i + 1] as number) - (iv[i] as number);
  return total;
}

function isMonday(dayNumber: number): boolean {
  return weekdayIndex(dayNumber) === 0;
}

/** Business ms of the 7 days starting at a Monday. */
function weekTotal(cal: BusinessCalendar, monday: number): number {
  let total = cal.weekCache.get(monday);
  if (total === undefined) {
    total = 0;
    for (let d = monday; d < monday + 7; d++) total += dayTotal(cal, d);
    if (cal.weekCache.size >= MAX_CACHED_DAYS) cal.weekCache.clear();
    cal.weekCache.set(monday, total);
  }
  return total;
}

function requireInstant(fn: string, what: string, ms: number): void {
  if (typeof ms !== 'number' || !Number.isFinite(ms)) {
    throw new RangeError(`${fn}: ${what} must be a valid date-time (got ${ms})`);
  }
}

function walkTooFar(fn: string): Error {
  return new Error(`${fn}: the business calendar has no working time within 30 years`);
}

/** True when the instant is inside a working span of a working day. */
export function isBusinessTime(cal: BusinessCalendar, ms: number): boolean {
  requireInstant('isBusinessTime', 'the date-time', ms);
  const iv = dayIntervals(cal, wallDayNumber(cal.clock, ms));
  for (let i = 0; i < iv.length; i += 2) {
    if (ms >= (iv[i] as number) && ms < (iv[i + 1] as number)) return true;
  }
  return false;
}

/**
 * The instant when `hours` business hours have elapsed from `startMs`.
 * - Counting starts at the next opening when `startMs` is outside business time.
 * - Ending exactly at a closing time returns that closing time (Friday 18:00, not Monday 09:00).
 * - `hours` = 0 returns `startMs` inside business time, else the next opening.
 * - Negative hours count backwards (the mirror rules).
 * `hours` is rounded to the millisecond.
 */
export function addBusinessHours(cal: BusinessCalendar, startMs: number, hours: number): number {
  requireInstant('addBusinessHours', 'start', startMs);
  if (typeof hours !== 'number' || !Number.isFinite(hours)) {
    throw new RangeError(`addBusinessHours: hours must be a number (got ${hours})`);
  }
  // whole milliseconds, so that 7/60 h ends exactly on a closing time instead of 1e-10 after it
  let remaining = Math.round(Math.abs(hours) * HOUR_MS);
  if (hours < 0 && remaining > 0) return subtractBusinessMs(cal, startMs, remaining);
  const firstDay = wallDayNumber(cal.clock, startMs);
  let day = firstDay;
  for (let n = 0; n < MAX_WALK_DAYS; n++, day++) {
    // whole weeks after the first day are skipped in one step
    while (day > firstDay && remaining > 0 && isMonday(day)) {
      const week = weekTotal(cal, day);
      if (week >= remaining) break;
      remaining -= week;
      day += 7;
      n += 7;
    }
    const iv = dayIntervals(cal, day);
    for (let i = 0; i < iv.length; i += 2) {
      const b = iv[i + 1] as number;
      if (b <= startMs) continue;
      const a = Math.max(iv[i] as number, startMs);
      const len = b - a;
      if (remaining === 0) return a;
      if (remaining <= len) return a + remaining;
      remaining -= len;
    }
  }
  throw walkTooFar('addBusinessHours');
}

function subtractBusinessMs(cal: BusinessCalendar, startMs: number, ms: number): number {
  let remaining = ms;
  let day = wallDayNumber(cal.clock, startMs);
  for (let n = 0; n < MAX_WALK_DAYS; n++, day--) {
    const iv = dayIntervals(cal, day);
    for (let i = iv.length - 2; i >= 0; i -= 2) {
      const a = iv[i] as number;
      if (a >= startMs) continue;
      const b = Math.min(iv[i + 1] as number, startMs);
      const len = b - a;
      if (remaining <= len) return b - remaining;
      remaining -= len;
    }
  }
  throw walkTooFar('addBusinessHours');
}

/** Business ms of a day, clipped to [startMs, endMs). */
function clippedDay(cal: BusinessCalendar, day: number, startMs: number, endMs: number): number {
  const iv = dayIntervals(cal, day);
  let total = 0;
  for (let i = 0; i < iv.length; i += 2) {
    const a = Math.max(iv[i] as number, startMs);
    const b = Math.min(iv[i + 1] as number, endMs);
    if (b > a) total += b - a;
  }
  return total;
}

/** Business milliseconds in [startMs, endMs) (start ≤ end). */
function businessMs(cal: BusinessCalendar, startMs: number, endMs: number): number {
  const firstDay = wallDayNumber(cal.clock, startMs);
  const lastDay = wallDayNumber(cal.clock, endMs);
  let total = clippedDay(cal, firstDay, startMs, endMs);
  if (lastDay === firstDay) return total;
  total += clippedDay(cal, lastDay, startMs, endMs);
  // the days in between are whole (all their instants lie between start and end)
  let day = firstDay + 1;
  while (day < lastDay) {
    if (isMonday(day) && day + 7 <= lastDay) {
      total += weekTotal(cal, day);
      day += 7;
    } else {
      total += dayTotal(cal, day);
      day++;
    }
  }
  return total;
}

/** Business hours elapsed from start to end; negative when end is before start. */
export function businessHoursBetween(
  cal: BusinessCalendar,
  startMs: number,
  endMs: number,
): number {
  requireInstant('businessHoursBetween', 'start', startMs);
  requireInstant('businessHoursBetween', 'end', endMs);
  if (endMs < startMs) return -businessMs(cal, endMs, startMs) / HOUR_MS;
  return businessMs(cal, startMs, endMs) / HOUR_MS;
}

/** Business milliseconds between two instants (negative when end < start). */
export function businessMsBetween(cal: BusinessCalendar, startMs: number, endMs: number): number {
  requireInstant('businessMsBetween', 'start', startMs);
  requireInstant('businessMsBetween', 'end', endMs);
  if (endMs < startMs) return -businessMs(cal, endMs, startMs);
  return businessMs(cal, startMs, endMs);
}

/** Nominal working hours in a week (wall-clock span lengths, no holidays, no DST). */
export function hoursPerWeek(cal: BusinessCalendar): number {
  let minutes = 0;
  for (const day of cal.weekSpans) for (const [s, e] of day) minutes += e - s;
  return minutes / 60;
}

/** True when the wall date (a day number) has some business time. */
export function isBusinessDay(cal: BusinessCalendar, dayNumber: number): boolean {
  return dayIntervals(cal, dayNumber).length > 0;
}

/**
 * "N business days later": the same wall time on the N-th business day after the start's wall
 * date, clamped into that day's working time (before opening or in a break → the next opening
 * that day; after closing → that day's closing time, i.e. "by the end of that day").
 * A fractional part is added as business hours (fraction × average hours of a business day).
 * `days` = 0 is addBusinessHours(start, 0). Negative days are refused.
 */
export function addBusinessDays(cal: BusinessCalendar, startMs: number, days: number): number {
  requireInstant('addBusinessDays', 'start', startMs);
  if (typeof days !== 'number' || !Number.isFinite(days) || days < 0) {
    throw new RangeError(`addBusinessDays: days must be 0 or more (got ${days})`);
  }
  const whole = Math.floor(days + 1e-9);
  const fraction = Math.max(0, days - whole);
  if (whole === 0) return addBusinessHours(cal, startMs, fraction * averageDayHours(cal));
  const startDay = wallDayNumber(cal.clock, startMs);
  const timeOfDay = startMs + cal.clock.offsetMinutes(startMs) * MINUTE_MS - startDay * DAY_MS;
  let day = startDay;
  let found = 0;
  for (let n = 0; found < whole; n++) {
    if (n > MAX_WALK_DAYS) throw walkTooFar('addBusinessDays');
    day++;
    if (isBusinessDay(cal, day)) found++;
  }
  const iv = dayIntervals(cal, day);
  const target = fromWallMs(cal.clock, day * DAY_MS + timeOfDay);
  let result = iv[iv.length - 1] as number; // after closing: that day's closing time
  for (let i = 0; i < iv.length; i += 2) {
    const a = iv[i] as number;
    const b = iv[i + 1] as number;
    if (target < a) {
      result = a;
      break;
    }
    if (target < b) {
      result = target;
      break;
    }
  }
  return fraction > 0 ? addBusinessHours(cal, result, fraction * averageDayHours(cal)) : result;
}

/** Business hours in an average working day of the calendar (a "business day" in messages). */
export function averageDayHours(cal: BusinessCalendar): number {
  const workingDays = cal.weekSpans.filter((d) => d.length > 0).length;
  return hoursPerWeek(cal) / workingDays;
}
