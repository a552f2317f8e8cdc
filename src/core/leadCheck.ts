import type { BusinessCalendar } from './calendar.ts';
import { readInstant } from './dates.ts';
import type { LeadTable, OwnedKey } from './leadTable.ts';
import { plural } from './plural.ts';
import { compileScoring, scoreRow } from './scoring.ts';
import type { Settings } from './settings.ts';
import {
  evaluateLead,
  type LeadSlaInput,
  type SlaContext,
  STATUS_WORDS,
  type StatusWord,
  statusColor,
} from './slaStatus.ts';
import type { ZoneClock } from './zone.ts';

/**
 * The lead check, pure: score and SLA status of every row of the `Leads` table, the counts per
 * status, and where each result goes when rows moved between the read and the write.
 */

export type StatusCounts = Record<StatusWord, number>;

export interface CheckContext {
  settings: Settings;
  /** The spreadsheet's zone: dates typed as text or serial numbers are read in it. */
  clock: ZoneClock;
  /** Business hours, in the settings' zone (the spreadsheet's when blank). */
  calendar: BusinessCalendar;
  nowMs: number;
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

export interface ComputedLeads {
  /** One output per data row, null for a blank row. */
  outputs: Array<LeadOutput | null>;
  counts: StatusCounts;
  /** Non-blank rows. */
  leads: number;
  notes: string[];
}

export function emptyCounts(): StatusCounts {
  return Object.fromEntries(STATUS_WORDS.map((w) => [w, 0])) as StatusCounts;
}

/** The value of one of our columns for a lead. */
export function outputCell(out: LeadOutput, key: OwnedKey): unknown {
  return out[key];
}

/** Scores and evaluates every row of the table; never throws per row. */
export function computeLeads(table: LeadTable, ctx: CheckContext): ComputedLeads {
  const { settings, clock, nowMs } = ctx;
  const notes: string[] = [];
  const compiled = compileScoring(settings.scoring, table.header);
  if (compiled.unknownColumns.length > 0) {
    const list = compiled.unknownColumns.map((u) => `"${u.column}" (${u.label})`).join(', ');
    notes.push(`Scoring ignored the criteria on columns Leads does not have: ${list}.`);
  }
  const readDate = (v: unknown): number | null => {
    const r = readInstant(v, clock);
    return r.kind === 'instant' ? r.ms : null;
  };
  const slaCtx: SlaContext = {
    handoff: settings.handoff,
    calendar: ctx.calendar,
    clock,
    nowMs,
  };
  const idCount = new Map<string, number>();
  for (let i = 0; i < table.ids.length; i++) {
    const id = table.ids[i]!;
    if (id && !table.blank[i]) idCount.set(id, (idCount.get(id) ?? 0) + 1);
  }
  const c = table.cols;
  const counts = emptyCounts();
  // one input object reused for every row (evaluateLead keeps nothing): less garbage at 100k rows
  const input: LeadSlaInput = {
    leadId: '',
    priority: '',
    stage: '',
    handedOffAt: '',
    firstContactAt: '',
    attempts: '',
    lastAttemptAt: '',
  };
  const outputs = new Array<LeadOutput | null>(table.rows.length);
  let leads = 0;
  for (let i = 0; i < table.rows.length; i++) {
    if (table.blank[i]) {
      outputs[i] = null;
      continue;
    }
    leads++;
    const row = table.rows[i]!;
    const id = table.ids[i]!;
    let score: number | '' = '';
    let qualification = '';
    try {
      const s = scoreRow(compiled, row, nowMs, readDate);
      score = s.score;
      qualification = s.qualification;
    } catch {
      // scoreRow never throws on cell content; keep the row going whatever happens
    }
    let status: StatusWord;
    let text: string;
    let deadline: Date | '' = '';
    let next: Date | '' = '';
    if (!id) {
      status = 'Check data';
      text = 'Check data · Lead ID: is blank';
    } else if ((idCount.get(id) ?? 0) > 1) {
      status = 'Check data';
      text = DUPLICATE_STATUS;
    } else {
      input.leadId = row[c.leadId];
      input.priority = row[c.priority];
      input.stage = row[c.stage];
      input.handedOffAt = row[c.handedOffAt];
      input.firstContactAt = row[c.firstContactAt];
      input.attempts = row[c.attempts];
      input.lastAttemptAt = row[c.lastAttemptAt];
      const r = evaluateLead(input, slaCtx);
      status = r.status;
      text = r.detail;
      if (r.deadlineMs !== null) deadline = new Date(r.deadlineMs);
      if (r.nextAttemptMs !== null) next = new Date(r.nextAttemptMs);
    }
    counts[status]++;
    outputs[i] = {
      score,
      qualification,
      deadline,
      status: text,
      nextAttempt: next,
      color: statusColor(status),
    };
  }
  return { outputs, counts, leads, notes };
}

/** "Checked 240 leads: 12 overdue, 3 at risk, 2 to recycle", or "… all leads on time". */
export function summaryText(counts: StatusCounts, leads: number): string {
  const parts: string[] = [];
  if (counts.Overdue) parts.push(`${counts.Overdue} overdue`);
  if (counts['At risk']) parts.push(`${counts['At risk']} at risk`);
  if (counts.Recycle) parts.push(`${counts.Recycle} to recycle`);
  if (counts['Check data']) parts.push(`${plural(counts['Check data'], 'row')} to check`);
  const head = `Checked ${plural(leads, 'lead')}`;
  if (leads === 0) return 'No leads to check yet';
  return `${head}: ${parts.length ? parts.join(', ') : 'all leads on time'}`;
}

export interface Placement {
  /** Per current data row: its output, null to clear our cells, undefined to keep them. */
  target: Array<LeadOutput | null | undefined>;
  /** Results whose lead is no longer in the sheet. */
  skipped: number;
  /** True when rows moved between the read and the write. */
  moved: boolean;
  notes: string[];
}

/**
 * Where each result goes, given the Lead IDs read with the data and those read again just
 * before writing. Nothing moved (the usual case): by position. Otherwise each result goes to
 * the row now holding its ID; rows whose ID is unknown (new rows, rows without ID, changed IDs)
 * keep what our columns hold; a duplicate ID gets the duplicate status without a score (which
 * of the two rows is which is unknowable).
 */
export function placeOutputs(
  readIds: readonly string[],
  outputs: ReadonlyArray<LeadOutput | null>,
  currentIds: readonly string[],
): Placement {
  const n = currentIds.length;
  const moved = n !== readIds.length || currentIds.some((id, i) => id !== readIds[i]);
  if (!moved) {
    return { target: currentIds.map((_, i) => outputs[i] ?? null), skipped: 0, moved, notes: [] };
  }
  const byId = new Map<string, LeadOutput>();
  const duplicates = new Set<string>();
  readIds.forEach((id, i) => {
    const out = outputs[i];
    if (!id || !out) return;
    if (byId.has(id)) duplicates.add(id);
    else byId.set(id, out);
  });
  const placed = new Set<string>();
  const duplicate: LeadOutput = {
    ...BLANK_OUTPUT,
    status: DUPLICATE_STATUS,
    color: statusColor('Check data'),
  };
  const target = currentIds.map((id): LeadOutput | undefined => {
    if (id && duplicates.has(id)) return duplicate;
    const out = id ? byId.get(id) : undefined;
    if (out) placed.add(id);
    return out; // undefined: an unknown row keeps what it holds
  });
  let skipped = 0;
  for (const id of byId.keys()) if (!placed.has(id) && !duplicates.has(id)) skipped++;
  const gone = skipped ? ` (${plural(skipped, 'lead')} no longer in the sheet)` : '';
  return {
    target,
    skipped,
    moved,
    notes: [`Rows moved during the check: results were placed by Lead ID${gone}.`],
  };
}
