import type { FirstContactRule } from '../common/choices.ts';
import type { DateField } from '../read/fieldIds.ts';
import type { LeadRecord } from '../read/leadRecords.ts';
import { DAY_MS } from '../time/zone.ts';

/**
 * What the data proves about a lead's first contact since its clock started: the one answer
 * the status, the review and the notices use. No time, no verdict: a contact the sheet only
 * records (a status word, a count, a late last-contact date) is `untimed`, never on time.
 *
 * The first-contact time comes, in order, from: `First contact at`; a response time from the
 * clock start; the earliest done activity of the activity log; the last-contact date when exactly
 * one contact is counted. A last-contact date on or before the deadline proves the first contact
 * was no later. An attempts count of 0 means no contact, whatever the status word says.
 *
 * `rule` is what counts as the first contact: the first attempt (a call, an e-mail sent, a
 * meeting: the default, as in speed-to-lead studies) or the first conversation. With
 * `conversation`, attempts, their count and their dates prove nothing; `First contact at`, the
 * log's conversations and the status words that say "in touch" (not "attempted") do.
 */

/** Where a first-contact time was read. */
export type ContactSource = 'firstContactAt' | 'responseTime' | 'activityLog' | 'lastAttemptAt';

/** What the activity log says of one lead since its clock started (sla/activityJoin). */
export interface LoggedContacts {
  /** The earliest done activity that counts under the rule; null when none. */
  first: number | null;
  /** Done activities since the clock start (attempts), whatever the rule. */
  done: number;
  /** The log's dates are days without a time. */
  dayOnly: boolean;
}

export type ContactEvidence =
  /** The first contact's time (to the day when its column holds days only). */
  | { kind: 'timed'; at: number; source: ContactSource; dayOnly: boolean }
  /** A contact on or before `by`, itself on or before the deadline: the first one was no later. */
  | { kind: 'byDeadline'; by: number; dayOnly: boolean }
  /** A contact is recorded; nothing says when the first one was. `why` says what records it. */
  | { kind: 'untimed'; why: string }
  | { kind: 'none' };

export interface ContactInput {
  record: LeadRecord;
  start: number;
  deadline: number;
  rule: FirstContactRule;
  /** Date fields whose column holds days only. */
  dayOnly: ReadonlySet<DateField>;
  /** The activity log's facts for this lead, when a log was read. */
  logged?: LoggedContacts | null;
}

/** How long before the clock start a contact still counts (a lead opened from a call): a day. */
export const EARLY_CONTACT_MS = DAY_MS;

/** A contact time read as it counts: one up to a day before the clock start is at the start. */
function atOrAfterStart(at: number, start: number): number {
  return at < start && at >= start - EARLY_CONTACT_MS ? start : at;
}

export function contactEvidence(input: ContactInput): ContactEvidence {
  const { record, start, deadline, rule, dayOnly } = input;
  const attemptsCount = rule === 'attempt';
  const first = record.dates.firstContactAt;
  if (first !== null) return timed(first, start, 'firstContactAt', dayOnly.has('firstContactAt'));
  if (attemptsCount && record.responseMs !== null)
    return timed(start + record.responseMs, start, 'responseTime', false);
  const logged = input.logged ?? null;
  if (logged?.first != null) return timed(logged.first, start, 'activityLog', logged.dayOnly);
  const counted = record.attempts ?? (logged ? logged.done : null);
  const last = record.dates.lastAttemptAt;
  if (attemptsCount && last !== null) {
    const days = dayOnly.has('lastAttemptAt');
    if (counted === 1) return timed(last, start, 'lastAttemptAt', days);
    const latest = days ? last + DAY_MS : last;
    if (last >= start - EARLY_CONTACT_MS && latest <= deadline)
      return { kind: 'byDeadline', by: atOrAfterStart(last, start), dayOnly: days };
  }
  if (record.attempts === 0) return { kind: 'none' };
  if (record.contacted && (attemptsCount || !record.attemptOnly)) {
    const by = record.contactedBy ? `"${record.contactedBy}"` : `stage ${record.stage ?? ''}`;
    return { kind: 'untimed', why: `${record.attemptOnly ? 'attempted' : 'contacted'} (${by})` };
  }
  if (attemptsCount && counted !== null && counted > 0)
    return {
      kind: 'untimed',
      why: `${counted} ${counted === 1 ? 'attempt' : 'attempts'} recorded`,
    };
  if (attemptsCount && last !== null) return { kind: 'untimed', why: 'a last contact is recorded' };
  return { kind: 'none' };
}

function timed(at: number, start: number, source: ContactSource, dayOnly: boolean) {
  return { kind: 'timed', at: atOrAfterStart(at, start), source, dayOnly } as const;
}

/** The verdict a timed first contact gives against the deadline; null when a day straddles it. */
export function onTime(
  evidence: { at: number; dayOnly: boolean },
  deadline: number,
): boolean | null {
  if (!evidence.dayOnly) return evidence.at <= deadline;
  if (evidence.at + DAY_MS <= deadline) return true;
  if (evidence.at > deadline) return false;
  return null;
}
