import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  fixedOffsetClock,
  fromWall,
  intlZoneClock,
  offsetSegments,
  offsetSourceClock,
  toWall,
  wallDayNumber,
} from '../../../src/core/time/zone.ts';
import { intlWallParts } from '../../fixtures/zone.ts';

const MIN = 60000;
const HOUR = 3600000;

/** Independent reference: the offset straight from Intl, no cache. */
function rawOffset(zone: string): (ms: number) => number {
  const parts = intlWallParts(zone);
  return (ms) => {
    const p = parts(ms);
    const wall = Date.UTC(p.year!, p.month! - 1, p.day!, p.hour! % 24, p.minute!, p.second!);
    return (wall - (ms - (((ms % 1000) + 1000) % 1000))) / MIN;
  };
}

describe('toWall / fromWall', () => {
  const paris = intlZoneClock('Europe/Paris');
  const ny = intlZoneClock('America/New_York');
  const kolkata = intlZoneClock('Asia/Kolkata');

  it('reads wall time with weekday', () => {
    const w = toWall(paris, Date.UTC(2026, 6, 14, 10, 30));
    expect(w).toEqual({
      year: 2026,
      month: 7,
      day: 14,
      hour: 12,
      minute: 30,
      second: 0,
      ms: 0,
      weekday: 2,
    });
    expect(toWall(ny, Date.UTC(2026, 0, 4, 3, 0)).weekday).toBe(6); // Sat 22:00 in NY
    expect(toWall(kolkata, Date.UTC(2026, 0, 1, 0, 0)).hour).toBe(5);
    expect(toWall(kolkata, Date.UTC(2026, 0, 1, 0, 0)).minute).toBe(30);
  });

  it('maps a normal wall time to its instant', () => {
    expect(fromWall(paris, { year: 2026, month: 1, day: 15, hour: 9 })).toBe(
      Date.UTC(2026, 0, 15, 8),
    );
    expect(fromWall(paris, { year: 2026, month: 7, day: 15, hour: 9 })).toBe(
      Date.UTC(2026, 6, 15, 7),
    );
    expect(fromWall(kolkata, { year: 2026, month: 7, day: 15, hour: 9 })).toBe(
      Date.UTC(2026, 6, 15, 3, 30),
    );
  });

  it('spring gap: a skipped wall time maps to the end of the gap', () => {
    const t = fromWall(paris, { year: 2026, month: 3, day: 29, hour: 2, minute: 30 });
    expect(t).toBe(Date.UTC(2026, 2, 29, 1, 0)); // 03:00 CEST
    const n = fromWall(ny, { year: 2026, month: 3, day: 8, hour: 2, minute: 15 });
    expect(n).toBe(Date.UTC(2026, 2, 8, 7, 0)); // 03:00 EDT
    expect(fromWall(paris, { year: 2026, month: 3, day: 29, hour: 3 })).toBe(
      Date.UTC(2026, 2, 29, 1, 0),
    );
    expect(fromWall(paris, { year: 2026, month: 3, day: 29, hour: 1, minute: 59 })).toBe(
      Date.UTC(2026, 2, 29, 0, 59),
    );
  });

  it('autumn overlap: a repeated wall time maps to the earlier instant', () => {
    const t = fromWall(paris, { year: 2026, month: 10, day: 25, hour: 2, minute: 30 });
    expect(t).toBe(Date.UTC(2026, 9, 25, 0, 30)); // 02:30 CEST
    const n = fromWall(ny, { year: 2026, month: 11, day: 1, hour: 1, minute: 30 });
    expect(n).toBe(Date.UTC(2026, 10, 1, 5, 30)); // 01:30 EDT
    expect(fromWall(paris, { year: 2026, month: 10, day: 25, hour: 3 })).toBe(
      Date.UTC(2026, 9, 25, 2, 0),
    );
  });

  it('round-trips every instant outside the overlap (property)', () => {
    const zones = [paris, ny, kolkata, fixedOffsetClock(-150)];
    fc.assert(
      fc.property(
        fc.constantFrom(...zones),
        fc.integer({ min: Date.UTC(2025, 0, 1), max: Date.UTC(2028, 0, 1) }),
        (clock, ms) => {
          const w = toWall(clock, ms);
          const back = fromWall(clock, w);
          // in an overlap the earlier instant comes back, one hour before at most
          expect(back === ms || back === ms - HOUR).toBe(true);
          expect(toWall(clock, back)).toEqual(w);
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('wallDayNumber counts wall days', () => {
    expect(wallDayNumber(paris, Date.UTC(2026, 0, 1, 23, 30))).toBe(Date.UTC(2026, 0, 2) / 864e5);
    expect(wallDayNumber(ny, Date.UTC(2026, 0, 2, 3, 0))).toBe(Date.UTC(2026, 0, 1) / 864e5);
  });
});

describe('clocks', () => {
  it('intlZoneClock rejects unknown and blank zones clearly', () => {
    expect(() => intlZoneClock('Mars/Olympus')).toThrow(/Unknown time zone "Mars\/Olympus"/);
    expect(() => intlZoneClock(' ')).toThrow(/blank/);
  });

  it('fixedOffsetClock names its zone', () => {
    expect(fixedOffsetClock(0).zone).toBe('UTC');
    expect(fixedOffsetClock(330).zone).toBe('UTC+05:30');
    expect(fixedOffsetClock(-240).zone).toBe('UTC-04:00');
    expect(fixedOffsetClock(120).offsetMinutes(0)).toBe(120);
  });

  it('offsetSourceClock is exact at transitions, to the minute and the millisecond', () => {
    for (const zone of ['Europe/Paris', 'America/New_York', 'Australia/Sydney']) {
      const raw = rawOffset(zone);
      const clock = offsetSourceClock(zone, raw);
      for (const t of [
        Date.UTC(2026, 2, 29, 1),
        Date.UTC(2026, 9, 25, 1),
        Date.UTC(2026, 2, 8, 7),
        Date.UTC(2026, 10, 1, 6),
        Date.UTC(2026, 3, 4, 16),
        Date.UTC(2026, 9, 3, 16),
      ]) {
        for (let m = -90; m <= 90; m++) {
          const ms = t + m * MIN;
          expect(clock.offsetMinutes(ms)).toBe(raw(ms));
          expect(clock.offsetMinutes(ms - 1)).toBe(raw(ms - 1));
        }
      }
    }
  });

  it('offsetSourceClock agrees with Intl at random instants (property)', () => {
    const raw = rawOffset('America/New_York');
    const clock = offsetSourceClock('America/New_York', raw);
    fc.assert(
      fc.property(fc.integer({ min: Date.UTC(2020, 0, 1), max: Date.UTC(2030, 0, 1) }), (ms) => {
        expect(clock.offsetMinutes(ms)).toBe(raw(ms));
      }),
      { numRuns: 3000 },
    );
  });

  it('offsetSourceClock makes few calls: 100,000 instants over a year', () => {
    const raw = rawOffset('Europe/Paris');
    let calls = 0;
    const clock = offsetSourceClock('Europe/Paris', (ms) => {
      calls++;
      return raw(ms);
    });
    const start = Date.UTC(2026, 0, 1);
    let seed = 42;
    for (let i = 0; i < 100000; i++) {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      clock.offsetMinutes(start + (seed / 2147483648) * 365 * 86400000);
    }
    expect(calls).toBeLessThan(2000);
  });

  it('offsetSourceClock reports a broken source clearly', () => {
    const clock = offsetSourceClock('Bad/Zone', () => Number.NaN);
    expect(() => clock.offsetMinutes(0)).toThrow(/Bad\/Zone: no UTC offset/);
    expect(() => clock.offsetMinutes(Number.NaN)).toThrow(/finite/);
  });

  it('offsetSegments splits at the exact transition', () => {
    const paris = intlZoneClock('Europe/Paris');
    const segs = offsetSegments(paris, Date.UTC(2026, 2, 28), Date.UTC(2026, 2, 30));
    expect(segs).toEqual([
      { start: Date.UTC(2026, 2, 28), end: Date.UTC(2026, 2, 29, 1), offsetMinutes: 60 },
      { start: Date.UTC(2026, 2, 29, 1), end: Date.UTC(2026, 2, 30), offsetMinutes: 120 },
    ]);
  });
});
