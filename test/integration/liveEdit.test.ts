import { describe, expect, it } from 'vitest';
import type { Runtime } from '../../runtime/index.ts';
import { paris } from '../fixtures/dates.ts';
import { rowOf } from '../fixtures/leads.ts';
import { TEAM_HEADER } from '../fixtures/team.ts';
import {
  byLeadId,
  EVERY_STATUS,
  HEADER,
  leadsRuntime,
  userCells,
  workbookSheet,
} from './leadsHelpers.ts';

const WITH_OWNER = [...HEADER.slice(0, 3), 'Owner', ...HEADER.slice(3)];

function everyStatusRows(header = HEADER): unknown[][] {
  return [header, ...EVERY_STATUS.map((s) => rowOf(header, s.row))];
}

/** A1 of a lead's cell in a column (by header). */
function a1(rt: Runtime, leadId: string, header: string): string {
  const s = workbookSheet(rt);
  const head = s.values[0]!;
  const row = s.values.findIndex((r) => r?.[head.indexOf('Lead ID')] === leadId);
  return `${String.fromCharCode(65 + head.indexOf(header))}${row + 1}`;
}

function noFailure(rt: Runtime): void {
  expect(rt.logs.filter((l) => /live update failed/.test(l))).toEqual([]);
}

describe('onEdit: a hand-off gets its deadline within the edit', () => {
  it('types a hand-off into a waiting lead: deadline and status appear, nothing else moves', () => {
    const { rt } = leadsRuntime(everyStatusRows());
    rt.call('checkLeadsNow');
    expect(byLeadId(rt).get('L-001')).toBe('Waiting');
    const before = userCells(rt);
    const statusBefore = byLeadId(rt);
    rt.calls.reset();
    const run = rt.edit('Leads', a1(rt, 'L-001', 'Handed off at'), [[paris('2026-11-23T09:50')]]);
    expect(run).toEqual({ ran: true, error: null });
    noFailure(rt);
    // L-001 has no priority: Warm, 8 business hours
    expect(byLeadId(rt).get('L-001')).toBe('Due · 7 h 50 min left');
    expect((byLeadId(rt, 'SLA deadline').get('L-001') as Date).getTime()).toBe(
      paris('2026-11-23T17:50').getTime(),
    );
    // the other leads keep what the check wrote; the user's cells are as the user left them
    const statusAfter = byLeadId(rt);
    for (const [id, status] of statusBefore)
      if (id !== 'L-001') expect(statusAfter.get(id)).toBe(status);
    const after = userCells(rt);
    const changed = [...after].filter(([k, v]) => before.get(k) !== v).map(([k]) => k);
    expect(changed).toHaveLength(1); // the hand-off the user typed
    // one read of row 1, one of the edited row, one of the Lead ID column (a duplicate is one
    // in the whole sheet), one write of our block, one of its colour
    expect(rt.calls.of('Range.getValues')).toBe(3);
    expect(rt.calls.of('Range.setValues')).toBe(1);
    expect(rt.calls.of('Range.setBackgrounds')).toBe(1);
    expect(rt.mails).toHaveLength(0);
  });

  it('an edit of any other cell returns after reading row 1, writing nothing', () => {
    const { rt } = leadsRuntime(everyStatusRows());
    rt.call('checkLeadsNow');
    const statuses = byLeadId(rt);
    rt.calls.reset();
    rt.edit('Leads', a1(rt, 'L-004', 'Notes'), [['called the switchboard']]);
    noFailure(rt);
    expect(rt.calls.of('Range.getValues')).toBe(1);
    expect(rt.calls.countPrefix('Range.set', 'Sheet.set', 'Sheet.insert')).toBe(0);
    expect(rt.calls.sheets).toBeLessThanOrEqual(10);
    expect(byLeadId(rt)).toEqual(statuses);
    // another sheet: not even row 1 is read
    rt.addSheet('Scratch', [['a']]);
    rt.calls.reset();
    rt.edit('Scratch', 'A1', [['b']]);
    expect(rt.calls.of('Range.getValues')).toBe(0);
  });

  it('a first contact entered turns an overdue lead Missed and its row white at once', () => {
    const { rt } = leadsRuntime(everyStatusRows());
    rt.call('checkLeadsNow');
    expect(String(byLeadId(rt).get('L-004'))).toMatch(/^Overdue/);
    expect(rt.shownBackground('Leads', a1(rt, 'L-004', 'Name'))).toBe('#f4cccc');
    rt.edit('Leads', a1(rt, 'L-004', 'First contact at'), [[paris('2026-11-23T09:55')]]);
    expect(String(byLeadId(rt).get('L-004'))).toMatch(/^Missed · /);
    expect(rt.shownBackground('Leads', a1(rt, 'L-004', 'Name'))).toBe('#ffffff');
  });

  it('a paste of new leads below the last one fills their cells', () => {
    const { rt } = leadsRuntime(everyStatusRows());
    rt.call('checkLeadsNow');
    const head = workbookSheet(rt).values[0]!;
    const pasted = ['N-1', 'N-2', 'N-3'].map((id, i) =>
      head.map((h) =>
        h === 'Lead ID'
          ? id
          : h === 'Stage'
            ? 'MQL'
            : h === 'Priority'
              ? 'Hot'
              : h === 'Handed off at'
                ? paris(`2026-11-23T09:${10 + i * 10}`)
                : '',
      ),
    );
    const firstRow = EVERY_STATUS.length + 2;
    const last = String.fromCharCode(64 + head.length);
    rt.edit('Leads', `A${firstRow}:${last}${firstRow + 2}`, pasted);
    noFailure(rt);
    expect(byLeadId(rt).get('N-1')).toBe('At risk · 10 min left');
    expect(byLeadId(rt).get('N-2')).toBe('Due · 20 min left');
    expect(byLeadId(rt).get('N-3')).toBe('Due · 30 min left');
  });

  it("counts the deadline on the owner's clock, from the team's digest; an SLA Team edit refreshes it", () => {
    const { rt } = leadsRuntime(everyStatusRows(WITH_OWNER));
    rt.addSheet('SLA Team', [
      TEAM_HEADER,
      ['Bob', 'bob@example.com', '', 'no', 'America/New_York', '', ''],
    ]);
    rt.call('checkLeadsNow');
    const row = a1(rt, 'L-001', 'Owner');
    rt.edit('Leads', row, [['Bob']]);
    // Warm, handed off Monday 09:50 Paris = 03:50 New York: 8 h from 09:00 New York
    rt.edit('Leads', a1(rt, 'L-001', 'Handed off at'), [[paris('2026-11-23T09:50')]]);
    noFailure(rt);
    expect((byLeadId(rt, 'SLA deadline').get('L-001') as Date).toISOString()).toBe(
      '2026-11-23T22:00:00.000Z',
    );
    // Bob moves to Paris: the edit of SLA Team stores the new digest, the next edit uses it
    rt.edit('SLA Team', 'E2', [['Europe/Paris']]);
    rt.edit('Leads', a1(rt, 'L-001', 'Priority'), [['Warm']]);
    expect((byLeadId(rt, 'SLA deadline').get('L-001') as Date).getTime()).toBe(
      paris('2026-11-23T17:50').getTime(),
    );
  });
});

describe('onEdit writes only where we own', () => {
  /** A HubSpot-like export (no sheet named Leads) and a hand-kept copy of it, "Snapshot Oct". */
  function exportAndSnapshot() {
    const header = ['Record ID', 'Contact owner', 'Lead Status', 'Owner Assigned Date', 'Notes'];
    const rows = [
      ['101', 'Ann', 'New', '10/20/2026 09:00', ''],
      ['102', 'Ann', 'New', '10/21/2026 09:00', ''],
    ];
    const { rt } = leadsRuntime([['unused']]);
    rt.spreadsheet.deleteSheet(rt.spreadsheet.findSheet('Leads')!);
    rt.addSheet('hubspot-export', [header, ...rows]);
    rt.call('checkLeadsNow');
    const snapshot = [
      [...header, 'Score', 'SLA status'],
      ...rows.map((r) => [...r, 42, 'Met · by hand']),
    ];
    rt.addSheet('Snapshot Oct', snapshot);
    return { rt, snapshot };
  }

  it('an edit in a look-alike sheet changes nothing: only the sheet the check read is written', () => {
    const { rt, snapshot } = exportAndSnapshot();
    rt.calls.reset();
    rt.edit('Snapshot Oct', 'D2', [['10/22/2026 09:00']]);
    noFailure(rt);
    const copy = rt.spreadsheet.getSheetByName('Snapshot Oct')!.getDataRange().getValues();
    expect(copy.slice(1).map((r) => r.slice(5))).toEqual(snapshot.slice(1).map((r) => r.slice(5)));
    expect(rt.calls.countPrefix('Range.set')).toBe(0);
    // the sheet the check reads still answers
    rt.edit('hubspot-export', 'D2', [['11/23/2026 09:00']]);
    const exp = rt.spreadsheet.getSheetByName('hubspot-export')!.getDataRange().getValues();
    expect(String(exp[1]![exp[0]!.indexOf('SLA status')])).toMatch(/^Overdue|^At risk|^Due/);
  });

  it("reads an edited row's ambiguous date in the order the check proved on the whole column", () => {
    const { rt } = exportAndSnapshot();
    // a French locale reads 11/03 as 11 March; the column proved month-first (10/20/2026)
    rt.spreadsheet.locale = 'fr_FR';
    rt.edit('hubspot-export', 'D3', [['11/03/2026 09:00']]);
    noFailure(rt);
    const sheet = rt.spreadsheet.getSheetByName('hubspot-export')!;
    const values = sheet.getDataRange().getValues();
    const deadline = values[2]![values[0]!.indexOf('SLA deadline')] as Date;
    expect(deadline.toISOString().slice(0, 10)).toBe('2026-11-03');
  });

  it('keeps the duplicate flag of an edited row whose Lead ID another row has', () => {
    const { rt } = leadsRuntime(everyStatusRows());
    const sheet = rt.spreadsheet.getSheetByName('Leads')!;
    sheet.getRange(a1(rt, 'L-003', 'Lead ID')).setValue('L-002');
    rt.call('checkLeadsNow');
    const duplicate = 'Check data · duplicate Lead ID';
    expect(
      workbookSheet(rt)
        .values.slice(1)
        .filter((r) => r[0] === 'L-002')
        .map((r) => r[workbookSheet(rt).values[0]!.indexOf('SLA status')]),
    ).toEqual([duplicate, duplicate]);
    // one of the two rows is edited: it stays a duplicate (the other row was not read)
    rt.edit('Leads', 'F3', [[paris('2026-11-23T09:40')]]);
    noFailure(rt);
    const statuses = workbookSheet(rt)
      .values.slice(1)
      .filter((r) => r[0] === 'L-002')
      .map((r) => r[workbookSheet(rt).values[0]!.indexOf('SLA status')]);
    expect(statuses).toEqual([duplicate, duplicate]);
  });
});
