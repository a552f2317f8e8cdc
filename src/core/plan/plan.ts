import { ceilCount } from '../common/numbers.ts';
import { plural } from '../common/plural.ts';
import type { PlanSettings } from '../settings/index.ts';
import { mqlNeeded } from './funnel.ts';

/** Yearly MQL the plan asks for, backwards from the revenue goal; null without a goal. */
export function planMqlFromRevenue(p: PlanSettings): number | null {
  if (p.revenueGoal === null) return null;
  const r = p.stageRates;
  return mqlNeeded(p.revenueGoal, p.averageDeal, [r[2], r[3], r[4]], p.marketingShare);
}

/** Yearly MQL of the plan: the monthly target × 12 when set, else backwards from revenue. */
export function planYearlyMql(p: PlanSettings): number | null {
  return p.monthlyMqlTarget !== null ? ceilCount(p.monthlyMqlTarget * 12) : planMqlFromRevenue(p);
}

export interface CapacityEstimate {
  /** Reps counted: distinct owners in Leads, or the reps the plan calls for (rounded up). */
  reps: number;
  source: 'owners' | 'plan' | 'none';
  mqlPerRepPerWeek: number;
  /** MQL the reps can work in one week. */
  perWeek: number;
  /** Yearly MQL of the plan (null when the plan has no revenue goal nor monthly target). */
  planMql: number | null;
  planMqlPerWeek: number | null;
  explanation: string;
}

/** What the sales team can take a week: its owners in Leads, or else the reps the plan needs. */
export function estimateCapacity(p: PlanSettings, ownerCount: number): CapacityEstimate {
  const planMql = planYearlyMql(p);
  const planMqlPerWeek = planMql === null ? null : planMql / p.workingWeeks;
  const perRep = p.mqlPerRepPerWeek;
  const base = { mqlPerRepPerWeek: perRep, planMql, planMqlPerWeek };
  if (ownerCount > 0) {
    return {
      ...base,
      reps: ownerCount,
      source: 'owners',
      perWeek: ownerCount * perRep,
      explanation: `${plural(ownerCount, 'rep')} (distinct Owners in Leads) × ${perRep} MQL per rep per week`,
    };
  }
  if (planMqlPerWeek !== null) {
    const needed = Math.max(1, ceilCount(planMqlPerWeek / perRep));
    return {
      ...base,
      reps: needed,
      source: 'plan',
      perWeek: needed * perRep,
      explanation: `${plural(needed, 'rep')} from the plan (${planMql} MQL a year ÷ ${p.workingWeeks} weeks ÷ ${perRep} per rep, rounded up): no Owner in Leads yet`,
    };
  }
  return {
    ...base,
    reps: 0,
    source: 'none',
    perWeek: 0,
    explanation: 'No Owner in Leads and no revenue goal in the plan: capacity unknown',
  };
}
