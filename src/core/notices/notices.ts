import type { Priority } from '../common/choices.ts';
import { plural } from '../common/plural.ts';
import type { LeadRecord } from '../read/leadRecords.ts';
import type { LeadOutput } from '../sla/leadCheck.ts';
import { type StatusWord, statusWordOf } from '../sla/status.ts';
import { isAway, ownerKey, type TeamMember } from '../team/team.ts';
import { HOUR_MS } from '../time/zone.ts';
import {
  deadlineMinutes,
  memoryBytes,
  NOTICE_MAX_BYTES,
  type NoticeKind,
  type NoticeMemory,
  noticeHash,
  pruneMemory,
  reserveNotice,
  wasSent,
} from './memory.ts';

/**
 * Who is told what after a check: each owner with Notify = yes gets ONE e-mail listing their
 * leads that newly became At risk or Overdue; a lead overdue by more than the escalation delay
 * (business hours, on the owner's calendar) is escalated once to the owner's manager, one
 * e-mail per manager; an away owner's open leads go to the manager at once, to be reassigned.
 * Pure: the shell sends the mails (most urgent first, within the daily quota) and records in
 * the memory only what was sent, so the rest is planned again next run.
 *
 * Only the addresses of SLA Team members are ever used.
 */

/** An open lead (Due, At risk or Overdue) as the notices see it. */
export interface NoticeLead {
  /** Sheet row (1-based) at the time of the check. */
  row: number;
  /** Stable identity: Lead ID, else e-mail, else name, company and clock start. */
  key: string;
  owner: string;
  name: string;
  company: string;
  priority: Priority;
  status: StatusWord;
  /** The status cell's text, e.g. `Overdue · 3 h 10 min late`. */
  detail: string;
  deadlineMs: number;
}

const OPEN: ReadonlySet<StatusWord> = new Set<StatusWord>(['Due', 'At risk', 'Overdue']);

/** The identity a notice is remembered by: it survives edits of the lead's other cells. */
export function noticeKey(record: LeadRecord): string {
  if (record.leadId) return `id:${record.leadId}`;
  if (record.email) return `email:${record.email.toLowerCase()}`;
  return `lead:${record.name}|${record.company}|${record.clockStartAt ?? ''}`;
}

/** The open leads of a check, from its records and outputs (same order). */
export function openLeads(
  records: ReadonlyArray<LeadRecord | null>,
  outputs: ReadonlyArray<LeadOutput | null>,
): NoticeLead[] {
  const leads: NoticeLead[] = [];
  for (let i = 0; i < records.length; i++) {
    const record = records[i];
    const out = outputs[i];
    if (!record || !out || out.deadline === '' || out.quiet) continue;
    const status = statusWordOf(out.status);
    if (status === null || !OPEN.has(status)) continue;
    leads.push({
      row: i + 2,
      key: noticeKey(record),
      owner: record.owner,
      name: record.name,
      company: record.company,
      priority: record.priority,
      status,
      detail: out.status,
      deadlineMs: out.deadline.getTime(),
    });
  }
  return leads;
}

export interface NoticeItem {
  lead: NoticeLead;
  kind: NoticeKind;
  /** The memory's key for the lead. */
  hash: string;
  deadlineMin: number;
  /** Business milliseconds past the deadline (0 when not overdue). */
  lateMs: number;
  /** Escalated because the owner is away: to be reassigned. */
  reassign: boolean;
}

export interface PlannedMail {
  to: string;
  role: 'owner' | 'manager';
  /** Owner name (owner mails); the managed owners (manager mails). */
  about: string;
  items: NoticeItem[];
  /** Larger first. */
  urgency: number;
}

export interface NoticePlan {
  /** Most urgent first. */
  mails: PlannedMail[];
  /** The memory pruned to the open leads (send, then record what was sent into it). */
  memory: NoticeMemory;
  /** Notices left out because the memory is full. */
  heldBack: number;
  notes: string[];
}

export interface NoticeInput {
  leads: readonly NoticeLead[];
  team: ReadonlyMap<string, TeamMember>;
  memory: NoticeMemory;
  nowMs: number;
  escalateAfterHours: number;
  /** Business milliseconds a lead is past its deadline, on its owner's calendar. */
  lateness: (lead: NoticeLead) => number;
  maxBytes?: number;
}

const RANK: Record<NoticeKind, number> = { escalated: 3, overdue: 2, atRisk: 1 };

function urgencyOf(item: NoticeItem): number {
  return (
    RANK[item.kind] * 1e13 + item.lateMs - (item.kind === 'atRisk' ? item.lead.deadlineMs / 1e3 : 0)
  );
}

/** The notices due now, grouped into one mail per recipient, most urgent first. */
export function planNotices(input: NoticeInput): NoticePlan {
  const open = new Map<string, number>();
  const candidates: Candidate[] = [];
  const unknownOwners = new Map<string, number>();
  const noManager = new Set<string>();
  for (const lead of input.leads) {
    const hash = noticeHash(lead.key);
    const deadlineMin = deadlineMinutes(lead.deadlineMs);
    open.set(hash, deadlineMin);
    const member = input.team.get(ownerKey(lead.owner));
    if (member) candidates.push(...leadNotices(lead, member, hash, deadlineMin, input, noManager));
    else if (lead.status !== 'Due')
      unknownOwners.set(lead.owner, (unknownOwners.get(lead.owner) ?? 0) + 1);
  }
  const memory = pruneMemory(input.memory, open);
  const { kept, heldBack } = reserve(candidates, memory, input.maxBytes ?? NOTICE_MAX_BYTES);
  return {
    mails: groupMails(kept),
    memory,
    heldBack,
    notes: planNotes(unknownOwners, noManager, heldBack),
  };
}

/** The notices one open lead is due now (none when all were sent for its deadline). */
function leadNotices(
  lead: NoticeLead,
  member: TeamMember,
  hash: string,
  deadlineMin: number,
  input: NoticeInput,
  noManager: Set<string>,
): Candidate[] {
  const due = (kind: NoticeKind) => !wasSent(input.memory, hash, deadlineMin, kind);
  const overdue = lead.status === 'Overdue';
  let lateMs: number | null = null;
  // business lateness walks the calendar: only counted for a lead that may need it
  const late = () => (lateMs ??= overdue ? input.lateness(lead) : 0);
  const item = (kind: NoticeKind, reassign = false): NoticeItem => ({
    lead,
    kind,
    hash,
    deadlineMin,
    lateMs: late(),
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
  if (mayEscalate && late() > delayMs) escalate(false);
  return out;
}

type Candidate = { item: NoticeItem; to: string; role: PlannedMail['role']; member: TeamMember };

/** Keeps, most urgent first, the notices the memory can still remember. */
function reserve(
  items: Candidate[],
  memory: NoticeMemory,
  maxBytes: number,
): { kept: Candidate[]; heldBack: number } {
  const trial: NoticeMemory = new Map(memory);
  let used = memoryBytes(trial);
  const kept: Candidate[] = [];
  let heldBack = 0;
  for (const c of [...items].sort((a, b) => urgencyOf(b.item) - urgencyOf(a.item))) {
    const { hash, deadlineMin, kind } = c.item;
    const next = reserveNotice(trial, hash, deadlineMin, kind, maxBytes, used);
    if (next === null) heldBack++;
    else {
      used = next;
      kept.push(c);
    }
  }
  return { kept, heldBack };
}

function groupMails(candidates: readonly Candidate[]): PlannedMail[] {
  const mails = new Map<string, PlannedMail & { owners: Set<string> }>();
  for (const c of candidates) {
    const id = `${c.role}:${c.to}`;
    let mail = mails.get(id);
    if (!mail) {
      mail = { to: c.to, role: c.role, about: '', items: [], urgency: 0, owners: new Set() };
      mails.set(id, mail);
    }
    mail.items.push(c.item);
    mail.owners.add(c.member.owner);
    mail.urgency = Math.max(mail.urgency, urgencyOf(c.item));
  }
  return [...mails.values()]
    .map(({ owners, ...mail }) => ({ ...mail, about: [...owners].join(', ') }))
    .sort((a, b) => b.urgency - a.urgency || a.to.localeCompare(b.to));
}

function planNotes(
  unknownOwners: ReadonlyMap<string, number>,
  noManager: ReadonlySet<string>,
  heldBack: number,
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
  if (heldBack > 0) {
    notes.push(
      `${plural(heldBack, 'notice')} held back: the memory of sent notices is full; they go out as older leads are contacted or closed.`,
    );
  }
  return notes;
}
