import type { ActivityLog } from '../read/activityLog.ts';
import type { LocaleOrder } from '../read/dateOrder.ts';
import type { Settings } from '../settings/index.ts';
import { joinActivities } from '../sla/activityJoin.ts';
import type { BusinessCalendar } from '../sla/calendar.ts';
import { leadAgreement } from '../sla/leadAgreement.ts';
import { readLeadTable, slaContext } from '../sla/leadCheck.ts';
import { contactVerdict } from '../sla/status.ts';
import { toWall, type ZoneClock } from '../time/zone.ts';
import {
  attemptsByChannel,
  type ChannelCount,
  channelResolver,
  leadExtras,
} from './agreementFacts.ts';
import { monthContext, monthFigures } from './figures.ts';
import type { MonthFigures, ReviewContext } from './figureTypes.ts';
import { byOwner, bySource, type GroupRow, type OwnerEscalations } from './groups.ts';
import {
  addMonths,
  type DataQuality,
  monthBounds,
  monthKey,
  monthLabel,
  type ReviewMonth,
  reviewLeads,
} from './leadFacts.ts';
import { type MonthCount, monthsWithLeads } from './months.ts';
import { type RejectedLead, type ReturnedRow, rejectedLeads, returnedLeads } from './rejected.ts';
import {
  type HeadlineRow,
  headlineRows,
  type JudgedMonth,
  type NoData,
  noDataReasons,
  type Scorecards,
  scorecards,
  type TrendRow,
  trendRows,
} from './scorecards.ts';

/**
 * Monthly review KPIs. Pure: the Leads rows, the settings and the month in; plain figures out.
 * The pieces: leadFacts.ts (months, each lead read once), classify.ts (THE ONE CLASSIFICATION of
 * each lead for the month), tally.ts (adds it up), figures.ts (a month's figures), groups.ts (by
 * source, by owner), kpis.ts (the KPI table), scorecards.ts (kpiValue, the scorecards, the
 * headline and the trend, derived from it), rejected.ts (the rejected and returned leads),
 * agreementFacts.ts (each lead's facts under the agreement and the activity log).
 *
 * Definitions (one calendar month M in the spreadsheet's time zone, [1st 00:00, next 1st 00:00)):
 * - Every row is read as the lead check reads it (leadRecords.ts: field map, value map, date
 *   orders). New leads: `Created at` in M. MQL delivered: `MQL at` in M. Hand-offs: the SLA
 *   clock's start in M (the sheet's clock column: `Handed off at`, else `MQL at`, else
 *   `Created at`, or the one the settings name).
 * - Monthly MQL target: `plan.monthlyMqlTarget` when set; else the Planning sheet's monthly
 *   `MQL target` row (the annual MQL spread by its seasonality weights); otherwise the plan's annual MQL
 *   (mqlNeeded from the revenue goal, average deal, MQL→SQL, SQL→opportunity and
 *   opportunity→customer rates, marketing share) spread over 12 EQUAL months with
 *   largest-remainder rounding (the odd units go to the earliest months). No revenue goal → no
 *   target.
 * - Rejected by sales: hand-offs of M whose Stage is `Rejected` or that have a `Rejected reason`;
 *   share = rejected ÷ hand-offs of M.
 * - Funnel (conversion): the COHORT of leads created in M, counted by the furthest stage each has
 *   reached so far ON EVIDENCE: the stage's own date (`MQL at` means MQL, a `Handed off at` date
 *   means SQL, `Won at` customer) or a Stage at it or later. Lost, Rejected and Recycled prove no
 *   stage of their own; the clock start proves none when it is the creation date. So the funnel
 *   never grows. Recent cohorts are immature: their later stages keep growing.
 * - Sales: for each hand-off of M, deadline = addBusinessHours(handed off, deadlineHours[priority])
 *   (blank or unknown priority = the default priority). On time = first contact at or before
 *   the deadline, as the SLA engine judges it (sla/status.ts contactVerdict). Each hand-off has
 *   one outcome: on time, late, never (no contact recorded, deadline passed, neither rejected nor
 *   closed), pending (deadline ahead), untimed (a contact recorded with no time: never on time),
 *   closed (rejected or closed with no contact). Judged = on time + late + never: the base of
 *   the on-time share and of the never-contacted share. Time to first contact = business hours from hand-off to
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
 *   matched case- and accent-insensitively), with the 90th percentile of business hours to first
 *   contact; by owner also the leads escalated to the manager in M and, of those, the ones
 *   escalated because the owner was away (to reassign), as the notices counted them when they
 *   were sent (core/notices/notices.ts; an e-mail that was not sent is not counted); cost per lead = `plan.costPerSource[source]` ÷ new
 *   leads of M from it, cost per customer = that cost ÷ its deals won in M.
 * - Trend: each headline figure for M, M−1, and the average of M−1..M−3 over the months that
 *   had any activity (a lead created, MQL, hand-off or deal won in it).
 * - Speed to lead: see speedToLead.ts. The MQL→opportunity rate is the month's MQL cohort's
 *   (share of `MQL at` in M that reached opportunity) when that cohort has at least one
 *   opportunity; otherwise the plan's MQL→SQL × SQL→opportunity.
 * - Rejected leads listed: rejected leads whose hand-off (else MQL, else creation) is in M.
 * - Hand-offs missing required data: hand-offs of M whose row leaves blank a value the agreement
 *   requires (`settings.agreement.requiredFields`, of every lead, at MQL, at hand-off: the lead
 *   check's own rule, sla/leadAgreement.ts), by value lacking; share = ÷ hand-offs of M. No data
 *   when the agreement requires no value the sheet has a column for.
 * - Returned to marketing: a lead given back after its attempts with no answer (status Recycle,
 *   or Stage Recycled) or with a reason (Stage Recycled), with the nurture track of its reason
 *   (sla/returnPath.ts); in M when its last attempt (`Last attempt at`, else the activity log's
 *   latest attempt; not before its clock start) is in M, else when its clock start is. Each
 *   return counts in one month only. Listed like the rejected leads.
 * - Attempts by channel (only when an activity log is read): the log's done activities in M
 *   counted as a lead's attempts (the join the check uses: matched to a lead, at or after its clock
 *   start, or up to a day before), by the agreed channel their type (else their kind) is
 *   (sla/returnPath.ts `channelOf`); other types are Other, blank ones "No type in the log".
 * - Unreadable values are counted over the whole sheet, as the lead check counts them.
 * - A lead a status says was contacted, with no contact time, is left out of the on-time share
 *   and the timings (`untimed`), never counted on time.
 * - A figure whose column the sheet lacks (kpis.ts `needs`) is "no data (no X column)",
 *   without a verdict.
 */

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
  /** The team saved its own settings: targets are theirs and judged (else the sample's). */
  agreed: boolean;
  /** The figures the review opens with: verdict and change from last month. */
  headline: HeadlineRow[];
  scorecards: Scorecards;
  trend: TrendRow[];
  bySource: GroupRow[];
  byOwner: GroupRow[];
  rejected: RejectedLead[];
  /** The month's returns to marketing, with their reason and nurture track. */
  returned: ReturnedRow[];
  /** The month's logged attempts by agreed channel; null when no activity log is read. */
  byChannel: ChannelCount[] | null;
  quality: DataQuality;
  /** The KPIs without a figure, and why (scorecards.ts `noDataReasons`): in every view. */
  noData: NoData;
  /** When the month has no lead: the months that have some (oldest first), to ask for one. */
  monthsWithLeads: MonthCount[];
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
  /** The order of ambiguous numeric text dates when a column does not prove one (the locale's). */
  localeOrder: LocaleOrder;
  /** The Planning sheet's monthly MQL targets (January first), when it has them. */
  plannedMonthlyMql?: readonly number[] | null;
  /** The month's escalations and reassignments by owner, as the notices counted them. */
  escalations?: OwnerEscalations;
  /** The activity log, when the spreadsheet has one: first contacts as the check reads them. */
  activities?: ActivityLog | null;
}

/**
 * The leads of the window as the lead check reads and judges them (field map, value map, clock
 * column, date orders; the same first-contact engine, activity log and agreement), with the
 * sheet's data quality. `logRead`: an activity log was read.
 */
function readReviewLeads(input: ReviewInput, window: { start: number; end: number }) {
  const { settings, clock } = input;
  const read = readLeadTable(input.header, input.rows, {
    settings,
    clock,
    nowMs: input.nowMs,
    localeOrder: input.localeOrder,
  });
  const sla = slaContext({ settings, clock, calendar: input.calendar, nowMs: input.nowMs }, read);
  const join = input.activities
    ? joinActivities(input.activities, read.records, settings.handoff.firstContact)
    : null;
  if (join) sla.logged = join.logged;
  const agreement = leadAgreement(settings, input.header, read.fields.columns);
  const extras = leadExtras({
    agreement,
    rows: input.rows,
    maxAttempts: settings.handoff.maxAttempts,
    join,
  });
  const result = reviewLeads(read, window, (record) => contactVerdict(record, sla), extras);
  const quality = result.quality;
  // an activity log gives first-contact times the leads sheet may not have
  if (input.activities?.activities.length)
    quality.missing = quality.missing.filter((m) => m !== 'contactTime');
  if (agreement.required.columns.length === 0) quality.missing.push('requiredFields');
  return { read, leads: result.leads, quality, logRead: join !== null };
}

/** Computes the whole review for one month. Never throws on cell content. */
export function computeReview(input: ReviewInput): Review {
  const { settings, clock } = input;
  // Only leads with a date from the start of M−3 to the end of M can count anywhere.
  const window = {
    start: monthBounds(clock, addMonths(input.month, -3)).start,
    end: monthBounds(clock, input.month).end,
  };
  const { read, leads, quality, logRead } = readReviewLeads(input, window);
  const shared: ReviewContext = {
    settings,
    clock,
    calendar: input.calendar,
    nowMs: input.nowMs,
    plannedMonthlyMql: input.plannedMonthlyMql ?? null,
    channelOf: channelResolver(settings.agreement.contactChannels),
  };
  const judged = (month: ReviewMonth): JudgedMonth & { ctx: ReturnType<typeof monthContext> } => {
    const ctx = monthContext(shared, month);
    const uncovered = uncoveredReason(quality, ctx.end, clock);
    return {
      ctx,
      figures: monthFigures(leads, ctx),
      noData: noDataReasons(quality.missing, uncovered),
    };
  };
  const current = judged(input.month);
  const earlier = [1, 2, 3].map((k) => judged(addMonths(input.month, -k)));
  const ctx = current.ctx;
  const previous = earlier[0]!;
  return {
    month: monthKey(input.month),
    label: monthLabel(input.month),
    timeZone: clock.zone,
    start: ctx.start,
    end: ctx.end,
    empty: !current.figures.active,
    current: current.figures,
    previous: previous.figures,
    earlier: earlier.map((e) => e.figures),
    agreed: settings.agreed,
    headline: headlineRows(
      current.figures,
      previous.figures,
      settings,
      current.noData,
      previous.noData,
    ),
    scorecards: scorecards(current.figures, settings, current.noData),
    trend: trendRows(current, earlier),
    bySource: bySource(leads, ctx),
    byOwner: byOwner(leads, ctx, input.escalations),
    rejected: rejectedLeads(leads, ctx),
    returned: returnedLeads(leads, ctx),
    byChannel: logRead
      ? attemptsByChannel(current.figures.keyed.channel, settings.agreement.contactChannels)
      : null,
    quality,
    noData: current.noData,
    monthsWithLeads: current.figures.active ? [] : monthsWithLeads(read, clock),
  };
}

/**
 * Why the month cannot be judged at all: the sheet's dates start after it (an export of recent
 * leads reviewed for last month); null when the sheet has dates up to the month.
 */
function uncoveredReason(quality: DataQuality, end: number, clock: ZoneClock): string | null {
  if (quality.firstDate === null) return 'no lead has a readable date';
  if (quality.firstDate < end) return null;
  const w = toWall(clock, quality.firstDate);
  const day = `${w.year}-${String(w.month).padStart(2, '0')}-${String(w.day).padStart(2, '0')}`;
  return `the sheet's leads are dated from ${day}`;
}
