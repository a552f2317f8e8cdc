import { describe, expect, it } from 'vitest';
import { distinctTexts } from '../../../src/core/common/cellValues.ts';
import {
  estimateCapacity,
  planMqlFromRevenue,
  planYearlyMql,
} from '../../../src/core/plan/plan.ts';
import { defaultSettings } from '../../../src/core/settings/index.ts';

const plan = () => defaultSettings().plan;

describe('the plan in one place', () => {
  it('runs the yearly MQL back from revenue, unless a monthly target is set', () => {
    expect(planMqlFromRevenue(plan())).toBe(800);
    expect(planYearlyMql(plan())).toBe(800);
    expect(planYearlyMql({ ...plan(), monthlyMqlTarget: 70 })).toBe(840);
    expect(planYearlyMql({ ...plan(), revenueGoal: null })).toBeNull();
  });

  it('counts capacity from the owners in Leads first, then from the plan', () => {
    expect(estimateCapacity(plan(), 4)).toMatchObject({ reps: 4, source: 'owners', perWeek: 32 });
    // 800 MQL / 47 weeks / 8 per rep = 2.13 → 3 reps
    expect(estimateCapacity(plan(), 0)).toMatchObject({ reps: 3, source: 'plan', perWeek: 24 });
    expect(estimateCapacity({ ...plan(), revenueGoal: null }, 0)).toMatchObject({
      reps: 0,
      source: 'none',
    });
  });
});

describe('distinct texts of a column', () => {
  it('merges case, accents and spacing, most frequent first', () => {
    const cells = [
      ['Website'],
      ['webinar'],
      ['WEBSITE '],
      [''],
      [42],
      [new Date(0)],
      ['Wébinar'],
      ['website'],
    ];
    expect(distinctTexts(cells)).toEqual(['Website', 'webinar', '42']);
    expect(distinctTexts(cells, 1)).toEqual(['Website']);
    expect(distinctTexts([['a very long name']], 10, 5)).toEqual([]);
  });
});
