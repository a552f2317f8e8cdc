/**
 * Sheets recalculates a custom function only when its arguments change (the runtime does the
 * same): formulas that pass SLA_SETTINGS_VERSION, which every settings save bumps, show the new
 * rules after a save; formulas without it keep their old results.
 */
import { describe, expect, it } from 'vitest';
import type { Runtime } from '../../runtime/index.ts';
import { defaultSettings } from '../../src/core/settings/index.ts';
import type { SidebarSaveResult } from '../../src/sidebarContract.ts';
import { paris } from '../fixtures/dates.ts';
import { rowOf } from '../fixtures/leads.ts';
import { EVERY_STATUS, HEADER, leadsRuntime } from './leadsHelpers.ts';

const save = (rt: Runtime, s: unknown) =>
  rt.call('sidebarSave', JSON.stringify(s)) as SidebarSaveResult;

function calcSheet(rt: Runtime) {
  const sheet = rt.addSheet('Calc', [[paris('2026-11-23T09:00'), paris('2026-11-24T18:00')]]);
  const formulas: Record<string, string> = {
    C1: '=SLA_DEADLINE(A1, 8, SLA_SETTINGS_VERSION)',
    D1: '=SLA_DEADLINE(A1, 8)',
    E1: '=SLA_BUSINESS_HOURS(A1, B1, SLA_SETTINGS_VERSION)',
    F1: '=SLA_BUSINESS_HOURS(A1, B1)',
    A3: '=SLA_SCORE(Leads!A1:L1, Leads!A2:L3, SLA_SETTINGS_VERSION)',
    A6: '=SLA_SCORE(Leads!A1:L1, Leads!A2:L3)',
  };
  for (const [a1, f] of Object.entries(formulas)) sheet.getRange(a1).setFormula(f);
  return sheet;
}

describe('SLA_SETTINGS_VERSION', () => {
  it('set-up makes the named cell on a hidden sheet of ours', () => {
    const { rt } = leadsRuntime([HEADER]);
    rt.call('setUpWorkbook');
    const cell = rt.spreadsheet.getRangeByName('SLA_SETTINGS_VERSION')!;
    expect(cell.getSheet().getName()).toBe('SLA Settings');
    expect(cell.getA1Notation()).toBe('B1');
    expect(cell.getValue()).toBe(1);
    expect(cell.getSheet().isSheetHidden()).toBe(true);
  });

  it('after a save, formulas passing it show the new settings; the others keep the old results', () => {
    const { rt } = leadsRuntime([
      HEADER,
      rowOf(HEADER, { 'Lead ID': 'S1', 'Job title': 'Sales Director', 'Demo request': 'yes' }),
      rowOf(HEADER, { 'Lead ID': 'S2', 'Job title': 'Head of Marketing' }),
      ...EVERY_STATUS.map((s) => rowOf(HEADER, s.row)),
    ]);
    rt.call('setUpWorkbook');
    const sheet = calcSheet(rt);
    expect(rt.evaluateFormulas('Calc')).toEqual([]);
    const before = sheet.getRange('A1:F7').getValues();
    // 8 business hours from Monday 09:00 on 09:00-18:00: Monday 17:00; 18 hours to Tuesday 18:00
    expect(before[0]!.slice(2)).toEqual([
      paris('2026-11-23T17:00'),
      paris('2026-11-23T17:00'),
      18,
      18,
    ]);

    const s = defaultSettings();
    s.calendar.hours.mon = [{ start: '09:00', end: '13:00' }];
    s.scoring.criteria = s.scoring.criteria.map((c) => ({ ...c, points: c.points * 2 }));
    save(rt, s);
    expect(rt.spreadsheet.getRangeByName('SLA_SETTINGS_VERSION')!.getValue()).toBe(2);
    expect(rt.evaluateFormulas('Calc')).toEqual([]);
    const after = sheet.getRange('A1:F7').getValues();
    // Monday now has 4 hours: the deadline moves to Tuesday 13:00, 13 business hours in all
    expect(after[0]!.slice(2)).toEqual([
      paris('2026-11-24T13:00'),
      paris('2026-11-23T17:00'),
      13,
      18,
    ]);
    expect(after[2]).not.toEqual(before[2]); // scores doubled with the version
    expect(after.slice(5, 7)).toEqual(before.slice(5, 7)); // stale without it, as in Sheets
  });

  it("leaves a user's own named range of that name alone, and says so", () => {
    const { rt } = leadsRuntime([HEADER]);
    const mine = rt.addSheet('Mine', [['my value', 7]]);
    rt.spreadsheet.setNamedRange('SLA_SETTINGS_VERSION', mine.getRange('B1'));
    const result = save(rt, defaultSettings());
    expect(result.warning).toMatch(
      /The named range SLA_SETTINGS_VERSION was not made by SLA Sheets/,
    );
    expect(mine.getRange('B1').getValue()).toBe(7);
    expect(rt.spreadsheet.getRangeByName('SLA_SETTINGS_VERSION')!.getSheet().getName()).toBe(
      'Mine',
    );
  });
});
