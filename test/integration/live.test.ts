import { describe, expect, it } from 'vitest';
import type { Runtime } from '../../runtime/index.ts';
import { paris } from '../fixtures/dates.ts';
import { rowOf } from '../fixtures/leads.ts';
import { runLog } from '../fixtures/properties.ts';
import { byLeadId, EVERY_STATUS, HEADER, leadsRuntime, workbookSheet } from './leadsHelpers.ts';

const MINUTE = 60_000;
const ROW_RED = '#f4cccc';
const STATUS_RED = '#ea9999';
const AMBER = '#fce8b2';
const WHITE = '#ffffff';

function everyStatusRows(): unknown[][] {
  return [HEADER, ...EVERY_STATUS.map((s) => rowOf(HEADER, s.row))];
}

/** The A1 cell of a lead's column (by header) on the Leads sheet. */
function cellOf(rt: Runtime, leadId: string, header: string): string {
  const s = workbookSheet(rt);
  const head = s.values[0]!;
  const row = s.values.findIndex((r) => r?.[head.indexOf('Lead ID')] === leadId);
  return `${String.fromCharCode(65 + head.indexOf(header))}${row + 1}`;
}

function shown(rt: Runtime, leadId: string, header: string): string {
  return rt.shownBackground('Leads', cellOf(rt, leadId, header));
}

describe('live highlighting: conditional formats against NOW()', () => {
  it('turns the row red the minute a deadline passes, with no check in between', () => {
    const { rt } = leadsRuntime(everyStatusRows());
    rt.call('checkLeadsNow');
    // L-003: Hot, handed off 09:15, deadline 10:15; at 10:00 it is At risk
    expect(String(byLeadId(rt).get('L-003'))).toMatch(/^At risk/);
    expect(shown(rt, 'L-003', 'SLA status')).toBe(AMBER);
    expect(shown(rt, 'L-003', 'Name')).toBe(WHITE);
    rt.setNow(paris('2026-11-23T10:15'));
    expect(shown(rt, 'L-003', 'Name')).toBe(WHITE); // at the deadline: not late yet
    rt.advance(MINUTE);
    expect(shown(rt, 'L-003', 'Name')).toBe(ROW_RED);
    expect(shown(rt, 'L-003', 'Company')).toBe(ROW_RED);
    expect(shown(rt, 'L-003', 'SLA status')).toBe(STATUS_RED);
    // the cell text still says what the last check saw: only the colours are live
    expect(String(byLeadId(rt).get('L-003'))).toMatch(/^At risk/);
    // leads that are not open never turn red, however late it gets
    rt.setNow(paris('2026-12-20T10:00'));
    for (const id of ['L-001', 'L-005', 'L-006', 'L-007', 'L-008']) {
      expect(shown(rt, id, 'Name'), id).toBe(WHITE);
    }
  });

  it('turns a Due lead amber when it enters the last quarter of its window', () => {
    const { rt } = leadsRuntime(everyStatusRows());
    rt.call('checkLeadsNow');
    // L-002: Cold (16 business hours), handed off Monday 09:30 → deadline Tuesday 16:30;
    // at risk for its last 4 hours: from Tuesday 12:30
    const deadline = byLeadId(rt, 'SLA deadline').get('L-002') as Date;
    expect(deadline.getTime()).toBe(paris('2026-11-24T16:30').getTime());
    expect(shown(rt, 'L-002', 'SLA status')).toBe(WHITE);
    rt.setNow(paris('2026-11-24T12:29'));
    expect(shown(rt, 'L-002', 'SLA status')).toBe(WHITE);
    rt.setNow(new Date(paris('2026-11-24T12:30').getTime() + 1000));
    expect(shown(rt, 'L-002', 'SLA status')).toBe(AMBER);
    expect(shown(rt, 'L-002', 'Name')).toBe(WHITE);
    rt.setNow(paris('2026-11-24T16:31'));
    expect(shown(rt, 'L-002', 'SLA status')).toBe(STATUS_RED);
    expect(shown(rt, 'L-002', 'Name')).toBe(ROW_RED);
  });

  it('reads the at-risk span of each priority from the Priority cell as the check read it', () => {
    const rows = [
      HEADER,
      rowOf(HEADER, {
        'Lead ID': 'H',
        Priority: 'High',
        Stage: 'MQL',
        'Handed off at': paris('2026-11-23T11:00'),
      }),
      rowOf(HEADER, { 'Lead ID': 'W', Stage: 'MQL', 'Handed off at': paris('2026-11-23T09:00') }),
    ];
    const { rt } = leadsRuntime(rows);
    rt.call('checkLeadsNow');
    // H: a CRM's word for Hot (1 h, at risk for 15 min): deadline 12:00
    rt.setNow(paris('2026-11-23T11:44'));
    expect(shown(rt, 'H', 'SLA status')).toBe(WHITE);
    rt.setNow(new Date(paris('2026-11-23T11:45').getTime() + 1000));
    expect(shown(rt, 'H', 'SLA status')).toBe(AMBER);
    // W: blank priority = the default (Warm, 8 h, at risk for 2 h): deadline 17:00, amber at 15:00
    rt.setNow(paris('2026-11-23T14:59'));
    expect(shown(rt, 'W', 'SLA status')).toBe(WHITE);
    rt.setNow(new Date(paris('2026-11-23T15:00').getTime() + 1000));
    expect(shown(rt, 'W', 'SLA status')).toBe(AMBER);
  });

  it('keeps the user rules and replaces ours in place, once, after rows are inserted above', () => {
    const { rt, sheet } = leadsRuntime(everyStatusRows());
    rt.call('checkLeadsNow');
    // the user adds a rule of their own after ours, then inserts two rows above the first lead
    const rules = sheet.getConditionalFormatRules();
    sheet.conditionalFormatRules.push(
      rules[0]!
        .copy()
        .whenFormulaSatisfied('=$B2="Alice"')
        .setBackground('#00ff00')
        .setRanges([sheet.rangeFromA1Internal('B2:B50')])
        .build(),
    );
    sheet.insertRowsBefore(2, 2);
    const shifted = workbookSheet(rt).conditionalFormats ?? [];
    expect(shifted).toHaveLength(4);
    expect(String(shifted[0]!.values[0])).toMatch(/\$[A-Z]+4,7\)="Overdue"/);
    expect(shifted[0]!.ranges[0]).toMatch(/^A4:/);
    expect(shifted[3]!.values[0]).toBe('=$B4="Alice"');
    rt.call('checkLeadsNow');
    const after = workbookSheet(rt).conditionalFormats ?? [];
    expect(after).toHaveLength(4);
    expect(after.slice(0, 3).every((r) => /N\("SLA Sheets/.test(String(r.values[0])))).toBe(true);
    expect(String(after[0]!.values[0])).toMatch(/\$[A-Z]+2,7\)="Overdue"/);
    expect(after[0]!.ranges[0]).toMatch(/^A2:/);
    expect(after[3]!.values[0]).toBe('=$B4="Alice"');
  });

  it('replaces the overdue rule of earlier versions in place', () => {
    const { rt } = leadsRuntime(everyStatusRows());
    rt.call('checkLeadsNow');
    const statusLetter = cellOf(rt, 'L-001', 'SLA status').replace(/\d+/g, '');
    const sheet = rt.spreadsheet.getSheetByName('Leads')!;
    const old = sheet.getConditionalFormatRules()[0]!;
    const legacy = old.copy().whenFormulaSatisfied(`=LEFT($${statusLetter}2,7)="Overdue"`).build();
    const user = old.copy().whenFormulaSatisfied('=$B2="Bob"').build();
    sheet.setConditionalFormatRules([legacy, user]);
    rt.call('checkLeadsNow');
    const cf = workbookSheet(rt).conditionalFormats ?? [];
    expect(cf.map((r) => String(r.values[0]).slice(0, 20))).toEqual([
      '=AND(N("SLA Sheets: ',
      '=AND(N("SLA Sheets: ',
      '=AND(N("SLA Sheets: ',
      '=$B2="Bob"',
    ]);
  });

  it('setUpWorkbook recalculates every minute and says so', () => {
    const { rt } = leadsRuntime(everyStatusRows());
    expect(rt.spreadsheet.recalculationInterval).toBe('ON_CHANGE');
    rt.call('setUpWorkbook');
    expect(rt.spreadsheet.recalculationInterval).toBe('MINUTE');
    expect(rt.ui.toasts.at(-1)!.message).toMatch(/Recalculation is now every minute/);
  });

  it('each check keeps recalculation every minute without a setup step, and says so once', () => {
    const { rt } = leadsRuntime(everyStatusRows());
    expect(rt.spreadsheet.recalculationInterval).toBe('ON_CHANGE');
    rt.call('checkLeadsNow');
    expect(rt.spreadsheet.recalculationInterval).toBe('MINUTE');
    rt.call('checkLeadsNow');
    const said = runLog(rt, 'check').flatMap((e) => e.notes ?? []);
    expect(said.filter((n) => /Recalculation is now every minute/.test(n))).toHaveLength(1);
  });
});
