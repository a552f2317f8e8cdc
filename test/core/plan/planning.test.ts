import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { repsNeeded, weekly } from '../../../src/core/plan/capacity.ts';
import {
  backwardsFunnel,
  customersNeeded,
  funnel,
  leadsGoal,
  mqlNeeded,
} from '../../../src/core/plan/funnel.ts';
import { spread } from '../../../src/core/plan/spread.ts';

describe('funnel (the seeds worked example)', () => {
  it('runs 100,000 / 1,000 at 50 % back to 3,200 contacts', () => {
    expect(funnel(100000, 1000, [0.5, 0.5, 0.5, 0.5, 0.5])).toEqual({
      Contacts: 3200,
      Leads: 1600,
      MQL: 800,
      SQL: 400,
      Opportunities: 200,
      Customers: 100,
    });
    expect(mqlNeeded(100000, 1000, [0.5, 0.5, 0.5])).toBe(800);
    expect(customersNeeded(100000, 1000)).toBe(100);
  });

  it('rounds up once at the end of each stage', () => {
    expect(backwardsFunnel(100, [0.3, 0.3])).toEqual([1114, 334, 100]);
    expect(customersNeeded(100001, 1000)).toBe(101);
    expect(customersNeeded(100000, 1000, 0.6)).toBe(60);
  });

  it('never adds a lead through floating error', () => {
    // 0.1 + 0.2 style noise: 70 / 0.7 = 100.00000000000001
    expect(backwardsFunnel(70, [0.7])).toEqual([100, 70]);
  });

  it('computes the 4-metrics lead goal', () => {
    expect(leadsGoal(100000, 0.6, 1000, 0.1)).toBe(600);
  });

  it('each stage is at least the next one', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 10_000 }),
        fc.array(fc.double({ min: 0.01, max: 1, noNaN: true }), { minLength: 1, maxLength: 5 }),
        (customers, rates) => {
          const counts = backwardsFunnel(customers, rates);
          for (let i = 0; i + 1 < counts.length; i++) {
            expect(counts[i]! >= counts[i + 1]!).toBe(true);
            expect(Number.isInteger(counts[i])).toBe(true);
          }
        },
      ),
    );
  });
});

describe('capacity', () => {
  it('matches the seeds: 800 MQL, 47 weeks, 8 per rep', () => {
    expect(weekly(800, 47)).toBeCloseTo(17.0212766, 6);
    expect(repsNeeded(800, 47, 8)).toBeCloseTo(2.12765957, 6);
    expect(repsNeeded(800, 47, 8, 'up')).toBe(3);
    expect(repsNeeded(800, 47, 8, 'nearest')).toBe(2);
  });
});

describe('spread (largest remainder)', () => {
  it('splits into whole numbers that add up exactly', () => {
    expect(spread(10, [1, 1, 1])).toEqual([4, 3, 3]);
    expect(spread(800, [1, 1, 1, 1])).toEqual([200, 200, 200, 200]);
    expect(spread(7, [0, 1, 0])).toEqual([0, 7, 0]);
  });

  it('always sums to the total and stays within 1 of the exact share', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 1_000_000 }),
        fc
          .array(fc.double({ min: 0, max: 1000, noNaN: true }), { minLength: 1, maxLength: 24 })
          .filter((w) => w.some((x) => x > 1e-6)),
        (total, weights) => {
          const parts = spread(total, weights);
          const sum = weights.reduce((a, b) => a + b, 0);
          expect(parts.reduce((a, b) => a + b, 0)).toBe(total);
          parts.forEach((p, i) => {
            expect(Number.isInteger(p)).toBe(true);
            expect(Math.abs(p - (total * weights[i]!) / sum)).toBeLessThan(1 + 1e-6);
          });
        },
      ),
    );
  });
});
