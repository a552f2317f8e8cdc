import { errorText } from '../core/common/errors.ts';
import { plural } from '../core/common/plural.ts';
import { type MailContext, renderMail } from '../core/notices/mail.ts';
import { countEscalation, markSent } from '../core/notices/memory.ts';
import {
  type NoticeLead,
  openLeads,
  type PlannedMail,
  planNotices,
} from '../core/notices/notices.ts';
import { monthKey, monthOf } from '../core/review/leadFacts.ts';
import type { Settings } from '../core/settings/index.ts';
import { businessMsBetween } from '../core/sla/calendar.ts';
import type { CheckContext, ComputedLeads } from '../core/sla/leadCheck.ts';
import { ownerKey, type Team, teamByOwner } from '../core/team/team.ts';
import { readNoticeState, writeNoticeState } from './noticeStore.ts';

/**
 * Sends the notices of a check (core/notices/notices.ts plans them): the most urgent first, as many as
 * `MailApp.getRemainingDailyQuota()` allows; the rest are logged and planned again next run,
 * since only what was sent is remembered. A mail that fails is logged, never thrown: a run
 * never fails on mail. Nothing is sent to an address that SLA Team does not hold.
 */

export interface NoticeRun {
  team: Team;
  computed: ComputedLeads;
  ctx: CheckContext;
  settings: Settings;
  ss: GoogleAppsScript.Spreadsheet.Spreadsheet;
  leadsSheet: GoogleAppsScript.Spreadsheet.Sheet;
}

export interface NoticeOutcome {
  sent: number;
  /** Of those sent, the escalations to managers. */
  toManagers: number;
  deferred: number;
  failed: number;
  notes: string[];
}

/** Addresses SLA Team holds: the only ones a notice may go to. */
function teamAddresses(team: Team): Set<string> {
  const addresses = new Set<string>();
  for (const m of team.members) {
    if (m.email) addresses.add(m.email);
    if (m.managerEmail) addresses.add(m.managerEmail);
  }
  return addresses;
}

function mailContext(run: NoticeRun): MailContext {
  const url = run.ss.getUrl();
  const gid = run.leadsSheet.getSheetId();
  const sheetZone = run.ctx.clock.zone;
  const zones = new Map(run.team.members.map((m) => [m.key, m.timeZone || sheetZone]));
  return {
    spreadsheetName: run.ss.getName(),
    rowLink: (row) => `${url}#gid=${gid}&range=A${row}`,
    formatDeadline: (item) => {
      const zone = zones.get(ownerKey(item.lead.owner)) ?? sheetZone;
      const text = Utilities.formatDate(
        new Date(item.lead.deadlineMs),
        zone,
        'EEE d MMM yyyy, HH:mm',
      );
      return `${text} (${zone})`;
    },
    escalateAfterHours: run.settings.monitoring.escalateAfterHours,
  };
}

function remainingQuota(notes: string[]): number {
  try {
    return Math.max(0, MailApp.getRemainingDailyQuota());
  } catch (error) {
    notes.push(`Could not read the daily e-mail quota (${errorText(error)}): no e-mail sent.`);
    return 0;
  }
}

/** Plans, sends and records this check's notices. Never throws. */
export function sendNotices(run: NoticeRun): NoticeOutcome {
  const outcome: NoticeOutcome = { sent: 0, toManagers: 0, deferred: 0, failed: 0, notes: [] };
  try {
    notify(run, outcome);
  } catch (error) {
    outcome.notes.push(`Notices failed: ${errorText(error)}`);
  }
  return outcome;
}

function notify(run: NoticeRun, outcome: NoticeOutcome): void {
  const { ctx, computed } = run;
  const state = readNoticeState();
  const lateness = (lead: NoticeLead) => {
    const calendar = ctx.owners?.(lead.owner)?.calendar ?? ctx.calendar;
    return businessMsBetween(calendar, lead.deadlineMs, ctx.nowMs);
  };
  const plan = planNotices({
    leads: openLeads(computed.read.records, computed.outputs),
    team: teamByOwner(run.team),
    memory: state.memory,
    nowMs: ctx.nowMs,
    escalateAfterHours: run.settings.monitoring.escalateAfterHours,
    lateness,
  });
  outcome.notes.push(...plan.notes);
  state.memory = plan.memory;
  if (plan.mails.length > 0) {
    const quota = remainingQuota(outcome.notes);
    const month = monthKey(monthOf(ctx.clock, ctx.nowMs));
    const mailCtx = mailContext(run);
    const allowed = teamAddresses(run.team);
    plan.mails.forEach((mail, i) => {
      if (i >= quota) outcome.deferred++;
      else if (send(mail, mailCtx, allowed, outcome)) {
        for (const item of mail.items) {
          markSent(state.memory, item.hash, item.deadlineMin, item.kind);
          if (item.kind === 'escalated')
            countEscalation(state.tally, month, item.lead.owner, item.reassign);
        }
      }
    });
    outcome.notes.push(...summary(outcome, plan.mails));
  }
  writeNoticeState(state);
}

function send(
  mail: PlannedMail,
  ctx: MailContext,
  allowed: ReadonlySet<string>,
  outcome: NoticeOutcome,
): boolean {
  if (!allowed.has(mail.to)) {
    outcome.failed++;
    outcome.notes.push(`Not sent to ${mail.to}: the address is not in SLA Team.`);
    return false;
  }
  try {
    const m = renderMail(mail, ctx);
    MailApp.sendEmail({
      to: m.to,
      subject: m.subject,
      body: m.body,
      htmlBody: m.htmlBody,
      name: 'SLA Sheets',
    });
    outcome.sent++;
    if (mail.role === 'manager') outcome.toManagers++;
    return true;
  } catch (error) {
    outcome.failed++;
    outcome.notes.push(`E-mail to ${mail.to} failed (${errorText(error)}): retried next run.`);
    return false;
  }
}

function summary(outcome: NoticeOutcome, mails: readonly PlannedMail[]): string[] {
  const notes: string[] = [];
  if (outcome.sent > 0) {
    const managers = outcome.toManagers;
    notes.push(
      `Sent ${plural(outcome.sent, 'e-mail')}: ${outcome.sent - managers} to owners, ${managers} to managers.`,
    );
  }
  if (outcome.deferred > 0) {
    const waiting = mails
      .slice(mails.length - outcome.deferred)
      .map((m) => m.to)
      .slice(0, 10)
      .join(', ');
    notes.push(
      `${plural(outcome.deferred, 'e-mail')} not sent: the daily e-mail quota is used up (retried next run): ${waiting}.`,
    );
  }
  return notes;
}
