import { describe, expect, it } from 'vitest';
import { createRuntime } from '../../runtime/index.ts';
import type { TeamView } from '../../src/sidebarContract.ts';
import { paris } from '../fixtures/dates.ts';
import { TEAM_HEADER } from '../fixtures/team.ts';

function runtime() {
  const rt = createRuntime({ timeZone: 'Europe/Paris' });
  rt.addSheet('Leads', [
    ['Lead ID', 'Owner', 'Stage'],
    ['L1', 'Ann', 'MQL'],
    ['L2', 'Zed', 'MQL'],
    ['L3', 'zed ', 'MQL'],
  ]);
  rt.load();
  rt.setNow(paris('2026-11-23T10:00'));
  return rt;
}

describe('SLA Team', () => {
  it('setUpWorkbook creates it with its headers and an example row that sends nothing', () => {
    const rt = runtime();
    rt.call('setUpWorkbook');
    const values = rt.spreadsheet.getSheetByName('SLA Team')!.getDataRange().getValues();
    expect(values[0]).toEqual(TEAM_HEADER);
    expect(values[1]!.slice(0, 4)).toEqual([
      'Alex Martin',
      'alex.martin@example.com',
      'sam.lee@example.com',
      'no',
    ]);
    expect(rt.ui.toasts.at(-1)!.message).toMatch(/Created .*SLA Team/);
  });

  it('setUpWorkbook never touches an SLA Team sheet that exists', () => {
    const rt = runtime();
    rt.addSheet('SLA Team', [['my own notes']]);
    rt.call('setUpWorkbook');
    expect(rt.spreadsheet.getSheetByName('SLA Team')!.getDataRange().getValues()).toEqual([
      ['my own notes'],
    ]);
    expect(rt.ui.toasts.at(-1)!.message).toMatch(/Kept .*SLA Team/);
  });

  it('the sidebar gets the team, the rows it skips and the owners missing from it', () => {
    const rt = runtime();
    rt.addSheet('SLA Team', [
      TEAM_HEADER,
      [
        'Ann',
        'ann@example.com',
        'mia@example.com',
        'Yes',
        'America/New_York',
        paris('2026-11-20T00:00'),
        paris('2026-11-24T00:00'),
      ],
      ['Bob', 'bob@example.com', 'not an address', 'yes', '', '', ''],
      ['Cat', '', 'mia@example.com', 'yes', '', '', ''],
    ]);
    const view = rt.call('sidebarTeam') as TeamView;
    expect(view.found).toBe(true);
    expect(view.members).toEqual([
      {
        row: 2,
        owner: 'Ann',
        email: 'ann@example.com',
        managerEmail: 'mia@example.com',
        notify: true,
        timeZone: 'America/New_York',
        away: 'away until 2026-11-24',
        awayNow: true,
      },
      {
        row: 4,
        owner: 'Cat',
        email: '',
        managerEmail: 'mia@example.com',
        notify: false,
        timeZone: '',
        away: '',
        awayNow: false,
      },
    ]);
    expect(view.problems).toEqual([
      'SLA Team row 3 (Bob): Manager email "not an address" is not an e-mail address: fix it in SLA Team; this row is skipped.',
      'SLA Team row 4 (Cat): Notify is yes but Email is blank: no e-mail.',
    ]);
    // owners matched case and spacing ignored, named as first written
    expect(view.missingOwners).toEqual(['Zed']);
  });

  it('says how to create it when it is missing', () => {
    const rt = runtime();
    const view = rt.call('sidebarTeam') as TeamView;
    expect(view).toMatchObject({ found: false, members: [], missingOwners: [] });
    expect(view.problems[0]).toMatch(/Set up workbook/);
  });
});

describe('a team of any size', () => {
  /** 200 owners in Los Angeles (UTC-8 in November), one Hot lead each handed off at 17:30 there. */
  function losAngeles() {
    const owners = Array.from({ length: 200 }, (_, i) => `Représentante ${i + 1}`);
    const handedOff = new Date('2026-11-24T01:30:00Z'); // Monday 17:30 in Los Angeles
    const rt = createRuntime({ timeZone: 'Europe/Paris' });
    rt.addSheet('Leads', [
      ['Lead ID', 'Owner', 'Priority', 'Stage', 'Handed off at'],
      ...owners.map((o, i) => [`L${i + 1}`, o, 'Hot', 'MQL', handedOff]),
    ]);
    rt.addSheet('SLA Team', [
      TEAM_HEADER,
      ...owners.map((o, i) => [
        o,
        `rep${i + 1}@example.com`,
        '',
        'no',
        'America/Los_Angeles',
        '',
        '',
      ]),
    ]);
    rt.load();
    rt.setNow(new Date('2026-11-24T01:00:00Z'));
    return rt;
  }
  // 1 business hour from 17:30 on their clock: 30 minutes before 18:00, the other 30 the next
  // morning, 09:30 in Los Angeles = 17:30Z (on the spreadsheet's Paris clock: 10:00 Paris, 09:00Z)
  const deadline = '2026-11-24T17:30:00.000Z';

  it('every owner keeps their time zone: 200 deadlines on the Los Angeles clock', () => {
    const rt = losAngeles();
    rt.call('checkLeadsNow');
    const leads = rt.spreadsheet.getSheetByName('Leads')!.getDataRange().getValues();
    const col = leads[0]!.indexOf('SLA deadline');
    const deadlines = leads.slice(1).map((r) => (r[col] as Date).toISOString());
    expect(new Set(deadlines)).toEqual(new Set([deadline]));
  });

  it('the edit trigger reads the same 200 zones the check stored', () => {
    const rt = losAngeles();
    rt.call('checkLeadsNow');
    const sheet = rt.spreadsheet.getSheetByName('Leads')!;
    const col = (sheet.getDataRange().getValues()[0] as unknown[]).indexOf('SLA deadline');
    // the last owner's lead is handed off again: the edit computes it on their clock
    rt.edit('Leads', 'E201', [[new Date('2026-11-24T01:30:00Z')]]);
    expect((sheet.getRange(201, col + 1).getValue() as Date).toISOString()).toBe(deadline);
  });
});
