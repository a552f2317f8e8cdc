import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { WEEKDAYS } from '../../../src/core/common/choices.ts';
import { type CalendarSettings, defaultSettings } from '../../../src/core/settings/index.ts';
import {
  addBusinessDays,
  addBusinessHours,
  type BusinessCalendar,
  businessHoursBetween,
  createCalendar,
  hoursPerWeek,
  isBusinessTime,
} from '../../../src/core/sla/calendar.ts';
import { fixedOffsetClock, fromWall, intlZoneClock } from '../../../src/core/time/zone.ts';
import { intlWallParts } from '../../fixtures/zone.ts';

const MIN = 60000;
const DAY = 86400000;

type Span = { start: string; end: string };
const hm = (m: number) =>
  `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;

function settingsOf(
  hours: Partial<Record<(typeof WEEKDAYS)[number], Span[]>>,
  holidays: string[] = [],
): CalendarSettings {
  const base = Object.fromEntries(
    WEEKDAYS.map((d) => [d, hours[d] ?? []]),
  ) as CalendarSettings['hours'];
  return {
    timeZone: '',
    hours: base,
    holidays: holidays.map((date) => ({ date, name: 'Holiday' })),
  };
}

/** Calendar exercising lunch breaks, 24:00 ends and night spans on the DST Sundays. */
const TRICKY = settingsOf(
  {
    mon: [
      { start: '09:00', end: '12:30' },
      { start: '13:30', end: '18:00' },
    ],
    tue: [
      { start: '09:00', end: '12:30' },
      { start: '13:30', end: '18:00' },
    ],
    wed: [{ start: '08:00', end: '24:00' }],
    thu: [{ start: '00:00', end: '24:00' }],
    fri: [
      { start: '09:00', end: '12:00' },
      { start: '14:00', end: '24:00' },
    ],
    sat: [{ start: '22:00', end: '24:00' }],
    sun: [
      { start: '00:30', end: '04:00' },
      { start: '20:00', end: '24:00' },
    ],
  },
  ['2026-03-30', '2026-10-27', '2026-03-10', '2026-11-03', '2026-08-14'],
);

// ---------- brute-force reference: one minute at a time through Intl, no cache ----------

interface Window {
  zone: string;
  t0: number;
  minutes: number;
  /** wall day number of each minute */
  day: Int32Array;
  /** wall minute-of-day of each minute */
  mod: Int16Array;
}

function makeWindow(zone: string, fromIso: string, days: number): Window {
  const parts = intlWallParts(zone);
  const t0 = Date.parse(`${fromIso}T00:00:00Z`);
  const minutes = days * 1440;
  const day = new Int32Array(minutes);
  const mod = new Int16Array(minutes);
  for (let i = 0; i < minutes; i++) {
    const p = parts(t0 + i * MIN);
    day[i] = Date.UTC(p.year!, p.month! - 1, p.day!) / DAY;
    mod[i] = (p.hour! % 24) * 60 + p.minute!;
  }
  return { zone, t0, minutes, day, mod };
}

function refBusiness(w: Window, s: CalendarSettings): Uint8Array {
  const holidays = new Set(s.holidays.map((h) => Date.parse(`${h.date}T00:00:00Z`) / DAY));
  const toMin = (x: string) => Number(x.slice(0, 2)) * 60 + Number(x.slice(3));
  const out = new Uint8Array(w.minutes);
  for (let i = 0; i < w.minutes; i++) {
    const d = w.day[i]!;
    if (holidays.has(d)) continue;
    const weekday = WEEKDAYS[(((d + 3) % 7) + 7) % 7]!;
    const m = w.mod[i]!;
    if (s.hours[weekday].some((sp) => m >= toMin(sp.start) && m < toMin(sp.end))) out[i] = 1;
  }
  return out;
}

function refCount(b: Uint8Array, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) n += b[i]!;
  return n;
}

/** Minute index where `m` business minutes from `from` are reached, or -1 beyond the window. */
function refAdd(b: Uint8Array, from: number, m: number): number {
  let n = 0;
  for (let i = from; i < b.length; i++) {
    if (b[i]) {
      if (m === 0) return i;
      n++;
      if (n === m) return i + 1;
    }
  }
  return -1;
}

const WINDOWS = [
  makeWindow('Europe/Paris', '2026-03-26', 6),
  makeWindow('Europe/Paris', '2026-10-22', 7),
  makeWindow('America/New_York', '2026-03-05', 7),
  makeWindow('America/New_York', '2026-10-29', 7),
  makeWindow('Asia/Kolkata', '2026-08-10', 6),
];

const spanArb = fc.uniqueArray(fc.integer({ min: 0, max: 48 }), { maxLength: 6 }).map((pts) => {
  const sorted = [...pts].sort((a, b) => a - b);
  const spans: Span[] = [];
  for (let i = 0; i + 1 < sorted.length; i += 2) {
    spans.push({ start: hm(sorted[i]! * 30), end: hm(sorted[i + 1]! * 30) });
  }
  return spans;
});

const settingsArb = fc
  .record({
    hours: fc.record(
      Object.fromEntries(WEEKDAYS.map((d) => [d, spanArb])) as Record<
        (typeof WEEKDAYS)[number],
        typeof spanArb
      >,
    ),
    holidays: fc.subarray([
      '2026-03-27',
      '2026-03-29',
      '2026-10-25',
      '2026-03-08',
      '2026-11-01',
      '2026-08-12',
    ]),
  })
  .filter((r) => Object.values(r.hours).some((s) => s.length > 0))
  .map((r) => settingsOf(r.hours, r.holidays));

const settingsChoice = fc.oneof(
  { weight: 1, arbitrary: fc.constant(TRICKY) },
  { weight: 2, arbitrary: settingsArb },
);

describe('business calendar vs a minute-by-minute reference', () => {
  for (const w of WINDOWS) {
    const clock = intlZoneClock(w.zone);
    const label = `${w.zone} from ${new Date(w.t0).toISOString().slice(0, 10)}`;

    it(`businessHoursBetween: ${label}`, () => {
      fc.assert(
        fc.property(
          settingsChoice,
          fc.integer({ min: 0, max: w.minutes }),
          fc.integer({ min: 0, max: w.minutes }),
          (s, a, b) => {
            const cal = createCalendar(s, clock);
            const ref = refBusiness(w, s);
            const expected = a <= b ? refCount(ref, a, b) : -refCount(ref, b, a);
            const got = businessHoursBetween(cal, w.t0 + a * MIN, w.t0 + b * MIN) * 60;
            expect(Math.round(got * 1e6) / 1e6).toBe(expected);
          },
        ),
        { numRuns: 120 },
      );
    });

    it(`addBusinessHours and isBusinessTime: ${label}`, () => {
      fc.assert(
        fc.property(
          settingsChoice,
          fc.integer({ min: 0, max: w.minutes - 1 }),
          fc.integer({ min: 0, max: 60 * 40 }),
          (s, a, m) => {
            const cal = createCalendar(s, clock);
            const ref = refBusiness(w, s);
            expect(isBusinessTime(cal, w.t0 + a * MIN)).toBe(ref[a] === 1);
            const end = refAdd(ref, a, m);
            if (end < 0) return; // beyond the window
            expect(addBusinessHours(cal, w.t0 + a * MIN, m / 60)).toBe(w.t0 + end * MIN);
          },
        ),
        { numRuns: 150 },
      );
    });
  }
});

describe('business calendar properties', () => {
  const zones = ['Europe/Paris', 'America/New_York', 'Asia/Kolkata'].map(intlZoneClock);
  const instant = fc.integer({ min: Date.UTC(2026, 0, 1), max: Date.UTC(2027, 0, 1) });

  it('businessHoursBetween(s, addBusinessHours(s, h)) = h', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...zones),
        settingsChoice,
        instant,
        fc.double({ min: 0, max: 200, noNaN: true }),
        (clock, s, start, h) => {
          const cal = createCalendar(s, clock);
          const end = addBusinessHours(cal, start, h);
          expect(end).toBeGreaterThanOrEqual(start);
          expect(Math.abs(businessHoursBetween(cal, start, end) - h)).toBeLessThan(1e-6);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('addBusinessHours is monotonic in start and in hours; negative hours go back', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...zones),
        settingsChoice,
        instant,
        fc.integer({ min: 0, max: 3 * DAY }),
        fc.double({ min: 0, max: 60, noNaN: true }),
        fc.double({ min: 0, max: 60, noNaN: true }),
        (clock, s, start, delta, h1, h2) => {
          const cal = createCalendar(s, clock);
          const [lo, hi] = h1 <= h2 ? [h1, h2] : [h2, h1];
          expect(addBusinessHours(cal, start, lo)).toBeLessThanOrEqual(
            addBusinessHours(cal, start, hi),
          );
          expect(addBusinessHours(cal, start, h1)).toBeLessThanOrEqual(
            addBusinessHours(cal, start + delta, h1),
          );
          if (h1 > 1e-6) {
            const back = addBusinessHours(cal, start, -h1);
            expect(back).toBeLessThan(start);
            expect(Math.abs(businessHoursBetween(cal, back, start) - h1)).toBeLessThan(1e-6);
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it('long ranges (whole weeks skipped) agree with day-by-day sums and chained additions', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...zones),
        settingsChoice,
        instant,
        fc.integer({ min: 1, max: 60 }),
        fc.double({ min: 0.01, max: 400, noNaN: true }),
        fc.double({ min: 0.01, max: 400, noNaN: true }),
        (clock, s, start, days, h1, h2) => {
          const cal = createCalendar(s, clock);
          let sum = 0;
          for (let i = 0; i < days; i++) {
            sum += businessHoursBetween(cal, start + i * DAY, start + (i + 1) * DAY);
          }
          expect(businessHoursBetween(cal, start, start + days * DAY)).toBeCloseTo(sum, 6);
          const once = addBusinessHours(cal, start, h1 + h2);
          const chained = addBusinessHours(cal, addBusinessHours(cal, start, h1), h2);
          expect(Math.abs(once - chained)).toBeLessThanOrEqual(1);
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe('business calendar examples', () => {
  const paris = intlZoneClock('Europe/Paris');
  const def = createCalendar(defaultSettings().calendar, paris);
  const at = (y: number, mo: number, d: number, h = 0, mi = 0) =>
    fromWall(paris, { year: y, month: mo, day: d, hour: h, minute: mi });

  it('1 hour before closing on Friday ends at closing, not Monday', () => {
    expect(addBusinessHours(def, at(2026, 11, 20, 17), 1)).toBe(at(2026, 11, 20, 18));
    expect(addBusinessHours(def, at(2026, 11, 20, 17, 30), 1)).toBe(at(2026, 11, 23, 9, 30));
  });

  it('counting starts at the next opening; 0 hours gives start or next opening', () => {
    expect(addBusinessHours(def, at(2026, 11, 21, 15), 8)).toBe(at(2026, 11, 23, 17));
    expect(addBusinessHours(def, at(2026, 11, 21, 15), 0)).toBe(at(2026, 11, 23, 9));
    expect(addBusinessHours(def, at(2026, 11, 23, 10), 0)).toBe(at(2026, 11, 23, 10));
    expect(addBusinessHours(def, at(2026, 11, 23, 18), 0)).toBe(at(2026, 11, 24, 9));
    expect(isBusinessTime(def, at(2026, 11, 23, 18))).toBe(false);
    expect(isBusinessTime(def, at(2026, 11, 23, 9))).toBe(true);
  });

  it('DST: business time is real elapsed time within wall-clock spans', () => {
    const night = createCalendar(settingsOf({ sun: [{ start: '01:00', end: '04:00' }] }), paris);
    // spring forward: 01:00-04:00 lasts 2 real hours; autumn: 4
    expect(businessHoursBetween(night, at(2026, 3, 29), at(2026, 3, 30))).toBe(2);
    expect(businessHoursBetween(night, at(2026, 10, 25), at(2026, 10, 26))).toBe(4);
    expect(addBusinessHours(night, at(2026, 3, 29), 2)).toBe(at(2026, 3, 29, 4));
    expect(addBusinessHours(night, at(2026, 10, 25), 4)).toBe(at(2026, 10, 25, 4));
    // a 09:00-18:00 span is 9 real hours on both switch days
    const allWeek = createCalendar(
      settingsOf(Object.fromEntries(WEEKDAYS.map((d) => [d, [{ start: '09:00', end: '18:00' }]]))),
      paris,
    );
    expect(businessHoursBetween(allWeek, at(2026, 3, 29), at(2026, 3, 30))).toBe(9);
    expect(businessHoursBetween(allWeek, at(2026, 10, 25), at(2026, 10, 26))).toBe(9);
    // a 24-hour calendar: 23 and 25 business hours on the switch days
    const always = createCalendar(
      settingsOf(Object.fromEntries(WEEKDAYS.map((d) => [d, [{ start: '00:00', end: '24:00' }]]))),
      paris,
    );
    expect(businessHoursBetween(always, at(2026, 3, 29), at(2026, 3, 30))).toBe(23);
    expect(businessHoursBetween(always, at(2026, 10, 25), at(2026, 10, 26))).toBe(25);
  });

  it('skips holidays', () => {
    const cal = createCalendar(
      { ...defaultSettings().calendar, holidays: [{ date: '2026-12-25', name: 'Noël' }] },
      paris,
    );
    expect(addBusinessHours(cal, at(2026, 12, 24, 17), 2)).toBe(at(2026, 12, 28, 10));
    expect(businessHoursBetween(cal, at(2026, 12, 24), at(2026, 12, 29))).toBe(18);
  });

  it('negative result when end is before start; hours per week', () => {
    expect(businessHoursBetween(def, at(2026, 11, 24, 10), at(2026, 11, 23, 10))).toBe(-9);
    expect(hoursPerWeek(def)).toBe(45);
    expect(hoursPerWeek(createCalendar(TRICKY, paris))).toBe(8 + 8 + 16 + 24 + 13 + 2 + 7.5);
  });

  it('refuses a calendar with no working time and bad instants', () => {
    const none = settingsOf({});
    expect(() => createCalendar(none, paris)).toThrow(
      'The business calendar has no working hours: add working hours to at least one weekday',
    );
    expect(() => addBusinessHours(def, Number.NaN, 1)).toThrow(/start must be a valid date-time/);
  });

  it('addBusinessDays: same wall time on the next business day, clamped into working time', () => {
    const cal = createCalendar(
      {
        ...defaultSettings().calendar,
        hours: {
          ...defaultSettings().calendar.hours,
          mon: [
            { start: '09:00', end: '12:00' },
            { start: '14:00', end: '18:00' },
          ],
        },
        holidays: [{ date: '2026-11-24', name: 'x' }],
      },
      paris,
    );
    expect(addBusinessDays(cal, at(2026, 11, 19, 10, 15), 1)).toBe(at(2026, 11, 20, 10, 15)); // Thu → Fri
    expect(addBusinessDays(cal, at(2026, 11, 20, 10, 15), 1)).toBe(at(2026, 11, 23, 10, 15)); // Fri → Mon
    expect(addBusinessDays(cal, at(2026, 11, 20, 13, 0), 1)).toBe(at(2026, 11, 23, 14, 0)); // lunch → 14:00
    expect(addBusinessDays(cal, at(2026, 11, 20, 7, 0), 1)).toBe(at(2026, 11, 23, 9, 0)); // before opening
    expect(addBusinessDays(cal, at(2026, 11, 20, 20, 0), 1)).toBe(at(2026, 11, 23, 18, 0)); // after closing
    expect(addBusinessDays(cal, at(2026, 11, 23, 10, 0), 1)).toBe(at(2026, 11, 25, 10, 0)); // holiday Tue
    expect(addBusinessDays(cal, at(2026, 11, 21, 10, 0), 2)).toBe(at(2026, 11, 25, 10, 0)); // Sat → Mon, Wed
    // 1.5 days: Fri 17:00, then half an average business day (43 h / 5 days / 2 = 4.3 h)
    expect(addBusinessDays(cal, at(2026, 11, 19, 17, 0), 1.5)).toBe(at(2026, 11, 23, 14, 18));
    // DST: same wall time across the switch
    const all = createCalendar(
      settingsOf(Object.fromEntries(WEEKDAYS.map((d) => [d, [{ start: '00:00', end: '24:00' }]]))),
      paris,
    );
    expect(addBusinessDays(all, at(2026, 3, 28, 10), 1)).toBe(at(2026, 3, 29, 10));
    expect(addBusinessDays(all, at(2026, 3, 28, 2, 30), 1)).toBe(at(2026, 3, 29, 3, 0));
  });

  it('works with a fixed-offset clock', () => {
    const cal = createCalendar(defaultSettings().calendar, fixedOffsetClock(0));
    expect(addBusinessHours(cal, Date.UTC(2026, 10, 23, 8), 1)).toBe(Date.UTC(2026, 10, 23, 10));
  });
});

describe('business calendar at volume (timing lives in npm run bench)', () => {
  it('computes 100,000 deadlines, each inside business time', () => {
    const cal: BusinessCalendar = createCalendar(
      defaultSettings().calendar,
      intlZoneClock('Europe/Paris'),
    );
    const start = Date.UTC(2026, 0, 1);
    let outside = 0;
    for (let i = 0; i < 100000; i++) {
      const d = addBusinessHours(
        cal,
        start + ((i * 7919 * 60000) % (365 * DAY)),
        [1, 8, 16][i % 3]!,
      );
      // a deadline is inside business time, or exactly at a closing time
      if (!isBusinessTime(cal, d) && !isBusinessTime(cal, d - 1)) outside++;
    }
    expect(outside).toBe(0);
  });
});
