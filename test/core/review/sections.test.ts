import { describe, expect, it } from 'vitest';
import type { GroupRow } from '../../../src/core/review/groups.ts';
import {
  funnelTable,
  groupTable,
  qualityLine,
  rejectedTable,
  titleBlock,
  trendTable,
} from '../../../src/core/review/sections.ts';
import { figuresWith, NOW, ROWS, review } from '../../fixtures/review.ts';

const GROUP: GroupRow = {
  key: '=Web',
  figures: figuresWith({
    marketing: { newLeads: 4, mqlDelivered: 5, handedOff: 4 },
    sales: { medianHoursToContact: 0.75, p90HoursToContact: 2.5, neverContacted: 1 },
    revenue: { won: 1, wonValue: 1500 },
  }),
  newLeads: 4,
  mqlDelivered: 5,
  handedOff: 4,
  rejected: 0,
  onTimeShare: null,
  medianHoursToContact: 0.75,
  p90HoursToContact: 2.5,
  neverContacted: 1,
  won: 1,
  wonValue: 1500,
  cost: null,
  costPerLead: null,
  costPerCustomer: null,
  escalations: null,
  reassignments: null,
};

describe('title', () => {
  it('says when the month had no activity', () => {
    const empty = titleBlock(review(ROWS, '2025-06'), new Date(NOW));
    const text = empty.values.flat().join('|');
    expect(text).toContain('No lead was created, qualified, handed off or won in June 2025');
  });

  it('writes the generation time as a date-time cell', () => {
    const t = titleBlock(review(ROWS, '2026-03'), new Date(NOW));
    expect(t.values[1]![1]).toEqual(new Date(NOW));
    expect(t.numberFormats[1]![1]).toBe('yyyy-mm-dd hh:mm');
  });
});

describe('data-quality line', () => {
  const clean = review([], '2026-03').quality;

  it('says when there is nothing to report', () => {
    expect(qualityLine(clean)).toBe(
      'Data quality: 0 leads read, no unreadable values; the SLA clock starts at "Handed off at".',
    );
    expect(qualityLine({ ...clean, rows: 1 })).toMatch(/^Data quality: 1 lead read, /);
    expect(qualityLine({ ...clean, rows: 12_000 })).toMatch(/^Data quality: 12,000 leads read, /);
  });

  it('lists each problem found', () => {
    const line = qualityLine({
      ...clean,
      rows: 40,
      unreadableRows: 2,
      unreadableByColumn: { Attempts: 2 },
      unreadableRowNumbers: [3, 7],
      untimedContacts: 4,
      contactBeforeHandoff: 3,
      unmapped: [{ header: 'Lead Status', value: 'Information Sent', rows: 12 }],
    });
    expect(line).toBe(
      'Data quality (40 leads read; the SLA clock starts at "Handed off at"): 2 leads have values that could not be read (Attempts: 2; Leads rows 3, 7), left out of the figures that need them; values nobody mapped, read as open leads: Lead Status "Information Sent" (12) (map them in Fields); 4 leads of the sheet with a contact recorded but no contact time, left out of the timings; 3 first contacts of the sheet dated before the clock start.',
    );
  });

  it('marks a longer list of unreadable rows than it shows', () => {
    const line = qualityLine({
      ...clean,
      rows: 30,
      unreadableRows: 25,
      unreadableByColumn: { 'Won at': 25 },
      unreadableRowNumbers: [2, 3],
    });
    expect(line).toContain(
      '25 leads have values that could not be read (Won at: 25; Leads rows 2, 3, …)',
    );
  });
});

describe('section tables', () => {
  it('keeps the headers of the by-source table', () => {
    expect(groupTable('By source', 'Source', [GROUP], true).header).toEqual([
      'Source',
      'New leads',
      'MQL delivered',
      'Hand-offs',
      'Rejected',
      'Contacted within deadline',
      'Median h to first contact',
      '90th percentile h to first contact',
      'Never contacted',
      'Contacted, no time recorded',
      'Deals won',
      'Value won',
      // issue 20: the source's hand-offs missing required data, and what they lack in words
      'Hand-offs missing data',
      'Required values lacking',
      'Cost',
      'Cost per lead',
      'Cost per customer',
    ]);
  });

  it("writes a group's key as text and its missing figures as no data", () => {
    const t = groupTable('By source', 'Source', [GROUP], false);
    expect(t.rows).toEqual([["'=Web", 4, 5, 4, 0, 'no data', 0.75, 2.5, 1, 0, 1, 1500]]);
    expect(t.formats![0]).toEqual([
      'General',
      '#,##0',
      '#,##0',
      '#,##0',
      '#,##0',
      '0%',
      '0.0',
      '0.0',
      '#,##0',
      '#,##0',
      '#,##0',
      '#,##0',
    ]);
    // a figure the month has no data for reads "no data" in the group's row too (issue 18)
    const noMql = groupTable('By source', 'Source', [GROUP], false, false, {
      mqlDelivered: 'no data (no MQL at column)',
    });
    expect(noMql.rows[0]![2]).toBe('no data');
  });

  it('shows the escalations and reassignments per owner', () => {
    const owner = { ...GROUP, key: 'Ann', escalations: 3, reassignments: 1 };
    const t = groupTable('By owner', 'Owner', [owner], false, true);
    expect(t.header.slice(-2)).toEqual(['Escalated to manager', 'To reassign (owner away)']);
    expect(t.rows[0]!.slice(-2)).toEqual([3, 1]);
    expect(t.formats![0]!.slice(-2)).toEqual(['#,##0', '#,##0']);
  });

  it('leaves the cost cells of a source without cost blank', () => {
    const t = groupTable('By source', 'Source', [GROUP], true);
    expect(t.rows[0]!.slice(-3)).toEqual(['', '', '']);
  });

  it('shows counts with their thousands grouped, and their average with one decimal', () => {
    const r = review(ROWS, '2026-03');
    const t = trendTable(r.trend, r.previous.month);
    expect(t.header[2]).toBe('Last month (2026-02)');
    expect(t.formats![0]).toEqual(['@', '#,##0', '#,##0', '#,##0.0']);
  });

  it('converts each funnel stage from the one before', () => {
    const t = funnelTable(review(ROWS, '2026-03'));
    expect(t.rows.map((r) => r[2])).toEqual(['', 6 / 7, 6 / 6, 1 / 6, 0]);
  });

  it('says when no lead was rejected', () => {
    expect(rejectedTable([]).rows).toEqual([['None this month']]);
  });
});
