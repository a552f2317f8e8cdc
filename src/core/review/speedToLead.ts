/**
 * Speed-to-lead impact: an ESTIMATE of the opportunities lost because hand-offs were contacted
 * after their deadline. Pure.
 *
 * The response-time decay model is fitted to two public studies:
 *
 * 1. James B. Oldroyd, Kristina McElheran and David Elkington, "The Short Life of Online Sales
 *    Leads", Harvard Business Review, March 2011 (audit of 2,241 US companies' response to web
 *    leads): firms that tried to contact a lead within an hour were nearly 7 times as likely to
 *    qualify it as firms that tried an hour later, and more than 60 times as likely as firms that
 *    waited 24 hours or longer.
 * 2. The MIT / InsideSales.com Lead Response Management study (James B. Oldroyd, 2007): the odds
 *    of qualifying a lead fall about 21 times when the first call is made at 30 minutes instead
 *    of 5 minutes.
 *
 * Model: relative odds of qualifying a lead as a function of the REAL elapsed time from
 * hand-off to the first contact attempt, 1 at 5 minutes or less. log(odds) is piecewise linear
 * in log(minutes) through these anchor points:
 *
 * | minutes | relative odds | source |
 * |---|---|---|
 * | 5 | 1 | reference |
 * | 30 | 1/21 | MIT / InsideSales: 21× from 5 to 30 min |
 * | 60 | (1/21)^(ln 12 / ln 6) ≈ 1/68 | neither study: continues the 5→30 min slope |
 * | 120 | odds(60) / 7 | HBR: ~7× within an hour vs an hour later |
 * | 1,440 | odds(60) / 60 | HBR: ~60× within an hour vs 24 h or more |
 *
 * and flat after 24 hours (the HBR study groups everything from 24 hours on). A lead never
 * contacted is taken at the 24-hour floor.
 *
 * For a late lead, the share of its qualification chance lost is
 * `1 − odds(actual) / odds(deadline)`, where both times are real elapsed minutes from the
 * hand-off (so a lead handed off on Friday evening whose business-hour deadline falls on Monday
 * is compared with a Monday contact, not a 5-minute one). Expected opportunities lost =
 * Σ over late leads of that share × the month's MQL → opportunity rate.
 *
 * Limits (say them next to the figure): the studies measured inbound web leads in the US in
 * 2007–2011; the curve between their anchor points is an interpolation; a real team's curve
 * depends on its market. Treat the result as an order of magnitude, not an accounting figure.
 */

/** Anchor points: [minutes after hand-off, relative odds of qualifying]. */
export const SPEED_TO_LEAD_ANCHORS: ReadonlyArray<readonly [number, number]> = (() => {
  const at30 = 1 / 21;
  const slope = Math.log(21) / Math.log(6);
  const at60 = 12 ** -slope;
  return [
    [5, 1],
    [30, at30],
    [60, at60],
    [120, at60 / 7],
    [1440, at60 / 60],
  ];
})();

/** Relative odds of qualifying a lead first contacted `minutes` after hand-off (null = never). */
export function relativeOdds(minutes: number | null): number {
  const anchors = SPEED_TO_LEAD_ANCHORS;
  const last = anchors[anchors.length - 1]!;
  if (minutes === null || !Number.isFinite(minutes) || minutes >= last[0]) return last[1];
  const first = anchors[0]!;
  if (minutes <= first[0]) return first[1];
  for (let i = 1; i < anchors.length; i++) {
    const [t1, o1] = anchors[i]!;
    if (minutes <= t1) {
      const [t0, o0] = anchors[i - 1]!;
      const f = (Math.log(minutes) - Math.log(t0)) / (Math.log(t1) - Math.log(t0));
      return Math.exp(Math.log(o0) + f * (Math.log(o1) - Math.log(o0)));
    }
  }
  return last[1];
}

/**
 * Share of a lead's qualification chance lost by contacting it at `actualMinutes` instead of by
 * its deadline (`deadlineMinutes`, real minutes from hand-off). 0 when on time.
 */
export function lostShare(actualMinutes: number | null, deadlineMinutes: number): number {
  if (actualMinutes !== null && actualMinutes <= deadlineMinutes) return 0;
  const ratio = relativeOdds(actualMinutes) / relativeOdds(Math.max(0, deadlineMinutes));
  return Math.max(0, Math.min(1, 1 - ratio));
}

export interface LateContact {
  /** Real minutes from hand-off to first contact; null when never contacted. */
  actualMinutes: number | null;
  /** Real minutes from hand-off to the deadline. */
  deadlineMinutes: number;
}

export interface SpeedToLeadImpact {
  /** Leads contacted after their deadline, or never contacted once it passed. */
  lateLeads: number;
  /** Average share of qualification chance lost per late lead (0..1); null when none. */
  averageLostShare: number | null;
  /** The MQL → opportunity rate used. */
  mqlToOpportunityRate: number;
  /** Σ lost share × rate: an estimate, not a count. */
  expectedLostOpportunities: number;
}

export function speedToLeadImpact(
  late: readonly LateContact[],
  mqlToOpportunityRate: number,
): SpeedToLeadImpact {
  let sum = 0;
  for (const l of late) sum += lostShare(l.actualMinutes, l.deadlineMinutes);
  const rate = Number.isFinite(mqlToOpportunityRate) ? Math.max(0, mqlToOpportunityRate) : 0;
  return {
    lateLeads: late.length,
    averageLostShare: late.length ? sum / late.length : null,
    mqlToOpportunityRate: rate,
    expectedLostOpportunities: sum * rate,
  };
}
