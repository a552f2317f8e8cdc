import { normalizeText } from '../common/cellValues.ts';
import type { Priority } from '../common/choices.ts';
import type { Activity } from '../read/activityLog.ts';
import { FIELD_LABELS, type FieldId } from '../read/fieldIds.ts';
import type { Stage } from '../read/leadColumns.ts';
import {
  type LeadRecord,
  type LeadSheet,
  type ReadOptions,
  readLeadSheet,
} from '../read/leadRecords.ts';
import type { ReturnedLead } from '../sla/returnPath.ts';
import { CLOSED_STAGES, type ContactVerdict } from '../sla/status.ts';
import { MONTH_NAMES } from '../time/names.ts';
import { fromWall, toWall, type ZoneClock } from '../time/zone.ts';

/**
 * The review's view of the Leads sheet: calendar months in the spreadsheet's zone, and each
 * row read once into plain facts. Pure; never throws on cell content.
 */

export interface ReviewMonth {
  year: number;
  /** 1-12 */
  month: number;
}

/** `2026-03` → { year: 2026, month: 3 }; null when it is not a YYYY-MM month. */
export function parseMonth(text: unknown): ReviewMonth | null {
  if (typeof text !== 'string') return null;
  const m = /^\s*(\d{4})-(\d{1,2})\s*$/.exec(text);
  if (!m) return null;
  const year = Number(m[1]);
  const month = Number(m[2]);
  if (month < 1 || month > 12 || year < 1900) return null;
  return { year, month };
}

export function monthKey(m: ReviewMonth): string {
  return `${m.year}-${String(m.month).padStart(2, '0')}`;
}

export function addMonths(m: ReviewMonth, delta: number): ReviewMonth {
  const index = m.year * 12 + (m.month - 1) + delta;
  return { year: Math.floor(index / 12), month: (index % 12) + 1 };
}

/** The calendar month an instant falls in, in the clock's zone. */
export function monthOf(clock: ZoneClock, instantMs: number): ReviewMonth {
  const w = toWall(clock, instantMs);
  return { year: w.year, month: w.month };
}

/** [start, end) instants of a month: from the 1st at 00:00 to the next 1st at 00:00 (wall). */
export function monthBounds(clock: ZoneClock, m: ReviewMonth): { start: number; end: number } {
  const next = addMonths(m, 1);
  return {
    start: fromWall(clock, { year: m.year, month: m.month, day: 1 }),
    end: fromWall(clock, { year: next.year, month: next.month, day: 1 }),
  };
}

/** `March 2026` */
export function monthLabel(m: ReviewMonth): string {
  return `${MONTH_NAMES[m.month - 1]} ${m.year}`;
}

// ------------------------------------------------------------------------------------------
// Leads

/** How far a lead got, on evidence: 0 lead, 1 MQL, 2 SQL (handed off), 3 opportunity, 4 customer. */
export type StageRank = 0 | 1 | 2 | 3 | 4;

export interface LeadFacts {
  /** 0-based index in the data rows (sheet row = index + 2). */
  index: number;
  /** Lead ID, name and company: read for rejected and returned leads only (the review lists those). */
  identity: { leadId: string; name: string; company: string } | null;
  /** Display text as typed (trimmed); '' when blank. */
  source: string;
  owner: string;
  priority: Priority;
  stage: Stage | null;
  /** Furthest stage reached on evidence: its date, or its stage or a later one (`reachedRank`). */
  rank: StageRank;
  rejected: boolean;
  /** Stage Customer, Lost, Rejected or Recycled, or a rejected reason: no longer sales' to contact. */
  closed: boolean;
  rejectedReason: string;
  createdAt: number | null;
  mqlAt: number | null;
  /** When the SLA clock started (hand-off, else MQL, else creation: the sheet's clock column). */
  handedOffAt: number | null;
  /** The first contact's time as the SLA status read it (null when not timed to the minute). */
  firstContactAt: number | null;
  /** The SLA status's verdict on the first contact: Met (true), Missed (false), else null. */
  contactOnTime: boolean | null;
  wonAt: number | null;
  /** A contact is recorded with no time that judges it (status Contacted): left out of timings. */
  contactedUntimed: boolean;
  /** Attempts as a number; blank = 0; null when unreadable. */
  attempts: number | null;
  /** Deal value; null when blank or unreadable. */
  dealValue: number | null;
  /** The names of the values the agreement requires at the lead's stage that it lacks. */
  missing: readonly string[];
  /** Its return to marketing (the agreement's return path) and when; null when not returned. */
  returned: ReturnedFacts | null;
  /** The activity log's done activities counted as its attempts, and their first and last date. */
  logged: readonly LoggedAttempt[];
  loggedSpan: { first: number; last: number } | null;
}

/** A return to marketing, dated by its last attempt (else the clock start). */
export interface ReturnedFacts extends ReturnedLead {
  at: number;
}

/** One attempt of the activity log: when, and its type (its channel: agreementFacts.ts). */
export type LoggedAttempt = Pick<Activity, 'at' | 'type' | 'kind'>;

/** What the agreement and the activity log say of each lead (review/agreementFacts.ts). */
export interface LeadExtras {
  missing(record: LeadRecord): readonly string[];
  logged(record: LeadRecord): readonly LoggedAttempt[];
  /** `logged`: the lead's logged attempts (its return may be dated by the last one). */
  returned(record: LeadRecord, logged: readonly LoggedAttempt[]): ReturnedFacts | null;
}

/**
 * The inputs a review figure can need: a field's column, the SLA clock (any clock column), a
 * stage or status, a contact time (any column a first-contact time is read from), or data the
 * agreement requires (a required name the sheet has a column for).
 */
export type FigureInput = FieldId | 'clock' | 'status' | 'contactTime' | 'requiredFields';

/** The columns a first-contact time can be read from (sla/contact.ts `contactEvidence`). */
const CONTACT_TIME_FIELDS: readonly FieldId[] = ['firstContactAt', 'responseTime', 'lastAttemptAt'];

export interface DataQuality {
  /** Lead rows read (the whole sheet, as the lead check reads it). */
  rows: number;
  /** Lead rows with a value that could not be read (the same count as the lead check's). */
  unreadableRows: number;
  /** Values that could not be read, per header (`Created Time`: 2). */
  unreadableByColumn: Record<string, number>;
  /** Sheet rows (1-based) with a value that could not be read, first 20. */
  unreadableRowNumbers: number[];
  /** Leads of the sheet whose first contact is dated before the clock start (counted as 0 h). */
  contactBeforeHandoff: number;
  /** Leads of the sheet with a contact recorded and no time that judges it (status Contacted). */
  untimedContacts: number;
  /** Stage, status and priority values nobody mapped (their leads read as open), with rows. */
  unmapped: Array<{ header: string; value: string; rows: number }>;
  /** The labels of the fields the review reads that the sheet has no column for. */
  missingColumns: string[];
  /** The inputs the sheet lacks, for the figures that need them (kpis.ts `needs`). */
  missing: FigureInput[];
  /** The header that starts the SLA clock ("hand-offs" are leads whose clock started). */
  clockHeader: string | null;
  /** The earliest date read in the sheet (any date field), null when none. */
  firstDate: number | null;
}

export interface ReadLeadsResult {
  leads: LeadFacts[];
  quality: DataQuality;
}

/**
 * The stage a Stage value proves reached. Lost, Rejected and Recycled prove nothing beyond
 * what the lead's dates prove: a CRM's "Lost Lead" or "Junk Lead" may never have been an MQL.
 */
const STAGE_RANK: Record<Stage, StageRank> = {
  Lead: 0,
  MQL: 1,
  SQL: 2,
  Opportunity: 3,
  Customer: 4,
  Lost: 0,
  Recycled: 0,
  Rejected: 0,
};

/** The stages the lead check reads as closed (sla/status.ts), as a set. */
const CLOSED: ReadonlySet<Stage> = new Set(CLOSED_STAGES);

/**
 * The furthest stage a lead reached, on evidence only: the stage's own date (`MQL at`, a
 * `Handed off at` date for SQL, `Won at` for customer) or a Stage value at it or later. The SLA
 * clock's start proves nothing when it is the creation date.
 */
export function reachedRank(record: LeadRecord): StageRank {
  const d = record.dates;
  let rank: StageRank = record.stage ? STAGE_RANK[record.stage] : 0;
  if (d.wonAt !== null) return 4;
  if (rank < 2 && d.handedOffAt !== null) rank = 2;
  if (rank < 1 && d.mqlAt !== null) rank = 1;
  return rank;
}

/** The fields the review reads: their absence is named in the data-quality line. */
const REVIEW_FIELDS: readonly FieldId[] = [
  'source',
  'owner',
  'stage',
  'createdAt',
  'mqlAt',
  'firstContactAt',
  'attempts',
  'wonAt',
  'dealValue',
];

function missingInputs(read: LeadSheet): FigureInput[] {
  const missing: FigureInput[] = [...read.fields.missing];
  if (!read.clock) missing.push('clock');
  const c = read.fields.columns;
  if (c.stage < 0 && c.leadStatus < 0 && c.rejectedReason < 0) missing.push('status');
  if (CONTACT_TIME_FIELDS.every((f) => c[f] < 0)) missing.push('contactTime');
  return missing;
}

/** The SLA engine's first-contact verdict of a lead (the evidence the status reads). */
export type LeadVerdict = (record: LeadRecord) => ContactVerdict | null;

const NONE: readonly never[] = Object.freeze([]);

function spanOf(logged: readonly LoggedAttempt[]): { first: number; last: number } {
  let first = Infinity;
  let last = -Infinity;
  for (const a of logged) {
    if (a.at < first) first = a.at;
    if (a.at > last) last = a.at;
  }
  return { first, last };
}

function factsOf(
  record: LeadRecord,
  verdict: LeadVerdict | undefined,
  extras: LeadExtras | undefined,
): LeadFacts {
  const contact = verdict ? verdict(record) : null;
  const d = record.dates;
  const rejected = record.stage === 'Rejected' || record.rejectedReason !== '';
  const attemptsUnreadable = record.problems.some((p) => p.field === 'attempts');
  const logged = extras?.logged(record) ?? NONE;
  const returned = extras?.returned(record, logged) ?? null;
  return {
    index: record.index,
    identity:
      rejected || returned
        ? { leadId: record.leadId, name: record.name, company: record.company }
        : null,
    source: record.source,
    owner: record.owner,
    priority: record.priority,
    stage: record.stage,
    rank: reachedRank(record),
    rejected,
    closed: rejected || (record.stage !== null && CLOSED.has(record.stage)),
    rejectedReason: record.rejectedReason,
    createdAt: d.createdAt,
    mqlAt: d.mqlAt,
    handedOffAt: record.clockStartAt,
    firstContactAt: verdict ? (contact?.at ?? null) : d.firstContactAt,
    contactOnTime: contact?.onTime ?? null,
    contactedUntimed: verdict
      ? (contact?.untimed ?? false)
      : d.firstContactAt === null && record.contacted,
    wonAt: d.wonAt,
    // a blank count is no attempt logged yet: averaged as 0, as the team's sheet records them
    attempts: attemptsUnreadable ? null : (record.attempts ?? 0),
    dealValue: record.dealValue,
    missing: extras?.missing(record) ?? NONE,
    returned,
    logged,
    loggedSpan: logged.length ? spanOf(logged) : null,
  };
}

/**
 * The review's view of a sheet read by leadRecords.ts (the one reader the lead check uses): a
 * lead with no date inside `window` (when given) is left out of `leads`; the data quality
 * covers the whole sheet, with the same counts the lead check reports.
 */
export function reviewLeads(
  read: LeadSheet,
  window?: { start: number; end: number },
  verdict?: LeadVerdict,
  extras?: LeadExtras,
): ReadLeadsResult {
  const from = window?.start ?? -Infinity;
  const to = window?.end ?? Infinity;
  const inWindow = (at: number | null) => at !== null && at >= from && at < to;
  const leads: LeadFacts[] = [];
  let contactBeforeHandoff = 0;
  let untimedContacts = 0;
  let firstDate: number | null = null;
  for (const record of read.records) {
    if (!record) continue;
    const facts = factsOf(record, verdict, extras);
    const dates = [
      facts.createdAt,
      facts.mqlAt,
      facts.handedOffAt,
      facts.firstContactAt,
      facts.wonAt,
    ];
    for (const at of dates)
      if (at !== null && (firstDate === null || at < firstDate)) firstDate = at;
    // the data-quality counts are the sheet's, like the rows read: the month's are its figures
    if (
      facts.handedOffAt !== null &&
      facts.firstContactAt !== null &&
      facts.firstContactAt < facts.handedOffAt
    ) {
      contactBeforeHandoff++;
    }
    if (facts.contactedUntimed) untimedContacts++;
    if (
      !dates.some(inWindow) &&
      !inWindow(facts.returned?.at ?? null) &&
      !(facts.loggedSpan && facts.loggedSpan.last >= from && facts.loggedSpan.first < to)
    )
      continue;
    leads.push(facts);
  }
  const q = read.quality;
  return {
    leads,
    quality: {
      rows: q.rows,
      unreadableRows: q.unreadableRows,
      unreadableByColumn: { ...q.byHeader },
      unreadableRowNumbers: [...q.rowNumbers],
      unmapped: q.unmapped.map((u) => ({ header: u.header, value: u.value, rows: u.rows })),
      contactBeforeHandoff,
      untimedContacts,
      missingColumns: read.fields.missing
        .filter((f) => REVIEW_FIELDS.includes(f))
        .map((f) => FIELD_LABELS[f]),
      missing: missingInputs(read),
      clockHeader: read.clock?.header ?? null,
      firstDate,
    },
  };
}

/** Reads the table and gives the review's view of it (the canonical headers, default maps). */
export function readLeads(
  header: readonly unknown[],
  rows: ReadonlyArray<readonly unknown[]>,
  options: ReadOptions,
  window?: { start: number; end: number },
): ReadLeadsResult {
  return reviewLeads(readLeadSheet(header, rows, options), window);
}

/**
 * Sales-sourced rule: a source is SALES-sourced when, case and accents ignored, it starts with
 * "sales", contains "outbound", "prospecting" or "cold call"/"cold email", or names a rep's
 * referral ("rep referral", "referral by rep"). Every other source, blank included, is
 * MARKETING-sourced.
 */
export function isSalesSourced(source: string): boolean {
  const s = normalizeText(source);
  if (!s) return false;
  return (
    s.startsWith('sales') ||
    s.includes('outbound') ||
    s.includes('prospecting') ||
    s.includes('cold call') ||
    s.includes('cold email') ||
    s.includes('rep referral') ||
    s.includes('referral by rep')
  );
}
