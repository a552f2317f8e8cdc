import type { Settings } from '../settings/index.ts';
import type { MonthFigures } from './figureTypes.ts';
import { KPI_IDS, KPIS, type KpiId, missingInput, type Rag, type Unit } from './kpis.ts';
import type { FigureInput } from './leadFacts.ts';

/** The scorecards and the Trend block: views of the KPI table (kpis.ts). */

export interface ScoreLine {
  id: KpiId;
  label: string;
  unit: Unit;
  actual: number | null;
  /** The commitment, in words (e.g. `≥ 90 %`), or '' when the line is for information. */
  target: string;
  status: Rag;
  note: string;
}

export interface TrendRow {
  id: KpiId;
  label: string;
  unit: Unit;
  current: number | null;
  previous: number | null;
  average: number | null;
}

/** A headline figure: the month's value, its verdict and the change from last month. */
export interface HeadlineRow {
  id: KpiId;
  label: string;
  unit: Unit;
  current: number | null;
  status: Rag;
  /** This month − last month; null when either has no figure. */
  change: number | null;
  /** The commitment in words, as on the scorecard ('' for information). */
  target: string;
}

/** The KPIs of each scorecard, in the order shown. */
export const SCORECARDS = {
  marketing: ['mqlDelivered', 'newLeads', 'handedOff', 'rejectedShare', 'missingDataShare'],
  sales: [
    'onTimeShare',
    'medianHoursToContact',
    'p90HoursToContact',
    'averageAttempts',
    'neverContacted',
    'recycled',
    'returned',
  ],
  revenue: ['won', 'wonValue', 'marketingShareOfValue', 'medianDaysMqlToCustomer'],
} as const satisfies Record<string, readonly KpiId[]>;

export type Scorecards = Record<keyof typeof SCORECARDS, ScoreLine[]>;

/** The five or six figures the review opens with, in the order shown. */
export const HEADLINE: readonly KpiId[] = [
  'mqlDelivered',
  'handedOff',
  'onTimeShare',
  'neverContacted',
  'medianHoursToContact',
  'wonValue',
];

/** Why a KPI has no figure this month (`no data (no Deal value column)`), by KPI. */
export type NoData = Partial<Record<KpiId, string>>;

/**
 * The KPIs without a figure: those whose input column the sheet lacks, or every KPI when the
 * sheet's dates do not reach the month (`uncovered` says so).
 */
export function noDataReasons(missing: readonly FigureInput[], uncovered: string | null): NoData {
  const out: NoData = {};
  for (const id of KPI_IDS) {
    const lacking = missingInput(id, missing);
    if (uncovered !== null) out[id] = `no data (${uncovered})`;
    else if (lacking !== null) out[id] = `no data (${lacking})`;
  }
  return out;
}

/** A KPI's figure for a month: null ("no data") when the month cannot give it, in every view. */
export function kpiValue(id: KpiId, m: MonthFigures, noData: NoData): number | null {
  return noData[id] === undefined ? KPIS[id].get(m) : null;
}

/** Said beside a sample target: the team has not agreed its own yet. */
export const SAMPLE_NOTE = 'sample target, not judged until the team saves its own settings';

/** The commitment in words; `sample: …` until the team has saved its own settings. */
function targetText(id: KpiId, m: MonthFigures, settings: Settings): string {
  const text = KPIS[id].target?.(m, settings) ?? '';
  return text && !settings.agreed ? `sample: ${text}` : text;
}

/** Green / amber / red against the commitment; none without a figure or before it is agreed. */
function verdict(id: KpiId, m: MonthFigures, settings: Settings, noData: NoData): Rag {
  if (noData[id] !== undefined || !settings.agreed) return 'none';
  return KPIS[id].rag?.(m, settings) ?? 'none';
}

function scoreLine(id: KpiId, m: MonthFigures, settings: Settings, noData: NoData): ScoreLine {
  const k = KPIS[id];
  const reason = noData[id];
  const note = reason ?? k.note?.(m, settings) ?? '';
  const sample = k.rag !== undefined && !settings.agreed && reason === undefined;
  return {
    id,
    label: k.label,
    unit: k.unit,
    actual: kpiValue(id, m, noData),
    target: targetText(id, m, settings),
    status: verdict(id, m, settings, noData),
    note: sample ? `${note} (${SAMPLE_NOTE})` : note,
  };
}

/** The headline: each figure with its verdict and its change from the month before. */
export function headlineRows(
  current: MonthFigures,
  previous: MonthFigures,
  settings: Settings,
  noData: NoData,
  previousNoData: NoData,
): HeadlineRow[] {
  return HEADLINE.map((id) => {
    const now = kpiValue(id, current, noData);
    const before = kpiValue(id, previous, previousNoData);
    return {
      id,
      label: KPIS[id].label,
      unit: KPIS[id].unit,
      current: now,
      status: verdict(id, current, settings, noData),
      change: now === null || before === null ? null : now - before,
      target: targetText(id, current, settings),
    };
  });
}

/** Marketing's and sales' commitments and revenue for the month. */
export function scorecards(m: MonthFigures, settings: Settings, noData: NoData = {}): Scorecards {
  const lines = (ids: readonly KpiId[]) => ids.map((id) => scoreLine(id, m, settings, noData));
  return {
    marketing: lines(SCORECARDS.marketing),
    sales: lines(SCORECARDS.sales),
    revenue: lines(SCORECARDS.revenue),
  };
}

/** The KPIs of the Trend block, in table order. */
export const TREND_KPIS: readonly KpiId[] = KPI_IDS.filter((id) => KPIS[id].inTrend !== false);

/** A month's figures with the reasons some of them have none (`noDataReasons`). */
export interface JudgedMonth {
  figures: MonthFigures;
  noData: NoData;
}

/**
 * Each trend KPI for the month, the month before (`earlier[0]`) and the average over the
 * earlier months that had any activity (months without the figure left out).
 */
export function trendRows(current: JudgedMonth, earlier: readonly JudgedMonth[]): TrendRow[] {
  const activeEarlier = earlier.filter((m) => m.figures.active);
  return TREND_KPIS.map((id) => {
    const { label, unit } = KPIS[id];
    const get = (m: JudgedMonth) => kpiValue(id, m.figures, m.noData);
    const values = activeEarlier.map(get).filter((v): v is number => v !== null);
    return {
      id,
      label,
      unit,
      current: get(current),
      previous: earlier[0] ? get(earlier[0]) : null,
      average: values.length ? values.reduce((a, b) => a + b, 0) / values.length : null,
    };
  });
}
