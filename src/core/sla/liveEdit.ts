import type { ClockField, FieldId } from '../read/fieldIds.ts';
import { clockField, type FieldChoices, resolveFields } from '../read/fieldMap.ts';
import { LEADS_SHEET } from '../read/leadColumns.ts';
import { isGeneratedSheetName } from '../read/leadsSheetChoice.ts';

/**
 * Which edits the edit trigger answers: a change in the Leads sheet to a column that decides a
 * lead's SLA (the clock's date, stage, priority, owner, first contact, attempts). Every other
 * edit returns at once. Pure.
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
 * May this sheet be the Leads sheet? The configured name; else `Leads`; else, when the book has
 * no `Leads` sheet, any sheet we do not generate (its row 1 decides, as for the check).
 */
export function mayHoldLeads(
  name: string,
  configured: string,
  bookHasLeadsSheet: () => boolean,
): boolean {
  const same = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();
  if (configured.trim()) return same(name, configured);
  if (same(name, LEADS_SHEET)) return true;
  return !isGeneratedSheetName(name) && !bookHasLeadsSheet();
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
