import { DATE_TIME_COLUMN_WIDTH } from '../read/leadColumns.ts';
import { channelTable, returnedTable } from './agreementSections.ts';
import { block, type CellValue, type SheetBlock, type Table } from './blocks.ts';
import { KPIS } from './kpis.ts';
import type { Review } from './review.ts';
import {
  definitionsTable,
  funnelTable,
  groupColumnOf,
  groupTable,
  headlineTable,
  rejectedTable,
  scoreTable,
  speedToLeadTable,
  titleBlock,
  trendTable,
} from './sections.ts';

/**
 * The review sheet's layout (pure): the sections (reviewSections.ts) one under the other, a
 * blank row between them, and two charts to their right. The shell writes each block, then
 * adds the charts.
 */

export interface ChartSpec {
  id: 'funnel' | 'onTimeByOwner';
  type: 'column' | 'bar';
  title: string;
  /** Size in pixels. */
  width: number;
  height: number;
  /** Source ranges (1-based), first the labels column then the values column. */
  ranges: Array<{ row: number; col: number; numRows: number; numCols: number }>;
  anchorRow: number;
  anchorCol: number;
}

export interface ReviewLayout {
  blocks: SheetBlock[];
  charts: ChartSpec[];
  /** Widths in pixels of the first columns. */
  columnWidths: number[];
}

export interface LayoutOptions {
  /** When the review was generated (written as a date-time cell). */
  generatedAt: Date;
}

type SectionId =
  | 'headline'
  | 'marketing'
  | 'sales'
  | 'channels'
  | 'revenue'
  | 'funnel'
  | 'bySource'
  | 'byOwner'
  | 'trend'
  | 'speedToLead'
  | 'rejected'
  | 'returned'
  | 'definitions';

/** The sections under the title, top to bottom; a section without a table is left out. */
const SECTIONS: ReadonlyArray<readonly [SectionId, (r: Review) => Table | null]> = [
  ['headline', (r) => headlineTable(r, r.previous.month)],
  [
    'marketing',
    (r) => scoreTable("Marketing's commitment: how many and how good", r.scorecards.marketing),
  ],
  ['sales', (r) => scoreTable("Sales' commitment: how fast and how well", r.scorecards.sales)],
  ['channels', channelTable],
  ['revenue', (r) => scoreTable('Revenue', r.scorecards.revenue)],
  ['funnel', funnelTable],
  ['bySource', (r) => groupTable('By source', 'Source', r.bySource, true, false, r.noData)],
  ['byOwner', (r) => groupTable('By owner', 'Owner', r.byOwner, false, true, r.noData)],
  ['trend', (r) => trendTable(r.trend, r.previous.month)],
  ['speedToLead', speedToLeadTable],
  ['rejected', (r) => rejectedTable(r.rejected)],
  ['returned', (r) => returnedTable(r.returned)],
  ['definitions', definitionsTable],
];

const CHART_WIDTH = 560;
const CHART_HEIGHT = 340;
/** Rows kept free under the headline for the charts (21 px a row). */
const CHART_ROWS = 18;

/** The first column whose left edge is `px` or more from the sheet's left edge. */
function columnAt(widths: readonly number[], px: number): number {
  let left = 0;
  for (let c = 0; c < widths.length; c++) {
    if (left >= px) return c + 1;
    left += widths[c]!;
  }
  return widths.length + 1;
}

/**
 * The funnel by stage, and the on-time share by owner, over their tables' cells, side by side
 * in the rows kept under the headline (before the tables, as on the HTML page). The by-owner
 * chart is left out when the month has no on-time figure (no data).
 */
function charts(
  review: Review,
  funnel: SheetBlock,
  owners: SheetBlock,
  at: { row: number; widths: readonly number[] },
): ChartSpec[] {
  const tableRows = (b: SheetBlock) => b.values.length - 1; // header + data rows
  const column = (b: SheetBlock, col: number) => ({
    row: b.row + 1,
    col,
    numRows: tableRows(b),
    numCols: 1,
  });
  const specs: ChartSpec[] = [
    {
      id: 'funnel',
      type: 'column',
      title: `Funnel of the leads created in ${review.label}`,
      width: CHART_WIDTH,
      height: CHART_HEIGHT,
      ranges: [{ ...column(funnel, 1), numCols: 2 }],
      anchorRow: at.row,
      anchorCol: 1,
    },
  ];
  const owned = review.byOwner.some((g) => g.figures.sales.onTimeShare !== null);
  if (review.noData.onTimeShare === undefined && owned) {
    specs.push({
      id: 'onTimeByOwner',
      type: 'bar',
      title: `${KPIS.onTimeShare.label}, by owner`,
      width: CHART_WIDTH,
      height: CHART_HEIGHT,
      ranges: [column(owners, 1), column(owners, groupColumnOf('onTimeShare'))],
      anchorRow: at.row,
      anchorCol: columnAt(at.widths, CHART_WIDTH + 24),
    });
  }
  return specs;
}

const CHAR_PX = 7;
const MIN_WIDTH = 60;
const MAX_WIDTH = 420;
const FIRST_COLUMN_WIDTH = 320;

/** The text of a cell as wide as it shows (numbers by their formatted length, roughly). */
function shownLength(value: CellValue): number {
  if (typeof value === 'string') return value.length;
  if (typeof value === 'number') return Math.abs(value) >= 1000 ? 9 : 6;
  return 16;
}

/**
 * Each column wide enough for its headers and values (capped: long notes are cut by the next
 * column, never a header or a date), dates at the date-time width.
 */
function columnWidths(blocks: readonly SheetBlock[]): number[] {
  const widths: number[] = [];
  for (const b of blocks) {
    // a section's title row spans the table: it does not size a column
    const rows = b.id === 'title' ? [] : b.values.slice(1);
    rows.forEach((row, r) => {
      row.forEach((value, i) => {
        const c = b.col - 1 + i;
        const format = b.numberFormats[r + 1]?.[i] ?? '';
        const px = /yy/.test(format)
          ? DATE_TIME_COLUMN_WIDTH
          : Math.ceil(shownLength(value) * CHAR_PX + 16);
        widths[c] = Math.min(MAX_WIDTH, Math.max(widths[c] ?? MIN_WIDTH, px));
      });
    });
  }
  widths[0] = FIRST_COLUMN_WIDTH;
  // the title's generated-at date sits in column 2
  widths[1] = Math.max(widths[1] ?? MIN_WIDTH, DATE_TIME_COLUMN_WIDTH);
  return Array.from(widths, (w) => w ?? MIN_WIDTH);
}

export function reviewLayout(review: Review, options: LayoutOptions): ReviewLayout {
  const title = titleBlock(review, options.generatedAt);
  const blocks: SheetBlock[] = [title];
  const placed = new Map<SectionId, SheetBlock>();
  let row = title.row + title.values.length + 1;
  let chartRow = row;
  for (const [id, table] of SECTIONS) {
    const t = table(review);
    if (t === null) continue;
    const b = block(id, row, 1, t);
    blocks.push(b);
    placed.set(id, b);
    row += b.values.length + 1;
    if (id === 'headline') {
      chartRow = row;
      row += CHART_ROWS + 1;
    }
  }
  const widths = columnWidths(blocks);
  return {
    blocks,
    charts: charts(review, placed.get('funnel')!, placed.get('byOwner')!, {
      row: chartRow,
      widths,
    }),
    columnWidths: widths,
  };
}
