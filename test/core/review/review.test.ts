import { describe, expect, it } from 'vitest';
import { reviewLayout } from '../../../src/core/review/layout.ts';
import type { Review } from '../../../src/core/review/review.ts';
import { qualityLine } from '../../../src/core/review/sections.ts';
import { intlZoneClock, type ZoneClock } from '../../../src/core/time/zone.ts';
import { EVIL } from '../../fixtures/leads.ts';
import { NOW, ROWS, review, UTC } from '../../fixtures/review.ts';

describe('computeReview on hand-built data (every figure checked by hand)', () => {
  const r = review(ROWS, '2026-03');
  const m = r.current;

  it("marketing's commitment", () => {
    expect(m.marketing).toEqual({
      newLeads: 7, // L1 L2 L3 L5 L6 L9 L10
      mqlDelivered: 7, // L1 L2 L3 L5 L6 L8 L10
      mqlTarget: 5,
      mqlAttainment: 7 / 5,
      handedOff: 6, // L1 L2 L3 L5 L6 L10
      rejected: 2, // L3 L10
      rejectedShare: 2 / 6,
      // the agreement requires nothing here: counted 0, read "no data" in every view (below)
      missingData: 0,
      missingDataShare: 0,
      missingByField: [],
    });
  });

  it('funnel: the cohort created in the month by furthest stage', () => {
    // on evidence (issue 18): a Handed off at date is the SQL; Rejected and Recycled prove nothing
    // of their own. L1 SQL, L2 Opp, L3 Rejected (handed off: SQL), L5 MQL (handed off: SQL),
    // L6 Recycled (handed off: SQL), L9 Lead, L10 Rejected (handed off: SQL)
    expect(m.funnel).toEqual({ leads: 7, mql: 6, sql: 6, opportunities: 1, customers: 0 });
  });

  it("sales' commitment", () => {
    expect(m.sales.handedOff).toBe(6);
    expect(m.sales.onTime).toBe(4); // L1 L3 L6 L10
    expect(m.sales.contactedLate).toBe(1); // L2
    expect(m.sales.neverContacted).toBe(1); // L5
    expect(m.sales.pending).toBe(0);
    expect(m.sales.measured).toBe(6);
    expect(m.sales.onTimeShare).toBeCloseTo(4 / 6, 12);
    // hours: 0.5, 0.75, 1, 2, 10 → median 1, P90 = 2 + 0.6 × 8 = 6.8
    expect(m.sales.medianHoursToContact).toBeCloseTo(1, 12);
    expect(m.sales.p90HoursToContact).toBeCloseTo(6.8, 12);
    // attempts 1 + 3 + 1 + 0 + 5 + 2 = 12 over 6
    expect(m.sales.averageAttempts).toBe(2);
    expect(m.sales.recycled).toBe(1);
  });

  it('revenue and sourcing', () => {
    expect(m.revenue.won).toBe(2);
    expect(m.revenue.wonValue).toBe(6500);
    expect(m.revenue.marketingWon).toBe(1);
    expect(m.revenue.salesWon).toBe(1);
    expect(m.revenue.marketingShareOfValue).toBeCloseTo(1500 / 6500, 12);
    expect(m.revenue.marketingShareOfDeals).toBe(0.5);
    expect(m.revenue.medianDaysMqlToCustomer).toBe(43); // (27 + 59) / 2
    expect(m.revenue.revenueTarget).toBeCloseTo(100000 / 12, 9);
    expect(m.revenue.revenueAttainment).toBeCloseTo(6500 / (100000 / 12), 12);
  });

  it('speed to lead: two late leads, MQL→opportunity 1/7 observed', () => {
    const s = m.speedToLead;
    expect(s.lateLeads).toBe(2);
    expect(s.rateSource).toBe('observed');
    expect(s.mqlToOpportunityRate).toBeCloseTo(1 / 7, 12); // L2 of the 7 March MQL
    // both deadlines are 480 real minutes; L2 at 1,500 min and L5 never are at the 24 h floor:
    // lost = 1 − (7/60)^(1 − ln4/ln12) ≈ 0.6132 each
    const f = Math.log(4) / Math.log(12);
    const lost = 1 - (7 / 60) ** (1 - f);
    expect(lost).toBeCloseTo(0.6132, 3);
    expect(s.averageLostShare).toBeCloseTo(lost, 9);
    expect(s.expectedLostOpportunities).toBeCloseTo((2 * lost) / 7, 9);
    expect(s.valueAtRisk).toBeCloseTo(((2 * lost) / 7) * 0.5 * 1000, 6);
  });

  it('by source, with cost per lead and per customer', () => {
    expect(r.bySource.map((g) => g.key)).toEqual(['Web', 'Webinar', 'Outbound']);
    const web = r.bySource[0]!;
    expect(web).toMatchObject({
      newLeads: 4, // L1 L2 L5 L6
      mqlDelivered: 5, // + L8
      handedOff: 4,
      rejected: 0,
      neverContacted: 1,
      won: 1,
      wonValue: 1500,
      cost: 800,
      costPerLead: 200,
      costPerCustomer: 800,
    });
    expect(web.onTimeShare).toBe(0.5);
    expect(web.medianHoursToContact).toBe(0.75); // 0.5, 0.75, 10
    expect(r.bySource[1]).toMatchObject({
      key: 'Webinar',
      newLeads: 3,
      mqlDelivered: 2,
      handedOff: 2,
      rejected: 2,
      onTimeShare: 1,
      medianHoursToContact: 1.5,
      cost: null,
      costPerLead: null,
    });
    expect(r.bySource[2]).toMatchObject({ key: 'Outbound', newLeads: 0, won: 1, wonValue: 5000 });
  });

  it('by owner', () => {
    expect(r.byOwner.map((g) => g.key)).toEqual(['Alice', 'Bob', '(none)']);
    expect(r.byOwner[0]).toMatchObject({ handedOff: 3, newLeads: 3, mqlDelivered: 4, won: 1 });
    expect(r.byOwner[0]!.onTimeShare).toBeCloseTo(1 / 3, 12);
    expect(r.byOwner[1]).toMatchObject({ handedOff: 3, onTimeShare: 1, won: 1, wonValue: 5000 });
    expect(r.byOwner[2]).toMatchObject({ newLeads: 1, handedOff: 0, onTimeShare: null });
  });

  it('trend: last month and the average of the active months before', () => {
    const row = (label: string) => r.trend.find((t) => t.label === label)!;
    // February: L4 and L11 created, MQL and handed off (both on time); January: L7 created + MQL
    expect(row('New leads')).toMatchObject({ current: 7, previous: 2, average: 1.5 });
    expect(row('MQL delivered')).toMatchObject({ current: 7, previous: 2, average: 1.5 });
    expect(row('Hand-offs to sales')).toMatchObject({ current: 6, previous: 2, average: 1 });
    const onTime = row('Contacted within deadline');
    expect(onTime.current).toBeCloseTo(4 / 6, 12);
    expect(onTime.previous).toBe(1);
    expect(onTime.average).toBe(1); // January had no hand-off: left out
    expect(row('Deals won')).toMatchObject({ current: 2, previous: 0, average: 0 });
    expect(r.previous.month).toBe('2026-02');
  });

  it('green / amber / red against the commitments', () => {
    const status = (lines: typeof r.scorecards.sales, label: string) =>
      lines.find((l) => l.label === label)!.status;
    expect(status(r.scorecards.marketing, 'MQL delivered')).toBe('green'); // 140 %
    expect(status(r.scorecards.marketing, 'Rejected by sales')).toBe('red'); // 33 %
    expect(status(r.scorecards.sales, 'Contacted within deadline')).toBe('red'); // 67 %
    expect(status(r.scorecards.sales, 'Median time to first contact (business h)')).toBe('green');
    expect(status(r.scorecards.sales, 'Never contacted')).toBe('red'); // 17 %
    expect(status(r.scorecards.revenue, 'Value won')).toBe('red'); // 78 %
  });

  it('rejected leads of the month, with their reasons, user text untouched in the core', () => {
    expect(r.rejected.map((x) => [x.leadId, x.name, x.reason, x.row])).toEqual([
      ['L3', 'Cid', 'Student', 4],
      ['L10', EVIL, '+1-555 wrong number', 11],
    ]);
  });

  it('counts unreadable dates in a data-quality line', () => {
    expect(r.quality.rows).toBe(11);
    expect(r.quality.unreadableRows).toBe(1);
    expect(r.quality.unreadableByColumn).toEqual({ 'Created at': 1 });
    expect(r.quality.unreadableRowNumbers).toEqual([9]);
    expect(qualityLine(r.quality)).toContain(
      '1 lead has values that could not be read (Created at: 1; Leads rows 9)',
    );
  });
});

describe('edge cases', () => {
  it("gives no verdict on a month before the sheet's first date, and says why", () => {
    const before = review(ROWS, '2025-06');
    const lines = [...before.scorecards.marketing, ...before.scorecards.sales];
    expect(lines.every((l) => l.status === 'none' && l.actual === null)).toBe(true);
    expect(lines[0]!.note).toBe("no data (the sheet's leads are dated from 2026-01-15)");
  });

  it('a month with no leads is an honest empty review', () => {
    const r = review(ROWS, '2025-06');
    expect(r.empty).toBe(true);
    expect(r.current.marketing).toMatchObject({ newLeads: 0, mqlDelivered: 0, handedOff: 0 });
    expect(r.current.sales.onTimeShare).toBeNull();
    expect(r.current.sales.medianHoursToContact).toBeNull();
    expect(r.current.revenue.medianDaysMqlToCustomer).toBeNull();
    expect(r.current.speedToLead.expectedLostOpportunities).toBe(0);
    expect(r.bySource.filter((g) => g.cost === null)).toEqual([]);
    expect(r.byOwner).toEqual([]);
    expect(r.rejected).toEqual([]);
    const layout = reviewLayout(r, { generatedAt: new Date(NOW) });
    const text = layout.blocks.flatMap((b) => b.values.flat()).join('|');
    expect(text).toContain('no data');
    expect(text).toContain('None this month');
  });

  it('an empty sheet (header only, or nothing) does not throw', () => {
    const r = review([], '2026-03');
    expect(r.empty).toBe(true);
    expect(r.quality.rows).toBe(0);
    const bare = review([], '2026-03', { header: [] });
    expect(bare.quality.missingColumns).toContain('Created at');
    expect(qualityLine(bare.quality)).toContain('no column starts the SLA clock');
  });

  it('a hand-off still within its deadline is pending, not missed', () => {
    const rows = [
      [
        'P1',
        'P',
        '',
        'Web',
        'Al',
        'Warm',
        'MQL',
        '2026-03-31 09:00',
        '2026-03-31 09:00',
        '2026-03-31 09:00',
        '',
        '',
        '',
        '',
        '',
      ],
    ];
    const r = review(rows, '2026-03', { now: Date.UTC(2026, 2, 31, 12) });
    expect(r.current.sales).toMatchObject({
      pending: 1,
      neverContacted: 0,
      measured: 0,
      onTimeShare: null,
    });
    const later = review(rows, '2026-03', { now: Date.UTC(2026, 3, 2, 12) });
    expect(later.current.sales).toMatchObject({ pending: 0, neverContacted: 1, onTimeShare: 0 });
  });

  it('places leads in months by the spreadsheet zone', () => {
    const rows = [
      [
        'Z1',
        'Z',
        '',
        'Web',
        'Al',
        '',
        'MQL',
        new Date('2026-03-31T22:30:00Z'),
        '',
        '',
        '',
        '',
        '',
        '',
        '',
      ],
    ];
    const paris = intlZoneClock('Europe/Paris');
    expect(review(rows, '2026-03', { clock: paris }).current.marketing.newLeads).toBe(0);
    expect(review(rows, '2026-04', { clock: paris }).current.marketing.newLeads).toBe(1);
    expect(review(rows, '2026-03', { clock: UTC }).current.marketing.newLeads).toBe(1);
  });

  it('uses the plan rate for speed to lead when the month has no opportunity yet', () => {
    const rows = [
      [
        'S1',
        'S',
        '',
        'Web',
        'Al',
        'Hot',
        'MQL',
        '2026-03-02 09:00',
        '2026-03-02 09:00',
        '2026-03-02 09:00',
        '2026-03-03 09:00',
        1,
        '',
        '',
        '',
      ],
    ];
    const r = review(rows, '2026-03');
    expect(r.current.speedToLead.rateSource).toBe('plan');
    expect(r.current.speedToLead.mqlToOpportunityRate).toBe(0.25);
  });
});

describe('performance', () => {
  function leads(count: number, days: number): unknown[][] {
    const rows: unknown[][] = [];
    const base = Date.UTC(2026, 3, 1) - days * 86400_000;
    const sources = ['Web', 'Webinar', 'Outbound', 'Partner', 'Sales event'];
    const owners = ['Alice', 'Bob', 'Chloé', 'Dev', 'Eli', 'Fox'];
    for (let i = 0; i < count; i++) {
      const created = base + ((i * 7919) % (days * 86400)) * 1000;
      const handed = created + 3600_000;
      const contact = i % 5 === 0 ? '' : new Date(handed + ((i * 37) % 50) * 3600_000);
      rows.push([
        `L${i}`,
        `Lead ${i}`,
        'Co',
        sources[i % 5],
        owners[i % 6],
        ['Hot', 'Warm', 'Cold'][i % 3],
        ['MQL', 'SQL', 'Opportunity', 'Customer', 'Rejected'][i % 5],
        new Date(created),
        new Date(created + 600_000),
        new Date(handed),
        contact,
        i % 6,
        i % 5 === 4 ? 'Bad fit' : '',
        i % 5 === 3 ? new Date(handed + 20 * 86400_000) : '',
        i % 5 === 3 ? 1000 : '',
      ]);
    }
    return rows;
  }

  // Timing lives in `npm run bench`; these prove the review holds up at volume.
  const run = (rows: unknown[][], clock: ZoneClock): { r: Review } => ({
    r: review(rows, '2026-03', { clock }),
  });

  it('reviews 100,000 leads (three years of leads)', () => {
    const { r } = run(leads(100_000, 3 * 365), intlZoneClock('Europe/Paris'));
    expect(r.current.marketing.newLeads).toBeGreaterThan(2000);
    expect(r.quality.rows).toBe(100_000);
  });

  it('reviews 100,000 leads that all fall in the four months reviewed', () => {
    const { r } = run(leads(100_000, 120), UTC);
    expect(r.current.marketing.newLeads).toBeGreaterThan(20_000);
  });
});
