import { errorText } from '../common/errors.ts';
import { plural } from '../common/plural.ts';
import type { ReadDateOptions } from '../read/dates.ts';
import { type ClockField, FIELD_LABELS, type FieldId } from '../read/fieldIds.ts';
import type { Stage } from '../read/leadColumns.ts';
import type { LeadRecord } from '../read/leadRecords.ts';
import type { HandoffSettings } from '../settings/index.ts';
import { formatMinutes } from '../time/duration.ts';
import { DAY_MS, HOUR_MS, MINUTE_MS, toWall, type ZoneClock } from '../time/zone.ts';
import {
  addBusinessDays,
  addBusinessHours,
  type BusinessCalendar,
  businessMsBetween,
} from './calendar.ts';

/**
 * The SLA status engine: one lead's raw cells in, its status word, detail, deadline and next
 * attempt out. Pure; never throws.
 *
 * Decisions:
 * - Deadline = hand-off + the priority's deadline in BUSINESS hours (calendar.ts rules).
 * - Durations in details are business time too, the SLA's own unit: `Overdue · 3 h 10 min late`
 *   counts business time since the deadline (so it does not grow over a weekend); lateness is
 *   rounded up to the minute, time left rounded down. When an overdue lead has accrued no
 *   business time since its deadline (deadline Friday 18:00, now Saturday) the detail says
 *   `Overdue · deadline passed`.
 * - Exactly at the deadline is not late: first contact at the deadline is Met, and `now` at the
 *   deadline is At risk (`due now`), not Overdue.
 * - Order of checks: an unreadable Stage is Check data; a closed stage (Customer, Lost, Rejected,
 *   Recycled) is Closed whatever the other cells hold; then the other cells are read (Check data
 *   names the first bad column); not handed off is Waiting; attempts used up with the stage
 *   still Lead/MQL/blank is Recycle (it wins over Met/Missed: contacted but no progress); then
 *   Met / Missed when First contact at is set, else Overdue / At risk / Due.
 * - A First contact at (or Last attempt at) before Handed off at, or a First contact at without a
 *   Handed off at, is Check data.
 * - Next attempt due (only while handed off, not closed, stage Lead/MQL/blank and attempts below
 *   the maximum): no attempt and no contact yet → the deadline; otherwise the last attempt
 *   (or the first contact when Last attempt at is blank) + the attempt spacing in business days.
 * - Dates given as text or serial numbers are read in `ctx.clock`'s zone (the spreadsheet's);
 *   business hours follow the calendar's own clock.
 */

export const STATUS_WORDS = [
  'Waiting',
  'Due',
  'At risk',
  'Overdue',
  'Met',
  'Missed',
  'Recycle',
  'Closed',
  'Check data',
] as const;
export type StatusWord = (typeof STATUS_WORDS)[number];

export const CLOSED_STAGES: readonly Stage[] = ['Customer', 'Lost', 'Rejected', 'Recycled'];

export interface LeadSlaResult {
  status: StatusWord;
  /** The full `SLA status` cell text, e.g. `Overdue · 3 h 10 min late`. */
  detail: string;
  deadlineMs: number | null;
  nextAttemptMs: number | null;
  /** For Check data: `<column>: <why>`. */
  problem?: string;
  /** Never contacted and the clock started before the tracking window: not today's work. */
  untracked?: true;
  /** Contacted per a status value, with no contact time: Met is not proven. */
  untimed?: true;
}

export interface SlaContext {
  handoff: HandoffSettings;
  calendar: BusinessCalendar;
  /** The spreadsheet's zone, to read text and serial-number dates. */
  clock: ZoneClock;
  nowMs: number;
  dateOptions?: ReadDateOptions;
  /** Leads whose clock started more than this many days ago and never contacted: untracked. */
  trackingDays?: number;
  /** The field that starts the clock (default: Handed off at). */
  clockField?: ClockField;
  /** The sheet's header of each field, for messages (default: the canonical header). */
  headers?: Partial<Record<FieldId, string>>;
}

function headerOf(ctx: SlaContext, field: FieldId): string {
  return ctx.headers?.[field] ?? FIELD_LABELS[field];
}

export const DEFAULT_TRACKING_DAYS = 60;
const YEAR_MS = 366 * DAY_MS;
const SEP = ' · ';

function checkData(
  column: string,
  reason: string,
  deadlineMs: number | null = null,
): LeadSlaResult {
  const problem = column ? `${column}: ${reason}` : reason;
  return {
    status: 'Check data',
    detail: `Check data${SEP}${problem}`,
    deadlineMs,
    nextAttemptMs: null,
    problem,
  };
}

function result(
  status: StatusWord,
  extra: string,
  deadlineMs: number | null,
  nextAttemptMs: number | null,
): LeadSlaResult {
  return { status, detail: extra ? `${status}${SEP}${extra}` : status, deadlineMs, nextAttemptMs };
}

function lateText(ms: number, what: string): string {
  const minutes = Math.ceil(ms / MINUTE_MS - 1e-9);
  return minutes > 0 ? `${formatMinutes(minutes)} late` : what;
}

function leftText(ms: number): string {
  const minutes = Math.floor(ms / MINUTE_MS + 1e-9);
  return minutes > 0 ? `${formatMinutes(minutes)} left` : 'due now';
}

/** Evaluates one lead read by leadRecords.ts. Never throws. */
export function evaluateRecord(record: LeadRecord, ctx: SlaContext): LeadSlaResult {
  try {
    return evaluate(record, ctx);
  } catch (e) {
    return checkData('', errorText(e));
  }
}

function firstProblem(record: LeadRecord, fields: ReadonlyArray<FieldId>): LeadSlaResult | null {
  for (const field of fields) {
    const p = record.problems.find((x) => x.field === field);
    if (p) return checkData(p.header, p.reason);
  }
  return null;
}

const OPEN_STAGES: ReadonlyArray<Stage | null> = [null, 'Lead', 'MQL'];

function evaluate(record: LeadRecord, ctx: SlaContext): LeadSlaResult {
  const { handoff, calendar } = ctx;
  const stageProblem = firstProblem(record, ['stage', 'leadStatus']);
  if (stageProblem) return stageProblem;
  const clockField = ctx.clockField ?? 'handedOffAt';
  const clockHeader = headerOf(ctx, clockField);
  const contactHeader = headerOf(ctx, 'firstContactAt');
  const start = record.clockStartAt;
  const windowHours = handoff.deadlineHours[record.priority];
  const priorityOk = !record.problems.some((p) => p.field === 'priority');

  if (record.stage !== null && CLOSED_STAGES.includes(record.stage)) {
    const deadline =
      priorityOk && start !== null ? addBusinessHours(calendar, start, windowHours) : null;
    return result('Closed', '', deadline, null);
  }
  const bad = firstProblem(record, [
    'priority',
    clockField,
    'firstContactAt',
    'attempts',
    'lastAttemptAt',
  ]);
  if (bad) return bad;

  const first = record.dates.firstContactAt;
  const last = record.dates.lastAttemptAt;
  if (start === null) {
    if (first !== null) return checkData(clockHeader, `is blank but ${contactHeader} is set`);
    return result('Waiting', '', null, null);
  }
  const deadline = addBusinessHours(calendar, start, windowHours);
  if (first !== null && first < start) {
    return checkData(contactHeader, `is before ${clockHeader}`, deadline);
  }
  if (last !== null && last < start) {
    return checkData(headerOf(ctx, 'lastAttemptAt'), `is before ${clockHeader}`, deadline);
  }
  const notProgressed = OPEN_STAGES.includes(record.stage);
  const n = record.attempts;
  if (notProgressed && n >= handoff.maxAttempts) {
    return result('Recycle', `${plural(n, 'attempt')}, no answer`, deadline, null);
  }
  const next = notProgressed ? nextAttempt(record, deadline, ctx) : null;
  if (first !== null) return contactedResult(start, first, deadline, next, ctx);
  if (record.contacted) return untimedResult(record, deadline, next);
  return openResult(start, deadline, windowHours, next, ctx);
}

function nextAttempt(record: LeadRecord, deadline: number, ctx: SlaContext): number | null {
  const first = record.dates.firstContactAt;
  if (record.attempts === 0 && first === null) return deadline;
  const base = record.dates.lastAttemptAt ?? first;
  return base === null
    ? null
    : addBusinessDays(ctx.calendar, base, ctx.handoff.attemptSpacingBusinessDays);
}

function contactedResult(
  start: number,
  first: number,
  deadline: number,
  next: number | null,
  ctx: SlaContext,
): LeadSlaResult {
  const { calendar } = ctx;
  if (first <= deadline) {
    const minutes = Math.floor(businessMsBetween(calendar, start, first) / MINUTE_MS + 1e-9);
    const took =
      minutes > 0 ? `contacted in ${formatMinutes(minutes)}` : 'contacted in under 1 min';
    return result('Met', took, deadline, next);
  }
  // past a year, the business hours of the delay are not worth a walk through the calendar
  if (first - deadline > YEAR_MS) return result('Missed', 'over a year late', deadline, next);
  const late = businessMsBetween(calendar, deadline, first);
  return result('Missed', lateText(late, 'contacted after the deadline'), deadline, next);
}

/** Contacted per its status, no time recorded: not Due, At risk or Overdue; Met not proven. */
function untimedResult(record: LeadRecord, deadline: number, next: number | null): LeadSlaResult {
  const by = record.contactedBy ? `"${record.contactedBy}"` : `stage ${record.stage ?? ''}`;
  const what = record.attemptOnly ? 'attempted' : 'contacted';
  return {
    ...result(
      'Met',
      `${what} (${by}), no contact time recorded: on time not proven`,
      deadline,
      next,
    ),
    untimed: true,
  };
}

function openResult(
  start: number,
  deadline: number,
  windowHours: number,
  next: number | null,
  ctx: SlaContext,
): LeadSlaResult {
  const { calendar, handoff } = ctx;
  const now = ctx.nowMs;
  if (now > deadline) {
    const trackingDays = ctx.trackingDays ?? DEFAULT_TRACKING_DAYS;
    if (now - start > trackingDays * DAY_MS) {
      const started = isoDate(toWall(ctx.clock, start));
      return {
        ...result(
          'Missed',
          `no contact recorded; clock started ${started}, over ${trackingDays} days ago (not tracked)`,
          deadline,
          null,
        ),
        untracked: true,
      };
    }
    return result(
      'Overdue',
      lateText(businessMsBetween(calendar, deadline, now), 'deadline passed'),
      deadline,
      next,
    );
  }
  const left = businessMsBetween(calendar, now, deadline);
  const status: StatusWord =
    left <= handoff.atRiskShare * windowHours * HOUR_MS ? 'At risk' : 'Due';
  return result(status, leftText(left), deadline, next);
}

function isoDate(w: { year: number; month: number; day: number }): string {
  return `${w.year}-${String(w.month).padStart(2, '0')}-${String(w.day).padStart(2, '0')}`;
}

/**
 * Background of the `SLA status` cell (Google Sheets palette), or null for none.
 * Red ones (Overdue, Missed) have a clearly dominant red channel.
 */
export function statusColor(status: StatusWord): string | null {
  switch (status) {
    case 'At risk':
      return '#fce8b2'; // amber
    case 'Overdue':
      return '#ea9999'; // red (light red 2)
    case 'Met':
      return '#d9ead3'; // green (light green 3)
    case 'Missed':
      return '#f4cccc'; // light red (light red 3)
    case 'Recycle':
      return '#d9d9d9'; // grey (light gray 1)
    case 'Check data':
      return '#f9cb9c'; // orange (light orange 2)
    default:
      return null;
  }
}

/** Status word of a cell text such as `Overdue · 3 h 10 min late`, or null. */
export function statusWordOf(text: unknown): StatusWord | null {
  if (typeof text !== 'string') return null;
  const t = text.trim();
  let best: StatusWord | null = null;
  for (const w of STATUS_WORDS) {
    if (t.startsWith(w) && (best === null || w.length > best.length)) best = w;
  }
  return best;
}
