import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { spread } from '../../../src/core/plan/spread.ts';

describe('spread', () => {
  it('splits in proportion when the shares are whole', () => {
    expect(spread(10, [1, 2, 2])).toEqual([2, 4, 4]);
  });

  it('gives the remainder to the largest fractional parts', () => {
    // exact shares 3.33…, 3.33…, 3.33… → remainder 1 to the first (a tie)
    expect(spread(10, [1, 1, 1])).toEqual([4, 3, 3]);
    // exact shares 1.8, 3.2, 5 → floors 1, 3, 5 leave 1, to 1.8 (rest 0.8)
    expect(spread(10, [1.8, 3.2, 5])).toEqual([2, 3, 5]);
  });

  it('breaks ties by position, earliest first', () => {
    expect(spread(2, [1, 1, 1, 1])).toEqual([1, 1, 0, 0]);
  });

  it('gives nothing to a zero weight', () => {
    expect(spread(7, [0, 1, 0, 1])).toEqual([0, 4, 0, 3]);
  });

  it('spreads 0 as zeros', () => {
    expect(spread(0, [3, 1])).toEqual([0, 0]);
  });

  it('splits over seasonality weights that are not whole', () => {
    // exact shares 4.5, 3, 2.5 → floors 4, 3, 2 leave 1, to 4.5 (rest 0.5, the first of the tie)
    expect(spread(10, [0.45, 0.3, 0.25])).toEqual([5, 3, 2]);
  });

  it('always adds up to the total, each part within 1 of its exact share (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 100_000 }),
        fc.array(fc.integer({ min: 0, max: 1000 }), { minLength: 1, maxLength: 24 }),
        (total, weights) => {
          fc.pre(weights.some((w) => w > 0));
          const parts = spread(total, weights);
          const sum = weights.reduce((a, w) => a + w, 0);
          expect(parts).toHaveLength(weights.length);
          expect(parts.reduce((a, p) => a + p, 0)).toBe(total);
          parts.forEach((p, i) => {
            expect(Number.isInteger(p)).toBe(true);
            expect(Math.abs(p - (total * weights[i]!) / sum)).toBeLessThan(1);
          });
        },
      ),
    );
  });
});
