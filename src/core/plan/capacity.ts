import { ceilCount, roundNearest } from '../common/numbers.ts';

export const REP_ROUNDINGS = ['none', 'up', 'nearest'] as const;
export type RepRounding = (typeof REP_ROUNDINGS)[number];

/** The weekly rate of a yearly total (not rounded). */
export function weekly(total: number, workingWeeks: number): number {
  return total / workingWeeks;
}

/** Reps needed = MQL per year ÷ working weeks ÷ MQL one rep can work per week. */
export function repsNeeded(
  mql: number,
  workingWeeks: number,
  mqlPerRepPerWeek: number,
  rounding: RepRounding = 'none',
): number {
  const reps = mql / workingWeeks / mqlPerRepPerWeek;
  if (rounding === 'up') return ceilCount(reps);
  if (rounding === 'nearest') return roundNearest(reps);
  return reps;
}
