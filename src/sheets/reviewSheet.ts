import {
  DATE_TIME_COLUMN_WIDTH,
  HISTORY_SHEET,
  REVIEW_SHEET_PREFIX,
} from '../core/read/leadColumns.ts';
import type { SheetBlock } from '../core/review/blocks.ts';
import {
  historyColumnWidths,
  historyFormatsFor,
  historyLayout,
  historyRowFor,
} from '../core/review/history.ts';
import type { ChartSpec, ReviewLayout } from '../core/review/layout.ts';
import { monthKey, monthOf } from '../core/review/leadFacts.ts';
import type { Review } from '../core/review/review.ts';
import type { ZoneClock } from '../core/time/zone.ts';
import { type OwnedSheet, ourSheet } from './ownedSheets.ts';
import { ensureColumns, ensureRows } from './sheetSize.ts';

/**
 * Writes the review sheet and the History row. Touches only our `SLA Review YYYY-MM` and
 * `SLA History` (a user's sheet of that name is left alone: ours is written beside it, see
 * ownedSheets.ts); a constant number of calls per block whatever the number of leads.
 */

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

export function reviewSheetName(month: string): string {
  return `${REVIEW_SHEET_PREFIX}${month}`;
}

/** Our review sheet of the month, emptied (values, formats, charts) when it exists, else created. */
function freshSheet(ss: Spreadsheet, name: string): OwnedSheet {
  const owned = ourSheet(ss, name);
  if (owned.created) return owned;
  const sheet = owned.sheet;
  for (const chart of sheet.getCharts()) sheet.removeChart(chart);
  sheet.clear();
  sheet.setFrozenRows(0);
  return owned;
}

function writeBlock(sheet: Sheet, b: SheetBlock): void {
  const height = b.values.length;
  const width = b.values[0]?.length ?? 0;
  if (!height || !width) return;
  const range = sheet.getRange(b.row, b.col, height, width);
  // Formats first: the month column of History and our labels are text ('@') before the write.
  range.setNumberFormats(b.numberFormats);
  range.setValues(b.values);
  range.setBackgrounds(b.backgrounds);
  if (b.boldRows > 0)
    sheet.getRange(b.row, b.col, Math.min(b.boldRows, height), width).setFontWeight('bold');
}

function insertChart(sheet: Sheet, spec: ChartSpec): void {
  let builder = sheet.newChart();
  builder = spec.type === 'bar' ? builder.asBarChart() : builder.asColumnChart();
  for (const r of spec.ranges)
    builder = builder.addRange(sheet.getRange(r.row, r.col, r.numRows, r.numCols));
  const chart = builder
    .setNumHeaders(1)
    .setOption('title', spec.title)
    .setOption('legend', { position: 'none' })
    .setOption('width', spec.width)
    .setOption('height', spec.height)
    .setPosition(spec.anchorRow, spec.anchorCol, 0, 0)
    .build();
  sheet.insertChart(chart);
}

/** Writes (or rewrites) our `SLA Review YYYY-MM`; returns it. */
export function writeReviewSheet(
  ss: Spreadsheet,
  review: Review,
  layout: ReviewLayout,
): OwnedSheet {
  const owned = freshSheet(ss, reviewSheetName(review.month));
  const sheet = owned.sheet;
  let rows = 1;
  let cols = 1;
  for (const b of layout.blocks) {
    rows = Math.max(rows, b.row + b.values.length - 1);
    cols = Math.max(cols, b.col + (b.values[0]?.length ?? 1) - 1);
  }
  ensureRows(sheet, rows);
  ensureColumns(sheet, cols);
  for (const b of layout.blocks) writeBlock(sheet, b);
  sheet.getRange(1, 1).setFontSize(14);
  layout.columnWidths.forEach((w, i) => {
    sheet.setColumnWidth(i + 1, w);
  });
  for (const chart of layout.charts) insertChart(sheet, chart);
  return owned;
}

/** Month key of a History cell: text `2026-03`, or a Date Sheets made of it. */
function historyKey(value: unknown, clock: ZoneClock): string {
  if (Object.prototype.toString.call(value) === '[object Date]') {
    const ms = (value as Date).getTime();
    return Number.isFinite(ms) ? monthKey(monthOf(clock, ms)) : '';
  }
  return String(value ?? '')
    .trim()
    .replace(/^'/, '');
}

export interface HistoryWrite {
  /** The 1-based row written. */
  row: number;
  owned: OwnedSheet;
}

/**
 * Upserts the month's row in our `SLA History` (header row + one row per month, updated in
 * place), by header name: columns written by older versions keep their place, new KPIs are
 * appended at the right, and a column that is not ours keeps its cells and formats.
 */
export function upsertHistory(
  ss: Spreadsheet,
  review: Review,
  generatedAt: Date,
  clock: ZoneClock,
): HistoryWrite {
  const owned = ourSheet(ss, HISTORY_SHEET);
  const sheet = owned.sheet;
  const lastRow = sheet.getLastRow();
  const existing =
    lastRow > 0 ? sheet.getRange(1, 1, lastRow, sheet.getLastColumn()).getValues() : [];
  const layout = historyLayout(existing[0] ?? []);
  const width = layout.header.length;
  const keys = existing.slice(1).map((r) => historyKey(r[layout.monthColumn], clock));
  const found = keys.indexOf(review.month);
  const target = found >= 0 ? found + 2 : Math.max(lastRow, 1) + 1;
  ensureColumns(sheet, width);
  ensureRows(sheet, target);
  sheet.getRange(1, 1, 1, width).setValues([layout.header]).setFontWeight('bold');
  sheet.setFrozenRows(1);
  // widths once, when our columns are written (new sheet or new KPIs): the team may resize them
  if (layout.added.length) {
    historyColumnWidths(layout, DATE_TIME_COLUMN_WIDTH).forEach((width, c) => {
      if (width !== null) sheet.setColumnWidth(c + 1, width);
    });
  }
  const row = sheet.getRange(target, 1, 1, width);
  const theirs = layout.ours.includes(-1) ? row.getNumberFormats()[0] : [];
  row.setNumberFormats([historyFormatsFor(layout, theirs)]);
  // The month cell is formatted as text ('@') before the write: `2026-03` stays text, not a date.
  row.setValues([historyRowFor(layout, review, generatedAt, existing[target - 1])]);
  return { row: target, owned };
}
