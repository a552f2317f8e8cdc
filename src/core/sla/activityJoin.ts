import type { FirstContactRule } from '../common/choices.ts';
import { ACTIVITY_LABELS } from '../read/activityFields.ts';
import { type Activity, type ActivityLog, leadKey } from '../read/activityLog.ts';
import type { LeadRecord } from '../read/leadRecords.ts';
import { EARLY_CONTACT_MS, type LoggedContacts } from './contact.ts';

/**
 * The activity log joined to the leads: each lead's done activities, matched by its key (Lead
 * ID, the CRM's id) and else by its e-mail, give its first contact and its attempts since its
 * clock started (an activity up to a day before the clock start, a lead opened from a call,
 * counts at the start). Planned or open activities never count. Linear in leads + activities.
 */

export interface ActivityJoin {
  /** The log's facts of a lead, null when no activity of the log is its. */
  logged(record: LeadRecord): LoggedContacts | null;
  /** The lead's done activities counted as its attempts (since its clock start), in log order. */
  attempts(record: LeadRecord): readonly Activity[];
  /** Done activities matched to a lead of the sheet, and not matched to any. */
  matched: number;
  unmatched: number;
  /** A few keys of unmatched activities, as written, for the summary. */
  unmatchedExamples: string[];
  /** Leads with at least one matched activity. */
  leadsWithActivity: number;
}

export function joinActivities(
  log: ActivityLog,
  records: ReadonlyArray<LeadRecord | null>,
  rule: FirstContactRule,
): ActivityJoin {
  const byKey = new Map<string, number>();
  const byEmail = new Map<string, number>();
  records.forEach((r, i) => {
    if (!r) return;
    const id = leadKey(r.leadId);
    if (id !== '' && !byKey.has(id)) byKey.set(id, i);
    const email = leadKey(r.email);
    if (email !== '' && !byEmail.has(email)) byEmail.set(email, i);
  });
  const perLead = new Map<number, Activity[]>();
  let matched = 0;
  const unmatchedExamples: string[] = [];
  log.activities.forEach((a) => {
    const lead = findLead(a.keys, a.email, byKey, byEmail);
    if (lead === null) {
      if (unmatchedExamples.length < 5) unmatchedExamples.push(a.keys[0] ?? a.email);
      return;
    }
    matched++;
    const list = perLead.get(lead);
    if (list) list.push(a);
    else perLead.set(lead, [a]);
  });
  const facts = new Map<number, LoggedContacts>();
  for (const [lead, list] of perLead) {
    const record = records[lead];
    if (!record) continue;
    facts.set(lead, { ...loggedFacts(record, list, rule), dayOnly: log.dayOnly });
  }
  return {
    logged: (record) => facts.get(record.index) ?? null,
    attempts: (record) => {
      const list = perLead.get(record.index);
      if (!list) return [];
      const from = countedFrom(record);
      // most leads' activities all count: their list as it is, else a copy without the earlier
      return list.every((a) => a.at >= from) ? list : list.filter((a) => a.at >= from);
    },
    matched,
    unmatched: log.activities.length - matched,
    unmatchedExamples,
    leadsWithActivity: perLead.size,
  };
}

function findLead(
  keys: readonly string[],
  email: string,
  byKey: ReadonlyMap<string, number>,
  byEmail: ReadonlyMap<string, number>,
): number | null {
  for (const k of keys) {
    const hit = byKey.get(k) ?? byEmail.get(k);
    if (hit !== undefined) return hit;
  }
  return email === '' ? null : (byEmail.get(email) ?? null);
}

/** The earliest activity that counts as an attempt of the lead: a day before its clock start. */
function countedFrom(record: LeadRecord): number {
  const start = record.clockStartAt;
  return start === null ? Number.NEGATIVE_INFINITY : start - EARLY_CONTACT_MS;
}

/** A lead's first contact under the rule and its attempts, since its clock started. */
function loggedFacts(
  record: LeadRecord,
  activities: ReadonlyArray<{ at: number; conversation: boolean }>,
  rule: FirstContactRule,
): Omit<LoggedContacts, 'dayOnly'> {
  const from = countedFrom(record);
  let first: number | null = null;
  let done = 0;
  for (const a of activities) {
    if (a.at < from) continue;
    done++;
    if (rule === 'conversation' && !a.conversation) continue;
    if (first === null || a.at < first) first = a.at;
  }
  return { first, done };
}

/** What the summary, the run log and the Fields tab say of the log read. */
export interface ActivityReport {
  sheet: string;
  /** Field label → the header it was read from. */
  fields: Record<string, string>;
  /** Rows read as activities, done ones matched to a lead and not, planned or open ones. */
  read: number;
  matched: number;
  unmatched: number;
  unmatchedExamples: string[];
  notDone: number;
  leadsWithActivity: number;
  /** Rows left out: no readable date, no lead key, a task or a note, another record type. */
  skipped: ActivityLog['skipped'];
  unknownWords: ActivityLog['unknownWords'];
}

export function activityReport(
  sheet: string,
  log: ActivityLog,
  join: ActivityJoin,
): ActivityReport {
  const fields: Record<string, string> = {};
  for (const f of log.fields.found) fields[ACTIVITY_LABELS[f.field]] = f.header;
  return {
    sheet,
    fields,
    read: log.rows,
    matched: join.matched,
    unmatched: join.unmatched,
    unmatchedExamples: join.unmatchedExamples,
    notDone: log.notDone,
    leadsWithActivity: join.leadsWithActivity,
    skipped: { ...log.skipped },
    unknownWords: log.unknownWords.slice(0, 10),
  };
}

/** One line for the run log and the summary. */
export function activityNote(r: ActivityReport): string {
  const n = (x: number) => x.toLocaleString('en-US');
  const parts = [
    `Activity log "${r.sheet}": ${n(r.read)} ${r.read === 1 ? 'activity' : 'activities'} read`,
    `${n(r.matched)} done matched to ${n(r.leadsWithActivity)} ${r.leadsWithActivity === 1 ? 'lead' : 'leads'}`,
  ];
  if (r.unmatched)
    parts.push(
      `${n(r.unmatched)} matched no lead (e.g. ${r.unmatchedExamples.map((e) => `"${e}"`).join(', ')})`,
    );
  if (r.notDone) parts.push(`${n(r.notDone)} planned or open, not counted`);
  const left = r.skipped.noDate + r.skipped.noLead;
  if (left) parts.push(`${n(left)} rows without a readable date or lead key`);
  return `${parts.join('; ')}.`;
}
