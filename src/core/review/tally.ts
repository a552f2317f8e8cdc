import { classifyLead, inMonth } from './classify.ts';
import {
  COUNTS,
  type CountId,
  KEYED,
  type KeyedId,
  type LeadMonth,
  SAMPLES,
  type SampleId,
  SUMS,
  type SumId,
} from './counts.ts';
import type {
  FunnelFigures,
  MarketingFigures,
  MonthContext,
  RevenueFigures,
  SalesFigures,
} from './figureTypes.ts';
import type { LeadFacts } from './leadFacts.ts';
import type { LateContact } from './speedToLead.ts';

/**
 * Adds up the one classification (classify.ts) of some leads in one month: the whole sheet for
 * the month's figures, one source's or owner's leads for its row. Nothing here looks at a lead:
 * a breakdown's rows add up to the month's figure by construction. Definitions: review.ts.
 */

export { inMonth };

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

/** a ÷ b; null when b is not positive. */
export function ratio(a: number, b: number): number | null {
  return b > 0 ? a / b : null;
}

/** Counts by name (counts.ts KEYED), in the order the names were first counted. */
export type KeyedCounts = Readonly<Record<KeyedId, ReadonlyMap<string, number>>>;

/** The sums of some leads' classifications. */
export interface Tally {
  count: Record<CountId, number>;
  keyed: Record<KeyedId, Map<string, number>>;
  sum: Record<SumId, number>;
  /** Each sample's values, sorted. */
  samples: Record<SampleId, number[]>;
  late: LateContact[];
}

function emptyTally(): Tally {
  const zeros = <K extends string>(keys: readonly K[]) =>
    Object.fromEntries(keys.map((k) => [k, 0])) as Record<K, number>;
  return {
    count: zeros(COUNTS),
    keyed: Object.fromEntries(KEYED.map((k) => [k, new Map()])) as Tally['keyed'],
    sum: zeros(SUMS),
    samples: Object.fromEntries(SAMPLES.map((k) => [k, []])) as unknown as Tally['samples'],
    late: [],
  };
}

function add(t: Tally, c: LeadMonth): void {
  for (const id of c.counts) t.count[id]++;
  if (c.keyed) {
    for (const id of KEYED) {
      const names = c.keyed[id];
      if (!names) continue;
      const counts = t.keyed[id];
      for (const name of names) counts.set(name, (counts.get(name) ?? 0) + 1);
    }
  }
  for (const id of SUMS) t.sum[id] += c.sums[id] ?? 0;
  for (const id of SAMPLES) {
    const v = c.samples[id];
    if (v !== undefined) t.samples[id].push(v);
  }
  if (c.late) t.late.push(c.late);
}

/** The tally of `leads` in the context's month (each lead classified once per month). */
export function tallyLeads(leads: readonly LeadFacts[], ctx: MonthContext): Tally {
  const t = emptyTally();
  for (const lead of leads) {
    const c = classifyLead(lead, ctx);
    if (c) add(t, c);
  }
  for (const id of SAMPLES) t.samples[id].sort((a, b) => a - b);
  return t;
}

/** A month's figures before its targets and the speed-to-lead estimate. */
export interface Aggregate {
  active: boolean;
  count: Readonly<Record<CountId, number>>;
  keyed: KeyedCounts;
  sum: Readonly<Record<SumId, number>>;
  marketing: MarketingFigures;
  funnel: FunnelFigures;
  sales: SalesFigures;
  revenue: Omit<RevenueFigures, 'revenueTarget' | 'revenueAttainment'>;
  late: LateContact[];
  mqlOpportunities: number;
}

function salesFigures(t: Tally): SalesFigures {
  const c = t.count;
  const measured = c.onTime + c.late + c.never;
  return {
    handedOff: c.handedOff,
    measured,
    onTime: c.onTime,
    contactedLate: c.late,
    neverContacted: c.never,
    pending: c.pending,
    untimed: c.untimed,
    closed: c.closed,
    onTimeShare: ratio(c.onTime, measured),
    neverContactedShare: ratio(c.never, measured),
    medianHoursToContact: percentile(t.samples.hoursToContact, 0.5),
    p90HoursToContact: percentile(t.samples.hoursToContact, 0.9),
    averageAttempts: ratio(t.sum.attempts, c.attemptsRead),
    recycled: c.recycled,
    returned: c.returned,
    returnedAgreed: c.returnedAgreed,
  };
}

/** Names by count, most first (ties in the order first counted). */
export function byCount(counts: ReadonlyMap<string, number>): Array<[string, number]> {
  return [...counts].sort((a, b) => b[1] - a[1]);
}

function revenueFigures(t: Tally): Aggregate['revenue'] {
  const c = t.count;
  const s = t.sum;
  return {
    won: c.won,
    wonValue: s.wonValue,
    marketingWon: c.marketingWon,
    salesWon: c.won - c.marketingWon,
    marketingValue: s.marketingValue,
    salesValue: s.wonValue - s.marketingValue,
    marketingShareOfDeals: ratio(c.marketingWon, c.won),
    marketingShareOfValue: ratio(s.marketingValue, s.wonValue),
    medianDaysMqlToCustomer: percentile(t.samples.daysMqlToCustomer, 0.5),
  };
}

/** The figures of `leads` in the context's month. */
export function aggregate(leads: readonly LeadFacts[], ctx: MonthContext): Aggregate {
  const t = tallyLeads(leads, ctx);
  const c = t.count;
  return {
    active: c.created + c.mql + c.handedOff + c.won > 0,
    count: t.count,
    keyed: t.keyed,
    sum: t.sum,
    marketing: {
      newLeads: c.created,
      mqlDelivered: c.mql,
      mqlTarget: null,
      mqlAttainment: null,
      handedOff: c.handedOff,
      rejected: c.rejected,
      rejectedShare: ratio(c.rejected, c.handedOff),
      missingData: c.missingData,
      missingDataShare: ratio(c.missingData, c.handedOff),
      missingByField: byCount(t.keyed.missingField),
    },
    funnel: {
      leads: c.created,
      mql: c.reachedMql,
      sql: c.reachedSql,
      opportunities: c.reachedOpportunity,
      customers: c.reachedCustomer,
    },
    sales: salesFigures(t),
    revenue: revenueFigures(t),
    late: t.late,
    mqlOpportunities: c.mqlToOpportunity,
  };
}
