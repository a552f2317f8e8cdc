import { describe, expect, it } from 'vitest';
import type { MonthFigures } from '../../../src/core/review/figureTypes.ts';
import { KPI_IDS, KPIS } from '../../../src/core/review/kpis.ts';
import {
  SCORECARDS,
  scorecards,
  TREND_KPIS,
  trendRows,
} from '../../../src/core/review/scorecards.ts';
import { defaultSettings } from '../../../src/core/settings/index.ts';
import { figuresWith } from '../../fixtures/review.ts';

/** A team that saved its own settings: its targets are judged. */
const SETTINGS = { ...defaultSettings(), agreed: true };

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
      'Hand-offs missing required data',
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

/** The trend of months that have every figure (no "no data" reason). */
const trend = (current: MonthFigures, earlier: MonthFigures[]) =>
  trendRows(
    { figures: current, noData: {} },
    earlier.map((figures) => ({ figures, noData: {} })),
  );

describe('sample targets', () => {
  it('labels the targets as the sample and gives no verdict until the team saves its own', () => {
    const sample = defaultSettings();
    expect(sample.agreed).toBe(false);
    const lines = Object.values(scorecards(MARCH, sample)).flat();
    const judged = lines.filter((l) => KPIS[l.id].rag !== undefined);
    expect(judged.length).toBeGreaterThan(3);
    for (const l of lines) expect(l.status).toBe('none');
    for (const l of judged) {
      expect(l.target).toMatch(/^sample: /);
      expect(l.note).toContain('not judged until the team saves its own settings');
    }
    // the figures themselves are the same: only the verdict waits for the team's targets
    const agreed = Object.values(scorecards(MARCH, SETTINGS)).flat();
    expect(lines.map((l) => l.actual)).toEqual(agreed.map((l) => l.actual));
    expect(agreed.some((l) => l.status !== 'none')).toBe(true);
  });
});

describe('trend from the KPI table', () => {
  const active = (newLeads: number) => figuresWith({ marketing: { newLeads } });

  it('has one row per trend KPI, in table order, with its label and unit', () => {
    const rows = trend(MARCH, []);
    expect(rows.map((r) => [r.id, r.label, r.unit])).toEqual(
      TREND_KPIS.map((id) => [id, KPIS[id].label, KPIS[id].unit]),
    );
  });

  it('leaves the MQL target, the rejected and the missing-data counts to the History', () => {
    const historyOnly = ['mqlTarget', 'rejected', 'missingData'];
    expect(TREND_KPIS).toEqual(KPI_IDS.filter((id) => !historyOnly.includes(id)));
  });

  it('uses the same labels as the scorecards', () => {
    const rows = trend(MARCH, []);
    const cards = scorecards(MARCH, SETTINGS);
    for (const line of [...cards.marketing, ...cards.sales, ...cards.revenue]) {
      expect(rows.find((r) => r.id === line.id)?.label).toBe(line.label);
    }
  });

  it('compares with the month before', () => {
    const row = trend(MARCH, [active(4), active(2)])[0]!;
    expect(row).toMatchObject({ id: 'newLeads', current: 7, previous: 4, average: 3 });
  });

  it('averages over the earlier months that had activity', () => {
    const quiet = figuresWith({ active: false });
    const row = trend(MARCH, [active(4), quiet, active(2)])[0]!;
    expect(row.average).toBe(3);
  });

  it('averages the months that have the figure', () => {
    const withShare = (s: number | null) => figuresWith({ sales: { onTimeShare: s } });
    const rows = trend(MARCH, [withShare(null), withShare(0.8), withShare(0.6)]);
    const onTime = rows.find((r) => r.id === 'onTimeShare')!;
    expect(onTime.previous).toBeNull();
    expect(onTime.average).toBeCloseTo(0.7, 12);
  });

  it('has no previous month nor average without earlier months', () => {
    expect(trend(MARCH, [])[0]).toMatchObject({ previous: null, average: null });
  });
});
