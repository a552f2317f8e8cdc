import { ceilCount } from '../common/numbers.ts';

export const FUNNEL_STAGES = [
  'Contacts',
  'Leads',
  'MQL',
  'SQL',
  'Opportunities',
  'Customers',
] as const;
export type FunnelStage = (typeof FUNNEL_STAGES)[number];

/** Customers to sign: revenue goal × marketing share ÷ average deal, rounded up. */
export function customersNeeded(
  revenueGoal: number,
  averageDeal: number,
  marketingShare = 1,
): number {
  return ceilCount((revenueGoal * marketingShare) / averageDeal);
}

/**
 * Runs the plan backwards from customers: each earlier stage = next stage ÷ its conversion
 * rate, rounded up at the end of each stage. `rates` go from the earliest step to the last
 * (e.g. contact→lead … opportunity→customer). Returns counts from the earliest stage to customers.
 */
export function backwardsFunnel(customers: number, rates: readonly number[]): number[] {
  const counts = new Array<number>(rates.length + 1);
  counts[rates.length] = customers;
  for (let i = rates.length - 1; i >= 0; i--) counts[i] = ceilCount(counts[i + 1]! / rates[i]!);
  return counts;
}

/** Contacts, leads, MQL, SQL, opportunities and customers for five stage rates. */
export function funnel(
  revenueGoal: number,
  averageDeal: number,
  rates: readonly [number, number, number, number, number],
  marketingShare = 1,
): Record<FunnelStage, number> {
  const counts = backwardsFunnel(customersNeeded(revenueGoal, averageDeal, marketingShare), rates);
  return Object.fromEntries(FUNNEL_STAGES.map((s, i) => [s, counts[i]!])) as Record<
    FunnelStage,
    number
  >;
}

/** MQL needed from MQL→SQL, SQL→opportunity and opportunity→customer rates. */
export function mqlNeeded(
  revenueGoal: number,
  averageDeal: number,
  rates: readonly [number, number, number],
  marketingShare = 1,
): number {
  return backwardsFunnel(customersNeeded(revenueGoal, averageDeal, marketingShare), rates)[0]!;
}

/** HubSpot's "4 metrics" lead goal: goal × marketing share ÷ average price ÷ lead-to-customer rate. */
export function leadsGoal(
  revenueGoal: number,
  marketingShare: number,
  averagePrice: number,
  closeRate: number,
): number {
  return ceilCount((revenueGoal * marketingShare) / averagePrice / closeRate);
}
