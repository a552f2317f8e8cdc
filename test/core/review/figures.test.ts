import { describe, expect, it } from 'vitest';
import { monthFigures, monthlyMqlTarget } from '../../../src/core/review/figures.ts';
import { defaultSettings } from '../../../src/core/settings/index.ts';
import { contextOf, type LeadCells, leadsOf, settingsWith } from '../../fixtures/review.ts';

function march(cells: LeadCells[], settings = defaultSettings(), planned?: readonly number[]) {
  return monthFigures(
    leadsOf(cells),
    contextOf('2026-03', planned ? { settings, planned } : { settings }),
  );
}

const MQL = { mqlAt: '2026-03-02 09:00' };

describe('monthly targets', () => {
  it("derives the month's MQL target from the plan, spread over 12 equal months", () => {
    const s = defaultSettings(); // 100,000 ÷ 1,000 = 100 customers ← 800 MQL at 50 %
    expect(monthlyMqlTarget(s, 1)).toBe(67); // 800 = 8 × 67 + 4 × 66
    expect(monthlyMqlTarget(s, 8)).toBe(67);
    expect(monthlyMqlTarget(s, 9)).toBe(66);
    s.plan.revenueGoal = null;
    expect(monthlyMqlTarget(s, 1)).toBeNull();
    s.plan.monthlyMqlTarget = 40;
    expect(monthlyMqlTarget(s, 1)).toBe(40);
  });

  it("measures the MQL delivered against the month's target", () => {
    const m = march(
      [MQL, MQL, MQL],
      settingsWith((s) => (s.plan.monthlyMqlTarget = 4)),
    );
    expect(m.marketing).toMatchObject({ mqlTarget: 4, mqlAttainment: 0.75 });
  });

  it("takes the Planning sheet's target for the month when there is one", () => {
    const planned = [10, 10, 2, 10, 10, 10, 10, 10, 10, 10, 10, 10];
    const m = march([MQL], defaultSettings(), planned);
    expect(m.marketing).toMatchObject({ mqlTarget: 2, mqlAttainment: 0.5 });
  });

  it('has no attainment without a target', () => {
    const m = march(
      [MQL],
      settingsWith((s) => (s.plan.revenueGoal = null)),
    );
    expect(m.marketing).toMatchObject({ mqlTarget: null, mqlAttainment: null });
  });

  it('measures the value won against a twelfth of the revenue goal', () => {
    const m = march([{ wonAt: '2026-03-20 09:00', dealValue: 5000 }]);
    expect(m.revenue.revenueTarget).toBeCloseTo(100000 / 12, 9);
    expect(m.revenue.revenueAttainment).toBeCloseTo(0.6, 12);
  });

  it('has no revenue target without a revenue goal', () => {
    const m = march(
      [MQL],
      settingsWith((s) => (s.plan.revenueGoal = null)),
    );
    expect(m.revenue).toMatchObject({ revenueTarget: null, revenueAttainment: null });
  });
});

describe('speed to lead', () => {
  const neverContacted = { ...MQL, priority: 'Hot', handedOffAt: '2026-03-02 09:00' };

  it("uses the MQL→opportunity rate observed on the month's MQL when it has one", () => {
    const m = march([neverContacted, { ...MQL, stage: 'Opportunity' }, MQL, MQL]);
    expect(m.speedToLead).toMatchObject({ rateSource: 'observed', mqlToOpportunityRate: 0.25 });
  });

  it('values the opportunities at risk with the plan’s close rate and average deal', () => {
    const m = march([neverContacted]);
    const s = m.speedToLead;
    expect(s.lateLeads).toBe(1);
    expect(s.valueAtRisk).toBeCloseTo(s.expectedLostOpportunities * 0.5 * 1000, 9);
  });
});

describe('the month', () => {
  it('keys the figures by their month', () => {
    expect(march([]).month).toBe('2026-03');
  });
});
