import { isBlank, isBlankRow, isDate } from './cell.ts';
import { normalizeText, readPlainNumber } from './cellValues.ts';
import { readInstant } from './dates.ts';
import { findColumn, indexHeaders } from './headers.ts';
import { LEAD_HEADERS, type Stage } from './leadColumns.ts';
import { MONTH_NAMES } from './names.ts';
import type { Priority } from './settings.ts';
import { fromWall, toWall, type ZoneClock } from './zone.ts';

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

/** How far a lead got: 0 lead, 1 MQL, 2 SQL, 3 opportunity, 4 customer. */
export type StageRank = 0 | 1 | 2 | 3 | 4;

export interface LeadFacts {
  /** 0-based index in the data rows (sheet row = index + 2). */
  index: number;
  /** Lead ID, name and company: read for rejected leads only (the review lists those). */
  identity: { leadId: string; name: string; company: string } | null;
  /** Display text as typed (trimmed); '' when blank. */
  source: string;
  owner: string;
  priority: Priority;
  stage: Stage | null;
  /** Furthest stage reached, from Stage and the dates (see `reachedRank`). */
  rank: StageRank;
  rejected: boolean;
  rejectedReason: string;
  createdAt: number | null;
  mqlAt: number | null;
  handedOffAt: number | null;
  firstContactAt: number | null;
  wonAt: number | null;
  /** Attempts as a number; blank = 0; null when unreadable. */
  attempts: number | null;
  /** Deal value; null when blank or unreadable. */
  dealValue: number | null;
}

export const DATE_COLUMNS = [
  'createdAt',
  'mqlAt',
  'handedOffAt',
  'firstContactAt',
  'wonAt',
] as const;
export type DateColumn = (typeof DATE_COLUMNS)[number];

export interface DataQuality {
  /** Non-blank data rows read. */
  rows: number;
  /** Rows with at least one unreadable date (they are left out of the figures needing it). */
  unreadableDateRows: number;
  /** Unreadable cells per canonical header (`MQL at`: 2). */
  unreadableByColumn: Record<string, number>;
  /** Sheet rows (1-based) with an unreadable date, first 20. */
  unreadableRowNumbers: number[];
  /** The counts below cover the leads with a date in the review window. */
  unreadableAttempts: number;
  unreadableDealValues: number;
  /** Priority text that is not Hot/Warm/Cold (the default priority is used). */
  unknownPriorities: number;
  /** Stage text that is not one of the stages (the dates decide how far the lead got). */
  unknownStages: number;
  /** First contact dated before the hand-off (time to contact counted as 0). */
  contactBeforeHandoff: number;
  /** Canonical headers the review needs but the sheet lacks. */
  missingColumns: string[];
}

export interface ReadLeadsResult {
  leads: LeadFacts[];
  quality: DataQuality;
}

const STAGE_WORDS: Record<string, Stage> = {
  lead: 'Lead',
  leads: 'Lead',
  mql: 'MQL',
  sql: 'SQL',
  opportunity: 'Opportunity',
  opportunities: 'Opportunity',
  opp: 'Opportunity',
  customer: 'Customer',
  customers: 'Customer',
  won: 'Customer',
  recycled: 'Recycled',
  recycle: 'Recycled',
  rejected: 'Rejected',
  lost: 'Lost',
};

const STAGE_RANK: Record<Stage, StageRank> = {
  Lead: 0,
  MQL: 1,
  SQL: 2,
  Opportunity: 3,
  Customer: 4,
  // Lost is a closed-lost opportunity: it reached the opportunity stage.
  Lost: 3,
  // Recycled and rejected leads were handed to sales, so they were MQL.
  Recycled: 1,
  Rejected: 1,
};

const PRIORITY_WORDS: Record<string, Priority> = {
  hot: 'Hot',
  warm: 'Warm',
  cold: 'Cold',
  chaud: 'Hot',
  tiede: 'Warm',
  froid: 'Cold',
};

/** Canonical headers the review reads (all optional; missing ones are reported). */
const NEEDED = ['source', 'owner', 'stage', ...DATE_COLUMNS] as const;

function text(value: unknown): string {
  if (isBlank(value)) return '';
  return typeof value === 'string' ? value.trim() : String(value);
}

const UNREADABLE = -Infinity;
const EARLIEST = Date.UTC(1899, 11, 31);

/** A date cell as an instant, null when blank, UNREADABLE otherwise (readInstant's rules). */
function readDateCell(value: unknown, clock: ZoneClock): number | null {
  if (value === '' || value === null || value === undefined) return null;
  if (isDate(value)) {
    const ms = value.getTime();
    if (ms >= EARLIEST) return ms;
  }
  const read = readInstant(value, clock);
  return read.kind === 'instant' ? read.ms : read.kind === 'blank' ? null : UNREADABLE;
}

/**
 * Reads every non-blank row once. Dates are checked on every row (data quality); a lead with
 * no date inside `window` (when given) is left out of `leads`, and its other values unchecked.
 */
export function readLeads(
  header: readonly unknown[],
  rows: ReadonlyArray<readonly unknown[]>,
  clock: ZoneClock,
  defaultPriority: Priority,
  window?: { start: number; end: number },
): ReadLeadsResult {
  const from = window?.start ?? -Infinity;
  const to = window?.end ?? Infinity;
  const index = indexHeaders(header);
  const col = (key: keyof typeof LEAD_HEADERS) => findColumn(index, LEAD_HEADERS[key]);
  const c = {
    leadId: col('leadId'),
    name: col('name'),
    company: col('company'),
    source: col('source'),
    owner: col('owner'),
    priority: col('priority'),
    stage: col('stage'),
    createdAt: col('createdAt'),
    mqlAt: col('mqlAt'),
    handedOffAt: col('handedOffAt'),
    firstContactAt: col('firstContactAt'),
    attempts: col('attempts'),
    rejectedReason: col('rejectedReason'),
    wonAt: col('wonAt'),
    dealValue: col('dealValue'),
  };
  const quality: DataQuality = {
    rows: 0,
    unreadableDateRows: 0,
    unreadableByColumn: {},
    unreadableRowNumbers: [],
    unreadableAttempts: 0,
    unreadableDealValues: 0,
    unknownPriorities: 0,
    unknownStages: 0,
    contactBeforeHandoff: 0,
    missingColumns: NEEDED.filter((k) => c[k] < 0).map((k) => LEAD_HEADERS[k]),
  };
  const leads: LeadFacts[] = [];
  const cell = (row: readonly unknown[], i: number): unknown => (i < 0 ? '' : row[i]);
  const priorities = new Map<unknown, Priority | null>();
  const stages = new Map<unknown, Stage | null>();
  const dateCols = DATE_COLUMNS.map((k) => c[k]);
  const instants: Array<number | null> = [null, null, null, null, null];

  for (let r = 0; r < rows.length; r++) {
    const row = rows[r]!;
    if (isBlankRow(row)) continue;
    quality.rows++;
    let badDate = false;
    for (let k = 0; k < dateCols.length; k++) {
      const at = readDateCell(cell(row, dateCols[k]!), clock);
      if (at === UNREADABLE) {
        badDate = true;
        const name = LEAD_HEADERS[DATE_COLUMNS[k]!];
        quality.unreadableByColumn[name] = (quality.unreadableByColumn[name] ?? 0) + 1;
        instants[k] = null;
      } else instants[k] = at;
    }
    const [
      createdAt = null,
      mqlAt = null,
      handedOffAt = null,
      firstContactAt = null,
      wonAt = null,
    ] = instants;
    if (badDate) {
      quality.unreadableDateRows++;
      if (quality.unreadableRowNumbers.length < 20) quality.unreadableRowNumbers.push(r + 2);
    }
    let inWindow = false;
    for (const at of instants) if (at !== null && at >= from && at < to) inWindow = true;
    if (!inWindow) continue;

    const priorityCell = cell(row, c.priority);
    let p = priorities.get(priorityCell);
    if (p === undefined) {
      const t = normalizeText(text(priorityCell));
      p = t ? (PRIORITY_WORDS[t] ?? null) : defaultPriority;
      priorities.set(priorityCell, p);
    }
    if (p === null) quality.unknownPriorities++;
    const priority = p ?? defaultPriority;

    const stageCell = cell(row, c.stage);
    let stage = stages.get(stageCell);
    if (stage === undefined) {
      const t = normalizeText(text(stageCell));
      stage = t ? (STAGE_WORDS[t] ?? null) : null;
      stages.set(stageCell, stage);
    }
    if (stage === null && !isBlank(stageCell)) quality.unknownStages++;

    const attemptsCell = cell(row, c.attempts);
    let attempts: number | null = 0;
    if (!isBlank(attemptsCell)) {
      attempts = readPlainNumber(attemptsCell);
      if (attempts === null || attempts < 0) {
        attempts = null;
        quality.unreadableAttempts++;
      }
    }
    const valueCell = cell(row, c.dealValue);
    let dealValue: number | null = null;
    if (!isBlank(valueCell)) {
      dealValue = readPlainNumber(valueCell);
      if (dealValue === null) quality.unreadableDealValues++;
    }

    if (handedOffAt !== null && firstContactAt !== null && firstContactAt < handedOffAt) {
      quality.contactBeforeHandoff++;
    }

    const rejectedReason = text(cell(row, c.rejectedReason));
    const rejected = stage === 'Rejected' || rejectedReason !== '';
    let rank: StageRank = stage ? STAGE_RANK[stage] : 0;
    if (rank < 1 && (mqlAt !== null || handedOffAt !== null)) rank = 1;
    if (wonAt !== null) rank = 4;

    leads.push({
      index: r,
      identity: rejected
        ? {
            leadId: text(cell(row, c.leadId)),
            name: text(cell(row, c.name)),
            company: text(cell(row, c.company)),
          }
        : null,
      source: text(cell(row, c.source)),
      owner: text(cell(row, c.owner)),
      priority,
      stage,
      rank,
      rejected,
      rejectedReason,
      createdAt,
      mqlAt,
      handedOffAt,
      firstContactAt,
      wonAt,
      attempts,
      dealValue,
    });
  }
  return { leads, quality };
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
