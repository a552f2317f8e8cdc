import { addBusinessHours, businessHoursBetween } from '../sla/calendar.ts';
import { DAY_MS, MINUTE_MS } from '../time/zone.ts';
import type {
  FunnelFigures,
  HandoffFacts,
  MarketingFigures,
  MonthContext,
  RevenueFigures,
  SalesFigures,
} from './figureTypes.ts';
import { isSalesSourced, type LeadFacts } from './leadFacts.ts';
import type { LateContact } from './speedToLead.ts';

/**
 * The one pass that counts some leads' figures in one month: the whole sheet for the month's
 * figures, one source's or owner's leads for its row. Definitions: review.ts.
 */

export function inMonth(ms: number | null, ctx: MonthContext): boolean {
  return ms !== null && ms >= ctx.start && ms < ctx.end;
}

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

function handoffFacts(lead: LeadFacts, handedOffAt: number, ctx: MonthContext): HandoffFacts {
  const cached = ctx.handoffs[lead.index];
  if (cached) return cached;
  const hours = ctx.settings.handoff.deadlineHours[lead.priority];
  const deadline = addBusinessHours(ctx.calendar, handedOffAt, hours);
  const deadlineMinutes = (deadline - handedOffAt) / MINUTE_MS;
  let facts: HandoffFacts;
  const contact = lead.firstContactAt;
  const onTime = lead.contactOnTime ?? (contact !== null ? contact <= deadline : null);
  if (onTime !== null) {
    const h =
      contact === null
        ? null
        : contact <= handedOffAt
          ? 0
          : businessHoursBetween(ctx.calendar, handedOffAt, contact);
    const actualMinutes =
      contact === null ? null : Math.max(0, (contact - handedOffAt) / MINUTE_MS);
    facts = {
      outcome: onTime ? 'onTime' : 'late',
      hours: h,
      late: onTime ? null : { actualMinutes, deadlineMinutes },
    };
  } else if (lead.contactedUntimed) {
    facts = { outcome: 'untimed', hours: null, late: null };
  } else if (ctx.nowMs <= deadline) {
    facts = { outcome: 'pending', hours: null, late: null };
  } else {
    facts = { outcome: 'never', hours: null, late: { actualMinutes: null, deadlineMinutes } };
  }
  ctx.handoffs[lead.index] = facts;
  return facts;
}

/** Running counts of one pass over some leads in one month. */
interface Tally {
  newLeads: number;
  mqlDelivered: number;
  /** Of the month's MQL, those that reached opportunity (the observed MQL→opportunity rate). */
  mqlOpportunities: number;
  funnel: FunnelFigures;
  handedOff: number;
  rejected: number;
  recycled: number;
  outcomes: Record<HandoffFacts['outcome'], number>;
  hours: number[];
  attemptsSum: number;
  attemptsCount: number;
  late: LateContact[];
  won: number;
  wonValue: number;
  marketingWon: number;
  marketingValue: number;
  daysToCustomer: number[];
}

function emptyTally(): Tally {
  return {
    newLeads: 0,
    mqlDelivered: 0,
    mqlOpportunities: 0,
    funnel: { leads: 0, mql: 0, sql: 0, opportunities: 0, customers: 0 },
    handedOff: 0,
    rejected: 0,
    recycled: 0,
    outcomes: { onTime: 0, late: 0, never: 0, pending: 0, untimed: 0 },
    hours: [],
    attemptsSum: 0,
    attemptsCount: 0,
    late: [],
    won: 0,
    wonValue: 0,
    marketingWon: 0,
    marketingValue: 0,
    daysToCustomer: [],
  };
}

function countCreated(t: Tally, lead: LeadFacts): void {
  t.newLeads++;
  const f = t.funnel;
  f.leads++;
  if (lead.rank >= 1) f.mql++;
  if (lead.rank >= 2) f.sql++;
  if (lead.rank >= 3) f.opportunities++;
  if (lead.rank >= 4) f.customers++;
}

function countMql(t: Tally, lead: LeadFacts): void {
  t.mqlDelivered++;
  if (lead.rank >= 3) t.mqlOpportunities++;
}

function countHandoff(t: Tally, lead: LeadFacts, handedOffAt: number, ctx: MonthContext): void {
  t.handedOff++;
  if (lead.rejected) t.rejected++;
  if (lead.stage === 'Recycled') t.recycled++;
  if (lead.attempts !== null) {
    t.attemptsSum += lead.attempts;
    t.attemptsCount++;
  }
  const f = handoffFacts(lead, handedOffAt, ctx);
  t.outcomes[f.outcome]++;
  if (f.hours !== null) t.hours.push(f.hours);
  if (f.late) t.late.push(f.late);
}

function countWon(t: Tally, lead: LeadFacts, wonAt: number): void {
  t.won++;
  const value = lead.dealValue ?? 0;
  t.wonValue += value;
  if (!isSalesSourced(lead.source)) {
    t.marketingWon++;
    t.marketingValue += value;
  }
  if (lead.mqlAt !== null) t.daysToCustomer.push(Math.max(0, (wonAt - lead.mqlAt) / DAY_MS));
}

function tally(leads: readonly LeadFacts[], ctx: MonthContext): Tally {
  const t = emptyTally();
  for (const lead of leads) {
    if (inMonth(lead.createdAt, ctx)) countCreated(t, lead);
    if (inMonth(lead.mqlAt, ctx)) countMql(t, lead);
    const handedOffAt = lead.handedOffAt;
    if (handedOffAt !== null && inMonth(handedOffAt, ctx)) countHandoff(t, lead, handedOffAt, ctx);
    const wonAt = lead.wonAt;
    if (wonAt !== null && inMonth(wonAt, ctx)) countWon(t, lead, wonAt);
  }
  t.hours.sort((a, b) => a - b);
  t.daysToCustomer.sort((a, b) => a - b);
  return t;
}

/** A month's figures before its targets and the speed-to-lead estimate. */
export interface Aggregate {
  active: boolean;
  marketing: MarketingFigures;
  funnel: FunnelFigures;
  sales: SalesFigures;
  revenue: Omit<RevenueFigures, 'revenueTarget' | 'revenueAttainment'>;
  late: LateContact[];
  mqlOpportunities: number;
}

function salesFigures(t: Tally): SalesFigures {
  const { onTime, late, never, pending, untimed } = t.outcomes;
  const measured = t.handedOff - pending - untimed;
  return {
    handedOff: t.handedOff,
    measured,
    onTime,
    contactedLate: late,
    neverContacted: never,
    pending,
    untimed,
    onTimeShare: ratio(onTime, measured),
    neverContactedShare: ratio(never, measured),
    medianHoursToContact: percentile(t.hours, 0.5),
    p90HoursToContact: percentile(t.hours, 0.9),
    averageAttempts: t.attemptsCount ? t.attemptsSum / t.attemptsCount : null,
    recycled: t.recycled,
  };
}

function revenueFigures(t: Tally): Aggregate['revenue'] {
  return {
    won: t.won,
    wonValue: t.wonValue,
    marketingWon: t.marketingWon,
    salesWon: t.won - t.marketingWon,
    marketingValue: t.marketingValue,
    salesValue: t.wonValue - t.marketingValue,
    marketingShareOfDeals: ratio(t.marketingWon, t.won),
    marketingShareOfValue: ratio(t.marketingValue, t.wonValue),
    medianDaysMqlToCustomer: percentile(t.daysToCustomer, 0.5),
  };
}

/** The figures of `leads` in the context's month (one pass). */
export function aggregate(leads: readonly LeadFacts[], ctx: MonthContext): Aggregate {
  const t = tally(leads, ctx);
  return {
    active: t.newLeads + t.mqlDelivered + t.handedOff + t.won > 0,
    marketing: {
      newLeads: t.newLeads,
      mqlDelivered: t.mqlDelivered,
      mqlTarget: null,
      mqlAttainment: null,
      handedOff: t.handedOff,
      rejected: t.rejected,
      rejectedShare: ratio(t.rejected, t.handedOff),
    },
    funnel: t.funnel,
    sales: salesFigures(t),
    revenue: revenueFigures(t),
    late: t.late,
    mqlOpportunities: t.mqlOpportunities,
  };
}
