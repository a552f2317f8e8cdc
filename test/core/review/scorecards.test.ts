import { describe, expect, it } from 'vitest';
import { KPI_IDS, KPIS } from '../../../src/core/review/kpis.ts';
import {
  SCORECARDS,
  scorecards,
  TREND_KPIS,
  trendRows,
} from '../../../src/core/review/scorecards.ts';
import { defaultSettings } from '../../../src/core/settings/index.ts';
import { figuresWith } from '../../fixtures/review.ts';

const SETTINGS = defaultSettings();

const MARCH = figuresWith({
  marketing: { newLeads: 7, mqlDelivered: 7, mqlTarget: 5, mqlAttainment: 1.4, handedOff: 6 },
  sales: { onTimeShare: 0.5, measured: 6, onTime: 3, medianHoursToContact: 9 },
  revenue: { won: 2, wonValue: 6500, revenueTarget: 100000 / 12, revenueAttainment: 0.85 },
});

describe('scorecards from the KPI table', () => {
  const cards = scorecards(MARCH, SETTINGS);
  const lines = [...cards.marketing, ...cards.sales, ...cards.revenue];

  it('writes each scorecard line from its KPI', () => {
    for (const line of lines) {
      const k = KPIS[line.id];
      expect(line).toEqual({
        id: line.id,
        label: k.label,
        unit: k.unit,
        actual: k.get(MARCH),
        target: k.target?.(MARCH, SETTINGS) ?? '',
        status: k.rag?.(MARCH, SETTINGS) ?? 'none',
        note: k.note?.(MARCH, SETTINGS) ?? '',
      });
    }
  });

  it('lists the KPIs of each scorecard in its order', () => {
    expect(cards.marketing.map((l) => l.id)).toEqual(SCORECARDS.marketing);
    expect(cards.sales.map((l) => l.id)).toEqual(SCORECARDS.sales);
    expect(cards.revenue.map((l) => l.id)).toEqual(SCORECARDS.revenue);
  });

  it("opens marketing's commitment with the MQL delivered", () => {
    expect(cards.marketing.map((l) => l.label)).toEqual([
      'MQL delivered',
      'New leads',
      'Hand-offs to sales',
      'Rejected by sales',
    ]);
  });

  it('shows each KPI on one scorecard at most', () => {
    const ids = lines.map((l) => l.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('colours the commitments and leaves the information lines plain', () => {
    const status = Object.fromEntries(lines.map((l) => [l.id, l.status]));
    expect(status).toMatchObject({
      mqlDelivered: 'green',
      onTimeShare: 'red',
      medianHoursToContact: 'amber',
      wonValue: 'amber',
      newLeads: 'none',
      won: 'none',
    });
  });
});

describe('trend from the KPI table', () => {
  const active = (newLeads: number) => figuresWith({ marketing: { newLeads } });

  it('has one row per trend KPI, in table order, with its label and unit', () => {
    const rows = trendRows(MARCH, []);
    expect(rows.map((r) => [r.id, r.label, r.unit])).toEqual(
      TREND_KPIS.map((id) => [id, KPIS[id].label, KPIS[id].unit]),
    );
  });

  it('leaves the MQL target to the History', () => {
    expect(TREND_KPIS).toEqual(KPI_IDS.filter((id) => id !== 'mqlTarget'));
  });

  it('uses the same labels as the scorecards', () => {
    const rows = trendRows(MARCH, []);
    const cards = scorecards(MARCH, SETTINGS);
    for (const line of [...cards.marketing, ...cards.sales, ...cards.revenue]) {
      expect(rows.find((r) => r.id === line.id)?.label).toBe(line.label);
    }
  });

  it('compares with the month before', () => {
    const row = trendRows(MARCH, [active(4), active(2)])[0]!;
    expect(row).toMatchObject({ id: 'newLeads', current: 7, previous: 4, average: 3 });
  });

  it('averages over the earlier months that had activity', () => {
    const quiet = figuresWith({ active: false });
    const row = trendRows(MARCH, [active(4), quiet, active(2)])[0]!;
    expect(row.average).toBe(3);
  });

  it('averages the months that have the figure', () => {
    const withShare = (s: number | null) => figuresWith({ sales: { onTimeShare: s } });
    const rows = trendRows(MARCH, [withShare(null), withShare(0.8), withShare(0.6)]);
    const onTime = rows.find((r) => r.id === 'onTimeShare')!;
    expect(onTime.previous).toBeNull();
    expect(onTime.average).toBeCloseTo(0.7, 12);
  });

  it('has no previous month nor average without earlier months', () => {
    expect(trendRows(MARCH, [])[0]).toMatchObject({ previous: null, average: null });
  });
});
