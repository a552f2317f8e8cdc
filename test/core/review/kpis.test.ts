import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { MonthFigures } from '../../../src/core/review/figureTypes.ts';
import {
  KPI_IDS,
  KPIS,
  type KpiId,
  kpiColumn,
  type Rag,
  ragAtLeast,
  ragAtMost,
} from '../../../src/core/review/kpis.ts';
import { defaultSettings } from '../../../src/core/settings/index.ts';
import { figuresWith } from '../../fixtures/review.ts';

const SETTINGS = defaultSettings(); // default priority Warm: an 8-business-hour deadline

function rag(id: KpiId, m: MonthFigures): Rag {
  return KPIS[id].rag?.(m, SETTINGS) ?? 'none';
}

/** Each commitment: figures at the green edge, at the amber edge, just past it, and without data. */
const RAG_CASES: Array<[KpiId, (x: number | null) => MonthFigures, [number, number, number]]> = [
  ['mqlDelivered', (x) => figuresWith({ marketing: { mqlAttainment: x } }), [1, 0.8, 0.79]],
  ['rejectedShare', (x) => figuresWith({ marketing: { rejectedShare: x } }), [0.1, 0.2, 0.21]],
  ['onTimeShare', (x) => figuresWith({ sales: { onTimeShare: x } }), [0.9, 0.75, 0.74]],
  [
    'medianHoursToContact',
    (x) => figuresWith({ sales: { medianHoursToContact: x } }),
    [8, 12, 12.1],
  ],
  ['neverContacted', (x) => figuresWith({ sales: { neverContactedShare: x } }), [0.05, 0.1, 0.11]],
  ['wonValue', (x) => figuresWith({ revenue: { revenueAttainment: x } }), [1, 0.8, 0.79]],
];

describe('the KPI table', () => {
  it('gives every KPI a different label', () => {
    const labels = KPI_IDS.map((id) => KPIS[id].label);
    expect(new Set(labels).size).toBe(labels.length);
  });

  it('gives every KPI a different column header', () => {
    const columns = KPI_IDS.map(kpiColumn);
    expect(new Set(columns).size).toBe(columns.length);
  });

  it('uses the label as the column header unless a shorter one is given', () => {
    expect(kpiColumn('newLeads')).toBe(KPIS.newLeads.label);
    expect(kpiColumn('handedOff')).toBe('Hand-offs');
  });

  it('writes each label once in the source', () => {
    // The same words name another sheet's row: the Planning sheet's monthly `MQL target`.
    const alsoElsewhere = new Set(['MQL target']);
    const dir = join(import.meta.dirname, '../../../src');
    const files = readdirSync(dir, { recursive: true, encoding: 'utf8' })
      .filter((f) => f.endsWith('.ts'))
      .map((f) => readFileSync(join(dir, f), 'utf8'));
    for (const text of KPI_IDS.map((id) => KPIS[id].label)) {
      const written = files.reduce((n, src) => n + src.split(`'${text}'`).length - 1, 0);
      expect(written, text).toBe(alsoElsewhere.has(text) ? 2 : 1);
    }
  });

  it('gives a commitment both a target and a green / amber / red rule', () => {
    for (const id of KPI_IDS) {
      expect(KPIS[id].target === undefined, id).toBe(KPIS[id].rag === undefined);
    }
  });

  it('reads each KPI from the month figures', () => {
    const m = figuresWith({
      marketing: { newLeads: 7, rejectedShare: 0.25 },
      sales: { p90HoursToContact: 6.8 },
      revenue: { wonValue: 6500 },
      speedToLead: { expectedLostOpportunities: 0.2 },
    });
    expect(KPIS.newLeads.get(m)).toBe(7);
    expect(KPIS.rejectedShare.get(m)).toBe(0.25);
    expect(KPIS.p90HoursToContact.get(m)).toBe(6.8);
    expect(KPIS.wonValue.get(m)).toBe(6500);
    expect(KPIS.expectedLostOpportunities.get(m)).toBe(0.2);
  });
});

describe('green / amber / red of each commitment', () => {
  it.each(RAG_CASES)(
    '%s: green, amber and red at the thresholds',
    (id, at, [green, amber, red]) => {
      expect(rag(id, at(green))).toBe('green');
      expect(rag(id, at(amber))).toBe('amber');
      expect(rag(id, at(red))).toBe('red');
    },
  );

  it.each(RAG_CASES)('%s: no status without data', (id, at) => {
    expect(rag(id, at(null))).toBe('none');
  });

  it('has no status for the figures shown for information', () => {
    const informative = KPI_IDS.filter((id) => !RAG_CASES.some(([k]) => k === id));
    const m = figuresWith({ marketing: { newLeads: 3 }, sales: { recycled: 2 } });
    expect(informative.map((id) => rag(id, m))).toEqual(informative.map(() => 'none'));
  });

  it('measures the median time against the default priority deadline', () => {
    const hot = defaultSettings();
    hot.handoff.defaultPriority = 'Hot'; // 1 business hour
    const m = figuresWith({ sales: { medianHoursToContact: 2 } });
    expect(KPIS.medianHoursToContact.rag?.(m, hot)).toBe('red');
    expect(KPIS.medianHoursToContact.rag?.(m, SETTINGS)).toBe('green');
  });

  it('ragAtLeast: green from the green threshold, amber from the amber one', () => {
    expect(ragAtLeast(0.8, { green: 1, amber: 0.8 })).toBe('amber');
    expect(ragAtLeast(1, { green: 1, amber: 0.8 })).toBe('green');
    expect(ragAtLeast(null, { green: 1, amber: 0.8 })).toBe('none');
  });

  it('ragAtMost: green up to the green threshold, amber up to the amber one', () => {
    expect(ragAtMost(0.2, { green: 0.1, amber: 0.2 })).toBe('amber');
    expect(ragAtMost(0.21, { green: 0.1, amber: 0.2 })).toBe('red');
  });

  it('forgives rounding errors at a threshold', () => {
    expect(ragAtLeast(0.1 + 0.2 - 0.2, { green: 0.1, amber: 0.05 })).toBe('green');
    expect(ragAtMost(0.7 * 3 - 2, { green: 0.1, amber: 0.2 })).toBe('green');
  });
});

describe('targets and notes', () => {
  const target = (id: KpiId, m: MonthFigures) => KPIS[id].target?.(m, SETTINGS);
  const note = (id: KpiId, m: MonthFigures) => KPIS[id].note?.(m, SETTINGS);

  it('states the MQL target, or that there is none', () => {
    expect(target('mqlDelivered', figuresWith({ marketing: { mqlTarget: 67 } }))).toBe('≥ 67 MQL');
    expect(target('mqlDelivered', figuresWith({}))).toBe('no target set');
  });

  it('states the monthly revenue goal rounded, or that there is none', () => {
    const m = figuresWith({ revenue: { revenueTarget: 100000 / 12 } });
    expect(target('wonValue', m)).toBe('≥ 8,333');
    expect(target('wonValue', figuresWith({}))).toBe('no goal set');
  });

  it("states the median's commitment in the default priority's hours", () => {
    expect(target('medianHoursToContact', figuresWith({}))).toBe('≤ 8 h');
    expect(note('medianHoursToContact', figuresWith({}))).toBe(
      'Against the Warm deadline (amber ≤ 12 h)',
    );
  });

  it('counts the on-time hand-offs and those still within their deadline', () => {
    const sales = { onTime: 4, measured: 6, pending: 2 };
    expect(note('onTimeShare', figuresWith({ sales }))).toBe(
      '4 of 6 hand-offs judged against their deadline (amber ≥ 75 %); apart: 2 still within deadline',
    );
    expect(note('onTimeShare', figuresWith({ sales: { ...sales, pending: 0 } }))).toBe(
      '4 of 6 hand-offs judged against their deadline (amber ≥ 75 %)',
    );
    expect(note('onTimeShare', figuresWith({ sales: { ...sales, pending: 0, closed: 3 } }))).toBe(
      '4 of 6 hand-offs judged against their deadline (amber ≥ 75 %); apart: 3 rejected or closed with no contact',
    );
  });

  it('says when no hand-off can be measured yet', () => {
    expect(note('onTimeShare', figuresWith({ sales: { pending: 1 } }))).toBe(
      '1 still within deadline',
    );
    expect(note('onTimeShare', figuresWith({}))).toBe('no hand-offs');
  });

  it('names the base of the never-contacted share', () => {
    const sales = { neverContacted: 1, measured: 10, neverContactedShare: 0.1 };
    expect(note('neverContacted', figuresWith({ sales }))).toBe(
      '10 %: 1 of 10 hand-offs judged against their deadline. Not rejected or closed, no contact recorded, deadline passed',
    );
  });

  it('tells how to get an MQL target when there is none', () => {
    expect(note('mqlDelivered', figuresWith({}))).toContain('Set a revenue goal');
    expect(note('mqlDelivered', figuresWith({ marketing: { mqlAttainment: 1.4 } }))).toBe(
      '140 % of target (green ≥ 100 %, amber ≥ 80 %)',
    );
  });
});
