/** Time-zone helpers backed by Node's Intl (full ICU). */
import {
  intlWallFormat,
  offsetSourceClock,
  utcMs,
  type ZoneClock,
} from '../../src/core/time/zone.ts';

export interface WallClock {
  year: number;
  month: number; // 1-12
  day: number;
  hour: number;
  minute: number;
  second: number;
  millisecond: number;
  weekday: number; // 1 = Monday ... 7 = Sunday
}

export { MONTH_NAMES } from '../../src/core/time/names.ts';

/** English day names, Monday first (WallClock.weekday 1 is Monday). */
export const DAY_NAMES = [
  'Monday',
  'Tuesday',
  'Wednesday',
  'Thursday',
  'Friday',
  'Saturday',
  'Sunday',
];

const formatters = new Map<string, Intl.DateTimeFormat>();

/** Java's custom zone IDs (`GMT+1`, `GMT-05:30`), plus the fixed `GMT` and `UTC`. Case matters. */
const FIXED_RE = /^(?:GMT(?:([+-])(\d{1,2})(?::?(\d{2}))?)?|UTC)$/;

/** Minutes east of UTC for fixed-offset zones like `GMT+1`, `UTC`, `GMT-05:30`; null otherwise. */
export function fixedOffsetMinutes(zone: string): number | null {
  const m = FIXED_RE.exec(zone);
  if (!m) return null;
  if (m[1] === undefined) return 0;
  const hours = Number(m[2]);
  const minutes = Number(m[3] ?? '0');
  if (hours > 23 || minutes > 59) return null;
  return (m[1] === '-' ? -1 : 1) * (hours * 60 + minutes);
}

const validZones = new Map<string, boolean>();

/**
 * Does Java (hence Apps Script) know this zone ID? Java IDs are case-sensitive and never
 * trimmed, while Intl ignores case: `europe/paris` is Paris to Intl and unknown to Java. An ID
 * Intl resolves to itself is known; one it resolves to the same name spelled otherwise is not;
 * an alias (`US/Eastern` → America/New_York) is known when each part starts with a capital.
 */
function javaKnows(zone: string): boolean {
  let resolved: string;
  try {
    resolved = new Intl.DateTimeFormat('en-US', { timeZone: zone }).resolvedOptions().timeZone;
  } catch {
    return false;
  }
  if (resolved === zone) return true;
  if (resolved.toLowerCase() === zone.toLowerCase()) return false;
  return zone.split('/').every((part) => /^[A-Z][A-Za-z0-9_+-]*$/.test(part));
}

export function isValidTimeZone(zone: string): boolean {
  if (fixedOffsetMinutes(zone) !== null) return true;
  let valid = validZones.get(zone);
  if (valid === undefined) {
    // Building a formatter is what checks the zone, and it is slow: once per zone.
    valid = javaKnows(zone);
    validZones.set(zone, valid);
  }
  return valid;
}

/** Like Java's TimeZone.getTimeZone: an unknown zone id silently becomes GMT. */
export function normalizeZone(zone: string): string {
  return isValidTimeZone(zone) ? zone : 'GMT';
}

function formatterFor(zone: string): Intl.DateTimeFormat {
  let f = formatters.get(zone);
  if (!f) {
    f = intlWallFormat(zone);
    formatters.set(zone, f);
  }
  return f;
}

const WEEKDAYS: Record<string, number> = { Mon: 1, Tue: 2, Wed: 3, Thu: 4, Fri: 5, Sat: 6, Sun: 7 };

function utcWallClock(ms: number): WallClock {
  const d = new Date(ms);
  const wd = d.getUTCDay();
  return {
    year: d.getUTCFullYear(),
    month: d.getUTCMonth() + 1,
    day: d.getUTCDate(),
    hour: d.getUTCHours(),
    minute: d.getUTCMinutes(),
    second: d.getUTCSeconds(),
    millisecond: d.getUTCMilliseconds(),
    weekday: wd === 0 ? 7 : wd,
  };
}

/** Wall-clock fields of an instant in a zone. */
export function wallClock(instantMs: number, zone: string): WallClock {
  const z = normalizeZone(zone);
  const fixed = fixedOffsetMinutes(z);
  if (fixed !== null) return utcWallClock(instantMs + fixed * 60000);
  const parts = formatterFor(z).formatToParts(new Date(instantMs));
  const get = (type: string): string => parts.find((p) => p.type === type)?.value ?? '0';
  let year = Number(get('year'));
  if (get('era') === 'BC') year = 1 - year;
  const ms = ((instantMs % 1000) + 1000) % 1000;
  return {
    year,
    month: Number(get('month')),
    day: Number(get('day')),
    hour: Number(get('hour')) % 24,
    minute: Number(get('minute')),
    second: Number(get('second')),
    millisecond: ms,
    weekday: WEEKDAYS[get('weekday')] ?? 1,
  };
}

function exactOffsetMinutes(instantMs: number, zone: string): number {
  const w = wallClock(instantMs, zone);
  const asUtc = utcMs(w.year, w.month, w.day, w.hour, w.minute, w.second, w.millisecond);
  return Math.round((asUtc - instantMs) / 60000);
}

const offsetClocks = new Map<string, ZoneClock>();

/**
 * Offset of the zone at that instant, in minutes east of UTC. Intl is asked once per six hours
 * of time and per transition (offsetSourceClock), not once per call: reading or writing the
 * dates of a 300,000-row sheet asks for millions of offsets.
 */
export function offsetMinutes(instantMs: number, zone: string): number {
  if (!Number.isFinite(instantMs)) return exactOffsetMinutes(instantMs, zone);
  let clock = offsetClocks.get(zone);
  if (!clock) {
    clock = offsetSourceClock(zone, (ms) => exactOffsetMinutes(ms, zone));
    offsetClocks.set(zone, clock);
  }
  return clock.offsetMinutes(instantMs);
}

/** The instant at which the zone's wall clock shows those fields (earlier instant on overlaps). */
export function instantFromWallClock(
  zone: string,
  year: number,
  month: number,
  day: number,
  hour = 0,
  minute = 0,
  second = 0,
  millisecond = 0,
): number {
  const asUtc = Date.UTC(year, month - 1, day, hour, minute, second, millisecond);
  let guess = asUtc - offsetMinutes(asUtc, zone) * 60000;
  guess = asUtc - offsetMinutes(guess, zone) * 60000;
  // Overlap: prefer the earlier instant if it shows the same wall clock.
  const earlier = guess - 3600000;
  if (asUtc - offsetMinutes(earlier, zone) * 60000 === earlier) return earlier;
  return guess;
}

const shortNameFormatters = new Map<string, Intl.DateTimeFormat>();

/** Short zone name like Java's `z` (CET, CEST, EST, IST), falling back to GMT+hh:mm. */
export function shortZoneName(instantMs: number, zone: string, long = false): string {
  const z = normalizeZone(zone);
  const off = offsetMinutes(instantMs, z);
  const fixed = fixedOffsetMinutes(z);
  if (z === 'UTC') return long ? 'Coordinated Universal Time' : 'UTC';
  if (fixed !== null) return fixed === 0 ? (long ? 'Greenwich Mean Time' : 'GMT') : gmtOffset(off);
  for (const locale of ['en-US', 'en-GB', 'en-IN']) {
    const key = `${locale}|${z}|${long}`;
    let f = shortNameFormatters.get(key);
    if (!f) {
      f = new Intl.DateTimeFormat(locale, { timeZone: z, timeZoneName: long ? 'long' : 'short' });
      shortNameFormatters.set(key, f);
    }
    const name = f.formatToParts(new Date(instantMs)).find((p) => p.type === 'timeZoneName')?.value;
    if (name && (long || !/^(GMT|UTC)[+-]/.test(name))) return name;
  }
  return gmtOffset(off);
}

function gmtOffset(off: number): string {
  const sign = off < 0 ? '-' : '+';
  const a = Math.abs(off);
  return `GMT${sign}${String(Math.floor(a / 60)).padStart(2, '0')}:${String(a % 60).padStart(2, '0')}`;
}

/** Instant -> Date whose UTC fields are the zone's wall clock (what Excel serials mean). */
export function toExcelDate(d: Date, zone: string): Date {
  const ms = d.getTime();
  if (Number.isFinite(ms)) return new Date(ms + offsetMinutes(ms, zone) * 60000);
  const w = wallClock(ms, zone);
  return new Date(Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second, w.millisecond));
}

/** The inverse: a Date whose UTC fields are a wall clock of `zone` -> the instant. */
export function fromExcelDate(d: Date, zone: string): Date {
  return new Date(
    instantFromWallClock(
      zone,
      d.getUTCFullYear(),
      d.getUTCMonth() + 1,
      d.getUTCDate(),
      d.getUTCHours(),
      d.getUTCMinutes(),
      d.getUTCSeconds(),
      d.getUTCMilliseconds(),
    ),
  );
}
