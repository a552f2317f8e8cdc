import { describe, expect, it } from 'vitest';
import { plannedMonthlyMql } from '../../../src/core/plan/planningSheet.ts';
import { monthlyMqlTarget } from '../../../src/core/review/figures.ts';
import { defaultSettings } from '../../../src/core/settings/index.ts';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const targets = [72, 72, 80, 72, 72, 64, 40, 32, 72, 80, 80, 64];

describe('the Planning sheet monthly MQL targets', () => {
  it('reads the MQL target row under the Month row', () => {
    const values = [
      ['SLA plan', ''],
      ['Month', ...MONTHS],
      ['Seasonality weight', ...MONTHS.map(() => 1)],
      ['MQL target', ...targets],
    ];
    expect(plannedMonthlyMql(values)).toEqual(targets);
  });

  it('gives nothing when the row is missing, incomplete or not computed yet', () => {
    expect(plannedMonthlyMql([['Input', 'Value']])).toBeNull();
    expect(
      plannedMonthlyMql([
        ['Month', ...MONTHS],
        ['MQL target', ...targets.slice(0, 11), ''],
      ]),
    ).toBeNull();
    expect(
      plannedMonthlyMql([
        ['Month', ...MONTHS],
        ['MQL target', '#ERROR!', ...targets.slice(1)],
      ]),
    ).toBeNull();
  });

  it('comes after an explicit monthly target and before the equal spread of the plan', () => {
    const settings = defaultSettings();
    expect(monthlyMqlTarget(settings, 10, targets)).toBe(80);
    expect(monthlyMqlTarget(settings, 10, null)).toBe(66);
    settings.plan.monthlyMqlTarget = 50;
    expect(monthlyMqlTarget(settings, 10, targets)).toBe(50);
  });
});
