import { REVIEW_THRESHOLDS } from '../review/kpis.ts';
import { REVIEW_DEFINITIONS, SAMPLE_LINE } from '../review/sections.ts';
import type { Settings } from '../settings/index.ts';
import { type AgreementRow, Rows } from './agreementRows.ts';
import { marketingSection } from './marketing.ts';
import { type ClockSource, salesSection } from './sales.ts';
import { dataSection, definitionsSection, rolesSection } from './terms.ts';
import { pct } from './wording.ts';

/**
 * The SLA Agreement as a plain document generated from the settings (pure), in the order the
 * source articles list what an SLA holds: the shared words, the data each stage requires, who
 * does what, both teams' commitments (how contact happens, where a returned lead goes), the
 * review cadence, and the signatures.
 */

export { AGREEMENT_WIDTH, type AgreementRow, type AgreementStyle } from './agreementRows.ts';
export type { ClockSource } from './sales.ts';
export { describeCriterion, describeWeek } from './wording.ts';

function reviewSection(r: Rows, settings: Settings): void {
  const t = REVIEW_THRESHOLDS;
  r.add('section', '6. Review cadence');
  r.add(
    'item',
    'Monthly review',
    `In the first business days of each month both teams meet on the "SLA Review YYYY-MM" sheet of the month just ended${settings.monitoring.autoMonthlyReview ? ' (created automatically by the first monitoring run of the month)' : ' (menu: Run monthly review)'}: both scorecards (marketing's with the hand-offs missing the data section 2 requires, by source too), the funnel, speed to lead, per-source and per-owner tables, the attempts by channel when an activity log is read, the rejected leads, and the leads returned to marketing with their reason and nurture track.`,
  );
  r.add(
    'item',
    'Green / amber / red',
    `MQL delivered ≥ ${pct(t.mqlAttainment.green)} of target is green, ≥ ${pct(t.mqlAttainment.amber)} amber; hand-offs contacted within deadline ≥ ${pct(t.onTimeShare.green)} green, ≥ ${pct(t.onTimeShare.amber)} amber; value won ≥ ${pct(t.revenueAttainment.green)} of the monthly goal green, ≥ ${pct(t.revenueAttainment.amber)} amber; hand-offs missing required data: none green, ≤ ${pct(t.missingDataShare.amber)} amber; otherwise red.`,
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
  dataSection(r, settings.agreement.requiredFields);
  rolesSection(r, settings.agreement.roles);
  marketingSection(r, settings, plannedMonthlyMql);
  salesSection(r, settings, clock);
  reviewSection(r, settings);
  r.add('section', '7. Sign-off');
  r.add('header', 'Team', 'Name and role', 'Signature', 'Date');
  r.add('item', 'Marketing');
  r.add('item', 'Sales');
  return r.rows;
}
