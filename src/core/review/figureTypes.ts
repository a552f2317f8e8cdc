import type { Settings } from '../settings/index.ts';
import type { BusinessCalendar } from '../sla/calendar.ts';
import type { ZoneClock } from '../time/zone.ts';
import type { CountId, KeyedId, LeadMonth, SumId } from './counts.ts';
import type { LoggedAttempt, ReviewMonth } from './leadFacts.ts';
import type { LateContact, SpeedToLeadImpact } from './speedToLead.ts';

/** The shapes of one month's figures and of what computing them shares (values: figures.ts, tally.ts). */

export interface MarketingFigures {
  newLeads: number;
  mqlDelivered: number;
  mqlTarget: number | null;
  mqlAttainment: number | null;
  handedOff: number;
  rejected: number;
  rejectedShare: number | null;
  /** Hand-offs lacking a value the agreement requires, their share of hand-offs, by value lacking. */
  missingData: number;
  missingDataShare: number | null;
  missingByField: ReadonlyArray<readonly [string, number]>;
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
  /**
   * Hand-offs judged against their deadline: contacted at a known time, or not contacted once
   * it passed (on time + late + never). The base of the on-time and never-contacted shares.
   */
  measured: number;
  onTime: number;
  contactedLate: number;
  /** No contact recorded, deadline passed, not rejected or closed. */
  neverContacted: number;
  pending: number;
  /** Contacted per their status, with no contact time: not measured against the deadline. */
  untimed: number;
  /** Rejected or closed (lost, recycled, won) with no contact recorded: not waiting for one. */
  closed: number;
  onTimeShare: number | null;
  neverContactedShare: number | null;
  medianHoursToContact: number | null;
  p90HoursToContact: number | null;
  averageAttempts: number | null;
  recycled: number;
  /** Returned to marketing in the month (after its attempts, or with a reason), and agreed ones. */
  returned: number;
  returnedAgreed: number;
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
  /** The month's counts, as the one classification (classify.ts) made them. */
  count: Readonly<Record<CountId, number>>;
  /** Counts by name: required values lacking, logged attempts by channel. */
  keyed: Readonly<Record<KeyedId, ReadonlyMap<string, number>>>;
  sum: Readonly<Record<SumId, number>>;
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
  /** The agreed channel of a logged attempt (agreementFacts.ts `channelResolver`). */
  channelOf: (attempt: LoggedAttempt) => string;
}

/** A hand-off's outcome against its deadline. */
export interface HandoffFacts {
  /**
   * `untimed`: a status says contacted, no time recorded: left out of on-time and timings.
   * `closed`: rejected or closed with no contact recorded: not counted as never contacted.
   */
  outcome: 'onTime' | 'late' | 'never' | 'pending' | 'untimed' | 'closed';
  /** Business hours from the hand-off to the first contact; null when not contacted. */
  hours: number | null;
  /** For the speed-to-lead estimate: contacted late, or never once the deadline passed. */
  late: LateContact | null;
}

export interface MonthContext extends ReviewContext {
  month: ReviewMonth;
  start: number;
  end: number;
  /** Each lead's classification by lead index, made once for the month and its groups. */
  classes: Array<LeadMonth | null | undefined>;
}
