import type { Priority } from '../common/choices.ts';
import { plural } from '../common/plural.ts';
import type { FieldId } from '../read/fieldIds.ts';
import type { LeadRecord } from '../read/leadRecords.ts';
import type { LeadOutput } from '../sla/leadCheck.ts';
import { statusWordOf } from '../sla/status.ts';
import { isAway, ownerKey, type TeamMember } from '../team/team.ts';
import { HOUR_MS, MINUTE_MS } from '../time/zone.ts';
import {
  countEscalation,
  type EscalationTally,
  legacyHash,
  memoryKey,
  NOTICE_CAPACITY,
  NOTICE_FLAGS,
  type NoticeKind,
  type NoticeMemory,
  pruneMemory,
  type SentRecord,
  wasSent,
} from './memory.ts';

/**
 * Who is told what after a check: each address of SLA Team gets at most ONE e-mail per run,
 * listing the leads of its owner(s) that newly became At risk or Overdue, and, for a manager,
 * the leads escalated to them: overdue by more than the escalation delay (business hours, on
 * the owner's calendar), or open while their owner is away (to reassign). Each notice goes once
 * per lead and deadline (memory.ts). Pure: the shell sends the mails (most urgent first, within
 * the daily quota) and records each one as it is sent.
 *
 * Only the addresses of SLA Team members are ever used.
 */

export type OpenStatus = 'Due' | 'At risk' | 'Overdue';

/** An open lead (Due, At risk or Overdue) as the notices see it. */
export interface NoticeLead {
  /** Sheet row (1-based) at the time of the check. */
  row: number;
  /** Stable identity, unique in the run: Lead ID, else e-mail, else name, company and clock start. */
  identity: string;
  owner: string;
  /** The full name (a last name column added when the name column holds the first name only). */
  name: string;
  company: string;
  email: string;
  phone: string;
  priority: Priority;
  status: OpenStatus;
  deadlineMs: number;
}

const OPEN: ReadonlySet<string> = new Set<OpenStatus>(['Due', 'At risk', 'Overdue']);

/** The identity a notice is remembered by: it survives edits of the lead's other cells. */
export function noticeKey(record: LeadRecord): string {
  if (record.leadId) return `id:${record.leadId}`;
  if (record.email) return `email:${record.email.toLowerCase()}`;
  return `lead:${record.name}|${record.company}|${record.clockStartAt ?? ''}`;
}

function cellText(row: readonly unknown[] | undefined, col: number): string {
  const v = col >= 0 ? row?.[col] : '';
  return v === null || v === undefined ? '' : String(v).trim();
}

/**
 * The open leads of a check, from its records, outputs and rows (same order); `columns` says
 * where the phone and last name are. Two leads of one identity (no Lead ID, a shared e-mail)
 * are told apart by their order (`#2`).
 */
export function openLeads(
  records: ReadonlyArray<LeadRecord | null>,
  outputs: ReadonlyArray<LeadOutput | null>,
  rows: ReadonlyArray<readonly unknown[]>,
  columns: Readonly<Record<FieldId, number>>,
): NoticeLead[] {
  const leads: NoticeLead[] = [];
  const seen = new Map<string, number>();
  for (let i = 0; i < records.length; i++) {
    const record = records[i];
    const out = outputs[i];
    if (!record || !out || out.deadline === '' || out.quiet) continue;
    const status = statusWordOf(out.status);
    if (status === null || !OPEN.has(status)) continue;
    const base = noticeKey(record);
    const n = (seen.get(base) ?? 0) + 1;
    seen.set(base, n);
    const last = columns.name >= 0 ? cellText(rows[i], columns.lastName) : '';
    leads.push({
      row: i + 2,
      identity: n === 1 ? base : `${base}#${n}`,
      owner: record.owner,
      name: last && !record.name.includes(last) ? `${record.name} ${last}` : record.name,
      company: record.company,
      email: record.email,
      phone: cellText(rows[i], columns.phone),
      priority: record.priority,
      status: status as OpenStatus,
      deadlineMs: out.deadline.getTime(),
    });
  }
  return leads;
}

export interface NoticeItem {
  lead: NoticeLead;
  kind: NoticeKind;
  /** The memory's key for the lead and its deadline. */
  key: string;
  /** Business milliseconds past the deadline (overdue), or left before it (at risk). */
  businessMs: number;
  /** Escalated because the owner is away: to be reassigned. */
  reassign: boolean;
}

/** One e-mail: everything one address is told this run. */
export interface PlannedMail {
  to: string;
  /** The owners whose leads `own` lists (usually one). */
  owners: string[];
  /** The address's own leads: newly overdue or at risk. */
  own: NoticeItem[];
  /** Leads escalated to the address as a manager (overdue past the delay, or to reassign). */
  escalated: NoticeItem[];
}

export interface NoticePlan {
  /** Most urgent first. */
  mails: PlannedMail[];
  /** The memory pruned to the open leads (the shell records each send into it). */
  memory: NoticeMemory;
  /** Leads whose notices wait because the memory is full (announced as older leads close). */
  waiting: number;
  notes: string[];
}

export interface NoticeInput {
  leads: readonly NoticeLead[];
  team: ReadonlyMap<string, TeamMember>;
  memory: NoticeMemory;
  /** The memory of versions that kept hashed keys (document properties), until it is replaced. */
  legacy?: ReadonlyMap<string, readonly [number, number]>;
  nowMs: number;
  escalateAfterHours: number;
  /** Business milliseconds from `fromMs` to `toMs` on the lead's owner's calendar. */
  businessMs: (lead: NoticeLead, fromMs: number, toMs: number) => number;
  capacity?: number;
}

const RANK: Record<NoticeKind, number> = { escalated: 3, overdue: 2, atRisk: 1 };

/**
 * Most urgent first: to reassign, escalated, overdue, at risk; the freshest overdue lead (the
 * one that can still be won) before older ones, the nearest at-risk deadline first.
 */
export function byUrgency(a: NoticeItem, b: NoticeItem): number {
  const rank = (i: NoticeItem) => (i.reassign ? 8 : RANK[i.kind] * 2) + (isOverdue(i) ? 1 : 0);
  const within = (i: NoticeItem) => (isOverdue(i) ? i.lead.deadlineMs : -i.lead.deadlineMs);
  return rank(b) - rank(a) || within(b) - within(a) || a.lead.row - b.lead.row;
}

const isOverdue = (i: NoticeItem) => i.lead.status === 'Overdue';

type Candidate = { item: NoticeItem; to: string; role: 'owner' | 'manager'; member: TeamMember };

/** The notices due now, one mail per address, most urgent first. */
export function planNotices(input: NoticeInput): NoticePlan {
  const open = new Set<string>();
  const candidates: Candidate[] = [];
  const unknownOwners = new Map<string, number>();
  const noManager = new Set<string>();
  const memory = input.memory;
  for (const lead of input.leads) {
    const key = memoryKey(lead.identity, lead.deadlineMs);
    open.add(key);
    adoptLegacy(memory, input.legacy, lead, key);
    const member = input.team.get(ownerKey(lead.owner));
    if (member) candidates.push(...leadNotices(lead, member, key, input, noManager));
    else if (lead.status !== 'Due')
      unknownOwners.set(lead.owner, (unknownOwners.get(lead.owner) ?? 0) + 1);
  }
  const pruned = pruneMemory(memory, open);
  const { kept, waiting } = reserve(candidates, pruned, input.capacity ?? NOTICE_CAPACITY);
  return {
    mails: groupMails(kept),
    memory: pruned,
    waiting,
    notes: planNotes(unknownOwners, noManager, waiting, input.capacity ?? NOTICE_CAPACITY),
  };
}

/** What the hashed memory of earlier versions says was sent for this lead and deadline. */
function adoptLegacy(
  memory: NoticeMemory,
  legacy: NoticeInput['legacy'],
  lead: NoticeLead,
  key: string,
): void {
  const old = legacy?.get(legacyHash(lead.identity));
  if (old && old[0] === Math.floor(lead.deadlineMs / MINUTE_MS))
    memory.set(key, (memory.get(key) ?? 0) | old[1]);
}

/** The notices one open lead is due now (none when all were sent for its deadline). */
function leadNotices(
  lead: NoticeLead,
  member: TeamMember,
  key: string,
  input: NoticeInput,
  noManager: Set<string>,
): Candidate[] {
  const due = (kind: NoticeKind) => !wasSent(input.memory, key, kind);
  const overdue = lead.status === 'Overdue';
  let timing: number | null = null;
  // business time walks the calendar: only counted for a lead that needs it
  const business = () =>
    (timing ??= overdue
      ? input.businessMs(lead, lead.deadlineMs, input.nowMs)
      : input.businessMs(lead, input.nowMs, lead.deadlineMs));
  const item = (kind: NoticeKind, reassign = false): NoticeItem => ({
    lead,
    kind,
    key,
    businessMs: business(),
    reassign,
  });
  const out: Candidate[] = [];
  const escalate = (reassign: boolean) => {
    if (!member.managerEmail) noManager.add(member.owner);
    else
      out.push({
        item: item('escalated', reassign),
        to: member.managerEmail,
        role: 'manager',
        member,
      });
  };
  if (isAway(member, input.nowMs)) {
    if (due('escalated')) escalate(true);
    return out;
  }
  if (member.notify) {
    if (lead.status === 'At risk' && due('atRisk') && due('overdue'))
      out.push({ item: item('atRisk'), to: member.email, role: 'owner', member });
    if (overdue && due('overdue'))
      out.push({ item: item('overdue'), to: member.email, role: 'owner', member });
  }
  const delayMs = input.escalateAfterHours * HOUR_MS;
  // business time never runs faster than wall time: a recent deadline cannot be late enough
  const mayEscalate = overdue && lead.deadlineMs < input.nowMs - delayMs && due('escalated');
  if (mayEscalate && business() > delayMs) escalate(false);
  return out;
}

/**
 * Keeps, most urgent first, the notices of the leads the memory can hold: a lead it holds
 * already always; a new one while there is room. Counts the new leads that wait.
 */
function reserve(
  candidates: Candidate[],
  memory: NoticeMemory,
  capacity: number,
): { kept: Candidate[]; waiting: number } {
  let free = capacity - memory.size;
  const taken = new Set<string>();
  const waiting = new Set<string>();
  const kept: Candidate[] = [];
  for (const c of [...candidates].sort((a, b) => byUrgency(a.item, b.item))) {
    const key = c.item.key;
    if (!memory.has(key) && !taken.has(key)) {
      if (free <= 0) {
        waiting.add(key);
        continue;
      }
      free--;
      taken.add(key);
    }
    kept.push(c);
  }
  return { kept, waiting: waiting.size };
}

/** One mail per address (a manager who owns leads too gets one), most urgent first. */
function groupMails(candidates: readonly Candidate[]): PlannedMail[] {
  const mails = new Map<string, PlannedMail>();
  for (const c of candidates) {
    let mail = mails.get(c.to);
    if (!mail) {
      mail = { to: c.to, owners: [], own: [], escalated: [] };
      mails.set(c.to, mail);
    }
    if (c.role === 'manager') mail.escalated.push(c.item);
    else {
      mail.own.push(c.item);
      if (!mail.owners.includes(c.member.owner)) mail.owners.push(c.member.owner);
    }
  }
  const first = (m: PlannedMail) => [...m.own, ...m.escalated].sort(byUrgency)[0]!;
  return [...mails.values()].sort(
    (a, b) => byUrgency(first(a), first(b)) || a.to.localeCompare(b.to),
  );
}

function planNotes(
  unknownOwners: ReadonlyMap<string, number>,
  noManager: ReadonlySet<string>,
  waiting: number,
  capacity: number,
): string[] {
  const notes: string[] = [];
  if (unknownOwners.size > 0) {
    const list = [...unknownOwners]
      .slice(0, 10)
      .map(([owner, n]) => `${owner || '(no owner)'} (${n})`)
      .join(', ');
    notes.push(
      `No e-mail for at-risk or overdue leads whose owner is not in SLA Team: ${list}. Add them to SLA Team.`,
    );
  }
  if (noManager.size > 0) {
    notes.push(
      `Not escalated: no Manager email in SLA Team for ${[...noManager].slice(0, 10).join(', ')}.`,
    );
  }
  if (waiting > 0) {
    notes.push(
      `The notices of ${plural(waiting, 'lead')} wait: the memory of sent notices holds ${capacity} open leads already. The freshest overdue leads went first; these go out as older leads are contacted or closed.`,
    );
  }
  return notes;
}

/** What one planned e-mail sends: each lead's notice, and the escalations it counts by owner. */
export function sentRecord(mail: PlannedMail, month: string): SentRecord {
  const sent = new Map<string, number>();
  const tally: EscalationTally = new Map();
  for (const item of [...mail.own, ...mail.escalated]) {
    sent.set(item.key, (sent.get(item.key) ?? 0) | NOTICE_FLAGS[item.kind]);
    if (item.kind === 'escalated')
      countEscalation(tally, month, item.lead.owner, 1, item.reassign ? 1 : 0);
  }
  const lines = [...(tally.get(month) ?? [])].map(([owner, counts]) => ({ month, owner, counts }));
  return { sent, tally: lines };
}
