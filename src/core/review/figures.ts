import { planMqlFromRevenue } from '../plan/plan.ts';
import { spread } from '../plan/spread.ts';
import type { Settings } from '../settings/index.ts';
import type {
  MonthContext,
  MonthFigures,
  ReviewContext,
  SpeedToLeadFigures,
} from './figureTypes.ts';
import { type LeadFacts, monthBounds, monthKey, type ReviewMonth } from './leadFacts.ts';
import { speedToLeadImpact } from './speedToLead.ts';
import { type Aggregate, aggregate } from './tally.ts';

/**
 * One month's figures: what they are, the month's context, and the figures completed with the
 * targets and the speed-to-lead estimate. The counting itself is tally.ts over the one
 * classification of classify.ts. Definitions: review.ts.
 */

export function monthContext(shared: ReviewContext, month: ReviewMonth): MonthContext {
  const { start, end } = monthBounds(shared.clock, month);
  return { ...shared, month, start, end, classes: [] };
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
    count: a.count,
    keyed: a.keyed,
    sum: a.sum,
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
