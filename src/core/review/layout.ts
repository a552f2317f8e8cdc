import { DATE_TIME_COLUMN_WIDTH } from '../read/leadColumns.ts';
import { block, type SheetBlock, type Table } from './blocks.ts';
import type { Review } from './review.ts';
import {
  funnelTable,
  groupColumnOf,
  groupTable,
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
  | 'marketing'
  | 'sales'
  | 'revenue'
  | 'funnel'
  | 'bySource'
  | 'byOwner'
  | 'trend'
  | 'speedToLead'
  | 'rejected';

/** The sections under the title, top to bottom. */
const SECTIONS: ReadonlyArray<readonly [SectionId, (r: Review) => Table]> = [
  [
    'marketing',
    (r) => scoreTable("Marketing's commitment: how many and how good", r.scorecards.marketing),
  ],
  ['sales', (r) => scoreTable("Sales' commitment: how fast and how well", r.scorecards.sales)],
  ['revenue', (r) => scoreTable('Revenue', r.scorecards.revenue)],
  ['funnel', funnelTable],
  ['bySource', (r) => groupTable('By source', 'Source', r.bySource, true)],
  ['byOwner', (r) => groupTable('By owner', 'Owner', r.byOwner, false, true)],
  ['trend', (r) => trendTable(r.trend, r.previous.month)],
  ['speedToLead', speedToLeadTable],
  ['rejected', (r) => rejectedTable(r.rejected)],
];

/** Column of the charts, right of the widest table. */
const CHART_COL = 15;

/** The funnel by stage, and the on-time share by owner, over their tables' cells. */
function charts(review: Review, funnel: SheetBlock, owners: SheetBlock): ChartSpec[] {
  const tableRows = (b: SheetBlock) => b.values.length - 1; // header + data rows
  const column = (b: SheetBlock, col: number) => ({
    row: b.row + 1,
    col,
    numRows: tableRows(b),
    numCols: 1,
  });
  return [
    {
      id: 'funnel',
      type: 'column',
      title: `Funnel of the leads created in ${review.label}`,
      ranges: [{ ...column(funnel, 1), numCols: 2 }],
      anchorRow: 1,
      anchorCol: CHART_COL,
    },
    {
      id: 'onTimeByOwner',
      type: 'bar',
      title: 'Hand-offs contacted within deadline, by owner',
      ranges: [column(owners, 1), column(owners, groupColumnOf('onTimeShare'))],
      anchorRow: 21,
      anchorCol: CHART_COL,
    },
  ];
}

export function reviewLayout(review: Review, options: LayoutOptions): ReviewLayout {
  const title = titleBlock(review, options.generatedAt);
  const blocks: SheetBlock[] = [title];
  const placed = new Map<SectionId, SheetBlock>();
  let row = title.row + title.values.length + 1;
  for (const [id, table] of SECTIONS) {
    const b = block(id, row, 1, table(review));
    blocks.push(b);
    placed.set(id, b);
    row += b.values.length + 1;
  }
  return {
    blocks,
    charts: charts(review, placed.get('funnel')!, placed.get('byOwner')!),
    // columns 2 and 7 hold dates (generated at, handed off at)
    columnWidths: [320, DATE_TIME_COLUMN_WIDTH, 150, 110, 110, 110, DATE_TIME_COLUMN_WIDTH, 110],
  };
}
