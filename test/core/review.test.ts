import { describe, expect, it } from 'vitest';
import { createCalendar } from '../../src/core/calendar.ts';
import { userText } from '../../src/core/cell.ts';
import {
  computeReview,
  monthlyMqlTarget,
  percentile,
  type Review,
  ragAtLeast,
  ragAtMost,
} from '../../src/core/review.ts';
import { addMonths, isSalesSourced, monthBounds, parseMonth } from '../../src/core/reviewData.ts';
import { historyRow, qualityLine, reviewLayout } from '../../src/core/reviewReport.ts';
import { defaultSettings, type Settings } from '../../src/core/settings.ts';
import { relativeOdds } from '../../src/core/speedToLead.ts';
import { fixedOffsetClock, intlZoneClock, type ZoneClock } from '../../src/core/zone.ts';
import { EVIL, REVIEW_HEADER, rowOf } from '../fixtures/leads.ts';

const HEADER = REVIEW_HEADER;

// Dates are wall times in the clock's zone (UTC here). March 2026: Mon 2, Tue 3, ... Fri 6, Mon 9.
// Business hours: Mon-Fri 09:00-18:00. Deadlines: Hot 1, Warm 8, Cold 16 business hours.
const ROWS: unknown[][] = [
  // L1 on time (0.5 h), SQL
  rowOf(HEADER, {
    'Lead ID': 'L1',
    Name: 'Ann',
    Company: 'A Co',
    Source: 'Web',
    Owner: 'Alice',
    Priority: 'Hot',
    Stage: 'SQL',
    'Created at': '2026-03-02 09:00',
    'MQL at': '2026-03-02 09:30',
    'Handed off at': '2026-03-02 10:00',
    'First contact at': '2026-03-02 10:30',
    Attempts: 1,
  }),
  // L2 late: deadline Tue 17:00, contact Wed 10:00 = 10 business h (25 real h), Opportunity
  rowOf(HEADER, {
    'Lead ID': 'L2',
    Name: 'Ben',
    Company: 'B Co',
    Source: 'web',
    Owner: 'Alice',
    Priority: 'Warm',
    Stage: 'Opportunity',
    'Created at': '2026-03-02 11:00',
    'MQL at': '2026-03-03 09:00',
    'Handed off at': '2026-03-03 09:00',
    'First contact at': '2026-03-04 10:00',
    Attempts: 3,
  }),
  // L3 rejected, on time (2 h of 16)
  rowOf(HEADER, {
    'Lead ID': 'L3',
    Name: 'Cid',
    Company: 'C Co',
    Source: 'Webinar',
    Owner: 'Bob',
    Priority: 'Cold',
    Stage: 'Rejected',
    'Created at': '2026-03-05 09:00',
    'MQL at': '2026-03-05 10:00',
    'Handed off at': '2026-03-05 10:00',
    'First contact at': '2026-03-05 12:00',
    Attempts: 1,
    'Rejected reason': 'Student',
  }),
  // L4 Outbound (sales-sourced), created in February, won in March for 5000 (27 days after MQL)
  rowOf(HEADER, {
    'Lead ID': 'L4',
    Name: 'Dan',
    Company: 'D Co',
    Source: 'Outbound',
    Owner: 'Bob',
    Priority: 'Hot',
    Stage: 'Customer',
    'Created at': '2026-02-10 09:00',
    'MQL at': '2026-02-11 12:00',
    'Handed off at': '2026-02-11 10:00',
    'First contact at': '2026-02-11 10:30',
    Attempts: 2,
    'Won at': '2026-03-10 12:00',
    'Deal value': 5000,
  }),
  // L5 never contacted (blank priority = Warm, deadline Fri 17:00), attempts blank
  rowOf(HEADER, {
    'Lead ID': 'L5',
    Name: 'Eve',
    Company: 'E Co',
    Source: 'Web',
    Owner: 'Alice',
    Stage: 'MQL',
    'Created at': '2026-03-06 08:00',
    'MQL at': '2026-03-06 09:00',
    'Handed off at': '2026-03-06 09:00',
  }),
  // L6 recycled, on time (0.75 h)
  rowOf(HEADER, {
    'Lead ID': 'L6',
    Name: 'Fay',
    Company: 'F Co',
    Source: 'Web',
    Owner: 'Bob',
    Priority: 'Hot',
    Stage: 'Recycled',
    'Created at': '2026-03-09 08:00',
    'MQL at': '2026-03-09 09:00',
    'Handed off at': '2026-03-09 09:00',
    'First contact at': '2026-03-09 09:45',
    Attempts: 5,
  }),
  // L7 marketing-sourced customer from January, won in March for "1 500" (59 days after MQL)
  rowOf(HEADER, {
    'Lead ID': 'L7',
    Name: 'Gus',
    Company: 'G Co',
    Source: 'Web',
    Owner: 'Alice',
    Priority: 'Warm',
    Stage: 'Customer',
    'Created at': '2026-01-15 09:00',
    'MQL at': '2026-01-20 00:00',
    'Won at': '2026-03-20 00:00',
    'Deal value': '1 500',
  }),
  // L8 unreadable Created at; MQL in March
  rowOf(HEADER, {
    'Lead ID': 'L8',
    Name: 'Hal',
    Company: 'H Co',
    Source: 'Web',
    Owner: 'Alice',
    Priority: 'Warm',
    Stage: 'MQL',
    'Created at': 'next week',
    'MQL at': '2026-03-12 09:00',
  }),
  // L9 plain lead, no owner
  rowOf(HEADER, {
    'Lead ID': 'L9',
    Name: 'Ivy',
    Company: 'I Co',
    Source: 'Webinar',
    Stage: 'Lead',
    'Created at': '2026-03-15 09:00',
  }),
  // L10 formula-looking name and reason, rejected, on time (1 h of 8)
  rowOf(HEADER, {
    'Lead ID': 'L10',
    Name: EVIL,
    Company: '@corp',
    Source: 'Webinar',
    Owner: 'Bob',
    Priority: 'Warm',
    Stage: 'Rejected',
    'Created at': '2026-03-16 09:00',
    'MQL at': '2026-03-16 09:30',
    'Handed off at': '2026-03-16 10:00',
    'First contact at': '2026-03-16 11:00',
    Attempts: 2,
    'Rejected reason': '+1-555 wrong number',
  }),
  // L11 February hand-off, on time
  rowOf(HEADER, {
    'Lead ID': 'L11',
    Name: 'Jo',
    Company: 'J Co',
    Source: 'Web',
    Owner: 'Alice',
    Priority: 'Hot',
    Stage: 'SQL',
    'Created at': '2026-02-03 09:00',
    'MQL at': '2026-02-03 09:30',
    'Handed off at': '2026-02-03 10:00',
    'First contact at': '2026-02-03 10:20',
    Attempts: 1,
  }),
  // blank row: ignored
  rowOf(HEADER, {}),
];

const UTC = fixedOffsetClock(0);
const NOW = Date.UTC(2026, 3, 1, 8, 0);

function settingsWith(patch: (s: Settings) => void): Settings {
  const s = defaultSettings();
  patch(s);
  return s;
}

function review(
  rows: unknown[][],
  month: string,
  opts: { settings?: Settings; clock?: ZoneClock; header?: unknown[]; now?: number } = {},
): Review {
  const settings =
    opts.settings ??
    settingsWith((s) => {
      s.plan.monthlyMqlTarget = 5;
      s.plan.costPerSource = { WEB: 800 };
    });
  const clock = opts.clock ?? UTC;
  return computeReview({
    header: opts.header ?? HEADER,
    rows,
    settings,
    month: parseMonth(month)!,
    clock,
    calendar: createCalendar(settings.calendar, clock),
    nowMs: opts.now ?? NOW,
  });
}

describe('month helpers', () => {
  it('parses YYYY-MM and refuses anything else', () => {
    expect(parseMonth('2026-03')).toEqual({ year: 2026, month: 3 });
    expect(parseMonth(' 2026-3 ')).toEqual({ year: 2026, month: 3 });
    expect(parseMonth('2026-13')).toBeNull();
    expect(parseMonth('03/2026')).toBeNull();
    expect(parseMonth('')).toBeNull();
    expect(addMonths({ year: 2026, month: 1 }, -1)).toEqual({ year: 2025, month: 12 });
    expect(addMonths({ year: 2026, month: 12 }, 1)).toEqual({ year: 2027, month: 1 });
  });

  it('bounds a month in the spreadsheet zone', () => {
    const paris = intlZoneClock('Europe/Paris');
    const b = monthBounds(paris, { year: 2026, month: 3 });
    expect(new Date(b.start).toISOString()).toBe('2026-02-28T23:00:00.000Z');
    expect(new Date(b.end).toISOString()).toBe('2026-03-31T22:00:00.000Z'); // after the DST change
  });
});

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
    });
  });

  it('funnel: the cohort created in the month by furthest stage', () => {
    // ranks: L1 SQL, L2 Opp, L3 Rejected(MQL), L5 MQL, L6 Recycled(MQL), L9 Lead, L10 Rejected(MQL)
    expect(m.funnel).toEqual({ leads: 7, mql: 6, sql: 2, opportunities: 1, customers: 0 });
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
    expect(ragAtLeast(0.8, { green: 1, amber: 0.8 })).toBe('amber');
    expect(ragAtLeast(1, { green: 1, amber: 0.8 })).toBe('green');
    expect(ragAtLeast(null, { green: 1, amber: 0.8 })).toBe('none');
    expect(ragAtMost(0.2, { green: 0.1, amber: 0.2 })).toBe('amber');
    expect(ragAtMost(0.21, { green: 0.1, amber: 0.2 })).toBe('red');
  });

  it('rejected leads of the month, with their reasons, user text untouched in the core', () => {
    expect(r.rejected.map((x) => [x.leadId, x.name, x.reason, x.row])).toEqual([
      ['L3', 'Cid', 'Student', 4],
      ['L10', EVIL, '+1-555 wrong number', 11],
    ]);
  });

  it('counts unreadable dates in a data-quality line', () => {
    expect(r.quality.rows).toBe(11);
    expect(r.quality.unreadableDateRows).toBe(1);
    expect(r.quality.unreadableByColumn).toEqual({ 'Created at': 1 });
    expect(r.quality.unreadableRowNumbers).toEqual([9]);
    expect(qualityLine(r.quality)).toContain(
      '1 lead has unreadable dates (Created at: 1; Leads rows 9)',
    );
  });
});

describe('edge cases', () => {
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
    expect(bare.quality.missingColumns).toContain('Handed off at');
    expect(qualityLine(bare.quality)).toContain('missing columns');
  });

  it('a hand-off still within its deadline is pending, not missed', () => {
    const rows = [
      rowOf(HEADER, {
        'Lead ID': 'P1',
        Name: 'P',
        Source: 'Web',
        Owner: 'Al',
        Priority: 'Warm',
        Stage: 'MQL',
        'Created at': '2026-03-31 09:00',
        'MQL at': '2026-03-31 09:00',
        'Handed off at': '2026-03-31 09:00',
      }),
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
      rowOf(HEADER, {
        'Lead ID': 'Z1',
        Name: 'Z',
        Source: 'Web',
        Owner: 'Al',
        Stage: 'MQL',
        'Created at': new Date('2026-03-31T22:30:00Z'),
      }),
    ];
    const paris = intlZoneClock('Europe/Paris');
    expect(review(rows, '2026-03', { clock: paris }).current.marketing.newLeads).toBe(0);
    expect(review(rows, '2026-04', { clock: paris }).current.marketing.newLeads).toBe(1);
    expect(review(rows, '2026-03', { clock: UTC }).current.marketing.newLeads).toBe(1);
  });

  it("derives the month's MQL target from the plan, spread over 12 equal months", () => {
    const s = defaultSettings(); // 100,000 ÷ 1,000 = 100 customers ← 800 MQL at 50 %
    expect(monthlyMqlTarget(s, 1)).toBe(67); // 800 = 8 × 67 + 4 × 66
    expect(monthlyMqlTarget(s, 8)).toBe(67);
    expect(monthlyMqlTarget(s, 9)).toBe(66);
    s.plan.revenueGoal = null;
    expect(monthlyMqlTarget(s, 1)).toBeNull();
    s.plan.monthlyMqlTarget = 40;
    expect(monthlyMqlTarget(s, 1)).toBe(40);
  });

  it('uses the plan rate for speed to lead when the month has no opportunity yet', () => {
    const rows = [
      rowOf(HEADER, {
        'Lead ID': 'S1',
        Name: 'S',
        Source: 'Web',
        Owner: 'Al',
        Priority: 'Hot',
        Stage: 'MQL',
        'Created at': '2026-03-02 09:00',
        'MQL at': '2026-03-02 09:00',
        'Handed off at': '2026-03-02 09:00',
        'First contact at': '2026-03-03 09:00',
        Attempts: 1,
      }),
    ];
    const r = review(rows, '2026-03');
    expect(r.current.speedToLead.rateSource).toBe('plan');
    expect(r.current.speedToLead.mqlToOpportunityRate).toBe(0.25);
  });

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

  it('percentile is PERCENTILE.INC', () => {
    expect(percentile([], 0.5)).toBeNull();
    expect(percentile([3], 0.9)).toBe(3);
    expect(percentile([1, 2, 3, 4], 0.5)).toBe(2.5);
    expect(percentile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 0.9)).toBeCloseTo(9.1, 12);
  });
});

describe('speed-to-lead model anchors', () => {
  it('goes through the published anchor points', () => {
    expect(relativeOdds(1)).toBe(1);
    expect(relativeOdds(5)).toBe(1);
    expect(relativeOdds(30)).toBeCloseTo(1 / 21, 12);
    expect(relativeOdds(60) / relativeOdds(120)).toBeCloseTo(7, 9);
    expect(relativeOdds(60) / relativeOdds(1440)).toBeCloseTo(60, 9);
    expect(relativeOdds(5000)).toBe(relativeOdds(1440));
    expect(relativeOdds(null)).toBe(relativeOdds(1440));
    // monotonic
    let prev = 2;
    for (let t = 1; t < 3000; t += 7) {
      const o = relativeOdds(t);
      expect(o).toBeLessThanOrEqual(prev);
      prev = o;
    }
  });
});

describe('layout', () => {
  const r = review(ROWS, '2026-03');
  const layout = reviewLayout(r, { generatedAt: new Date(NOW) });

  it('writes user text as text (formula-looking names, reasons, sources)', () => {
    const rejected = layout.blocks.find((b) => b.id === 'rejected')!;
    const cells = rejected.values.flat();
    expect(cells).toContain(`'${EVIL}`);
    expect(cells).toContain("'+1-555 wrong number");
    expect(cells).toContain("'@corp");
    expect(userText('Alice')).toBe('Alice');
    expect(userText('2026-03')).toBe("'2026-03");
    expect(userText('TRUE')).toBe("'TRUE");
    expect(userText("'quoted")).toBe("''quoted");
  });

  it('colours the scorecards and plans two charts over the right ranges', () => {
    const marketing = layout.blocks.find((b) => b.id === 'marketing')!;
    expect(marketing.values[2]![0]).toBe('MQL delivered');
    expect(marketing.backgrounds[2]![1]).toBe('#d9ead3');
    expect(marketing.values[5]![0]).toBe('Rejected by sales');
    expect(marketing.backgrounds[5]![1]).toBe('#f4cccc');
    expect(layout.charts.map((c) => c.id)).toEqual(['funnel', 'onTimeByOwner']);
    const funnel = layout.blocks.find((b) => b.id === 'funnel')!;
    expect(layout.charts[0]!.ranges[0]).toEqual({
      row: funnel.row + 1,
      col: 1,
      numRows: 6,
      numCols: 2,
    });
    // every block is rectangular
    for (const b of layout.blocks) {
      const w = b.values[0]!.length;
      expect(b.values.every((row) => row.length === w)).toBe(true);
      expect(b.backgrounds.length).toBe(b.values.length);
      expect(b.backgrounds.every((row) => row.length === w)).toBe(true);
      expect(b.numberFormats.every((row) => row.length === w)).toBe(true);
    }
    // blocks do not overlap
    const rows = layout.blocks.map((b) => [b.row, b.row + b.values.length - 1] as const);
    for (let i = 1; i < rows.length; i++) expect(rows[i]![0]).toBeGreaterThan(rows[i - 1]![1]);
  });

  it('a History row per month', () => {
    const row = historyRow(r, new Date(NOW));
    expect(row[0]).toBe('2026-03');
    expect(row[2]).toBe(7);
    expect(row.length).toBe(20);
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
      rows.push(
        rowOf(HEADER, {
          'Lead ID': `L${i}`,
          Name: `Lead ${i}`,
          Company: 'Co',
          Source: sources[i % 5],
          Owner: owners[i % 6],
          Priority: ['Hot', 'Warm', 'Cold'][i % 3],
          Stage: ['MQL', 'SQL', 'Opportunity', 'Customer', 'Rejected'][i % 5],
          'Created at': new Date(created),
          'MQL at': new Date(created + 600_000),
          'Handed off at': new Date(handed),
          'First contact at': contact,
          Attempts: i % 6,
          'Rejected reason': i % 5 === 4 ? 'Bad fit' : '',
          'Won at': i % 5 === 3 ? new Date(handed + 20 * 86400_000) : '',
          'Deal value': i % 5 === 3 ? 1000 : '',
        }),
      );
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
