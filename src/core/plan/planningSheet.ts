import { headerKey } from '../common/headers.ts';
import { readNumber } from '../common/numbers.ts';

const MONTH_KEYS = [
  'jan',
  'feb',
  'mar',
  'apr',
  'may',
  'jun',
  'jul',
  'aug',
  'sep',
  'oct',
  'nov',
  'dec',
];

/**
 * The Planning sheet's monthly MQL targets (the `MQL target` row under a `Month` row of Jan…Dec,
 * as `setUpWorkbook` writes it), January first; null when the sheet has no complete row.
 */
export function plannedMonthlyMql(values: readonly (readonly unknown[])[]): number[] | null {
  const monthRow = values.findIndex((r) => headerKey(r[0]) === 'month');
  if (monthRow < 0) return null;
  const targetRow = values.slice(monthRow + 1).find((r) => headerKey(r[0]) === 'mqltarget');
  if (!targetRow) return null;
  const byMonth = new Map<number, number>();
  values[monthRow]!.forEach((label, col) => {
    const month = MONTH_KEYS.indexOf(headerKey(label).slice(0, 3));
    const read = readNumber(targetRow[col]);
    if (col > 0 && month >= 0 && read.kind === 'number' && read.value >= 0)
      byMonth.set(month, read.value);
  });
  if (byMonth.size !== 12) return null;
  return MONTH_KEYS.map((_, m) => byMonth.get(m)!);
}

/** What Planning's second row says before the team saves its own settings (A2). */
export const SAMPLE_PLAN_NOTE =
  "Sample plan (the add-in's defaults, not the team's): save your own in the sidebar (Plan, then Save) and the review judges against it.";

/** Planning's A2 under these settings: the sample note until the team agreed its own, else ''. */
export function planningNote(agreed: boolean): string {
  return agreed ? '' : SAMPLE_PLAN_NOTE;
}

/** Whether A2 holds what we write there (blank or our note): a user's text there stays. */
export function isOurPlanningNote(value: unknown): boolean {
  return value === '' || value === null || value === undefined || value === SAMPLE_PLAN_NOTE;
}
