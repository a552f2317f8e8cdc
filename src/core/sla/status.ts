import { errorText } from '../common/errors.ts';
import { plural } from '../common/plural.ts';
import type { ReadDateOptions } from '../read/dates.ts';
import { type ClockField, type DateField, FIELD_LABELS, type FieldId } from '../read/fieldIds.ts';
import type { Stage } from '../read/leadColumns.ts';
import type { LeadRecord } from '../read/leadRecords.ts';
import type { HandoffSettings } from '../settings/index.ts';
import { formatMinutes } from '../time/duration.ts';
import { MONTH_NAMES } from '../time/names.ts';
import { DAY_MS, HOUR_MS, MINUTE_MS, toWall, type ZoneClock } from '../time/zone.ts';
import {
  addBusinessDays,
  addBusinessHours,
  type BusinessCalendar,
  businessMsBetween,
} from './calendar.ts';
import {
  type ContactEvidence,
  type ContactSource,
  contactEvidence,
  EARLY_CONTACT_MS,
  type LoggedContacts,
  onTime,
} from './contact.ts';

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
  'Contacted',
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
  /** A contact is recorded with no time that judges it (status Contacted). */
  untimed?: true;
  /** A stage, status or priority value of the row is not mapped: no notice until it is. */
  unmapped?: true;
  /**
   * The first contact a Met or Missed rests on: its time (null when only a later contact date
   * proves Met) and whether the column holds days only.
   */
  contact?: { at: number | null; dayOnly: boolean; source: ContactSource };
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
  /** Date fields whose column holds days without a time (the reader's `dayOnly`). */
  dayOnly?: ReadonlySet<DateField>;
  /** The activity log's facts of a lead, when a log was read. */
  logged?: (record: LeadRecord) => LoggedContacts | null;
}

function headerOf(ctx: SlaContext, field: FieldId): string {
  return ctx.headers?.[field] ?? FIELD_LABELS[field];
}

export const DEFAULT_TRACKING_DAYS = 60;
/** Said first of an Overdue lead older than the tracking window: no notice, no colour, no red row. */
export const NOT_TRACKED = 'not tracked';
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

/** Stages at which the SLA clock still runs: not progressed past the hand-off. */
const OPEN_STAGES: ReadonlyArray<Stage | null> = [null, 'Lead', 'MQL', 'SQL'];

function evaluate(record: LeadRecord, ctx: SlaContext): LeadSlaResult {
  const r = evaluateKnown(record, ctx);
  if (record.unmapped.length === 0 || r.status === 'Check data') return r;
  const values = record.unmapped.map((u) => `"${u.value}"`).join(', ');
  const read = record.unmapped.some((u) => u.field !== 'priority') ? 'read as an open lead' : '';
  const note = `${values} not mapped${read ? ` (${read})` : ''}: map it in Fields`;
  return { ...r, detail: `${r.detail}${SEP}${note}`, unmapped: true };
}

function evaluateKnown(record: LeadRecord, ctx: SlaContext): LeadSlaResult {
  const { handoff, calendar } = ctx;
  const clockField = ctx.clockField ?? 'handedOffAt';
  const clockHeader = headerOf(ctx, clockField);
  const contactHeader = headerOf(ctx, 'firstContactAt');
  const start = record.clockStartAt;
  const windowHours = handoff.deadlineHours[record.priority];
  const open = OPEN_STAGES.includes(record.stage);
  const deadlineOf = (from: number | null) =>
    from === null ? null : addBusinessHours(calendar, from, windowHours);

  if (record.stage !== null && CLOSED_STAGES.includes(record.stage))
    return result('Closed', '', deadlineOf(start), null);
  // rejecting a lead with a reason answers the SLA, whatever the stage still says
  if (open && record.rejectedReason !== '')
    return result('Closed', `rejected: ${quoted(record.rejectedReason)}`, deadlineOf(start), null);
  const bad = firstProblem(record, [
    clockField,
    'firstContactAt',
    'responseTime',
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
  if (first !== null && first < start - EARLY_CONTACT_MS) {
    return checkData(contactHeader, `is more than a day before ${clockHeader}`, deadline);
  }
  if (last !== null && last < start - EARLY_CONTACT_MS) {
    return checkData(
      headerOf(ctx, 'lastAttemptAt'),
      `is more than a day before ${clockHeader}`,
      deadline,
    );
  }
  const evidence = contactEvidence({
    record,
    start,
    deadline,
    rule: handoff.firstContact,
    dayOnly: ctx.dayOnly ?? NO_DAYS,
    logged: ctx.logged?.(record) ?? null,
  });
  const attempts = record.attempts ?? ctx.logged?.(record)?.done ?? 0;
  if (record.stage !== 'Opportunity' && attempts >= handoff.maxAttempts) {
    return result('Recycle', `${plural(attempts, 'attempt')}, no answer`, deadline, null);
  }
  const next = record.stage === 'Opportunity' ? null : nextAttempt(record, evidence, deadline, ctx);
  switch (evidence.kind) {
    case 'timed':
      return timedResult(start, evidence, deadline, next, ctx);
    case 'byDeadline':
      return {
        ...withProof(
          result('Met', `contacted by ${when(ctx, evidence.by, evidence.dayOnly)}`, deadline, next),
          headerOf(ctx, 'lastAttemptAt'),
        ),
        contact: { at: null, dayOnly: evidence.dayOnly, source: 'lastAttemptAt' },
      };
    case 'untimed':
      return {
        ...result(
          'Contacted',
          `${evidence.why}, no contact time recorded: on time cannot be judged`,
          deadline,
          next,
        ),
        untimed: true,
      };
    default:
      return openResult(start, deadline, windowHours, next, ctx);
  }
}

const NO_DAYS: ReadonlySet<DateField> = new Set();

/** A lead's first contact against its deadline, whatever its stage now (for the review). */
export interface ContactVerdict {
  /** The first contact's time, when known to the minute. */
  at: number | null;
  /** On time (true), late (false), or not judged (null). */
  onTime: boolean | null;
  /** A contact is recorded with no time that judges it. */
  untimed: boolean;
}

/**
 * The first-contact verdict of a lead with a clock start, on the evidence the status reads
 * (contact.ts), even when its stage has closed since; null without a clock start.
 */
export function contactVerdict(record: LeadRecord, ctx: SlaContext): ContactVerdict | null {
  const start = record.clockStartAt;
  if (start === null) return null;
  const deadline = addBusinessHours(
    ctx.calendar,
    start,
    ctx.handoff.deadlineHours[record.priority],
  );
  const evidence = contactEvidence({
    record,
    start,
    deadline,
    rule: ctx.handoff.firstContact,
    dayOnly: ctx.dayOnly ?? NO_DAYS,
    logged: ctx.logged?.(record) ?? null,
  });
  switch (evidence.kind) {
    case 'timed': {
      const verdict = onTime(evidence, deadline);
      return {
        at: evidence.dayOnly ? null : evidence.at,
        onTime: verdict,
        untimed: verdict === null,
      };
    }
    case 'byDeadline':
      return { at: null, onTime: true, untimed: false };
    case 'untimed':
      return { at: null, onTime: null, untimed: true };
    default:
      return { at: null, onTime: null, untimed: false };
  }
}

function quoted(text: string): string {
  return `"${text.length > 60 ? `${text.slice(0, 57)}...` : text}"`;
}

/** `23 Nov 14:05`, or `23 Nov` for a date of a column of days. */
function when(ctx: SlaContext, ms: number, dayOnly: boolean): string {
  const w = toWall(ctx.clock, ms);
  const day = `${w.day} ${MONTH_NAMES[w.month - 1]!.slice(0, 3)} ${w.year}`;
  return dayOnly ? day : `${day} ${pad2(w.hour)}:${pad2(w.minute)}`;
}

function pad2(n: number): string {
  return String(n).padStart(2, '0');
}

const SOURCE_FIELD: Record<ContactSource, FieldId | 'log'> = {
  firstContactAt: 'firstContactAt',
  responseTime: 'responseTime',
  activityLog: 'log',
  lastAttemptAt: 'lastAttemptAt',
};

/** A verdict read from another column than `First contact at` says which. */
function withProof(r: LeadSlaResult, from: string): LeadSlaResult {
  return { ...r, detail: `${r.detail} (${from})` };
}

function nextAttempt(
  record: LeadRecord,
  evidence: ContactEvidence,
  deadline: number,
  ctx: SlaContext,
): number | null {
  if (evidence.kind === 'none') return deadline;
  const base =
    record.dates.lastAttemptAt ??
    (evidence.kind === 'timed' ? evidence.at : evidence.kind === 'byDeadline' ? evidence.by : null);
  return base === null
    ? null
    : addBusinessDays(ctx.calendar, base, ctx.handoff.attemptSpacingBusinessDays);
}

function timedResult(
  start: number,
  evidence: Extract<ContactEvidence, { kind: 'timed' }>,
  deadline: number,
  next: number | null,
  ctx: SlaContext,
): LeadSlaResult {
  const source = SOURCE_FIELD[evidence.source];
  const from = source === 'log' ? 'activity log' : headerOf(ctx, source);

  const contact = { at: evidence.at, dayOnly: evidence.dayOnly, source: evidence.source };
  const proved = (r: LeadSlaResult) => ({
    ...(evidence.source === 'firstContactAt' ? r : withProof(r, from)),
    contact,
  });
  const verdict = onTime(evidence, deadline);
  if (verdict === null) {
    const day = when(ctx, evidence.at, true);
    return {
      ...result(
        'Contacted',
        `contacted on ${day}, the deadline's day: on time cannot be judged from a date without a time`,
        deadline,
        next,
      ),
      untimed: true,
    };
  }
  if (evidence.dayOnly) {
    const day = when(ctx, evidence.at, true);
    return proved(result(verdict ? 'Met' : 'Missed', `contacted on ${day}`, deadline, next));
  }
  return proved(contactedResult(start, evidence.at, deadline, next, ctx));
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
          'Overdue',
          `${NOT_TRACKED}: no contact recorded; clock started ${started}, over ${plural(trackingDays, 'day')} ago`,
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
