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
