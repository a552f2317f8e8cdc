import { beforeAll, describe, expect, it } from 'vitest';
import { createRuntime, type Runtime } from '../../runtime/index.ts';
import { paris } from '../fixtures/dates.ts';
import { SEEDS_FUNNEL } from '../fixtures/planning.ts';

let rt: Runtime;

beforeAll(() => {
  rt = createRuntime({ timeZone: 'Europe/Paris' });
  rt.load();
});

describe('custom functions in the built bundle, called like a sheet cell', () => {
  it('computes the seeds example', () => {
    expect(rt.callCustomFunction('SLA_MQL_NEEDED', 100000, 1000, 0.5)).toBe(800);
    expect(rt.callCustomFunction('SLA_REPS', 800, 47, 8, 'up')).toBe(3);
    expect(rt.callCustomFunction('SLA_FUNNEL', 100000, 1000, 0.5)).toEqual(SEEDS_FUNNEL);
  });

  it('throws the teaching error message across the vm boundary', () => {
    expect(() => rt.callCustomFunction('SLA_REPS', 800, 47, 0)).toThrow(
      'SLA_REPS: mql_per_rep_per_week must be above 0 (got 0)',
    );
  });

  it('computes a whole 10,000-row column in one call', () => {
    const goals = Array.from({ length: 10_000 }, (_, i) => [i % 50 === 0 ? '' : 1000 * (i + 1)]);
    const result = rt.callCustomFunction('SLA_MQL_NEEDED', goals, 1000, 0.5) as unknown[][];
    expect(result).toHaveLength(10_000);
    expect(result[0]).toEqual(['']);
    expect(result[1]).toEqual([16]);
  });
});

describe('setUpWorkbook and the Planning sheet', () => {
  it('builds the menu without authorization when authMode is NONE', () => {
    rt.callWithAuth('NONE', 'onOpen', { authMode: 'NONE' });
    const items = rt.ui.menuItems().map((i) => i.functionName);
    expect(items).toEqual(
      expect.arrayContaining([
        'showSidebar',
        'setUpWorkbook',
        'checkLeadsNow',
        'startMonitoring',
        'stopMonitoring',
        'runMonthlyReview',
      ]),
    );
  });

  it('creates the sheets with live formulas that evaluate to the seeds example', () => {
    rt.call('setUpWorkbook');
    const names = rt.spreadsheet.getSheets().map((s) => s.getName());
    expect(names).toEqual(expect.arrayContaining(['Planning', 'Leads', 'SLA Agreement']));
    expect(rt.evaluateFormulas('Planning')).toEqual([]);
    const planning = rt.spreadsheet.getSheetByName('Planning')!;
    const values = planning.getDataRange().getValues();
    const byLabel = new Map(values.map((r) => [r[0], r[1]]));
    expect(byLabel.get('Customers needed')).toBe(100);
    expect(byLabel.get('MQL needed')).toBe(800);
    expect(byLabel.get('Reps to hire')).toBe(3);
    expect(byLabel.get('Leads goal (4 metrics)')).toBe(1600);
    expect(planning.getRange('D3:E9').getValues()).toEqual(SEEDS_FUNNEL);
    const monthly = planning.getRange('B23:M23').getValues()[0]!;
    expect(monthly.reduce((a, b) => Number(a) + Number(b), 0)).toBe(800);
  });

  it("gives the monthly review the Planning sheet's seasonal MQL target", () => {
    rt.setNow(paris('2026-11-02T10:00'));
    rt.call('runMonthlyReview', '2026-10');
    const mqlTarget = () => {
      const review = rt.spreadsheet
        .getSheetByName('SLA Review 2026-10')!
        .getDataRange()
        .getValues();
      const card = review.slice(
        review.findIndex((r) => /^Marketing's commitment/.test(String(r[0]))),
      );
      return card.find((r) => r[0] === 'MQL delivered')![2];
    };
    // October weighs 10 of the 100 seasonality points: 80 of the 800 MQL a year. Nobody saved
    // settings: it is the sample's target, and Planning says its plan is the sample (issue 18)
    expect(mqlTarget()).toBe('sample: ≥ 80 MQL');
    const planning = rt.spreadsheet.getSheetByName('Planning')!;
    expect(planning.getRange('A2').getValue()).toMatch(/^Sample plan/);
    // the team saves its settings: Planning's plan and the review's target are theirs
    const { settings } = rt.call('sidebarLoad') as { settings: object };
    rt.call('sidebarSave', JSON.stringify(settings));
    expect(planning.getRange('A2').getValue()).toBe('');
    rt.call('runMonthlyReview', '2026-10');
    expect(mqlTarget()).toBe('≥ 80 MQL');
  });

  it('never overwrites a sheet that already has data', () => {
    const planning = rt.spreadsheet.getSheetByName('Planning')!;
    planning.getRange('A1').setValue('My own plan');
    rt.call('setUpWorkbook');
    expect(planning.getRange('A1').getValue()).toBe('My own plan');
    expect(rt.ui.toasts.at(-1)?.message).toMatch(/Kept Planning, Leads, SLA Agreement/);
  });
});
