import { errorText } from '../core/common/errors.ts';
import { plural } from '../core/common/plural.ts';
import { type MailContext, renderMail } from '../core/notices/mail.ts';
import {
  type NoticeLead,
  openLeads,
  type PlannedMail,
  planNotices,
  sentRecord,
} from '../core/notices/notices.ts';
import { monthKey, monthOf } from '../core/review/leadFacts.ts';
import type { Settings } from '../core/settings/index.ts';
import { averageDayHours, type BusinessCalendar, businessMsBetween } from '../core/sla/calendar.ts';
import type { CheckContext, ComputedLeads } from '../core/sla/leadCheck.ts';
import { type Team, teamByOwner } from '../core/team/team.ts';
import {
  compactNoticeStore,
  type NoticeStore,
  openNoticeStore,
  recordSent,
  reserveNoticeRows,
} from './noticeStore.ts';

/**
 * Sends the notices of a check (core/notices plans and writes them): one e-mail per address,
 * the most urgent first, as many as `MailApp.getRemainingDailyQuota()` allows; the rest wait for
 * the next run, since only what was sent is recorded. Each e-mail is recorded right after it is
 * sent (noticeStore.ts), so a run that fails or is cut off mid-way resumes at the next run and
 * sends nothing twice. A mail that fails is logged, never thrown: a run never fails on mail.
 * Nothing is sent to an address that SLA Team does not hold.
 */

export interface NoticeRun {
  team: Team;
  computed: ComputedLeads;
  /** The sheet's rows as read (the phone and last-name cells of the leads listed). */
  rows: ReadonlyArray<readonly unknown[]>;
  ctx: CheckContext;
  settings: Settings;
  ss: GoogleAppsScript.Spreadsheet.Spreadsheet;
  leadsSheet: GoogleAppsScript.Spreadsheet.Sheet;
}

export interface NoticeOutcome {
  sent: number;
  /** Of those sent, the ones that escalate leads to a manager. */
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

function calendarOf(ctx: CheckContext, owner: string): BusinessCalendar {
  return ctx.owners?.(owner)?.calendar ?? ctx.calendar;
}

function mailContext(run: NoticeRun): MailContext {
  const sheetLink = `${run.ss.getUrl()}#gid=${run.leadsSheet.getSheetId()}`;
  const { ctx } = run;
  return {
    spreadsheetName: run.ss.getName(),
    sheetLink,
    rowLink: (row) => `${sheetLink}&range=A${row}`,
    clockOf: (owner) => calendarOf(ctx, owner).clock,
    dayHoursOf: (owner) => averageDayHours(calendarOf(ctx, owner)),
    escalateAfterHours: run.settings.monitoring.escalateAfterHours,
    nowMs: ctx.nowMs,
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
  const store = openNoticeStore(run.ss);
  const plan = planNotices({
    leads: openLeads(
      computed.read.records,
      computed.outputs,
      run.rows,
      computed.read.fields.columns,
    ),
    team: teamByOwner(run.team),
    memory: store.memory,
    ...(store.legacy ? { legacy: store.legacy } : {}),
    nowMs: ctx.nowMs,
    escalateAfterHours: run.settings.monitoring.escalateAfterHours,
    businessMs: (lead: NoticeLead, from, to) =>
      Math.max(0, businessMsBetween(calendarOf(ctx, lead.owner), from, to)),
  });
  outcome.notes.push(...plan.notes);
  compactNoticeStore(store, plan.memory);
  if (plan.mails.length === 0) return;
  const quota = remainingQuota(outcome.notes);
  const sending = plan.mails.slice(0, quota);
  reserveNoticeRows(
    store,
    sending.reduce((n, m) => n + m.own.length + m.escalated.length, 0),
  );
  const month = monthKey(monthOf(ctx.clock, ctx.nowMs));
  const mailCtx = mailContext(run);
  const allowed = teamAddresses(run.team);
  for (let i = 0; i < plan.mails.length; i++) {
    const mail = plan.mails[i]!;
    if (i >= quota) outcome.deferred++;
    else if (send(mail, mailCtx, allowed, outcome) && !record(store, mail, month, outcome)) break;
  }
  outcome.notes.push(...summary(outcome, plan.mails));
}

/**
 * Records a sent e-mail before the next one goes. When the sheet refuses the write (tried
 * twice), sending stops: the next run resumes, and only this one e-mail may go again.
 */
function record(
  store: NoticeStore,
  mail: PlannedMail,
  month: string,
  outcome: NoticeOutcome,
): boolean {
  const sent = sentRecord(mail, month);
  let error: unknown = null;
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      recordSent(store, sent);
      return true;
    } catch (e) {
      error = e;
    }
  }
  outcome.notes.push(
    `The e-mail to ${mail.to} was sent but could not be recorded (${errorText(error)}): no more e-mails this run; that one may go again at the next.`,
  );
  return false;
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
    if (mail.escalated.length > 0) outcome.toManagers++;
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
      `Sent ${plural(outcome.sent, 'e-mail')}: ${outcome.sent - managers} to owners, ${managers} with escalations to managers.`,
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
