import { userText } from '../common/cell.ts';
import { countText, plural, pluralWord } from '../common/plural.ts';
import {
  type CellValue,
  figure,
  RAG_COLOURS,
  type SheetBlock,
  type Table,
  UNIT_FORMATS,
} from './blocks.ts';
import type { GroupRow } from './groups.ts';
import { KPIS, type KpiId, kpiColumn, missingWords, type Rag } from './kpis.ts';
import type { DataQuality } from './leadFacts.ts';
import { monthsSummary } from './months.ts';
import type { ListedLead, RejectedLead } from './rejected.ts';
import type { Review } from './review.ts';
import {
  type HeadlineRow,
  kpiValue,
  type NoData,
  type ScoreLine,
  type TrendRow,
} from './scorecards.ts';
import { SPEED_TO_LEAD_ANCHORS } from './speedToLead.ts';

/** Each section of the review sheet, built from the review (pure). */

const RAG_WORDS: Record<Rag, string> = { green: 'Met', amber: 'Close', red: 'Missed', none: '' };

/**
 * One sentence about data quality (always present): what was read and what was not, with the
 * lead check's own count of rows with unreadable values.
 */
export function qualityLine(q: DataQuality): string {
  const parts: string[] = [];
  if (q.missingColumns.length) parts.push(`no ${q.missingColumns.join(', ')} column`);
  if (q.unreadableRows) {
    const cols = Object.entries(q.unreadableByColumn)
      .map(([c, n]) => `${c}: ${n}`)
      .join(', ');
    const more = q.unreadableRows > q.unreadableRowNumbers.length ? ', …' : '';
    parts.push(
      `${plural(q.unreadableRows, 'lead')} ${pluralWord(q.unreadableRows, 'has', 'have')} values that could not be read (${cols}; Leads rows ${q.unreadableRowNumbers.join(', ')}${more}), left out of the figures that need them`,
    );
  }
  if (q.unmapped.length) {
    const values = q.unmapped.slice(0, 5).map((u) => `${u.header} "${u.value}" (${u.rows})`);
    const more = q.unmapped.length > 5 ? ', …' : '';
    parts.push(
      `values nobody mapped, read as open leads: ${values.join(', ')}${more} (map them in Fields)`,
    );
  }
  if (q.untimedContacts) {
    parts.push(
      `${plural(q.untimedContacts, 'lead')} of the sheet with a contact recorded but no contact time, left out of the timings`,
    );
  }
  if (q.contactBeforeHandoff)
    parts.push(
      `${plural(q.contactBeforeHandoff, 'first contact')} of the sheet dated before the clock start`,
    );
  const clock = q.clockHeader
    ? `the SLA clock starts at "${q.clockHeader}"`
    : 'no column starts the SLA clock, so no lead could be timed';
  return parts.length
    ? `Data quality (${plural(q.rows, 'lead')} read; ${clock}): ${parts.join('; ')}.`
    : `Data quality: ${plural(q.rows, 'lead')} read, no unreadable values; ${clock}.`;
}

/** Said at the top of a review made before the team saved its own settings. */
export const SAMPLE_LINE =
  "The plan and the targets are the sample's, not the team's: nothing is judged against them until the team saves its own settings (sidebar, Save; offline: npm start -- --settings FILE).";

/** A month with no lead: which months have some, and how to ask for one. */
export function emptyLine(review: Review): string {
  const months = review.monthsWithLeads;
  const ask = months.length
    ? ` Leads are dated ${monthsSummary(months)}. Ask for one of those months: menu Extensions › SLA Sheets › Run monthly review (type YYYY-MM), the sidebar's Monitoring tab (Monthly review), or offline npm start -- --month ${months[months.length - 1]!.month}.`
    : '';
  return `No lead was created, qualified, handed off or won in ${review.label}: the figures below are zero or "no data".${ask}`;
}

/** The title, the month, when it was generated and the data-quality line, from row 1. */
export function titleBlock(review: Review, generatedAt: Date): SheetBlock {
  const intro: CellValue[][] = [
    [`SLA monthly review · ${review.label}`, ''],
    [
      `Month ${review.month}: leads dated in ${review.label}, ${review.timeZone} time. Generated`,
      generatedAt,
    ],
    [qualityLine(review.quality), ''],
  ];
  if (!review.agreed) intro.push([SAMPLE_LINE, '']);
  if (review.empty) intro.push([emptyLine(review), '']);
  return {
    id: 'title',
    row: 1,
    col: 1,
    values: intro,
    backgrounds: intro.map(() => [null, null]),
    numberFormats: intro.map((_, i) => ['@', i === 1 ? 'yyyy-mm-dd hh:mm' : '@']),
    boldRows: 1,
  };
}

export function scoreTable(title: string, lines: readonly ScoreLine[]): Table {
  return {
    title,
    header: ['Measure', 'Actual', 'Commitment', 'Status', 'Note'],
    rows: lines.map((l) => [l.label, figure(l.actual), l.target, RAG_WORDS[l.status], l.note]),
    formats: lines.map((l) => ['@', UNIT_FORMATS[l.unit], '@', '@', '@']),
    backgrounds: lines.map((l) => {
      const c = RAG_COLOURS[l.status];
      return [null, c, c, c, null];
    }),
  };
}

/** `+5`, `−3`, `+4 pts` (a share's change in percentage points), `±0`, `no data`. */
function changeText(row: HeadlineRow): string {
  const c = row.change;
  if (c === null) return 'no data';
  const size = Math.abs(c);
  const [shown, unit] =
    row.unit === 'percent'
      ? [String(Math.round(size * 100)), ' pts']
      : row.unit === 'hours'
        ? [size.toFixed(1), ' h']
        : row.unit === 'money'
          ? [countText(Math.round(size)), '']
          : [countText(Number(size.toFixed(2))), ''];
  if (Number(shown.replace(/,/g, '')) === 0) return '±0';
  return `${c > 0 ? '+' : '−'}${shown}${unit}`;
}

export function headlineTable(review: Review, previousMonth: string): Table {
  const rows = review.headline;
  return {
    title: `Headline · ${review.label}`,
    header: ['Figure', 'This month', 'Status', `Change from ${previousMonth}`, 'Commitment'],
    rows: rows.map((h) => [
      h.label,
      figure(h.current),
      RAG_WORDS[h.status],
      changeText(h),
      h.target,
    ]),
    formats: rows.map((h) => ['@', UNIT_FORMATS[h.unit], '@', '@', '@']),
    backgrounds: rows.map((h) => {
      const c = RAG_COLOURS[h.status];
      return [null, c, c, null, null];
    }),
  };
}

export function funnelTable(review: Review): Table {
  const f = review.current.funnel;
  const stages: Array<[string, number, number | null]> = [
    ['Leads', f.leads, null],
    ['MQL', f.mql, f.leads ? f.mql / f.leads : null],
    ['SQL', f.sql, f.mql ? f.sql / f.mql : null],
    ['Opportunities', f.opportunities, f.sql ? f.opportunities / f.sql : null],
    ['Customers', f.customers, f.opportunities ? f.customers / f.opportunities : null],
  ];
  return {
    title: `Funnel: the ${plural(f.leads, 'lead')} created in ${review.label}, by the furthest stage reached so far (on evidence)`,
    header: ['Stage', 'Leads', 'Conversion from the stage before'],
    rows: stages.map(([s, n, r]) => [s, n, r === null ? '' : r]),
    formats: stages.map(() => ['@', '#,##0', '0%']),
  };
}

interface GroupColumn {
  /** The KPI the column shows, if any. */
  kpi?: KpiId;
  header: string;
  format: string;
  cell: (g: GroupRow, noData: NoData) => CellValue;
}

/** A group column showing a KPI: its History header, its unit's format, "no data" as the month's. */
function kpiGroupColumn(id: KpiId): GroupColumn {
  return {
    kpi: id,
    header: kpiColumn(id),
    format: UNIT_FORMATS[KPIS[id].unit],
    cell: (g, noData) => figure(kpiValue(id, g.figures, noData)),
  };
}

/** The by-source and by-owner columns: KPIs of the table, read as the scorecards read them. */
export const GROUP_KPIS: readonly KpiId[] = [
  'newLeads',
  'mqlDelivered',
  'handedOff',
  'rejected',
  'onTimeShare',
  'medianHoursToContact',
  'p90HoursToContact',
  'neverContacted',
  'untimed',
  'won',
  'wonValue',
];

const GROUP_COLUMNS: readonly GroupColumn[] = GROUP_KPIS.map(kpiGroupColumn);

/** The 1-based column of a KPI in the by-source and by-owner tables (after the key column). */
export function groupColumnOf(id: KpiId): number {
  return 2 + GROUP_COLUMNS.findIndex((c) => c.kpi === id);
}

/** Owners only: what the notices counted (core/notices/notices.ts). */
const ESCALATION_COLUMNS: readonly GroupColumn[] = [
  { header: 'Escalated to manager', format: UNIT_FORMATS.count, cell: (g) => g.escalations ?? 0 },
  {
    header: 'To reassign (owner away)',
    format: UNIT_FORMATS.count,
    cell: (g) => g.reassignments ?? 0,
  },
];

/** Sources only: the hand-offs missing required data, and what they lack in words. */
const MISSING_COLUMNS: readonly GroupColumn[] = [
  kpiGroupColumn('missingData'),
  {
    header: 'Required values lacking',
    format: '@',
    cell: (g, noData) =>
      noData.missingData === undefined ? missingWords(g.figures.marketing.missingByField) : '',
  },
];

const COST_HEADER = ['Cost', 'Cost per lead', 'Cost per customer'];
const COST_FORMATS = ['#,##0', '#,##0.00', '#,##0.00'];

function costCells(g: GroupRow): CellValue[] {
  return g.cost === null
    ? ['', '', '']
    : [g.cost, figure(g.costPerLead), figure(g.costPerCustomer)];
}

/**
 * By source (`bySource`: the hand-offs missing required data and the plan's cost columns) or by
 * owner (`withEscalations`: the notices' escalations and reassignments); the key column first.
 */
export function groupTable(
  title: string,
  first: string,
  rows: readonly GroupRow[],
  bySource: boolean,
  withEscalations = false,
  noData: NoData = {},
): Table {
  const columns = [
    ...GROUP_COLUMNS,
    ...(withEscalations ? ESCALATION_COLUMNS : []),
    ...(bySource ? MISSING_COLUMNS : []),
  ];
  const header = [first, ...columns.map((c) => c.header)];
  const formats = ['General', ...columns.map((c) => c.format)];
  if (bySource) {
    header.push(...COST_HEADER);
    formats.push(...COST_FORMATS);
  }
  return {
    title,
    header,
    rows: rows.map((g) => [
      userText(g.key),
      ...columns.map((c) => c.cell(g, noData)),
      ...(bySource ? costCells(g) : []),
    ]),
    formats: rows.map(() => formats),
  };
}

export function trendTable(rows: readonly TrendRow[], previousMonth: string): Table {
  return {
    title: 'Trend',
    header: ['Figure', 'This month', `Last month (${previousMonth})`, '3-month average'],
    rows: rows.map((t) => [t.label, figure(t.current), figure(t.previous), figure(t.average)]),
    formats: rows.map((t) => {
      const f = UNIT_FORMATS[t.unit];
      const avg = t.unit === 'count' ? '#,##0.0' : f;
      return ['@', f, f, avg];
    }),
  };
}

export function speedToLeadTable(review: Review): Table {
  const s = review.current.speedToLead;
  const [, o30] = SPEED_TO_LEAD_ANCHORS[1]!;
  // the estimate needs contact times: without them every hand-off would look never contacted
  const none = review.noData.expectedLostOpportunities;
  const value = (v: number | null): CellValue => (none === undefined ? figure(v) : 'no data');
  const plan = review.agreed ? "the plan's" : "the SAMPLE plan's (not the team's)";
  return {
    title: 'Speed to lead: opportunities lost to late first contacts (ESTIMATE)',
    header: ['Figure', 'Value', 'How it is computed'],
    rows: [
      [
        'Late or never-contacted hand-offs',
        value(s.lateLeads),
        none ??
          'Contacted after the deadline, or never contacted once it passed (not rejected or closed)',
      ],
      [
        'Average share of qualification odds lost',
        value(s.averageLostShare),
        '1 − odds(actual response time) ÷ odds(deadline), per late lead',
      ],
      [
        'MQL → opportunity rate used',
        value(s.mqlToOpportunityRate),
        s.rateSource === 'observed'
          ? `Observed on the MQL of ${review.label}`
          : `${plan} MQL→SQL × SQL→opportunity (no opportunity yet from this month's MQL)`,
      ],
      [
        'Estimated opportunities lost',
        value(s.expectedLostOpportunities),
        'Σ share lost × MQL → opportunity rate',
      ],
      [
        'Estimated value at risk',
        value(s.valueAtRisk),
        `Opportunities lost × ${plan} opportunity → customer rate × average deal`,
      ],
      [
        'Model',
        '',
        `Odds of qualifying fall ~21× from a 5- to a 30-minute response (to ${(o30 * 100).toFixed(1)} %; MIT / InsideSales.com Lead Response Management study, Oldroyd 2007), ~7× within an hour vs an hour later and ~60× vs 24 h or more (Oldroyd, McElheran & Elkington, "The Short Life of Online Sales Leads", HBR, March 2011). An order of magnitude, not a count.`,
      ],
    ],
    formats: [
      ['@', '#,##0', '@'],
      ['@', '0%', '@'],
      ['@', '0.0%', '@'],
      ['@', '0.00', '@'],
      ['@', '#,##0', '@'],
      ['@', '@', '@'],
    ],
  };
}

/** The definitions every figure of the review follows (the Agreement states them too). */
export const REVIEW_DEFINITIONS: ReadonlyArray<readonly [string, string]> = [
  [
    'One count',
    'Each lead is classified once for the month; the scorecards, the funnel, the breakdowns, the trend and SLA History all add up that one classification. "no data" means the sheet cannot give the figure, and it reads "no data" in every view.',
  ],
  [
    KPIS.neverContacted.label,
    'A hand-off of the month with no contact recorded once its deadline passed, not rejected and not closed (lost, recycled, won): a rejected or closed lead is no longer waiting for a first contact.',
  ],
  [
    KPIS.onTimeShare.label,
    'Of the hand-offs judged against their deadline (contacted at a known time, or never contacted once it passed): those first contacted by it. Leads contacted with no time recorded, still within their deadline, or rejected or closed without contact are counted apart.',
  ],
  [
    'Funnel',
    "The leads created in the month, by the furthest stage reached so far on evidence: the stage's own date (MQL at, Handed off at, Won at) or a Stage at it or later. Lost, rejected and recycled prove no stage of their own. The funnel never grows from one stage to the next.",
  ],
  [
    KPIS.missingDataShare.label,
    "Of the month's hand-offs, open or closed: those whose row leaves blank a value the agreement requires (of every lead, at MQL, at hand-off). No data when the agreement requires no value the leads sheet has a column for.",
  ],
  [
    KPIS.returned.label,
    "Leads given back after their attempts with no answer (status Recycle, or Stage Recycled), or returned with a reason (Stage Recycled), with the nurture track the agreement gives their reason. A return belongs to the month of its last attempt (Last attempt at, else the activity log's latest), else of its clock start; a reason the agreement does not list is re-evaluated together.",
  ],
  [
    'Attempts by channel',
    "Shown when an activity log is read: its done activities dated in the month and counted as a lead's attempts (at or after its clock start, or up to a day before), by the agreed channel their type is; a type that is none of them is Other.",
  ],
  [
    'Shares',
    "Each share names its base: rejected and missing required data ÷ hand-offs; on time and never contacted ÷ hand-offs judged against their deadline; MQL ÷ the month's MQL target.",
  ],
];

export function definitionsTable(): Table {
  return {
    title: 'Definitions',
    header: ['Figure', 'How it is counted'],
    rows: REVIEW_DEFINITIONS.map(([a, b]) => [a, b]),
    formats: REVIEW_DEFINITIONS.map(() => ['@', '@']),
  };
}

export const REJECTED_HEADER = [
  'Leads row',
  'Lead ID',
  'Name',
  'Company',
  'Source',
  'Owner',
  'Handed off at',
  'Reason',
];
export const REJECTED_FORMATS = ['0', ...Array(5).fill('General'), 'yyyy-mm-dd hh:mm', 'General'];

/** A listed lead's row, Lead ID, name, company, source and owner, user text as text. */
export function listedCells(r: ListedLead): CellValue[] {
  return [r.row, ...[r.leadId, r.name, r.company, r.source, r.owner].map(userText)];
}

export function rejectedTable(rejected: readonly RejectedLead[]): Table {
  const rows: CellValue[][] = rejected.map((r) => [
    ...listedCells(r),
    new Date(r.referenceAt),
    userText(r.reason),
  ]);
  return {
    title: `Rejected leads to re-evaluate together (${rejected.length})`,
    header: REJECTED_HEADER,
    rows: rows.length ? rows : [['None this month']],
    formats: rows.map(() => REJECTED_FORMATS),
  };
}
