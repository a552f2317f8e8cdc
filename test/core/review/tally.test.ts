import { describe, expect, it } from 'vitest';
import { aggregate, inMonth, percentile, ratio } from '../../../src/core/review/tally.ts';
import { contextOf, type LeadCells, leadsOf } from '../../fixtures/review.ts';

// Default settings: Mon-Fri 09:00-18:00; deadlines Hot 1, Warm 8, Cold 16 business hours.
// March 2026: Mon 2 … Fri 6, Mon 9. Now is 1 April 2026 08:00 unless given.
function march(cells: LeadCells[], now?: number) {
  return aggregate(leadsOf(cells), contextOf('2026-03', now === undefined ? {} : { now }));
}

const HOT_HANDOFF = { priority: 'Hot', handedOffAt: '2026-03-02 09:00' };

describe('helpers', () => {
  it('percentile is PERCENTILE.INC', () => {
    expect(percentile([], 0.5)).toBeNull();
    expect(percentile([3], 0.9)).toBe(3);
    expect(percentile([1, 2, 3, 4], 0.5)).toBe(2.5);
    expect(percentile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 0.9)).toBeCloseTo(9.1, 12);
  });

  it('ratio is null over nothing', () => {
    expect(ratio(1, 4)).toBe(0.25);
    expect(ratio(1, 0)).toBeNull();
  });

  it('a month includes its first instant, not the next month’s', () => {
    const ctx = contextOf('2026-03');
    expect(inMonth(Date.UTC(2026, 2, 1), ctx)).toBe(true);
    expect(inMonth(Date.UTC(2026, 3, 1), ctx)).toBe(false);
    expect(inMonth(null, ctx)).toBe(false);
  });
});

describe('aggregate: marketing and funnel', () => {
  it('counts each date in its own month', () => {
    const a = march([{ createdAt: '2026-02-27 09:00', mqlAt: '2026-03-02 09:00' }]);
    expect(a.marketing).toMatchObject({ newLeads: 0, mqlDelivered: 1 });
    expect(a.active).toBe(true);
  });

  it('is inactive when nothing happened in the month', () => {
    const a = march([{ createdAt: '2026-02-27 09:00', firstContactAt: '2026-03-02 09:00' }]);
    expect(a.active).toBe(false);
  });

  it("counts the funnel on the month's created leads by the furthest stage reached", () => {
    const created = { createdAt: '2026-03-02 09:00' };
    const a = march([
      { ...created, stage: 'Lead' },
      { ...created, stage: 'SQL' },
      // a Lost stage proves no stage of its own (issue 18): only its dates would
      { ...created, stage: 'Lost' },
      { ...created, wonAt: '2026-04-10 09:00' },
      { createdAt: '2026-02-02 09:00', stage: 'Customer' },
    ]);
    expect(a.funnel).toEqual({ leads: 4, mql: 2, sql: 2, opportunities: 1, customers: 1 });
  });

  it("counts the month's MQL that reached opportunity", () => {
    const mql = { mqlAt: '2026-03-02 09:00' };
    const a = march([
      { ...mql, stage: 'Opportunity' },
      { ...mql, stage: 'SQL' },
      { ...mql, stage: 'Lost' },
    ]);
    expect(a.mqlOpportunities).toBe(1);
  });

  it('shares the rejected among the hand-offs of the month', () => {
    const a = march([
      { ...HOT_HANDOFF, stage: 'Rejected' },
      { ...HOT_HANDOFF, rejectedReason: 'Student' },
      { ...HOT_HANDOFF, stage: 'SQL' },
      { ...HOT_HANDOFF, stage: 'SQL' },
    ]);
    expect(a.marketing).toMatchObject({ handedOff: 4, rejected: 2, rejectedShare: 0.5 });
  });
});

describe('aggregate: sales', () => {
  it('is on time when first contacted at the deadline, late a minute after', () => {
    const onTime = march([{ ...HOT_HANDOFF, firstContactAt: '2026-03-02 10:00' }]);
    const late = march([{ ...HOT_HANDOFF, firstContactAt: '2026-03-02 10:01' }]);
    expect([onTime.sales.onTime, onTime.sales.contactedLate]).toEqual([1, 0]);
    expect([late.sales.onTime, late.sales.contactedLate]).toEqual([0, 1]);
  });

  it('counts the time to first contact in business hours', () => {
    // Friday 17:00 to Monday 10:00: one hour on Friday, one on Monday
    const a = march([
      { priority: 'Warm', handedOffAt: '2026-03-06 17:00', firstContactAt: '2026-03-09 10:00' },
    ]);
    expect(a.sales.medianHoursToContact).toBe(2);
    expect(a.sales.onTime).toBe(1);
  });

  it('counts a contact dated before the hand-off as 0 hours, on time', () => {
    const a = march([{ ...HOT_HANDOFF, firstContactAt: '2026-03-01 12:00' }]);
    expect(a.sales).toMatchObject({ medianHoursToContact: 0, onTime: 1 });
  });

  it('leaves a hand-off still within its deadline out of the on-time share', () => {
    const a = march(
      [HOT_HANDOFF, { ...HOT_HANDOFF, firstContactAt: '2026-03-02 09:30' }],
      Date.UTC(2026, 2, 2, 9, 30),
    );
    expect(a.sales).toMatchObject({ pending: 1, measured: 1, onTimeShare: 1, neverContacted: 0 });
  });

  it('counts a hand-off never contacted once its deadline passed, and as late', () => {
    const a = march([HOT_HANDOFF, { ...HOT_HANDOFF, firstContactAt: '2026-03-02 09:30' }]);
    expect(a.sales).toMatchObject({ neverContacted: 1, neverContactedShare: 0.5, pending: 0 });
    expect(a.late).toEqual([{ actualMinutes: null, deadlineMinutes: 60 }]);
  });

  it('records how late a late contact was, in real minutes', () => {
    const a = march([{ ...HOT_HANDOFF, firstContactAt: '2026-03-02 11:30' }]);
    expect(a.late).toEqual([{ actualMinutes: 150, deadlineMinutes: 60 }]);
  });

  it('averages the readable attempts over the hand-offs, blank as 0', () => {
    const a = march([
      { ...HOT_HANDOFF, attempts: 3 },
      { ...HOT_HANDOFF, attempts: '' },
      { ...HOT_HANDOFF, attempts: 'lots' },
    ]);
    expect(a.sales.averageAttempts).toBe(1.5);
  });

  it('counts the hand-offs of the month now recycled', () => {
    const a = march([
      { ...HOT_HANDOFF, stage: 'Recycled' },
      { ...HOT_HANDOFF, stage: 'SQL' },
    ]);
    expect(a.sales.recycled).toBe(1);
  });
});

describe('aggregate: revenue', () => {
  const won = { wonAt: '2026-03-20 09:00' };

  it('splits the deals won between marketing- and sales-sourced', () => {
    const a = march([
      { ...won, source: 'Web', dealValue: 1000 },
      { ...won, source: 'Outbound', dealValue: 3000 },
      { ...won, source: '', dealValue: '' },
    ]);
    expect(a.revenue).toMatchObject({
      won: 3,
      wonValue: 4000,
      marketingWon: 2,
      salesWon: 1,
      marketingValue: 1000,
      salesValue: 3000,
      marketingShareOfValue: 0.25,
    });
    expect(a.revenue.marketingShareOfDeals).toBeCloseTo(2 / 3, 12);
  });

  it('takes the median days from MQL to customer over the deals with an MQL date', () => {
    const a = march([
      { ...won, mqlAt: '2026-03-10 09:00' },
      { ...won, mqlAt: '2026-02-18 09:00' },
      { ...won, mqlAt: '2026-03-19 09:00' },
      won,
    ]);
    expect(a.revenue.medianDaysMqlToCustomer).toBe(10);
  });
});
