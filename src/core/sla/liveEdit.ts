import { headerKey } from '../common/headers.ts';
import type { DateOrder } from '../read/dateOrder.ts';
import type { ClockField, FieldId } from '../read/fieldIds.ts';
import { clockField, type FieldChoices, resolveFields } from '../read/fieldMap.ts';
import type { LeadSheet } from '../read/leadRecords.ts';

/**
 * Which edits the edit trigger answers: a change in the sheet the check reads to a column that
 * decides a lead's SLA (the clock's date, stage, priority, owner, first contact, attempts).
 * Every other edit returns at once. Pure.
 */

/** The fields whose cells change a lead's deadline or status, besides the clock's date. */
export const SLA_INPUT_FIELDS: readonly FieldId[] = [
  'stage',
  'leadStatus',
  'priority',
  'owner',
  'firstContactAt',
  'attempts',
  'lastAttemptAt',
];

/**
 * What a check proved about the sheet it read, kept for the edit trigger (and the custom
 * functions): which sheet (by id: a copy such as "Snapshot Oct" has another), and the order of
 * each date column its values proved, which a few edited rows may not prove again.
 */
export interface SheetReading {
  sheetId: number;
  name: string;
  /** The sheet the settings named when it was read ('' when the add-in found it). */
  configured: string;
  /** By header key (`headerKey`): the order the column's own values proved. */
  dateOrders: Array<[string, DateOrder]>;
  /** The activity log the check read beside the leads ('' when none). */
  activitySheet: string;
}

/** The reading of a check: the orders its columns' values proved, by header key. */
export function sheetReading(
  sheet: { sheetId: number; name: string; configured: string; activitySheet: string },
  read: LeadSheet,
  scoringOrders: ReadonlyArray<[header: string, order: DateOrder]> = [],
): SheetReading {
  const dateOrders: Array<[string, DateOrder]> = [];
  for (const f of read.fields.found) {
    const order = read.dateOrders[f.field as keyof LeadSheet['dateOrders']];
    if (order?.basis === 'values' && order.order)
      dateOrders.push([headerKey(f.header), order.order]);
  }
  for (const [header, order] of scoringOrders) {
    const key = headerKey(header);
    if (!dateOrders.some(([k]) => k === key)) dateOrders.push([key, order]);
  }
  return { ...sheet, dateOrders };
}

/**
 * Is the edited sheet the one the check reads? Told by the last check's reading; null when
 * there is none, or the settings name another sheet since: the shell then finds the leads
 * sheet as the check does.
 */
export function isCheckedSheet(
  editedSheetId: number,
  reading: SheetReading | null,
  configured: string,
): boolean | null {
  const same = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();
  if (!reading || !same(reading.configured, configured)) return null;
  return reading.sheetId === editedSheetId;
}

/** The 0-based columns whose edits change a lead's SLA; none when row 1 names no clock date. */
export function slaInputColumns(
  header: readonly unknown[],
  choices: FieldChoices,
  clockStart: ClockField | 'auto',
): number[] {
  const fields = resolveFields(header, choices);
  const clock = clockField(fields.columns, clockStart);
  if (clock === null) return [];
  return [clock, ...SLA_INPUT_FIELDS].map((f) => fields.columns[f]).filter((c) => c >= 0);
}

/** Does an edit of 0-based columns [first, last] touch one of `columns`? */
export function touchesColumns(columns: readonly number[], first: number, last: number): boolean {
  return columns.some((c) => c >= first && c <= last);
}
