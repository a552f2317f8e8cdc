import type { LeadRecord } from '../read/leadRecords.ts';
import type { ActivityJoin } from '../sla/activityJoin.ts';
import type { LeadAgreement } from '../sla/leadAgreement.ts';
import { channelOf } from '../sla/returnPath.ts';
import type { LeadExtras, LoggedAttempt, ReturnedFacts } from './leadFacts.ts';

/**
 * What the agreement and the activity log say of each lead, for the review: the required values
 * it lacks, its return to marketing and when, and its logged attempts by agreed channel. The
 * same rules the lead check applies (sla/leadAgreement.ts) and the same join (sla/activityJoin.ts).
 */

/** The attempts whose type is none of the agreed channels (a channel's name is never empty). */
export const OTHER_CHANNEL = '\u0000other';
/** The attempts whose log gives no type at all. */
export const UNTYPED_CHANNEL = '\u0000untyped';

/**
 * The agreed channel an attempt was: its type as written (`Zoom meeting`), else its kind as the
 * log's words say it (Bitrix24's type `2` is a call); OTHER or UNTYPED when neither names one.
 */
export function attemptChannel(
  activity: Pick<LoggedAttempt, 'type' | 'kind'>,
  channels: readonly string[],
): string {
  const named =
    channelOf(activity.type, channels) ??
    (activity.kind === null ? null : channelOf(activity.kind, channels));
  if (named !== null) return named;
  return activity.type === '' && activity.kind === null ? UNTYPED_CHANNEL : OTHER_CHANNEL;
}

const NONE: readonly never[] = Object.freeze([]);

/**
 * When a return happened: its last attempt (the sheet's `Last attempt at`, else the log's
 * latest), not before the clock start; else the clock start. Null before any hand-off.
 */
export function returnDate(record: LeadRecord, logged: readonly LoggedAttempt[]): number | null {
  const start = record.clockStartAt;
  if (start === null) return null;
  let last = record.dates.lastAttemptAt;
  if (last === null) for (const a of logged) if (last === null || a.at > last) last = a.at;
  return last !== null && last >= start ? last : start;
}

export interface ExtrasInput {
  agreement: LeadAgreement;
  /** The Leads rows as read (a record's `index` is its row here). */
  rows: ReadonlyArray<readonly unknown[]>;
  /** Attempts after which an open lead goes back to marketing. */
  maxAttempts: number;
  /** The activity log joined to the leads, when one is read. */
  join: ActivityJoin | null;
}

/**
 * `attemptChannel` for a review: an attempt's kind is read from its type word, so its type alone
 * tells its channel, found once per type.
 */
export function channelResolver(channels: readonly string[]): (a: LoggedAttempt) => string {
  const byType = new Map<string, string>();
  return (a) => {
    let channel = byType.get(a.type);
    if (channel === undefined) {
      channel = attemptChannel(a, channels);
      byType.set(a.type, channel);
    }
    return channel;
  };
}

/** Each lead's facts under the agreement, as `reviewLeads` asks them. */
export function leadExtras(input: ExtrasInput): LeadExtras {
  const { agreement, rows, join, maxAttempts } = input;
  const logged = (record: LeadRecord): readonly LoggedAttempt[] => {
    const attempts = join ? join.attempts(record) : NONE;
    return attempts.length ? attempts : NONE;
  };
  const row = (record: LeadRecord) => rows[record.index] ?? NONE;
  return {
    missing(record) {
      const lacking = agreement.missing(record, row(record));
      return lacking.length ? lacking.map((m) => m.name) : NONE;
    },
    returned(record, logged): ReturnedFacts | null {
      // the attempts the status counts: the sheet's, else the log's
      const attempts = record.attempts ?? logged.length;
      // only a Recycled lead, or one whose attempts are used up, goes back (most leads: neither)
      if (record.stage !== 'Recycled' && attempts < maxAttempts) return null;
      const returned = agreement.returned(record, row(record), attempts);
      if (!returned) return null;
      const at = returnDate(record, logged);
      return at === null ? null : { ...returned, at };
    },
    logged,
  };
}

/** Logged attempts of one channel: an agreed one, or the others. */
export interface ChannelCount {
  channel: string;
  agreed: boolean;
  attempts: number;
}

/** Each agreed channel's attempts (none left out), then the others; the untyped when any. */
export function attemptsByChannel(
  counts: ReadonlyMap<string, number>,
  channels: readonly string[],
): ChannelCount[] {
  const rows = channels.map((channel) => ({
    channel,
    agreed: true,
    attempts: counts.get(channel) ?? 0,
  }));
  const other = counts.get(OTHER_CHANNEL) ?? 0;
  rows.push({ channel: 'Other (not an agreed channel)', agreed: false, attempts: other });
  const untyped = counts.get(UNTYPED_CHANNEL) ?? 0;
  if (untyped) rows.push({ channel: 'No type in the log', agreed: false, attempts: untyped });
  return rows;
}
