import { addBusinessHours, businessHoursBetween } from '../sla/calendar.ts';
import { DAY_MS, MINUTE_MS } from '../time/zone.ts';
import type { LeadMonth } from './counts.ts';
import type { HandoffFacts, MonthContext } from './figureTypes.ts';
import { isSalesSourced, type LeadFacts } from './leadFacts.ts';

/**
 * THE ONE CLASSIFICATION: each lead is read once for the month into what it adds to the month's
 * figures (`LeadMonth`). The tally (tally.ts) only adds these up, for the whole sheet and for
 * each source and owner, so every view of the review counts the same leads the same way.
 *
 * To add a figure: add its key to COUNTS (or SUMS, SAMPLES, KEYED: counts.ts), push it in
 * `classifyLead` where the lead qualifies, then read `m.count.<key>` in one KPI entry (kpis.ts).
 */

export function inMonth(ms: number | null, ctx: MonthContext): boolean {
  return ms !== null && ms >= ctx.start && ms < ctx.end;
}

const CONTACT_OUTCOMES = ['onTime', 'late', 'never', 'pending', 'untimed', 'closed'] as const;

/**
 * A hand-off's first contact against its deadline, from the SLA engine's verdict (never from the
 * raw cells). Never contacted = no contact recorded, deadline passed, and neither rejected nor
 * closed (a lead rejected, lost, recycled or won is no longer waiting for a first contact).
 */
export function handoffFacts(
  lead: LeadFacts,
  handedOffAt: number,
  ctx: MonthContext,
): HandoffFacts {
  const hours = ctx.settings.handoff.deadlineHours[lead.priority];
  const deadline = addBusinessHours(ctx.calendar, handedOffAt, hours);
  const deadlineMinutes = (deadline - handedOffAt) / MINUTE_MS;
  const contact = lead.firstContactAt;
  const onTime = lead.contactOnTime ?? (contact !== null ? contact <= deadline : null);
  if (onTime !== null) {
    const h =
      contact === null
        ? null
        : contact <= handedOffAt
          ? 0
          : businessHoursBetween(ctx.calendar, handedOffAt, contact);
    const actualMinutes =
      contact === null ? null : Math.max(0, (contact - handedOffAt) / MINUTE_MS);
    return {
      outcome: onTime ? 'onTime' : 'late',
      hours: h,
      late: onTime ? null : { actualMinutes, deadlineMinutes },
    };
  }
  if (lead.contactedUntimed) return { outcome: 'untimed', hours: null, late: null };
  if (lead.closed) return { outcome: 'closed', hours: null, late: null };
  if (ctx.nowMs <= deadline) return { outcome: 'pending', hours: null, late: null };
  return { outcome: 'never', hours: null, late: { actualMinutes: null, deadlineMinutes } };
}

function addCreated(out: LeadMonth, lead: LeadFacts): void {
  out.counts.push('created');
  if (lead.rank >= 1) out.counts.push('reachedMql');
  if (lead.rank >= 2) out.counts.push('reachedSql');
  if (lead.rank >= 3) out.counts.push('reachedOpportunity');
  if (lead.rank >= 4) out.counts.push('reachedCustomer');
}

function addHandoff(out: LeadMonth, lead: LeadFacts, handedOffAt: number, ctx: MonthContext): void {
  out.counts.push('handedOff');
  if (lead.rejected) out.counts.push('rejected');
  if (lead.stage === 'Recycled') out.counts.push('recycled');
  if (lead.attempts !== null) {
    out.counts.push('attemptsRead');
    out.sums.attempts = lead.attempts;
  }
  const f = handoffFacts(lead, handedOffAt, ctx);
  out.counts.push(f.outcome);
  if (f.hours !== null) out.samples.hoursToContact = f.hours;
  out.late = f.late;
  if (lead.missing.length) {
    out.counts.push('missingData');
    out.keyed = { missingField: lead.missing };
  }
}

/** Some of its logged attempts may fall in the month (their span meets it). */
function loggedInMonth(lead: LeadFacts, ctx: MonthContext): boolean {
  const span = lead.loggedSpan;
  return span !== null && span.last >= ctx.start && span.first < ctx.end;
}

/** Its return to marketing and its logged attempts, when they fall in the month. */
function addAgreement(out: LeadMonth, lead: LeadFacts, ctx: MonthContext): void {
  const returned = lead.returned;
  if (returned && inMonth(returned.at, ctx)) {
    out.counts.push('returned');
    if (returned.agreed) out.counts.push('returnedAgreed');
  }
  if (!loggedInMonth(lead, ctx)) return;
  let channels: string[] | null = null;
  for (const a of lead.logged) {
    if (!inMonth(a.at, ctx)) continue;
    channels ??= [];
    channels.push(ctx.channelOf(a));
  }
  if (channels) out.keyed = { ...out.keyed, channel: channels };
}

function addWon(out: LeadMonth, lead: LeadFacts, wonAt: number): void {
  const value = lead.dealValue ?? 0;
  out.counts.push('won');
  out.sums.wonValue = value;
  if (!isSalesSourced(lead.source)) {
    out.counts.push('marketingWon');
    out.sums.marketingValue = value;
  }
  if (lead.mqlAt !== null)
    out.samples.daysMqlToCustomer = Math.max(0, (wonAt - lead.mqlAt) / DAY_MS);
}

/** What the lead adds to the context's month; null when nothing of it falls in the month. */
export function classifyLead(lead: LeadFacts, ctx: MonthContext): LeadMonth | null {
  const cached = ctx.classes[lead.index];
  if (cached !== undefined) return cached;
  const touched =
    inMonth(lead.createdAt, ctx) ||
    inMonth(lead.mqlAt, ctx) ||
    inMonth(lead.handedOffAt, ctx) ||
    inMonth(lead.wonAt, ctx) ||
    inMonth(lead.returned?.at ?? null, ctx) ||
    loggedInMonth(lead, ctx);
  // most leads of a sheet are of other months: nothing allocated for them
  if (!touched) {
    ctx.classes[lead.index] = null;
    return null;
  }
  const out: LeadMonth = { counts: [], sums: {}, samples: {}, late: null };
  if (inMonth(lead.createdAt, ctx)) addCreated(out, lead);
  if (inMonth(lead.mqlAt, ctx)) {
    out.counts.push('mql');
    if (lead.rank >= 3) out.counts.push('mqlToOpportunity');
  }
  const handedOffAt = lead.handedOffAt;
  if (handedOffAt !== null && inMonth(handedOffAt, ctx)) addHandoff(out, lead, handedOffAt, ctx);
  const wonAt = lead.wonAt;
  if (wonAt !== null && inMonth(wonAt, ctx)) addWon(out, lead, wonAt);
  addAgreement(out, lead, ctx);
  const result = out.counts.length || out.keyed ? out : null;
  ctx.classes[lead.index] = result;
  return result;
}

/** The six first-contact outcomes, in the order the review lists them. */
export const OUTCOMES: readonly HandoffFacts['outcome'][] = CONTACT_OUTCOMES;
