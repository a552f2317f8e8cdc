import { describe, expect, it } from 'vitest';
import { defaultSettings } from '../../../src/core/settings/index.ts';
import { isCheckedSheet, slaInputColumns, touchesColumns } from '../../../src/core/sla/liveEdit.ts';
import {
  columnName,
  isLiveRuleFormula,
  liveRules,
  priorityTexts,
  settingsPriorityTexts,
} from '../../../src/core/sla/liveRules.ts';

const HANDOFF = defaultSettings().handoff;
const NO_TEXTS = { Hot: [], Warm: [], Cold: [] };

describe('the live rules', () => {
  it('compare the deadline cell with NOW() and read the status word, marked as ours', () => {
    const rules = liveRules({ status: 17, deadline: 16, priority: -1 }, HANDOFF, NO_TEXTS);
    expect(rules.map((r) => [r.id, r.target, r.background])).toEqual([
      ['overdueRow', 'row', '#f4cccc'],
      ['overdueStatus', 'status', '#ea9999'],
      ['atRiskStatus', 'status', '#fce8b2'],
    ]);
    expect(rules[0]!.formula).toBe(
      '=AND(N("SLA Sheets: overdue row")=0,OR(AND(LEFT($R2,7)="Overdue",LEFT($R2,21)<>"Overdue · not tracked"),AND(ISNUMBER($Q2),NOW()>$Q2,OR(LEFT($R2,3)="Due",LEFT($R2,7)="At risk"))))',
    );
    // the marker a lead older than the tracking window starts with, as the status writes it
    expect('Overdue · not tracked: no contact recorded'.slice(0, 21)).toBe('Overdue · not tracked');
    // no Priority column: every lead at risk for the default priority's last quarter (Warm: 2 h)
    expect(rules[2]!.formula).toContain('NOW()>=$Q2-2/24');
  });

  it('take the at-risk span from the Priority cell, with the texts the check saw', () => {
    const texts = { Hot: ['Hot', 'Urgent "A"'], Warm: ['Warm'], Cold: ['Low'] };
    const [, , atRisk] = liveRules({ status: 2, deadline: 1, priority: 0 }, HANDOFF, texts);
    expect(atRisk!.formula).toContain(
      '$B2-IF(OR(TRIM($A2)="Low"),4/24,IF(OR(TRIM($A2)="Hot",TRIM($A2)="Urgent ""A"""),0.25/24,2/24))',
    );
  });

  it('leave out the at-risk rule when there is no at-risk share', () => {
    const rules = liveRules(
      { status: 2, deadline: 1, priority: 0 },
      { ...HANDOFF, atRiskShare: 0 },
      NO_TEXTS,
    );
    expect(rules.map((r) => r.id)).toEqual(['overdueRow', 'overdueStatus']);
  });

  it('are recognised by their marker wherever Sheets moved them, and so is the old rule', () => {
    for (const r of liveRules({ status: 30, deadline: 29, priority: 3 }, HANDOFF, NO_TEXTS))
      expect(isLiveRuleFormula(r.formula.replace(/2\b/g, '14'))).toBe(true);
    expect(isLiveRuleFormula('=LEFT($P2,7)="Overdue"')).toBe(true);
    expect(isLiveRuleFormula('=LEFT($P5,7)="Overdue"')).toBe(true);
    expect(isLiveRuleFormula('=$B2="Alice"')).toBe(false);
    expect(isLiveRuleFormula('=LEFT($P2,7)="Overdue"+1')).toBe(false);
  });

  it('name columns past Z', () => {
    expect([0, 25, 26, 51, 52, 701, 702].map(columnName)).toEqual([
      'A',
      'Z',
      'AA',
      'AZ',
      'BA',
      'ZZ',
      'AAA',
    ]);
  });

  it('group the priority texts by meaning, each once, blanks and unknown words left out', () => {
    const rows = [['Hot'], ['HIGH'], ['Hot'], [''], ['banana'], [3], ['Chaud'], ['low']];
    const settings = defaultSettings();
    settings.mapping.priorityValues = { '3': 'Cold' };
    expect(settingsPriorityTexts(rows, 0, settings)).toEqual({
      Hot: ['Hot', 'HIGH', 'Chaud'],
      Warm: [],
      Cold: ['3', 'low'],
    });
    expect(priorityTexts(rows, -1, () => 'Hot')).toEqual(NO_TEXTS);
  });
});

describe('what the edit trigger answers', () => {
  const header = [
    'Lead ID',
    'Owner',
    'Notes',
    'Stage',
    'Handed off at',
    'First contact at',
    'SLA status',
  ];

  it('the columns that decide a lead’s SLA: the clock’s date and the SLA fields', () => {
    expect(slaInputColumns(header, {}, 'auto').sort()).toEqual([1, 3, 4, 5]);
    expect(slaInputColumns(['Lead ID', 'Notes'], {}, 'auto')).toEqual([]);
    expect(slaInputColumns(header, { handedOffAt: 'Notes' }, 'handedOffAt')).toContain(2);
  });

  it('an edit touches them when its columns overlap', () => {
    expect(touchesColumns([1, 3], 2, 2)).toBe(false);
    expect(touchesColumns([1, 3], 2, 3)).toBe(true);
    expect(touchesColumns([], 0, 100)).toBe(false);
  });

  it('answers only the sheet the check read: by its id, while the settings name the same sheet', () => {
    const reading = {
      sheetId: 7,
      name: 'Export',
      configured: '',
      dateOrders: [],
      activitySheet: '',
    };
    expect(isCheckedSheet(7, reading, '')).toBe(true);
    // a look-alike copy ("Snapshot Oct") has another id, whatever its headers
    expect(isCheckedSheet(8, reading, '')).toBe(false);
    // no check yet, or the settings now name another sheet: found again as the check does
    expect(isCheckedSheet(7, null, '')).toBeNull();
    expect(isCheckedSheet(7, reading, 'Pipeline')).toBeNull();
    expect(isCheckedSheet(7, { ...reading, configured: 'pipeline ' }, 'Pipeline')).toBe(true);
  });
});
