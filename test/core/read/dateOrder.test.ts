import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  describeDateOrder,
  inferDateOrder,
  localeDateOrder,
  numericDateParts,
} from '../../../src/core/read/dateOrder.ts';
import { readInstant } from '../../../src/core/read/dates.ts';
import { fixedOffsetClock } from '../../../src/core/time/zone.ts';

const utc = fixedOffsetClock(0);
const pad = (n: number) => String(n).padStart(2, '0');
const dayArb = fc.record({
  y: fc.integer({ min: 2000, max: 2030 }),
  m: fc.integer({ min: 1, max: 12 }),
  d: fc.integer({ min: 1, max: 28 }),
});
type Day = { y: number; m: number; d: number };
const dmy = (x: Day) => `${pad(x.d)}/${pad(x.m)}/${x.y}`;
const mdy = (x: Day) => `${pad(x.m)}/${pad(x.d)}/${x.y}`;

describe('date order per column', () => {
  it('reads the two numbers of numeric dates only', () => {
    expect(numericDateParts('13/02/2026 14:05')).toEqual({ a: 13, b: 2 });
    expect(numericDateParts('2026-02-13')).toBeNull();
    expect(numericDateParts('Feb 13, 2026')).toBeNull();
  });

  it('a day-first column is read day-first whatever the locale (property)', () => {
    fc.assert(
      fc.property(fc.array(dayArb, { minLength: 1, maxLength: 30 }), dayArb, (days, proof) => {
        const column = [...days.map(dmy), dmy({ ...proof, d: 13 + (proof.d % 16) })];
        const order = inferDateOrder(column, 'mdy');
        expect(order.order).toBe('dmy');
        expect(order.basis).toBe('values');
        for (const [i, x] of days.entries()) {
          const r = readInstant(column[i], utc, { dayFirst: true });
          expect(r).toEqual({ kind: 'instant', ms: Date.UTC(x.y, x.m - 1, x.d) });
        }
      }),
    );
  });

  it('a month-first column is read month-first whatever the locale (property)', () => {
    fc.assert(
      fc.property(fc.array(dayArb, { minLength: 1, maxLength: 30 }), dayArb, (days, proof) => {
        const column = [...days.map(mdy), mdy({ ...proof, d: 13 + (proof.d % 16) })];
        const order = inferDateOrder(column, 'dmy');
        expect(order.order).toBe('mdy');
        for (const [i, x] of days.entries()) {
          const r = readInstant(column[i], utc, { dayFirst: false });
          expect(r).toEqual({ kind: 'instant', ms: Date.UTC(x.y, x.m - 1, x.d) });
        }
      }),
    );
  });

  it('an all-ambiguous column follows the locale (property)', () => {
    const ambiguous = dayArb.map((x) => ({ ...x, d: 1 + (x.d % 12) }));
    fc.assert(
      fc.property(
        fc.array(ambiguous, { minLength: 1 }),
        fc.constantFrom('dmy', 'mdy' as const),
        (days, locale) => {
          const order = inferDateOrder(days.map(dmy), locale);
          expect(order).toMatchObject({ order: locale, basis: 'locale' });
        },
      ),
    );
  });

  it('a column proving both orders is a conflict: its ambiguous values cannot be read', () => {
    const order = inferDateOrder(['13/02/2026', '02/13/2026', '03/04/2026'], 'dmy');
    expect(order).toMatchObject({
      order: null,
      basis: 'conflict',
      dayFirst: 1,
      monthFirst: 1,
      ambiguous: 1,
    });
    expect(describeDateOrder(order, 'fr_FR')).toBe(
      'mixed: both day-first (e.g. 13/02/2026) and month-first (e.g. 02/13/2026) dates',
    );
    expect(readInstant('03/04/2026', utc, { undecided: 'cannot tell' })).toEqual({
      kind: 'unreadable',
      reason: '"03/04/2026" cannot tell',
    });
    expect(readInstant('13/02/2026', utc, { undecided: 'cannot tell' }).kind).toBe('instant');
    expect(readInstant('04/04/2026', utc, { undecided: 'cannot tell' }).kind).toBe('instant');
  });

  it('knows which locales write month first', () => {
    expect(localeDateOrder('en_US')).toBe('mdy');
    expect(localeDateOrder('en-PH')).toBe('mdy');
    expect(localeDateOrder('en_GB')).toBe('dmy');
    expect(localeDateOrder('fr_FR')).toBe('dmy');
    expect(localeDateOrder('')).toBe('mdy');
  });
});

describe('date order per column (mixed columns, property)', () => {
  it('a column with both orders reads every unambiguous value and refuses the ambiguous ones', () => {
    const unambiguous = dayArb.map((x) => ({ ...x, d: 13 + (x.d % 16) }));
    const ambiguous = dayArb.map((x) => ({ ...x, d: 1 + (x.d % 12), m: 1 + ((x.m + 1) % 12) }));
    fc.assert(
      fc.property(
        unambiguous,
        unambiguous,
        fc.array(ambiguous, { minLength: 1, maxLength: 10 }),
        (a, b, amb) => {
          const column = [dmy(a), mdy(b), ...amb.map(dmy)];
          const order = inferDateOrder(column, 'dmy');
          expect(order.order).toBeNull();
          const undecided = 'undecided';
          expect(readInstant(column[0], utc, { undecided })).toEqual({
            kind: 'instant',
            ms: Date.UTC(a.y, a.m - 1, a.d),
          });
          expect(readInstant(column[1], utc, { undecided })).toEqual({
            kind: 'instant',
            ms: Date.UTC(b.y, b.m - 1, b.d),
          });
          for (const [i, x] of amb.entries()) {
            const r = readInstant(column[i + 2], utc, { undecided });
            if (x.d !== x.m) expect(r.kind).toBe('unreadable');
          }
        },
      ),
    );
  });
});
