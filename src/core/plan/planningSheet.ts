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
