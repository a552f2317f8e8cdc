import { PRIORITIES } from '../common/choices.ts';
import { pluralWord } from '../common/plural.ts';
import { REVIEW_THRESHOLDS } from '../review/kpis.ts';
import type { Settings } from '../settings/index.ts';
import type { Rows } from './agreementRows.ts';
import { describeWeek, hours, n, orList, pct } from './wording.ts';

/** What sales commits to: the deadlines, how contact happens, the attempts, the way back. */

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
    `A lead with no contact recorded whose clock started more than ${n(h.trackingDays)} ${pluralWord(h.trackingDays, 'day')} ago is overdue but no longer tracked: no notice, not today's work.`,
  );
  const zone = cal.timeZone.trim() || "the spreadsheet's time zone";
  r.add('item', 'Business hours', `${describeWeek(cal.hours)} (${zone}).`);
  if (cal.holidays.length) {
    r.add('item', 'Holidays', cal.holidays.map((x) => `${x.date} ${x.name}`).join('; '));
  }
}

const CONTACT_RULES: Readonly<Record<Settings['handoff']['firstContact'], string>> = {
  attempt:
    'The first attempt by one of the channels below (a call, an e-mail sent, a meeting) is the first contact, answered or not.',
  conversation:
    'The first conversation with the lead is the first contact: an attempt with no answer (a call not picked up, an e-mail not replied to) is not.',
};

/** How contact happens: what counts, by which channels, how many attempts how far apart. */
function contactItems(r: Rows, settings: Settings): void {
  const h = settings.handoff;
  r.add(
    'item',
    'What counts as contact',
    `${CONTACT_RULES[h.firstContact]} Its time is recorded (in the lead's row or the activity log): a contact recorded without a time is "Contacted", never counted as on time. Marking a lead SQL is the hand-off, not a contact; rejecting it with a reason answers the SLA.`,
  );
  r.add(
    'item',
    'Contact channels',
    `${orList(settings.agreement.contactChannels)}. Every attempt, by any of them, is logged in the CRM, so that the leads sheet counts it.`,
  );
  r.add(
    'item',
    'Attempts',
    `Up to ${n(h.maxAttempts)} ${pluralWord(h.maxAttempts, 'contact attempt')}, ${n(h.attemptSpacingBusinessDays)} ${pluralWord(h.attemptSpacingBusinessDays, 'business day')} apart.`,
  );
}

/** Where a lead goes when sales gives it back, and for which reasons it may. */
function returnItems(r: Rows, settings: Settings): void {
  const max = settings.handoff.maxAttempts;
  const path = settings.agreement.returnPath;
  r.add(
    'item',
    'Return to marketing',
    `After ${n(max)} ${pluralWord(max, 'attempt')} with no answer, the lead goes back to marketing (Stage "Recycled") and enters the nurture track "${path.noAnswerTrack}".`,
  );
  if (path.reasons.length === 0) {
    r.add('item', '', 'Sales returns a lead for no other reason: it works it, or rejects it.');
    return;
  }
  r.add(
    'item',
    '',
    'Sales may also return a lead for one of these reasons only, written in "Rejected reason"; each enters its nurture track:',
  );
  for (const x of path.reasons) r.add('item', '', `"${x.reason}" → ${x.track}`);
  r.add(
    'note',
    '',
    'A lead returned for another reason, or for none, is re-evaluated at the monthly review.',
  );
}

export function salesSection(r: Rows, settings: Settings, clock: ClockSource): void {
  const h = settings.handoff;
  const t = REVIEW_THRESHOLDS;
  r.add('section', '5. What sales commits to');
  deadlineItems(r, settings, clock);
  r.add(
    'item',
    'At risk',
    `A lead not yet contacted is flagged at risk in the last ${pct(h.atRiskShare)} of its window, and overdue once the deadline has passed.`,
  );
  contactItems(r, settings);
  returnItems(r, settings);
  r.add(
    'item',
    'Reject',
    'Sales may reject a handed-off lead with a reason (Stage "Rejected" and a "Rejected reason"); rejected leads are re-evaluated together at the monthly review (section 3 says who).',
  );
  r.add(
    'item',
    'Targets',
    `At least ${pct(t.onTimeShare.green)} of hand-offs contacted within their deadline (amber from ${pct(t.onTimeShare.amber)}); at most ${pct(t.neverContactedShare.green)} never contacted.`,
  );
  r.add('blank');
}
