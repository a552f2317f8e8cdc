import { addBusinessHours, type BusinessCalendar, businessHoursBetween } from './calendar.ts';
import { normalizeText } from './cellValues.ts';
import { planMqlFromRevenue } from './plan.ts';
import {
  addMonths,
  type DataQuality,
  isSalesSourced,
  type LeadFacts,
  monthBounds,
  monthKey,
  monthLabel,
  type ReviewMonth,
  readLeads,
} from './reviewData.ts';
import type { Settings } from './settings.ts';
import { type LateContact, type SpeedToLeadImpact, speedToLeadImpact } from './speedToLead.ts';
import { spread } from './spread.ts';
import { DAY_MS, MINUTE_MS, type ZoneClock } from './zone.ts';

/**
 * Monthly review KPIs. Pure: the Leads rows, the settings and the month in; plain figures out.
 *
 * Definitions (one calendar month M in the spreadsheet's time zone, [1st 00:00, next 1st 00:00)):
 * - New leads: `Created at` in M. MQL delivered: `MQL at` in M. Hand-offs: `Handed off at` in M.
 * - Monthly MQL target: `plan.monthlyMqlTarget` when set; else the Planning sheet's monthly
 *   `MQL target` row (the annual MQL spread by its seasonality weights); otherwise the plan's annual MQL
 *   (mqlNeeded from the revenue goal, average deal, MQL→SQL, SQL→opportunity and
 *   opportunity→customer rates, marketing share) spread over 12 EQUAL months with
 *   largest-remainder rounding (the odd units go to the earliest months). No revenue goal → no
 *   target.
 * - Rejected by sales: hand-offs of M whose Stage is `Rejected` or that have a `Rejected reason`;
 *   share = rejected ÷ hand-offs of M.
 * - Funnel (conversion): the COHORT of leads created in M, counted by the furthest stage each has
 *   reached so far (Stage, plus: an `MQL at` or `Handed off at` date means at least MQL, a `Won
 *   at` date means customer; `Lost` counts as a lost opportunity, `Recycled`/`Rejected` as MQL).
 *   Recent cohorts are immature: their later stages keep growing.
 * - Sales: for each hand-off of M, deadline = addBusinessHours(handed off, deadlineHours[priority])
 *   (blank or unknown priority = the default priority). On time = first contact at or before
 *   the deadline. Pending = not contacted and the deadline is still ahead (now): left out of the
 *   on-time share. On-time share = on time ÷ (hand-offs − pending). Never contacted = no first
 *   contact and the deadline has passed. Time to first contact = business hours from hand-off to
 *   first contact (0 when the contact is dated before the hand-off); median and 90th percentile
 *   are PERCENTILE.INC, as in Sheets. Average attempts over the hand-offs (blank = 0 attempts;
 *   unreadable values are left out and counted in data quality). Recycled: hand-offs of M whose
 *   Stage is `Recycled`.
 * - Revenue: deals won = `Won at` in M; value = sum of `Deal value`. Sourcing by `isSalesSourced`
 *   (Source starting with "Sales", or containing "outbound", "prospecting", "cold call",
 *   "cold email", "rep referral"/"referral by rep" is sales-sourced; everything else, blank
 *   included, is marketing-sourced). Days from MQL to customer: calendar days from `MQL at` to
 *   `Won at`, median over the deals won in M that have both.
 * - Monthly revenue target: plan revenue goal ÷ 12.
 * - By source / by owner: the same figures on that source's / owner's leads (sources and owners
 *   matched case- and accent-insensitively); cost per lead = `plan.costPerSource[source]` ÷ new
 *   leads of M from it, cost per customer = that cost ÷ its deals won in M.
 * - Trend: each headline figure for M, M−1, and the average of M−1..M−3 over the months that
 *   had any activity (a lead created, MQL, hand-off or deal won in it).
 * - Speed to lead: see speedToLead.ts. The MQL→opportunity rate is the month's MQL cohort's
 *   (share of `MQL at` in M that reached opportunity) when that cohort has at least one
 *   opportunity; otherwise the plan's MQL→SQL × SQL→opportunity.
 * - Rejected leads listed: rejected leads whose hand-off (else MQL, else creation) is in M.
 * - Unreadable dates are counted over the whole sheet (they cannot be placed in a month).
 */

export type Rag = 'green' | 'amber' | 'red' | 'none';

/** Commitment thresholds for the scorecards' green / amber / red. */
export const REVIEW_THRESHOLDS = {
  /** MQL delivered ÷ target: green ≥ 100 %, amber ≥ 80 %, else red. */
  mqlAttainment: { green: 1, amber: 0.8 },
  /** Rejected ÷ hand-offs: green ≤ 10 %, amber ≤ 20 %, else red. */
  rejectedShare: { green: 0.1, amber: 0.2 },
  /** Contacted within the deadline: green ≥ 90 %, amber ≥ 75 %, else red. */
  onTimeShare: { green: 0.9, amber: 0.75 },
  /** Median business hours to first contact ÷ the default priority's deadline: green ≤ 1, amber ≤ 1.5. */
  medianToDeadline: { green: 1, amber: 1.5 },
  /** Never contacted ÷ (hand-offs − pending): green ≤ 5 %, amber ≤ 10 %, else red. */
  neverContactedShare: { green: 0.05, amber: 0.1 },
  /** Won value ÷ monthly revenue target: green ≥ 100 %, amber ≥ 80 %, else red. */
  revenueAttainment: { green: 1, amber: 0.8 },
} as const;

export function ragAtLeast(value: number | null, t: { green: number; amber: number }): Rag {
  if (value === null) return 'none';
  return value >= t.green - 1e-12 ? 'green' : value >= t.amber - 1e-12 ? 'amber' : 'red';
}

export function ragAtMost(value: number | null, t: { green: number; amber: number }): Rag {
  if (value === null) return 'none';
  return value <= t.green + 1e-12 ? 'green' : value <= t.amber + 1e-12 ? 'amber' : 'red';
}

export interface MarketingFigures {
  newLeads: number;
  mqlDelivered: number;
  mqlTarget: number | null;
  mqlAttainment: number | null;
  handedOff: number;
  rejected: number;
  rejectedShare: number | null;
}

export interface FunnelFigures {
  leads: number;
  mql: number;
  sql: number;
  opportunities: number;
  customers: number;
}

export interface SalesFigures {
  handedOff: number;
  /** Hand-offs whose deadline has passed or that were contacted: the on-time denominator. */
  measured: number;
  onTime: number;
  contactedLate: number;
  neverContacted: number;
  pending: number;
  onTimeShare: number | null;
  neverContactedShare: number | null;
  medianHoursToContact: number | null;
  p90HoursToContact: number | null;
  averageAttempts: number | null;
  recycled: number;
}

export interface RevenueFigures {
  won: number;
  wonValue: number;
  marketingWon: number;
  salesWon: number;
  marketingValue: number;
  salesValue: number;
  /** Marketing-sourced share of the deals won (count). */
  marketingShareOfDeals: number | null;
  /** Marketing-sourced share of the value won. */
  marketingShareOfValue: number | null;
  medianDaysMqlToCustomer: number | null;
  revenueTarget: number | null;
  revenueAttainment: number | null;
}

export interface SpeedToLeadFigures extends SpeedToLeadImpact {
  rateSource: 'observed' | 'plan';
  /** Estimated value at risk: lost opportunities × opportunity→customer rate × average deal. */
  valueAtRisk: number;
}

export interface MonthFigures {
  month: string;
  /** Any lead created, MQL, handed off or won in the month. */
  active: boolean;
  marketing: MarketingFigures;
  funnel: FunnelFigures;
  sales: SalesFigures;
  revenue: RevenueFigures;
  speedToLead: SpeedToLeadFigures;
}

export interface GroupRow {
  /** The source or owner as first typed; `(none)` for blanks. */
  key: string;
  newLeads: number;
  mqlDelivered: number;
  handedOff: number;
  rejected: number;
  onTimeShare: number | null;
  medianHoursToContact: number | null;
  neverContacted: number;
  won: number;
  wonValue: number;
  cost: number | null;
  costPerLead: number | null;
  costPerCustomer: number | null;
}

export interface TrendRow {
  label: string;
  unit: Unit;
  current: number | null;
  previous: number | null;
  average: number | null;
}

export type Unit = 'count' | 'percent' | 'hours' | 'days' | 'money' | 'decimal';

export interface ScoreLine {
  label: string;
  unit: Unit;
  actual: number | null;
  /** The commitment, in words (e.g. `≥ 90 %`), or '' when the line is for information. */
  target: string;
  status: Rag;
  note: string;
}

export interface RejectedLead {
  /** Sheet row number in Leads. */
  row: number;
  leadId: string;
  name: string;
  company: string;
  source: string;
  owner: string;
  referenceAt: number;
  reason: string;
}

export interface Review {
  month: string;
  label: string;
  timeZone: string;
  start: number;
  end: number;
  /** True when nothing happened in the month: the review says "no data". */
  empty: boolean;
  current: MonthFigures;
  previous: MonthFigures;
  /** M−1, M−2, M−3 (newest first). */
  earlier: MonthFigures[];
  scorecards: { marketing: ScoreLine[]; sales: ScoreLine[]; revenue: ScoreLine[] };
  trend: TrendRow[];
  bySource: GroupRow[];
  byOwner: GroupRow[];
  rejected: RejectedLead[];
  quality: DataQuality;
}

export interface ReviewInput {
  header: readonly unknown[];
  rows: ReadonlyArray<readonly unknown[]>;
  settings: Settings;
  month: ReviewMonth;
  /** The spreadsheet's zone: month boundaries and reading dates. */
  clock: ZoneClock;
  /** The business calendar (settings.calendar in its zone): deadlines and business hours. */
  calendar: BusinessCalendar;
  /** Now, to tell pending hand-offs from missed ones. */
  nowMs: number;
  /** The Planning sheet's monthly MQL targets (January first), when it has them. */
  plannedMonthlyMql?: readonly number[] | null;
}

// ------------------------------------------------------------------------------------------

/** PERCENTILE.INC of sorted values (q in [0, 1]); null when empty. */
export function percentile(sorted: readonly number[], q: number): number | null {
  const n = sorted.length;
  if (n === 0) return null;
  const pos = (n - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.min(n - 1, lo + 1);
  const a = sorted[lo]!;
  return a + (sorted[hi]! - a) * (pos - lo);
}

function ratio(a: number, b: number): number | null {
  return b > 0 ? a / b : null;
}

/** The month's MQL target (see the definitions above); null without a target. */
export function monthlyMqlTarget(
  settings: Settings,
  month: number,
  plannedMonthlyMql?: readonly number[] | null,
): number | null {
  const p = settings.plan;
  if (p.monthlyMqlTarget !== null) return p.monthlyMqlTarget;
  const planned = plannedMonthlyMql?.[month - 1];
  if (planned !== undefined) return planned;
  const annual = planMqlFromRevenue(p);
  if (annual === null) return null;
  return spread(annual, EQUAL_MONTHS)[month - 1] ?? null;
}

const EQUAL_MONTHS: readonly number[] = Array.from({ length: 12 }, () => 1);

interface HandoffFacts {
  outcome: 'onTime' | 'late' | 'never' | 'pending';
  hours: number | null;
  late: LateContact | null;
}

interface MonthContext {
  start: number;
  end: number;
  month: ReviewMonth;
  settings: Settings;
  calendar: BusinessCalendar;
  nowMs: number;
  plannedMonthlyMql: readonly number[] | null;
  handoffs: Array<HandoffFacts | undefined>;
}

function inMonth(ms: number | null, ctx: MonthContext): boolean {
  return ms !== null && ms >= ctx.start && ms < ctx.end;
}

function handoffFacts(lead: LeadFacts, handedOffAt: number, ctx: MonthContext): HandoffFacts {
  const cached = ctx.handoffs[lead.index];
  if (cached) return cached;
  const hours = ctx.settings.handoff.deadlineHours[lead.priority];
  const deadline = addBusinessHours(ctx.calendar, handedOffAt, hours);
  const deadlineMinutes = (deadline - handedOffAt) / MINUTE_MS;
  let facts: HandoffFacts;
  const contact = lead.firstContactAt;
  if (contact !== null) {
    const h = contact <= handedOffAt ? 0 : businessHoursBetween(ctx.calendar, handedOffAt, contact);
    const onTime = contact <= deadline;
    facts = {
      outcome: onTime ? 'onTime' : 'late',
      hours: h,
      late: onTime
        ? null
        : { actualMinutes: Math.max(0, (contact - handedOffAt) / MINUTE_MS), deadlineMinutes },
    };
  } else if (ctx.nowMs <= deadline) {
    facts = { outcome: 'pending', hours: null, late: null };
  } else {
    facts = { outcome: 'never', hours: null, late: { actualMinutes: null, deadlineMinutes } };
  }
  ctx.handoffs[lead.index] = facts;
  return facts;
}

interface Aggregate {
  active: boolean;
  marketing: MarketingFigures;
  funnel: FunnelFigures;
  sales: SalesFigures;
  revenue: Omit<RevenueFigures, 'revenueTarget' | 'revenueAttainment'>;
  late: LateContact[];
  mqlCohort: number;
  mqlCohortOpportunities: number;
}

function aggregate(leads: readonly LeadFacts[], ctx: MonthContext): Aggregate {
  let newLeads = 0;
  let mqlDelivered = 0;
  let handedOff = 0;
  let rejected = 0;
  const funnel: FunnelFigures = { leads: 0, mql: 0, sql: 0, opportunities: 0, customers: 0 };
  let onTime = 0;
  let contactedLate = 0;
  let never = 0;
  let pending = 0;
  let recycled = 0;
  const hours: number[] = [];
  let attemptsSum = 0;
  let attemptsCount = 0;
  const late: LateContact[] = [];
  let won = 0;
  let wonValue = 0;
  let marketingWon = 0;
  let marketingValue = 0;
  const daysToCustomer: number[] = [];
  let mqlCohort = 0;
  let mqlCohortOpportunities = 0;

  for (const lead of leads) {
    if (inMonth(lead.createdAt, ctx)) {
      newLeads++;
      funnel.leads++;
      if (lead.rank >= 1) funnel.mql++;
      if (lead.rank >= 2) funnel.sql++;
      if (lead.rank >= 3) funnel.opportunities++;
      if (lead.rank >= 4) funnel.customers++;
    }
    if (inMonth(lead.mqlAt, ctx)) {
      mqlDelivered++;
      mqlCohort++;
      if (lead.rank >= 3) mqlCohortOpportunities++;
    }
    const handedOffAt = lead.handedOffAt;
    if (handedOffAt !== null && inMonth(handedOffAt, ctx)) {
      handedOff++;
      if (lead.rejected) rejected++;
      if (lead.stage === 'Recycled') recycled++;
      if (lead.attempts !== null) {
        attemptsSum += lead.attempts;
        attemptsCount++;
      }
      const f = handoffFacts(lead, handedOffAt, ctx);
      if (f.outcome === 'onTime') onTime++;
      else if (f.outcome === 'late') contactedLate++;
      else if (f.outcome === 'never') never++;
      else pending++;
      if (f.hours !== null) hours.push(f.hours);
      if (f.late) late.push(f.late);
    }
    if (inMonth(lead.wonAt, ctx)) {
      won++;
      const value = lead.dealValue ?? 0;
      wonValue += value;
      if (!isSalesSourced(lead.source)) {
        marketingWon++;
        marketingValue += value;
      }
      if (lead.mqlAt !== null && lead.wonAt !== null) {
        daysToCustomer.push(Math.max(0, (lead.wonAt - lead.mqlAt) / DAY_MS));
      }
    }
  }
  hours.sort((a, b) => a - b);
  daysToCustomer.sort((a, b) => a - b);
  const measured = handedOff - pending;
  return {
    active: newLeads + mqlDelivered + handedOff + won > 0,
    marketing: {
      newLeads,
      mqlDelivered,
      mqlTarget: null,
      mqlAttainment: null,
      handedOff,
      rejected,
      rejectedShare: ratio(rejected, handedOff),
    },
    funnel,
    sales: {
      handedOff,
      measured,
      onTime,
      contactedLate,
      neverContacted: never,
      pending,
      onTimeShare: ratio(onTime, measured),
      neverContactedShare: ratio(never, measured),
      medianHoursToContact: percentile(hours, 0.5),
      p90HoursToContact: percentile(hours, 0.9),
      averageAttempts: attemptsCount ? attemptsSum / attemptsCount : null,
      recycled,
    },
    revenue: {
      won,
      wonValue,
      marketingWon,
      salesWon: won - marketingWon,
      marketingValue,
      salesValue: wonValue - marketingValue,
      marketingShareOfDeals: ratio(marketingWon, won),
      marketingShareOfValue: ratio(marketingValue, wonValue),
      medianDaysMqlToCustomer: percentile(daysToCustomer, 0.5),
    },
    late,
    mqlCohort,
    mqlCohortOpportunities,
  };
}

function monthFigures(leads: readonly LeadFacts[], ctx: MonthContext): MonthFigures {
  const a = aggregate(leads, ctx);
  const s = ctx.settings;
  const target = monthlyMqlTarget(s, ctx.month.month, ctx.plannedMonthlyMql);
  const revenueTarget = s.plan.revenueGoal === null ? null : s.plan.revenueGoal / 12;
  const observed = a.mqlCohortOpportunities > 0;
  const rate = observed
    ? a.mqlCohortOpportunities / a.mqlCohort
    : s.plan.stageRates[2] * s.plan.stageRates[3];
  const impact = speedToLeadImpact(a.late, rate);
  return {
    month: monthKey(ctx.month),
    active: a.active,
    marketing: {
      ...a.marketing,
      mqlTarget: target,
      mqlAttainment: target === null ? null : a.marketing.mqlDelivered / target,
    },
    funnel: a.funnel,
    sales: a.sales,
    revenue: {
      ...a.revenue,
      revenueTarget,
      revenueAttainment: revenueTarget ? a.revenue.wonValue / revenueTarget : null,
    },
    speedToLead: {
      ...impact,
      rateSource: observed ? 'observed' : 'plan',
      valueAtRisk: impact.expectedLostOpportunities * s.plan.stageRates[4] * s.plan.averageDeal,
    },
  };
}

function groupRows(
  leads: readonly LeadFacts[],
  keyOf: (lead: LeadFacts) => string,
  ctx: MonthContext,
  costs: Map<string, number> | null,
): GroupRow[] {
  const groups = new Map<string, { key: string; leads: LeadFacts[] }>();
  const norms = new Map<string, string>();
  for (const lead of leads) {
    const display = keyOf(lead);
    let norm = norms.get(display);
    if (norm === undefined) {
      norm = normalizeText(display);
      norms.set(display, norm);
    }
    let g = groups.get(norm);
    if (!g) {
      g = { key: display || '(none)', leads: [] };
      groups.set(norm, g);
    }
    g.leads.push(lead);
  }
  const rows: GroupRow[] = [];
  for (const [norm, g] of groups) {
    const a = aggregate(g.leads, ctx);
    const cost = costs?.get(norm) ?? null;
    if (!a.active && cost === null) continue;
    rows.push({
      key: g.key,
      newLeads: a.marketing.newLeads,
      mqlDelivered: a.marketing.mqlDelivered,
      handedOff: a.marketing.handedOff,
      rejected: a.marketing.rejected,
      onTimeShare: a.sales.onTimeShare,
      medianHoursToContact: a.sales.medianHoursToContact,
      neverContacted: a.sales.neverContacted,
      won: a.revenue.won,
      wonValue: a.revenue.wonValue,
      cost,
      costPerLead: cost === null ? null : ratio(cost, a.marketing.newLeads),
      costPerCustomer: cost === null ? null : ratio(cost, a.revenue.won),
    });
  }
  return rows.sort(
    (x, y) => y.handedOff - x.handedOff || y.newLeads - x.newLeads || x.key.localeCompare(y.key),
  );
}

const TREND: ReadonlyArray<{ label: string; unit: Unit; get: (m: MonthFigures) => number | null }> =
  [
    { label: 'New leads', unit: 'count', get: (m) => m.marketing.newLeads },
    { label: 'MQL delivered', unit: 'count', get: (m) => m.marketing.mqlDelivered },
    { label: 'MQL vs target', unit: 'percent', get: (m) => m.marketing.mqlAttainment },
    { label: 'Hand-offs to sales', unit: 'count', get: (m) => m.marketing.handedOff },
    { label: 'Rejected by sales', unit: 'percent', get: (m) => m.marketing.rejectedShare },
    { label: 'Contacted within deadline', unit: 'percent', get: (m) => m.sales.onTimeShare },
    {
      label: 'Median time to first contact (business h)',
      unit: 'hours',
      get: (m) => m.sales.medianHoursToContact,
    },
    {
      label: '90th percentile time to first contact (business h)',
      unit: 'hours',
      get: (m) => m.sales.p90HoursToContact,
    },
    { label: 'Average attempts', unit: 'decimal', get: (m) => m.sales.averageAttempts },
    { label: 'Never contacted', unit: 'count', get: (m) => m.sales.neverContacted },
    { label: 'Recycled to marketing', unit: 'count', get: (m) => m.sales.recycled },
    { label: 'Deals won', unit: 'count', get: (m) => m.revenue.won },
    { label: 'Value won', unit: 'money', get: (m) => m.revenue.wonValue },
    {
      label: 'Marketing-sourced share of value won',
      unit: 'percent',
      get: (m) => m.revenue.marketingShareOfValue,
    },
    {
      label: 'Median days from MQL to customer',
      unit: 'days',
      get: (m) => m.revenue.medianDaysMqlToCustomer,
    },
    {
      label: 'Opportunities lost to late contact (estimate)',
      unit: 'decimal',
      get: (m) => m.speedToLead.expectedLostOpportunities,
    },
  ];

function trendRows(current: MonthFigures, earlier: readonly MonthFigures[]): TrendRow[] {
  const activeEarlier = earlier.filter((m) => m.active);
  return TREND.map((t) => {
    const values = activeEarlier.map(t.get).filter((v): v is number => v !== null);
    return {
      label: t.label,
      unit: t.unit,
      current: t.get(current),
      previous: earlier[0] ? t.get(earlier[0]) : null,
      average: values.length ? values.reduce((a, b) => a + b, 0) / values.length : null,
    };
  });
}

function pct(x: number): string {
  return `${Math.round(x * 100)} %`;
}

function scorecards(m: MonthFigures, settings: Settings): Review['scorecards'] {
  const t = REVIEW_THRESHOLDS;
  const deadline = settings.handoff.deadlineHours[settings.handoff.defaultPriority];
  const mk = m.marketing;
  const sa = m.sales;
  const rv = m.revenue;
  const median = sa.medianHoursToContact;
  return {
    marketing: [
      {
        label: 'MQL delivered',
        unit: 'count',
        actual: mk.mqlDelivered,
        target: mk.mqlTarget === null ? 'no target set' : `≥ ${mk.mqlTarget} MQL`,
        status: ragAtLeast(mk.mqlAttainment, t.mqlAttainment),
        note:
          mk.mqlAttainment === null
            ? 'Set a revenue goal or a monthly MQL target in the plan (sidebar, Plan)'
            : `${pct(mk.mqlAttainment)} of target (green ≥ ${pct(t.mqlAttainment.green)}, amber ≥ ${pct(t.mqlAttainment.amber)})`,
      },
      {
        label: 'New leads',
        unit: 'count',
        actual: mk.newLeads,
        target: '',
        status: 'none',
        note: 'Created in the month',
      },
      {
        label: 'Hand-offs to sales',
        unit: 'count',
        actual: mk.handedOff,
        target: '',
        status: 'none',
        note: 'Handed off in the month',
      },
      {
        label: 'Rejected by sales',
        unit: 'percent',
        actual: mk.rejectedShare,
        target: `≤ ${pct(t.rejectedShare.green)}`,
        status: ragAtMost(mk.rejectedShare, t.rejectedShare),
        note:
          mk.handedOff > 0
            ? `${mk.rejected} of ${mk.handedOff} hand-offs (amber ≤ ${pct(t.rejectedShare.amber)})`
            : 'no hand-offs',
      },
    ],
    sales: [
      {
        label: 'Contacted within deadline',
        unit: 'percent',
        actual: sa.onTimeShare,
        target: `≥ ${pct(t.onTimeShare.green)}`,
        status: ragAtLeast(sa.onTimeShare, t.onTimeShare),
        note:
          sa.measured > 0
            ? `${sa.onTime} of ${sa.measured} (amber ≥ ${pct(t.onTimeShare.amber)})${sa.pending ? `; ${sa.pending} still within deadline` : ''}`
            : sa.pending
              ? `${sa.pending} still within deadline`
              : 'no hand-offs',
      },
      {
        label: 'Median time to first contact (business h)',
        unit: 'hours',
        actual: median,
        target: `≤ ${deadline} h`,
        status: median === null ? 'none' : ragAtMost(median / deadline, t.medianToDeadline),
        note: `Against the ${settings.handoff.defaultPriority} deadline (amber ≤ ${deadline * t.medianToDeadline.amber} h)`,
      },
      {
        label: '90th percentile time to first contact (business h)',
        unit: 'hours',
        actual: sa.p90HoursToContact,
        target: '',
        status: 'none',
        note: '9 in 10 contacted leads were reached within this time',
      },
      {
        label: 'Average attempts',
        unit: 'decimal',
        actual: sa.averageAttempts,
        target: '',
        status: 'none',
        note: `Up to ${settings.handoff.maxAttempts} attempts before recycling`,
      },
      {
        label: 'Never contacted',
        unit: 'count',
        actual: sa.neverContacted,
        target: `≤ ${pct(t.neverContactedShare.green)} of hand-offs`,
        status: ragAtMost(sa.neverContactedShare, t.neverContactedShare),
        note: 'No first contact and the deadline has passed',
      },
      {
        label: 'Recycled to marketing',
        unit: 'count',
        actual: sa.recycled,
        target: '',
        status: 'none',
        note: 'Hand-offs of the month now at stage Recycled',
      },
    ],
    revenue: [
      {
        label: 'Deals won',
        unit: 'count',
        actual: rv.won,
        target: '',
        status: 'none',
        note: `${rv.marketingWon} marketing-sourced, ${rv.salesWon} sales-sourced`,
      },
      {
        label: 'Value won',
        unit: 'money',
        actual: rv.wonValue,
        target:
          rv.revenueTarget === null
            ? 'no goal set'
            : `≥ ${Math.round(rv.revenueTarget).toLocaleString('en-US')}`,
        status: ragAtLeast(rv.revenueAttainment, t.revenueAttainment),
        note:
          rv.revenueAttainment === null
            ? 'Set a revenue goal in the plan'
            : `${pct(rv.revenueAttainment)} of the monthly goal (revenue goal ÷ 12)`,
      },
      {
        label: 'Marketing-sourced share of value won',
        unit: 'percent',
        actual: rv.marketingShareOfValue,
        target: '',
        status: 'none',
        note: `Plan: ${pct(settings.plan.marketingShare)} from marketing`,
      },
      {
        label: 'Median days from MQL to customer',
        unit: 'days',
        actual: rv.medianDaysMqlToCustomer,
        target: '',
        status: 'none',
        note: 'Deals won in the month that have an MQL date',
      },
    ],
  };
}

/** Computes the whole review for one month. Never throws on cell content. */
export function computeReview(input: ReviewInput): Review {
  const { settings, clock, calendar, nowMs } = input;
  // Only leads with a date from the start of M−3 to the end of M can count anywhere.
  const window = {
    start: monthBounds(clock, addMonths(input.month, -3)).start,
    end: monthBounds(clock, input.month).end,
  };
  const { leads, quality } = readLeads(
    input.header,
    input.rows,
    clock,
    settings.handoff.defaultPriority,
    window,
  );
  const context = (m: ReviewMonth): MonthContext => {
    const b = monthBounds(clock, m);
    return {
      start: b.start,
      end: b.end,
      month: m,
      settings,
      calendar,
      nowMs,
      plannedMonthlyMql: input.plannedMonthlyMql ?? null,
      handoffs: [],
    };
  };
  const ctx = context(input.month);
  const current = monthFigures(leads, ctx);
  const earlier = [1, 2, 3].map((k) => monthFigures(leads, context(addMonths(input.month, -k))));

  const costs = new Map<string, number>();
  for (const [source, cost] of Object.entries(settings.plan.costPerSource)) {
    costs.set(normalizeText(source), cost);
  }

  const rejected: RejectedLead[] = [];
  for (const lead of leads) {
    if (!lead.rejected) continue;
    const at = lead.handedOffAt ?? lead.mqlAt ?? lead.createdAt;
    if (at === null || !inMonth(at, ctx)) continue;
    rejected.push({
      row: lead.index + 2,
      leadId: lead.identity?.leadId ?? '',
      name: lead.identity?.name ?? '',
      company: lead.identity?.company ?? '',
      source: lead.source,
      owner: lead.owner,
      referenceAt: at,
      reason: lead.rejectedReason,
    });
  }
  rejected.sort((a, b) => a.referenceAt - b.referenceAt || a.row - b.row);

  return {
    month: monthKey(input.month),
    label: monthLabel(input.month),
    timeZone: clock.zone,
    start: ctx.start,
    end: ctx.end,
    empty: !current.active,
    current,
    previous: earlier[0]!,
    earlier,
    scorecards: scorecards(current, settings),
    trend: trendRows(current, earlier),
    bySource: groupRows(leads, (l) => l.source, ctx, costs),
    byOwner: groupRows(leads, (l) => l.owner, ctx, null),
    rejected,
    quality,
  };
}
