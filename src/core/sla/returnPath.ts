import { normalizeText } from '../common/cellValues.ts';
import { plural } from '../common/plural.ts';
import type { Stage } from '../read/leadColumns.ts';
import type { LeadRecord } from '../read/leadRecords.ts';
import type { AgreementSettings } from '../settings/index.ts';

/**
 * Where a lead sales gives back to marketing goes (the agreement's return path), and which of the
 * agreed contact channels an activity was. Pure.
 */

export interface ReturnedLead {
  /** `noAnswer`: attempts used up, the stage still open (status Recycle); `returned`: stage Recycled. */
  kind: 'noAnswer' | 'returned';
  /** The reason as the agreement words it, or as the row wrote it; '' when none is given. */
  reason: string;
  /** The nurture track the lead enters; null when its reason is not one the agreement lists. */
  track: string | null;
  /** The reason is one the agreement lists (no answer after the attempts always is). */
  agreed: boolean;
}

export interface ReturnRules {
  returnPath: AgreementSettings['returnPath'];
  maxAttempts: number;
}

/** Stages at which a lead is still worked by sales (the status engine's Recycle applies). */
const OPEN: ReadonlyArray<Stage | null> = [null, 'Lead', 'MQL', 'SQL'];

/** `Bad timing - call in Q3` is the agreed reason `Bad timing`: the row's text starts with it. */
function agreedReason(rules: ReturnRules, text: string) {
  const key = normalizeText(text);
  if (key === '') return null;
  return (
    rules.returnPath.reasons.find((r) => normalizeText(r.reason) === key) ??
    rules.returnPath.reasons.find((r) => key.startsWith(normalizeText(r.reason))) ??
    null
  );
}

/**
 * The return of a lead, or null when it was not given back. The reason is read from the
 * rejection-reason column, else from the stage or status value itself (HubSpot's `Bad Timing`
 * is a return); a lead whose attempts are used up with no reason went back for no answer.
 * `attempts`: the attempts counted (the sheet's, else the activity log's).
 */
export function returnedLead(
  record: LeadRecord,
  rules: ReturnRules,
  attempts: number | null = record.attempts,
  valueTexts: readonly string[] = [],
): ReturnedLead | null {
  const usedUp = (attempts ?? 0) >= rules.maxAttempts;
  const noAnswer = (kind: ReturnedLead['kind']): ReturnedLead => ({
    kind,
    reason: `No answer after ${plural(attempts ?? 0, 'attempt')}`,
    track: rules.returnPath.noAnswerTrack,
    agreed: true,
  });
  if (record.stage !== 'Recycled') {
    const recycling = OPEN.includes(record.stage) && record.rejectedReason === '' && usedUp;
    return recycling ? noAnswer('noAnswer') : null;
  }
  for (const text of [record.rejectedReason, ...valueTexts]) {
    const agreed = agreedReason(rules, text);
    if (agreed)
      return { kind: 'returned', reason: agreed.reason, track: agreed.track, agreed: true };
  }
  if (record.rejectedReason !== '')
    return { kind: 'returned', reason: record.rejectedReason, track: null, agreed: false };
  if (usedUp) return noAnswer('returned');
  return { kind: 'returned', reason: '', track: null, agreed: false };
}

/**
 * Kinds of channel: how a channel is named, and the activity types (calls, e-mails, meetings as
 * CRMs log them) that are of its kind. Video first: a "video call" or a "Zoom call" is not a phone
 * call; LinkedIn before e-mail.
 */
const CHANNEL_FAMILIES: ReadonlyArray<{ channel: RegExp; activity: RegExp }> = [
  { channel: /video|visio|meet|zoom|teams/, activity: /video|visio|meet|zoom|teams|webex/ },
  // LinkedIn before e-mail: a LinkedIn "InMail" is a LinkedIn message, not an e-mail
  { channel: /linkedin|social/, activity: /linkedin|inmail|social/ },
  { channel: /phone|call|\btel/, activity: /call|phone|\btel|dial|voicemail/ },
  { channel: /mail/, activity: /mail/ },
  { channel: /sms|text|whatsapp/, activity: /sms|text|whatsapp/ },
];

function familyOf(text: string, key: 'channel' | 'activity'): number {
  return CHANNEL_FAMILIES.findIndex((f) => f[key].test(text));
}

/**
 * The agreed channel an activity type is (`Outbound call` → `Phone`, `Email` → `E-mail`,
 * `Zoom meeting` → `Video call`), or null when it is none of them. A channel named exactly like
 * the type wins.
 */
export function channelOf(activityType: string, channels: readonly string[]): string | null {
  const type = normalizeText(activityType);
  if (type === '') return null;
  const exact = channels.find((c) => normalizeText(c) === type);
  if (exact) return exact;
  const family = familyOf(type, 'activity');
  if (family < 0) return null;
  return channels.find((c) => familyOf(normalizeText(c), 'channel') === family) ?? null;
}
