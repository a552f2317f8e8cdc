import { planMqlFromRevenue } from '../plan/plan.ts';
import { spread } from '../plan/spread.ts';
import type { Settings } from '../settings/index.ts';
import type { BusinessCalendar } from '../sla/calendar.ts';
import type { ZoneClock } from '../time/zone.ts';
import { type LeadFacts, monthBounds, monthKey, type ReviewMonth } from './leadFacts.ts';
import { type LateContact, type SpeedToLeadImpact, speedToLeadImpact } from './speedToLead.ts';
import { type Aggregate, aggregate } from './tally.ts';

/**
 * One month's figures: what they are, the month's context, and the figures completed with the
 * targets and the speed-to-lead estimate. The counting itself is reviewTally.ts (one pass over
 * the leads read once by reviewData.ts). Definitions: review.ts.
 */

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
  /** Contacted per their status, with no contact time: not measured against the deadline. */
  untimed: number;
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

/** What every month of one review shares. */
export interface ReviewContext {
  settings: Settings;
  /** The spreadsheet's zone: month boundaries. */
  clock: ZoneClock;
  /** The business calendar: deadlines and business hours. */
  calendar: BusinessCalendar;
  /** Now, to tell pending hand-offs from missed ones. */
  nowMs: number;
  /** The Planning sheet's monthly MQL targets (January first), when it has them. */
  plannedMonthlyMql: readonly number[] | null;
}

/** A hand-off's outcome against its deadline. */
export interface HandoffFacts {
  /** `untimed`: a status says contacted, no time recorded: left out of on-time and timings. */
  outcome: 'onTime' | 'late' | 'never' | 'pending' | 'untimed';
  /** Business hours from the hand-off to the first contact; null when not contacted. */
  hours: number | null;
  /** For the speed-to-lead estimate: contacted late, or never once the deadline passed. */
  late: LateContact | null;
}

export interface MonthContext extends ReviewContext {
  month: ReviewMonth;
  start: number;
  end: number;
  /** Each hand-off's facts by lead index, computed once for the month and its groups. */
  handoffs: Array<HandoffFacts | undefined>;
}

export function monthContext(shared: ReviewContext, month: ReviewMonth): MonthContext {
  const { start, end } = monthBounds(shared.clock, month);
  const { settings, clock, calendar, nowMs, plannedMonthlyMql } = shared;
  return { settings, clock, calendar, nowMs, plannedMonthlyMql, month, start, end, handoffs: [] };
}

const EQUAL_MONTHS: readonly number[] = Array.from({ length: 12 }, () => 1);

/** The month's MQL target (see the definitions in review.ts); null without a target. */
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

function speedToLeadFigures(a: Aggregate, settings: Settings): SpeedToLeadFigures {
  const plan = settings.plan;
  const observed = a.mqlOpportunities > 0;
  const rate = observed
    ? a.mqlOpportunities / a.marketing.mqlDelivered
    : plan.stageRates[2] * plan.stageRates[3];
  const impact = speedToLeadImpact(a.late, rate);
  return {
    ...impact,
    rateSource: observed ? 'observed' : 'plan',
    valueAtRisk: impact.expectedLostOpportunities * plan.stageRates[4] * plan.averageDeal,
  };
}

/** Every figure of the context's month, targets and speed to lead included. */
export function monthFigures(leads: readonly LeadFacts[], ctx: MonthContext): MonthFigures {
  const a = aggregate(leads, ctx);
  const s = ctx.settings;
  const target = monthlyMqlTarget(s, ctx.month.month, ctx.plannedMonthlyMql);
  const revenueTarget = s.plan.revenueGoal === null ? null : s.plan.revenueGoal / 12;
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
    speedToLead: speedToLeadFigures(a, s),
  };
}
