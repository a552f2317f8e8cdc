import { classifyLead } from './classify.ts';
import type { MonthContext } from './figureTypes.ts';
import type { LeadFacts } from './leadFacts.ts';
import { inMonth } from './tally.ts';

/** The rejected and returned leads the two teams re-evaluate together at the monthly review. */

/** A lead as the review lists it: where it is and who it is. */
export interface ListedLead {
  /** Sheet row number in Leads. */
  row: number;
  leadId: string;
  name: string;
  company: string;
  source: string;
  owner: string;
}

export interface RejectedLead extends ListedLead {
  referenceAt: number;
  reason: string;
}

/** A lead given back to marketing in the month. */
export interface ReturnedRow extends ListedLead {
  /** Its last attempt, else its clock start. */
  at: number;
  /** The reason as the agreement words it, or as the row wrote it; '' when none is given. */
  reason: string;
  /** The nurture track it enters; null when its reason is not one the agreement lists. */
  track: string | null;
  agreed: boolean;
}

function listed(lead: LeadFacts): ListedLead {
  return {
    row: lead.index + 2,
    leadId: lead.identity?.leadId ?? '',
    name: lead.identity?.name ?? '',
    company: lead.identity?.company ?? '',
    source: lead.source,
    owner: lead.owner,
  };
}

/** Rejected leads whose hand-off (else MQL, else creation) is in the month, oldest first. */
export function rejectedLeads(leads: readonly LeadFacts[], ctx: MonthContext): RejectedLead[] {
  const rejected: RejectedLead[] = [];
  for (const lead of leads) {
    if (!lead.rejected) continue;
    const at = lead.handedOffAt ?? lead.mqlAt ?? lead.createdAt;
    if (at === null || !inMonth(at, ctx)) continue;
    rejected.push({ ...listed(lead), referenceAt: at, reason: lead.rejectedReason });
  }
  return rejected.sort((a, b) => a.referenceAt - b.referenceAt || a.row - b.row);
}

/** Leads returned to marketing in the month (the classification's `returned`), oldest first. */
export function returnedLeads(leads: readonly LeadFacts[], ctx: MonthContext): ReturnedRow[] {
  const rows: ReturnedRow[] = [];
  for (const lead of leads) {
    const r = lead.returned;
    if (!r || !classifyLead(lead, ctx)?.counts.includes('returned')) continue;
    const { at, reason, track, agreed } = r;
    rows.push({ ...listed(lead), at, reason, track, agreed });
  }
  return rows.sort((a, b) => a.at - b.at || a.row - b.row);
}
