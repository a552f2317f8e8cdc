import { describe, expect, it } from 'vitest';
import {
  addMonths,
  isSalesSourced,
  monthBounds,
  monthKey,
  monthLabel,
  monthOf,
  parseMonth,
  readLeads,
} from '../../../src/core/review/leadFacts.ts';
import { intlZoneClock } from '../../../src/core/time/zone.ts';
import { REVIEW_HEADER, rowOf } from '../../fixtures/leads.ts';
import { type LeadCells, leadRow, readOptions, UTC } from '../../fixtures/review.ts';

function read(cells: LeadCells[], window?: { start: number; end: number }) {
  return readLeads(REVIEW_HEADER, cells.map(leadRow), readOptions(), window);
}

/** The one lead read from one row. */
function lead(cells: LeadCells) {
  const { leads } = read([cells]);
  expect(leads).toHaveLength(1);
  return leads[0]!;
}

const CREATED = { createdAt: '2026-03-02 09:00' };

describe('month helpers', () => {
  it('parses YYYY-MM and refuses anything else', () => {
    expect(parseMonth('2026-03')).toEqual({ year: 2026, month: 3 });
    expect(parseMonth(' 2026-3 ')).toEqual({ year: 2026, month: 3 });
    expect(parseMonth('2026-13')).toBeNull();
    expect(parseMonth('03/2026')).toBeNull();
    expect(parseMonth('')).toBeNull();
  });

  it('adds months across years', () => {
    expect(addMonths({ year: 2026, month: 1 }, -1)).toEqual({ year: 2025, month: 12 });
    expect(addMonths({ year: 2026, month: 12 }, 1)).toEqual({ year: 2027, month: 1 });
  });

  it('bounds a month in the spreadsheet zone', () => {
    const paris = intlZoneClock('Europe/Paris');
    const b = monthBounds(paris, { year: 2026, month: 3 });
    expect(new Date(b.start).toISOString()).toBe('2026-02-28T23:00:00.000Z');
    expect(new Date(b.end).toISOString()).toBe('2026-03-31T22:00:00.000Z'); // after the DST change
  });

  it('places an instant in its month in the zone', () => {
    const paris = intlZoneClock('Europe/Paris');
    const lateOnMarch31 = Date.UTC(2026, 2, 31, 22, 30);
    expect(monthOf(paris, lateOnMarch31)).toEqual({ year: 2026, month: 4 });
    expect(monthOf(UTC, lateOnMarch31)).toEqual({ year: 2026, month: 3 });
  });

  it('writes a month as a key and as a label', () => {
    expect(monthKey({ year: 2026, month: 3 })).toBe('2026-03');
    expect(monthLabel({ year: 2026, month: 3 })).toBe('March 2026');
  });
});

describe('readLeads: data quality', () => {
  it('counts the non-blank rows only', () => {
    const { quality } = read([CREATED, {}, { source: 'Web' }]);
    expect(quality.rows).toBe(2);
  });

  it('counts unreadable dates by column and lists their sheet rows', () => {
    const { quality } = read([
      { createdAt: 'next week', mqlAt: 'soon' },
      CREATED,
      { createdAt: 'later' },
    ]);
    expect(quality.unreadableRows).toBe(2);
    expect(quality.unreadableByColumn).toEqual({ 'Created at': 2, 'MQL at': 1 });
    expect(quality.unreadableRowNumbers).toEqual([2, 4]);
  });

  it('lists at most 20 rows with unreadable dates but counts them all', () => {
    const { quality } = read(Array.from({ length: 25 }, () => ({ createdAt: 'never' })));
    expect(quality.unreadableRows).toBe(25);
    expect(quality.unreadableRowNumbers).toHaveLength(20);
  });

  it('counts unreadable or negative attempts and unreadable deal values', () => {
    const { quality } = read([
      { ...CREATED, attempts: 'a few', dealValue: 'lots' },
      { ...CREATED, attempts: -1, dealValue: '1 500' },
      { ...CREATED, attempts: 2 },
    ]);
    expect(quality.unreadableRows).toBe(2);
    expect(quality.unreadableByColumn).toEqual({ Attempts: 2, 'Deal value': 1 });
  });

  it('lists unknown priorities and stages once each with their rows, not blank ones', () => {
    const { quality } = read([
      { ...CREATED, priority: 'whenever', stage: 'Nurture' },
      { ...CREATED, priority: '', stage: 'nurture' },
      { ...CREATED, priority: '', stage: '' },
    ]);
    expect(quality.unreadableRows).toBe(0);
    expect(quality.unmapped).toEqual([
      { header: 'Stage', value: 'Nurture', rows: 2 },
      { header: 'Priority', value: 'whenever', rows: 1 },
    ]);
  });

  it('leaves leads contacted per their status out of the timings', () => {
    const { leads, quality } = read([
      { handedOffAt: '2026-03-02 10:00', stage: 'Working - Contacted' },
    ]);
    expect(leads[0]!.contactedUntimed).toBe(true);
    expect(quality.untimedContacts).toBe(1);
  });

  it('counts first contacts dated before the hand-off', () => {
    const { quality } = read([
      { handedOffAt: '2026-03-02 10:00', firstContactAt: '2026-03-02 09:00' },
      { handedOffAt: '2026-03-02 10:00', firstContactAt: '2026-03-02 11:00' },
    ]);
    expect(quality.contactBeforeHandoff).toBe(1);
  });

  it('reports the needed columns the sheet lacks', () => {
    const header = REVIEW_HEADER.filter((h) => h !== 'Owner' && h !== 'Won at');
    const { quality } = readLeads(header, [], readOptions());
    expect(quality.missingColumns).toEqual(['Owner', 'Won at']);
  });
});

describe('readLeads: the review window', () => {
  const window = { start: Date.UTC(2026, 2, 1), end: Date.UTC(2026, 3, 1) };

  it('keeps a lead with any date inside the window', () => {
    const { leads } = read(
      [{ createdAt: '2025-12-01 09:00', wonAt: '2026-03-10 09:00' }, { mqlAt: '2026-03-31 23:59' }],
      window,
    );
    expect(leads.map((l) => l.index)).toEqual([0, 1]);
  });

  it('leaves out a lead with no date inside the window (end excluded)', () => {
    const { leads } = read(
      [{ createdAt: '2026-02-28 23:59' }, { createdAt: '2026-04-01 00:00' }],
      window,
    );
    expect(leads).toEqual([]);
  });

  it('still checks the dates of the leads it leaves out', () => {
    const { quality } = read([{ createdAt: '2025-01-01 09:00', mqlAt: 'soon' }], window);
    expect(quality.unreadableByColumn).toEqual({ 'MQL at': 1 });
  });

  it('counts unreadable values on every row, in the window or not (as the lead check does)', () => {
    const { leads, quality } = read(
      [{ createdAt: '2025-01-01 09:00', attempts: 'x', priority: '?', stage: '?' }],
      window,
    );
    expect(leads).toHaveLength(0);
    expect(quality.unreadableRows).toBe(1);
    expect(quality.unreadableByColumn).toEqual({ Attempts: 1 });
    expect(quality.unmapped.map((u) => u.header).sort()).toEqual(['Priority', 'Stage']);
  });

  it('keeps every lead with a date when no window is given', () => {
    const { leads } = read([{ createdAt: '1999-01-01 09:00' }, CREATED, { source: 'Web' }]);
    expect(leads.map((l) => l.index)).toEqual([0, 1]);
  });
});

describe('readLeads: stage ranks', () => {
  it('ranks the stages lead 0, MQL 1, SQL 2, opportunity 3, customer 4', () => {
    const ranks = ['Lead', 'MQL', 'SQL', 'Opportunity', 'Customer'].map(
      (stage) => lead({ ...CREATED, stage }).rank,
    );
    expect(ranks).toEqual([0, 1, 2, 3, 4]);
  });

  // issue 18: a CRM's "Lost Lead" or "Junk Lead" proves no stage; only dates and later stages do
  it('takes Lost, Recycled and Rejected as proof of no stage: their dates decide', () => {
    expect(lead({ ...CREATED, stage: 'Lost' }).rank).toBe(0);
    expect(lead({ ...CREATED, stage: 'Recycled' }).rank).toBe(0);
    expect(lead({ ...CREATED, stage: 'Rejected' }).rank).toBe(0);
    expect(lead({ ...CREATED, stage: 'Lost', mqlAt: '2026-03-02 09:00' }).rank).toBe(1);
    expect(lead({ ...CREATED, stage: 'Rejected', handedOffAt: '2026-03-02 09:00' }).rank).toBe(2);
  });

  it('takes them as closed, with Customer, and a rejection reason too', () => {
    for (const stage of ['Lost', 'Recycled', 'Rejected', 'Customer'])
      expect(lead({ ...CREATED, stage }).closed).toBe(true);
    expect(lead({ ...CREATED, stage: 'SQL', rejectedReason: 'Student' }).closed).toBe(true);
    expect(lead({ ...CREATED, stage: 'Opportunity' }).closed).toBe(false);
  });

  it('reads stage words case- and accent-insensitively, plurals and synonyms included', () => {
    expect(lead({ ...CREATED, stage: ' opportunities ' }).stage).toBe('Opportunity');
    expect(lead({ ...CREATED, stage: 'OPP' }).stage).toBe('Opportunity');
    expect(lead({ ...CREATED, stage: 'won' }).stage).toBe('Customer');
  });

  it('takes an MQL date as MQL and a hand-off date as SQL (the hand-off is the SQL)', () => {
    expect(lead({ stage: 'Lead', mqlAt: '2026-03-02 09:00' }).rank).toBe(1);
    expect(lead({ handedOffAt: '2026-03-02 09:00' }).rank).toBe(2);
    expect(lead({ stage: 'SQL', mqlAt: '2026-03-02 09:00' }).rank).toBe(2);
  });

  it('takes no stage from the clock start when it is the creation date', () => {
    const header = REVIEW_HEADER.filter((h) => h !== 'Handed off at' && h !== 'MQL at');
    const row = rowOf(header, { 'Created at': '2026-03-02 09:00', Stage: 'Lead' });
    const read = readLeads(header, [row], readOptions());
    expect(read.leads[0]!.handedOffAt).not.toBeNull();
    expect(read.leads[0]!.rank).toBe(0);
  });

  it('takes a Won at date as a customer, whatever the stage', () => {
    expect(lead({ stage: 'MQL', wonAt: '2026-03-02 09:00' }).rank).toBe(4);
  });

  it('lets the dates decide for an unknown stage', () => {
    const l = lead({ stage: 'Nurture', mqlAt: '2026-03-02 09:00' });
    expect(l.stage).toBeNull();
    expect(l.rank).toBe(1);
  });
});

describe('readLeads: the facts of a lead', () => {
  it('reads a blank priority as the default one and French words as priorities', () => {
    expect(lead({ ...CREATED, priority: '' }).priority).toBe('Warm');
    expect(lead({ ...CREATED, priority: 'Chaud' }).priority).toBe('Hot');
    expect(lead({ ...CREATED, priority: 'someday' }).priority).toBe('Warm');
    expect(lead({ ...CREATED, priority: 'urgent' }).priority).toBe('Hot');
  });

  it('takes a lead as rejected by its stage or by a rejection reason', () => {
    expect(lead({ ...CREATED, stage: 'Rejected' }).rejected).toBe(true);
    expect(lead({ ...CREATED, stage: 'SQL', rejectedReason: 'Student' }).rejected).toBe(true);
    expect(lead({ ...CREATED, stage: 'SQL' }).rejected).toBe(false);
  });

  it('reads the identity of rejected leads only', () => {
    const cells = { ...CREATED, leadId: 'L1', name: 'Ann', company: 'A Co' };
    expect(lead({ ...cells, stage: 'Rejected' }).identity).toEqual({
      leadId: 'L1',
      name: 'Ann',
      company: 'A Co',
    });
    expect(lead({ ...cells, stage: 'SQL' }).identity).toBeNull();
  });

  it('reads blank attempts as 0 and unreadable ones as null', () => {
    expect(lead({ ...CREATED, attempts: '' }).attempts).toBe(0);
    expect(lead({ ...CREATED, attempts: '3' }).attempts).toBe(3);
    expect(lead({ ...CREATED, attempts: 'many' }).attempts).toBeNull();
  });

  it('reads deal values as users type them; blank is null', () => {
    expect(lead({ ...CREATED, dealValue: '1 500' }).dealValue).toBe(1500);
    expect(lead({ ...CREATED, dealValue: '' }).dealValue).toBeNull();
  });

  it('keeps the source and owner as typed, trimmed', () => {
    const l = lead({ ...CREATED, source: '  Web ', owner: 'Chloé' });
    expect([l.source, l.owner]).toEqual(['Web', 'Chloé']);
  });

  it('reads Date cells and wall-time text as instants in the zone', () => {
    const l = lead({ createdAt: new Date(Date.UTC(2026, 2, 2, 9)), mqlAt: '2026-03-02 10:00' });
    expect([l.createdAt, l.mqlAt]).toEqual([Date.UTC(2026, 2, 2, 9), Date.UTC(2026, 2, 2, 10)]);
  });
});

describe('isSalesSourced', () => {
  it('sales-sourced rule', () => {
    for (const s of [
      'Sales',
      'sales - event',
      'Outbound',
      'LinkedIn outbound',
      'Rep referral',
      'Cold call',
    ])
      expect(isSalesSourced(s)).toBe(true);
    for (const s of ['Web', 'Webinar', 'Referral', '', 'Paid search', 'Wholesales'])
      expect(isSalesSourced(s)).toBe(false);
  });

  it('ignores case and accents', () => {
    expect(isSalesSourced('PROSPECTING')).toBe(true);
    expect(isSalesSourced('Référral by rep')).toBe(true);
  });
});
