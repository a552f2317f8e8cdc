import { describe, expect, it } from 'vitest';
import { headerKey } from '../../../src/core/common/headers.ts';
import { type ReadOptions, readLeadSheet } from '../../../src/core/read/leadRecords.ts';
import { intlZoneClock } from '../../../src/core/time/zone.ts';

const NOW = Date.UTC(2026, 10, 23, 9);
const options: ReadOptions = {
  clockStart: 'auto',
  defaultPriority: 'Warm',
  localeOrder: 'dmy',
  clock: intlZoneClock('Europe/Paris'),
  nowMs: NOW,
};

describe('reading the leads sheet', () => {
  it('starts the clock per sheet: a blank hand-off stays blank even with a creation date', () => {
    const read = readLeadSheet(
      ['Lead ID', 'Created at', 'Handed off at'],
      [
        ['L1', '2026-11-20 10:00', ''],
        ['L2', '2026-11-20 10:00', '2026-11-21 10:00'],
      ],
      options,
    );
    expect(read.clock).toEqual({ field: 'handedOffAt', header: 'Handed off at' });
    expect(read.records[0]!.clockStartAt).toBeNull();
    expect(read.records[1]!.clockStartAt).not.toBeNull();
  });

  it('reads a column of ambiguous dates in the order a check proved on the whole column', () => {
    const header = ['Lead ID', 'Handed Off  AT'];
    const rows = [['L1', '03/04/2026 10:00']];
    // the edited row proves nothing: the locale (day-first here) would read 3 April
    expect(readLeadSheet(header, rows, options).records[0]!.clockStartAt).toBe(
      Date.UTC(2026, 3, 3, 8),
    );
    const knownOrders = new Map([[headerKey('Handed off at'), 'mdy' as const]]);
    const read = readLeadSheet(header, rows, { ...options, knownOrders });
    expect(read.records[0]!.clockStartAt).toBe(Date.UTC(2026, 2, 4, 9)); // 4 March
    expect(read.dateOrders.handedOffAt).toMatchObject({ order: 'mdy', basis: 'stored' });
    // a value that proves its order still wins over what was stored
    const proven = readLeadSheet(header, [...rows, ['L2', '25/03/2026 10:00']], {
      ...options,
      knownOrders,
    });
    expect(proven.dateOrders.handedOffAt).toMatchObject({ order: 'dmy', basis: 'values' });
  });

  it('starts the clock at creation in a sheet that has only that', () => {
    const read = readLeadSheet(
      ['Email', 'Created Time'],
      [['a@x.io', '2026-11-20 10:00:00']],
      options,
    );
    expect(read.clock?.header).toBe('Created Time');
    expect(read.records[0]!.clockStartAt).toBe(Date.UTC(2026, 10, 20, 9));
  });

  it('refuses implausible dates, naming the value', () => {
    const read = readLeadSheet(
      ['Lead ID', 'Handed off at'],
      [
        ['L1', '3026-01-05 10:00'],
        ['L2', '1970-01-01'],
        ['L3', new Date(Date.UTC(9999, 0, 1))],
      ],
      options,
    );
    expect(read.records.map((r) => r!.problems[0]?.reason)).toEqual([
      '"3026-01-05 10:00" is more than a year from now (a typo in the year?)',
      '"1970-01-01" is before 1990 (a typo in the year?)',
      'the date 9999-01-01 is more than a year from now (a typo in the year?)',
    ]);
    expect(read.quality).toMatchObject({
      rows: 3,
      unreadableRows: 3,
      byHeader: { 'Handed off at': 3 },
    });
  });

  it('leaves out a CRM column whose values are not dates, and keeps a canonical one', () => {
    const crm = readLeadSheet(['Email', 'Last Activity'], [['a@x.io', 'Email Opened']], options);
    expect(crm.fields.columns.lastAttemptAt).toBe(-1);
    expect(crm.fields.dropped).toEqual([
      { field: 'lastAttemptAt', header: 'Last Activity', example: '"Email Opened"' },
    ]);
    const ours = readLeadSheet(['Email', 'Last attempt at'], [['a@x.io', 'Email Opened']], options);
    expect(ours.fields.columns.lastAttemptAt).toBe(1);
    expect(ours.records[0]!.problems[0]!.header).toBe('Last attempt at');
  });

  it('reads a name from first and last name when there is no Name', () => {
    const read = readLeadSheet(['First Name', 'Last Name'], [['Ann', 'Lee']], options);
    expect(read.records[0]!.name).toBe('Ann Lee');
  });

  it('treats rows holding only user columns as blank', () => {
    const read = readLeadSheet(
      ['Email', 'Notes'],
      [
        ['', 'just a note'],
        ['a@x.io', ''],
      ],
      options,
    );
    expect(read.records[0]).toBeNull();
    expect(read.quality.rows).toBe(1);
  });

  it('reads each date column in its own order', () => {
    const read = readLeadSheet(
      ['Created at', 'MQL at'],
      [
        ['13/02/2026', '02/13/2026'],
        ['03/04/2026', '03/04/2026'],
      ],
      options,
    );
    expect(read.dateOrders.createdAt?.order).toBe('dmy');
    expect(read.dateOrders.mqlAt?.order).toBe('mdy');
    expect(read.records[1]!.dates.createdAt).toBe(Date.UTC(2026, 3, 2, 22));
    expect(read.records[1]!.dates.mqlAt).toBe(Date.UTC(2026, 2, 3, 23));
  });
});

describe('what the dates prove', () => {
  it("reads a close date as a win only at a won stage (an open deal's is its expected close)", () => {
    const read = readLeadSheet(
      ['ID', 'STAGE_ID', 'DATE_CREATE', 'CLOSEDATE'],
      [
        ['1', 'WON', '2026-11-02 10:00', '2026-11-21 16:00'],
        ['2', 'EXECUTING', '2026-11-10 10:00', '2026-11-28 03:00'],
      ],
      options,
    );
    expect(read.fields.columns.wonAt).toBe(3);
    expect(read.records[0]!.dates.wonAt).not.toBeNull();
    expect(read.records[1]!.dates.wonAt).toBeNull();
  });

  it('tells a column of days from one of times, and one midnight proves nothing', () => {
    const read = (cells: unknown[]) =>
      readLeadSheet(
        ['Lead ID', 'Handed off at'],
        cells.map((c, i) => [`L${i}`, c]),
        options,
      ).dayOnly;
    expect(read(['2026-11-20'])).toEqual(['handedOffAt']);
    expect(read(['2026-11-20 00:00'])).toEqual([]);
    const midnight = new Date('2026-11-19T23:00:00Z'); // 00:00 in Paris
    expect(read([midnight])).toEqual([]);
    expect(read([midnight, midnight, midnight])).toEqual(['handedOffAt']);
    expect(read([midnight, midnight, new Date('2026-11-20T09:30:00Z')])).toEqual([]);
  });
});

describe('what makes a row a lead', () => {
  it('counts a row with only a scoring attribute as a lead', () => {
    const header = ['Lead ID', 'Job title', 'My notes'];
    const read = readLeadSheet(
      header,
      [
        ['', 'CEO', ''],
        ['', '', 'x'],
      ],
      { ...options, extraColumns: [1] },
    );
    expect(read.records.map((r) => r !== null)).toEqual([true, false]);
  });
});

describe('report exports', () => {
  it('does not read the footer lines of a CRM report as leads', () => {
    const header = ['Lead Owner', 'Lead Status', 'Create Date'];
    const read = readLeadSheet(
      header,
      [
        ['Marc', 'Open - Not Contacted', '2026-11-20 10:00'],
        ['Grand Totals (1 records)', '', ''],
        ['Copyright (c) 2000-2026 salesforce.com, inc. All rights reserved.', '', ''],
        ['Confidential Information - Do Not Distribute', '', ''],
        ['Total', '', ''],
      ],
      options,
    );
    expect(read.records.map((r) => r !== null)).toEqual([true, false, false, false, false]);
    expect(read.quality).toMatchObject({ rows: 1, footerRows: 4 });
  });

  it('still reads a lead whose owner is called Total when the row has more', () => {
    const read = readLeadSheet(['Lead Owner', 'Lead Status'], [['Total', 'New']], options);
    expect(read.records[0]).not.toBeNull();
  });
});

describe('headers the map does not place', () => {
  it('names them, leaving out the fields, the scoring columns and ours', () => {
    const header = ['Lead Owner', 'Notes', 'Job title', 'SLA status', 'Lead Temp'];
    const read = readLeadSheet(header, [['Ann', 'x', 'CEO', '', 'warm']], {
      ...options,
      extraColumns: [2],
    });
    expect(read.unplaced).toEqual(['Notes', 'Lead Temp']);
  });
});
