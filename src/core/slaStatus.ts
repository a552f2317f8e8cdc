import {
  addBusinessDays,
  addBusinessHours,
  type BusinessCalendar,
  businessMsBetween,
} from './calendar';
import { isBlank, isDate, showValue } from './cell.ts';
import { type ReadDateOptions, readInstant } from './dates';
import { formatMinutes } from './duration';
import { errorText } from './errors.ts';
import { STAGES, type Stage } from './leadColumns.ts';
import { plural } from './plural.ts';
import { type HandoffSettings, PRIORITIES, type Priority } from './settings.ts';
import { HOUR_MS, MINUTE_MS, type ZoneClock } from './zone';

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

export interface LeadSlaInput {
  leadId: unknown;
  priority: unknown;
  stage: unknown;
  handedOffAt: unknown;
  firstContactAt: unknown;
  attempts: unknown;
  lastAttemptAt: unknown;
}

export interface LeadSlaResult {
  status: StatusWord;
  /** The full `SLA status` cell text, e.g. `Overdue · 3 h 10 min late`. */
  detail: string;
  deadlineMs: number | null;
  nextAttemptMs: number | null;
  /** For Check data: `<column>: <why>`. */
  problem?: string;
}

export interface SlaContext {
  handoff: HandoffSettings;
  calendar: BusinessCalendar;
  /** The spreadsheet's zone, to read text and serial-number dates. */
  clock: ZoneClock;
  nowMs: number;
  dateOptions?: ReadDateOptions;
}

export type Read<T> = { ok: true; value: T } | { ok: false; reason: string };

const SEP = ' · ';

function lookupKey(text: string): string {
  return text.trim().replace(/\s+/g, ' ').toLowerCase();
}

const STAGE_BY_KEY = new Map<string, Stage>(STAGES.map((s) => [s.toLowerCase(), s]));
const PRIORITY_BY_KEY = new Map<string, Priority>(PRIORITIES.map((p) => [p.toLowerCase(), p]));

/** Stage cell: blank → null; one of the 8 stages, case-insensitive. */
export function readStage(value: unknown): Read<Stage | null> {
  if (isBlank(value)) return { ok: true, value: null };
  const stage = typeof value === 'string' ? STAGE_BY_KEY.get(lookupKey(value)) : undefined;
  if (stage) return { ok: true, value: stage };
  return {
    ok: false,
    reason: `${showValue(value)} is not a stage (use Lead, MQL, SQL, Opportunity, Customer, Recycled, Rejected or Lost)`,
  };
}

/** Priority cell: blank → the default; Hot, Warm or Cold, case-insensitive. */
export function readPriority(value: unknown, defaultPriority: Priority): Read<Priority> {
  if (isBlank(value)) return { ok: true, value: defaultPriority };
  const p = typeof value === 'string' ? PRIORITY_BY_KEY.get(lookupKey(value)) : undefined;
  if (p) return { ok: true, value: p };
  return { ok: false, reason: `${showValue(value)} is not a priority (use Hot, Warm or Cold)` };
}

/** Attempts cell: blank → 0; a whole number ≥ 0 (number or digits as text). */
export function readCount(value: unknown): Read<number> {
  if (isBlank(value)) return { ok: true, value: 0 };
  let n: number | null = null;
  if (typeof value === 'number') n = value;
  else if (typeof value === 'string' && /^[+-]?\d+(?:[.,]\d+)?$/.test(value.trim())) {
    n = Number(value.trim().replace(',', '.'));
  }
  if (n === null || !Number.isFinite(n) || isDate(value)) {
    return { ok: false, reason: `${showValue(value)} is not a whole number` };
  }
  if (n < 0) return { ok: false, reason: `${showValue(value)} is negative` };
  const rounded = Math.round(n);
  if (Math.abs(n - rounded) > 1e-9) {
    return { ok: false, reason: `${showValue(value)} is not a whole number` };
  }
  return { ok: true, value: rounded };
}

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

type Instant = { ms: number | null } | { reason: string };

function instant(value: unknown, ctx: SlaContext): Instant {
  const r = readInstant(value, ctx.clock, ctx.dateOptions);
  if (r.kind === 'unreadable') return { reason: r.reason };
  return { ms: r.kind === 'instant' ? r.ms : null };
}

/** Evaluates one lead. Never throws: an unexpected failure becomes Check data. */
export function evaluateLead(input: LeadSlaInput, ctx: SlaContext): LeadSlaResult {
  try {
    return evaluate(input, ctx);
  } catch (e) {
    return checkData('', errorText(e));
  }
}

function evaluate(input: LeadSlaInput, ctx: SlaContext): LeadSlaResult {
  const { handoff, calendar } = ctx;
  const stage = readStage(input.stage);
  if (!stage.ok) return checkData('Stage', stage.reason);
  const priority = readPriority(input.priority, handoff.defaultPriority);

  if (stage.value !== null && CLOSED_STAGES.includes(stage.value)) {
    let deadline: number | null = null;
    const h = instant(input.handedOffAt, ctx);
    if (priority.ok && 'ms' in h && h.ms !== null) {
      deadline = addBusinessHours(calendar, h.ms, handoff.deadlineHours[priority.value]);
    }
    return result('Closed', '', deadline, null);
  }

  if (!priority.ok) return checkData('Priority', priority.reason);
  const handed = instant(input.handedOffAt, ctx);
  if ('reason' in handed) return checkData('Handed off at', handed.reason);
  const first = instant(input.firstContactAt, ctx);
  if ('reason' in first) return checkData('First contact at', first.reason);
  const attempts = readCount(input.attempts);
  if (!attempts.ok) return checkData('Attempts', attempts.reason);
  const last = instant(input.lastAttemptAt, ctx);
  if ('reason' in last) return checkData('Last attempt at', last.reason);

  if (handed.ms === null) {
    if (first.ms !== null) {
      return checkData('Handed off at', 'is blank but First contact at is set');
    }
    return result('Waiting', '', null, null);
  }

  const windowHours = handoff.deadlineHours[priority.value];
  const deadline = addBusinessHours(calendar, handed.ms, windowHours);
  if (first.ms !== null && first.ms < handed.ms) {
    return checkData('First contact at', 'is before Handed off at', deadline);
  }
  if (last.ms !== null && last.ms < handed.ms) {
    return checkData('Last attempt at', 'is before Handed off at', deadline);
  }

  const notProgressed = stage.value === null || stage.value === 'Lead' || stage.value === 'MQL';
  const n = attempts.value;
  if (notProgressed && n >= handoff.maxAttempts) {
    return result('Recycle', `${plural(n, 'attempt')}, no answer`, deadline, null);
  }

  let next: number | null = null;
  if (notProgressed) {
    if (n === 0 && first.ms === null) next = deadline;
    else {
      const base = last.ms ?? first.ms;
      if (base !== null) next = addBusinessDays(calendar, base, handoff.attemptSpacingBusinessDays);
    }
  }

  if (first.ms !== null) {
    if (first.ms <= deadline) {
      const took = businessMsBetween(calendar, handed.ms, first.ms);
      const minutes = Math.floor(took / MINUTE_MS + 1e-9);
      return result(
        'Met',
        minutes > 0 ? `contacted in ${formatMinutes(minutes)}` : 'contacted in under 1 min',
        deadline,
        next,
      );
    }
    return result(
      'Missed',
      lateText(businessMsBetween(calendar, deadline, first.ms), 'contacted after the deadline'),
      deadline,
      next,
    );
  }

  const now = ctx.nowMs;
  if (now > deadline) {
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

/** Counts of each status word (all words present, 0 when unused). */
export function summarize(
  results: ReadonlyArray<{ status: StatusWord }>,
): Record<StatusWord, number> {
  const counts = Object.fromEntries(STATUS_WORDS.map((w) => [w, 0])) as Record<StatusWord, number>;
  for (const r of results) counts[r.status] += 1;
  return counts;
}
