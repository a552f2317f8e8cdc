import { describe, expect, it } from 'vitest';
import { relativeOdds } from '../../../src/core/review/speedToLead.ts';

describe('speed-to-lead model anchors', () => {
  it('goes through the published anchor points', () => {
    expect(relativeOdds(1)).toBe(1);
    expect(relativeOdds(5)).toBe(1);
    expect(relativeOdds(30)).toBeCloseTo(1 / 21, 12);
    expect(relativeOdds(60) / relativeOdds(120)).toBeCloseTo(7, 9);
    expect(relativeOdds(60) / relativeOdds(1440)).toBeCloseTo(60, 9);
    expect(relativeOdds(5000)).toBe(relativeOdds(1440));
    expect(relativeOdds(null)).toBe(relativeOdds(1440));
    // monotonic
    let prev = 2;
    for (let t = 1; t < 3000; t += 7) {
      const o = relativeOdds(t);
      expect(o).toBeLessThanOrEqual(prev);
      prev = o;
    }
  });
});
