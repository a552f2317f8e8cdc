import type { Settings } from '../settings/index.ts';
import type { MonthFigures } from './figureTypes.ts';
import { KPI_IDS, KPIS, type KpiId, missingInput, type Rag, type Unit } from './kpis.ts';
import type { FigureInput } from './leadFacts.ts';

/** The scorecards and the Trend block: views of the KPI table (reviewKpis.ts). */

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

/** The KPIs of each scorecard, in the order shown. */
export const SCORECARDS = {
  marketing: ['mqlDelivered', 'newLeads', 'handedOff', 'rejectedShare'],
  sales: [
    'onTimeShare',
    'medianHoursToContact',
    'p90HoursToContact',
    'averageAttempts',
    'neverContacted',
    'recycled',
  ],
  revenue: ['won', 'wonValue', 'marketingShareOfValue', 'medianDaysMqlToCustomer'],
} as const satisfies Record<string, readonly KpiId[]>;

export type Scorecards = Record<keyof typeof SCORECARDS, ScoreLine[]>;

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
    else if (lacking !== null) out[id] = `no data (no ${lacking} column)`;
  }
  return out;
}

function scoreLine(id: KpiId, m: MonthFigures, settings: Settings, noData: NoData): ScoreLine {
  const k = KPIS[id];
  const reason = noData[id];
  if (reason !== undefined) {
    return {
      id,
      label: k.label,
      unit: k.unit,
      actual: null,
      target: k.target?.(m, settings) ?? '',
      status: 'none',
      note: reason,
    };
  }
  return {
    id,
    label: k.label,
    unit: k.unit,
    actual: k.get(m),
    target: k.target?.(m, settings) ?? '',
    status: k.rag?.(m, settings) ?? 'none',
    note: k.note?.(m, settings) ?? '',
  };
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

/**
 * Each trend KPI for the month, the month before (`earlier[0]`) and the average over the
 * earlier months that had any activity (null values left out).
 */
export function trendRows(
  current: MonthFigures,
  earlier: readonly MonthFigures[],
  missing: readonly FigureInput[] = [],
): TrendRow[] {
  const activeEarlier = earlier.filter((m) => m.active);
  return TREND_KPIS.map((id) => {
    const { label, unit } = KPIS[id];
    // the trend shows every month the sheet's columns allow (an uncovered month is blank anyway)
    const get = (m: MonthFigures) => (missingInput(id, missing) === null ? KPIS[id].get(m) : null);
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
