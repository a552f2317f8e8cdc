import { headerKey } from '../common/headers.ts';
import type { ActivityLog } from '../read/activityLog.ts';
import type { DateOrder, LocaleOrder } from '../read/dateOrder.ts';
import { findAttributeColumn } from '../read/fieldMap.ts';
import {
  type KnownDateOrders,
  type LeadRecord,
  type LeadSheet,
  readLeadSheet,
} from '../read/leadRecords.ts';
import { compileScoring, scoreRow, scoresNothing } from '../scoring/scoring.ts';
import { scoringDates } from '../scoring/scoringDates.ts';
import type { Settings } from '../settings/index.ts';
import type { ZoneClock } from '../time/zone.ts';
import {
  type ActivityReport,
  activityNote,
  activityReport,
  joinActivities,
} from './activityJoin.ts';
import type { BusinessCalendar } from './calendar.ts';
import { leadAgreement } from './leadAgreement.ts';
import { isIdKey, type LeadTable, type OwnedKey } from './leadTable.ts';
import type { OwnerLookup } from './ownerSla.ts';
import {
  evaluateRecord,
  type LeadSlaResult,
  type SlaContext,
  STATUS_WORDS,
  type StatusWord,
  statusColor,
} from './status.ts';

/**
 * The lead check, pure: score and SLA status of every row of the `Leads` table (read through
 * leadRecords.ts), the counts per status, and where each result goes when rows moved between
 * the read and the write.
 */

export type StatusCounts = Record<StatusWord, number>;

export interface CheckContext {
  settings: Settings;
  /** The spreadsheet's zone: dates typed as text or serial numbers are read in it. */
  clock: ZoneClock;
  /** Business hours, in the settings' zone (the spreadsheet's when blank). */
  calendar: BusinessCalendar;
  nowMs: number;
  /** The order of ambiguous numeric text dates when a column does not prove one (the locale's). */
  localeOrder: LocaleOrder;
  /** SLA Team: an owner's own clock (their time zone) and absence, when the team says so. */
  owners?: OwnerLookup;
  /** The activity log read, with its sheet's name: first contacts and attempts from it. */
  activities?: { sheet: string; log: ActivityLog } | null;
  /** Date orders the last check proved on the whole sheet (the edit trigger reads a few rows). */
  knownOrders?: KnownDateOrders;
}

/** What one lead gets in our columns. */
export interface LeadOutput {
  score: number | '';
  qualification: string;
  deadline: Date | '';
  status: string;
  nextAttempt: Date | '';
  /** Status cell background, null for none. */
  color: string | null;
  /** No notice for this lead: older than the tracking window, or a value nobody mapped. */
  quiet?: true;
}

export const BLANK_OUTPUT: LeadOutput = Object.freeze({
  score: '',
  qualification: '',
  deadline: '',
  status: '',
  nextAttempt: '',
  color: null,
}) as LeadOutput;

export const DUPLICATE_STATUS = 'Check data · duplicate Lead ID';

/** Leads that are not plain status counts: the toast and the summary say them apart. */
export interface CheckExtras {
  /** No contact recorded, clock started before the tracking window (status Overdue, not tracked). */
  untracked: number;
  /** Leads with a stage, status or priority value nobody mapped (no notice until it is). */
  unmapped: number;
  /** No scoring criterion's column is in the sheet: Score and Qualification left blank. */
  unscored?: true;
}

export interface ComputedLeads {
  /** One output per data row, null for a blank row. */
  outputs: Array<LeadOutput | null>;
  counts: StatusCounts;
  extras: CheckExtras;
  /** Non-blank rows. */
  leads: number;
  notes: string[];
  /** What was read: fields found, the clock, date orders, unreadable values. */
  read: LeadSheet;
  /** The activity log joined to the leads, when one was read. */
  activities: ActivityReport | null;
  /** The orders the scoring date columns' values proved, by header (stored for SLA_SCORE). */
  scoringOrders: Array<[header: string, order: DateOrder]>;
}

export function emptyCounts(): StatusCounts {
  return Object.fromEntries(STATUS_WORDS.map((w) => [w, 0])) as StatusCounts;
}

/** The value of one of our columns for a lead. */
export function outputCell(out: LeadOutput, key: OwnedKey): unknown {
  return out[key];
}

/** Reads the table as every part of the add-in does (settings → field map, value map, clock). */
export function readLeadTable(
  header: readonly unknown[],
  rows: ReadonlyArray<readonly unknown[]>,
  ctx: Omit<CheckContext, 'calendar'>,
  extraColumns: readonly number[] = [],
): LeadSheet {
  const { settings } = ctx;
  return readLeadSheet(header, rows, {
    fields: settings.mapping.fields,
    values: { stage: settings.mapping.stageValues, priority: settings.mapping.priorityValues },
    clockStart: settings.handoff.clockStart,
    defaultPriority: settings.handoff.defaultPriority,
    localeOrder: ctx.localeOrder,
    clock: ctx.clock,
    nowMs: ctx.nowMs,
    extraColumns,
    ...(ctx.knownOrders ? { knownOrders: ctx.knownOrders } : {}),
  });
}

function duplicateIds(keys: readonly string[], read: LeadSheet): Set<string> {
  const seen = new Set<string>();
  const duplicates = new Set<string>();
  keys.forEach((key, i) => {
    if (!isIdKey(key) || !read.records[i]) return;
    if (seen.has(key)) duplicates.add(key);
    seen.add(key);
  });
  return duplicates;
}

/** The SLA engine's context for a sheet as read: every path that judges a lead builds it here. */
export function slaContext(ctx: Omit<CheckContext, 'localeOrder'>, read: LeadSheet): SlaContext {
  const headers = Object.fromEntries(read.fields.found.map((f) => [f.field, f.header]));
  const sla: SlaContext = {
    handoff: ctx.settings.handoff,
    calendar: ctx.calendar,
    clock: ctx.clock,
    nowMs: ctx.nowMs,
    trackingDays: ctx.settings.handoff.trackingDays,
    headers,
  };
  if (read.clock) sla.clockField = read.clock.field;
  if (read.dayOnly.length) sla.dayOnly = new Set(read.dayOnly);
  return sla;
}

/** Appended to the status of an open lead whose owner is away (SLA Team): the manager reassigns it. */
export const REASSIGN_MARK = ' · owner away: reassign';

/** The SLA of one lead: on its owner's clock when SLA Team gives one; marked when the owner is away. */
function evaluateForOwner(
  record: LeadRecord,
  base: SlaContext,
  owners: OwnerLookup | undefined,
  contexts: Map<BusinessCalendar, SlaContext>,
): LeadSlaResult {
  const owner = owners?.(record.owner) ?? null;
  let ctx = base;
  if (owner?.calendar) {
    const calendar = owner.calendar;
    ctx = contexts.get(calendar) ?? { ...base, calendar };
    contexts.set(calendar, ctx);
  }
  const r = evaluateRecord(record, ctx);
  const open = r.status === 'Due' || r.status === 'At risk' || r.status === 'Overdue';
  return owner?.away && open ? { ...r, detail: r.detail + REASSIGN_MARK } : r;
}

const NO_CLOCK: LeadSlaResult = {
  status: 'Check data',
  detail:
    'Check data · no column starts the SLA clock: the sheet has no hand-off, MQL or creation date (choose one in Fields)',
  deadlineMs: null,
  nextAttemptMs: null,
};

/**
 * Scores and evaluates every row of the table; never throws per row. `duplicates`: the Lead ID
 * keys found twice in the whole sheet, when the table is some rows of it (an edit).
 */
export function computeLeads(
  table: LeadTable,
  ctx: CheckContext,
  duplicates?: ReadonlySet<string>,
): ComputedLeads {
  const { settings, nowMs } = ctx;
  const notes: string[] = [];
  const compiled = compileScoring(settings.scoring, table.header, findAttributeColumn);
  if (compiled.unknownColumns.length > 0) {
    const list = compiled.unknownColumns.map((u) => `"${u.column}" (${u.label})`).join(', ');
    notes.push(`Scoring ignored the criteria on columns Leads does not have: ${list}.`);
  }
  const scoringCols = compiled.criteria.map((c) => c.col);
  if (compiled.decay) scoringCols.push(compiled.decay.col);
  const read = readLeadTable(table.header, table.rows, ctx, scoringCols);
  const agreement = leadAgreement(settings, table.header, read.fields.columns);
  notes.push(...agreement.notes);
  const dates = scoringDates(compiled, table.header, table.rows, {
    clock: ctx.clock,
    localeOrder: ctx.localeOrder,
    knownOrder: (h) => ctx.knownOrders?.get(headerKey(h)) ?? null,
  });
  const readDate = dates.read;
  const slaCtx = slaContext(ctx, read);
  const joined = ctx.activities
    ? joinActivities(ctx.activities.log, read.records, settings.handoff.firstContact)
    : null;
  if (joined) slaCtx.logged = joined.logged;
  const ownerContexts = new Map<BusinessCalendar, SlaContext>();
  const duplicated = duplicates ?? duplicateIds(table.keys, read);
  const counts = emptyCounts();
  const extras: CheckExtras = { untracked: 0, unmapped: 0 };
  const unscored = scoresNothing(compiled);
  if (unscored) extras.unscored = true;
  const outputs = new Array<LeadOutput | null>(table.rows.length);
  let leads = 0;
  for (let i = 0; i < table.rows.length; i++) {
    const record = read.records[i];
    if (!record) {
      outputs[i] = null;
      continue;
    }
    leads++;
    const s = scoreRow(compiled, table.rows[i]!, nowMs, readDate);
    let r: LeadSlaResult;
    if (duplicated.has(table.keys[i]!)) {
      r = { status: 'Check data', detail: DUPLICATE_STATUS, deadlineMs: null, nextAttemptMs: null };
    } else if (!read.clock) r = NO_CLOCK;
    else {
      const sla = evaluateForOwner(record, slaCtx, ctx.owners, ownerContexts);
      r = agreement.apply(sla, record, table.rows[i]!);
    }
    counts[r.status]++;
    if (r.untracked) extras.untracked++;
    if (r.unmapped) extras.unmapped++;
    outputs[i] = {
      score: unscored ? '' : s.score,
      qualification: unscored ? '' : s.qualification,
      deadline: r.deadlineMs === null ? '' : new Date(r.deadlineMs),
      status: r.detail,
      nextAttempt: r.nextAttemptMs === null ? '' : new Date(r.nextAttemptMs),
      color: r.untracked ? null : statusColor(r.status),
    };
    if (r.untracked || r.unmapped) outputs[i]!.quiet = true;
  }
  const activities =
    joined && ctx.activities
      ? activityReport(ctx.activities.sheet, ctx.activities.log, joined)
      : null;
  if (activities) notes.push(activityNote(activities));
  return { outputs, counts, extras, leads, notes, read, activities, scoringOrders: dates.proven };
}
