import { PRIORITIES, WEEKDAYS, type Weekday } from '../common/choices.ts';
import { pluralWord } from '../common/plural.ts';
import { customersNeeded } from '../plan/funnel.ts';
import { planMqlFromRevenue } from '../plan/plan.ts';
import { monthlyMqlTarget } from '../review/figures.ts';
import { REVIEW_THRESHOLDS } from '../review/kpis.ts';
import { REVIEW_DEFINITIONS, SAMPLE_LINE } from '../review/sections.ts';
import type { Criterion, Settings, TimeSpan } from '../settings/index.ts';
import { WEEKDAY_NAMES } from '../time/names.ts';

/**
 * The SLA Agreement as a plain document generated from the settings (pure). Each row has a
 * style and four cells; the shell writes them in one batch. Texts the users typed (definitions,
 * criteria, holidays) are returned as they are: the writer makes them text cells.
 */

export type AgreementStyle =
  | 'title'
  | 'subtitle'
  | 'section'
  | 'header'
  | 'item'
  | 'note'
  | 'blank';

export interface AgreementRow {
  style: AgreementStyle;
  cells: [string, string, string, string];
}

export const AGREEMENT_WIDTH = 4;

function n(x: number): string {
  return Number.isInteger(x) ? x.toLocaleString('en-US') : String(Math.round(x * 100) / 100);
}

function pct(x: number): string {
  return `${Math.round(x * 1000) / 10} %`;
}

function hours(h: number): string {
  return `${n(h)} ${pluralWord(h, 'business hour')}`;
}

function list(values: readonly string[]): string {
  const q = values.map((v) => `"${v}"`);
  if (q.length <= 1) return q.join('');
  return `${q.slice(0, -1).join(', ')} or ${q[q.length - 1]}`;
}

/** A criterion in plain words: `Decision maker: Job title contains "director" → +15 fit`. */
export function describeCriterion(c: Criterion): string {
  const col = c.column;
  let test: string;
  switch (c.operator) {
    case 'equals':
      test = `${col} is "${c.value ?? ''}"`;
      break;
    case 'oneOf':
      test = `${col} is one of ${list(c.values ?? [])}`;
      break;
    case 'contains':
      test = `${col} contains "${c.value ?? ''}"`;
      break;
    case 'atLeast':
      test = `${col} is at least ${n(c.min ?? 0)}`;
      break;
    case 'atMost':
      test = `${col} is at most ${n(c.max ?? 0)}`;
      break;
    case 'between':
      test = `${col} is between ${n(c.min ?? 0)} and ${n(c.max ?? 0)}`;
      break;
    case 'isBlank':
      test = `${col} is blank`;
      break;
    case 'notBlank':
      test = `${col} is filled in`;
      break;
    case 'withinDays':
      test = `${col} is within the last ${n(c.days ?? 0)} days`;
      break;
  }
  const points = `${c.points >= 0 ? '+' : '−'}${n(Math.abs(c.points))} ${c.kind}`;
  const handoff = c.handoff ? ' (hands the lead to sales whatever the score)' : '';
  return `${c.label}: ${test} → ${points}${handoff}`;
}

function spans(s: readonly TimeSpan[]): string {
  return s.map((x) => `${x.start}–${x.end}`).join(', ');
}

/** `Monday–Friday 09:00–18:00` (consecutive days with the same hours grouped). */
export function describeWeek(hoursByDay: Settings['calendar']['hours']): string {
  const groups: Array<{ from: Weekday; to: Weekday; text: string }> = [];
  for (const d of WEEKDAYS) {
    const text = spans(hoursByDay[d]);
    const last = groups[groups.length - 1];
    if (last && last.text === text && text !== '') last.to = d;
    else if (text !== '') groups.push({ from: d, to: d, text });
    else groups.push({ from: d, to: d, text: '' });
  }
  const parts = groups
    .filter((g) => g.text !== '')
    .map((g) =>
      g.from === g.to
        ? `${WEEKDAY_NAMES[g.from]} ${g.text}`
        : `${WEEKDAY_NAMES[g.from]}–${WEEKDAY_NAMES[g.to]} ${g.text}`,
    );
  return parts.length ? parts.join('; ') : 'no working hours set';
}

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
      `Interest loses ${n(s.decay.percent)} % when "${s.decay.column}" is more than ${n(s.decay.afterDays)} days old.`,
    );
  }
  out.push(
    `Fit grades: A from ${n(s.grades.A)}, B from ${n(s.grades.B)}, C from ${n(s.grades.C)}, D below.`,
  );
  return out;
}

/**
 * Where the SLA clock starts in the team's sheet: `header` is the column that starts it, null
 * when the sheet has none of the hand-off, MQL or creation dates; undefined when not known
 * (no leads sheet read).
 */
export type ClockSource = { header: string | null } | undefined;

function clockText(clock: ClockSource): string {
  if (!clock) return 'The clock starts when the lead is handed off to sales (its hand-off date).';
  if (clock.header === null) {
    return 'The leads sheet has no hand-off, MQL or creation date column yet: no lead can be timed until one is added or chosen in the settings (Fields).';
  }
  return `The clock starts at the date in the "${clock.header}" column of the leads sheet.`;
}

/** Rows of the agreement being built, with a helper to add one. */
class Rows {
  readonly rows: AgreementRow[] = [];
  add(style: AgreementStyle, a = '', b = '', c = '', d = ''): void {
    this.rows.push({ style, cells: [a, b, c, d] });
  }
}

function definitionsSection(r: Rows, d: Settings['definitions']): void {
  r.add('section', '1. Shared definitions');
  r.add('item', 'Contact', d.contact);
  r.add('item', 'Lead', d.lead);
  r.add('item', 'MQL (marketing-qualified lead)', d.mql);
  r.add('item', 'SQL (sales-qualified lead)', d.sql);
  r.add('item', 'Opportunity', d.opportunity);
  r.add('item', 'Customer', d.customer);
  r.add('blank');
}

function marketingSection(
  r: Rows,
  settings: Settings,
  plannedMonthlyMql: readonly number[] | null,
): void {
  const t = REVIEW_THRESHOLDS;
  r.add('section', '2. What marketing commits to');
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
  r.add(
    'item',
    'Rejections',
    `At most ${pct(t.rejectedShare.green)} of the hand-offs rejected by sales in a month (amber up to ${pct(t.rejectedShare.amber)}).`,
  );
  r.add('blank');
}

/** Deadlines, the clock, business hours: when a lead must be contacted. */
function deadlineItems(r: Rows, settings: Settings, clock: ClockSource): void {
  const h = settings.handoff;
  const cal = settings.calendar;
  for (const p of PRIORITIES) {
    const isDefault = p === h.defaultPriority ? ' (also leads with no priority)' : '';
    r.add(
      'item',
      p === PRIORITIES[0] ? 'First contact deadline' : '',
      `${p}${isDefault}: first contact within ${hours(h.deadlineHours[p])} of the hand-off.`,
    );
  }
  r.add('item', 'Start of the clock', clockText(clock));
  r.add(
    'item',
    'Tracking window',
    `A lead with no contact recorded whose clock started more than ${n(h.trackingDays)} days ago is counted as missed, not as today's work.`,
  );
  const zone = cal.timeZone.trim() || "the spreadsheet's time zone";
  r.add('item', 'Business hours', `${describeWeek(cal.hours)} (${zone}).`);
  if (cal.holidays.length) {
    r.add('item', 'Holidays', cal.holidays.map((x) => `${x.date} ${x.name}`).join('; '));
  }
}

function salesSection(r: Rows, settings: Settings, clock: ClockSource): void {
  const h = settings.handoff;
  const t = REVIEW_THRESHOLDS;
  r.add('section', '3. What sales commits to');
  deadlineItems(r, settings, clock);
  r.add(
    'item',
    'At risk',
    `A lead not yet contacted is flagged at risk in the last ${pct(h.atRiskShare)} of its window, and overdue once the deadline has passed.`,
  );
  r.add(
    'item',
    'Attempts',
    `Up to ${n(h.maxAttempts)} ${pluralWord(h.maxAttempts, 'contact attempt')}, ${n(h.attemptSpacingBusinessDays)} ${pluralWord(h.attemptSpacingBusinessDays, 'business day')} apart.`,
  );
  r.add(
    'item',
    'Recycle',
    `After ${n(h.maxAttempts)} attempts without progress, the lead goes back to marketing for nurturing (Stage "Recycled").`,
  );
  r.add(
    'item',
    'Reject',
    'Sales may reject a handed-off lead with a reason (Stage "Rejected" and a "Rejected reason"); rejected leads are re-evaluated together at the monthly review.',
  );
  r.add(
    'item',
    'Targets',
    `At least ${pct(t.onTimeShare.green)} of hand-offs contacted within their deadline (amber from ${pct(t.onTimeShare.amber)}); at most ${pct(t.neverContactedShare.green)} never contacted.`,
  );
  r.add('blank');
}

function reviewSection(r: Rows, settings: Settings): void {
  const t = REVIEW_THRESHOLDS;
  r.add('section', '4. Review cadence');
  r.add(
    'item',
    'Monthly review',
    `In the first business days of each month both teams meet on the "SLA Review YYYY-MM" sheet of the month just ended${settings.monitoring.autoMonthlyReview ? ' (created automatically by the first monitoring run of the month)' : ' (menu: Run monthly review)'}: both scorecards, the funnel, speed to lead, per-source and per-owner tables, and the rejected leads.`,
  );
  r.add(
    'item',
    'Green / amber / red',
    `MQL delivered ≥ ${pct(t.mqlAttainment.green)} of target is green, ≥ ${pct(t.mqlAttainment.amber)} amber; hand-offs contacted within deadline ≥ ${pct(t.onTimeShare.green)} green, ≥ ${pct(t.onTimeShare.amber)} amber; value won ≥ ${pct(t.revenueAttainment.green)} of the monthly goal green, ≥ ${pct(t.revenueAttainment.amber)} amber; otherwise red.`,
  );
  if (!settings.agreed) r.add('item', 'Sample targets', SAMPLE_LINE);
  // how the review counts: the same definitions its Definitions section states
  for (const [figure, how] of REVIEW_DEFINITIONS) r.add('item', `Review: ${figure}`, how);
  r.add(
    'item',
    'Changes',
    'This agreement is a living document: the monthly meeting may change the definitions, targets and rules; the settings are then updated and this sheet regenerated.',
  );
  r.add('blank');
}

/** The whole agreement, row by row. */
export function buildAgreement(
  settings: Settings,
  plannedMonthlyMql: readonly number[] | null = null,
  clock: ClockSource = undefined,
): AgreementRow[] {
  const r = new Rows();
  r.add('title', 'SLA Agreement between Marketing and Sales');
  r.add(
    'subtitle',
    'Generated from the SLA Sheets settings: edit the settings (sidebar), not this sheet; it is rewritten on every save.',
  );
  r.add('blank');
  definitionsSection(r, settings.definitions);
  marketingSection(r, settings, plannedMonthlyMql);
  salesSection(r, settings, clock);
  reviewSection(r, settings);
  r.add('section', '5. Sign-off');
  r.add('header', 'Team', 'Name and role', 'Signature', 'Date');
  r.add('item', 'Marketing');
  r.add('item', 'Sales');
  return r.rows;
}
