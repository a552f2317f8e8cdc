import vm from 'node:vm';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type DateRead, readInstant, toSerial } from '../../../src/core/read/dates.ts';
import { fixedOffsetClock, intlZoneClock } from '../../../src/core/time/zone.ts';

const paris = intlZoneClock('Europe/Paris');
const utc = fixedOffsetClock(0);

const instant = (ms: number): DateRead => ({ kind: 'instant', ms });
/** Paris wall time → instant, for November (UTC+1) */
const nov = (d: number, h = 0, mi = 0) => Date.UTC(2026, 10, d, h - 1, mi);

describe('readInstant', () => {
  it('blank values', () => {
    for (const v of ['', '   ', null, undefined, '\t']) {
      expect(readInstant(v, paris)).toEqual({ kind: 'blank' });
    }
  });

  it('Date objects are instants, including from another realm', () => {
    const d = new Date(Date.UTC(2026, 10, 23, 13, 5));
    expect(readInstant(d, paris)).toEqual(instant(d.getTime()));
    // a Date from another realm (instanceof Date is false there) is recognised by its tag
    const other = vm.runInNewContext('new Date(Date.UTC(2026, 10, 23, 13, 5))');
    expect(readInstant(other, paris)).toEqual(instant(d.getTime()));
    expect(readInstant(new Date(Number.NaN), paris)).toEqual({
      kind: 'unreadable',
      reason: 'is not a valid date',
    });
    expect(readInstant(new Date(Date.UTC(1899, 11, 30, 14)), paris)).toMatchObject({
      kind: 'unreadable',
      reason: 'is a time without a date',
    });
  });

  it('serial numbers are wall time in the spreadsheet zone', () => {
    // 46349 = 2026-11-23
    expect(readInstant(46349, paris)).toEqual(instant(nov(23)));
    expect(readInstant(46349 + 14 / 24 + 5 / 1440, paris)).toEqual(instant(nov(23, 14, 5)));
    expect(readInstant(46349.5, utc)).toEqual(instant(Date.UTC(2026, 10, 23, 12)));
    // summer: UTC+2
    expect(readInstant(46218 + 9 / 24, paris)).toEqual(instant(Date.UTC(2026, 6, 15, 7)));
    expect(readInstant(0.5, paris)).toMatchObject({ kind: 'unreadable' });
    expect(readInstant(-3, paris)).toMatchObject({ kind: 'unreadable' });
    expect(readInstant(Number.NaN, paris)).toMatchObject({ kind: 'unreadable' });
  });

  it('serial round trip (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: Date.UTC(1990, 0, 1), max: Date.UTC(2090, 0, 1) }), (ms) => {
        const minute = Math.floor(ms / 60000) * 60000;
        const r = readInstant(toSerial(paris, minute), paris);
        expect(r.kind).toBe('instant');
        const got = (r as { ms: number }).ms;
        // the repeated autumn hour maps to its earlier instant
        expect(got === minute || got === minute - 3600000).toBe(true);
      }),
    );
  });

  it('ISO text, with or without offset', () => {
    expect(readInstant('2026-11-23', paris)).toEqual(instant(nov(23)));
    expect(readInstant('2026-11-23 14:05', paris)).toEqual(instant(nov(23, 14, 5)));
    expect(readInstant('2026-11-23T14:05:00Z', paris)).toEqual(
      instant(Date.UTC(2026, 10, 23, 14, 5)),
    );
    expect(readInstant('2026-11-23T14:05:00.250Z', paris)).toEqual(
      instant(Date.UTC(2026, 10, 23, 14, 5, 0, 250)),
    );
    expect(readInstant('2026-11-23T14:05:00+05:30', paris)).toEqual(
      instant(Date.UTC(2026, 10, 23, 8, 35)),
    );
    expect(readInstant('2026-11-23T14:05-0500', paris)).toEqual(
      instant(Date.UTC(2026, 10, 23, 19, 5)),
    );
    expect(readInstant('2026/11/23 14:05:30', paris)).toEqual(instant(nov(23, 14, 5) + 30000));
  });

  it('numeric dates are day-first unless impossible; dayFirst: false flips it', () => {
    expect(readInstant('23/11/2026 14:05', paris)).toEqual(instant(nov(23, 14, 5)));
    expect(readInstant('11/03/2026', paris)).toEqual(instant(Date.UTC(2026, 2, 10, 23)));
    expect(readInstant('11/23/2026', paris)).toEqual(instant(nov(23)));
    expect(readInstant('03/11/2026', paris, { dayFirst: false })).toEqual(
      instant(Date.UTC(2026, 2, 10, 23)),
    );
    expect(readInstant('23/11/2026', paris, { dayFirst: false })).toEqual(instant(nov(23)));
    expect(readInstant('23.11.2026', paris)).toEqual(instant(nov(23)));
    expect(readInstant('23-11-26 9h30', paris)).toEqual(instant(nov(23, 9, 30)));
    expect(readInstant('31/02/2026', paris)).toEqual({
      kind: 'unreadable',
      reason: '"31/02/2026" is not a date (there is no 31 February 2026)',
    });
    expect(readInstant('23/11/2026 25:00', paris)).toMatchObject({ kind: 'unreadable' });
    expect(readInstant('23/11/2026 14', paris)).toMatchObject({ kind: 'unreadable' });
  });

  it('English month names', () => {
    expect(readInstant('Nov 23, 2026 2:05 PM', paris)).toEqual(instant(nov(23, 14, 5)));
    expect(readInstant('November 23 2026 12:00 am', paris)).toEqual(instant(nov(23)));
    expect(readInstant('23 Nov 2026', paris)).toEqual(instant(nov(23)));
    expect(readInstant('Monday, 23rd November 2026 at 9:30', paris)).toEqual(
      instant(nov(23, 9, 30)),
    );
    expect(readInstant('Mar 3, 2026', utc)).toEqual(instant(Date.UTC(2026, 2, 3)));
    expect(readInstant('Sept. 1, 2026 1 pm', utc)).toEqual(instant(Date.UTC(2026, 8, 1, 13)));
  });

  it('French month names', () => {
    expect(readInstant('23 novembre 2026 14h05', paris)).toEqual(instant(nov(23, 14, 5)));
    expect(readInstant('lundi 23 nov. 2026 à 14 h 05', paris)).toEqual(instant(nov(23, 14, 5)));
    expect(readInstant('1er février 2026', utc)).toEqual(instant(Date.UTC(2026, 1, 1)));
    expect(readInstant('15 AOÛT 2026 9h', utc)).toEqual(instant(Date.UTC(2026, 7, 15, 9)));
    expect(readInstant('mar 3 mars 2026', utc)).toEqual(instant(Date.UTC(2026, 2, 3)));
    expect(readInstant('le 3 décembre 2026', utc)).toEqual(instant(Date.UTC(2026, 11, 3)));
  });

  it('wall text in a DST gap lands at the end of the gap', () => {
    expect(readInstant('2026-03-29 02:30', paris)).toEqual(instant(Date.UTC(2026, 2, 29, 1)));
  });

  it('anything else is unreadable with a reason naming the value', () => {
    expect(readInstant('next tuesday', paris)).toEqual({
      kind: 'unreadable',
      reason: '"next tuesday" is not a date',
    });
    expect(readInstant(true, paris)).toEqual({ kind: 'unreadable', reason: 'TRUE is not a date' });
    expect(readInstant({}, paris)).toMatchObject({ kind: 'unreadable' });
    expect(readInstant('2026-13-01', paris)).toMatchObject({ kind: 'unreadable' });
    expect(readInstant('46349', paris)).toMatchObject({ kind: 'unreadable' });
  });

  it('never throws (property)', () => {
    fc.assert(
      fc.property(fc.anything(), fc.boolean(), (v, dayFirst) => {
        const r = readInstant(v, paris, { dayFirst });
        expect(['blank', 'instant', 'unreadable']).toContain(r.kind);
        if (r.kind === 'instant') expect(Number.isFinite(r.ms)).toBe(true);
      }),
      { numRuns: 2000 },
    );
    fc.assert(
      fc.property(fc.string(), (v) => {
        readInstant(v, paris);
        readInstant(`2026-01-0${v}`, paris);
        readInstant(`23 nov 2026 ${v}`, paris);
      }),
    );
  });
});
