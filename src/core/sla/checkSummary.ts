import { countText, plural } from '../common/plural.ts';
import { type DateOrder, describeDateOrder } from '../read/dateOrder.ts';
import { DATE_FIELDS, FIELD_LABELS, type FieldId } from '../read/fieldIds.ts';
import { LEAD_HEADERS } from '../read/leadColumns.ts';
import type { LeadSheet } from '../read/leadRecords.ts';
import type { ActivityReport } from './activityJoin.ts';
import type { CheckExtras, StatusCounts } from './leadCheck.ts';

/**
 * What the lead check tells the user, in words that state what was read and what was not:
 * never "on time" about leads that could not be timed.
 */

export interface CheckFigures {
  counts: StatusCounts;
  extras: CheckExtras;
  leads: number;
  /** The clock column, null when the sheet has none. */
  clock: LeadSheet['clock'];
  trackingDays: number;
}

const count = plural;

/** Leads whose SLA was measured against a deadline (not waiting, closed, contacted or untracked). */
export function timedLeads(f: CheckFigures): number {
  const c = f.counts;
  return c.Due + c['At risk'] + c.Overdue + c.Met + c.Missed - f.extras.untracked;
}

/** "Checked 240 leads: 12 overdue, 3 at risk, 2 to recycle" and what could not be judged. */
export function summaryText(f: CheckFigures): string {
  const { counts: c, leads, extras } = f;
  if (leads === 0) return 'No leads to check yet';
  const head = `Checked ${count(leads, 'lead')}`;
  if (!f.clock) {
    return `${head}: none could be timed — no hand-off, MQL or creation date column (choose the column that starts the clock in Fields)`;
  }
  const work: string[] = [];
  const overdue = c.Overdue - extras.untracked;
  if (overdue) work.push(`${countText(overdue)} overdue`);
  if (c['At risk']) work.push(`${countText(c['At risk'])} at risk`);
  if (c.Recycle) work.push(`${countText(c.Recycle)} to recycle`);
  if (c['Check data']) work.push(`${count(c['Check data'], 'row')} to check`);
  const other: string[] = [];
  if (extras.untracked) {
    other.push(
      `${count(extras.untracked, 'lead')} with no contact recorded, started over ${plural(f.trackingDays, 'day')} ago (not tracked)`,
    );
  }
  if (c.Contacted)
    other.push(`${count(c.Contacted, 'contacted lead')} with no contact time (not judged)`);
  if (extras.unscored)
    other.push(
      "no Score: none of the scoring criteria's columns is in the sheet (choose them in Scoring)",
    );
  if (extras.unmapped)
    other.push(
      `${count(extras.unmapped, 'lead')} with a value to map in Fields (no notice until then)`,
    );
  const timed = timedLeads(f);
  const waiting = c.Waiting ? `${count(c.Waiting, 'lead')} with no ${f.clock.header} date yet` : '';
  if (work.length === 0) {
    // a Missed lead was timed, and was late: never counted as on time
    const onTime = timed - c.Missed;
    if (c.Missed) other.unshift(`${count(c.Missed, 'lead')} contacted after the deadline (Missed)`);
    if (onTime === leads) return `${head}: all leads on time`;
    if (timed === 0) {
      const why = waiting ? ` — ${waiting}` : '';
      return `${head}: none could be timed yet${why}${other.length ? `; ${other.join(', ')}` : ''}`;
    }
    if (onTime) work.push(`${count(onTime, 'timed lead')} on time`);
    if (waiting) work.push(waiting);
  }
  return `${head}: ${[...work, ...other].join(', ')}`;
}

function list(items: readonly string[]): string {
  return items.map((i) => `"${i}"`).join(', ');
}

/** How many unmapped values and unread columns a note names (all of them are in the report). */
const UNMAPPED_LISTED = 10;
export const NOT_READ_LISTED = 10;

/** `3: "A", "B", "C"`; past ten names, `294 (the first 10: "A", … )`. */
export function notRead(headers: readonly string[]): string {
  const n = countText(headers.length);
  if (headers.length <= NOT_READ_LISTED) return `${n}: ${list(headers)}`;
  return `${n} (the first ${NOT_READ_LISTED}: ${list(headers.slice(0, NOT_READ_LISTED))})`;
}

/** The fields a summary names when missing: the public ones (not the helper fields). */
const REPORTED: readonly FieldId[] = Object.keys(LEAD_HEADERS) as FieldId[];

/**
 * What was read, for the run log, the terminal summary and the sidebar: which header fed each
 * field, what was not found, the date order of each date column, and what started the clock.
 */
export function readNotes(
  read: LeadSheet,
  locale: string | (() => string),
  relevant: readonly FieldId[] = REPORTED,
): string[] {
  const notes: string[] = [];
  const f = read.fields;
  // the most useful first: the run log keeps a few notes a run
  const q = read.quality;
  if (q.unreadableRows) {
    const by = Object.entries(q.byHeader)
      .map(([h, n]) => `${h} ${countText(n)}`)
      .join(', ');
    notes.push(`${count(q.unreadableRows, 'row')} with values that could not be read (${by}).`);
  }
  if (q.unmapped.length) {
    const values = q.unmapped
      .slice(0, UNMAPPED_LISTED)
      .map((u) => `${u.header} "${u.value}" ${countText(u.rows)}`);
    const more =
      q.unmapped.length > UNMAPPED_LISTED
        ? `, and ${q.unmapped.length - UNMAPPED_LISTED} more`
        : '';
    notes.push(
      `Values not mapped (a stage or status read as an open lead, a priority as the default; no notice until mapped in Fields): ${values.join(', ')}${more}.`,
    );
  }
  if (q.footerRows) {
    notes.push(
      `${count(q.footerRows, 'report footer row')} (totals, copyright) not read as leads.`,
    );
  }
  notes.push(
    read.clock
      ? `The SLA clock starts at "${read.clock.header}".`
      : 'No column starts the SLA clock (no hand-off, MQL or creation date): no lead could be timed.',
  );
  const missing = f.missing.filter((m) => relevant.includes(m));
  if (missing.length) notes.push(`Not found: ${missing.map((m) => FIELD_LABELS[m]).join(', ')}.`);
  for (const c of f.conflicts) {
    notes.push(
      `${FIELD_LABELS[c.field]}: used "${c.used}", ignored ${list(c.ignored)} (choose another in Fields).`,
    );
  }
  for (const d of f.dropped) {
    notes.push(
      `"${d.header}" holds no ${FIELD_LABELS[d.field]} values (e.g. ${d.example}): not used.`,
    );
  }
  for (const s of f.staleChoices) {
    notes.push(
      `${FIELD_LABELS[s.field]}: the chosen column "${s.header}" is gone; found it as usual.`,
    );
  }
  for (const field of DATE_FIELDS) {
    const order = read.dateOrders[field];
    if (!order || order.dayFirst + order.monthFirst + order.ambiguous === 0) continue;
    const header = f.found.find((x) => x.field === field)?.header ?? FIELD_LABELS[field];
    notes.push(`Dates in "${header}": ${describeDateOrder(order, locale)}.`);
  }
  if (read.unplaced.length)
    notes.push(`Columns not read (yours, or map them in Fields): ${notRead(read.unplaced)}.`);
  const renamed = f.found.filter((x) => x.header !== FIELD_LABELS[x.field]);
  // a few fields per note: the run log cuts long notes
  for (let i = 0; i < renamed.length; i += 5) {
    const part = renamed.slice(i, i + 5).map((x) => `${FIELD_LABELS[x.field]} ← "${x.header}"`);
    notes.push(`Columns read: ${part.join(', ')}.`);
  }
  return notes;
}

export type { DateOrder };

/** The structured twin of readNotes: which sheet and headers the check read. */
export function readReport(
  sheet: string,
  read: LeadSheet,
  locale: string | (() => string),
): ReadReportData {
  const fields: Record<string, string> = {};
  for (const f of read.fields.found) fields[FIELD_LABELS[f.field]] = f.header;
  const dateOrders: Record<string, string> = {};
  for (const field of DATE_FIELDS) {
    const order = read.dateOrders[field];
    const header = read.fields.found.find((x) => x.field === field)?.header;
    if (order && header && order.dayFirst + order.monthFirst + order.ambiguous > 0) {
      dateOrders[header] = describeDateOrder(order, locale);
    }
  }
  return {
    sheet,
    fields,
    missing: read.fields.missing.filter((m) => REPORTED.includes(m)).map((m) => FIELD_LABELS[m]),
    clock: read.clock?.header ?? null,
    dateOrders,
    unreadableRows: read.quality.unreadableRows,
    unreadableByHeader: { ...read.quality.byHeader },
    footerRows: read.quality.footerRows,
    unplaced: [...read.unplaced],
    unmapped: read.quality.unmapped.map((u) => ({
      header: u.header,
      value: u.value,
      rows: u.rows,
    })),
    activities: null,
  };
}

/** Same shape as the sidebar contract's ReadReport (kept here: the core imports no shell). */
export interface ReadReportData {
  sheet: string;
  fields: Record<string, string>;
  missing: string[];
  clock: string | null;
  dateOrders: Record<string, string>;
  unreadableRows: number;
  unreadableByHeader: Record<string, number>;
  /** Report footer lines (totals, copyright) under the data, not read as leads. */
  footerRows: number;
  /** Headers no field or scoring criterion reads. */
  unplaced: string[];
  /** Each stage, status or priority value nobody mapped, with its rows. */
  unmapped: Array<{ header: string; value: string; rows: number }>;
  /** The activity log read and joined to the leads, when there is one. */
  activities: ActivityReport | null;
}
