import { pluralWord } from '../common/plural.ts';
import { customersNeeded } from '../plan/funnel.ts';
import { planMqlFromRevenue } from '../plan/plan.ts';
import { monthlyMqlTarget } from '../review/figures.ts';
import { REVIEW_THRESHOLDS } from '../review/kpis.ts';
import type { Settings } from '../settings/index.ts';
import { REQUIRED_STAGES } from '../sla/requiredFields.ts';
import type { Rows } from './agreementRows.ts';
import { describeCriterion, n, pct } from './wording.ts';

/** What marketing commits to: the volume from the plan, the quality from the scoring. */

function monthRange(targets: readonly number[]): string {
  const lo = Math.min(...targets);
  const hi = Math.max(...targets);
  return lo === hi ? `${n(lo)} MQL a month` : `${n(lo)} to ${n(hi)} MQL a month`;
}

function volumeText(settings: Settings, planned: readonly number[] | null): string {
  const p = settings.plan;
  if (p.monthlyMqlTarget !== null) {
    return `${n(p.monthlyMqlTarget)} MQL a month (monthly target set in the plan).`;
  }
  if (planned) {
    const annual = planned.reduce((a, b) => a + b, 0);
    return `${monthRange(planned)} (${n(annual)} a year, spread by the seasonality of the Planning sheet, which shows how the year's MQL follow from the revenue goal).`;
  }
  const annual = planMqlFromRevenue(p);
  if (p.revenueGoal === null || annual === null)
    return 'No volume target yet: set a revenue goal or a monthly MQL target in the plan.';
  const targets = Array.from({ length: 12 }, (_, i) => monthlyMqlTarget(settings, i + 1) ?? 0);
  const customers = customersNeeded(p.revenueGoal, p.averageDeal, p.marketingShare);
  return `${monthRange(targets)} (${n(annual)} a year spread evenly over 12 months): revenue goal ${n(p.revenueGoal)} × marketing share ${pct(p.marketingShare)} ÷ average deal ${n(p.averageDeal)} = ${n(customers)} customers, back through opportunity → customer ${pct(p.stageRates[4])}, SQL → opportunity ${pct(p.stageRates[3])} and MQL → SQL ${pct(p.stageRates[2])}.`;
}

function qualificationText(s: Settings['scoring']): string[] {
  const out: string[] = [];
  if (s.mqlMode === 'total') {
    out.push(`A lead becomes an MQL when its score (fit + interest) reaches ${n(s.mqlThreshold)}.`);
  } else {
    out.push(
      `A lead becomes an MQL when its fit reaches ${n(s.mqlFitThreshold)} and its interest reaches ${n(s.mqlInterestThreshold)}.`,
    );
  }
  const bottom = s.criteria.filter((c) => c.handoff).map((c) => c.label);
  out.push(
    `It is handed to sales when its score reaches ${n(s.handoffThreshold)}${bottom.length ? `, or at once on a bottom-of-funnel action (${bottom.join(', ')})` : ''}.`,
  );
  const caps: string[] = [];
  if (s.fitCap !== null) caps.push(`fit counts at most ${n(s.fitCap)}`);
  if (s.interestCap !== null) caps.push(`interest counts at most ${n(s.interestCap)}`);
  if (caps.length) out.push(`Caps: ${caps.join(', ')}.`);
  if (s.decay) {
    out.push(
      `Interest loses ${n(s.decay.percent)} % when "${s.decay.column}" is more than ${n(s.decay.afterDays)} ${pluralWord(s.decay.afterDays, 'day')} old.`,
    );
  }
  out.push(
    `Fit grades: A from ${n(s.grades.A)}, B from ${n(s.grades.B)}, C from ${n(s.grades.C)}, D below.`,
  );
  return out;
}

export function marketingSection(
  r: Rows,
  settings: Settings,
  plannedMonthlyMql: readonly number[] | null,
): void {
  const t = REVIEW_THRESHOLDS;
  r.add('section', '4. What marketing commits to');
  r.add('item', 'Volume', volumeText(settings, plannedMonthlyMql));
  r.add('item', 'Quality', qualificationText(settings.scoring).join(' '));
  const fit = settings.scoring.criteria.filter((c) => c.kind === 'fit');
  const interest = settings.scoring.criteria.filter((c) => c.kind === 'interest');
  fit.forEach((c, i) => {
    r.add('item', i === 0 ? 'Fit (who they are)' : '', describeCriterion(c));
  });
  interest.forEach((c, i) => {
    r.add('item', i === 0 ? 'Interest (what they did)' : '', describeCriterion(c));
  });
  const required = settings.agreement.requiredFields;
  if (REQUIRED_STAGES.some((s) => required[s].length > 0)) {
    r.add(
      'item',
      'Complete data',
      'Every lead carries the data section 2 requires at its stage before it moves on: no hand-off reaches sales without it.',
    );
  }
  r.add(
    'item',
    'Rejections',
    `At most ${pct(t.rejectedShare.green)} of the hand-offs rejected by sales in a month (amber up to ${pct(t.rejectedShare.amber)}).`,
  );
  r.add('blank');
}
