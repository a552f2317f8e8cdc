import { headerKey } from '../common/headers.ts';
import { type CellValue, UNIT_FORMATS } from './blocks.ts';
import { KPI_IDS, KPIS, kpiColumn } from './kpis.ts';
import type { Review } from './review.ts';

/**
 * SLA History: one row per month with every KPI of the table (kpis.ts). Its columns are a data
 * contract: months written by older versions stay under the headers they were written under.
 * So the sheet is written and read by header name: an existing column keeps its place, a KPI the
 * sheet does not have yet is appended at the right, and a column that is not ours (a note the
 * team added) is kept as it is.
 */

/** Our columns, in the order a new History sheet gets them. */
export const HISTORY_HEADER: readonly string[] = [
  'Month',
  ...KPI_IDS.map(kpiColumn),
  'Leads with unreadable values',
  'Generated at',
];

/** The number format of each of our columns, in `HISTORY_HEADER`'s order. */
export const HISTORY_FORMATS: readonly string[] = [
  '@',
  ...KPI_IDS.map((id) => UNIT_FORMATS[KPIS[id].unit]),
  '0',
  'yyyy-mm-dd hh:mm',
];

/** The index in `HISTORY_HEADER` of the run's date and time (a wider column). */
export const GENERATED_AT_INDEX = HISTORY_HEADER.length - 1;

/**
 * The width in pixels of each column of the layout: ours as wide as their header (`Deals won`
 * never cut to `Deals wor`), the run's date-time as wide as a date; the team's own: null (kept).
 */
export function historyColumnWidths(
  layout: HistoryLayout,
  dateTimeWidth: number,
): Array<number | null> {
  return layout.header.map((text, c) => {
    const index = layout.ours[c]!;
    if (index < 0) return null;
    if (index === GENERATED_AT_INDEX) return dateTimeWidth;
    return Math.min(280, Math.max(80, Math.ceil(text.length * 7.5 + 18)));
  });
}

const OUR_COLUMN = new Map(HISTORY_HEADER.map((h, i) => [headerKey(h), i]));

export interface HistoryLayout {
  /** The header row to write: the sheet's columns where they are, then ours it lacked. */
  header: string[];
  /** For each column, its index in `HISTORY_HEADER`, or -1 for a column that is not ours. */
  ours: number[];
  /** 0-based column of the month. */
  monthColumn: number;
  /** Our headers appended by this layout (none for a sheet already up to date). */
  added: string[];
}

/** The columns of a History sheet whose header row is `existing` (empty for a new sheet). */
export function historyLayout(existing: readonly unknown[]): HistoryLayout {
  let width = existing.length;
  while (width > 0 && headerKey(existing[width - 1]) === '') width--;
  const header: string[] = [];
  const ours: number[] = [];
  const seen = new Set<number>();
  for (let c = 0; c < width; c++) {
    const text = String(existing[c] ?? '');
    const index = OUR_COLUMN.get(headerKey(text));
    const mine = index !== undefined && !seen.has(index);
    if (mine) seen.add(index);
    header.push(text);
    ours.push(mine ? index : -1);
  }
  const added: string[] = [];
  HISTORY_HEADER.forEach((name, index) => {
    if (seen.has(index)) return;
    header.push(name);
    ours.push(index);
    added.push(name);
  });
  return { header, ours, monthColumn: ours.indexOf(0), added };
}

/** The month's figures in `HISTORY_HEADER`'s order; a figure the month does not have is blank. */
export function historyRow(review: Review, generatedAt: Date): CellValue[] {
  const m = review.current;
  return [
    review.month,
    ...KPI_IDS.map((id) => (review.noData[id] === undefined ? (KPIS[id].get(m) ?? '') : '')),
    review.quality.unreadableRows,
    generatedAt,
  ];
}

/**
 * The month's row laid out under `layout`'s columns: ours from the review, the others as they
 * were (`previous`, the row being replaced, or nothing for a new row).
 */
export function historyRowFor(
  layout: HistoryLayout,
  review: Review,
  generatedAt: Date,
  previous: readonly unknown[] = [],
): unknown[] {
  const values = historyRow(review, generatedAt);
  return layout.ours.map((index, c) => (index >= 0 ? values[index] : (previous[c] ?? '')));
}

/** The row's number formats: ours for our columns, the sheet's own (`previous`) for the others. */
export function historyFormatsFor(
  layout: HistoryLayout,
  previous: readonly string[] = [],
): string[] {
  return layout.ours.map((index, c) =>
    index >= 0 ? HISTORY_FORMATS[index]! : (previous[c] ?? ''),
  );
}
