/**
 * ZoneClock: the only door to time-zone arithmetic in the core.
 *
 * About `Intl` time zones in Apps Script's V8 (looked up while writing this file):
 * Google's "V8 runtime overview" (https://developers.google.com/apps-script/guides/v8-runtime)
 * promises modern ECMAScript syntax but says nothing about `Intl.DateTimeFormat` with a
 * `timeZone` option, and neither the issue trackers nor the tutorials we searched document it.
 * Apps Script guides (e.g. https://www.appscript.dev/guides/handle-dates-and-time-zones-without-bugs/)
 * recommend `Utilities.formatDate(date, zone, pattern)` with an explicit zone. So the Apps Script
 * shell builds its clock with `offsetSourceClock(zone, t => offset from Utilities.formatDate(..., 'Z'))`
 * and Node (tests, runtime, sidebar previews) uses `intlZoneClock`.
 *
 * Conventions:
 * - An instant is a number of milliseconds since 1970-01-01T00:00:00Z.
 * - A "wall" time is what a clock on the wall shows in the zone. "Wall ms" is that wall time
 *   encoded as if it were UTC (Date.UTC(y, m - 1, d, h, mi, s, ms)); instant = wall ms - offset.
 */

export interface ZoneClock {
  readonly zone: string;
  /** UTC offset in minutes at that instant (Paris in summer: 120, New York in winter: -300). */
  offsetMinutes(instantMs: number): number;
}

export interface WallTime {
  year: number;
  /** 1-12 */
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  ms: number;
  /** 1 = Monday .. 7 = Sunday */
  weekday: number;
}

export interface WallFields {
  year: number;
  month: number;
  day: number;
  hour?: number;
  minute?: number;
  second?: number;
  ms?: number;
}

export const MINUTE_MS = 60000;
export const HOUR_MS = 3600000;
export const DAY_MS = 86400000;

/** Date.UTC that also works for years 0-99 (Date.UTC maps those to 1900-1999). */
export function utcMs(
  year: number,
  month: number,
  day: number,
  hour = 0,
  minute = 0,
  second = 0,
  ms = 0,
): number {
  const t = Date.UTC(year, month - 1, day, hour, minute, second, ms);
  if (year >= 0 && year < 100) {
    const d = new Date(t);
    d.setUTCFullYear(year);
    return d.getTime();
  }
  return t;
}

function requireFinite(instantMs: number): void {
  if (typeof instantMs !== 'number' || !Number.isFinite(instantMs)) {
    throw new RangeError(`Time zone: the instant must be a finite number (got ${instantMs})`);
  }
}

/** The wall-clock reading of an instant in the clock's zone. */
export function toWall(clock: ZoneClock, instantMs: number): WallTime {
  requireFinite(instantMs);
  const d = new Date(instantMs + clock.offsetMinutes(instantMs) * MINUTE_MS);
  const js = d.getUTCDay();
  return {
    year: d.getUTCFullYear(),
    month: d.getUTCMonth() + 1,
    day: d.getUTCDate(),
    hour: d.getUTCHours(),
    minute: d.getUTCMinutes(),
    second: d.getUTCSeconds(),
    ms: d.getUTCMilliseconds(),
    weekday: js === 0 ? 7 : js,
  };
}

/** Wall date of an instant as a day number (days since 1970-01-01 on the wall calendar). */
export function wallDayNumber(clock: ZoneClock, instantMs: number): number {
  requireFinite(instantMs);
  return Math.floor((instantMs + clock.offsetMinutes(instantMs) * MINUTE_MS) / DAY_MS);
}

export interface OffsetSegment {
  /** first instant of the segment (inclusive) */
  start: number;
  /** end instant (exclusive) */
  end: number;
  offsetMinutes: number;
}

const SAMPLE_STEP_MS = 3 * HOUR_MS;

/**
 * Splits [fromMs, toMs) into runs of constant UTC offset, transitions exact to the millisecond.
 * Assumes at most one offset change every 3 hours (true of every real zone).
 */
export function offsetSegments(clock: ZoneClock, fromMs: number, toMs: number): OffsetSegment[] {
  const segments: OffsetSegment[] = [];
  let segStart = fromMs;
  let segOffset = clock.offsetMinutes(fromMs);
  let prev = fromMs;
  while (prev < toMs) {
    const next = Math.min(prev + SAMPLE_STEP_MS, toMs);
    const o = clock.offsetMinutes(next);
    if (o !== segOffset) {
      // smallest instant in (prev, next] whose offset differs from segOffset
      let lo = prev;
      let hi = next;
      while (hi - lo > 1) {
        const mid = Math.floor((lo + hi) / 2);
        if (clock.offsetMinutes(mid) === segOffset) lo = mid;
        else hi = mid;
      }
      if (hi > segStart) segments.push({ start: segStart, end: hi, offsetMinutes: segOffset });
      segStart = hi;
      segOffset = clock.offsetMinutes(hi);
      // re-check the rest of this step from the transition (a second change is not expected)
      prev = hi;
      continue;
    }
    prev = next;
  }
  segments.push({ start: segStart, end: toMs, offsetMinutes: segOffset });
  return segments;
}

const FROM_WALL_REACH_MS = 15 * HOUR_MS;

/**
 * The instant a wall-clock reading stands for in the clock's zone.
 * - In an overlap (autumn, the hour that happens twice): the earlier instant.
 * - In a gap (spring, the skipped hour): the instant the gap ends, i.e. the transition itself
 *   (02:30 in Paris on 2026-03-29 → 03:00 CEST = 01:00Z). This is what wall-clock spans need:
 *   a working span starting at 02:30 that day really starts at 03:00.
 */
export function fromWall(clock: ZoneClock, wall: WallFields): number {
  const L = utcMs(
    wall.year,
    wall.month,
    wall.day,
    wall.hour ?? 0,
    wall.minute ?? 0,
    wall.second ?? 0,
    wall.ms ?? 0,
  );
  return fromWallMs(clock, L);
}

/** fromWall for a wall time already encoded as wall ms. */
export function fromWallMs(clock: ZoneClock, wallMs: number): number {
  requireFinite(wallMs);
  const before = clock.offsetMinutes(wallMs - FROM_WALL_REACH_MS);
  const after = clock.offsetMinutes(wallMs + FROM_WALL_REACH_MS);
  if (before === after) return wallMs - before * MINUTE_MS;
  const segs = offsetSegments(clock, wallMs - FROM_WALL_REACH_MS, wallMs + FROM_WALL_REACH_MS);
  for (const seg of segs) {
    const t = wallMs - seg.offsetMinutes * MINUTE_MS;
    if (t < seg.start) return seg.start; // the wall time falls in the gap before this segment
    if (t < seg.end) return t; // first (earliest) valid reading
  }
  return wallMs - after * MINUTE_MS;
}

/** A clock with a constant offset (tests, or a zone given as "UTC+02:00"). */
export function fixedOffsetClock(minutes: number): ZoneClock {
  if (!Number.isFinite(minutes)) throw new RangeError(`fixedOffsetClock: bad offset ${minutes}`);
  const sign = minutes < 0 ? '-' : '+';
  const abs = Math.abs(minutes);
  const zone =
    minutes === 0
      ? 'UTC'
      : `UTC${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
  return { zone, offsetMinutes: () => minutes };
}

export interface OffsetSourceOptions {
  /**
   * Offsets are looked up at bucket boundaries (default every 6 hours); when both ends of a
   * bucket agree the offset is taken as constant inside it, otherwise the transition is
   * binary-searched to the minute. A year costs ~1,460 boundary look-ups + ~9 per transition.
   */
  bucketMinutes?: number;
}

/**
 * Wraps an expensive offset source (in Apps Script: Utilities.formatDate(date, zone, 'Z')) with
 * a cache. Exact at transitions, which real zones make on whole minutes.
 */
export function offsetSourceClock(
  zone: string,
  offsetAt: (instantMs: number) => number,
  options?: OffsetSourceOptions,
): ZoneClock {
  const bucketMs = Math.max(1, Math.round(options?.bucketMinutes ?? 360)) * MINUTE_MS;
  const boundaries = new Map<number, number>();
  const transitions = new Map<number, number>();
  const lookup = (instantMs: number): number => {
    const o = offsetAt(instantMs);
    if (typeof o !== 'number' || !Number.isFinite(o)) {
      throw new Error(`Time zone ${zone}: no UTC offset for ${new Date(instantMs).toISOString()}`);
    }
    return o;
  };
  const boundary = (i: number): number => {
    let o = boundaries.get(i);
    if (o === undefined) {
      o = lookup(i * bucketMs);
      boundaries.set(i, o);
    }
    return o;
  };
  return {
    zone,
    offsetMinutes(instantMs: number): number {
      requireFinite(instantMs);
      const i = Math.floor(instantMs / bucketMs);
      const a = boundary(i);
      const b = boundary(i + 1);
      if (a === b) return a;
      let at = transitions.get(i);
      if (at === undefined) {
        let lo = i * bucketMs;
        let hi = lo + bucketMs;
        while (hi - lo > MINUTE_MS) {
          const mid = lo + Math.floor((hi - lo) / 2 / MINUTE_MS) * MINUTE_MS;
          if (lookup(mid) === a) lo = mid;
          else hi = mid;
        }
        at = hi;
        transitions.set(i, at);
      }
      return instantMs < at ? a : b;
    },
  };
}

/**
 * An Intl formatter whose parts are the wall-clock fields of an instant in `zone` (24-hour,
 * with era and weekday). Node and browsers only: Apps Script's Intl time zones are undocumented.
 */
export function intlWallFormat(zone: string): Intl.DateTimeFormat {
  return new Intl.DateTimeFormat('en-US', {
    timeZone: zone,
    hourCycle: 'h23',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
    second: 'numeric',
    weekday: 'short',
    era: 'short',
  });
}

/** UTC offset of an instant read with Intl (Node and browsers). */
function intlOffsetSource(zone: string): (instantMs: number) => number {
  let format: Intl.DateTimeFormat;
  try {
    format = intlWallFormat(zone);
  } catch {
    throw new Error(`Unknown time zone "${zone}": use an IANA name such as Europe/Paris`);
  }
  return (instantMs: number): number => {
    const f: Record<string, string> = {};
    for (const p of format.formatToParts(new Date(instantMs))) f[p.type] = p.value;
    let year = Number(f.year);
    if (f.era === 'BC' || f.era === 'B') year = 1 - year;
    const hour = Number(f.hour) % 24;
    const wall = utcMs(
      year,
      Number(f.month),
      Number(f.day),
      hour,
      Number(f.minute),
      Number(f.second),
    );
    const seconds = instantMs - (((instantMs % 1000) + 1000) % 1000);
    return (wall - seconds) / MINUTE_MS;
  };
}

/** A clock for an IANA zone, backed by Intl.DateTimeFormat (cached like offsetSourceClock). */
export function intlZoneClock(zone: string): ZoneClock {
  if (typeof zone !== 'string' || zone.trim() === '') {
    throw new Error('Time zone is blank: use an IANA name such as Europe/Paris');
  }
  return offsetSourceClock(zone.trim(), intlOffsetSource(zone.trim()));
}
