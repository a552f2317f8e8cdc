import { type CellValue, UNIT_FORMATS } from './blocks.ts';
import { KPI_IDS, KPIS, kpiColumn } from './kpis.ts';
import type { Review } from './review.ts';

/** SLA History: one row per month with every KPI of the table (reviewKpis.ts), in its order. */

export const HISTORY_HEADER: readonly string[] = [
  'Month',
  ...KPI_IDS.map(kpiColumn),
  'Leads with unreadable values',
  'Generated at',
];

export const HISTORY_FORMATS: readonly string[] = [
  '@',
  ...KPI_IDS.map((id) => UNIT_FORMATS[KPIS[id].unit]),
  '0',
  'yyyy-mm-dd hh:mm',
];

/** The month's History row; a figure the month (or the sheet's columns) does not have is blank. */
export function historyRow(review: Review, generatedAt: Date): CellValue[] {
  const m = review.current;
  return [
    review.month,
    ...KPI_IDS.map((id) => (review.noData[id] === undefined ? (KPIS[id].get(m) ?? '') : '')),
    review.quality.unreadableRows,
    generatedAt,
  ];
}
