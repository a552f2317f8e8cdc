import { userText } from '../common/cell.ts';
import { plural, pluralWord } from '../common/plural.ts';
import {
  type CellValue,
  figure,
  RAG_COLOURS,
  type SheetBlock,
  type Table,
  UNIT_FORMATS,
} from './blocks.ts';
import type { GroupRow } from './groups.ts';
import { KPIS, type KpiId, kpiColumn, type Rag } from './kpis.ts';
import type { DataQuality } from './leadFacts.ts';
import type { RejectedLead } from './rejected.ts';
import type { Review } from './review.ts';
import type { ScoreLine, TrendRow } from './scorecards.ts';
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
      `${plural(q.untimedContacts, 'lead')} with a contact recorded but no contact time, left out of the timings`,
    );
  }
  if (q.contactBeforeHandoff)
    parts.push(`${q.contactBeforeHandoff} first contacts dated before the clock start`);
  const clock = q.clockHeader
    ? `the SLA clock starts at "${q.clockHeader}"`
    : 'no column starts the SLA clock, so no lead could be timed';
  return parts.length
    ? `Data quality (${q.rows} leads read; ${clock}): ${parts.join('; ')}.`
    : `Data quality: ${q.rows} leads read, no unreadable values; ${clock}.`;
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
  if (review.empty) {
    intro.push([
      `No lead was created, qualified, handed off or won in ${review.label}: the figures below are zero or "no data".`,
      '',
    ]);
  }
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
    title: `Funnel: leads created in ${review.label}, by the furthest stage reached so far`,
    header: ['Stage', 'Leads', 'Conversion from the stage before'],
    rows: stages.map(([s, n, r]) => [s, n, r === null ? '' : r]),
    formats: stages.map(() => ['@', '0', '0%']),
  };
}

interface GroupColumn {
  /** The KPI the column shows, if any. */
  kpi?: KpiId;
  header: string;
  format: string;
  cell: (g: GroupRow) => CellValue;
}

/** A group column showing a KPI: its History header and its unit's format. */
function kpiGroupColumn(id: KpiId, cell: GroupColumn['cell']): GroupColumn {
  return { kpi: id, header: kpiColumn(id), format: UNIT_FORMATS[KPIS[id].unit], cell };
}

const GROUP_COLUMNS: readonly GroupColumn[] = [
  kpiGroupColumn('newLeads', (g) => g.newLeads),
  { header: 'MQL', format: UNIT_FORMATS.count, cell: (g) => g.mqlDelivered },
  kpiGroupColumn('handedOff', (g) => g.handedOff),
  { header: 'Rejected', format: UNIT_FORMATS.count, cell: (g) => g.rejected },
  kpiGroupColumn('onTimeShare', (g) => figure(g.onTimeShare)),
  kpiGroupColumn('medianHoursToContact', (g) => figure(g.medianHoursToContact)),
  kpiGroupColumn('p90HoursToContact', (g) => figure(g.p90HoursToContact)),
  kpiGroupColumn('neverContacted', (g) => g.neverContacted),
  kpiGroupColumn('won', (g) => g.won),
  kpiGroupColumn('wonValue', (g) => g.wonValue),
];

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

const COST_HEADER = ['Cost', 'Cost per lead', 'Cost per customer'];
const COST_FORMATS = ['#,##0', '#,##0.00', '#,##0.00'];

function costCells(g: GroupRow): CellValue[] {
  return g.cost === null
    ? ['', '', '']
    : [g.cost, figure(g.costPerLead), figure(g.costPerCustomer)];
}

/**
 * By source (`withCost`: the plan's cost columns) or by owner (`withEscalations`: the notices'
 * escalations and reassignments); the key column first.
 */
export function groupTable(
  title: string,
  first: string,
  rows: readonly GroupRow[],
  withCost: boolean,
  withEscalations = false,
): Table {
  const columns = withEscalations ? [...GROUP_COLUMNS, ...ESCALATION_COLUMNS] : GROUP_COLUMNS;
  const header = [first, ...columns.map((c) => c.header)];
  const formats = ['General', ...columns.map((c) => c.format)];
  if (withCost) {
    header.push(...COST_HEADER);
    formats.push(...COST_FORMATS);
  }
  return {
    title,
    header,
    rows: rows.map((g) => [
      userText(g.key),
      ...columns.map((c) => c.cell(g)),
      ...(withCost ? costCells(g) : []),
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
      const avg = t.unit === 'count' ? '0.0' : f;
      return ['@', f, f, avg];
    }),
  };
}

export function speedToLeadTable(review: Review): Table {
  const s = review.current.speedToLead;
  const [, o30] = SPEED_TO_LEAD_ANCHORS[1]!;
  return {
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
  };
}

const REJECTED_HEADER = [
  'Leads row',
  'Lead ID',
  'Name',
  'Company',
  'Source',
  'Owner',
  'Handed off at',
  'Reason',
];
const REJECTED_FORMATS = ['0', ...Array(5).fill('General'), 'yyyy-mm-dd hh:mm', 'General'];

export function rejectedTable(rejected: readonly RejectedLead[]): Table {
  const rows: CellValue[][] = rejected.map((r) => [
    r.row,
    userText(r.leadId),
    userText(r.name),
    userText(r.company),
    userText(r.source),
    userText(r.owner),
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
