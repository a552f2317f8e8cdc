import { userText } from './cell.ts';
import { plural, pluralWord } from './plural.ts';
import type { GroupRow, Rag, Review, ScoreLine, TrendRow, Unit } from './review.ts';
import type { DataQuality } from './reviewData.ts';
import { SPEED_TO_LEAD_ANCHORS } from './speedToLead.ts';

/**
 * The review sheet as plain blocks of cells (pure): the shell writes each block with one
 * setValues, one setBackgrounds and one setNumberFormats, then adds the charts.
 */

export type CellValue = string | number | Date;

export interface SheetBlock {
  id: string;
  /** 1-based top-left cell. */
  row: number;
  col: number;
  values: CellValue[][];
  backgrounds: Array<Array<string | null>>;
  numberFormats: string[][];
  /** Rows from the top of the block shown in bold (section title, table header). */
  boldRows: number;
}

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

export const RAG_COLOURS: Record<Rag, string | null> = {
  green: '#d9ead3',
  amber: '#fff2cc',
  red: '#f4cccc',
  none: null,
};
const RAG_WORDS: Record<Rag, string> = { green: 'Met', amber: 'Close', red: 'Missed', none: '' };
const HEADER_BG = '#efefef';
const SECTION_BG = '#cfe2f3';
const NO_DATA = 'no data';

const FORMATS: Record<Unit, string> = {
  count: '0',
  percent: '0%',
  hours: '0.0',
  days: '0',
  money: '#,##0',
  decimal: '0.00',
};

function figure(value: number | null): CellValue {
  return value === null ? NO_DATA : value;
}

interface Table {
  title: string;
  header: string[];
  rows: CellValue[][];
  formats?: string[][];
  backgrounds?: Array<Array<string | null>>;
}

function block(id: string, row: number, col: number, t: Table): SheetBlock {
  const width = Math.max(t.header.length, 1);
  const pad = <T>(cells: T[], fill: T): T[] =>
    cells.length >= width
      ? cells.slice(0, width)
      : [...cells, ...Array(width - cells.length).fill(fill)];
  const values: CellValue[][] = [pad<CellValue>([t.title], ''), pad<CellValue>(t.header, '')];
  const backgrounds: Array<Array<string | null>> = [
    Array(width).fill(SECTION_BG),
    Array(width).fill(HEADER_BG),
  ];
  const formats: string[][] = [Array(width).fill('@'), Array(width).fill('@')];
  t.rows.forEach((r, i) => {
    values.push(pad(r, ''));
    backgrounds.push(pad(t.backgrounds?.[i] ?? [], null));
    formats.push(pad(t.formats?.[i] ?? [], 'General'));
  });
  return { id, row, col, values, backgrounds, numberFormats: formats, boldRows: 2 };
}

function scoreTable(title: string, lines: readonly ScoreLine[]): Table {
  return {
    title,
    header: ['Measure', 'Actual', 'Commitment', 'Status', 'Note'],
    rows: lines.map((l) => [l.label, figure(l.actual), l.target, RAG_WORDS[l.status], l.note]),
    formats: lines.map((l) => ['@', FORMATS[l.unit], '@', '@', '@']),
    backgrounds: lines.map((l) => {
      const c = RAG_COLOURS[l.status];
      return [null, c, c, c, null];
    }),
  };
}

function groupTable(
  title: string,
  first: string,
  rows: readonly GroupRow[],
  withCost: boolean,
): Table {
  const header = [
    first,
    'New leads',
    'MQL',
    'Hand-offs',
    'Rejected',
    'Contacted within deadline',
    'Median h to first contact',
    'Never contacted',
    'Deals won',
    'Value won',
  ];
  const fmt = ['General', '0', '0', '0', '0', '0%', '0.0', '0', '0', '#,##0'];
  if (withCost) {
    header.push('Cost', 'Cost per lead', 'Cost per customer');
    fmt.push('#,##0', '#,##0.00', '#,##0.00');
  }
  return {
    title,
    header,
    rows: rows.map((g) => {
      const r: CellValue[] = [
        userText(g.key),
        g.newLeads,
        g.mqlDelivered,
        g.handedOff,
        g.rejected,
        figure(g.onTimeShare),
        figure(g.medianHoursToContact),
        g.neverContacted,
        g.won,
        g.wonValue,
      ];
      if (withCost) {
        if (g.cost === null) r.push('', '', '');
        else r.push(g.cost, figure(g.costPerLead), figure(g.costPerCustomer));
      }
      return r;
    }),
    formats: rows.map(() => fmt),
  };
}

function trendTable(rows: readonly TrendRow[], previousMonth: string): Table {
  return {
    title: 'Trend',
    header: ['Figure', 'This month', `Last month (${previousMonth})`, '3-month average'],
    rows: rows.map((t) => [t.label, figure(t.current), figure(t.previous), figure(t.average)]),
    formats: rows.map((t) => {
      const f = FORMATS[t.unit];
      const avg = t.unit === 'count' ? '0.0' : f;
      return ['@', f, f, avg];
    }),
  };
}

/** One sentence about data quality (always present, "no problems" included). */
export function qualityLine(q: DataQuality): string {
  const parts: string[] = [];
  if (q.missingColumns.length) parts.push(`missing columns: ${q.missingColumns.join(', ')}`);
  if (q.unreadableDateRows) {
    const cols = Object.entries(q.unreadableByColumn)
      .map(([c, n]) => `${c}: ${n}`)
      .join(', ');
    const more = q.unreadableDateRows > q.unreadableRowNumbers.length ? ', …' : '';
    parts.push(
      `${plural(q.unreadableDateRows, 'lead')} ${pluralWord(q.unreadableDateRows, 'has', 'have')} unreadable dates (${cols}; Leads rows ${q.unreadableRowNumbers.join(', ')}${more}), left out of the figures that need those dates`,
    );
  }
  if (q.unreadableAttempts) parts.push(`${q.unreadableAttempts} unreadable Attempts`);
  if (q.unreadableDealValues) parts.push(`${q.unreadableDealValues} unreadable Deal values`);
  if (q.unknownPriorities) parts.push(`${q.unknownPriorities} unknown priorities (default used)`);
  if (q.unknownStages) parts.push(`${q.unknownStages} unknown stages`);
  if (q.contactBeforeHandoff)
    parts.push(`${q.contactBeforeHandoff} first contacts dated before the hand-off`);
  return parts.length
    ? `Data quality (${q.rows} leads read): ${parts.join('; ')}.`
    : `Data quality: ${q.rows} leads read, no unreadable dates or values.`;
}

export interface LayoutOptions {
  /** When the review was generated (written as a date-time cell). */
  generatedAt: Date;
}

/** Column of the charts, right of the widest table. */
const CHART_COL = 15;

export function reviewLayout(review: Review, options: LayoutOptions): ReviewLayout {
  const blocks: SheetBlock[] = [];
  const m = review.current;
  let row = 1;
  const intro: CellValue[][] = [
    [`SLA monthly review · ${review.label}`, ''],
    [
      `Month ${review.month}: leads dated in ${review.label}, ${review.timeZone} time. Generated`,
      options.generatedAt,
    ],
    [qualityLine(review.quality), ''],
  ];
  if (review.empty) {
    intro.push([
      `No lead was created, qualified, handed off or won in ${review.label}: the figures below are zero or "no data".`,
      '',
    ]);
  }
  blocks.push({
    id: 'title',
    row,
    col: 1,
    values: intro,
    backgrounds: intro.map(() => [null, null]),
    numberFormats: intro.map((_, i) => ['@', i === 1 ? 'yyyy-mm-dd hh:mm' : '@']),
    boldRows: 1,
  });
  row += intro.length + 1;

  const put = (id: string, t: Table, col = 1): SheetBlock => {
    const b = block(id, row, col, t);
    blocks.push(b);
    row += b.values.length + 1;
    return b;
  };

  put(
    'marketing',
    scoreTable("Marketing's commitment: how many and how good", review.scorecards.marketing),
  );
  put('sales', scoreTable("Sales' commitment: how fast and how well", review.scorecards.sales));
  put('revenue', scoreTable('Revenue', review.scorecards.revenue));

  const f = m.funnel;
  const stages: Array<[string, number, number | null]> = [
    ['Leads', f.leads, null],
    ['MQL', f.mql, f.leads ? f.mql / f.leads : null],
    ['SQL', f.sql, f.mql ? f.sql / f.mql : null],
    ['Opportunities', f.opportunities, f.sql ? f.opportunities / f.sql : null],
    ['Customers', f.customers, f.opportunities ? f.customers / f.opportunities : null],
  ];
  const funnelBlock = put('funnel', {
    title: `Funnel: leads created in ${review.label}, by the furthest stage reached so far`,
    header: ['Stage', 'Leads', 'Conversion from the stage before'],
    rows: stages.map(([s, n, r]) => [s, n, r === null ? '' : r]),
    formats: stages.map(() => ['@', '0', '0%']),
  });

  put('bySource', groupTable('By source', 'Source', review.bySource, true));
  const ownerBlock = put('byOwner', groupTable('By owner', 'Owner', review.byOwner, false));
  put('trend', trendTable(review.trend, review.previous.month));

  const s = m.speedToLead;
  const [, o30] = SPEED_TO_LEAD_ANCHORS[1]!;
  put('speedToLead', {
    title: 'Speed to lead: opportunities lost to late first contacts (ESTIMATE)',
    header: ['Figure', 'Value', 'How it is computed'],
    rows: [
      [
        'Late or never-contacted hand-offs',
        s.lateLeads,
        'Contacted after the deadline, or not contacted once it passed',
      ],
      [
        'Average share of qualification odds lost',
        figure(s.averageLostShare),
        '1 − odds(actual response time) ÷ odds(deadline), per late lead',
      ],
      [
        'MQL → opportunity rate used',
        s.mqlToOpportunityRate,
        s.rateSource === 'observed'
          ? `Observed on the MQL of ${review.label}`
          : "The plan's MQL→SQL × SQL→opportunity (no opportunity yet from this month's MQL)",
      ],
      [
        'Estimated opportunities lost',
        s.expectedLostOpportunities,
        'Σ share lost × MQL → opportunity rate',
      ],
      [
        'Estimated value at risk',
        s.valueAtRisk,
        "Opportunities lost × the plan's opportunity → customer rate × average deal",
      ],
      [
        'Model',
        '',
        `Odds of qualifying fall ~21× from a 5- to a 30-minute response (to ${(o30 * 100).toFixed(1)} %; MIT / InsideSales.com Lead Response Management study, Oldroyd 2007), ~7× within an hour vs an hour later and ~60× vs 24 h or more (Oldroyd, McElheran & Elkington, "The Short Life of Online Sales Leads", HBR, March 2011). An order of magnitude, not a count.`,
      ],
    ],
    formats: [
      ['@', '0', '@'],
      ['@', '0%', '@'],
      ['@', '0.0%', '@'],
      ['@', '0.00', '@'],
      ['@', '#,##0', '@'],
      ['@', '@', '@'],
    ],
  });

  const rejectedRows: CellValue[][] = review.rejected.map((r) => [
    r.row,
    userText(r.leadId),
    userText(r.name),
    userText(r.company),
    userText(r.source),
    userText(r.owner),
    new Date(r.referenceAt),
    userText(r.reason),
  ]);
  put('rejected', {
    title: `Rejected leads to re-evaluate together (${review.rejected.length})`,
    header: [
      'Leads row',
      'Lead ID',
      'Name',
      'Company',
      'Source',
      'Owner',
      'Handed off at',
      'Reason',
    ],
    rows: rejectedRows.length ? rejectedRows : [['None this month']],
    formats: rejectedRows.map(() => [
      '0',
      'General',
      'General',
      'General',
      'General',
      'General',
      'yyyy-mm-dd hh:mm',
      'General',
    ]),
  });

  const tableRows = (b: SheetBlock) => b.values.length - 1; // header + data rows
  const charts: ChartSpec[] = [
    {
      id: 'funnel',
      type: 'column',
      title: `Funnel of the leads created in ${review.label}`,
      ranges: [{ row: funnelBlock.row + 1, col: 1, numRows: tableRows(funnelBlock), numCols: 2 }],
      anchorRow: 1,
      anchorCol: CHART_COL,
    },
    {
      id: 'onTimeByOwner',
      type: 'bar',
      title: 'Hand-offs contacted within deadline, by owner',
      ranges: [
        { row: ownerBlock.row + 1, col: 1, numRows: tableRows(ownerBlock), numCols: 1 },
        { row: ownerBlock.row + 1, col: 6, numRows: tableRows(ownerBlock), numCols: 1 },
      ],
      anchorRow: 21,
      anchorCol: CHART_COL,
    },
  ];
  return { blocks, charts, columnWidths: [320, 110, 150, 110, 110, 110, 130, 110] };
}

/** One History row: the month's headline figures. */
export const HISTORY_HEADER = [
  'Month',
  'New leads',
  'MQL delivered',
  'MQL target',
  'MQL vs target',
  'Hand-offs',
  'Rejected share',
  'Contacted within deadline',
  'Median h to first contact',
  '90th percentile h to first contact',
  'Average attempts',
  'Never contacted',
  'Recycled',
  'Deals won',
  'Value won',
  'Marketing-sourced share of value',
  'Median days MQL to customer',
  'Est. opportunities lost to late contact',
  'Leads with unreadable dates',
  'Generated at',
] as const;

export function historyRow(review: Review, generatedAt: Date): CellValue[] {
  const m = review.current;
  const v = (x: number | null): CellValue => (x === null ? '' : x);
  return [
    review.month,
    m.marketing.newLeads,
    m.marketing.mqlDelivered,
    v(m.marketing.mqlTarget),
    v(m.marketing.mqlAttainment),
    m.marketing.handedOff,
    v(m.marketing.rejectedShare),
    v(m.sales.onTimeShare),
    v(m.sales.medianHoursToContact),
    v(m.sales.p90HoursToContact),
    v(m.sales.averageAttempts),
    m.sales.neverContacted,
    m.sales.recycled,
    m.revenue.won,
    m.revenue.wonValue,
    v(m.revenue.marketingShareOfValue),
    v(m.revenue.medianDaysMqlToCustomer),
    m.speedToLead.expectedLostOpportunities,
    review.quality.unreadableDateRows,
    generatedAt,
  ];
}

export const HISTORY_FORMATS: readonly string[] = [
  '@',
  '0',
  '0',
  '0',
  '0%',
  '0',
  '0%',
  '0%',
  '0.0',
  '0.0',
  '0.00',
  '0',
  '0',
  '0',
  '#,##0',
  '0%',
  '0',
  '0.00',
  '0',
  'yyyy-mm-dd hh:mm',
];
