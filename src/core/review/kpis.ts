import { countText } from '../common/plural.ts';
import { FIELD_LABELS, type FieldId } from '../read/fieldIds.ts';
import type { Settings } from '../settings/index.ts';
import type { MonthFigures } from './figureTypes.ts';
import type { FigureInput } from './leadFacts.ts';

/**
 * The monthly review's KPI table: each figure written once, with its label, its unit and how
 * it is read from a month's figures; a commitment adds its target, its green / amber / red rule
 * and a note. The Trend rows and the three scorecards (scorecards.ts) and the SLA History
 * columns (history.ts) are all derived from it. Definitions of the figures: review.ts.
 */

export type Rag = 'green' | 'amber' | 'red' | 'none';

export type Unit = 'count' | 'percent' | 'hours' | 'days' | 'money' | 'decimal';

/** Commitment thresholds for the scorecards' green / amber / red. */
export const REVIEW_THRESHOLDS = {
  /** MQL delivered ÷ target: green ≥ 100 %, amber ≥ 80 %, else red. */
  mqlAttainment: { green: 1, amber: 0.8 },
  /** Rejected ÷ hand-offs: green ≤ 10 %, amber ≤ 20 %, else red. */
  rejectedShare: { green: 0.1, amber: 0.2 },
  /** Contacted within the deadline: green ≥ 90 %, amber ≥ 75 %, else red. */
  onTimeShare: { green: 0.9, amber: 0.75 },
  /** Median business hours to first contact ÷ the default priority's deadline: green ≤ 1, amber ≤ 1.5. */
  medianToDeadline: { green: 1, amber: 1.5 },
  /** Never contacted ÷ hand-offs judged against their deadline: green ≤ 5 %, amber ≤ 10 %, else red. */
  neverContactedShare: { green: 0.05, amber: 0.1 },
  /** Won value ÷ monthly revenue target: green ≥ 100 %, amber ≥ 80 %, else red. */
  revenueAttainment: { green: 1, amber: 0.8 },
  /** Hand-offs missing required data ÷ hand-offs: green none (the agreement says none), amber ≤ 5 %. */
  missingDataShare: { green: 0, amber: 0.05 },
} as const;

type Thresholds = { green: number; amber: number };

export function ragAtLeast(value: number | null, t: Thresholds): Rag {
  if (value === null) return 'none';
  return value >= t.green - 1e-12 ? 'green' : value >= t.amber - 1e-12 ? 'amber' : 'red';
}

export function ragAtMost(value: number | null, t: Thresholds): Rag {
  if (value === null) return 'none';
  return value <= t.green + 1e-12 ? 'green' : value <= t.amber + 1e-12 ? 'amber' : 'red';
}

/** What a scorecard line needs besides the month's figures. */
type Described = (m: MonthFigures, settings: Settings) => string;

export interface Kpi {
  /** As shown in the Trend block and the scorecards. */
  label: string;
  /** Its column header in SLA History and the by-source / by-owner tables, when shorter. */
  column?: string;
  unit: Unit;
  get: (m: MonthFigures) => number | null;
  /** False for a History column the Trend block leaves out. */
  inTrend?: boolean;
  /** The commitment in words (`≥ 90 %`); absent for a figure shown for information. */
  target?: Described;
  /** Green / amber / red against the commitment; absent (`none`) for information. */
  rag?: (m: MonthFigures, settings: Settings) => Rag;
  /** The note beside the figure on its scorecard. */
  note?: Described;
  /**
   * The columns the figure is read from: when the sheet lacks one, the figure is "no data
   * (no Deal value column)" with no verdict, never a 0 judged against the commitment.
   */
  needs?: readonly FigureInput[];
}

const T = REVIEW_THRESHOLDS;

function pct(x: number): string {
  return `${countText(Math.round(x * 100))} %`;
}

/** Business hours of the default priority's first-contact deadline. */
function defaultDeadline(settings: Settings): number {
  return settings.handoff.deadlineHours[settings.handoff.defaultPriority];
}

/** The hand-offs left out of the on-time and never-contacted shares, and why. */
function apart(m: MonthFigures): string {
  const s = m.sales;
  return [
    s.pending ? `${countText(s.pending)} still within deadline` : '',
    s.untimed ? `${countText(s.untimed)} contacted with no time recorded` : '',
    s.closed ? `${countText(s.closed)} rejected or closed with no contact` : '',
  ]
    .filter(Boolean)
    .join('; ');
}

/** `12 of 40 hand-offs judged against their deadline`: a share's base, named. */
function ofJudged(count: number, m: MonthFigures): string {
  return `${countText(count)} of ${countText(m.sales.measured)} hand-offs judged against their deadline`;
}

function onTimeNote(m: MonthFigures): string {
  const left = apart(m);
  if (m.sales.measured > 0) {
    return `${ofJudged(m.sales.onTime, m)} (amber ≥ ${pct(T.onTimeShare.amber)})${left && `; apart: ${left}`}`;
  }
  return left || 'no hand-offs';
}

function neverNote(m: MonthFigures): string {
  const share = m.sales.neverContactedShare;
  const base =
    share === null
      ? 'no hand-off judged against its deadline'
      : `${pct(share)}: ${ofJudged(m.sales.neverContacted, m)}`;
  return `${base}. Not rejected or closed, no contact recorded, deadline passed`;
}

/** `a Phone`, `an Email`, `Notes`: a required value's name after "without". */
function valueName(name: string): string {
  if (/[^s]s$/i.test(name)) return name;
  return `${/^[aeiou]/i.test(name) ? 'an' : 'a'} ${name}`;
}

/** `2 without a Phone, 1 without an Email`: the values the hand-offs lack, most lacked first. */
export function missingWords(byField: ReadonlyArray<readonly [string, number]>): string {
  return byField.map(([name, n]) => `${countText(n)} without ${valueName(name)}`).join(', ');
}

function missingNote({ marketing: mk }: MonthFigures): string {
  if (mk.handedOff === 0) return 'no hand-offs';
  const which = mk.missingData ? `: ${missingWords(mk.missingByField)}` : '';
  return `${countText(mk.missingData)} of ${countText(mk.handedOff)} hand-offs${which} (amber ≤ ${pct(T.missingDataShare.amber)})`;
}

function returnedNote({ sales: s }: MonthFigures): string {
  if (s.returned === 0) return 'Given back after the attempts with no answer, or with a reason';
  const other = s.returned - s.returnedAgreed;
  const apart = other
    ? `; ${countText(other)} for a reason the agreement does not list, to re-evaluate`
    : '';
  return `${countText(s.returnedAgreed)} after the attempts with no answer or for an agreed reason${apart} (listed below)`;
}

// The order is the order of the SLA History columns and of the Trend rows.
const TABLE = {
  newLeads: {
    needs: ['createdAt'],
    label: 'New leads',
    unit: 'count',
    get: (m) => m.marketing.newLeads,
    note: () => 'Created in the month',
  },
  mqlDelivered: {
    needs: ['mqlAt'],
    label: 'MQL delivered',
    unit: 'count',
    get: (m) => m.marketing.mqlDelivered,
    target: (m) =>
      m.marketing.mqlTarget === null
        ? 'no target set'
        : `≥ ${countText(m.marketing.mqlTarget)} MQL`,
    rag: (m) => ragAtLeast(m.marketing.mqlAttainment, T.mqlAttainment),
    note: (m) =>
      m.marketing.mqlAttainment === null
        ? 'Set a revenue goal or a monthly MQL target in the plan (sidebar, Plan)'
        : `${pct(m.marketing.mqlAttainment)} of target (green ≥ ${pct(T.mqlAttainment.green)}, amber ≥ ${pct(T.mqlAttainment.amber)})`,
  },
  mqlTarget: {
    label: 'MQL target',
    unit: 'count',
    get: (m) => m.marketing.mqlTarget,
    inTrend: false,
  },
  mqlAttainment: {
    needs: ['mqlAt'],
    label: 'MQL vs target',
    unit: 'percent',
    get: (m) => m.marketing.mqlAttainment,
  },
  handedOff: {
    needs: ['clock'],
    label: 'Hand-offs to sales',
    column: 'Hand-offs',
    unit: 'count',
    get: (m) => m.marketing.handedOff,
    note: () => 'Handed off in the month',
  },
  rejectedShare: {
    needs: ['clock', 'status'],
    label: 'Rejected by sales',
    column: 'Rejected share',
    unit: 'percent',
    get: (m) => m.marketing.rejectedShare,
    target: () => `≤ ${pct(T.rejectedShare.green)} of hand-offs`,
    rag: (m) => ragAtMost(m.marketing.rejectedShare, T.rejectedShare),
    note: ({ marketing: mk }) =>
      mk.handedOff > 0
        ? `${countText(mk.rejected)} of ${countText(mk.handedOff)} hand-offs (amber ≤ ${pct(T.rejectedShare.amber)})`
        : 'no hand-offs',
  },
  onTimeShare: {
    needs: ['clock', 'contactTime'],
    label: 'Contacted within deadline',
    unit: 'percent',
    get: (m) => m.sales.onTimeShare,
    target: () => `≥ ${pct(T.onTimeShare.green)} of hand-offs judged`,
    rag: (m) => ragAtLeast(m.sales.onTimeShare, T.onTimeShare),
    note: onTimeNote,
  },
  medianHoursToContact: {
    needs: ['clock', 'contactTime'],
    label: 'Median time to first contact (business h)',
    column: 'Median h to first contact',
    unit: 'hours',
    get: (m) => m.sales.medianHoursToContact,
    target: (_, s) => `≤ ${defaultDeadline(s)} h`,
    rag: (m, s) => {
      const median = m.sales.medianHoursToContact;
      return ragAtMost(median === null ? null : median / defaultDeadline(s), T.medianToDeadline);
    },
    note: (_, s) =>
      `Against the ${s.handoff.defaultPriority} deadline (amber ≤ ${defaultDeadline(s) * T.medianToDeadline.amber} h)`,
  },
  p90HoursToContact: {
    needs: ['clock', 'contactTime'],
    label: '90th percentile time to first contact (business h)',
    column: '90th percentile h to first contact',
    unit: 'hours',
    get: (m) => m.sales.p90HoursToContact,
    note: () => '9 in 10 contacted leads were reached within this time',
  },
  averageAttempts: {
    needs: ['clock', 'attempts'],
    label: 'Average attempts',
    unit: 'decimal',
    get: (m) => m.sales.averageAttempts,
    note: (_, s) => `Up to ${s.handoff.maxAttempts} attempts before recycling`,
  },
  neverContacted: {
    needs: ['clock'],
    label: 'Never contacted',
    unit: 'count',
    get: (m) => m.sales.neverContacted,
    target: () => `≤ ${pct(T.neverContactedShare.green)} of hand-offs judged`,
    rag: (m) => ragAtMost(m.sales.neverContactedShare, T.neverContactedShare),
    note: neverNote,
  },
  recycled: {
    needs: ['clock', 'status'],
    label: 'Recycled to marketing',
    column: 'Recycled',
    unit: 'count',
    get: (m) => m.sales.recycled,
    note: () => 'Hand-offs of the month now at stage Recycled',
  },
  won: {
    needs: ['wonAt'],
    label: 'Deals won',
    unit: 'count',
    get: (m) => m.revenue.won,
    note: ({ revenue: rv }) =>
      `${countText(rv.marketingWon)} marketing-sourced, ${countText(rv.salesWon)} sales-sourced`,
  },
  wonValue: {
    needs: ['wonAt', 'dealValue'],
    label: 'Value won',
    unit: 'money',
    get: (m) => m.revenue.wonValue,
    target: ({ revenue: rv }) =>
      rv.revenueTarget === null ? 'no goal set' : `≥ ${countText(Math.round(rv.revenueTarget))}`,
    rag: (m) => ragAtLeast(m.revenue.revenueAttainment, T.revenueAttainment),
    note: ({ revenue: rv }) =>
      rv.revenueAttainment === null
        ? 'Set a revenue goal in the plan'
        : `${pct(rv.revenueAttainment)} of the monthly goal (revenue goal ÷ 12)`,
  },
  marketingShareOfValue: {
    needs: ['wonAt', 'dealValue', 'source'],
    label: 'Marketing-sourced share of value won',
    column: 'Marketing-sourced share of value',
    unit: 'percent',
    get: (m) => m.revenue.marketingShareOfValue,
    note: (_, s) => `Plan: ${pct(s.plan.marketingShare)} from marketing`,
  },
  medianDaysMqlToCustomer: {
    needs: ['mqlAt', 'wonAt'],
    label: 'Median days from MQL to customer',
    column: 'Median days MQL to customer',
    unit: 'days',
    get: (m) => m.revenue.medianDaysMqlToCustomer,
    note: () => 'Deals won in the month that have an MQL date',
  },
  expectedLostOpportunities: {
    needs: ['clock', 'contactTime'],
    label: 'Opportunities lost to late contact (estimate)',
    column: 'Est. opportunities lost to late contact',
    unit: 'decimal',
    get: (m) => m.speedToLead.expectedLostOpportunities,
  },
  // added after the columns SLA History sheets already have (a History column is a contract)
  untimed: {
    needs: ['clock'],
    label: 'Contacted, no time recorded',
    unit: 'count',
    get: (m) => m.sales.untimed,
    note: () => 'A contact is recorded (a status, a count) but not when: not judged on time',
  },
  rejected: {
    needs: ['clock', 'status'],
    label: 'Rejected hand-offs',
    column: 'Rejected',
    unit: 'count',
    get: (m) => m.marketing.rejected,
    inTrend: false,
  },
  missingDataShare: {
    needs: ['clock', 'requiredFields'],
    label: 'Hand-offs missing required data',
    column: 'Missing data share',
    unit: 'percent',
    get: (m) => m.marketing.missingDataShare,
    target: () => '0 % of hand-offs',
    rag: (m) => ragAtMost(m.marketing.missingDataShare, T.missingDataShare),
    note: missingNote,
  },
  missingData: {
    needs: ['clock', 'requiredFields'],
    label: 'Hand-offs lacking a required value',
    column: 'Hand-offs missing data',
    unit: 'count',
    get: (m) => m.marketing.missingData,
    inTrend: false,
  },
  returned: {
    needs: ['clock', 'status'],
    label: 'Leads returned to marketing',
    column: 'Returned',
    unit: 'count',
    get: (m) => m.sales.returned,
    note: returnedNote,
  },
} satisfies Record<string, Kpi>;

export type KpiId = keyof typeof TABLE;

export const KPIS: Readonly<Record<KpiId, Kpi>> = TABLE;

/** Every KPI in table order. */
export const KPI_IDS = Object.keys(TABLE) as readonly KpiId[];

/** The header of a KPI's column (History, by source / by owner). */
export function kpiColumn(id: KpiId): string {
  const k = KPIS[id];
  return k.column ?? k.label;
}

const INPUT_NAMES: Partial<Record<FigureInput, string>> = {
  clock: 'hand-off, MQL or creation date',
  status: 'Stage or status',
  contactTime: 'first-contact time (First contact at, response time or last contact)',
};

/** Inputs that are not a column: what lacks, said as it is. */
const INPUT_REASONS: Partial<Record<FigureInput, string>> = {
  requiredFields:
    'the agreement requires no value the leads sheet has a column for: name them in the sidebar, Terms',
};

/** The first input a KPI needs that the sheet lacks, in words (`no Deal value column`), or null. */
export function missingInput(id: KpiId, missing: readonly FigureInput[]): string | null {
  const lacking = KPIS[id].needs?.find((n) => missing.includes(n));
  if (lacking === undefined) return null;
  return (
    INPUT_REASONS[lacking] ??
    `no ${INPUT_NAMES[lacking] ?? FIELD_LABELS[lacking as FieldId]} column`
  );
}
